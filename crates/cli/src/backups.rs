//! `tisserand backup|backups|restore`: copies of the database and putting
//! one back.

use std::path::PathBuf;

use clap::Args;
use tisserand_app::{App, AppError};
use tisserand_domain::backup::{BackupEntry, BackupReason};

use crate::{output, Format};

#[derive(Args)]
pub(crate) struct BackupArgs {
    /// Write the copy to FILE instead of the backups folder beside the database.
    #[arg(short, long, value_name = "FILE", conflicts_with = "copy")]
    output: Option<PathBuf>,
    /// Also copy it into the second folder of Réglages (settings set backup.folder PATH).
    #[arg(long)]
    copy: bool,
}

#[derive(Args)]
pub(crate) struct RestoreArgs {
    /// The backup to restore (checked first; the current state is backed up before).
    file: PathBuf,
}

/// « 1,4 Mo »
fn size_text(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if b >= 1_048_576.0 {
        format!("{:.1} Mo", b / 1_048_576.0).replace('.', ",")
    } else {
        format!("{} ko", (b / 1024.0).ceil())
    }
}

fn show(entry: &BackupEntry) -> String {
    format!(
        "{} ({}, {})",
        entry.path,
        entry.reason.label_fr().to_lowercase(),
        size_text(entry.size_bytes)
    )
}

fn tisserand_store_dir(app: &App) -> String {
    app.backups_dir().display().to_string()
}

pub(crate) fn backup(app: &mut App, args: &BackupArgs) -> Result<(), AppError> {
    if args.copy {
        let copy = app.copy_backup_now(crate::clock::now())?;
        out!("Sauvegarde écrite et copiée : {}", copy.path);
    } else if let Some(file) = &args.output {
        app.create_backup_to(file)?;
        out!("Copie de sauvegarde écrite : {}", file.display());
    } else {
        let entry = app.create_backup(BackupReason::Manual, &mut |_, _| {})?;
        out!("Sauvegarde écrite : {}", show(&entry));
    }
    Ok(())
}

pub(crate) fn backups(app: &App, format: Format) -> Result<(), AppError> {
    let list = app.list_backups()?;
    match format {
        Format::Json => output::json(&list),
        Format::Table if list.is_empty() => {
            out!("Aucune sauvegarde pour l'instant (tisserand backup en crée une).");
        }
        Format::Table => {
            out!("Dossier : {}", tisserand_store_dir(app));
            output::table(
                &["Prise le", "Raison", "Taille", "Fichier"],
                &list
                    .iter()
                    .map(|e| {
                        vec![
                            e.taken_at.format("%d/%m/%Y %H:%M:%S").to_string(),
                            e.reason.label_fr().to_owned(),
                            size_text(e.size_bytes),
                            e.file_name.clone(),
                        ]
                    })
                    .collect::<Vec<_>>(),
            );
        }
    }
    Ok(())
}

pub(crate) fn restore(app: &mut App, args: &RestoreArgs) -> Result<(), AppError> {
    let before = app.restore_backup(&args.file, &mut |_, _| {})?;
    out!("Sauvegarde restaurée : {}", args.file.display());
    if let Some(before) = before {
        out!("L'état précédent a été sauvegardé : {}", show(&before));
    }
    Ok(())
}
