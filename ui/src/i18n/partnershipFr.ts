// French texts of the partnership screens (board, page, dialogs).
import type { ContributionKind } from "../bindings/ContributionKind";
import type { Modes } from "../bindings/Modes";
import type { MecenatKind } from "../bindings/MecenatKind";
import type { ObjectiveAxis } from "../bindings/ObjectiveAxis";
import type { PartyRole } from "../bindings/PartyRole";
import type { Question } from "../bindings/Question";
import type { RameauMode } from "../bindings/RameauMode";
import type { Stage } from "../bindings/Stage";
import type { TimelineEntry } from "../bindings/TimelineEntry";
import { formatDate } from "../lib/format";
import { evaluationFr } from "./evaluationFr";

const nbsp = "\u00a0";

/** « Mécénat + Coopération économique », « à préciser » without a primary mode. */
function modesText(m: Modes): string {
  return m.primary === null ? "à préciser" : [m.primary, ...m.secondary].map((c) => modes[c]).join(" + ");
}

/** What a timeline entry records, as a French sentence. */
function timelineText(e: TimelineEntry): string {
  const quoted = (s: string) => `«${nbsp}${s}${nbsp}»`;
  const because = (r: string | null) => (r ? `${nbsp}: ${r}` : "");
  switch (e.kind) {
    case "created":
      return `Partenariat créé (mode${nbsp}: ${modesText(e.modes)}).`;
    case "event_lead":
      return `Rencontre au speed-dating ${quoted(e.event)} (${formatDate(e.date, "fr")}), tour ${e.round}, table ${e.table}${nbsp}: les deux ont coché ${quoted("à revoir")}.`;
    case "spawned_from":
      return `Partenariat essaimé depuis ${quoted(e.origin)} (mode${nbsp}: ${modesText(e.modes)}).`;
    case "spawned":
      return `Essaimé${nbsp}: ${quoted(e.title)}.`;
    case "stage":
      return `${stages[e.from]} → ${stages[e.to]}${because(e.reason)}.`;
    case "abandoned":
      return `Abandonné à l'étape ${quoted(stages[e.from])}${because(e.reason)}.`;
    case "reopened":
      return `Rouvert à l'étape ${quoted(stages[e.to])}${because(e.reason)}.`;
    case "modes":
      return `Mode${nbsp}: ${modesText(e.from)} → ${modesText(e.to)}.`;
    case "note":
      return e.text;
    case "action_done":
      return `Action faite${nbsp}: ${e.action}${e.owner ? ` (${e.owner})` : ""}`;
    case "measure":
      return `Indicateur ${quoted(e.indicator)}${nbsp}: ${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 6 }).format(e.value)}${e.unit ? `${nbsp}${e.unit}` : ""} au ${formatDate(e.on, "fr")}.`;
    case "agreement_edited":
      return "Texte de la convention modifié (préambule, clauses).";
    case "evaluated":
      return `Évaluation de ${quoted(e.actor)} du ${formatDate(e.on, "fr")}.`;
    case "evaluation_deleted":
      return `Évaluation de ${quoted(e.actor)} du ${formatDate(e.on, "fr")} supprimée.`;
    case "merged":
      return e.entity === "contact"
        ? `Doublons fusionnés${nbsp}: le contact ${quoted(e.from)} a été fusionné dans ${quoted(e.into)}.`
        : `Doublons fusionnés${nbsp}: ${quoted(e.from)} a été fusionné dans ${quoted(e.into)}.`;
  }
}

const stages: Record<Stage, string> = {
  rencontre: "Rencontre",
  exploration: "Exploration",
  preparation: "Préparation",
  contractualisation: "Contractualisation",
  mise_en_oeuvre: "Mise en œuvre",
  evaluation: "Évaluation",
  essaimage: "Essaimage",
  abandonne: "Abandonné",
};

const modes: Record<RameauMode, string> = {
  mecenat: "Mécénat",
  cooperation_economique: "Coopération économique",
  innovation_societale: "Innovation sociétale",
  pratiques_responsables: "Pratiques responsables",
};

const modeWhat: Record<RameauMode, string> = {
  mecenat: "L'entreprise donne à un projet d'intérêt général, sans retour direct.",
  cooperation_economique: "Une offre commune ou une relation commerciale pour le territoire.",
  innovation_societale: "Une solution nouvelle construite ensemble.",
  pratiques_responsables: "L'association aide l'entreprise à changer ses pratiques.",
};

