//! `tisserand events suggest-wishes ID [--accept]`: the wishes the « champ
//! des possibles » suggests at an event, and accepting them all at once.

use tisserand_app::{App, AppError};

use crate::{output, Format};

/// Prints each participant's suggested wishes; with `accept`, adds them all
/// as « aimerait rencontrer » wishes in one go.
pub(super) fn suggest_wishes(
    app: &mut App,
    id: &str,
    accept: bool,
    format: Format,
) -> Result<(), AppError> {
    let s = app.list_event_wish_suggestions(id)?;
    match format {
        Format::Json => output::json(&s),
        Format::Table => {
            let rows: Vec<Vec<String>> = s
                .participants
                .iter()
                .flat_map(|p| {
                    p.suggestions.iter().map(|x| {
                        vec![
                            p.actor_name.clone(),
                            x.actor_name.clone(),
                            x.score.to_string(),
                            x.modes.first().map_or("", |m| m.label_fr()).to_owned(),
                            x.reasons.first().cloned().unwrap_or_default(),
                        ]
                    })
                })
                .collect();
            output::table(
                &[
                    "PARTICIPANT",
                    "DEVRAIT RENCONTRER",
                    "SCORE",
                    "MODE",
                    "RAISON",
                ],
                &rows,
            );
        }
    }
    if !accept {
        return Ok(());
    }
    let pairs = s.pairs();
    if pairs.is_empty() {
        eprintln!("Aucun souhait à suggérer : rien n'a été ajouté.");
        return Ok(());
    }
    app.accept_event_wish_suggestions(id, &pairs)?;
    eprintln!(
        "{} ajouté(s) comme « aimerait rencontrer ».",
        output::count(s.total, "souhait", "souhaits")
    );
    Ok(())
}
