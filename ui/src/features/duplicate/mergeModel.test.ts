import { describe, expect, it } from "vitest";

import type { Actor } from "../../bindings/Actor";
import type { ActorDuplicate } from "../../bindings/ActorDuplicate";
import type { Contact } from "../../bindings/Contact";
import {
  ACTOR_FIELDS,
  CONTACT_FIELDS,
  defaultKeep,
  defaultKeepContact,
  defaultSides,
  differingFields,
  mergeChoices,
  mergePreview,
  mergedValue,
  sidesFor,
} from "./mergeModel";

function actor(over: Partial<Actor> = {}): Actor {
  return {
    id: "act-1",
    kind: "association",
    name: "Restos du Cœur",
    siren: null,
    siret: null,
    rna: null,
    legalRegime: null,
    legalRegimeChosen: false,
    registerCourt: null,
    registerVolume: null,
    registerFolio: null,
    registerNumber: null,
    address: null,
    commune: null,
    sector: null,
    sizeBand: null,
    website: null,
    needs: [],
    offers: [],
    stakes: null,
    tags: [],
    notes: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...over,
  };
}

function contact(over: Partial<Contact> = {}): Contact {
  return {
    id: "ctc-1",
    actorId: "act-1",
    actorName: "Restos du Cœur",
    firstName: "Jean",
    lastName: "Koenig",
    role: null,
    email: null,
    phone: null,
    legalBasis: "interet_legitime",
    source: null,
    informedOn: null,
    consents: [],
    lastInitiatedOn: null,
    notes: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...over,
  };
}

const pair = (a: [number, number], b: [number, number]): ActorDuplicate => ({
  a: { actor: actor({ id: "a" }), partnerships: a[0], contacts: a[1] },
  b: { actor: actor({ id: "b" }), partnerships: b[0], contacts: b[1] },
  reasons: [{ kind: "sameName" }],
  why: ["même nom"],
  score: 70,
});

describe("which record to keep", () => {
  it("prefers more partnerships, then more contacts, then a", () => {
    expect(defaultKeep(pair([0, 9], [1, 0]))).toBe("b");
    expect(defaultKeep(pair([2, 0], [1, 5]))).toBe("a");
    expect(defaultKeep(pair([1, 1], [1, 3]))).toBe("b");
    expect(defaultKeep(pair([1, 3], [1, 3]))).toBe("a");
  });

  it("keeps the fuller contact, a when equal", () => {
    const a = contact({ id: "a" });
    const b = contact({ id: "b", email: "j@x.fr", phone: "06" });
    expect(defaultKeepContact({ a, b, reasons: [], why: [], score: 0 })).toBe("b");
    expect(defaultKeepContact({ a: b, b: a, reasons: [], why: [], score: 0 })).toBe("a");
    expect(defaultKeepContact({ a, b: { ...a, id: "b" }, reasons: [], why: [], score: 0 })).toBe("a");
  });
});

describe("fields that differ", () => {
  it("lists only fields where both have a different value", () => {
    const keep = actor({ name: "Restos du Cœur", siren: "552100554", tags: ["alimentation"], website: null, notes: "Vu en mars." });
    const other = actor({ name: "Les Restos du coeur", siren: "552100554", tags: ["solidarité"], website: "https://x.fr", notes: " Vu en mars. " });
    expect(differingFields(ACTOR_FIELDS, keep, other).map((f) => f.field)).toEqual(["name", "tags"]);
  });

  it("compares lists as sets and contacts by full name", () => {
    const keep = contact({ consents: ["newsletter", "photos"], firstName: "Jean", lastName: "Koenig" });
    const other = contact({ consents: ["photos", "newsletter"], firstName: "Jean", lastName: "König" });
    expect(differingFields(CONTACT_FIELDS, keep, other).map((f) => f.field)).toEqual(["lastName"]);
  });
});

describe("choices per field", () => {
  it("offers « les deux » only for lists and texts and preselects the backend's default", () => {
    expect(sidesFor("scalar")).toEqual(["keep", "other"]);
    expect(sidesFor("list")).toEqual(["keep", "other", "both"]);
    const fields = differingFields(
      ACTOR_FIELDS,
      actor({ name: "A", tags: ["x"], notes: "n1", stakes: "s1" }),
      actor({ name: "B", tags: ["y"], notes: "n2", stakes: "s2" }),
    );
    expect(defaultSides(fields)).toEqual({ name: "keep", stakes: "both", tags: "both", notes: "both" });
  });

  it("builds the object duplicates_merge receives, refusing a side a field does not have", () => {
    const fields = differingFields(ACTOR_FIELDS, actor({ name: "A", tags: ["x"] }), actor({ name: "B", tags: ["y"] }));
    expect(mergeChoices(fields, { name: "other", tags: "keep" })).toEqual({ fields: { name: "other", tags: "keep" } });
    expect(mergeChoices(fields, { name: "both" })).toEqual({ fields: { name: "keep", tags: "both" } });
  });
});

describe("the merged record", () => {
  it("follows merge.rs: kept value wins, blanks filled, lists joined without repeats, texts one after the other", () => {
    expect(mergedValue("scalar", "keep", null, "x")).toBe("x");
    expect(mergedValue("scalar", "other", "k", null)).toBe("k");
    expect(mergedValue("text", "both", "a", "b")).toBe("a\n\nb");
    expect(mergedValue("text", "both", "a", " a ")).toBe("a");
    const list = mergedValue("list", "both", [{ key: "x", text: "x" }], [{ key: "x", text: "x" }, { key: "y", text: "y" }]);
    expect(Array.isArray(list) && list.map((i) => i.key)).toEqual(["x", "y"]);
  });

  it("says where each value of the preview comes from", () => {
    const keep = actor({ name: "A", siren: null, tags: ["x"] });
    const other = actor({ name: "B", siren: "552100554", tags: ["y"] });
    const rows = mergePreview(ACTOR_FIELDS, keep, other, { name: "other" });
    const origin = Object.fromEntries(rows.map((r) => [r.field, r.origin]));
    expect(origin).toEqual({ name: "other", kind: "keep", siren: "other", tags: "both" });
  });
});
