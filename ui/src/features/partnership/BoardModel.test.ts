import { describe, expect, it } from "vitest";

import { parseHash, routeHash } from "../../app/router";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import { buildMatrix, emptyPartnershipQuery, hasPartnershipFilters, moveCardOnBoard, nextListSort, STAGES } from "./model";
import { summary } from "./testFixtures";

const card = (id: string, title: string, stage: PartnershipSummary["stage"]) => summary({ id, title, stage });

describe("board helpers", () => {
  it("builds the matrix in the scale's order, « non classé » last, with totals", () => {
    const m = buildMatrix([
      { mode: "pratiques_responsables", stage: "essaimage", count: 2 },
      { mode: null, stage: "rencontre", count: 1 },
      { mode: "mecenat", stage: "rencontre", count: 3 },
    ]);
    expect(m.rows.map((r) => r.mode)).toEqual([
      "mecenat",
      "cooperation_economique",
      "innovation_societale",
      "pratiques_responsables",
      null,
    ]);
    expect(m.rows[0]!.total).toBe(3);
    expect(m.rows[4]!.counts.rencontre).toBe(1);
    expect(m.columnTotals.rencontre).toBe(4);
    expect(m.columnTotals.essaimage).toBe(2);
    expect(m.total).toBe(6);
  });

  it("sorts by a clicked column, then reverses it", () => {
    const s = nextListSort({ sort: "stage", descending: false }, "title");
    expect(s).toEqual({ sort: "title", descending: false });
    expect(nextListSort(s, "title")).toEqual({ sort: "title", descending: true });
    expect(nextListSort({ sort: "title", descending: true }, "title")).toEqual({ sort: "title", descending: false });
  });

  it("moves a card between columns with their counts", () => {
    const board = {
      total: 2,
      columns: STAGES.map((stage) => ({ stage, total: 0, cards: [] as PartnershipSummary[] })),
    };
    board.columns[0] = { stage: "rencontre", total: 60, cards: [card("a", "Zèbre", "rencontre")] };
    board.columns[1] = { stage: "exploration", total: 1, cards: [card("b", "Ruche", "exploration")] };
    const next = moveCardOnBoard(board, card("a", "Zèbre", "rencontre"), "exploration", "2026-02-02T00:00:00Z");
    expect(next.columns[0]).toEqual({ stage: "rencontre", total: 59, cards: [] });
    expect(next.columns[1]!.total).toBe(2);
    expect(next.columns[1]!.cards.map((c) => [c.id, c.stage])).toEqual([
      ["b", "exploration"],
      ["a", "exploration"],
    ]);
  });

  it("knows when a filter is set", () => {
    expect(hasPartnershipFilters(emptyPartnershipQuery())).toBe(false);
    expect(hasPartnershipFilters({ ...emptyPartnershipQuery(), departement: "" })).toBe(true);
    expect(hasPartnershipFilters({ ...emptyPartnershipQuery(), text: "  " })).toBe(false);
  });

  it("routes to the overview under the partnerships", () => {
    expect(routeHash({ name: "overview" })).toBe("#/partenariats/vue-d-ensemble");
    expect(parseHash("#/partenariats/vue-d-ensemble")).toEqual({ name: "overview" });
    expect(parseHash("#/partenariats/prt-1")).toEqual({ name: "partnership", id: "prt-1" });
  });
});
