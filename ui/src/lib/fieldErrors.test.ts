import { describe, expect, it } from "vitest";

import type { FieldError } from "../bindings/FieldError";
import { firstInvalidField, messagesByField, uiFieldName, unplacedErrors, visibleErrors } from "./fieldErrors";

const fe = (field: string, message = `${field} est faux.`): FieldError => ({ field, message, messageEn: `${field} is wrong.` });
const ORDER = ["kind", "name", "siren", "commune", "needs", "offers", "tags"];

describe("field errors", () => {
  it("maps the server's field names to the form's controls", () => {
    expect(uiFieldName("communeInsee")).toBe("commune");
    expect(uiFieldName("siren")).toBe("siren");
    expect(uiFieldName("needs.2.text")).toBe("needs.2.text");
  });

  it("groups messages per control in the interface language, without repeats", () => {
    const errors = [fe("siren", "Le SIREN est invalide."), fe("communeInsee"), fe("siren", "Le SIREN est invalide.")];
    const fr = messagesByField(errors, "fr");
    expect(fr.get("siren")).toEqual(["Le SIREN est invalide."]);
    expect(fr.get("commune")).toEqual(["communeInsee est faux."]);
    expect(messagesByField(errors, "en").get("siren")).toEqual(["siren is wrong."]);
  });

  it("shows errors of touched fields only, all of them after a submit", () => {
    const errors = [fe("name"), fe("siren"), fe("needs.1.text")];
    expect(visibleErrors(errors, new Set(["siren"]), false).map((e) => e.field)).toEqual(["siren"]);
    expect(visibleErrors(errors, new Set(["needs"]), false).map((e) => e.field)).toEqual(["needs.1.text"]);
    expect(visibleErrors(errors, new Set(), true)).toHaveLength(3);
  });

  it("shows an error caused by another field once that field is edited", () => {
    const siret = { ...fe("siret", "Le SIRET doit commencer par le SIREN."), dependsOn: ["siren"] };
    expect(visibleErrors([siret], new Set(["siren"]), false)).toEqual([siret]);
    expect(visibleErrors([siret], new Set(["name"]), false)).toEqual([]);
  });

  it("finds the first bad control in the form's order, rows by index", () => {
    expect(firstInvalidField([fe("tags"), fe("communeInsee"), fe("siren")], ORDER)).toBe("siren");
    expect(firstInvalidField([fe("needs.3.text"), fe("needs.1.text"), fe("offers.0.text")], ORDER)).toBe("needs.1.text");
    expect(firstInvalidField([], ORDER)).toBeNull();
  });

  it("sends errors no control shows to the banner", () => {
    expect(unplacedErrors([fe("siren"), fe("mystery"), fe("needs.0.text")], ORDER).map((e) => e.field)).toEqual([
      "mystery",
    ]);
  });
});