const roles: Record<PartyRole, string> = {
  porteur: "Porteur",
  partenaire: "Partenaire",
  financeur: "Financeur",
  beneficiaire: "Bénéficiaire",
  collectivite_associee: "Collectivité associée",
  operateur: "Opérateur",
  investisseur: "Investisseur",
  evaluateur: "Évaluateur",
  structurateur: "Structurateur",
};

const mecenatKinds: Record<MecenatKind, string> = {
  financier: "financier",
  en_nature: "en nature",
  logistique: "logistique",
  competences: "de compétences",
};

const questions: Record<Question, string> = {
  q1: "L'entreprise donne-t-elle des ressources à un projet d'intérêt général, sans retour direct ?",
  q2: "L'association apporte-t-elle son expertise aux pratiques de l'entreprise (handicap, insertion, environnement, RSE) ?",
  q3: "S'agit-il d'une offre commune pour un public ou un territoire, ou d'une relation commerciale (achats à une entreprise d'insertion…) ?",
  q4: "Développent-ils ensemble une solution nouvelle (R&D commune) ?",
  q5: "Le don est-il de l'argent ?",
  q6: "Des biens (matériel, produits) ?",
  q7: "Des locaux ou du transport ?",
  q8: "Du temps de salariés (mécénat de compétences) ?",
};

const contributionKinds: Record<ContributionKind, string> = {
  numeraire: "Numéraire",
  nature: "En nature",
  competences: "Compétences",
  logistique: "Logistique",
  achats: "Achats",
  autre: "Autre",
};

const axes: Record<ObjectiveAxis, string> = {
  ressources_humaines: "Ressources humaines et compétences",
  relations_parties_prenantes: "Relations avec les parties prenantes",
  innovation: "Innovation",
  performance_economique: "Ressources financières, performance économique",
};

