// The merge dialog's rules, without React: which record to keep by default,
// which fields differ, what each field's choices are and which one is
// preselected (the backend's defaults), what the merged record would hold
// (the same rules as the domain's merge.rs), and the choices sent.
import type { MergeChoices, MergeSide } from "../../api/types";
import type { Actor } from "../../bindings/Actor";
import type { ActorDuplicate } from "../../bindings/ActorDuplicate";
import type { Contact } from "../../bindings/Contact";
import type { ContactDuplicate } from "../../bindings/ContactDuplicate";
import type { ResourceCategory } from "../../bindings/ResourceCategory";

/** A scalar keeps one value; a list or a text may keep both sides. */
export type FieldKind = "scalar" | "list" | "text";

/** One element of a list field: a tag, a consent, a need or an offer. */
export type ListItem = { key: string; text: string; category?: ResourceCategory };

/** A field's value: a scalar or text (null when blank), or a list. */
export type FieldValue = string | null | ListItem[];

export type FieldSpec<T> = { field: string; kind: FieldKind; get: (record: T) => FieldValue };

const text = (v: string | null | undefined): string | null => (v == null || v.trim() === "" ? null : v);
const items = (values: readonly string[]): ListItem[] => values.map((v) => ({ key: v, text: v }));

/** An association's register entry as one value: court, volume, folio, number. */
function registerEntry(a: Actor): string | null {
  const parts = [a.registerCourt, a.registerVolume, a.registerFolio, a.registerNumber].filter((p) => p !== null);
  return parts.length === 0 ? null : parts.join(" · ");
}

export const ACTOR_FIELDS: FieldSpec<Actor>[] = [
  { field: "name", kind: "scalar", get: (a) => text(a.name) },
  { field: "kind", kind: "scalar", get: (a) => a.kind },
  { field: "siren", kind: "scalar", get: (a) => text(a.siren) },
  { field: "siret", kind: "scalar", get: (a) => text(a.siret) },
  { field: "rna", kind: "scalar", get: (a) => text(a.rna) },
  // A regime guessed from the seat is not merged: the merged record guesses it again.
  { field: "legalRegime", kind: "scalar", get: (a) => (a.legalRegimeChosen ? a.legalRegime : null) },
  // The register entry goes whole, from one side (the backend's merge.rs).
  { field: "registerCourt", kind: "scalar", get: registerEntry },
  { field: "address", kind: "scalar", get: (a) => text(a.address) },
  { field: "communeInsee", kind: "scalar", get: (a) => a.commune?.insee ?? null },
  { field: "sector", kind: "scalar", get: (a) => text(a.sector) },
  { field: "sizeBand", kind: "scalar", get: (a) => a.sizeBand },
  { field: "website", kind: "scalar", get: (a) => text(a.website) },
  { field: "needs", kind: "list", get: (a) => a.needs.map((r) => ({ key: `${r.category}:${r.text}`, text: r.text, category: r.category })) },
  { field: "offers", kind: "list", get: (a) => a.offers.map((r) => ({ key: `${r.category}:${r.text}`, text: r.text, category: r.category })) },
  { field: "stakes", kind: "text", get: (a) => text(a.stakes) },
  { field: "tags", kind: "list", get: (a) => items(a.tags) },
  { field: "notes", kind: "text", get: (a) => text(a.notes) },
];

/** `lastName` stands for the first and last names together, as the backend's merge does. */
export const CONTACT_FIELDS: FieldSpec<Contact>[] = [
  { field: "lastName", kind: "scalar", get: (c) => text(`${c.firstName} ${c.lastName}`.trim()) },
  { field: "actorId", kind: "scalar", get: (c) => c.actorId },
  { field: "role", kind: "scalar", get: (c) => text(c.role) },
  { field: "email", kind: "scalar", get: (c) => text(c.email) },
  { field: "phone", kind: "scalar", get: (c) => text(c.phone) },
  { field: "legalBasis", kind: "scalar", get: (c) => c.legalBasis },
  { field: "source", kind: "scalar", get: (c) => c.source },
  { field: "informedOn", kind: "scalar", get: (c) => c.informedOn },
  { field: "consents", kind: "list", get: (c) => items(c.consents) },
  { field: "notes", kind: "text", get: (c) => text(c.notes) },
];

export type Side = "a" | "b";

