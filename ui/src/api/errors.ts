import type { FieldError } from "../bindings/FieldError";
import { APP_ERROR_KINDS, type AppError, type AppErrorKind } from "./types";

const FALLBACK_FR = "Une erreur inattendue est survenue. Réessayez ; si elle persiste, redémarrez Tisserand.";
const FALLBACK_EN = "An unexpected error occurred. Try again; if it persists, restart Tisserand.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function toFieldError(value: unknown): FieldError | null {
  if (!isRecord(value)) return null;
  const field = nonEmptyString(value.field);
  const message = nonEmptyString(value.message);
  if (field === null || message === null) return null;
  return { field, message, messageEn: nonEmptyString(value.messageEn) ?? message };
}

function isKind(value: unknown): value is AppErrorKind {
  return typeof value === "string" && (APP_ERROR_KINDS as readonly string[]).includes(value);
}

/**
 * Turns whatever a command rejected with into an `AppError`.
 *
 * The backend rejects with an `AppError` object; Tauri itself rejects with a
 * plain string (unknown command, bad arguments), and a browser without Tauri
 * throws a `TypeError`. Those become `internal` errors carrying their text.
 */
export function toAppError(raw: unknown): AppError {
  if (isRecord(raw) && nonEmptyString(raw.message) !== null && typeof raw.kind === "string") {
    const message = nonEmptyString(raw.message) ?? FALLBACK_FR;
    const fields = Array.isArray(raw.fields)
      ? raw.fields.map(toFieldError).filter((f): f is FieldError => f !== null)
      : [];
    return {
      kind: isKind(raw.kind) ? raw.kind : "internal",
      message,
      messageEn: nonEmptyString(raw.messageEn) ?? message,
      fields,
    };
  }
  if (typeof raw === "string") {
    const text = raw.trim() === "" ? null : raw;
    return { kind: "internal", message: text ?? FALLBACK_FR, messageEn: text ?? FALLBACK_EN, fields: [] };
  }
  if (raw instanceof Error && raw.message.trim() !== "") {
    return { kind: "internal", message: raw.message, messageEn: raw.message, fields: [] };
  }
  return { kind: "internal", message: FALLBACK_FR, messageEn: FALLBACK_EN, fields: [] };
}

export function isAppError(value: unknown): value is AppError {
  return (
    isRecord(value) &&
    isKind(value.kind) &&
    typeof value.message === "string" &&
    typeof value.messageEn === "string" &&
    Array.isArray(value.fields)
  );
}

/** The error's sentence in the interface language. */
export function errorText(error: AppError, lang: "fr" | "en"): string {
  return lang === "en" ? error.messageEn || error.message : error.message;
}

/** The field error's sentence in the interface language. */
export function fieldErrorText(error: FieldError, lang: "fr" | "en"): string {
  return lang === "en" ? error.messageEn || error.message : error.message;
}
