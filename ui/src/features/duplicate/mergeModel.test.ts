// The dialog's display of a preview the core computed (domain::merge's
// preview is tested in Rust): which rows offer a choice, which result each
// row shows, and what the merge receives.
import { describe, expect, it } from "vitest";

import type { MergePreview } from "../../bindings/MergePreview";
import { choiceFields, mergeChoices, mergedRows, sideOf } from "./mergeModel";

/** As get_merge_preview answers for two records that differ on the name and the tags. */
const PREVIEW: MergePreview = {
  keepId: "k",
  otherId: "o",
  fields: [
    {
      field: "name",
      kind: "scalar",
      keep: "A",
      other: "B",
      sides: ["keep", "other"],
      defaultSide: "keep",
      results: [
        { side: "keep", value: "A", origin: "keep" },
        { side: "other", value: "B", origin: "other" },
      ],
    },
    {
      field: "siren",
      kind: "scalar",
      keep: null,
      other: "552100554",
      sides: [],
      defaultSide: "keep",
      results: [{ side: "keep", value: "552100554", origin: "other" }],
    },
    {
      field: "tags",
      kind: "list",
      keep: [{ key: "x", text: "x" }],
      other: [{ key: "y", text: "y" }],
      sides: ["keep", "other", "both"],
      defaultSide: "both",
      results: [
        { side: "keep", value: [{ key: "x", text: "x" }], origin: "keep" },
        { side: "other", value: [{ key: "y", text: "y" }], origin: "other" },
        { side: "both", value: [{ key: "x", text: "x" }, { key: "y", text: "y" }], origin: "both" },
      ],
    },
    { field: "notes", kind: "text", keep: null, other: null, sides: [], defaultSide: "both", results: [{ side: "both", value: null, origin: "none" }] },
  ],
};

describe("the merge dialog's display of the core's preview", () => {
  it("offers a choice only where the core offers sides", () => {
    expect(choiceFields(PREVIEW).map((f) => f.field)).toEqual(["name", "tags"]);
  });

  it("shows the person's side when offered, else the core's default", () => {
    const [name, siren, tags] = PREVIEW.fields;
    expect(name && sideOf(name, {})).toBe("keep");
    expect(name && sideOf(name, { name: "other" })).toBe("other");
    expect(name && sideOf(name, { name: "both" })).toBe("keep");
    expect(siren && sideOf(siren, { siren: "other" })).toBe("keep");
    expect(tags && sideOf(tags, {})).toBe("both");
  });

  it("lists the core's result for each side chosen, blanks left out", () => {
    const rows = mergedRows(PREVIEW, { name: "other", tags: "keep" });
    expect(rows.map((r) => [r.field, r.origin])).toEqual([
      ["name", "other"],
      ["siren", "other"],
      ["tags", "keep"],
    ]);
    expect(rows[0]?.value).toBe("B");
    expect(mergedRows(PREVIEW, {}).find((r) => r.field === "tags")?.value).toHaveLength(2);
  });

  it("sends the side of every field the person could choose", () => {
    expect(mergeChoices(PREVIEW, { name: "other" })).toEqual({ fields: { name: "other", tags: "both" } });
    expect(mergeChoices(PREVIEW, { name: "both", siren: "other" })).toEqual({ fields: { name: "keep", tags: "both" } });
  });
});
