//! `tisserand duplicates|merge|unmerge|merges`: possible duplicates, and
//! merging them (undoably).

use clap::Args;
use tisserand_app::{ActorSide, App, AppError};
use tisserand_domain::merge::{MergeChoices, MergeSide};

use crate::output::{self, count};
use crate::Format;

pub(crate) fn duplicates(app: &App, format: Format) -> Result<(), AppError> {
    let found = app.scan_duplicates()?;
    if format == Format::Json {
        output::json(&found);
        return Ok(());
    }
    out!(
        "{} d'acteurs, {} de contacts.",
        count(found.actor_pairs, "doublon possible", "doublons possibles"),
        count(
            found.contact_pairs,
            "doublon possible",
            "doublons possibles"
        )
    );
    for d in &found.actors {
        out!(
            "  {} ↔ {} : {}",
            actor_side(&d.a),
            actor_side(&d.b),
            d.why.join(" ; ")
        );
    }
    for d in &found.contacts {
        out!(
            "  {} {} ↔ {} {} : {}",
            d.a.id,
            d.a.display_name(),
            d.b.id,
            d.b.display_name(),
            d.why.join(" ; ")
        );
    }
    if !found.actors.is_empty() || !found.contacts.is_empty() {
        out!("Pour fusionner : tisserand merge ID_GARDÉ ID_FUSIONNÉ");
    }
    Ok(())
}

/// « ID « Name » (Commune) », one side of a possible duplicate.
fn actor_side(side: &ActorSide) -> String {
    let a = &side.actor;
    let commune = a
        .commune
        .as_ref()
        .map_or("sans commune", |c| c.name.as_str());
    format!("{} « {} » ({commune})", a.id, a.name)
}

#[derive(Args)]
pub(crate) struct MergeArgs {
    /// The record that stays.
    keep: String,
    /// The duplicate merged into it (its contacts and partnerships move).
    other: String,
    /// Fields whose value comes from the duplicate (name, siren, email…).
    #[arg(long = "take", value_name = "FIELD")]
    take: Vec<String>,
    /// Fields that keep only the kept record's value (lists and notes
    /// otherwise join both).
    #[arg(long = "only-kept", value_name = "FIELD")]
    only_kept: Vec<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub(crate) fn merge(app: &mut App, args: &MergeArgs) -> Result<(), AppError> {
    let mut choices = MergeChoices::default();
    for f in &args.take {
        choices.fields.insert(f.clone(), MergeSide::Other);
    }
    for f in &args.only_kept {
        choices.fields.insert(f.clone(), MergeSide::Keep);
    }
    let is_actor = app.get_actor(&args.keep, crate::clock::now()).is_ok();
    let outcome = if is_actor {
        app.merge_actors(&args.keep, &args.other, &choices)?
    } else {
        app.merge_contacts(&args.keep, &args.other, &choices)?
    };
    match args.format {
        Format::Json => output::json(&outcome),
        Format::Table => {
            out!(
                "Fusion faite : {} a été fusionné dans {}.",
                args.other,
                args.keep
            );
            out!("Pour l'annuler : tisserand unmerge {}", outcome.merge_id);
        }
    }
    Ok(())
}

#[derive(Args)]
pub(crate) struct UnmergeArgs {
    /// The merge's id (printed by `tisserand merge`, listed by `tisserand merges`).
    id: String,
}

pub(crate) fn unmerge(app: &mut App, args: &UnmergeArgs) -> Result<(), AppError> {
    let r = app.undo_merge(&args.id)?;
    out!(
        "Fusion annulée : {} est de retour à côté de {}.",
        r.merged_id,
        r.kept_id
    );
    Ok(())
}

pub(crate) fn merges(app: &App, format: Format) -> Result<(), AppError> {
    let list = app.list_merges()?;
    match format {
        Format::Json => output::json(&list),
        Format::Table => output::table(
            &["Identifiant", "Le", "Type", "Gardé", "Fusionné", "État"],
            &list
                .iter()
                .map(|m| {
                    vec![
                        m.id.clone(),
                        m.created_at
                            .chars()
                            .take(16)
                            .collect::<String>()
                            .replace('T', " "),
                        if m.entity == "actor" {
                            "acteur".into()
                        } else {
                            "contact".into()
                        },
                        m.kept_id.clone(),
                        m.merged_id.clone(),
                        if m.undone_at.is_some() {
                            "annulée".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    }
    Ok(())
}
