// French texts of a partnership's evaluation: the « Évaluation » section,
// its dialog, the indicator's level and theme, the « sans mesure » filter.
import type { ImpactTheme } from "../bindings/ImpactTheme";
import type { IndicatorLevel } from "../bindings/IndicatorLevel";
import type { Rating } from "../bindings/Rating";

const nbsp = "\u00a0";

const ratings: Record<Rating, string> = {
  pas_du_tout: "Pas du tout",
  plutot_non: "Plutôt non",
  plutot_oui: "Plutôt oui",
  tout_a_fait: "Tout à fait",
};

const levels: Record<IndicatorLevel, string> = {
  realisation: "Réalisation",
  resultat: "Résultat",
  impact: "Impact",
};

const themes: Record<ImpactTheme, string> = {
  emploi_insertion: "Emploi et insertion",
  education_culture: "Éducation et culture",
  environnement_economie_circulaire: "Environnement et économie circulaire",
  sante_solidarite: "Santé et solidarité",
  mobilite: "Mobilité",
  numerique: "Numérique",
  vie_du_territoire: "Vie du territoire",
};

/** The three questions on the scale, in the form's order. */
const questions = {
  objectivesMet: "Le partenariat a-t-il atteint ses objectifs pour cette partie\u202f?",
  balanced: "La relation entre partenaires a-t-elle été équilibrée\u202f?",
  wouldContinue: "Souhaite-t-elle poursuivre\u202f?",
};

const short = {
  objectivesMet: "Objectifs atteints",
  balanced: "Relation équilibrée",
  wouldContinue: "Poursuivre",
};

export const evaluationFr = {
  title: "Évaluation",
  notEvaluated: "Non évalué",
  inProgress: "En cours",
  evaluatedOn: (date: string) => `Évalué le ${date}`,
  evaluatedShort: "Évalué",
  stateLabel: "État de l'évaluation",
  stateAria: (state: string) => `État de l'évaluation : ${state}`,
  unmeasured: (months: number) =>
    `En mise en œuvre depuis plus de ${months}${nbsp}mois sans aucune mesure${nbsp}: mesurez les indicateurs avec les partenaires.`,
  unmeasuredBadge: "Sans mesure",
  unmeasuredFilter: "Sans mesure",
  unmeasuredHint: "En mise en œuvre depuis plus de six mois sans aucune mesure d'indicateur",
  add: "Saisir une évaluation",
  addFor: (name: string) => `Saisir l'évaluation de ${name}`,
  questionnaire: "Questionnaire PDF",
  questionnaireTip: "Enregistrer le questionnaire d'évaluation (une page par partie) pour la réunion de bilan",
  answers: "Réponses des parties",
  notYet: "Pas encore évalué",
  answeredOn: (date: string) => `le ${date}`,
  by: (name: string) => `par ${name}`,
  brought: "A apporté",
  gained: "En a retiré",
  count: (n: number) => (n <= 1 ? `${n} évaluation enregistrée` : `${n} évaluations enregistrées`),
  values: "Valeur des contributions",
  valuesCaption: "Ce que chaque partie a apporté, d'après les apports enregistrés",
  cols: { party: "Partie", money: "Numéraire", hours: "Heures", skills: "Compétences", inKind: "En nature", total: "Total" },
  estimated: "estimé",
  estimatedNote: (rate: string) =>
    `Les heures de compétences sans montant sont estimées à ${rate} de l'heure (SMIC horaire brut, une estimation basse).`,
  saved: "Évaluation enregistrée",
  undone: "Évaluation retirée",
  // Dialog
  dialogTitle: "Saisir une évaluation",
  party: "Partie qui répond",
  on: "Date des réponses",
  onHint: "jj/mm/aaaa ; vide : aujourd'hui",
  respondent: "Personne qui répond",
  respondentPlaceholder: "Ex. Claire Martin, directrice",
  broughtField: "Ce que la partie a apporté",
  broughtPlaceholder: "Ex. deux bénévoles chaque samedi, un local",
  gainedField: "Ce que la partie en a retiré",
  gainedPlaceholder: "Ex. des salariés fiers, un nouveau client",
  noAnswer: "Sans réponse",
  save: "Enregistrer l'évaluation",
  questions,
  short,
  ratings,
  levels,
  themes,
  // Indicator dialog
  level: "Niveau",
  levelNone: "Non précisé",
  theme: "Thème",
  themeNone: "Non précisé",
  unitHint: "Choisissez une unité standard pour que l'indicateur s'additionne entre partenariats, ou écrivez la vôtre.",
};
