// Pure helpers of the partnership editors: amounts and numbers shown for
// editing (the core reads what people type back), the input that recreates a partnership, row
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

/** Minutes as the hours field shows them: « 1,5 » ("" for 0). */
export function minutesToTyped(minutes: number): string {
  if (minutes === 0) return "";
  return String(Math.round((minutes / 60) * 100) / 100).replace(".", ",");
}

/** A number as a field shows it: « 1234,5 ». */
export function numberToTyped(value: number | null): string {
  return value === null ? "" : String(value).replace(".", ",");
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