/** Editing a partnership in the window: dialogs, row buttons, toasts, conflicts. */
const edit = {
  edit: "Modifier",
  editGeneral: "Modifier le partenariat",
  editGeneralTitle: (title: string) => `Modifier «\u00a0${title}\u00a0»`,
  editParties: "Modifier les parties",
  save: "Enregistrer",
  saved: "Modifications enregistrées",
  add: "Ajouter",
  editRow: (what: string) => `Modifier « ${what} »`,
  removeRow: (what: string) => `Supprimer « ${what} »`,
  removed: (what: string) => `« ${what} » supprimé.`,
  restored: "Ligne rétablie",
  // Conflict
  conflictTitle: "Ce partenariat a été modifié ailleurs depuis que vous l'avez ouvert.",
  conflictText: "Rien n'a été écrasé. Rechargez la dernière version, vérifiez, puis enregistrez à nouveau.",
  conflictReload: "Recharger la dernière version",
  reloaded: "Dernière version chargée. Vos saisies dans ce formulaire sont conservées : vérifiez-les puis enregistrez à nouveau.",
  reloading: "Rechargement…",
  // General fields
  summary: "Résumé",
  summaryPlaceholder: "Le projet en deux ou trois phrases : pour qui, quoi, où.",
  territory: "Territoire",
  territoryHint: "Les communes concernées ; tapez un nom, un code postal ou un code INSEE.",
  territoryPlaceholder: "Ajouter une commune…",
  territoryRemove: (name: string) => `Retirer ${name}`,
  facilitatorPlaceholder: "Qui suit ce partenariat",
  tags: "Mots-clés",
  tagsPlaceholder: "Entrée ou virgule pour ajouter",
  origin: "Origine",
  originPlaceholder: "Ex. speed dating de Sélestat, mars 2026",
  contactPerson: "Personne contact",
  contactNone: "Sans contact",
  contactOf: (i: number) => `Personne contact — partie ${i + 1}`,
  noTerritory: "Territoire non renseigné",
  // Contributions
  contribution: "Apport",
  addContribution: "Ajouter un apport",
  newContribution: "Nouvel apport",
  editContribution: "Modifier l'apport",
  contributionParty: "Apporté par",
  contributionKind: "Nature",
  amount: "Montant (€)",
  amountHint: "En euros : 1 234,56",
  hoursField: "Temps donné (heures)",
  hoursHint: "Ex. 12 ou 1,5",
  description: "Description",
  contributionPlaceholder: "Ex. don pour les billets de spectacle",
  partyPick: "Choisir une partie…",
  // Counterparts
  addCounterpart: "Ajouter une contrepartie",
  newCounterpart: "Nouvelle contrepartie",
  editCounterpart: "Modifier la contrepartie",
  counterpartParty: "Donnée par",
  counterpartPlaceholder: "Ex. logo sur l'affiche, places offertes",
  value: "Valeur (€)",
  // Actions
  addAction: "Ajouter une action",
  newAction: "Nouvelle action",
  editAction: "Modifier l'action",
  actionText: "Action",
  actionPlaceholder: "Ex. envoyer le projet de convention",
  actionOwner: "Qui s'en charge",
  actionOwnerPlaceholder: "Ex. Anne Koenig",
  dueOn: "Échéance",
  dateHint: "JJ/MM/AAAA",
  actionDoneField: "Action faite",
  // Objectives
  objectives: "Objectifs",
  noObjectives: "Aucun objectif saisi. Les objectifs de chaque partie et du bien commun guident l'évaluation.",
  addObjective: "Ajouter un objectif",
  newObjective: "Nouvel objectif",
  editObjective: "Modifier l'objectif",
  objectiveOf: "Objectif de",
  commonGood: "Bien commun",
  axis: "Axe (carré magique du RAMEAU)",
  axisNone: "Sans axe",
  objectiveText: "Objectif",
  objectivePlaceholder: "Ex. engager 20 salariés dans un projet local",
  // Indicators
  indicators: "Indicateurs",
  noIndicators: "Aucun indicateur. Un indicateur suit ce qui est compté : enfants présents, personnes en emploi à 3 mois, tonnes évitées…",
  addIndicator: "Ajouter un indicateur",
  newIndicator: "Nouvel indicateur",
  editIndicator: "Modifier l'indicateur",
  indicatorName: "Nom",
  indicatorPlaceholder: "Ex. enfants présents au spectacle",
  unit: "Unité",
  unitPlaceholder: "Ex. enfants, tonnes, heures",
  baseline: "Valeur de départ",
  target: "Cible",
  numberHint: "Un nombre : 1 234,5",
  baselineTarget: (baseline: string, target: string) => `départ ${baseline} → cible ${target}`,
  lastMeasure: (value: string, date: string) => `dernière mesure : ${value} le ${date}`,
  noMeasure: "pas encore mesuré",
  measuresKept: (n: number) => (n === 0 ? "" : n === 1 ? "La mesure déjà relevée est conservée." : `Les ${n} mesures déjà relevées sont conservées.`),
  measure: "Mesurer",
  measureLabel: (name: string) => `Relever une valeur de « ${name} »`,
  measureTitle: (name: string) => `Nouvelle mesure : ${name}`,
  measureOn: "Date de la mesure",
  measureValue: "Valeur",
  measureSave: "Enregistrer la mesure",
  measured: "Mesure enregistrée",
};

