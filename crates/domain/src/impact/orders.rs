//! The Impact vocabulary's orders that the window lays its lists out by —
//! indicator levels, themes, the rating scale and the standard units with
//! their labels — written as TypeScript constants next to the ts-rs
//! bindings by `cargo test` (`ui/src/bindings/impactOrders.ts`), so that the
//! window never lists them itself.

#[cfg(test)]
mod tests {
    use super::super::{ImpactTheme, IndicatorLevel, Rating, STANDARD_UNITS};
    use crate::orders::tests::{codes, write_binding};

    fn units() -> String {
        STANDARD_UNITS
            .iter()
            .map(|u| {
                format!(
                    "\n  {{ code: {}, fr: {}, en: {} }},",
                    serde_json::to_string(u.code).expect("text"),
                    serde_json::to_string(u.fr).expect("text"),
                    serde_json::to_string(u.en).expect("text"),
                )
            })
            .collect()
    }

    fn typescript() -> String {
        format!(
            "// Written by `cargo test` (crates/domain/src/impact/orders.rs): the core's orders. Do not edit.\n\
             import type {{ ImpactTheme }} from \"./ImpactTheme\";\n\
             import type {{ IndicatorLevel }} from \"./IndicatorLevel\";\n\
             import type {{ Rating }} from \"./Rating\";\n\
             \n\
             /** An indicator's levels on the value chain (`IndicatorLevel::ALL`). */\n\
             export const INDICATOR_LEVELS: readonly IndicatorLevel[] = [{}];\n\
             \n\
             /** The shared themes (`ImpactTheme::ALL`). */\n\
             export const IMPACT_THEMES: readonly ImpactTheme[] = [{}];\n\
             \n\
             /** The four-step scale of an evaluation (`Rating::ALL`). */\n\
             export const RATINGS: readonly Rating[] = [{}];\n\
             \n\
             /** The standard units (`STANDARD_UNITS`) with their French and English labels. */\n\
             export const STANDARD_UNITS: readonly {{ code: string; fr: string; en: string }}[] = [{}\n];\n",
            codes(&IndicatorLevel::ALL),
            codes(&ImpactTheme::ALL),
            codes(&Rating::ALL),
            units(),
        )
    }

    #[test]
    fn the_window_gets_levels_themes_ratings_and_units_in_the_cores_order() {
        let text = typescript();
        assert!(text.contains(r#"["realisation", "resultat", "impact"]"#));
        assert!(text.contains(r#"["pas_du_tout", "plutot_non", "plutot_oui", "tout_a_fait"]"#));
        assert!(text.contains(r#"{ code: "kilometres", fr: "kilomètres", en: "kilometres" },"#));
        write_binding("impactOrders.ts", &text);
    }
}
