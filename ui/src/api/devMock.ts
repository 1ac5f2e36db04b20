// An in-memory backend answering the commands of docs/ipc.md, for
// `vite --mode mock` (npm run dev:mock) only: the gateway imports it
// dynamically behind `import.meta.env.MODE === "mock"`, so production builds
// do not contain it.
//
// Scenarios, by the page's query string:
//   (none)       the demonstration territory is loaded (30 actors)
//   ?mock=empty  an empty directory: the welcome screen, then demo_load
//   ?mock=big    30 actors + 99 970 generated ones (100 000)
//   ?mock=broken app_info fails as with a database from a newer version
//   ?mock=nosave every PDF save dialog is « cancelled » (document_save, briefs_export answer null)
// « Données » (import, backups): see devMockData.ts for what each file dialog gives.
// Names starting with "!" make create/update fail with "diskFull".
import type { Actor } from "../bindings/Actor";
import type { ActorDetail } from "../bindings/ActorDetail";
import type { ActorInput } from "../bindings/ActorInput";
import type { ActorKind } from "../bindings/ActorKind";
import type { ActorPage } from "../bindings/ActorPage";
import type { ActorQuery } from "../bindings/ActorQuery";
import type { ActorSummary } from "../bindings/ActorSummary";
import type { Commune } from "../bindings/Commune";
import type { Contact } from "../bindings/Contact";
import type { ContactInput } from "../bindings/ContactInput";
import type { Facet } from "../bindings/Facet";
import type { Facets } from "../bindings/Facets";
import type { FieldError } from "../bindings/FieldError";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { PartnershipSummary } from "../bindings/PartnershipSummary";
import type { RegisterCourt } from "../bindings/RegisterCourt";
import type { RegisterHint } from "../bindings/RegisterHint";
import type { SearchHit } from "../bindings/SearchHit";
import { dataHandlers } from "./devMockData";
import { dedupHandlers } from "./devMockDedup";
import { mockEmit, mockListen } from "./devMockEvents";
import { MOCK_PARTNERSHIP_COUNT, partnershipHandlers } from "./devMockPartnerships";
import { MOCK_COMMUNES } from "./mockCommunes";
import { DEMO_ACTORS, generateActors, type SeedActor } from "./mockData";
import type { AppError, AppInfo, DemoSummary } from "./types";

// ---------- Helpers ----------

const KIND_LABELS: Record<ActorKind, string> = {
  entreprise: "Entreprise",
  association: "Association",
  collectivite: "Collectivité",
  fondation: "Fondation",
  financeur: "Financeur",
  etablissement_public: "Établissement public",
  autre: "Autre",
};

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

function sortKey(s: string): string {
  return fold(s).replace(/^[^\p{L}\p{N}]+/u, "");
}

function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function latency(min = 25, max = 90): Promise<void> {
  return sleep(min + Math.random() * (max - min));
}

function appError(kind: AppError["kind"], message: string, messageEn: string, fields: FieldError[] = []): AppError {
  return { kind, message, messageEn, fields };
}

function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

let idCounter = 0;
function newId(prefix: string): string {
  idCounter++;
  return `${prefix}-${idCounter.toString(36).padStart(6, "0")}`;
}

// ---------- Communes ----------

