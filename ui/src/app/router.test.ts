import { describe, expect, it } from "vitest";

import { parseHash, routeHash } from "./router";

describe("hash routes", () => {
  it("reads and writes the directory and actor pages", () => {
    expect(parseHash("")).toEqual({ name: "start" });
    expect(parseHash("#/annuaire")).toEqual({ name: "directory" });
    expect(parseHash("#/acteurs/act-1")).toEqual({ name: "actor", id: "act-1", contactId: null });
    expect(parseHash("#/acteurs/act-1?contact=c%2F2")).toEqual({ name: "actor", id: "act-1", contactId: "c/2" });
    expect(parseHash("#/partenariats")).toEqual({ name: "partnerships" });
    expect(parseHash("#/partenariats/prt-1")).toEqual({ name: "partnership", id: "prt-1" });
    expect(parseHash("#/nimporte/quoi")).toEqual({ name: "start" });
    expect(parseHash("#/donnees")).toEqual({ name: "data", tab: "import" });
    expect(parseHash("#/donnees/import")).toEqual({ name: "data", tab: "import" });
    expect(parseHash("#/donnees/sauvegardes")).toEqual({ name: "data", tab: "backups" });
    expect(parseHash("#/donnees/inconnu")).toEqual({ name: "data", tab: "import" });
    expect(routeHash({ name: "data", tab: "backups" })).toBe("#/donnees/sauvegardes");
    expect(parseHash("#/donnees/exporter")).toEqual({ name: "data", tab: "export" });
    expect(parseHash("#/donnees/doublons")).toEqual({ name: "data", tab: "duplicates" });
    expect(parseHash("#/donnees/personnes")).toEqual({ name: "data", tab: "privacy" });
    expect(parseHash("#/donnees/personnes/ctc-7")).toEqual({ name: "data", tab: "privacy", personId: "ctc-7" });
    expect(parseHash("#/donnees/import/ctc-7")).toEqual({ name: "start" });
    expect(routeHash({ name: "data", tab: "privacy", personId: "c/1" })).toBe("#/donnees/personnes/c%2F1");
    for (const r of [
      { name: "directory" as const },
      { name: "actor" as const, id: "a b", contactId: null },
      { name: "actor" as const, id: "x", contactId: "y" },
      { name: "partnerships" as const },
      { name: "partnership" as const, id: "prt 1" },
      { name: "data" as const, tab: "import" as const },
      { name: "data" as const, tab: "backups" as const },
      { name: "data" as const, tab: "privacy" as const, personId: "ctc 1" },
    ]) {
      expect(parseHash(routeHash(r))).toEqual(r);
    }
  });
});
