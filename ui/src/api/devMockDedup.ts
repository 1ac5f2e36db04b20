// « Données » in the in-memory backend (dev mock only): exports, duplicates
// and merges, personal data.
//
// seedDuplicates() adds near copies of demo actors and contacts, so the scan
// finds pairs for every reason: same SIREN (Boulangerie Koenig), a name one
// letter apart in the same commune (Imprimerie Heitz / Heiz), same RNA and
// same name (Emmaüs), same e-mail and same name in the same organisation
// (contacts). Merging the Koenig pair while taking the other SIRET is refused
// (SIRET not of the SIREN). Undoing the seeded merge of « Fromagerie Wolff »
// is refused (changed since). Every contact has the partnerships of its
// organisation and mentions in their timelines; Jean Koenig has the most.
// Exports write nothing; every fifth save dialog is « cancelled ».
/* eslint-disable @typescript-eslint/only-throw-error */
import type { Actor } from "../bindings/Actor";
import type { ActorDuplicate } from "../bindings/ActorDuplicate";
import type { Contact } from "../bindings/Contact";
import type { ContactDuplicate } from "../bindings/ContactDuplicate";
import type { Duplicates } from "../bindings/Duplicates";
import type { ErasureSummary } from "../bindings/ErasureSummary";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportKind } from "../bindings/ExportKind";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { MatchReason } from "../bindings/MatchReason";
import type { MergeOutcome } from "../bindings/MergeOutcome";
import type { PersonExport } from "../bindings/PersonExport";
import type { PersonMention } from "../bindings/PersonMention";
import type { SeedActor } from "./mockData";
import type { AppError, MergeChoices, MergeRecord, MergeSide } from "./types";

type Args = Record<string, unknown> | undefined;
type Stored<T> = { deleted: boolean } & T;

export type DedupDeps = {
  actors: Map<string, Stored<{ actor: Actor }>>;
  contacts: Map<string, Stored<{ contact: Contact }>>;
  add: (seed: SeedActor) => string;
  idOf: (name: string) => string | null;
  /** Stores a changed actor (and refreshes the directory's caches). */
  put: (actor: Actor) => void;
  changed: () => void;
  partnershipsOf: (actorId: string) => { id: string; title: string; stage: string }[];
  partnershipCount: () => number;
};

