//! The core's orders that the window lays its screens out by — the
//! pipeline's stages and Le RAMEAU's scale — written as TypeScript constants
//! next to the ts-rs bindings by `cargo test`, so that the window never
//! lists them itself (`scripts/test.sh` fails when the file is stale).

#[cfg(test)]
pub(crate) mod tests {
    use serde::Serialize;

    use crate::impact::ImpactTheme;
    use crate::partnership::Stage;
    use crate::rameau::RameauMode;

    /// The JSON codes of `values`, comma-separated: a TypeScript array's items.
    pub(crate) fn codes<T: Serialize>(values: &[T]) -> String {
        values
            .iter()
            .map(|v| serde_json::to_string(v).expect("a unit variant serializes"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn typescript() -> String {
        format!(
            "// Written by `cargo test` (crates/domain/src/orders.rs): the core's orders. Do not edit.\n\
             import type {{ ImpactTheme }} from \"./ImpactTheme\";\n\
             import type {{ RameauMode }} from \"./RameauMode\";\n\
             import type {{ Stage }} from \"./Stage\";\n\
             \n\
             /** The pipeline, in order (`Stage::ALL`); « abandonné » comes last, outside the flow. */\n\
             export const STAGES: readonly Stage[] = [{}];\n\
             \n\
             /** Le RAMEAU's scale (`RameauMode::ALL`), always shown in this order. */\n\
             export const MODES: readonly RameauMode[] = [{}];\n\
             \n\
             /** The shared themes of indicators (`ImpactTheme::ALL`). */\n\
             export const THEMES: readonly ImpactTheme[] = [{}];\n",
            codes(&Stage::ALL),
            codes(&RameauMode::ALL),
            codes(&ImpactTheme::ALL),
        )
    }

    #[test]
    fn the_window_gets_the_stages_and_modes_in_the_cores_order() {
        let text = typescript();
        assert!(text.contains(r#"["rencontre", "exploration", "preparation", "contractualisation", "mise_en_oeuvre", "evaluation", "essaimage", "abandonne"]"#));
        assert!(text.contains(r#"["mecenat", "cooperation_economique", "innovation_societale", "pratiques_responsables"]"#));
        write_binding("orders.ts", &text);
    }

    /// Writes `text` as `name` where ts-rs writes the bindings (set in
    /// .cargo/config.toml), when it changed.
    pub(crate) fn write_binding(name: &str, text: &str) {
        if let Some(dir) = std::env::var_os("TS_RS_EXPORT_DIR") {
            let path = std::path::Path::new(&dir).join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
                std::fs::write(&path, text).expect("the bindings folder is writable");
            }
        }
    }
}
