// The partnership commands of the in-memory backend (devMock.ts only, so
// never in a production build): ~15 partnerships of the demonstration
// territory across stages and modes, moves, notes, actions, classification.
import type { Actor } from "../bindings/Actor";
import type { AgreementText } from "../bindings/AgreementText";
import type { BriefsExport } from "../bindings/BriefsExport";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { ActorKind } from "../bindings/ActorKind";
import type { ClassificationProposal } from "../bindings/ClassificationProposal";
import type { Contribution } from "../bindings/Contribution";
import type { EssaimagePlan } from "../bindings/EssaimagePlan";
import type { Counterpart } from "../bindings/Counterpart";
import type { FieldError } from "../bindings/FieldError";
import type { MecenatKind } from "../bindings/MecenatKind";
import type { Modes } from "../bindings/Modes";
import type { NextAction } from "../bindings/NextAction";
import type { Board } from "../bindings/Board";
import type { CountBy } from "../bindings/CountBy";
import type { MatrixCell } from "../bindings/MatrixCell";
import type { Overview } from "../bindings/Overview";
import type { Partnership } from "../bindings/Partnership";
import type { PartnershipDetail } from "../bindings/PartnershipDetail";
import type { PartnershipInput } from "../bindings/PartnershipInput";
import type { PartnershipLink } from "../bindings/PartnershipLink";
import type { PartnershipPage } from "../bindings/PartnershipPage";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { PartnershipSort } from "../bindings/PartnershipSort";
import type { PartnershipSummary } from "../bindings/PartnershipSummary";
import type { PartyRole } from "../bindings/PartyRole";
import type { Possibility } from "../bindings/Possibility";
import type { Question } from "../bindings/Question";
import type { RameauMode } from "../bindings/RameauMode";
import type { ResourceCategory } from "../bindings/ResourceCategory";
import type { Stage } from "../bindings/Stage";
import type { Totals } from "../bindings/Totals";
import { mockEmit } from "./devMockEvents";
import { MOCK_COMMUNES } from "./mockCommunes";
import type { AppError } from "./types";

type Args = Record<string, unknown> | undefined;
export type ActorLookup = {
  nameOf: (id: string) => string | null;
  idOf: (name: string) => string | null;
  /** The live actors (for « Champ des possibles »). */
  all?: () => Actor[];
  /** A commune's name from its INSEE code. */
  communeName?: (insee: string) => string | null;
};

const STAGE_ORDER: Stage[] = [
  "rencontre",
  "exploration",
  "preparation",
  "contractualisation",
  "mise_en_oeuvre",
  "evaluation",
  "essaimage",
  "abandonne",
];
const MODE_ORDER: RameauMode[] = ["mecenat", "cooperation_economique", "innovation_societale", "pratiques_responsables"];

function err(kind: AppError["kind"], message: string, messageEn: string, fields: FieldError[] = []): AppError {
  return { kind, message, messageEn, fields };
}

// The caller names the type the contract gives this argument.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function get<T>(args: Args, name: string): T {
  if (!args || !(name in args)) throw err("internal", `Argument manquant : ${name}.`, `Missing argument: ${name}.`);
  return args[name] as T;
}

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString();
}

