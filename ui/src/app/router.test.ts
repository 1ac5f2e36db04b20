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
    for (const r of [
      { name: "directory" as const },
      { name: "actor" as const, id: "a b", contactId: null },
      { name: "actor" as const, id: "x", contactId: "y" },
      { name: "partnerships" as const },
      { name: "partnership" as const, id: "prt 1" },
    ]) {
      expect(parseHash(routeHash(r))).toEqual(r);
    }
  });
});
