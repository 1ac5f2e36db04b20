// Written by `cargo test` (crates/domain/src/impact/orders.rs): the core's orders. Do not edit.
import type { ImpactTheme } from "./ImpactTheme";
import type { IndicatorLevel } from "./IndicatorLevel";
import type { Rating } from "./Rating";

/** An indicator's levels on the value chain (`IndicatorLevel::ALL`). */
export const INDICATOR_LEVELS: readonly IndicatorLevel[] = ["realisation", "resultat", "impact"];

/** The shared themes (`ImpactTheme::ALL`). */
export const IMPACT_THEMES: readonly ImpactTheme[] = ["emploi_insertion", "education_culture", "environnement_economie_circulaire", "sante_solidarite", "mobilite", "numerique", "vie_du_territoire"];

/** The four-step scale of an evaluation (`Rating::ALL`). */
export const RATINGS: readonly Rating[] = ["pas_du_tout", "plutot_non", "plutot_oui", "tout_a_fait"];

/** The standard units (`STANDARD_UNITS`) with their French and English labels. */
export const STANDARD_UNITS: readonly { code: string; fr: string; en: string }[] = [
  { code: "beneficiaires", fr: "bénéficiaires", en: "beneficiaries" },
  { code: "personnes", fr: "personnes", en: "people" },
  { code: "emplois", fr: "emplois", en: "jobs" },
  { code: "jeunes", fr: "jeunes", en: "young people" },
  { code: "enfants", fr: "enfants", en: "children" },
  { code: "familles", fr: "familles", en: "families" },
  { code: "heures", fr: "heures", en: "hours" },
  { code: "jours", fr: "jours", en: "days" },
  { code: "tonnes", fr: "tonnes", en: "tonnes" },
  { code: "kilogrammes", fr: "kilogrammes", en: "kilograms" },
  { code: "repas", fr: "repas", en: "meals" },
  { code: "kilometres", fr: "kilomètres", en: "kilometres" },
  { code: "euros", fr: "euros", en: "euros" },
  { code: "evenements", fr: "événements", en: "events" },
  { code: "ateliers", fr: "ateliers", en: "workshops" },
  { code: "objets", fr: "objets", en: "items" },
];
