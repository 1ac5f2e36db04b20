import { describe, expect, it } from "vitest";

import {
  centsToTyped,
  locateRow,
  minutesToTyped,
  rowErrors,
  withoutRow,
  withRow,
  withRowInserted,
} from "./editModel";
import { blankPartnership } from "./testFixtures";

const P = blankPartnership({
  title: "Paniers",
  territory: ["67462"],
  parties: [
    { actorId: "a1", role: "partenaire", contactId: null },
    { actorId: "a2", role: "porteur", contactId: null },
  ],
  modes: { primary: "mecenat", secondary: [], mecenatKinds: [] },
  contributions: [
    { actorId: "a1", kind: "numeraire", valueCents: 50_000, minutes: 0, description: "Don" },
    { actorId: "a2", kind: "competences", valueCents: 0, minutes: 600, description: null },
  ],
  indicators: [{ name: "Enfants", unit: "enfants", baseline: 0, target: 200, measures: [{ on: "2026-03-01", value: 40 }], level: null, theme: null }],
  version: 3,
});

describe("amounts and hours shown for editing", () => {
  it("shows cents back for editing, without the symbol", () => {
    expect(centsToTyped(123_456)).toBe("1\u00a0234,56");
    expect(centsToTyped(150_000)).toBe("1\u00a0500");
    expect(centsToTyped(5)).toBe("0,05");
    expect(centsToTyped(0)).toBe("");
  });

  it("shows minutes as hours", () => {
    expect(minutesToTyped(90)).toBe("1,5");
    expect(minutesToTyped(0)).toBe("");
  });
});

describe("rows", () => {
  it("replaces, appends, removes and puts back a row, keeping the rest", () => {
    const item = { actorId: "a2", kind: "nature" as const, valueCents: 1, minutes: 0, description: null };
    expect(withRow(P, "contributions", 1, item).contributions).toEqual([P.contributions[0], item]);
    expect(withRow(P, "contributions", null, item).contributions).toHaveLength(3);
    const without = withoutRow(P, "contributions", 0);
    expect(without.contributions).toEqual([P.contributions[1]]);
    expect(without.indicators[0]!.measures).toHaveLength(1);
    const back = withRowInserted({ ...P, contributions: without.contributions }, "contributions", 0, P.contributions[0]!);
    expect(back.contributions).toEqual(P.contributions);
  });

  it("finds an edited row again after a reload", () => {
    const [a, b] = P.contributions;
    expect(locateRow([a, b], 1, b)).toBe(1);
    expect(locateRow([b], 1, b)).toBe(0);
    expect(locateRow([a], 1, b)).toBeNull();
    expect(locateRow([a, b], null, null)).toBeNull();
  });

  it("renames the row's server errors for its dialog and leaves the others", () => {
    const errors = [
      { field: "contributions.1.valueCents", message: "m", messageEn: "m" },
      { field: "contributions.10.valueCents", message: "x", messageEn: "x" },
      { field: "title", message: "t", messageEn: "t" },
    ];
    expect(rowErrors(errors, "contributions", 1).map((e) => e.field)).toEqual(["valueCents", "contributions.10.valueCents", "title"]);
  });
});
