// The merge dialog's display of the core's preview (get_merge_preview):
// which fields offer a choice, the side shown for each, the merged record's
// rows for the sides chosen, and the choices sent. Every value, default and
// side offered comes from the core (domain::merge); nothing is decided here.
import type { MergeChoices, MergeSide } from "../../api/types";
import type { MergeFieldPreview } from "../../bindings/MergeFieldPreview";
import type { MergeOrigin } from "../../bindings/MergeOrigin";
import type { MergePreview } from "../../bindings/MergePreview";
import type { MergeValue } from "../../bindings/MergeValue";

/** A field's value: a text (or code), a list, or null when blank. */
export type FieldValue = MergeValue | null;

/** The person's side per field, by field name. */
export type Sides = Record<string, MergeSide>;

/** The fields where the person chooses a side (the core offers sides only where a choice changes the result). */
export function choiceFields(preview: MergePreview): MergeFieldPreview[] {
  return preview.fields.filter((f) => f.sides.length > 0);
}

/** The side shown for a field: the person's when the core offers it, else the core's default. */
export function sideOf(field: MergeFieldPreview, sides: Sides): MergeSide {
  const side = sides[field.field];
  return side !== undefined && field.sides.includes(side) ? side : field.defaultSide;
}

export type PreviewRow = { field: string; value: MergeValue; origin: MergeOrigin };

/** The merged record's fields that hold something, each with the core's result for its side. */
export function mergedRows(preview: MergePreview, sides: Sides): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const f of preview.fields) {
    const side = sideOf(f, sides);
    const result = f.results.find((r) => r.side === side) ?? f.results[0];
    if (result?.value != null) rows.push({ field: f.field, value: result.value, origin: result.origin });
  }
  return rows;
}

/** What merge_duplicates receives: the side of every field the person could choose. */
export function mergeChoices(preview: MergePreview, sides: Sides): MergeChoices {
  return { fields: Object.fromEntries(choiceFields(preview).map((f) => [f.field, sideOf(f, sides)])) };
}
