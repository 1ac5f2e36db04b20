//! What `tisserand partnerships` prints: the list, the overview, the champ
//! des possibles, the guided classification, and the JSON of a partnership.

use serde_json::Value;
use tisserand_domain::{
    ClassificationProposal, CountBy, Modes, Overview, PartnershipDetail, PartnershipSummary,
    Possibility, Question, RameauMode, Stage,
};

use crate::output::{json, table};
use crate::Format;

/// Rewrites the keys of each object of `value[key]` to snake_case.
fn snake_keys(value: &mut Value, key: &str) {
    if let Some(items) = value.get_mut(key).and_then(Value::as_array_mut) {
        for item in items {
            if let Some(obj) = item.as_object_mut() {
                let entries: Vec<(String, Value)> = std::mem::take(obj).into_iter().collect();
                for (k, v) in entries {
                    let snake: String = k
                        .chars()
                        .flat_map(|c| {
                            if c.is_ascii_uppercase() {
                                vec!['_', c.to_ascii_lowercase()]
                            } else {
                                vec![c]
                            }
                        })
                        .collect();
                    obj.insert(snake, v);
                }
            }
        }
    }
}

fn summary_json(p: &PartnershipSummary) -> Value {
    let mut value = serde_json::to_value(p).unwrap_or_default();
    snake_keys(&mut value, "parties");
    value
}

pub(super) fn detail_json(d: &PartnershipDetail) -> Value {
    let mut value = serde_json::to_value(&d.partnership).unwrap_or_default();
    if let Some(obj) = value.as_object_mut() {
        // The parties with their actors' names and contacts.
        let parties: Vec<Value> = d
            .parties
            .iter()
            .zip(&d.partnership.parties)
            .map(|(s, p)| {
                serde_json::json!({
                    "actor_id": s.actor_id,
                    "actor_name": s.actor_name,
                    "role": s.role,
                    "contact_id": p.contact_id,
                })
            })
            .collect();
        obj.insert("parties".into(), Value::Array(parties));
        obj.insert(
            "totals".into(),
            serde_json::to_value(&d.totals).unwrap_or_default(),
        );
        obj.insert(
            "children".into(),
            serde_json::to_value(&d.children).unwrap_or_default(),
        );
        obj.insert(
            "evaluation".into(),
            serde_json::to_value(&d.evaluation).unwrap_or_default(),
        );
        obj.insert(
            "evaluationState".into(),
            Value::String(d.evaluation.state.label_fr()),
        );
    }
    value
}

pub(super) fn modes_label(m: &Modes) -> String {
    let Some(primary) = m.primary else {
        return "à préciser".to_owned();
    };
    let mut out = primary.label_fr().to_owned();
    if !m.secondary.is_empty() {
        let s: Vec<&str> = m.secondary.iter().map(|s| s.label_fr()).collect();
        out.push_str(&format!(" (+ {})", s.join(", ")));
    }
    out
}

pub(super) fn hours(minutes: i64) -> String {
    if minutes % 60 == 0 {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {:02}", minutes / 60, minutes % 60)
    }
}

pub(super) fn print_list(rows: &[PartnershipSummary], format: Format) {
    if format == Format::Json {
        json(&rows.iter().map(summary_json).collect::<Vec<_>>());
        return;
    }
    if rows.is_empty() {
        out!("Aucun partenariat.");
        return;
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.stage.label_fr().to_owned(),
                modes_label(&p.modes),
                p.title.clone(),
                p.parties
                    .iter()
                    .map(|s| s.actor_name.as_str())
                    .collect::<Vec<_>>()
                    .join(" · "),
                evaluation_label(p),
            ]
        })
        .collect();
    table(
        &["ID", "ÉTAPE", "MODE", "TITRE", "PARTIES", "ÉVALUATION"],
        &cells,
    );
}

/// The evaluation state, and « sans mesure » when it is flagged.
fn evaluation_label(p: &PartnershipSummary) -> String {
    let state = p.evaluation.label_fr();
    if p.unmeasured {
        format!("{state} · sans mesure depuis 6 mois")
    } else {
        state
    }
}

pub(super) fn print_overview(o: &Overview, format: Format) {
    if format == Format::Json {
        json(o);
        return;
    }
    out!("{} partenariats, dont {} en retard.", o.total, o.overdue);
    let mut header = vec!["MODE"];
    header.extend(Stage::ALL.iter().map(|s| s.label_fr()));
    let rows: Vec<Vec<String>> = RameauMode::ALL
        .iter()
        .map(|m| Some(*m))
        .chain([None])
        .map(|mode| {
            let mut row = vec![mode.map_or("non classé", RameauMode::label_fr).to_owned()];
            row.extend(Stage::ALL.iter().map(|stage| {
                o.matrix
                    .iter()
                    .find(|c| c.mode == mode && c.stage == *stage)
                    .map_or_else(|| "·".to_owned(), |c| c.count.to_string())
            }));
            row
        })
        .collect();
    table(&header, &rows);
    let counts = |title: &str, none: &str, items: &[CountBy]| {
        out!("");
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|c| {
                let label = if c.code.is_empty() { none } else { &c.label };
                vec![c.code.clone(), label.to_owned(), c.count.to_string()]
            })
            .collect();
        table(&["CODE", title, "NOMBRE"], &rows);
    };
    counts("DÉPARTEMENT", "sans territoire", &o.by_departement);
    counts("ANIMATEUR·RICE", "personne", &o.by_facilitator);
}

pub(crate) fn print_possibilities(items: &[Possibility], format: Format) {
    if format == Format::Json {
        json(&items);
        return;
    }
    if items.is_empty() {
        out!("Aucune piste : renseignez les besoins et les offres de cet acteur et des autres.");
        return;
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|p| {
            vec![
                p.actor_id.clone(),
                p.actor_name.clone(),
                p.score.to_string(),
                p.modes
                    .iter()
                    .map(|m| m.label_fr())
                    .collect::<Vec<_>>()
                    .join(", "),
                p.reasons.first().cloned().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &["ID", "ACTEUR", "SCORE", "MODES PLAUSIBLES", "POURQUOI"],
        &rows,
    );
}

pub(super) fn print_proposal(p: &ClassificationProposal, asked: bool, format: Format) {
    if format == Format::Json {
        json(p);
        return;
    }
    if !asked {
        out!("Questions (répondez avec --yes q1,q3…) :");
        for q in Question::ALL {
            out!("  {}  {}", q.code(), q.text_fr());
        }
        return;
    }
    match p.primary {
        Some(m) => out!("{:<14} {}", "Mode principal", m.code()),
        None => out!("{:<14} à préciser", "Mode principal"),
    }
    if !p.secondary.is_empty() {
        let s: Vec<&str> = p.secondary.iter().map(|m| m.code()).collect();
        out!("{:<14} {}", "Secondaires", s.join(", "));
    }
    if !p.mecenat_kinds.is_empty() {
        let k: Vec<&str> = p.mecenat_kinds.iter().map(|k| k.code()).collect();
        out!("{:<14} {}", "Mécénat", k.join(", "));
    }
    out!("{}", p.reason);
}
