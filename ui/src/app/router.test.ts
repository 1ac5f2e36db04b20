import { describe, expect, it } from "vitest";

import { parseHash, routeHash, Trail } from "./router";

describe("hash routes", () => {
  it("reads and writes the directory and actor pages", () => {
    expect(parseHash("")).toEqual({ name: "start" });
    expect(parseHash("#/accueil")).toEqual({ name: "home" });
    expect(routeHash({ name: "home" })).toBe("#/accueil");
    expect(parseHash("#/reglages")).toEqual({ name: "settings" });
    expect(routeHash({ name: "settings" })).toBe("#/reglages");
    expect(parseHash("#/annuaire")).toEqual({ name: "directory" });
    expect(parseHash("#/annuaire/contacts")).toEqual({ name: "contacts" });
    expect(routeHash({ name: "contacts" })).toBe("#/annuaire/contacts");
    expect(parseHash("#/annuaire/inconnu")).toEqual({ name: "start" });
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
    expect(parseHash("#/evenements")).toEqual({ name: "events" });
    expect(parseHash("#/evenements/evt-1")).toEqual({ name: "event", id: "evt-1", tab: "participants" });
    expect(parseHash("#/evenements/evt-1/saisie")).toEqual({ name: "event", id: "evt-1", tab: "capture" });
    expect(parseHash("#/evenements/evt-1/inconnu")).toEqual({ name: "event", id: "evt-1", tab: "participants" });
    expect(routeHash({ name: "event", id: "e", tab: "report" })).toBe("#/evenements/e/bilan");
    expect(parseHash("#/salle/evt-1")).toEqual({ name: "room", id: "evt-1" });
    expect(parseHash("#/salle")).toEqual({ name: "start" });
    expect(parseHash("#/impact")).toEqual({ name: "impact" });
    expect(routeHash({ name: "impact" })).toBe("#/impact");
    expect(parseHash("#/impact/x")).toEqual({ name: "start" });
    for (const r of [
      { name: "directory" as const },
      { name: "actor" as const, id: "a b", contactId: null },
      { name: "actor" as const, id: "x", contactId: "y" },
      { name: "partnerships" as const },
      { name: "partnership" as const, id: "prt 1" },
      { name: "data" as const, tab: "import" as const },
      { name: "data" as const, tab: "backups" as const },
      { name: "data" as const, tab: "privacy" as const, personId: "ctc 1" },
      { name: "events" as const },
      { name: "event" as const, id: "evt 1", tab: "capture" as const },
      { name: "room" as const, id: "evt-1" },
    ]) {
      expect(parseHash(routeHash(r))).toEqual(r);
    }
  });
});

describe("the trail of screens « Retour » follows", () => {
  it("goes back to the actor a partnership was opened from, not to the board", () => {
    const trail = new Trail("#/annuaire");
    trail.arrive("#/acteurs/a1", 120);
    trail.arrive("#/partenariats/p1", 40);
    expect(trail.previous()).toEqual({ name: "actor", id: "a1", contactId: null });
    expect(trail.scrollTop()).toBe(0);
    trail.arrive("#/acteurs/a1", 300);
    expect(trail.wentBack).toBe(true);
    expect(trail.scrollTop()).toBe(40);
    expect(trail.previous()).toEqual({ name: "directory" });
  });

  it("has no previous screen on the window's first one", () => {
    const trail = new Trail("#/partenariats/p1");
    expect(trail.previous()).toBeNull();
  });

  it("replaces the current screen on a replacing navigation", () => {
    const trail = new Trail("#/annuaire");
    trail.arrive("#/evenements/e1/participants");
    trail.replaceNext();
    trail.arrive("#/evenements/e1/planning");
    expect(trail.previous()).toEqual({ name: "directory" });
    expect(trail.scrollTop()).toBe(0);
  });
});