/** The record kept by default: the one with more partnerships, then more contacts, then `a`. */
export function defaultKeep(pair: ActorDuplicate): Side {
  const { a, b } = pair;
  if (a.partnerships !== b.partnerships) return a.partnerships > b.partnerships ? "a" : "b";
  if (a.contacts !== b.contacts) return a.contacts > b.contacts ? "a" : "b";
  return "a";
}

/** A contact pair has no counts to compare: the one with more filled fields, then `a`. */
export function defaultKeepContact(pair: ContactDuplicate): Side {
  const filled = (c: Contact) => CONTACT_FIELDS.filter((s) => !isBlank(s.get(c))).length;
  return filled(pair.b) > filled(pair.a) ? "b" : "a";
}

export function isBlank(value: FieldValue): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

function sameValue(x: FieldValue, y: FieldValue): boolean {
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y)) return false;
    const keys = new Set(x.map((i) => i.key));
    return x.length === y.length && y.every((i) => keys.has(i.key));
  }
  return (x ?? "").trim() === (y ?? "").trim();
}

/**
 * The fields where a choice changes the result: both records have a value
 * and the values differ. (A blank is filled from the other side whatever
 * the choice.)
 */
export function differingFields<T>(specs: FieldSpec<T>[], keep: T, other: T): FieldSpec<T>[] {
  return specs.filter((s) => {
    const k = s.get(keep);
    const o = s.get(other);
    return !isBlank(k) && !isBlank(o) && !sameValue(k, o);
  });
}

/** « garder », « prendre l'autre », and « les deux » for lists and texts. */
export function sidesFor(kind: FieldKind): MergeSide[] {
  return kind === "scalar" ? ["keep", "other"] : ["keep", "other", "both"];
}

/** The backend's default: the kept value for a scalar, both for lists and texts. */
export function defaultSide(kind: FieldKind): MergeSide {
  return kind === "scalar" ? "keep" : "both";
}

/** Each differing field with its default side. */
export function defaultSides<T>(fields: FieldSpec<T>[]): Record<string, MergeSide> {
  return Object.fromEntries(fields.map((f) => [f.field, defaultSide(f.kind)]));
}

/** The value the merged record would hold (merge.rs: pick, pick_text, pick_list). */
export function mergedValue(kind: FieldKind, side: MergeSide, keep: FieldValue, other: FieldValue): FieldValue {
  if (kind === "list") {
    const k = Array.isArray(keep) ? keep : [];
    const o = Array.isArray(other) ? other : [];
    if (side === "keep") return k;
    if (side === "other") return o;
    const keys = new Set(k.map((i) => i.key));
    return [...k, ...o.filter((i) => !keys.has(i.key))];
  }
  const k = Array.isArray(keep) ? null : keep;
  const o = Array.isArray(other) ? null : other;
  if (kind === "text" && side === "both" && k !== null && o !== null && k.trim() !== o.trim()) return `${k}\n\n${o}`;
  if (side === "other") return o ?? k;
  return k ?? o;
}

/** Where a merged field's value comes from, to mark it in the preview. */
export type Origin = "keep" | "other" | "both" | "none";

export type PreviewRow = { field: string; kind: FieldKind; value: FieldValue; origin: Origin };

/** Every field of the merged record that holds something, with where it comes from. */
export function mergePreview<T>(specs: FieldSpec<T>[], keep: T, other: T, sides: Record<string, MergeSide>): PreviewRow[] {
  return specs
    .map((s): PreviewRow => {
      const k = s.get(keep);
      const o = s.get(other);
      const side = sides[s.field] ?? defaultSide(s.kind);
      const value = mergedValue(s.kind, side, k, o);
      let origin: Origin = "none";
      if (!isBlank(value)) {
        if (sameValue(value, k)) origin = "keep";
        else if (sameValue(value, o)) origin = "other";
        else origin = "both";
      }
      return { field: s.field, kind: s.kind, value, origin };
    })
    .filter((r) => !isBlank(r.value));
}

/** What duplicates_merge receives: the side of every field the person could choose. */
export function mergeChoices<T>(fields: FieldSpec<T>[], sides: Record<string, MergeSide>): MergeChoices {
  const allowed = (f: FieldSpec<T>, side: MergeSide | undefined): MergeSide =>
    side !== undefined && sidesFor(f.kind).includes(side) ? side : defaultSide(f.kind);
  return { fields: Object.fromEntries(fields.map((f) => [f.field, allowed(f, sides[f.field])])) };
}
