// Pure helpers of the partnership editors: amounts and numbers read as
// people type them in France, the input that recreates a partnership, row
// lists edited by index, and server field errors of one row renamed for the
// row's dialog. Easy to test.
import type { ContributionKind } from "../../bindings/ContributionKind";
import type { FieldError } from "../../bindings/FieldError";
import type { ObjectiveAxis } from "../../bindings/ObjectiveAxis";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipInput } from "../../bindings/PartnershipInput";

export const CONTRIBUTION_KINDS: readonly ContributionKind[] = [
  "numeraire",
  "nature",
  "competences",
  "logistique",
  "achats",
  "autre",
];

/** Le RAMEAU's « carré magique des objectifs », in its usual order. */
export const OBJECTIVE_AXES: readonly ObjectiveAxis[] = [
  "ressources_humaines",
  "relations_parties_prenantes",
  "innovation",
  "performance_economique",
];

/** The row lists of a partnership that the page edits one row at a time. */
export type RowList = "contributions" | "counterparts" | "nextActions" | "objectives" | "indicators";

/** Spaces of every kind (thin, no-break, narrow no-break) people or Intl put in numbers. */
const SPACES = /[\s\u00a0\u202f\u2009_']/g;

/**
 * Reads a decimal number with at most two decimals ("1 234,56 €", "1234,5",
 * "12.5", ",5", "-3") as hundredths, like the core's `parse_euros`.
 * Null when it is not such a number or is too large to be exact.
 */
export function parseHundredths(text: string): number | null {
  let t = text.trim().replace(/€$/, "").replace(/^€/, "").replace(SPACES, "");
  let negative = false;
  if (t.startsWith("-")) {
    negative = true;
    t = t.slice(1);
  }
  t = t.replace(",", ".");
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return null;
  const int = m[1] ?? "";
  const frac = m[2] ?? "";
  if (int === "" && frac === "") return null;
  const value = Number(int === "" ? "0" : int) * 100 + (frac === "" ? 0 : Number(frac.padEnd(2, "0")));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

/** An amount in euros as typed ("1 234,56 €") → cents; "" is 0; null when unreadable. */
export function parseEuros(text: string): number | null {
  if (text.trim() === "") return 0;
  return parseHundredths(text);
}

/** Cents as the amount field shows them for editing: « 1 234,56 » (no symbol; "" for 0). */
export function centsToTyped(cents: number): string {
  if (cents === 0) return "";
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  const rest = abs % 100;
  return `${negative ? "-" : ""}${euros}${rest === 0 ? "" : `,${String(rest).padStart(2, "0")}`}`;
}

/** Hours as typed ("12", "1,5", "1h30" is not read) → minutes; "" is 0; null when unreadable. */
export function parseHours(text: string): number | null {
  const t = text.trim().replace(/\s*h$/i, "");
  if (t === "") return 0;
  const hundredths = parseHundredths(t);
  return hundredths === null ? null : Math.trunc((hundredths * 60) / 100);
}

/** Minutes as the hours field shows them: « 1,5 » ("" for 0). */
export function minutesToTyped(minutes: number): string {
  if (minutes === 0) return "";
  return String(Math.round((minutes / 60) * 100) / 100).replace(".", ",");
}

/** A number as typed ("1 234,5", "12.5", "-3") → number; "" is null; NaN when unreadable. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(SPACES, "").replace(",", ".");
  if (t === "") return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return Number.NaN;
  return Number(t);
}

/** A number as a field shows it: « 1234,5 ». */
export function numberToTyped(value: number | null): string {
  return value === null ? "" : String(value).replace(".", ",");
}

/** A date as typed: "26/11/2026", "26/11/26", "2026-11-26" → "2026-11-26"; "" is null; undefined when unreadable. */
export function typedDateToIso(text: string): string | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (fr) {
    [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
    if (y < 100) y += 2000;
  } else {
    return undefined;
  }
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The input that would recreate this partnership as stored, for edits. */
export function toInput(p: Partnership): PartnershipInput {
  return {
    title: p.title,
    summary: p.summary,
    territory: [...p.territory],
    parties: p.parties.map((x) => ({ ...x })),
    modes: { ...p.modes },
    contributions: p.contributions.map((x) => ({ ...x })),
    counterparts: p.counterparts.map((x) => ({ ...x })),
    facilitator: p.facilitator,
    tags: [...p.tags],
    origin: p.origin,
    nextActions: p.nextActions.map((x) => ({ ...x })),
    objectives: p.objectives.map((x) => ({ ...x })),
    indicators: p.indicators.map((x) => ({ ...x, measures: [...x.measures] })),
  };
}

/** The partnership's input with row `index` of `list` replaced by `item` (appended when index is null or out of range). */
export function withRow<K extends RowList>(
  p: Partnership,
  list: K,
  index: number | null,
  item: PartnershipInput[K][number],
): PartnershipInput {
  const input = toInput(p);
  const rows = [...input[list]] as PartnershipInput[K][number][];
  if (index === null || index < 0 || index >= rows.length) rows.push(item);
  else rows[index] = item;
  input[list] = rows as PartnershipInput[K];
  return input;
}

/** The partnership's input without row `index` of `list`. */
export function withoutRow(p: Partnership, list: RowList, index: number): PartnershipInput {
  const input = toInput(p);
  input[list] = input[list].filter((_, i) => i !== index) as never;
  return input;
}

/** The partnership's input with `item` put back at `index` of `list` (or at the end if the list got shorter). */
export function withRowInserted<K extends RowList>(
  p: Partnership,
  list: K,
  index: number,
  item: PartnershipInput[K][number],
): PartnershipInput {
  const input = toInput(p);
  const rows = [...input[list]] as PartnershipInput[K][number][];
  rows.splice(Math.min(index, rows.length), 0, item);
  input[list] = rows as PartnershipInput[K];
  return input;
}

/** Where an edited row now stands in a (reloaded) list: its index if unchanged, else the same row found elsewhere, else null (it will be added). */
export function locateRow<T>(rows: readonly T[], index: number | null, original: T | null): number | null {
  if (index === null || original === null) return null;
  const same = (x: T) => JSON.stringify(x) === JSON.stringify(original);
  const at = rows[index];
  if (at !== undefined && same(at)) return index;
  const found = rows.findIndex(same);
  return found >= 0 ? found : null;
}

/**
 * Server field errors for one row's dialog: `contributions.2.valueCents`
 * becomes `valueCents`; errors of other fields keep their name (the dialog
 * lists them in its banner).
 */
export function rowErrors(errors: readonly FieldError[], list: RowList, index: number): FieldError[] {
  const prefix = `${list}.${String(index)}.`;
  return errors.map((e) => (e.field.startsWith(prefix) ? { ...e, field: e.field.slice(prefix.length) } : e));
}

// ---------- The agreement's text (preamble and free clauses) ----------

/** Characters as the core counts them (Unicode scalar values, not UTF-16 units), for the preamble's counter. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** `list` with the item at `from` moved to `to` (unchanged when either is out of range). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
