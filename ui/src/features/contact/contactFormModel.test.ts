import { describe, expect, it } from "vitest";

import { emptyContactForm, initials, toContactInput } from "./contactFormModel";
import { addTags } from "../actor/TagsInput";

describe("contact form", () => {
  it("defaults the legal basis to legitimate interest and sends blanks as null", () => {
    const input = toContactInput({ ...emptyContactForm(), lastName: "Muller", email: " " }, "act-1");
    expect(input).toMatchObject({ actorId: "act-1", legalBasis: "interet_legitime", email: null, source: null });
  });

  it("sends consents in a stable order", () => {
    const input = toContactInput({ ...emptyContactForm(), consents: ["photos", "newsletter"] }, null);
    expect(input.consents).toEqual(["newsletter", "photos"]);
  });

  it("makes initials from the names", () => {
    expect(initials({ firstName: "aïcha", lastName: "Benali" })).toBe("AB");
    expect(initials({ firstName: "", lastName: "Émile" })).toBe("É");
    expect(initials({ firstName: " ", lastName: "" })).toBe("?");
  });
});

describe("tags", () => {
  it("adds typed or pasted tags, dropping blanks, # and exact repeats", () => {
    expect(addTags(["ESS"], "insertion, #numérique,, ESS ;insertion")).toEqual(["ESS", "insertion", "numérique"]);
  });

  it("leaves repeats that differ by case or accents to the core, which folds them when saving", () => {
    expect(addTags(["ESS"], "ess, Numérique, numerique")).toEqual(["ESS", "ess", "Numérique", "numerique"]);
  });
});
