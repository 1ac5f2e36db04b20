// The partnership commands of the in-memory backend (devMock.ts only, so
// never in a production build): ~15 partnerships of the demonstration
// territory across stages and modes, moves, notes, actions, classification.
import type { ClassificationProposal } from "../bindings/ClassificationProposal";
import type { Contribution } from "../bindings/Contribution";
import type { Counterpart } from "../bindings/Counterpart";
import type { FieldError } from "../bindings/FieldError";
import type { MecenatKind } from "../bindings/MecenatKind";
import type { Modes } from "../bindings/Modes";
import type { NextAction } from "../bindings/NextAction";
import type { Partnership } from "../bindings/Partnership";
import type { PartnershipDetail } from "../bindings/PartnershipDetail";
import type { PartnershipInput } from "../bindings/PartnershipInput";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { PartnershipSummary } from "../bindings/PartnershipSummary";
import type { PartyRole } from "../bindings/PartyRole";
import type { Question } from "../bindings/Question";
import type { RameauMode } from "../bindings/RameauMode";
import type { Stage } from "../bindings/Stage";
import type { Totals } from "../bindings/Totals";
import type { AppError } from "./types";

type Args = Record<string, unknown> | undefined;
export type ActorLookup = { nameOf: (id: string) => string | null; idOf: (name: string) => string | null };

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
const STAGE_FR: Record<Stage, string> = {
  rencontre: "rencontre",
  exploration: "exploration",
  preparation: "préparation",
  contractualisation: "contractualisation",
  mise_en_oeuvre: "mise en œuvre",
  evaluation: "évaluation",
  essaimage: "essaimage",
  abandonne: "abandonné",
};

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
  for (const s of all) {
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
    const timeline: Partnership["timeline"] = [{ kind: "created", text: "Partenariat créé.", at: created }];
    if (s.stage !== "rencontre") {
      timeline.push({ kind: "note", text: "Premier rendez-vous : les deux parties sont partantes.", at: daysAgo(s.days + 10) });
      timeline.push(
        s.stage === "abandonne"
          ? { kind: "abandoned", text: `Abandonné : ${s.abandon ?? ""}`, at: changedAt }
          : { kind: "stage", text: `Passé en ${STAGE_FR[s.stage]}.`, at: changedAt },
      );
    }
    const id = newId();
    store.set(id, {
      deleted: false,
      p: {
        id,
        title: s.title,
        summary: null,
        territory: [],
        parties,
        modes: { primary: s.primary, secondary: s.secondary ?? [], mecenatKinds: s.kinds ?? [] },
        contributions,
        counterparts,
        facilitator: "Claire Muller",
        tags: [],
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
  return errors;
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

export function partnershipHandlers(lookup: ActorLookup, demo: () => boolean): Record<string, (args: Args) => unknown> {
  const ready = () => {
    if (!seeded && demo()) seed(lookup);
  };
  return {
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
      return { partnership: p, parties: partiesOf(p, lookup), totals: totals(p) };
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
        timeline: [{ kind: "created", text: "Partenariat créé.", at }],
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
      const modesChanged = JSON.stringify(normalizeModes(input.modes)) !== JSON.stringify(p.modes);
      Object.assign(p, input, { modes: normalizeModes(input.modes) });
      return touch(p, modesChanged ? { kind: "modes", text: "Modes du partenariat modifiés.", at: new Date().toISOString() } : undefined);
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
      const reopened = p.stage === "abandonne";
      p.stage = stage;
      p.stageChangedAt = at;
      p.abandonReason = stage === "abandonne" ? reason : null;
      return touch(p, {
        kind: stage === "abandonne" ? "abandoned" : reopened ? "reopened" : "stage",
        text: stage === "abandonne" ? `Abandonné : ${reason}` : `Passé en ${STAGE_FR[stage]}.`,
        at,
      });
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
      return touch(p, { kind: "action_done", text: `Fait : ${action.text}`, at: new Date().toISOString() });
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
    partnership_classify: (args): ClassificationProposal => classify(get<Question[]>(args, "yes")),
  };
}
