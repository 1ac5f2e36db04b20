// English texts of the « Champ des possibles » and of « Essaimer ».
import type { possiblesFr } from "./possiblesFr";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const possiblesEn: typeof possiblesFr = {
  title: "Explore a partnership with…",
  intro: "Actors whose offers meet its needs, or whose needs its offers meet. Most promising first.",
  shortcut: "E",
  shortcutHint: "Shortcut: E",
  loading: "Looking for actors to work with…",
  loadError: "The partnership leads could not be loaded.",
  emptyNoResources:
    "Fill in this actor's needs and offers: Tisserand will look in the directory for actors that match them and suggest whom to start a partnership with.",
  emptyNoMatch:
    "No actor in the directory offers what this one needs, or needs what it offers, yet. Refine its needs and offers, or add to the directory.",
  completeResources: "Complete needs and offers",
  list: "Partnership leads",
  modes: "Plausible modes",
  mostPlausible: (mode: string) => `${mode} (most plausible)`,
  plausible: (mode: string) => `${mode} (plausible)`,
  modeWithKinds: (mode: string, kinds: string) => `${mode} (${kinds})`,
  reasons: "Why",
  need: "Need",
  needLower: "need",
  offer: "offer",
  offerCapital: "Offer",
  /** The actor's own words, without their closing full stop. */
  quoted: (text: string) => `"${text.trim().replace(/\.$/, "")}"`,
  reading: (what: string) => `: ${what}.`,
  words: "Words that answer each other",
  moreReasons: (n: number) => `+ ${n} ${plural(n, "reason", "reasons")}`,
  moreReasonsLabel: (n: number, name: string) => `Show ${n} more ${plural(n, "reason", "reasons")} for ${name}`,
  fewerReasons: "Less",
  shared: (n: number) =>
    n === 1 ? "You already have one live partnership together." : `You already have ${n} live partnerships together.`,
  start: "Start a partnership",
  startLabel: (name: string) => `Start a partnership with ${name}`,
  starting: "Creating…",
  started: (title: string) => `Partnership “${title}” created, at the meeting stage.`,
  startFailed: "The partnership could not be created.",
  showMore: "Show more leads",
  essaimer: {
    open: "Spread",
    openHint: "Reproduce this partnership in another territory",
    title: (title: string) => `Spread “${title}”`,
    explain:
      "The new partnership keeps this one's structure: modes, roles, contribution kinds, objectives and indicators (without their measurements). It starts afresh for amounts, actions and history.",
    newTitle: "New partnership's title",
    territory: "Territory to spread to",
    territoryHint: "At least one commune; type a name, a postal code or an INSEE code.",
    territoryPlaceholder: "Add a commune…",
    territoryRemove: (name: string) => `Remove ${name}`,
    parties: "Who takes each role?",
    partiesHelp: "The same actor by default; pick the one holding this role in the new territory.",
    instead: (name: string) => `instead of ${name}`,
    actorOf: (role: string, i: number) => `${role} — party ${i + 1}`,
    sameActor: "Same actor",
    facilitator: "Facilitator",
    facilitatorHint: "Left empty: the same person as for the original partnership.",
    submit: "Spread the partnership",
    saving: "Spreading…",
    done: (title: string) => `Partnership “${title}” spread.`,
    actorPick: "Pick the actor from the suggested list.",
  },
  lineage: {
    spawnedFrom: "Spread from",
    children: "Spread to",
    childrenEmpty: "Not spread elsewhere yet.",
    childrenCount: (n: number) => `${n} ${plural(n, "spread", "spreads")}`,
    noPlace: "No territory given",
  },
};
