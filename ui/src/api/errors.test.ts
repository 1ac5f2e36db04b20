import { describe, expect, it } from "vitest";

import { errorText, isAppError, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps an AppError from the backend as it is", () => {
    const raw = {
      kind: "invalid",
      message: "Certains champs sont à corriger.",
      messageEn: "Some fields need fixing.",
      fields: [{ field: "siren", message: "Le SIREN est invalide.", messageEn: "Invalid SIREN." }],
    };
    expect(toAppError(raw)).toEqual(raw);
  });

  it("wraps a plain string rejection (Tauri's own errors) as an internal error", () => {
    expect(toAppError("command actors_list not found")).toEqual({
      kind: "internal",
      message: "command actors_list not found",
      messageEn: "command actors_list not found",
      fields: [],
    });
  });

  it("wraps an Error (no Tauri in a plain browser) with its message", () => {
    const e = toAppError(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    expect(e.kind).toBe("internal");
    expect(e.message).toBe("window.__TAURI_INTERNALS__ is undefined");
    expect(e.fields).toEqual([]);
  });

  it("gives a readable French sentence for unknown values, never a JSON dump", () => {
    for (const raw of [undefined, null, 42, { foo: "bar" }, "", "   "]) {
      const e = toAppError(raw);
      expect(e.kind).toBe("internal");
      expect(e.message).toMatch(/^Une erreur inattendue est survenue/);
      expect(e.messageEn).toMatch(/^An unexpected error occurred/);
      expect(e.message).not.toContain("{");
    }
  });

  it("fills what an incomplete AppError lacks", () => {
    const e = toAppError({ kind: "someFutureKind", message: "Disque en lecture seule." });
    expect(e).toEqual({
      kind: "internal",
      message: "Disque en lecture seule.",
      messageEn: "Disque en lecture seule.",
      fields: [],
    });
  });

  it("drops malformed field errors and defaults their English text", () => {
    const e = toAppError({
      kind: "invalid",
      message: "x",
      messageEn: "x",
      fields: [{ field: "name", message: "Le nom est obligatoire." }, { nope: true }, "siren"],
    });
    expect(e.fields).toEqual([
      { field: "name", message: "Le nom est obligatoire.", messageEn: "Le nom est obligatoire." },
    ]);
  });

  it("recognises an AppError and picks the sentence for the language", () => {
    const e = toAppError({ kind: "diskFull", message: "Le disque est plein.", messageEn: "The disk is full." });
    expect(isAppError(e)).toBe(true);
    expect(isAppError("nope")).toBe(false);
    expect(errorText(e, "fr")).toBe("Le disque est plein.");
    expect(errorText(e, "en")).toBe("The disk is full.");
  });
});