function err(kind: AppError["kind"], message: string, messageEn: string): AppError {
  return { kind, message, messageEn, fields: [] };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function get<T>(args: Args, name: string): T {
  if (!args || !(name in args)) throw err("internal", `Argument manquant : ${name}.`, `Missing argument: ${name}.`);
  return args[name] as T;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " et ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

const WHY: Record<MatchReason["kind"], string> = {
  sameSiren: "même SIREN",
  sameRna: "même RNA",
  sameName: "même nom",
  closeName: "noms presque identiques dans la même commune",
  sameEmail: "même e-mail",
  sameNameSameOrganisation: "même nom dans la même organisation",
};
const WEIGHT: Record<MatchReason["kind"], number> = {
  sameSiren: 100,
  sameRna: 100,
  sameEmail: 90,
  sameName: 70,
  sameNameSameOrganisation: 70,
  closeName: 50,
};
const why = (r: MatchReason) => (r.kind === "closeName" ? `noms à ${r.distance} lettre${r.distance > 1 ? "s" : ""} près dans la même commune` : WHY[r.kind]);
const score = (rs: MatchReason[]) => Math.max(...rs.map((r) => WEIGHT[r.kind])) + 10 * (rs.length - 1);

type MergeSnapshot = {
  record: MergeRecord;
  entity: "actor" | "contact";
  kept: Actor | Contact;
  movedContacts: string[];
  locked: boolean;
};

export function dedupHandlers(deps: DedupDeps): { handlers: Record<string, (args: Args) => unknown>; seed: () => void } {
  const dismissed = new Set<string>();
  const merges: MergeSnapshot[] = [];
  const erased = new Set<string>();
  let saves = 0;

  const liveActors = () => [...deps.actors.values()].filter((s) => !s.deleted).map((s) => s.actor);
  const liveContacts = () => [...deps.contacts.values()].filter((s) => !s.deleted).map((s) => s.contact);
  const contactCount = (id: string) => liveContacts().filter((c) => c.actorId === id).length;
  const side = (a: Actor) => ({ actor: a, contacts: contactCount(a.id), partnerships: deps.partnershipsOf(a.id).length });
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

  const seed = () => {
    const koenig = deps.idOf("Boulangerie Koenig & Fils");
    deps.add({
      kind: "entreprise",
      name: "Boulangerie Koenig et Fils",
      insee: "67462",
      sector: "Boulangerie",
      siren: "552032534",
      website: "https://boulangerie-koenig.example.fr",
      address: "4 pl. du Marché Vert",
      tags: ["alimentation", "circuits courts"],
      offers: [{ category: "materiel", text: "Pain de la veille pour l'épicerie sociale" }],
      notes: "Fiche créée au forum de l'emploi 2026.",
      contacts: [
        { firstName: "Jean", lastName: "Koenig", role: "Gérant", email: "jean@boulangerie-koenig.example.fr", phone: "06 71 22 33 44", source: "evenement", informedOn: "2026-03-12" },
      ],
    });
    deps.add({
      kind: "entreprise",
      name: "Imprimerie Heiz",
      insee: "68066",
      sector: "Imprimerie",
      tags: ["communication"],
      website: "https://imprimerie-heitz.example.fr",
    });
    deps.add({
      kind: "association",
      name: "EMMAUS Centre Alsace",
      insee: "67462",
      sector: "Réemploi",
      rna: "W671000042",
      tags: ["réemploi", "insertion"],
      notes: "Contact pris via la mairie.",
    });
    if (koenig) {
      // A second record of Jean Koenig in the same bakery, with an e-mail.
      const first = liveContacts().find((c) => c.actorId === koenig);
      if (first) {
        const id = `ctc-dup-${first.id}`;
        deps.contacts.set(id, {
          deleted: false,
          contact: { ...first, id, email: "jean@boulangerie-koenig.example.fr", role: "Co-gérant", phone: null, consents: ["newsletter"], source: "evenement", createdAt: "2026-03-12T10:00:00Z" },
        });
      }
    }
    const wolff = deps.idOf("Fromagerie Wolff");
    const mid = deps.idOf("Menuiserie Kieffer");
    if (wolff) {
      merges.push({
        record: { id: "mrg-seed-2", entity: "actor", keptId: wolff, mergedId: "act-gone-1", createdAt: "2026-10-20T14:05:00Z", undoneAt: null },
        entity: "actor",
        kept: deps.actors.get(wolff)?.actor ?? ({} as Actor),
        movedContacts: [],
        locked: true,
      });
    }
    if (mid) {
      merges.push({
        record: { id: "mrg-seed-1", entity: "actor", keptId: mid, mergedId: "act-gone-2", createdAt: "2026-09-03T09:30:00Z", undoneAt: "2026-09-03T09:41:00Z" },
        entity: "actor",
        kept: deps.actors.get(mid)?.actor ?? ({} as Actor),
        movedContacts: [],
        locked: false,
      });
    }
    deps.changed();
  };

  const scan = (): Duplicates => {
    const actors = liveActors();
    const pairs = new Map<string, { a: Actor; b: Actor; reasons: MatchReason[] }>();
    const add = (a: Actor, b: Actor, r: MatchReason) => {
      const k = key(a.id, b.id);
      if (dismissed.has(k)) return;
      const [x, y] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
      const entry = pairs.get(k) ?? { a: x, b: y, reasons: [] };
      if (!entry.reasons.some((e) => e.kind === r.kind)) entry.reasons.push(r);
      pairs.set(k, entry);
    };
    const groupBy = (f: (a: Actor) => string | null) => {
      const m = new Map<string, Actor[]>();
      for (const a of actors) {
        const v = f(a);
        if (v) m.set(v, [...(m.get(v) ?? []), a]);
      }
      return [...m.values()].filter((g) => g.length > 1 && g.length < 50);
    };
    const eachPair = (g: Actor[], r: MatchReason) => g.forEach((a, i) => g.slice(i + 1).forEach((b) => add(a, b, r)));
    groupBy((a) => a.siren).forEach((g) => eachPair(g, { kind: "sameSiren" }));
    groupBy((a) => a.rna).forEach((g) => eachPair(g, { kind: "sameRna" }));
    groupBy((a) => fold(a.name)).forEach((g) => eachPair(g, { kind: "sameName" }));
    for (const g of groupBy((a) => a.commune?.insee ?? null)) {
      if (g.length > 200) continue;
      g.forEach((a, i) =>
        g.slice(i + 1).forEach((b) => {
          const d = distance(fold(a.name), fold(b.name));
          if (d > 0 && d <= 2) add(a, b, { kind: "closeName", distance: d });
        }),
      );
    }
    const actorPairs: ActorDuplicate[] = [...pairs.values()]
      .map((p) => ({ a: side(p.a), b: side(p.b), reasons: p.reasons, why: p.reasons.map(why), score: score(p.reasons) }))
      .sort((x, y) => y.score - x.score);

    const contacts = liveContacts();
    const cpairs = new Map<string, { a: Contact; b: Contact; reasons: MatchReason[] }>();
    const addC = (a: Contact, b: Contact, r: MatchReason) => {
      const k = key(a.id, b.id);
      if (dismissed.has(k)) return;
      const entry = cpairs.get(k) ?? { a, b, reasons: [] };
      if (!entry.reasons.some((e) => e.kind === r.kind)) entry.reasons.push(r);
      cpairs.set(k, entry);
    };
    const byEmail = new Map<string, Contact[]>();
    const byName = new Map<string, Contact[]>();
    for (const c of contacts) {
      if (c.email) byEmail.set(c.email.toLowerCase(), [...(byEmail.get(c.email.toLowerCase()) ?? []), c]);
      const n = `${c.actorId ?? ""}|${fold(`${c.firstName} ${c.lastName}`)}`;
      byName.set(n, [...(byName.get(n) ?? []), c]);
    }
    for (const g of byEmail.values()) g.forEach((a, i) => g.slice(i + 1).forEach((b) => addC(a, b, { kind: "sameEmail" })));
    for (const g of byName.values()) g.forEach((a, i) => g.slice(i + 1).forEach((b) => addC(a, b, { kind: "sameNameSameOrganisation" })));
    const contactPairs: ContactDuplicate[] = [...cpairs.values()]
      .map((p) => ({ a: p.a, b: p.b, reasons: p.reasons, why: p.reasons.map(why), score: score(p.reasons) }))
      .sort((x, y) => y.score - x.score);
    return { actors: actorPairs.slice(0, 300), contacts: contactPairs.slice(0, 300), actorPairs: actorPairs.length, contactPairs: contactPairs.length };
  };

  const pickScalar = <T>(s: MergeSide | undefined, k: T | null, o: T | null): T | null => (s === "other" ? (o ?? k) : (k ?? o));
  const pickText = (s: MergeSide | undefined, k: string | null, o: string | null): string | null =>
    (s ?? "both") === "both" && k && o && k.trim() !== o.trim() ? `${k}\n\n${o}` : pickScalar(s, k, o);
  const pickList = <T>(s: MergeSide | undefined, k: T[], o: T[]): T[] => {
    if (s === "keep") return k;
    if (s === "other") return o;
    const seen = new Set(k.map((x) => JSON.stringify(x)));
    return [...k, ...o.filter((x) => !seen.has(JSON.stringify(x)))];
  };

  const mergeActors = (keep: Actor, other: Actor, c: MergeChoices): Actor => {
    const f = c.fields;
    const merged: Actor = {
      ...keep,
      name: f.name === "other" ? other.name : keep.name,
      kind: f.kind === "other" ? other.kind : keep.kind,
      siren: pickScalar(f.siren, keep.siren, other.siren),
      siret: pickScalar(f.siret, keep.siret, other.siret),
      rna: pickScalar(f.rna, keep.rna, other.rna),
      address: pickScalar(f.address, keep.address, other.address),
      commune: pickScalar(f.communeInsee, keep.commune, other.commune),
      sector: pickScalar(f.sector, keep.sector, other.sector),
      sizeBand: pickScalar(f.sizeBand, keep.sizeBand, other.sizeBand),
      website: pickScalar(f.website, keep.website, other.website),
      needs: pickList(f.needs, keep.needs, other.needs),
      offers: pickList(f.offers, keep.offers, other.offers),
      stakes: pickText(f.stakes, keep.stakes, other.stakes),
      tags: pickList(f.tags, keep.tags, other.tags),
      notes: pickText(f.notes, keep.notes, other.notes),
      updatedAt: new Date().toISOString(),
    };
    if (merged.siren && merged.siret && !merged.siret.startsWith(merged.siren)) {
      throw err(
        "invalid",
        `Le SIRET ${merged.siret} ne commence pas par le SIREN ${merged.siren} : choisissez le SIREN et le SIRET de la même fiche.`,
        `SIRET ${merged.siret} does not start with SIREN ${merged.siren}: choose the SIREN and SIRET of the same record.`,
      );
    }
    return merged;
  };

  const mergeContacts = (keep: Contact, other: Contact, c: MergeChoices): Contact => {
    const f = c.fields;
    const name = f.lastName === "other" ? other : keep;
    const actorId = pickScalar(f.actorId, keep.actorId, other.actorId);
    return {
      ...keep,
      firstName: name.firstName,
      lastName: name.lastName,
      actorId,
      actorName: actorId === keep.actorId ? keep.actorName : other.actorName,
      role: pickScalar(f.role, keep.role, other.role),
      email: pickScalar(f.email, keep.email, other.email),
      phone: pickScalar(f.phone, keep.phone, other.phone),
      legalBasis: f.legalBasis === "other" ? other.legalBasis : keep.legalBasis,
      source: pickScalar(f.source, keep.source, other.source),
      informedOn: pickScalar(f.informedOn, keep.informedOn, other.informedOn),
      consents: pickList(f.consents, keep.consents, other.consents),
      notes: pickText(f.notes, keep.notes, other.notes),
      updatedAt: new Date().toISOString(),
    };
  };

  const mentionsOf = (c: Contact): PersonMention[] => {
    const name = `${c.firstName} ${c.lastName}`.trim();
    if (!c.actorId) return [];
    const texts = [
      `Premier rendez-vous avec ${name} : intéressé(e) par un partenariat sur deux ans.`,
      `${name} confirme la participation de sa structure ; relance prévue après le conseil d'administration.`,
    ];
    return deps.partnershipsOf(c.actorId).slice(0, 3).flatMap((p, i) => [
      { entity: "partnership", id: p.id, title: p.title, field: "timeline", text: texts[i % 2] ?? "", at: `2026-0${(i % 8) + 2}-1${i}T10:00:00Z` },
      ...(i === 0 ? [{ entity: "partnership", id: p.id, title: p.title, field: "summary", text: `Porté par ${name}${c.email ? ` (${c.email})` : ""}.`, at: null }] : []),
    ]);
  };

  const person = (id: string): PersonExport => {
    const s = deps.contacts.get(id);
    if (!s || erased.has(id)) throw err("notFound", "Cette personne n'existe pas ou a été effacée.", "This person does not exist or was erased.");
    const c = s.contact;
    const mergedRecords = merges
      .filter((m) => m.entity === "contact" && m.record.keptId === id && m.record.undoneAt === null)
      .map((m) => deps.contacts.get(m.record.mergedId)?.contact)
      .filter((x): x is Contact => x !== undefined);
    const partnerships = c.actorId ? deps.partnershipsOf(c.actorId).map((p) => ({ ...p, role: c.role ?? "Contact" })) : [];
    return {
      about: "Données personnelles détenues par Tisserand",
      exportedAt: new Date().toISOString(),
      contact: c,
      mergedRecords,
      partnerships,
      mentions: mentionsOf(c),
    };
  };

  const saveDialog = async (file: string): Promise<string | null> => {
    await wait(700);
    saves++;
    return saves % 5 === 0 ? null : `/home/moi/Documents/${file}`;
  };

  const today = () => new Date().toISOString().slice(0, 10);
  const KIND_FILE: Record<ExportKind, string> = { actors: "acteurs", contacts: "contacts", partnerships: "partenariats" };

  const handlers: Record<string, (args: Args) => unknown> = {
    export_save: async (args): Promise<ExportSummary | null> => {
      const kind = get<ExportKind>(args, "kind");
      const format = get<ExportFormat>(args, "format");
      const path = await saveDialog(`tisserand-${KIND_FILE[kind]}-${today()}.${format}`);
      if (path === null) return null;
      const rows = kind === "actors" ? liveActors().length : kind === "contacts" ? liveContacts().length : deps.partnershipCount();
      return { path, rows };
    },
    export_all_save: async (): Promise<ExportSummary | null> => {
      const path = await saveDialog(`tisserand-export-complet-${today()}.json`);
      if (path === null) return null;
      return { path, rows: liveActors().length + liveContacts().length + deps.partnershipCount() + merges.length };
    },
    duplicates_scan: async (): Promise<Duplicates> => {
      await wait(900);
      return scan();
    },
    duplicate_dismiss: (args): null => {
      dismissed.add(key(get<string>(args, "a"), get<string>(args, "b")));
      return null;
    },
    duplicates_merge: (args): MergeOutcome => {
      const entity = get<"actor" | "contact">(args, "entity");
      const keepId = get<string>(args, "keep");
      const otherId = get<string>(args, "other");
      const choices = get<MergeChoices>(args, "choices");
      const id = `mrg-${Date.now()}`;
      let kept: Actor | Contact;
      const moved: string[] = [];
      if (entity === "actor") {
        const k = deps.actors.get(keepId);
        const o = deps.actors.get(otherId);
        if (!k || !o || k.deleted || o.deleted) throw err("notFound", "Une des deux fiches n'existe plus.", "One of the records no longer exists.");
        const merged = mergeActors(k.actor, o.actor, choices);
        kept = k.actor;
        for (const s of deps.contacts.values()) {
          if (s.contact.actorId === otherId) {
            s.contact = { ...s.contact, actorId: keepId, actorName: merged.name };
            moved.push(s.contact.id);
          }
        }
        o.deleted = true;
        deps.put(merged);
      } else {
        const k = deps.contacts.get(keepId);
        const o = deps.contacts.get(otherId);
        if (!k || !o || k.deleted || o.deleted) throw err("notFound", "Une des deux fiches n'existe plus.", "One of the records no longer exists.");
        kept = k.contact;
        k.contact = mergeContacts(k.contact, o.contact, choices);
        o.deleted = true;
      }
      merges.unshift({
        record: { id, entity, keptId: keepId, mergedId: otherId, createdAt: new Date().toISOString(), undoneAt: null },
        entity,
        kept,
        movedContacts: moved,
        locked: false,
      });
      deps.changed();
      return { mergeId: id, keptId: keepId, backup: "/mock/data/backups/tisserand-avant-fusion.sqlite3" };
    },
    merge_undo: (args): MergeRecord => {
      const m = merges.find((x) => x.record.id === get<string>(args, "id"));
      if (!m || m.record.undoneAt !== null) throw err("notFound", "Cette fusion n'existe pas ou a déjà été annulée.", "This merge does not exist or was already undone.");
      if (m.locked || erased.has(m.record.keptId) || erased.has(m.record.mergedId)) {
        throw err(
          "conflict",
          "Cette fusion ne peut plus être annulée : la fiche gardée a été modifiée depuis. Corrigez-la à la main si besoin.",
          "This merge can no longer be undone: the kept record has changed since. Fix it by hand if needed.",
        );
      }
      if (m.entity === "actor") {
        deps.put(m.kept as Actor);
        const other = deps.actors.get(m.record.mergedId);
        if (other) other.deleted = false;
        for (const cid of m.movedContacts) {
          const s = deps.contacts.get(cid);
          if (s && other) s.contact = { ...s.contact, actorId: other.actor.id, actorName: other.actor.name };
        }
      } else {
        const k = deps.contacts.get(m.record.keptId);
        if (k) k.contact = m.kept as Contact;
        const o = deps.contacts.get(m.record.mergedId);
        if (o) o.deleted = false;
      }
      m.record = { ...m.record, undoneAt: new Date().toISOString() };
      deps.changed();
      return m.record;
    },
    merges_list: (): MergeRecord[] => merges.map((m) => m.record),
    person_get: (args): PersonExport => person(get<string>(args, "id")),
    person_export_save: async (args): Promise<string | null> => {
      const p = person(get<string>(args, "id"));
      const slug = fold(`${p.contact.firstName} ${p.contact.lastName}`).replace(/ /g, "-");
      return saveDialog(`donnees-personnelles-${slug}-${today()}.json`);
    },
    person_erase: async (args): Promise<ErasureSummary> => {
      const p = person(get<string>(args, "id"));
      await wait(800);
      const ids = [p.contact.id, ...p.mergedRecords.map((r) => r.id)];
      for (const id of ids) {
        erased.add(id);
        const s = deps.contacts.get(id);
        if (s) s.deleted = true;
      }
      deps.changed();
      return { records: ids.length + p.partnerships.length + p.mentions.length, backup: "/mock/data/backups/tisserand-avant-effacement.sqlite3" };
    },
  };
  return { handlers, seed };
}
