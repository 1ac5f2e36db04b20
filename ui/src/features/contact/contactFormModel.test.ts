import { describe, expect, it } from "vitest";

import { reviewDueOn } from "./ContactsSection";
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

  it("reviews personal data 3 years after the last contact the person initiated", () => {
    expect(reviewDueOn({ lastInitiatedOn: "2024-02-29", createdAt: "2020-01-01T00:00:00Z" })).toBe("2027-02-28");
    expect(reviewDueOn({ lastInitiatedOn: null, createdAt: "2026-03-14T09:30:00Z" })).toBe("2029-03-14");
  });

  it("makes initials from the names", () => {
    expect(initials({ firstName: "aïcha", lastName: "Benali" })).toBe("AB");
    expect(initials({ firstName: "", lastName: "Émile" })).toBe("É");
    expect(initials({ firstName: " ", lastName: "" })).toBe("?");
  });
});

describe("tags", () => {
  it("adds typed or pasted tags, dropping blanks, # and repeats", () => {
    expect(addTags(["ESS"], "insertion, #numérique,, ess ;Insertion")).toEqual(["ESS", "insertion", "numérique"]);
  });
});