function dayIn(n: number): string {
  const d = new Date(Date.now() + n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

type Seed = {
  title: string;
  stage: Stage;
  days: number;
  parties: [string, PartyRole][];
  primary: RameauMode | null;
  secondary?: RameauMode[];
  kinds?: MecenatKind[];
  action?: [string, number | null];
  gift?: number;
  counterpart?: number;
  abandon?: string;
};

const SEEDS: Seed[] = [
  { title: "Paniers bio pour la cantine Koenig", stage: "rencontre", days: 3, parties: [["Boulangerie Koenig & Fils", "partenaire"], ["Les Jardins de la Montagne Verte", "porteur"]], primary: null, action: ["Appeler Mme Koenig pour un premier rendez-vous", 4] },
  { title: "Camionnette frigorifique pour les récoltes", stage: "rencontre", days: 9, parties: [["Transports Weber", "financeur"], ["Les Jardins de la Montagne Verte", "beneficiaire"]], primary: "mecenat", kinds: ["en_nature"], action: ["Visiter le dépôt de Transports Weber", -2] },
  { title: "Atelier numérique pour les bénévoles", stage: "exploration", days: 15, parties: [["Atelier Roth Numérique", "partenaire"], ["Banque alimentaire du Centre-Alsace", "beneficiaire"]], primary: "mecenat", secondary: ["pratiques_responsables"], kinds: ["competences"], action: ["Recenser les besoins des bénévoles", 10] },
  { title: "Insertion en menuiserie", stage: "exploration", days: 27, parties: [["Menuiserie Kieffer", "partenaire"], ["Emmaüs Centre-Alsace", "porteur"]], primary: "pratiques_responsables", action: ["Préparer la fiche de poste adaptée", -6] },
  { title: "Bière solidaire du Haut-Koenigsbourg", stage: "preparation", days: 41, parties: [["Brasserie du Haut-Koenigsbourg", "porteur"], ["Les Restos du Cœur — Obernai", "beneficiaire"]], primary: "cooperation_economique", secondary: ["mecenat"], kinds: ["financier"], action: ["Valider l'étiquette avec les Restos", 12], gift: 500_000, counterpart: 80_000 },
  { title: "Tiers-lieu de la gare de Sélestat", stage: "preparation", days: 6, parties: [["Collectif des tiers-lieux d'Alsace", "porteur"], ["Communauté de communes de Sélestat", "collectivite_associee"], ["Fondation Rhin Solidaire", "financeur"]], primary: "innovation_societale", secondary: ["cooperation_economique"], action: ["Envoyer le budget prévisionnel", 2] },
  { title: "Impression des programmes du cirque", stage: "contractualisation", days: 19, parties: [["Imprimerie Heitz", "financeur"], ["Compagnie du Cirque Léger", "beneficiaire"]], primary: "mecenat", kinds: ["en_nature"], action: ["Faire signer la convention de mécénat", -1], gift: 240_000, counterpart: 90_000 },
  { title: "Fromages et épicerie solidaire", stage: "contractualisation", days: 33, parties: [["Fromagerie Wolff", "partenaire"], ["Banque alimentaire du Centre-Alsace", "porteur"]], primary: "cooperation_economique", action: ["Relire le contrat d'approvisionnement", 7] },
  { title: "Garage école pour jeunes en insertion", stage: "mise_en_oeuvre", days: 88, parties: [["Garage Schneider", "operateur"], ["Association pour le droit à l'initiative économique — antenne du Haut-Rhin, Mulhouse Sud Alsace et vallées vosgiennes (ADIE)", "porteur"]], primary: "pratiques_responsables", secondary: ["innovation_societale"], action: ["Point d'étape avec les trois premiers jeunes", 21] },
  { title: "Bois local pour l'école d'Obernai", stage: "mise_en_oeuvre", days: 54, parties: [["Scierie Zimmermann", "partenaire"], ["Commune d'Obernai", "collectivite_associee"]], primary: "cooperation_economique", action: ["Livrer le second lot de planches", -12] },
  { title: "Mécénat de compétences comptables", stage: "mise_en_oeuvre", days: 120, parties: [["France Active Alsace", "financeur"], ["Les Jardins de la Montagne Verte", "beneficiaire"]], primary: "mecenat", kinds: ["competences", "financier"], action: ["Deuxième session de formation", 30], gift: 1_200_000, counterpart: 100_000 },
  { title: "Analyses d'eau pour le club sportif", stage: "evaluation", days: 14, parties: [["Laboratoire Fischer Analyses", "financeur"], ["Club sportif de Bischwiller", "beneficiaire"]], primary: "mecenat", kinds: ["en_nature"], action: ["Rédiger le bilan de la saison", 15], gift: 150_000, counterpart: 10_000 },
  { title: "Rénovation éco-habitat à Colmar", stage: "evaluation", days: 45, parties: [["Réseau Éco-Habitat", "porteur"], ["Ville de Colmar", "collectivite_associee"], ["Fonds de dotation Alsace Demain", "financeur"]], primary: "innovation_societale", action: ["Mesurer les économies d'énergie", null] },
  { title: "Formation des apprentis au handicap", stage: "essaimage", days: 200, parties: [["Chambre de métiers d'Alsace", "partenaire"], ["Lycée professionnel Jean Rostand", "partenaire"]], primary: "pratiques_responsables", secondary: ["mecenat"], kinds: ["competences"] },
  { title: "Café des aidants à l'hôpital", stage: "abandonne", days: 60, parties: [["Café « Le Zèbre » 🦓", "partenaire"], ["Centre hospitalier de Sélestat", "partenaire"]], primary: "innovation_societale", abandon: "Le service a été réorganisé : plus d'interlocuteur côté hôpital." },
];

export const MOCK_PARTNERSHIP_COUNT = SEEDS.length;

type Stored = { p: Partnership; deleted: boolean };
const store = new Map<string, Stored>();
/** Set by briefs_export_cancel, read between two briefs. */
let exportCancelled = false;
const exportWasCancelled = (): boolean => exportCancelled;
let counter = 0;
let seeded = false;

function newId(): string {
  counter++;
  return `prt-${counter.toString(36).padStart(6, "0")}`;
}

// ?mock=big also fills the board with a few hundred partnerships.
const manyCopies =
  typeof window !== "undefined" && new URLSearchParams(window.location.search).get("mock") === "big" ? 30 : 1;

function seed(lookup: ActorLookup): void {
  seeded = true;
  const all = Array.from({ length: manyCopies }, (_, copy) =>
    SEEDS.map((s) => (copy === 0 ? s : { ...s, title: `${s.title} (${copy + 1})`, days: s.days + copy })),
  ).flat();
  for (const [n, s] of all.entries()) {
    const parties = s.parties
      .map(([name, role]) => ({ actorId: lookup.idOf(name), role, contactId: null }))
      .filter((x): x is { actorId: string; role: PartyRole; contactId: null } => x.actorId !== null);
    if (parties.length < 2) continue;
    const created = daysAgo(s.days + 20);
    const changedAt = daysAgo(s.days);
    const contributions: Contribution[] = [];
    const counterparts: Counterpart[] = [];
    const giver = parties[0];
    const receiver = parties[parties.length - 1];
    if (s.gift && giver) contributions.push({ actorId: giver.actorId, kind: "numeraire", valueCents: s.gift, minutes: 0, description: "Don" });
    if (giver && receiver) contributions.push({ actorId: receiver.actorId, kind: "competences", valueCents: 0, minutes: 600, description: "Temps des bénévoles" });
    if (s.counterpart && receiver) counterparts.push({ givenBy: receiver.actorId, description: "Logo sur les supports et invitations", valueCents: s.counterpart });
    const nextActions: NextAction[] = s.action
      ? [
          { text: "Premier échange téléphonique", owner: "Claire", dueOn: dayIn(-s.days - 5), done: true },
          { text: s.action[0], owner: "Claire", dueOn: s.action[1] === null ? null : dayIn(s.action[1]), done: false },
        ]
      : [];
    const seedModes = { primary: s.primary, secondary: s.secondary ?? [], mecenatKinds: s.kinds ?? [] };
    const timeline: Partnership["timeline"] = [{ kind: "created", modes: seedModes, at: created }];
    if (s.stage !== "rencontre") {
      timeline.push({ kind: "note", text: "Premier rendez-vous : les deux parties sont partantes.", at: daysAgo(s.days + 10) });
      timeline.push(
        s.stage === "abandonne"
          ? { kind: "abandoned", from: "exploration", reason: s.abandon ?? null, at: changedAt }
          : { kind: "stage", from: "rencontre", to: s.stage, reason: null, at: changedAt },
      );
    }
    const id = newId();
    store.set(id, {
      deleted: false,
      p: {
        id,
        title: s.title,
        summary: null,
        territory: SEED_TERRITORIES[n % SEED_TERRITORIES.length] ?? [],
        parties,
        modes: { primary: s.primary, secondary: s.secondary ?? [], mecenatKinds: s.kinds ?? [] },
        spawnedFrom: null,
        contributions,
        counterparts,
        facilitator: SEED_FACILITATORS[n % SEED_FACILITATORS.length] ?? null,
        tags: SEED_TAGS[n % SEED_TAGS.length] ?? [],
        origin: null,
        nextActions,
        objectives: [],
        indicators: [],
        stage: s.stage,
        abandonReason: s.abandon ?? null,
        timeline,
        version: 1,
        createdAt: created,
        updatedAt: changedAt,
        stageChangedAt: changedAt,
      },
    });
  }
}

// Variety for the filters and the overview: territories, facilitators, tags.
const SEED_TERRITORIES: string[][] = [["67462"], ["67348"], ["68066"], [], ["67482", "67043"], ["68224"], ["67180"], ["67462", "68066"]];
const SEED_FACILITATORS: (string | null)[] = ["Claire Muller", "Claire Muller", "Thomas Roth", "Léa Bernard", null];
const SEED_TAGS: string[][] = [["alimentation"], [], ["insertion"], ["alimentation", "circuits courts"], [], ["numérique"]];

function partiesOf(p: Partnership, lookup: ActorLookup) {
  return p.parties.map((x) => ({ actorId: x.actorId, actorName: lookup.nameOf(x.actorId) ?? "?", role: x.role }));
}

function nextOf(p: Partnership): { nextAction: string | null; nextDueOn: string | null } {
  const open = p.nextActions.filter((a) => !a.done);
  const dated = open.filter((a) => a.dueOn).sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  const first = dated[0] ?? open[0];
  return { nextAction: first?.text ?? null, nextDueOn: dated[0]?.dueOn ?? null };
}

function summary(p: Partnership, lookup: ActorLookup): PartnershipSummary {
  return {
    id: p.id,
    title: p.title,
    stage: p.stage,
    modes: p.modes,
    parties: partiesOf(p, lookup),
    facilitator: p.facilitator,
    ...nextOf(p),
    stageChangedAt: p.stageChangedAt,
    tags: p.tags,
    updatedAt: p.updatedAt,
  };
}

function totals(p: Partnership): Totals {
  const perParty = p.parties.map((x) => ({
    actorId: x.actorId,
    valueCents: p.contributions.filter((c) => c.actorId === x.actorId).reduce((n, c) => n + c.valueCents, 0),
    minutes: p.contributions.filter((c) => c.actorId === x.actorId).reduce((n, c) => n + c.minutes, 0),
    counterpartCents: p.counterparts.filter((c) => c.givenBy === x.actorId).reduce((n, c) => n + c.valueCents, 0),
  }));
  const valueCents = perParty.reduce((n, x) => n + x.valueCents, 0);
  const counterpartCents = perParty.reduce((n, x) => n + x.counterpartCents, 0);
  const isMecenat = p.modes.primary === "mecenat" || p.modes.secondary.includes("mecenat");
  let mecenat: Totals["mecenat"] = null;
  if (isMecenat) {
    const beneficiaries = new Set(p.parties.filter((x) => x.role === "beneficiaire").map((x) => x.actorId));
    const giftCents = p.contributions.filter((c) => !beneficiaries.has(c.actorId)).reduce((n, c) => n + c.valueCents, 0);
    const ratio = giftCents > 0 ? Math.round((counterpartCents * 10_000) / giftCents) : null;
    const over = ratio !== null && ratio > 2500;
    mecenat = {
      giftCents,
      counterpartCents,
      ratioBasisPoints: ratio,
      overLimit: over,
      warning: over ? "Les contreparties dépassent 25 % du don : le rescrit fiscal pourrait être refusé. Réduisez-les ou requalifiez le partenariat." : null,
      warningEn: over ? "Counterparts exceed 25 % of the gift: the tax receipt may be refused. Reduce them or reclassify the partnership." : null,
      estimatedTaxReductionCents: Math.round(giftCents * 0.6),
    };
  }
  return { perParty, valueCents, minutes: perParty.reduce((n, x) => n + x.minutes, 0), counterpartCents, mecenat };
}

function validate(input: PartnershipInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.title.trim() === "") {
    errors.push({ field: "title", message: "Donnez un titre au partenariat.", messageEn: "Give the partnership a title." });
  } else if (input.title.length > 200) {
    errors.push({ field: "title", message: "Le titre dépasse 200 caractères.", messageEn: "The title is longer than 200 characters." });
  }
  if (input.parties.length < 2) {
    errors.push({ field: "parties", message: "Un partenariat réunit au moins deux acteurs.", messageEn: "A partnership brings together at least two actors." });
  }
  const seen = new Set<string>();
  input.parties.forEach((x, i) => {
    if (x.actorId.trim() === "") {
      errors.push({ field: `parties.${i}.actorId`, message: "Choisissez un acteur dans la liste.", messageEn: "Pick an actor from the list." });
    } else if (seen.has(x.actorId)) {
      errors.push({ field: `parties.${i}.actorId`, message: "Cet acteur figure déjà parmi les parties.", messageEn: "This actor is already a party." });
    }
    seen.add(x.actorId);
  });
  if (input.modes.primary !== null && input.modes.secondary.includes(input.modes.primary)) {
    errors.push({ field: "modes.secondary", message: "Le mode principal ne peut pas être aussi secondaire.", messageEn: "The primary mode cannot also be secondary." });
  }
  validateChildren(input, errors);
  return errors;
}

// The rules of the core's `PartnershipInput::validate` on the rows, so that
// mock mode shows field errors where the real window would.
function validateChildren(input: PartnershipInput, errors: FieldError[]): void {
  const isParty = (id: string | null) => id !== null && input.parties.some((x) => x.actorId === id);
  const amount = (field: string, cents: number) => {
    if (cents < 0) errors.push({ field, message: "Un montant ne peut pas être négatif.", messageEn: "An amount cannot be negative." });
    else if (cents > 10_000_000_000) errors.push({ field, message: "Montant invraisemblable : 100 millions d'euros au plus. Vérifiez l'unité (euros, pas centimes).", messageEn: "Implausible amount: at most 100 million euros. Check the unit." });
  };
  input.contributions.forEach((c, i) => {
    if (!isParty(c.actorId)) errors.push({ field: `contributions.${i}.actorId`, message: "Cette contribution doit venir d'une des parties du partenariat.", messageEn: "This contribution must come from one of the partnership's parties." });
    amount(`contributions.${i}.valueCents`, c.valueCents);
    if (c.minutes < 0 || c.minutes > 6_000_000) errors.push({ field: `contributions.${i}.minutes`, message: "Le temps donné doit être positif et de 100 000 heures au plus.", messageEn: "Time given must be positive and at most 100,000 hours." });
  });
  input.counterparts.forEach((c, i) => {
    if (!isParty(c.givenBy)) errors.push({ field: `counterparts.${i}.givenBy`, message: "Cette contrepartie doit être donnée par une des parties du partenariat.", messageEn: "This counterpart must be given by one of the partnership's parties." });
    if (c.description.trim() === "") errors.push({ field: `counterparts.${i}.description`, message: "Décrivez la contrepartie en quelques mots.", messageEn: "Describe the counterpart in a few words." });
    amount(`counterparts.${i}.valueCents`, c.valueCents);
  });
  input.nextActions.forEach((a, i) => {
    if (a.text.trim() === "") errors.push({ field: `nextActions.${i}.text`, message: "Décrivez l'action en quelques mots, ou retirez la ligne.", messageEn: "Describe the action in a few words, or remove the line." });
  });
  input.objectives.forEach((o, i) => {
    if (o.text.trim() === "") errors.push({ field: `objectives.${i}.text`, message: "Décrivez l'objectif en quelques mots, ou retirez la ligne.", messageEn: "Describe the objective in a few words, or remove the line." });
    if (o.actorId !== null && !isParty(o.actorId)) errors.push({ field: `objectives.${i}.actorId`, message: "Cet objectif doit être celui d'une des parties, ou celui du bien commun.", messageEn: "This objective must belong to one of the parties, or to the common good." });
  });
  input.indicators.forEach((ind, i) => {
    if (ind.name.trim() === "") errors.push({ field: `indicators.${i}.name`, message: "Nommez l'indicateur (par exemple : personnes en emploi à 3 mois).", messageEn: "Name the indicator (for example: people in work at 3 months)." });
  });
}

function invalid(fields: FieldError[]): AppError {
  return err(
    "invalid",
    `Certains champs sont à corriger : ${fields.map((f) => f.message).join(" ")}`,
    `Some fields need fixing: ${fields.map((f) => f.messageEn).join(" ")}`,
    fields,
  );
}

function live(id: string): Partnership {
  const s = store.get(id);
  if (!s || s.deleted) throw err("notFound", "Ce partenariat n'existe pas ou a été supprimé.", "This partnership does not exist or was deleted.");
  return s.p;
}

function touch(p: Partnership, entry?: Partnership["timeline"][number]): Partnership {
  p.version++;
  p.updatedAt = new Date().toISOString();
  if (entry) p.timeline.push(entry);
  return p;
}

function normalizeModes(m: Modes): Modes {
  return {
    primary: m.primary,
    secondary: MODE_ORDER.filter((x) => x !== m.primary && m.secondary.includes(x)),
    mecenatKinds: [...new Set(m.mecenatKinds)],
  };
}

export function classify(yes: Question[]): ClassificationProposal {
  const modes: RameauMode[] = [];
  if (yes.includes("q1")) modes.push("mecenat");
  if (yes.includes("q3")) modes.push("cooperation_economique");
  if (yes.includes("q4")) modes.push("innovation_societale");
  if (yes.includes("q2")) modes.push("pratiques_responsables");
  const ordered = MODE_ORDER.filter((m) => modes.includes(m));
  const kinds: MecenatKind[] = [];
  if (yes.includes("q1")) {
    if (yes.includes("q5")) kinds.push("financier");
    if (yes.includes("q6")) kinds.push("en_nature");
    if (yes.includes("q7")) kinds.push("logistique");
    if (yes.includes("q8")) kinds.push("competences");
  }
  const primary = ordered[0] ?? null;
  const names: Record<RameauMode, [string, string]> = {
    mecenat: ["un mécénat (l'entreprise donne sans retour direct)", "a sponsorship (the company gives with no direct return)"],
    cooperation_economique: ["une coopération économique (offre commune ou relation commerciale)", "an economic cooperation (joint offer or commercial relation)"],
    innovation_societale: ["une innovation sociétale (solution nouvelle construite ensemble)", "a societal innovation (a new solution built together)"],
    pratiques_responsables: ["des pratiques responsables (l'association aide l'entreprise à changer)", "responsible practices (the association helps the company change)"],
  };
  if (!primary) {
    return { primary: null, secondary: [], mecenatKinds: [], reason: "Aucune réponse ne désigne encore un mode : répondez « oui » à au moins une des quatre premières questions.", reasonEn: "No answer points to a mode yet: answer “yes” to at least one of the first four questions." };
  }
  const secondary = ordered.slice(1);
  const more = secondary.length > 0 ? ` Il touche aussi : ${secondary.map((m) => names[m][0]).join(", ")}.` : "";
  const moreEn = secondary.length > 0 ? ` It also touches: ${secondary.map((m) => names[m][1]).join(", ")}.` : "";
  return {
    primary,
    secondary,
    mecenatKinds: kinds,
    reason: `D'après vos réponses, c'est d'abord ${names[primary][0]}.${more}`,
    reasonEn: `From your answers, it is first ${names[primary][1]}.${moreEn}`,
  };
}

// ---------- Board, list and overview (the semantics of the core's queries) ----------

let communeIndex: Map<string, { dep: string; depName: string }> | null = null;

function communeOf(insee: string): { dep: string; depName: string } | undefined {
  communeIndex ??= new Map(MOCK_COMMUNES.map((c) => [c[0] ?? "", { dep: c[3] ?? "", depName: c[4] ?? "" }]));
  return communeIndex.get(insee);
}

function departementsOf(p: Partnership): string[] {
  return [...new Set(p.territory.map((i) => communeOf(i)?.dep).filter((d): d is string => d !== undefined))];
}

function foldText(s: string): string {
  return s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

function todayIsoLocal(): string {
  return dayIn(0);
}

function isLate(p: Partnership): boolean {
  const today = todayIsoLocal();
  return p.nextActions.some((a) => !a.done && a.dueOn !== null && a.dueOn < today);
}

function matches(p: Partnership, q: PartnershipQuery): boolean {
  if (q.stage !== null && p.stage !== q.stage) return false;
  if (q.unclassified && p.modes.primary !== null) return false;
  if (q.mode !== null && p.modes.primary !== q.mode && (q.primaryOnly || !p.modes.secondary.includes(q.mode))) return false;
  if (q.actorId !== null && !p.parties.some((x) => x.actorId === q.actorId)) return false;
  if (q.commune !== null && !p.territory.includes(q.commune)) return false;
  if (q.departement !== null) {
    const deps = departementsOf(p);
    if (q.departement === "" ? deps.length > 0 : !deps.includes(q.departement)) return false;
  }
  if (q.facilitator !== null) {
    const f = foldText(p.facilitator?.trim() ?? "");
    if (f !== foldText(q.facilitator.trim())) return false;
  }
  if (q.tag !== null && !p.tags.some((t) => foldText(t) === foldText(q.tag ?? ""))) return false;
  if (q.overdue && !isLate(p)) return false;
  if (q.text !== null && q.text.trim() !== "") {
    const title = foldText(p.title);
    if (!foldText(q.text).split(/\s+/).filter(Boolean).every((w) => title.includes(w))) return false;
  }
  return true;
}

function liveMatching(q: PartnershipQuery): Partnership[] {
  return [...store.values()].filter((s) => !s.deleted && matches(s.p, q)).map((s) => s.p);
}

const byTitle = (a: Partnership, b: Partnership) => a.title.localeCompare(b.title, "fr") || a.id.localeCompare(b.id);

function sortKey(p: Partnership, sort: PartnershipSort): string | number | null {
  switch (sort) {
    case "stage":
      return STAGE_ORDER.indexOf(p.stage);
    case "title":
      return p.title;
    case "mode":
      return p.modes.primary === null ? MODE_ORDER.length : MODE_ORDER.indexOf(p.modes.primary);
    case "facilitator":
      return p.facilitator === null ? null : foldText(p.facilitator);
    case "daysInStage":
      // More days in stage = entered longer ago.
      return -Date.parse(p.stageChangedAt);
    case "nextDue":
      return nextOf(p).nextDueOn;
    case "updated":
      return p.updatedAt;
  }
}

function compareBy(sort: PartnershipSort, descending: boolean) {
  return (a: Partnership, b: Partnership): number => {
    const ka = sortKey(a, sort);
    const kb = sortKey(b, sort);
    let c = 0;
    // Missing values go last, whichever the direction.
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    if (ka !== null && kb !== null) c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb), "fr");
    if (descending) c = -c;
    return c || byTitle(a, b);
  };
}

