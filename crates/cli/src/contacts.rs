//! `tisserand contacts …`: the people of the directory, their list and the
//! invitation mailing.

use clap::{Args, Subcommand, ValueEnum};
use tisserand_app::{App, AppError, ContactSelection};
use tisserand_domain::{Consent, ContactInput, ContactQuery};

use crate::actors::kind_of;
use crate::{output, parse_choice, Format, FormatArg, OutputFile};

#[derive(Subcommand)]
pub(crate) enum ContactsCommand {
    /// Create a contact; prints its id.
    #[command(alias = "add")]
    Create {
        /// The organisation's actor id.
        #[arg(long)]
        actor: Option<String>,
        #[arg(long, default_value = "")]
        first_name: String,
        #[arg(long, default_value = "")]
        last_name: String,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Delete a contact.
    Delete { id: String },
    /// List contacts (Annuaire › Contacts), sorted by last name, with why an
    /// invitation mailing would leave each one out.
    List {
        #[command(flatten)]
        filters: ContactFilters,
        #[arg(long, default_value_t = 500)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// table, json, or csv (UTF-8 with BOM and `;`, as French Excel opens it).
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Export contacts for an invitation mailing (a mail merge), leaving out
    /// those who objected or lack the consent it needs, and saying how many.
    Export {
        #[command(flatten)]
        filters: ContactFilters,
        /// Export these contacts only (repeatable); the filters are then ignored.
        #[arg(long = "id", value_name = "ID")]
        ids: Vec<String>,
        /// csv or xlsx.
        #[arg(long, value_enum, default_value = "csv")]
        format: MailingFormat,
        #[command(flatten)]
        file: OutputFile,
    },
}

/// The filters of the contacts list.
#[derive(Args)]
pub(crate) struct ContactFilters {
    /// Words of the name, organisation, role, e-mail or notes.
    #[arg(long)]
    search: Option<String>,
    /// The organisation's kind (entreprise, association…).
    #[arg(long)]
    kind: Option<String>,
    /// The organisation's commune INSEE code.
    #[arg(long)]
    commune: Option<String>,
    /// One of the organisation's tags.
    #[arg(long)]
    tag: Option<String>,
    /// newsletter, liste_participants, photos, or objection (who objected to mailings).
    #[arg(long)]
    consent: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum ListFormat {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum MailingFormat {
    Csv,
    Xlsx,
}

impl ContactFilters {
    fn query(&self) -> Result<ContactQuery, AppError> {
        let consent = self
            .consent
            .as_deref()
            .map(|text| {
                parse_choice(
                    text,
                    |t| {
                        serde_json::from_value::<Consent>(serde_json::Value::String(
                            t.trim().to_lowercase(),
                        ))
                        .ok()
                    },
                    &["newsletter", "liste_participants", "photos", "objection"],
                    "Consentement inconnu",
                    "Unknown consent",
                )
            })
            .transpose()?;
        Ok(ContactQuery {
            text: self.search.clone(),
            kind: self.kind.as_deref().map(kind_of).transpose()?,
            commune_insee: self.commune.clone(),
            tag: self.tag.clone(),
            consent,
            offset: 0,
            limit: 0,
        })
    }
}

pub(crate) fn run(app: &mut App, cmd: ContactsCommand) -> Result<(), AppError> {
    match cmd {
        ContactsCommand::Create {
            actor,
            first_name,
            last_name,
            role,
            email,
            phone,
            fmt,
        } => {
            let input = ContactInput {
                actor_id: actor,
                first_name,
                last_name,
                role,
                email,
                phone,
                ..ContactInput::default()
            };
            let contact = app.create_contact(&input)?;
            output::created(&contact, &contact.id, fmt.format);
        }
        ContactsCommand::Delete { id } => {
            app.delete_contact(&id)?;
            out!("Contact supprimé.");
        }
        ContactsCommand::List {
            filters,
            limit,
            offset,
            format,
        } => {
            let query = ContactQuery {
                offset,
                limit: limit.max(1),
                ..filters.query()?
            };
            let page = app.list_contacts(&query)?;
            match format {
                ListFormat::Table => output::contact_page(&page, Format::Table),
                ListFormat::Json => output::contact_page(&page, Format::Json),
                ListFormat::Csv => output::contact_csv(&page)?,
            }
        }
        ContactsCommand::Export {
            filters,
            ids,
            format,
            file,
        } => {
            let selection = ContactSelection {
                query: filters.query()?,
                ids: (!ids.is_empty()).then_some(ids),
            };
            let format = match format {
                MailingFormat::Csv => tisserand_app::ExportFormat::Csv,
                MailingFormat::Xlsx => tisserand_app::ExportFormat::Xlsx,
            };
            out!(
                "{}",
                app.export_contacts(&selection, format, &file.output)?
                    .sentence_fr()
            );
        }
    }
    Ok(())
}
