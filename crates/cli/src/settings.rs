//! `tisserand settings`: Réglages on the command line — every setting, one
//! by name, set one (checked as the window's form), the logo.

use std::path::PathBuf;

use clap::Subcommand;
use tisserand_app::{App, AppError};
use tisserand_domain::settings::SETTING_KEYS;

use crate::output::{json, table};
use crate::{Format, FormatArg};

#[derive(Subcommand)]
pub(crate) enum SettingsCommand {
    /// Every setting (or one: facilitator.name, organisation.siret…).
    Get {
        key: Option<String>,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Set one setting; an empty VALUE clears it.
    Set { key: String, value: String },
    /// The organisation's logo for the PDFs' letterhead: a PNG or JPEG file of at most 5 Mo.
    Logo { file: PathBuf },
    /// Remove the logo.
    RemoveLogo,
}

pub(crate) fn run(app: &mut App, cmd: SettingsCommand) -> Result<(), AppError> {
    match cmd {
        SettingsCommand::Get { key: Some(key), .. } => out!("{}", app.get_setting(&key)?),
        SettingsCommand::Get { key: None, fmt } => {
            let view = app.get_settings()?;
            match fmt.format {
                Format::Json => json(&view),
                Format::Table => {
                    let mut rows: Vec<Vec<String>> = SETTING_KEYS
                        .iter()
                        .map(|k| vec![k.key.to_owned(), k.get(&view.input).replace('\n', ", ")])
                        .collect();
                    rows.push(vec![
                        "organisation.logo".into(),
                        view.logo_file.unwrap_or_default(),
                    ]);
                    table(&["réglage", "valeur"], &rows);
                }
            }
        }
        SettingsCommand::Set { key, value } => {
            app.set_setting(&key, &value)?;
            out!("Réglage enregistré : {key}.");
        }
        SettingsCommand::Logo { file } => {
            app.set_logo(&file)?;
            out!("Logo enregistré : il figure en tête des documents imprimés.");
        }
        SettingsCommand::RemoveLogo => {
            app.remove_logo()?;
            out!("Logo retiré.");
        }
    }
    Ok(())
}
