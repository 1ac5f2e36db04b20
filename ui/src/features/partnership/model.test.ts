import { describe, expect, it } from "vitest";

import type { Stage } from "../../bindings/Stage";
import {
  formatCents,
  formatPercent,
  groupByStage,
  inScaleOrder,
  keyboardMoveTarget,
} from "./model";
import { summary } from "./testFixtures";

const card = (id: string, stage: Stage, title: string) => summary({ id, stage, title });

const key = (k: string, altKey = true) => ({ key: k, altKey, ctrlKey: false, metaKey: false, shiftKey: false });

describe("board columns", () => {
  it("has one column per stage in pipeline order, abandonné last, even when empty", () => {
    const columns = groupByStage([]);
    expect(columns.map((c) => c.stage)).toEqual([
      "rencontre",
      "exploration",
      "preparation",
      "contractualisation",
      "mise_en_oeuvre",
      "evaluation",
      "essaimage",
      "abandonne",
    ]);
    expect(columns.every((c) => c.cards.length === 0)).toBe(true);
  });

  it("puts each card in its stage's column, by title (French order)", () => {
    const columns = groupByStage([
      card("a", "evaluation", "Zèbre"),
      card("b", "rencontre", "Écoles"),
      card("c", "evaluation", "Atelier"),
      card("d", "abandonne", "Café"),
      card("e", "rencontre", "Banque"),
    ]);
    const ids = Object.fromEntries(columns.map((c) => [c.stage, c.cards.map((x) => x.id)]));
    expect(ids.rencontre).toEqual(["e", "b"]);
    expect(ids.evaluation).toEqual(["c", "a"]);
    expect(ids.abandonne).toEqual(["d"]);
    expect(ids.exploration).toEqual([]);
  });

  it("keeps the modes in the scale's order", () => {
    expect(inScaleOrder(["pratiques_responsables", "mecenat", "innovation_societale"])).toEqual([
      "mecenat",
      "innovation_societale",
      "pratiques_responsables",
    ]);
  });
});

describe("money", () => {
  it("formats integer cents as euros in French", () => {
    const nbsp = /[\u00a0\u202f]/g;
    expect(formatCents(123_456).replace(nbsp, " ")).toBe("1 234,56 €");
    expect(formatCents(0).replace(nbsp, " ")).toBe("0,00 €");
    expect(formatCents(5).replace(nbsp, " ")).toBe("0,05 €");
    expect(formatCents(-2_500).replace(nbsp, " ")).toBe("-25,00 €");
    expect(formatCents(123_456, "en")).toBe("€1,234.56");
  });

  it("formats basis points as a percentage", () => {
    expect(formatPercent(3750).replace(/[\u00a0\u202f]/g, " ")).toBe("37,5 %");
    expect(formatPercent(2500, "en")).toBe("25%");
  });
});

describe("keyboard move", () => {
  // Where the core says cards step (BoardColumn.previous / next), as sample values.
  const exploration = { previous: "rencontre", next: "preparation" } as const;
  const rencontre = { previous: null, next: "exploration" } as const;
  const none = { previous: null, next: null };

  it("moves to the next stage with Alt+→ and the previous with Alt+←, as the column says", () => {
    expect(keyboardMoveTarget(key("ArrowRight"), rencontre)).toBe("exploration");
    expect(keyboardMoveTarget(key("ArrowLeft"), exploration)).toBe("rencontre");
    expect(keyboardMoveTarget(key("ArrowRight"), exploration)).toBe("preparation");
  });

  it("goes nowhere where the column names no stage, or before the board is loaded", () => {
    expect(keyboardMoveTarget(key("ArrowLeft"), rencontre)).toBeNull();
    expect(keyboardMoveTarget(key("ArrowRight"), none)).toBeNull();
    expect(keyboardMoveTarget(key("ArrowLeft"), none)).toBeNull();
    expect(keyboardMoveTarget(key("ArrowRight"), undefined)).toBeNull();
  });

  it("ignores arrows without Alt, or with another modifier", () => {
    expect(keyboardMoveTarget(key("ArrowRight", false), rencontre)).toBeNull();
    expect(keyboardMoveTarget({ ...key("ArrowRight"), ctrlKey: true }, rencontre)).toBeNull();
    expect(keyboardMoveTarget({ ...key("ArrowRight"), shiftKey: true }, rencontre)).toBeNull();
    expect(keyboardMoveTarget(key("Enter"), rencontre)).toBeNull();
  });
});
