//! `tisserand actors …`: the actor directory.

use clap::{Args, Subcommand};
use tisserand_app::{App, AppError, ErrorKind};
use tisserand_domain::{
    ActorInput, ActorKind, ActorQuery, AssociationRegime, RegisterCourt, Resource, ResourceCategory,
};

use crate::{output, parse_choice, partnerships, FormatArg};

// Parsed once per run: the size difference between variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub(crate) enum ActorsCommand {
    /// List actors, sorted by name.
    List {
        #[arg(long)]
        kind: Option<String>,
        /// Département code (67, 68, 2A…).
        #[arg(long)]
        departement: Option<String>,
        /// Commune INSEE code.
        #[arg(long)]
        commune: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long, default_value_t = 500)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Find actors and contacts by any word (prefixes, accents optional).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Create an actor; prints its id.
    #[command(alias = "add")]
    Create(ActorArgs),
    /// Show one actor with its contacts.
    #[command(alias = "show")]
    Get {
        id: String,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// « Champ des possibles »: the actors this one could build a partnership with, best first.
    Possibles {
        id: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Delete an actor (undo with `actors restore`).
    Delete { id: String },
    /// Undo the deletion of an actor.
    Restore { id: String },
}

#[derive(Args)]
pub(crate) struct ActorArgs {
    /// entreprise, association, collectivite, fondation, financeur, etablissement_public, autre.
    #[arg(long)]
    kind: String,
    #[arg(long)]
    name: String,
    /// Commune INSEE code (see `tisserand communes NAME`).
    #[arg(long)]
    commune: Option<String>,
    #[arg(long)]
    siren: Option<String>,
    #[arg(long)]
    siret: Option<String>,
    #[arg(long)]
    rna: Option<String>,
    /// Associations: loi_1901 or droit_local (default: guessed from the commune, droit local in 57, 67 and 68).
    #[arg(long)]
    regime: Option<String>,
    /// Droit-local associations: the court keeping their register (strasbourg, saverne, colmar, mulhouse, metz, thionville, sarreguemines).
    #[arg(long)]
    court: Option<String>,
    /// Droit-local associations: the volume of their register entry.
    #[arg(long)]
    volume: Option<String>,
    /// Droit-local associations: the folio of their register entry.
    #[arg(long)]
    folio: Option<String>,
    /// Droit-local associations: their number in the electronic register.
    #[arg(long)]
    register_number: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    sector: Option<String>,
    #[arg(long)]
    website: Option<String>,
    /// A need as CATEGORY:TEXT (categories: competences, locaux, materiel, financement, achats, benevolat, visibilite, autre). Repeatable.
    #[arg(long = "need")]
    needs: Vec<String>,
    /// An offer as CATEGORY:TEXT. Repeatable.
    #[arg(long = "offer")]
    offers: Vec<String>,
    #[arg(long)]
    stakes: Option<String>,
    /// Repeatable.
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
    /// The actor agrees to be named as a partner in the Labo's publications (the impact report).
    #[arg(long)]
    named_partner: bool,
    #[command(flatten)]
    fmt: FormatArg,
}

pub(crate) fn kind_of(text: &str) -> Result<ActorKind, AppError> {
    parse_choice(
        text,
        ActorKind::parse,
        &ActorKind::ALL.map(ActorKind::code),
        "Type d'acteur inconnu",
        "Unknown actor kind",
    )
}

fn resource_of(text: &str) -> Result<Resource, AppError> {
    let (cat, what) = text.split_once(':').unwrap_or(("autre", text));
    let category = ResourceCategory::ALL
        .into_iter()
        .find(|c| serde_json::to_value(c).ok().and_then(|v| v.as_str().map(str::to_owned)).as_deref() == Some(cat.trim()))
        .ok_or_else(|| {
            AppError::new(
                ErrorKind::Invalid,
                format!("Catégorie inconnue « {cat} » dans « {text} » : competences, locaux, materiel, financement, achats, benevolat, visibilite ou autre."),
                format!("Unknown category \"{cat}\" in \"{text}\": competences, locaux, materiel, financement, achats, benevolat, visibilite or autre."),
            )
        })?;
    Ok(Resource {
        category,
        subcategory: None,
        text: what.trim().to_owned(),
    })
}

fn actor_input(a: &ActorArgs) -> Result<ActorInput, AppError> {
    Ok(ActorInput {
        kind: Some(kind_of(&a.kind)?),
        name: a.name.clone(),
        siren: a.siren.clone(),
        siret: a.siret.clone(),
        rna: a.rna.clone(),
        legal_regime: a
            .regime
            .as_deref()
            .map(|r| {
                parse_choice(
                    r,
                    AssociationRegime::parse,
                    &AssociationRegime::ALL.map(AssociationRegime::code),
                    "Régime inconnu",
                    "Unknown regime",
                )
            })
            .transpose()?,
        register_court: a
            .court
            .as_deref()
            .map(|c| {
                parse_choice(
                    c,
                    RegisterCourt::parse,
                    &RegisterCourt::ALL.map(RegisterCourt::code),
                    "Tribunal inconnu",
                    "Unknown court",
                )
            })
            .transpose()?,
        register_volume: a.volume.clone(),
        register_folio: a.folio.clone(),
        register_number: a.register_number.clone(),
        address: a.address.clone(),
        commune_insee: a.commune.clone(),
        sector: a.sector.clone(),
        size_band: None,
        website: a.website.clone(),
        needs: a
            .needs
            .iter()
            .map(|n| resource_of(n))
            .collect::<Result<_, _>>()?,
        offers: a
            .offers
            .iter()
            .map(|n| resource_of(n))
            .collect::<Result<_, _>>()?,
        stakes: a.stakes.clone(),
        tags: a.tags.clone(),
        notes: a.notes.clone(),
        named_partner: a.named_partner,
    })
}

pub(crate) fn run(app: &mut App, cmd: ActorsCommand) -> Result<(), AppError> {
    match cmd {
        ActorsCommand::List {
            kind,
            departement,
            commune,
            tag,
            limit,
            offset,
            fmt,
        } => {
            let query = ActorQuery {
                text: None,
                kind: kind.as_deref().map(kind_of).transpose()?,
                commune_insee: commune,
                departement,
                tag,
                offset,
                limit: limit.max(1),
            };
            output::actor_page(&app.list_actors(&query)?, fmt.format);
        }
        ActorsCommand::Search { query, limit, fmt } => {
            output::hits(&app.search(&query, limit)?, fmt.format);
        }
        ActorsCommand::Create(args) => {
            let actor = app.create_actor(&actor_input(&args)?)?;
            output::created(&actor, &actor.id, args.fmt.format);
        }
        ActorsCommand::Get { id, fmt } => {
            output::actor_detail(&app.get_actor(&id, crate::clock::now())?, fmt.format);
        }
        ActorsCommand::Possibles { id, limit, fmt } => {
            partnerships::print_possibilities(&app.list_possibles(&id, limit)?, fmt.format);
        }
        ActorsCommand::Delete { id } => {
            app.delete_actor(&id)?;
            out!("Acteur supprimé. Pour annuler : tisserand actors restore {id}");
        }
        ActorsCommand::Restore { id } => {
            app.restore_actor(&id)?;
            out!("Acteur restauré.");
        }
    }
    Ok(())
}
