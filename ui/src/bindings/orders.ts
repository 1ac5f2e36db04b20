// Written by `cargo test` (crates/domain/src/orders.rs): the core's orders. Do not edit.
import type { ImpactTheme } from "./ImpactTheme";
import type { RameauMode } from "./RameauMode";
import type { Stage } from "./Stage";

/** The pipeline, in order (`Stage::ALL`); « abandonné » comes last, outside the flow. */
export const STAGES: readonly Stage[] = ["rencontre", "exploration", "preparation", "contractualisation", "mise_en_oeuvre", "evaluation", "essaimage", "abandonne"];

/** Le RAMEAU's scale (`RameauMode::ALL`), always shown in this order. */
export const MODES: readonly RameauMode[] = ["mecenat", "cooperation_economique", "innovation_societale", "pratiques_responsables"];

/** The shared themes of indicators (`ImpactTheme::ALL`). */
export const THEMES: readonly ImpactTheme[] = ["emploi_insertion", "education_culture", "environnement_economie_circulaire", "sante_solidarite", "mobilite", "numerique", "vie_du_territoire"];
