// French texts of the « Champ des possibles » (actor page) and of
// « Essaimer » (partnership page): possibilities, essaimage dialog, lineage.
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const possiblesFr = {
  title: "Explorer un partenariat avec…",
  intro: "Les acteurs dont les offres répondent à ses besoins, ou dont les besoins trouvent réponse dans ses offres. Les plus prometteurs d'abord.",
  shortcut: "E",
  shortcutHint: "Raccourci : E",
  loading: "Recherche des acteurs avec qui travailler…",
  loadError: "Les pistes de partenariat n'ont pas pu être chargées.",
  emptyNoResources:
    "Renseignez les besoins et les offres de cet acteur : Tisserand cherchera dans l'annuaire les acteurs qui y répondent et proposera avec qui démarrer un partenariat.",
  emptyNoMatch:
    "Aucun acteur de l'annuaire n'offre pour l'instant ce dont celui-ci a besoin, ni n'a besoin de ce qu'il offre. Précisez ses besoins et ses offres, ou complétez l'annuaire.",
  completeResources: "Compléter besoins et offres",
  list: "Pistes de partenariat",
  modes: "Modes plausibles",
  mostPlausible: (mode: string) => `${mode} (le plus plausible)`,
  plausible: (mode: string) => `${mode} (plausible)`,
  /** « Mécénat logistique, en nature ». */
  modeWithKinds: (mode: string, kinds: string) => `${mode} ${kinds}`,
  reasons: "Pourquoi",
  need: "Besoin",
  needLower: "besoin",
  offer: "offre",
  offerCapital: "Offre",
  /** The actor's own words, without their closing full stop. */
  quoted: (text: string) => `«\u00a0${text.trim().replace(/\.$/, "")}\u00a0»`,
  reading: (what: string) => `\u00a0: ${what}.`,
  words: "Mots qui se répondent",
  moreReasons: (n: number) => `+ ${n} ${plural(n, "raison", "raisons")}`,
  moreReasonsLabel: (n: number, name: string) => `Afficher ${n} ${plural(n, "autre raison", "autres raisons")} pour ${name}`,
  fewerReasons: "Moins",
  shared: (n: number) =>
    n === 1 ? "Vous avez déjà un partenariat en cours ensemble." : `Vous avez déjà ${n} partenariats en cours ensemble.`,
  start: "Démarrer un partenariat",
  startLabel: (name: string) => `Démarrer un partenariat avec ${name}`,
  starting: "Création…",
  started: (title: string) => `Partenariat « ${title} » créé, à l'étape rencontre.`,
  startFailed: "Le partenariat n'a pas pu être créé.",
  showMore: "Afficher plus de pistes",
  essaimer: {
    open: "Essaimer",
    openHint: "Reproduire ce partenariat sur un autre territoire",
    title: (title: string) => `Essaimer «\u00a0${title}\u00a0»`,
    explain:
      "Le nouveau partenariat garde la structure de celui-ci : modes, rôles, types de contribution, objectifs et indicateurs (sans leurs mesures). Il repart de zéro pour les montants, les actions et l'historique.",
    newTitle: "Titre du nouveau partenariat",
    territory: "Territoire d'essaimage",
    territoryHint: "Au moins une commune ; tapez un nom, un code postal ou un code INSEE.",
    territoryPlaceholder: "Ajouter une commune…",
    territoryRemove: (name: string) => `Retirer ${name}`,
    parties: "Qui reprend chaque rôle ?",
    partiesHelp: "Par défaut le même acteur ; choisissez celui qui tient ce rôle sur le nouveau territoire.",
    instead: (name: string) => `à la place de ${name}`,
    actorOf: (role: string, i: number) => `${role} — partie ${i + 1}`,
    sameActor: "Même acteur",
    facilitator: "Animateur ou animatrice",
    facilitatorHint: "Laissé vide : la même personne que pour le partenariat d'origine.",
    submit: "Essaimer le partenariat",
    saving: "Essaimage…",
    done: (title: string) => `Partenariat « ${title} » essaimé.`,
    actorPick: "Choisissez l'acteur dans la liste proposée.",
  },
  lineage: {
    spawnedFrom: "Essaimé depuis",
    children: "Essaimages",
    childrenEmpty: "Pas encore essaimé ailleurs.",
    childrenCount: (n: number) => `${n} ${plural(n, "essaimage", "essaimages")}`,
    noPlace: "Territoire non renseigné",
  },
};
