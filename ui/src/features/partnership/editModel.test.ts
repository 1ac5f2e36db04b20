import { describe, expect, it } from "vitest";

import {
  centsToTyped,
  locateRow,
  minutesToTyped,
  parseDecimal,
  parseEuros,
  parseHours,
  rowErrors,
  typedDateToIso,
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
  indicators: [{ name: "Enfants", unit: "enfants", baseline: 0, target: 200, measures: [{ on: "2026-03-01", value: 40 }] }],
  version: 3,
});

describe("euro amounts typed the French way", () => {
  it.each([
    ["1 234,56", 123_456],
    ["1\u202f234,56 €", 123_456],
    ["1\u00a0234,56\u00a0€", 123_456],
    ["1234,5", 123_450],
    ["12.5", 1_250],
    [",5", 50],
    ["1500", 150_000],
    ["  42 € ", 4_200],
    ["0,07", 7],
    ["", 0],
    ["-3", -300],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each(["1.234", "12,345", "douze", "1,2,3", "€", "99999999999999999999"])("refuses %j", (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  it("shows cents back for editing, without the symbol", () => {
    expect(centsToTyped(123_456)).toBe("1\u00a0234,56");
    expect(centsToTyped(150_000)).toBe("1\u00a0500");
    expect(centsToTyped(5)).toBe("0,05");
    expect(centsToTyped(0)).toBe("");
    expect(parseEuros(centsToTyped(987_654_321))).toBe(987_654_321);
  });
});

describe("hours, numbers and dates", () => {
  it("reads hours into minutes", () => {
    expect(parseHours("1,5")).toBe(90);
    expect(parseHours("12")).toBe(720);
    expect(parseHours("12 h")).toBe(720);
    expect(parseHours("")).toBe(0);
    expect(parseHours("beaucoup")).toBeNull();
    expect(minutesToTyped(90)).toBe("1,5");
  });

  it("reads decimals with a comma or a dot", () => {
    expect(parseDecimal("1 234,5")).toBe(1234.5);
    expect(parseDecimal("12.25")).toBe(12.25);
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("abc")).toBeNaN();
  });

  it("reads dates as typed in France", () => {
    expect(typedDateToIso("26/11/2026")).toBe("2026-11-26");
    expect(typedDateToIso("2/3/26")).toBe("2026-03-02");
    expect(typedDateToIso("2026-11-26")).toBe("2026-11-26");
    expect(typedDateToIso("")).toBeNull();
    expect(typedDateToIso("31/02/2026")).toBeUndefined();
    expect(typedDateToIso("demain")).toBeUndefined();
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