const communes: Commune[] = MOCK_COMMUNES.map((f) => ({
  insee: f[0] ?? "",
  name: f[1] ?? "",
  postalCodes: (f[2] ?? "").split(" ").filter(Boolean),
  departement: { code: f[3] ?? "", name: f[4] ?? "" },
  region: { code: f[5] ?? "", name: f[6] ?? "" },
  epci: f[7] ? { code: f[7], name: f[8] ?? "" } : null,
}));
const communeByInsee = new Map(communes.map((c) => [c.insee, c]));
const communeFolded = communes.map((c) => ({ c, key: fold(c.name).replace(/[-']/g, " ") }));

// ---------- Store ----------

type StoredActor = { actor: Actor; deleted: boolean; key: string; text: string };
type StoredContact = { contact: Contact; deleted: boolean };

const actors = new Map<string, StoredActor>();
const contacts = new Map<string, StoredContact>();
let demoLoaded = false;
let sorted: StoredActor[] | null = null;
let facetsCache: Facets | null = null;
const queryCache = new Map<string, StoredActor[]>();
let countsCache: Map<string, number> | null = null;

function changed(): void {
  countsCache = null;
  sorted = null;
  facetsCache = null;
  queryCache.clear();
}

/** The words of an actor, each preceded by a space: " word" finds a prefix. */
function searchableText(a: Actor): string {
  return ` ${words([a.name, a.sector ?? "", a.commune?.name ?? "", ...a.tags].join(" ")).join(" ")}`;
}

function store(a: Actor): void {
  actors.set(a.id, { actor: a, deleted: false, key: sortKey(a.name), text: searchableText(a) });
}

function now(): string {
  return new Date().toISOString();
}

function addSeed(seed: SeedActor, createdAt: string): string {
  const id = newId("act");
  const commune = seed.insee ? (communeByInsee.get(seed.insee) ?? null) : null;
  store({
    id,
    kind: seed.kind,
    name: seed.name,
    siren: seed.siren ?? null,
    siret: null,
    rna: seed.rna ?? null,
    ...mockRegister(seed.kind, seed.insee ?? null, false),
    address: seed.address ?? null,
    commune: commune ? { insee: commune.insee, name: commune.name } : null,
    sector: seed.sector,
    sizeBand: seed.sizeBand ?? null,
    website: seed.website ?? null,
    needs: seed.needs ?? [],
    offers: seed.offers ?? [],
    stakes: seed.stakes ?? null,
    tags: seed.tags ?? [],
    notes: seed.notes ?? null,
    createdAt,
    updatedAt: createdAt,
  });
  for (const c of seed.contacts ?? []) {
    const cid = newId("ctc");
    contacts.set(cid, {
      deleted: false,
      contact: {
        id: cid,
        actorId: id,
        actorName: seed.name,
        firstName: c.firstName,
        lastName: c.lastName,
        role: c.role ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
        legalBasis: c.legalBasis ?? "interet_legitime",
        source: c.source ?? null,
        informedOn: c.informedOn ?? null,
        consents: c.consents ?? [],
        lastInitiatedOn: c.lastInitiatedOn ?? null,
        notes: null,
        createdAt,
        updatedAt: createdAt,
      },
    });
  }
  return id;
}

function loadDemoData(): void {
  DEMO_ACTORS.forEach((seed, i) => addSeed(seed, new Date(Date.UTC(2026, 2, 14 + (i % 20), 9, 30)).toISOString()));
  demoLoaded = true;
  changed();
}

const scenario = typeof window === "undefined" ? "" : (new URLSearchParams(window.location.search).get("mock") ?? "");

if (scenario !== "empty" && scenario !== "broken") loadDemoData();
if (scenario === "big") {
  const codes = communes.filter((c) => c.departement.code === "67" || c.departement.code === "68").map((c) => c.insee);
  const createdAt = "2026-01-05T08:00:00Z";
  for (const seed of generateActors(100_000 - DEMO_ACTORS.length, codes, (insee) => communeByInsee.get(insee)?.name ?? "")) {
    addSeed(seed, createdAt);
  }
  changed();
}

function live(): StoredActor[] {
  if (!sorted) {
    sorted = [...actors.values()].filter((s) => !s.deleted);
    sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return sorted;
}

function contactsOf(actorId: string): Contact[] {
  const out: Contact[] = [];
  for (const s of contacts.values()) if (!s.deleted && s.contact.actorId === actorId) out.push(s.contact);
  return out.sort((a, b) => sortKey(`${a.lastName} ${a.firstName}`).localeCompare(sortKey(`${b.lastName} ${b.firstName}`)));
}

const contactCounts = (): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const s of contacts.values()) {
    if (s.deleted || s.contact.actorId === null) continue;
    counts.set(s.contact.actorId, (counts.get(s.contact.actorId) ?? 0) + 1);
  }
  return counts;
};

function summary(s: StoredActor): ActorSummary {
  countsCache ??= contactCounts();
  const a = s.actor;
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    commune: a.commune,
    departement: a.commune ? (communeByInsee.get(a.commune.insee)?.departement.name ?? null) : null,
    sector: a.sector,
    tags: a.tags,
    contactCount: countsCache.get(a.id) ?? 0,
  };
}

function filtered(q: ActorQuery): StoredActor[] {
  const key = JSON.stringify([q.text, q.kind, q.communeInsee, q.departement, q.tag]);
  const hit = queryCache.get(key);
  if (hit) return hit;
  const textWords = q.text ? words(q.text) : [];
  const tag = q.tag ? fold(q.tag) : null;
  const out = live().filter((s) => {
    const a = s.actor;
    if (q.kind && a.kind !== q.kind) return false;
    if (q.communeInsee && a.commune?.insee !== q.communeInsee) return false;
    if (q.departement && !(a.commune?.insee.startsWith(q.departement) ?? false)) return false;
    if (tag && !a.tags.some((t) => fold(t) === tag)) return false;
    for (const w of textWords) {
      if (!s.text.includes(` ${w}`)) return false;
    }
    return true;
  });
  queryCache.set(key, out);
  return out;
}

function facetList(counts: Map<string, { label: string; count: number }>): Facet[] {
  return [...counts.entries()].map(([value, { label, count }]) => ({ value, label, count }));
}

function facets(): Facets {
  if (facetsCache) return facetsCache;
  const kinds = new Map<string, { label: string; count: number }>();
  const deps = new Map<string, { label: string; count: number }>();
  const comms = new Map<string, { label: string; count: number }>();
  const tags = new Map<string, { label: string; count: number }>();
  const bump = (m: Map<string, { label: string; count: number }>, value: string, label: string) => {
    const e = m.get(value);
    if (e) e.count++;
    else m.set(value, { label, count: 1 });
  };
  for (const s of live()) {
    const a = s.actor;
    bump(kinds, a.kind, a.kind);
    if (a.commune) {
      const c = communeByInsee.get(a.commune.insee);
      if (c) bump(deps, c.departement.code, `${c.departement.code} · ${c.departement.name}`);
      bump(comms, a.commune.insee, `${a.commune.name} (${c?.departement.code ?? "?"})`);
    }
    for (const t of a.tags) bump(tags, t, t);
  }
  facetsCache = {
    kinds: facetList(kinds),
    departements: facetList(deps).sort((a, b) => a.value.localeCompare(b.value)),
    communes: facetList(comms).sort((a, b) => sortKey(a.label).localeCompare(sortKey(b.label))),
    tags: facetList(tags).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
  return facetsCache;
}

// ---------- Validation (a port of the Rust rules, for the demo) ----------

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function spaced(d: string, groups: number[]): string {
  const out: string[] = [];
  let start = 0;
  for (const g of groups) {
    out.push(d.slice(start, start + g));
    start += g;
  }
  return out.join(" ");
}

function clean(text: string | null): string | null {
  const t = text?.trim() ?? "";
  return t === "" ? null : t;
}

function checkLength(errors: FieldError[], field: string, fr: string, en: string, text: string | null, max: number) {
  const n = text ? Array.from(text).length : 0;
  if (n > max) {
    errors.push({
      field,
      message: `${fr} est trop long : ${group(n)} caractères, ${group(max)} au plus.`,
      messageEn: `${en} is too long: ${n} characters, at most ${max}.`,
    });
  }
}

function normalizeDigits(errors: FieldError[], field: "siren" | "siret", raw: string | null): string | null {
  const value = clean(raw);
  if (value === null) return null;
  const len = field === "siren" ? 9 : 14;
  const label = field.toUpperCase();
  const d = value.replace(/[\s.\-\u00a0\u202f]/g, "");
  if (!/^\d*$/.test(d)) {
    errors.push({
      field,
      message: `Le ${label} « ${value} » ne doit contenir que des chiffres (${len} chiffres).`,
      messageEn: `${label} "${value}" must contain digits only (${len} digits).`,
    });
    return null;
  }
  if (d.length !== len) {
    errors.push({
      field,
      message: `Le ${label} doit comporter ${len} chiffres ; « ${value} » en a ${d.length}.`,
      messageEn: `A ${label} has ${len} digits; "${value}" has ${d.length}.`,
    });
    return null;
  }
  let digitSum = 0;
  for (const c of d) digitSum += Number(c);
  const ok = field === "siret" && d.startsWith("356000000") ? digitSum % 5 === 0 : luhn(d);
  if (!ok) {
    const shown = spaced(d, field === "siren" ? [3, 3, 3] : [3, 3, 3, 5]);
    errors.push({
      field,
      message: `Le ${label} ${shown} est invalide : la clé de contrôle ne correspond pas.`,
      messageEn: `${label} ${shown} is invalid: its check digit does not match.`,
    });
    return null;
  }
  return d;
}

/** The mock's idea of the register fields (the Rust core's rules are the truth). */
function mockRegister(
  kind: ActorKind,
  insee: string | null,
  hasRna: boolean,
  input?: ActorInput,
): Pick<Actor, "legalRegime" | "legalRegimeChosen" | "registerCourt" | "registerVolume" | "registerFolio" | "registerNumber"> {
  if (kind !== "association") {
    return { legalRegime: null, legalRegimeChosen: false, registerCourt: null, registerVolume: null, registerFolio: null, registerNumber: null };
  }
  const guessed = mockHint(insee).regime ?? (hasRna ? "loi_1901" : null);
  return {
    legalRegime: input?.legalRegime ?? guessed,
    legalRegimeChosen: input?.legalRegime != null,
    registerCourt: input?.registerCourt ?? null,
    registerVolume: clean(input?.registerVolume ?? null),
    registerFolio: clean(input?.registerFolio ?? null),
    registerNumber: clean(input?.registerNumber ?? null),
  };
}

function mockHint(insee: string | null): RegisterHint {
  const dep = insee?.slice(0, 2) ?? null;
  const alsace: RegisterCourt[] = ["strasbourg", "saverne", "colmar", "mulhouse"];
  const moselle: RegisterCourt[] = ["metz", "thionville", "sarreguemines"];
  const suggested: Record<string, RegisterCourt> = { "67482": "strasbourg", "67462": "colmar", "68066": "colmar", "68224": "mulhouse", "57463": "metz" };
  return {
    regime: dep === null ? null : ["57", "67", "68"].includes(dep) ? "droit_local" : "loi_1901",
    courts: dep === "67" || dep === "68" ? alsace : dep === "57" ? moselle : [...alsace, ...moselle],
    suggestedCourt: (insee !== null ? suggested[insee] : undefined) ?? null,
  };
}

function validateActorInput(input: ActorInput): { errors: FieldError[]; valid: Omit<Actor, "id" | "createdAt" | "updatedAt"> } {
  const errors: FieldError[] = [];
  if (input.kind === null) {
    errors.push({
      field: "kind",
      message: "Choisissez le type d'acteur (entreprise, association, collectivité…).",
      messageEn: "Choose the kind of actor (company, association, local authority…).",
    });
  }
  const name = input.name.trim();
  if (name === "") errors.push({ field: "name", message: "Le nom est obligatoire.", messageEn: "The name is required." });
  checkLength(errors, "name", "Le nom", "The name", name, 200);
  const siren = normalizeDigits(errors, "siren", input.siren);
  const siret = normalizeDigits(errors, "siret", input.siret);
  if (siren && siret && !siret.startsWith(siren)) {
    errors.push({
      field: "siret",
      message: "Le SIRET doit commencer par le SIREN de l'acteur (ses 9 premiers chiffres).",
      messageEn: "The SIRET must start with the actor's SIREN (its first 9 digits).",
    });
  }
  let rna = clean(input.rna);
  if (rna !== null) {
    const compact = rna.replace(/\s/g, "").toUpperCase();
    if (/^W(\d{9}|2[AB]\d{7})$/.test(compact)) rna = compact;
    else {
      errors.push({
        field: "rna",
        message: `Le numéro RNA « ${rna} » est invalide : il s'écrit W suivi de 9 chiffres (ex. W672001234).`,
        messageEn: `RNA number "${rna}" is invalid: it is W followed by 9 digits (e.g. W672001234).`,
      });
      rna = null;
    }
  }
  let website = clean(input.website);
  if (website !== null) {
    const withScheme = /^https?:\/\//i.test(website) ? website : `https://${website}`;
    if (/\s/.test(website) || !/^https?:\/\/[^/\s]+\.[^/\s]{2,}/i.test(withScheme)) {
      errors.push({
        field: "website",
        message: `L'adresse du site « ${website} » est invalide : elle doit ressembler à exemple.fr ou https://www.exemple.fr.`,
        messageEn: `Website "${website}" is invalid: it should look like example.org or https://www.example.org.`,
      });
      website = null;
    } else website = withScheme;
  }
  const insee = clean(input.communeInsee);
  if (insee !== null && !communeByInsee.has(insee)) {
    errors.push({
      field: "communeInsee",
      message: `Le code commune « ${insee} » est invalide : choisissez la commune dans la liste.`,
      messageEn: `Commune code "${insee}" is invalid: pick the commune from the list.`,
    });
  }
  const address = clean(input.address);
  checkLength(errors, "address", "L'adresse", "The address", address, 1000);
  const sector = clean(input.sector);
  checkLength(errors, "sector", "Le secteur", "The sector", sector, 1000);
  const stakes = clean(input.stakes);
  checkLength(errors, "stakes", "Le texte des enjeux", "The stakes", stakes, 100_000);
  const notes = clean(input.notes);
  checkLength(errors, "notes", "Le texte des notes", "The notes", notes, 100_000);
  const resources = (field: "needs" | "offers") =>
    input[field].map((r, i) => {
      const text = r.text.trim();
      checkLength(errors, `${field}.${i}.text`, "Ce texte", "This text", text, 1000);
      if (text === "") {
        errors.push({
          field: `${field}.${i}.text`,
          message: "Précisez ce besoin ou cette offre, ou retirez la ligne.",
          messageEn: "Describe this need or offer, or remove the line.",
        });
      }
      return { category: r.category, text };
    });
  const needs = resources("needs");
  const offers = resources("offers");
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.tags) {
    const t = raw.trim().replace(/^#+/, "").trim();
    if (t === "" || seen.has(fold(t))) continue;
    seen.add(fold(t));
    checkLength(errors, "tags", "Un mot-clé", "A tag", t, 60);
    tags.push(t);
  }
  const commune = insee ? communeByInsee.get(insee) : undefined;
  return {
    errors,
    valid: {
      kind: input.kind ?? "autre",
      name,
      siren,
      siret,
      rna,
      ...mockRegister(input.kind ?? "autre", insee ?? null, rna !== null, input),
      address,
      commune: commune ? { insee: commune.insee, name: commune.name } : null,
      sector,
      sizeBand: input.sizeBand,
      website,
      needs,
      offers,
      stakes,
      tags,
      notes,
    },
  };
}

function validateContactInput(input: ContactInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.firstName.trim() === "" && input.lastName.trim() === "") {
    errors.push({
      field: "lastName",
      message: "Indiquez au moins le nom ou le prénom de la personne.",
      messageEn: "Give at least the person's last or first name.",
    });
  }
  const email = clean(input.email);
  if (email !== null && !/^[^\s@<>()[\],;:"\\]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}$/u.test(email)) {
    errors.push({
      field: "email",
      message: `L'adresse e-mail « ${email} » est invalide : elle doit ressembler à prenom.nom@exemple.fr.`,
      messageEn: `E-mail address "${email}" is invalid: it should look like name@example.org.`,
    });
  }
  const phone = clean(input.phone);
  if (phone !== null) {
    const digits = phone.replace(/[\s.\-()/+\u00a0\u202f]/g, "");
    if (!/^\d{8,15}$/.test(digits)) {
      errors.push({
        field: "phone",
        message: `Le numéro de téléphone « ${phone} » est invalide : 10 chiffres (03 88 12 34 56) ou un numéro international (+49 …).`,
        messageEn: `Phone number "${phone}" is invalid: 10 digits (03 88 12 34 56) or an international number (+49 …).`,
      });
    }
  }
  checkLength(errors, "role", "La fonction", "The role", clean(input.role), 1000);
  return errors;
}

function invalid(fields: FieldError[]): AppError {
  return appError(
    "invalid",
    `Certains champs sont à corriger : ${fields.map((f) => f.message).join(" ")}`,
    `Some fields need fixing: ${fields.map((f) => f.messageEn).join(" ")}`,
    fields,
  );
}

function notFound(what: "actor" | "contact"): AppError {
  return what === "actor"
    ? appError("notFound", "Cet acteur n'existe pas ou a été supprimé.", "This actor does not exist or was deleted.")
    : appError("notFound", "Ce contact n'existe pas ou a été supprimé.", "This contact does not exist or was deleted.");
}

function diskFull(): AppError {
  return appError(
    "diskFull",
    "L'enregistrement a échoué : le disque est plein. Libérez de la place puis réessayez.",
    "Saving failed: the disk is full. Free some space, then try again.",
  );
}

// ---------- Commands ----------

type Args = Record<string, unknown> | undefined;

// The caller names the type the contract gives this argument.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function arg<T>(args: Args, name: string): T {
  if (!args || !(name in args)) {
    throw appError("internal", `Argument manquant : ${name}.`, `Missing argument: ${name}.`);
  }
  return args[name] as T;
}

function getLiveActor(id: string): StoredActor {
  const s = actors.get(id);
  if (!s || s.deleted) throw notFound("actor");
  return s;
}

function buildContact(input: ContactInput, id: string, createdAt: string): Contact {
  const actorName = input.actorId ? (actors.get(input.actorId)?.actor.name ?? null) : null;
  return {
    id,
    actorId: clean(input.actorId),
    actorName,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    role: clean(input.role),
    email: clean(input.email),
    phone: clean(input.phone),
    legalBasis: input.legalBasis ?? "interet_legitime",
    source: input.source,
    informedOn: clean(input.informedOn),
    consents: [...new Set(input.consents)],
    lastInitiatedOn: clean(input.lastInitiatedOn),
    notes: clean(input.notes),
    createdAt,
    updatedAt: now(),
  };
}

const ALL_PARTNERSHIPS: PartnershipQuery = {
  mode: null,
  primaryOnly: false,
  unclassified: false,
  stage: null,
  actorId: null,
  commune: null,
  departement: null,
  facilitator: null,
  tag: null,
  overdue: false,
  text: null,
};

function partnershipsMatching(query: PartnershipQuery): PartnershipSummary[] {
  const list = handlers.partnerships_list;
  return list ? (list({ query }) as PartnershipSummary[]) : [];
}

const dedup = dedupHandlers({
  actors,
  contacts,
  add: (seed) => addSeed(seed, now()),
  idOf: (name) => live().find((s) => s.actor.name === name)?.actor.id ?? null,
  put: (actor) => {
    store(actor);
    countsCache = null;
    changed();
  },
  changed: () => {
    countsCache = null;
    changed();
  },
  partnershipsOf: (actorId) => partnershipsMatching({ ...ALL_PARTNERSHIPS, actorId }).map((p) => ({ id: p.id, title: p.title, stage: p.stage })),
  partnershipCount: () => partnershipsMatching(ALL_PARTNERSHIPS).length,
});

const handlers: Record<string, (args: Args) => unknown> = {
  app_info: (): AppInfo => {
    if (scenario === "broken") {
      throw appError(
        "tooNew",
        "Ces données ont été enregistrées par une version plus récente de Tisserand. Installez la dernière version pour les ouvrir.",
        "This data was saved by a newer version of Tisserand. Install the latest version to open it.",
      );
    }
    return {
      version: "0.1.0-mock",
      dataDir: "/mock/data",
      dbPath: "/mock/data/tisserand.sqlite3",
      actorCount: live().length,
      contactCount: [...contacts.values()].filter((c) => !c.deleted).length,
      demo: demoLoaded,
    };
  },

  actors_list: (args): ActorPage => {
    const q = arg<ActorQuery>(args, "query");
    const limit = q.limit === 0 ? 100 : Math.min(q.limit, 500);
    const rows = filtered(q);
    return { total: rows.length, offset: q.offset, rows: rows.slice(q.offset, q.offset + limit).map(summary) };
  },

  actors_facets: (): Facets => facets(),

  actor_get: (args): ActorDetail => {
    const s = getLiveActor(arg<string>(args, "id"));
    const commune = s.actor.commune ? (communeByInsee.get(s.actor.commune.insee) ?? null) : null;
    return { actor: s.actor, commune, contacts: contactsOf(s.actor.id) };
  },

  actor_validate: (args): FieldError[] => validateActorInput(arg<ActorInput>(args, "input")).errors,

  association_register_hint: (args): RegisterHint => mockHint(arg<string | null>(args, "communeInsee")),

  actor_create: (args): Actor => {
    const input = arg<ActorInput>(args, "input");
    const { errors, valid } = validateActorInput(input);
    if (errors.length > 0) throw invalid(errors);
    if (valid.name.startsWith("!")) throw diskFull();
    const at = now();
    const actor: Actor = { ...valid, id: newId("act"), createdAt: at, updatedAt: at };
    store(actor);
    changed();
    return actor;
  },

  actor_update: (args): Actor => {
    const s = getLiveActor(arg<string>(args, "id"));
    const { errors, valid } = validateActorInput(arg<ActorInput>(args, "input"));
    if (errors.length > 0) throw invalid(errors);
    if (valid.name.startsWith("!")) throw diskFull();
    const actor: Actor = { ...valid, id: s.actor.id, createdAt: s.actor.createdAt, updatedAt: now() };
    store(actor);
    changed();
    return actor;
  },

  actor_delete: (args): null => {
    getLiveActor(arg<string>(args, "id")).deleted = true;
    changed();
    return null;
  },

  actor_ties: (args) => {
    getLiveActor(arg<string>(args, "id"));
    return { contacts: 0, partnerships: [], events: [] };
  },

  actor_restore: (args): null => {
    const s = actors.get(arg<string>(args, "id"));
    if (!s) throw notFound("actor");
    s.deleted = false;
    changed();
    return null;
  },

  contact_validate: (args): FieldError[] => validateContactInput(arg<ContactInput>(args, "input")),

  contact_create: (args): Contact => {
    const input = arg<ContactInput>(args, "input");
    const errors = validateContactInput(input);
    if (errors.length > 0) throw invalid(errors);
    const contact = buildContact(input, newId("ctc"), now());
    contacts.set(contact.id, { contact, deleted: false });
    countsCache = null;
    changed();
    return contact;
  },

  contact_update: (args): Contact => {
    const id = arg<string>(args, "id");
    const s = contacts.get(id);
    if (!s || s.deleted) throw notFound("contact");
    const input = arg<ContactInput>(args, "input");
    const errors = validateContactInput(input);
    if (errors.length > 0) throw invalid(errors);
    s.contact = buildContact(input, id, s.contact.createdAt);
    changed();
    return s.contact;
  },

  contact_delete: (args): null => {
    const s = contacts.get(arg<string>(args, "id"));
    if (!s || s.deleted) throw notFound("contact");
    s.deleted = true;
    countsCache = null;
    changed();
    return null;
  },

  contact_restore: (args): null => {
    const s = contacts.get(arg<string>(args, "id"));
    if (!s) throw notFound("contact");
    s.deleted = false;
    countsCache = null;
    changed();
    return null;
  },

  search: (args): SearchHit[] => {
    const text = arg<string>(args, "text");
    const limit = arg<number>(args, "limit");
    const ws = words(text);
    if (ws.length === 0) return [];
    const hits: SearchHit[] = [];
    const matches = (hay: string) => {
      const spaced = ` ${words(hay).join(" ")}`;
      return ws.every((w) => spaced.includes(` ${w}`));
    };
    for (const s of live()) {
      if (hits.length >= limit) break;
      if (matches(s.actor.name)) {
        const c = s.actor.commune ? communeByInsee.get(s.actor.commune.insee) : undefined;
        hits.push({
          entity: "actor",
          id: s.actor.id,
          actorId: null,
          kind: s.actor.kind,
          title: s.actor.name,
          subtitle: [KIND_LABELS[s.actor.kind], c?.name, c?.departement.name].filter(Boolean).join(" · "),
        });
      }
    }
    for (const s of contacts.values()) {
      if (hits.length >= limit) break;
      const c = s.contact;
      if (s.deleted || (c.actorId && actors.get(c.actorId)?.deleted)) continue;
      if (matches(`${c.firstName} ${c.lastName} ${c.email ?? ""}`)) {
        const kind: ActorKind | null = c.actorId ? (actors.get(c.actorId)?.actor.kind ?? null) : null;
        hits.push({
          entity: "contact",
          id: c.id,
          actorId: c.actorId,
          kind,
          title: `${c.firstName} ${c.lastName}`.trim(),
          subtitle: [c.role, c.actorName].filter(Boolean).join(" · "),
        });
      }
    }
    return hits;
  },

  communes_search: (args): Commune[] => {
    const text = arg<string>(args, "text").trim();
    const limit = arg<number>(args, "limit");
    if (text === "") return [];
    if (/^\d[\dAB]\d*$/i.test(text)) {
      return communes
        .filter((c) => c.insee === text.toUpperCase() || c.postalCodes.some((p) => p.startsWith(text)))
        .slice(0, limit);
    }
    const q = fold(text).replace(/[-']/g, " ");
    const starts = communeFolded.filter((e) => e.key.startsWith(q));
    const contains = communeFolded.filter((e) => !e.key.startsWith(q) && e.key.includes(q));
    return [...starts, ...contains].slice(0, limit).map((e) => e.c);
  },

  demo_load: (): DemoSummary => {
    if (demoLoaded) {
      throw appError(
        "conflict",
        "Le territoire de démonstration est déjà chargé.",
        "The demonstration territory is already loaded.",
      );
    }
    const before = contacts.size;
    loadDemoData();
    return { actors: DEMO_ACTORS.length, contacts: contacts.size - before, partnerships: MOCK_PARTNERSHIP_COUNT };
  },

  ...dataHandlers({
    idOf: (name) => live().find((s) => s.actor.name === name)?.actor.id ?? null,
    add: (seed) => {
      const id = addSeed(seed, now());
      changed();
      return id;
    },
    remove: (id) => {
      const s = actors.get(id);
      if (s) s.deleted = true;
      let removed = 0;
      for (const c of contacts.values()) {
        if (c.contact.actorId === id && !c.deleted) {
          c.deleted = true;
          removed++;
        }
      }
      countsCache = null;
      changed();
      return removed;
    },
  }),

  ...partnershipHandlers(
    {
      nameOf: (id) => actors.get(id)?.actor.name ?? null,
      idOf: (name) => live().find((s) => s.actor.name === name)?.actor.id ?? null,
      all: () => live().map((s) => s.actor),
      communeName: (insee) => communeByInsee.get(insee)?.name ?? null,
    },
    () => demoLoaded,
  ),

  ...dedup.handlers,
};

// The demo territory gets its near copies (the duplicates tab has pairs of every kind).
if (scenario !== "empty" && scenario !== "broken") dedup.seed();

/** Same shape as Tauri's `invoke`: resolves with the value or rejects with an AppError. */
export async function mockInvoke(command: string, args?: Record<string, unknown>): Promise<unknown> {
  await (command === "demo_load" ? sleep(1400) : latency());
  const handler = handlers[command];
  if (!handler) throw `command ${command} not found`;
  // Values cross a serialisation boundary in the real app: copy them.
  // A long command (briefs_export) answers with a promise.
  return structuredClone(await handler(args));
}

/** The gateway's `listen` in mock mode; `mockEmit` sends (exposed for manual tries in the console). */
export { mockEmit, mockListen };