/** Board filters, the list view and the overview. */
const views = {
  overview: "Vue d'ensemble",
  overviewSubtitle: (n: number) => (n === 0 ? "Aucun partenariat" : n === 1 ? "1 partenariat suivi" : `${n} partenariats suivis`),
  viewLabel: "Affichage",
  viewBoard: "Tableau",
  viewList: "Liste",
  showMore: (n: number) => `Voir plus (${n})`,
  showMoreLabel: (stage: string, n: number) => `Voir ${n} partenariats de plus à l'étape ${stage}`,
  loadingMore: "Chargement…",
  // Filters
  filters: "Filtres des partenariats",
  textLabel: "Mots du titre",
  textPlaceholder: "Rechercher dans les titres…",
  filterCommune: "Commune",
  communePlaceholder: "Commune…",
  filterDepartement: "Département",
  allDepartements: "Tous les départements",
  noTerritory: "Sans territoire",
  filterActor: "Acteur partie",
  actorPlaceholder: "Acteur…",
  filterFacilitator: "Animateur·rice",
  allFacilitators: "Tous les animateurs",
  nobody: "Personne",
  filterTag: "Mot-clé",
  allTags: "Tous les mots-clés",
  overdue: "En retard",
  overdueHint: "Seulement les partenariats dont une action a dépassé son échéance",
  clearAll: "Tout effacer",
  activeFilters: "Filtres actifs",
  removeFilter: (what: string) => `Retirer le filtre ${what}`,
  chip: (label: string, value: string) => `${label} : ${value}`,
  primaryOnly: (mode: string) => `${mode} (principal)`,
  unclassified: "Non classé",
  // List
  list: "Liste des partenariats",
  listHint: "↑ ↓ pour parcourir · Entrée pour ouvrir · cliquez un en-tête pour trier",
  listLoadError: "La liste n'a pas pu être chargée.",
  rowLoading: "Chargement…",
  columns: {
    title: "Titre",
    stage: "Étape",
    mode: "Mode",
    parties: "Parties",
    facilitator: "Animateur·rice",
    next: "Prochaine action",
    days: "Jours",
    updated: "Modifié le",
  },
  daysColumn: "Jours dans l'étape",
  sortBy: (column: string) => `Trier par ${column.toLowerCase()}`,
  days: (n: number) => `${n} j`,
  // Overview
  matrix: "Modes × étapes",
  matrixHint: "Le mode principal de chaque partenariat. Cliquez un nombre pour voir ces partenariats sur le tableau.",
  mode: "Mode",
  total: "Total",
  cellLabel: (n: number, mode: string, stage: string) =>
    `${n === 1 ? "1 partenariat" : `${n} partenariats`} — ${mode}, ${stage} : voir sur le tableau`,
  totalLabel: (n: number, what: string) => `${n === 1 ? "1 partenariat" : `${n} partenariats`} — ${what} : voir sur le tableau`,
  byDepartement: "Par département",
  byFacilitator: "Par animateur·rice",
  overdueTitle: "Actions en retard",
  overdueCount: (n: number) => (n === 0 ? "Aucun partenariat en retard" : n === 1 ? "1 partenariat a une action en retard" : `${n} partenariats ont une action en retard`),
  overdueOpen: "Voir sur le tableau",
  noneYet: "Rien à compter pour l'instant.",
  overviewLoadError: "La vue d'ensemble n'a pas pu être chargée.",
  openBoard: "Ouvrir le tableau",
};

/** PDF documents (brief, agreement, batch export) and the agreement's text. */
const documents = {
  group: "Documents",
  brief: "Fiche PDF",
  agreement: "Convention PDF",
  briefTip: "Enregistrer la fiche en PDF et l'ouvrir pour l'imprimer",
  agreementTip: "Enregistrer la convention en PDF et l'ouvrir pour l'imprimer",
  making: "Création du PDF…",
  saved: {
    brief: (path: string) => `Fiche enregistrée\u00a0: ${path}`,
    agreement: (path: string) => `Convention enregistrée\u00a0: ${path}`,
    questionnaire: (path: string) => `Questionnaire enregistré\u00a0: ${path}`,
  },
  failed: { brief: "La fiche n'a pas pu être créée.", agreement: "La convention n'a pas pu être créée.", questionnaire: "Le questionnaire n'a pas pu être créé." },
  // Agreement text
  agreementTitle: "Texte de la convention",
  agreementIntro: "Le préambule et les clauses libres s'ajoutent aux articles que Tisserand remplit à partir du partenariat.",
  agreementEdit: "Modifier le texte",
  agreementEditLabel: "Modifier le texte de la convention",
  agreementDialogTitle: "Texte de la convention",
  preamble: "Préambule",
  preambleHint: "Le contexte et l'histoire du partenariat. Vide : le résumé du partenariat est repris.",
  preamblePlaceholder: "Ex. Depuis 2019, la Compagnie du Cirque Léger présente chaque saison un spectacle gratuit…",
  preambleEmpty: "Pas de préambule : le résumé du partenariat sera repris.",
  chars: (n: string, max: string) => `${n} / ${max} caractères`,
  clauses: "Clauses libres",
  clausesHint: "Chacune devient un article de la convention, dans cet ordre.",
  noClauses: "Aucune clause libre.",
  clause: (i: number) => `Clause ${i + 1}`,
  clauseTitle: "Titre",
  clauseTitlePlaceholder: "Ex. Assurances",
  clauseBody: "Texte",
  addClause: "Ajouter une clause",
  clausesFull: (max: number) => `${max} clauses au plus.`,
  moveUp: (i: number) => `Monter la clause ${i + 1}`,
  moveDown: (i: number) => `Descendre la clause ${i + 1}`,
  removeClause: (i: number) => `Retirer la clause ${i + 1}`,
  clauseMoved: (i: number) => `Clause déplacée en position ${i + 1}.`,
  agreementSaved: "Texte de la convention enregistré",
  clauseCount: (n: number) => (n === 0 ? "Aucune clause libre" : n === 1 ? "1 clause libre" : `${n} clauses libres`),
  // Board export
  exportBriefs: "Fiches PDF",
  exportBriefsLabel: "Exporter les fiches PDF",
  exportTip: "Exporter les fiches des partenariats affichés (filtres actuels)",
  exportNone: "Aucun partenariat ne correspond aux filtres : rien à exporter.",
  exportTitle: "Exporter les fiches",
  exportText: (n: number, filtered: boolean) =>
    `${n === 1 ? "La fiche du partenariat" : `Les fiches des ${n} partenariats`} ${filtered ? "qui correspondent aux filtres actuels" : "du tableau"}.`,
  exportFolder: "Un PDF par partenariat (dossier)",
  exportFolderHint: "Vous choisissez un dossier ; chaque fiche y est enregistrée à part.",
  exportCombined: "Un seul PDF",
  exportCombinedHint: "Toutes les fiches à la suite, pour tout imprimer d'un coup.",
  exportGo: (n: number) => (n === 1 ? "Exporter la fiche" : `Exporter ${n} fiches`),
  exportFormat: "Format",
  exporting: "Export des fiches…",
  exportProgress: (done: number, total: number) => `${done} / ${total} fiches`,
  exportProgressLabel: "Avancement de l'export des fiches",
  exportDone: (n: number, path: string) => `${n === 1 ? "1 fiche exportée" : `${n} fiches exportées`}\u00a0: ${path}`,
  exportFailed: "L'export des fiches a échoué.",
  exportCancel: "Annuler",
  exportCancelLabel: "Annuler l'export des fiches",
  exportCancelled: "Export annulé\u00a0: aucun fichier n'a été gardé.",
};