function countBy(entries: [string, string][]): CountBy[] {
  const counts = new Map<string, CountBy>();
  for (const [code, label] of entries) {
    const c = counts.get(code) ?? { code, label, count: 0 };
    c.count++;
    counts.set(code, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
}

function boardHandlers(lookup: ActorLookup, ready: () => void): Record<string, (args: Args) => unknown> {
  return {
    partnerships_board: (args): Board => {
      ready();
      const q = get<PartnershipQuery>(args, "query");
      const perColumn = get<number>(args, "perColumn");
      const rows = liveMatching(q);
      return {
        total: rows.length,
        columns: STAGE_ORDER.map((stage) => {
          const inStage = rows.filter((p) => p.stage === stage).sort(byTitle);
          return { stage, total: inStage.length, cards: inStage.slice(0, perColumn).map((p) => summary(p, lookup)) };
        }),
      };
    },
    partnerships_page: (args): PartnershipPage => {
      ready();
      const q = get<PartnershipQuery>(args, "query");
      const sort = get<PartnershipSort>(args, "sort");
      const offset = get<number>(args, "offset");
      const limit = get<number>(args, "limit");
      const rows = liveMatching(q).sort(compareBy(sort, get<boolean>(args, "descending")));
      return { total: rows.length, items: rows.slice(offset, offset + limit).map((p) => summary(p, lookup)) };
    },
    partnerships_overview: (): Overview => {
      ready();
      const rows = liveMatching({
        mode: null, primaryOnly: false, unclassified: false, stage: null, actorId: null, commune: null,
        departement: null, facilitator: null, tag: null, overdue: false, text: null,
      });
      const cells = new Map<string, MatrixCell>();
      for (const p of rows) {
        const k = `${p.modes.primary ?? ""}/${p.stage}`;
        const cell = cells.get(k) ?? { mode: p.modes.primary, stage: p.stage, count: 0 };
        cell.count++;
        cells.set(k, cell);
      }
      return {
        total: rows.length,
        matrix: [...cells.values()],
        byDepartement: countBy(
          rows.flatMap((p): [string, string][] => {
            const deps = departementsOf(p);
            if (deps.length === 0) return [["", "Sans territoire"]];
            return deps.map((d) => [d, MOCK_COMMUNES.find((c) => c[3] === d)?.[4] ?? d]);
          }),
        ),
        byFacilitator: countBy(rows.map((p): [string, string] => (p.facilitator ? [p.facilitator, p.facilitator] : ["", "Personne"]))),
        byTag: countBy(rows.flatMap((p) => p.tags.map((t): [string, string] => [t, t]))),
        overdue: rows.filter(isLate).length,
      };
    },
  };
}

// ---------- Champ des possibles and essaimage (a simple port of domain::possibles) ----------

type Reading = { mode: RameauMode; mecenat: MecenatKind | null; fr: string; en: string };

const patron = (k: ActorKind) => k === "entreprise" || k === "fondation" || k === "financeur";
const generalInterest = (k: ActorKind) =>
  k === "association" || k === "fondation" || k === "collectivite" || k === "etablissement_public";

function reading(category: ResourceCategory, giver: ActorKind, receiver: ActorKind): Reading {
  const gift = patron(giver) && generalInterest(receiver) && giver !== receiver;
  const r = (mode: RameauMode, mecenat: MecenatKind | null, fr: string, en: string): Reading => ({ mode, mecenat, fr, en });
  if (gift && category === "financement") return r("mecenat", "financier", "un don financier", "a financial gift");
  if (gift && category === "locaux") return r("mecenat", "logistique", "des locaux prêtés", "premises lent");
  if (gift && category === "materiel") return r("mecenat", "en_nature", "du matériel donné", "equipment given");
  if (gift && category === "competences") return r("mecenat", "competences", "des salariés qui apportent leur métier", "employees bringing their trade");
  if (category === "competences" && generalInterest(giver) && receiver === "entreprise")
    return r("pratiques_responsables", null, "une expertise associative au service des pratiques de l'entreprise", "an association's expertise for the company's own practices");
  if (category === "benevolat") return r("pratiques_responsables", null, "l'engagement bénévole de salariés", "employees volunteering");
  if (category === "achats") return r("cooperation_economique", null, "des achats responsables ou inclusifs", "responsible or inclusive purchasing");
  if (category === "visibilite" && generalInterest(giver) && patron(receiver))
    return r("mecenat", null, "de la visibilité, contrepartie d'un mécénat", "visibility, a philanthropy counterpart");
  return r("cooperation_economique", null, "un échange économique entre les deux", "an economic exchange between them");
}

function assess(from: Actor, other: Actor, shared: number): Possibility | null {
  let score = 0;
  const weights = new Map<RameauMode, number>();
  const kinds: MecenatKind[] = [];
  const reasons: [number, string, string][] = [];
  for (const [needer, giver, points, mine] of [
    [from, other, 30, true],
    [other, from, 20, false],
  ] as const) {
    for (const need of needer.needs) {
      const offer = giver.offers.find((o) => o.category === need.category);
      if (!offer) continue;
      const read = reading(need.category, giver.kind, needer.kind);
      score += points;
      weights.set(read.mode, (weights.get(read.mode) ?? 0) + points);
      if (read.mecenat && !kinds.includes(read.mecenat)) kinds.push(read.mecenat);
      reasons.push(
        mine
          ? [points, `Besoin « ${need.text} » ↔ offre « ${offer.text} » : ${read.fr}.`, `Need "${need.text}" ↔ offer "${offer.text}": ${read.en}.`]
          : [points, `Offre « ${offer.text} » ↔ besoin « ${need.text} » : ${read.fr}.`, `Offer "${offer.text}" ↔ need "${need.text}": ${read.en}.`],
      );
    }
  }
  if (reasons.length === 0) return null;
  const insee = (a: Actor) => a.commune?.insee ?? null;
  if (insee(from) !== null && insee(from) === insee(other)) {
    score += 15;
    reasons.push([15, "Dans la même commune.", "In the same commune."]);
  } else if (insee(from) !== null && insee(from)?.slice(0, 2) === insee(other)?.slice(0, 2)) {
    score += 5;
    reasons.push([5, "Dans le même département.", "In the same department."]);
  }
  if ((from.kind === "entreprise" && generalInterest(other.kind)) || (generalInterest(from.kind) && other.kind === "entreprise")) {
    score += 10;
    reasons.push([10, "Une entreprise et une structure d'intérêt général : les deux mondes que le partenariat relie.", "A company and a body of general interest: the two worlds a partnership links."]);
  }
  reasons.sort((a, b) => b[0] - a[0]);
  const modes = [...weights.entries()].sort((a, b) => b[1] - a[1] || MODE_ORDER.indexOf(a[0]) - MODE_ORDER.indexOf(b[0])).map(([m]) => m);
  const mecenatKinds = modes.includes("mecenat") ? kinds : [];
  const primary = modes[0] ?? null;
  let roles: [PartyRole, PartyRole] = ["porteur", "partenaire"];
  if (primary === "mecenat" && patron(from.kind) && !patron(other.kind)) roles = ["financeur", "beneficiaire"];
  else if (primary === "mecenat" && patron(other.kind) && !patron(from.kind)) roles = ["beneficiaire", "financeur"];
  const territory = [...new Set([insee(from), insee(other)].filter((c): c is string => c !== null))];
  return {
    actorId: other.id,
    actorName: other.name,
    actorKind: other.kind,
    place: other.commune?.name ?? null,
    score,
    modes,
    mecenatKinds,
    reasons: reasons.map((r) => r[1]),
    reasonsEn: reasons.map((r) => r[2]),
    sharedPartnerships: shared,
    proposal: {
      title: `${from.name} × ${other.name}`,
      summary: null,
      territory,
      parties: [
        { actorId: from.id, role: roles[0], contactId: null },
        { actorId: other.id, role: roles[1], contactId: null },
      ],
      modes: { primary, secondary: modes.slice(1), mecenatKinds },
      contributions: [],
      counterparts: [],
      facilitator: null,
      tags: [],
      origin: "Champ des possibles",
      nextActions: [],
      objectives: [],
      indicators: [],
    },
  };
}

function linkOf(p: Partnership, lookup: ActorLookup): PartnershipLink {
  return { id: p.id, title: p.title, stage: p.stage, places: p.territory.map((c) => lookup.communeName?.(c) ?? c) };
}

export function partnershipHandlers(lookup: ActorLookup, demo: () => boolean): Record<string, (args: Args) => unknown> {
  const ready = () => {
    if (!seeded && demo()) seed(lookup);
  };
  return {
    ...boardHandlers(lookup, ready),
    partnerships_list: (args): PartnershipSummary[] => {
      ready();
      const q = get<PartnershipQuery>(args, "query");
      return [...store.values()]
        .filter((s) => !s.deleted)
        .map((s) => s.p)
        .filter((p) => q.stage === null || p.stage === q.stage)
        .filter((p) => q.mode === null || p.modes.primary === q.mode || p.modes.secondary.includes(q.mode))
        .filter((p) => q.actorId === null || p.parties.some((x) => x.actorId === q.actorId))
        .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || a.title.localeCompare(b.title, "fr"))
        .map((p) => summary(p, lookup));
    },
    partnership_get: (args): PartnershipDetail => {
      ready();
      const p = live(get<string>(args, "id"));
      const others = [...store.values()].filter((s) => !s.deleted).map((s) => s.p);
      const origin = p.spawnedFrom === null ? undefined : others.find((o) => o.id === p.spawnedFrom);
      return {
        partnership: p,
        parties: partiesOf(p, lookup),
        totals: totals(p),
        spawnedFrom: origin ? linkOf(origin, lookup) : null,
        children: others.filter((o) => o.spawnedFrom === p.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((o) => linkOf(o, lookup)),
        agreement: agreementOf(p),
      };
    },
    partnership_validate: (args): FieldError[] => validate(get<PartnershipInput>(args, "input")),
    partnership_create: (args): Partnership => {
      ready();
      const input = get<PartnershipInput>(args, "input");
      const errors = validate(input);
      if (errors.length > 0) throw invalid(errors);
      const at = new Date().toISOString();
      const p: Partnership = {
        ...input,
        title: input.title.trim(),
        modes: normalizeModes(input.modes),
        id: newId(),
        stage: "rencontre",
        abandonReason: null,
        timeline: [{ kind: "created", modes: input.modes, at }],
        spawnedFrom: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
        stageChangedAt: at,
      };
      store.set(p.id, { p, deleted: false });
      return p;
    },
    partnership_update: (args): Partnership => {
      const p = live(get<string>(args, "id"));
      if (get<number>(args, "version") !== p.version) {
        throw err("conflict", "Ce partenariat a été modifié entre-temps. Rechargez-le puis recommencez.", "This partnership was changed meanwhile. Reload it, then try again.");
      }
      const input = get<PartnershipInput>(args, "input");
      const errors = validate(input);
      if (errors.length > 0) throw invalid(errors);
      const before = p.modes;
      const modesChanged = JSON.stringify(normalizeModes(input.modes)) !== JSON.stringify(p.modes);
      Object.assign(p, input, { modes: normalizeModes(input.modes) });
      return touch(p, modesChanged ? { kind: "modes", from: before, to: p.modes, at: new Date().toISOString() } : undefined);
    },
    partnership_move: (args): Partnership => {
      const p = live(get<string>(args, "id"));
      const stage = get<Stage>(args, "stage");
      const reason = get<string | null>(args, "reason")?.trim() ?? "";
      if (stage === p.stage) return p;
      if (stage === "abandonne" && reason === "") {
        throw invalid([{ field: "reason", message: "Dites pourquoi le partenariat est abandonné.", messageEn: "Say why the partnership is abandoned." }]);
      }
      const at = new Date().toISOString();
      const from = p.stage;
      p.stage = stage;
      p.stageChangedAt = at;
      p.abandonReason = stage === "abandonne" ? reason : null;
      const why = reason === "" ? null : reason;
      return touch(
        p,
        stage === "abandonne"
          ? { kind: "abandoned", from, reason: why, at }
          : from === "abandonne"
            ? { kind: "reopened", to: stage, reason: why, at }
            : { kind: "stage", from, to: stage, reason: why, at },
      );
    },
    partnership_note: (args): Partnership => {
      const p = live(get<string>(args, "id"));
      const text = get<string>(args, "text").trim();
      if (text === "") throw invalid([{ field: "text", message: "La note est vide.", messageEn: "The note is empty." }]);
      return touch(p, { kind: "note", text, at: new Date().toISOString() });
    },
    partnership_action_done: (args): Partnership => {
      const p = live(get<string>(args, "id"));
      const action = p.nextActions[get<number>(args, "index")];
      if (!action) throw err("notFound", "Cette action n'existe pas.", "This action does not exist.");
      action.done = true;
      return touch(p, { kind: "action_done", action: action.text, owner: action.owner, at: new Date().toISOString() });
    },
    partnership_measure: (args): Partnership => {
      const p = live(get<string>(args, "id"));
      const version = args?.version as number | null | undefined;
      if (version !== null && version !== undefined && version !== p.version) {
        throw err("conflict", "Ce partenariat a été modifié entre-temps. Rechargez-le puis recommencez.", "This partnership was changed meanwhile. Reload it, then try again.");
      }
      const indicator = p.indicators[get<number>(args, "index")];
      if (!indicator) throw err("notFound", "Cet indicateur n'existe pas.", "This indicator does not exist.");
      const value = get<number>(args, "value");
      if (!Number.isFinite(value) || Math.abs(value) > 1e12) {
        throw invalid([{ field: "value", message: "Valeur invraisemblable : écrivez un nombre (mille milliards au plus).", messageEn: "Implausible value: write a number (at most a trillion)." }]);
      }
      const on = get<string | null>(args, "on") ?? new Date().toISOString().slice(0, 10);
      indicator.measures = [...indicator.measures, { on, value }].sort((a, b) => a.on.localeCompare(b.on));
      return touch(p, { kind: "measure", indicator: indicator.name, value, unit: indicator.unit, on, at: new Date().toISOString() });
    },
    partnership_delete: (args): null => {
      live(get<string>(args, "id"));
      const s = store.get(get<string>(args, "id"));
      if (s) s.deleted = true;
      return null;
    },
    partnership_restore: (args): null => {
      const s = store.get(get<string>(args, "id"));
      if (s) s.deleted = false;
      return null;
    },
    actor_possibilities: (args): Possibility[] => {
      ready();
      const id = get<string>(args, "id");
      const limit = get<number>(args, "limit");
      const all = lookup.all?.() ?? [];
      const from = all.find((a) => a.id === id);
      if (!from) throw err("notFound", "Cet acteur n'existe pas ou a été supprimé.", "This actor does not exist or was deleted.");
      const current = [...store.values()].filter((s) => !s.deleted && s.p.stage !== "abandonne").map((s) => s.p);
      const shared = (other: string) =>
        current.filter((p) => p.parties.some((x) => x.actorId === id) && p.parties.some((x) => x.actorId === other)).length;
      return all
        .filter((a) => a.id !== id)
        .map((a) => assess(from, a, shared(a.id)))
        .filter((x): x is Possibility => x !== null)
        .sort((a, b) => b.score - a.score || a.actorName.localeCompare(b.actorName, "fr"))
        .slice(0, limit);
    },
    partnership_essaimer: (args): Partnership => {
      ready();
      const origin = live(get<string>(args, "id"));
      const plan = get<EssaimagePlan>(args, "plan");
      const planErrors: FieldError[] = [];
      if (plan.actors.length !== origin.parties.length) {
        planErrors.push({ field: "actors", message: `Choisissez un acteur pour chacun des ${origin.parties.length} rôles du partenariat d'origine.`, messageEn: `Choose an actor for each of the origin's ${origin.parties.length} roles.` });
      }
      if (plan.territory.every((c) => c.trim() === "")) {
        planErrors.push({ field: "territory", message: "Choisissez au moins une commune : où ce partenariat essaime-t-il ?", messageEn: "Choose at least one commune: where does this partnership spread to?" });
      }
      if (planErrors.length > 0) throw invalid(planErrors);
      const moved = (old: string) => {
        const i = origin.parties.findIndex((x) => x.actorId === old);
        return i >= 0 ? (plan.actors[i] ?? old).trim() : old;
      };
      const input: PartnershipInput = {
        title: plan.title.trim(),
        summary: origin.summary,
        territory: plan.territory,
        parties: origin.parties.map((x, i) => {
          const actorId = (plan.actors[i] ?? "").trim();
          return { actorId, role: x.role, contactId: actorId === x.actorId ? x.contactId : null };
        }),
        modes: origin.modes,
        contributions: origin.contributions.map((c) => ({ ...c, actorId: moved(c.actorId), valueCents: 0, minutes: 0 })),
        counterparts: origin.counterparts.map((c) => ({ ...c, givenBy: moved(c.givenBy), valueCents: 0 })),
        facilitator: plan.facilitator?.trim() ? plan.facilitator.trim() : origin.facilitator,
        tags: origin.tags,
        origin: `Essaimage de « ${origin.title} »`,
        nextActions: [],
        objectives: origin.objectives.map((o) => ({ ...o, actorId: o.actorId === null ? null : moved(o.actorId) })),
        indicators: origin.indicators.map((ind) => ({ ...ind, measures: [] })),
      };
      const errors = validate(input);
      if (errors.length > 0) throw invalid(errors);
      const at = new Date().toISOString();
      const p: Partnership = {
        ...structuredClone(input),
        id: newId(),
        stage: "rencontre",
        abandonReason: null,
        timeline: [{ kind: "spawned_from", origin: origin.title, modes: input.modes, at }],
        spawnedFrom: origin.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
        stageChangedAt: at,
      };
      store.set(p.id, { p, deleted: false });
      touch(origin, { kind: "spawned", title: p.title, at });
      return p;
    },
    partnership_classify: (args): ClassificationProposal => classify(get<Question[]>(args, "yes")),
    ...documentHandlers(),
  };
}

// ---------- Documents (PDF) and the agreement's text ----------
// ?mock=nosave: every save dialog is « cancelled » (the commands answer null).

const agreements = new Map<string, AgreementText>();
const PREAMBLE_MAX = 50_000;
const CLAUSES_MAX = 60;
const CLAUSE_TITLE_MAX = 200;
const CLAUSE_BODY_MAX = 20_000;

const cancelsSaves = () => typeof window !== "undefined" && new URLSearchParams(window.location.search).get("mock") === "nosave";

function agreementOf(p: Partnership): AgreementText {
  const stored = agreements.get(p.id);
  if (stored) return stored;
  if (p.title.startsWith("Impression des programmes")) {
    return {
      preamble:
        "La Compagnie du Cirque Léger présente chaque saison un spectacle gratuit pour les enfants des écoles de Sélestat. L'Imprimerie Heitz, installée dans la commune depuis 1962, souhaite soutenir cette action en imprimant les programmes et les affiches.",
      clauses: [
        { title: "Assurances", body: "Chaque partie garde à sa charge l'assurance de ses biens et de son personnel." },
        { title: "Mention du mécène", body: "Le logo de l'Imprimerie Heitz figure au dos du programme, en petit format." },
      ],
    };
  }
  return { preamble: null, clauses: [] };
}

function slug(title: string): string {
  return (
    title
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "partenariat"
  );
}

function validateAgreement(text: AgreementText): { errors: FieldError[]; clean: AgreementText } {
  const errors: FieldError[] = [];
  const preamble = text.preamble?.trim() ? text.preamble.trim() : null;
  const count = (s: string) => Array.from(s).length;
  if (preamble !== null && count(preamble) > PREAMBLE_MAX) {
    const n = count(preamble);
    errors.push({ field: "preamble", message: `Le préambule est trop long : ${n} caractères, ${PREAMBLE_MAX} au plus.`, messageEn: `The preamble is too long: ${n} characters, at most ${PREAMBLE_MAX}.` });
  }
  if (text.clauses.length > CLAUSES_MAX) {
    const n = text.clauses.length;
    errors.push({ field: "clauses", message: `Trop de clauses : ${n}, ${CLAUSES_MAX} au plus.`, messageEn: `Too many clauses: ${n}, at most ${CLAUSES_MAX}.` });
  }
  const clauses = text.clauses.map((c, i) => {
    const title = c.title.trim();
    const body = c.body.trim();
    if (title === "") {
      errors.push({ field: `clauses.${i}.title`, message: "Donnez un titre à la clause (par exemple : Assurances), ou retirez-la.", messageEn: "Give the clause a title (for example: Insurance), or remove it." });
    } else if (count(title) > CLAUSE_TITLE_MAX) {
      errors.push({ field: `clauses.${i}.title`, message: `Le titre de la clause est trop long : ${CLAUSE_TITLE_MAX} caractères au plus.`, messageEn: `The clause's title is too long: at most ${CLAUSE_TITLE_MAX} characters.` });
    }
    if (count(body) > CLAUSE_BODY_MAX) {
      errors.push({ field: `clauses.${i}.body`, message: `Le texte de la clause est trop long : ${CLAUSE_BODY_MAX} caractères au plus.`, messageEn: `The clause's text is too long: at most ${CLAUSE_BODY_MAX} characters.` });
    }
    return { title, body };
  });
  return { errors, clean: { preamble, clauses } };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function documentHandlers(): Record<string, (args: Args) => unknown> {
  return {
    document_save: async (args): Promise<string | null> => {
      const p = live(get<string>(args, "id"));
      const kind = get<DocumentKind>(args, "kind");
      await wait(600); // the dialog, then the layout
      if (cancelsSaves()) return null;
      return `/home/moi/Documents/${kind === "brief" ? "fiche" : "convention"}-${slug(p.title)}.pdf`;
    },
    briefs_export_cancel: (): null => {
      exportCancelled = true;
      return null;
    },
    briefs_export: async (args): Promise<BriefsExport | null> => {
      const items = liveMatching(get<PartnershipQuery>(args, "query"));
      const combined = get<boolean>(args, "combined");
      await wait(300);
      if (cancelsSaves()) return null;
      const total = items.length;
      exportCancelled = false;
      for (let done = 0; done <= total; done++) {
        mockEmit("briefs-progress", { done, total });
        if (exportWasCancelled()) return null;
        if (done < total) await wait(Math.max(20, Math.min(180, 3000 / Math.max(total, 1))));
      }
      return {
        path: combined ? "/home/moi/Documents/fiches-partenariats.pdf" : "/home/moi/Documents/fiches",
        count: total,
      };
    },
    partnership_agreement_set: (args): Partnership => {
      const p = live(get<string>(args, "id"));
      if (get<number>(args, "version") !== p.version) {
        throw err("conflict", "Ce partenariat a été modifié entre-temps. Rechargez-le puis recommencez.", "This partnership was changed meanwhile. Reload it, then try again.");
      }
      const { errors, clean } = validateAgreement(get<AgreementText>(args, "text"));
      if (errors.length > 0) throw invalid(errors);
      agreements.set(p.id, clean);
      return touch(p);
    },
  };
}