export const partnershipFr = {
  title: "Partenariats",
  count: (n: number) => (n === 0 ? "Aucun partenariat" : n === 1 ? "1 partenariat" : `${n} partenariats`),
  new: "Nouveau partenariat",
  newShortcut: "Nouveau partenariat (Ctrl+N)",
  filterMode: "Mode",
  filterStage: "Étape",
  allModes: "Tous les modes",
  allStages: "Toutes les étapes",
  clearFilters: "Effacer les filtres",
  board: "Tableau des partenariats",
  boardHint: "Entrée pour ouvrir · Alt+→ / Alt+← pour changer d'étape",
  columnCount: (n: number) => (n === 1 ? "1 partenariat" : `${n} partenariats`),
  columnEmpty: "Aucun partenariat à cette étape.",
  emptyTitle: "Aucun partenariat pour l'instant",
  emptyText:
    "Le tableau suit chaque partenariat entre entreprises, associations et collectivités, de la première rencontre jusqu'à l'essaimage : qui fait quoi, la prochaine action et depuis quand il attend.",
  noMatchTitle: "Aucun partenariat ne correspond à ces filtres",
  noMatchText: "Modifiez ou effacez les filtres pour retrouver vos partenariats.",
  loadError: "Les partenariats n'ont pas pu être chargés.",
  daysInStage: (n: number) => (n === 0 ? "depuis aujourd'hui" : `depuis ${n} j`),
  daysInStageLong: (n: number) => (n === 0 ? "à cette étape depuis aujourd'hui" : n === 1 ? "à cette étape depuis 1 jour" : `à cette étape depuis ${n} jours`),
  overdue: "en retard",
  due: (d: string) => `pour le ${d}`,
  noAction: "Aucune action prévue",
  primary: "principal",
  secondary: "secondaire",
  primaryMode: (m: string) => `Mode principal : ${m}`,
  secondaryModes: (m: string) => `Modes secondaires : ${m}`,
  unclassified: "À classer",
  unclassifiedLong: "Mode pas encore choisi",
  moved: (title: string, stage: string) => `« ${title} » déplacé vers ${stage}.`,
  moveFailed: "Le déplacement a échoué.",
  cannotMove: (title: string) => `« ${title} » ne peut pas aller plus loin dans ce sens.`,
  moveTo: "Changer d'étape",
  abandonTitle: (title: string) => `Abandonner « ${title} » ?`,
  abandonText: "Le partenariat passe dans la colonne « Abandonné ». Vous pourrez le rouvrir plus tard.",
  abandonReason: "Pourquoi ?",
  abandonPlaceholder: "Ex. l'interlocuteur a quitté l'entreprise",
  abandonConfirm: "Abandonner",
  abandonRequired: "Dites pourquoi le partenariat est abandonné.",
  // Page
  back: "Retour au tableau",
  pageLoadError: "Ce partenariat n'a pas pu être chargé.",
  stage: "Étape",
  rameauTitle: "Les modes du partenariat (échelle du RAMEAU)",
  entryDoor: "porte d'entrée",
  strategic: "stratégique",
  scaleHint:
    "Le mécénat et les pratiques responsables sont les portes d'entrée habituelles ; la coopération économique et l'innovation sociétale touchent la stratégie.",
  notInvolved: "non concerné",
  mecenatKinds: (k: string) => `Mécénat ${k}`,
  parties: "Parties",
  role: "Rôle",
  contributions: "Apports",
  counterparts: "Contreparties",
  noContributions: "Aucun apport saisi.",
  noCounterparts: "Aucune contrepartie saisie.",
  total: "Total",
  hours: (h: string) => `${h} h`,
  givenBy: (name: string) => `par ${name}`,
  balance: "Bilan du mécénat",
  gift: "Don",
  counterpartTotal: "Contreparties",
  ratio: "Part des contreparties",
  taxEstimate: "Réduction d'impôt estimée (60 %, avant plafonds)",
  actions: "Prochaines actions",
  noActions: "Aucune action prévue.",
  done: "Fait",
  doneLabel: (text: string) => `Marquer « ${text} » comme fait`,
  doneToast: "Action marquée comme faite",
  actionDone: "fait",
  owner: (name: string) => `par ${name}`,
  note: "Ajouter une note",
  notePlaceholder: "Ce qui s'est dit, ce qui a été décidé…",
  noteSave: "Ajouter la note",
  noteToast: "Note ajoutée",
  timeline: "Historique",
  timelineText,
  abandonedBecause: (r: string) => `Abandonné : ${r}`,
  facilitator: "Animateur",
  // New partnership
  createTitle: "Nouveau partenariat",
  create: "Créer le partenariat",
  created: "Partenariat créé",
  fieldTitle: "Titre",
  titlePlaceholder: "Ex. Paniers bio pour la cantine Koenig",
  partiesLabel: "Parties",
  partiesHelp: "Au moins deux acteurs de l'annuaire, chacun avec son rôle.",
  party: (i: number) => `Partie ${i + 1}`,
  actorPlaceholder: "Rechercher un acteur…",
  actorNone: "Aucun acteur trouvé.",
  actorPick: "Choisissez l'acteur dans la liste proposée.",
  addParty: "Ajouter une partie",
  removeParty: (i: number) => `Retirer la partie ${i + 1}`,
  primaryModeField: "Mode principal",
  primaryNone: "À déterminer",
  suggestedTitle: (name: string) => `Partenaires suggérés pour ${name}`,
  suggestedLoading: "Recherche de partenaires possibles…",
  suggestedError: "Les partenaires possibles n'ont pas pu être chargés ; choisissez la deuxième partie vous-même.",
  suggestedNone: "Aucun partenaire à suggérer : ses besoins et ses offres ne rencontrent encore personne.",
  suggestedHint: "Choisissez-en un : la deuxième partie, les rôles et le mode principal se remplissent d'après sa proposition.",
  // Classification
  classify: "Classer avec les questions",
  classifyTitle: "Classer le partenariat",
  classifyText: "Répondez par oui ou non ; la proposition se met à jour à chaque réponse.",
  giftQuestions: "De quoi le don est-il fait ?",
  yes: "Oui",
  no: "Non",
  proposal: "Proposition",
  proposalNone: "Pas encore de proposition.",
  apply: "Appliquer",
  applied: "Modes enregistrés",
  conflict: "Ce partenariat a été modifié entre-temps : il vient d'être rechargé. Vérifiez la proposition puis appliquez à nouveau.",
  edit,
  views,
  documents,
  evaluation: evaluationFr,
  labels: { stages, modes, modeWhat, roles, mecenatKinds, questions, contributionKinds, axes },
};
