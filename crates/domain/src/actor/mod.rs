//! Actors: the organisations of a territory (companies, associations, local
//! authorities…), what they need and what they can offer.

mod association;
mod subcategory;
#[cfg(test)]
mod tests;
mod validate;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::commune::{Commune, CommuneRef};
use crate::contact::ContactCard;
use crate::register::{AssociationRegime, RegisterCourt};
use crate::text::fold;

pub(crate) use validate::{check_identifier, check_length, normalize_tags};

/// Longest name accepted, in characters.
pub const NAME_MAX: usize = 200;
/// Longest short text (sector, address, a need's text, role…), in characters.
pub const SHORT_TEXT_MAX: usize = 1_000;
/// Longest long text (notes, stakes), in characters.
pub const LONG_TEXT_MAX: usize = 100_000;
/// Longest tag, in characters, and most tags on one actor.
pub const TAG_MAX: usize = 60;
pub const TAGS_MAX: usize = 50;
/// Most needs or offers on one actor.
pub const RESOURCES_MAX: usize = 50;
/// Longest volume or folio of a register entry, in characters.
pub const REGISTER_PART_MAX: usize = 20;
/// Longest number in the electronic register of associations.
pub const REGISTER_NUMBER_MAX: usize = 40;

/// What kind of organisation an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActorKind {
    Entreprise,
    Association,
    Collectivite,
    Fondation,
    Financeur,
    EtablissementPublic,
    Autre,
}

impl ActorKind {
    pub const ALL: [Self; 7] = [
        Self::Entreprise,
        Self::Association,
        Self::Collectivite,
        Self::Fondation,
        Self::Financeur,
        Self::EtablissementPublic,
        Self::Autre,
    ];

    /// The code used in JSON, SQL and on the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Entreprise => "entreprise",
            Self::Association => "association",
            Self::Collectivite => "collectivite",
            Self::Fondation => "fondation",
            Self::Financeur => "financeur",
            Self::EtablissementPublic => "etablissement_public",
            Self::Autre => "autre",
        }
    }

    /// The kind whose `code` is exactly `code` (what the store wrote).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Entreprise => "Entreprise",
            Self::Association => "Association",
            Self::Collectivite => "Collectivité",
            Self::Fondation => "Fondation",
            Self::Financeur => "Financeur",
            Self::EtablissementPublic => "Établissement public",
            Self::Autre => "Autre",
        }
    }

    /// Reads a kind as people write it: the code, the French or English word,
    /// with or without accents ("collectivité", "company", "asso"…).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Some(match t.as_str() {
            "entreprise" | "company" | "business" | "societe" => Self::Entreprise,
            "association" | "asso" | "ngo" | "nonprofit" => Self::Association,
            "collectivite"
            | "collectivite_territoriale"
            | "local_authority"
            | "commune"
            | "epci" => Self::Collectivite,
            "fondation" | "foundation" | "fonds_de_dotation" => Self::Fondation,
            "financeur" | "funder" | "investisseur" | "investor" | "financeur_investisseur" => {
                Self::Financeur
            }
            "etablissement_public" | "public_body" | "public_institution" => {
                Self::EtablissementPublic
            }
            "autre" | "other" => Self::Autre,
            _ => return None,
        })
    }
}

/// Head-count band, after INSEE's categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SizeBand {
    /// 0 to 9 people.
    Micro,
    /// 10 to 49.
    Petite,
    /// 50 to 249.
    Moyenne,
    /// 250 to 4,999.
    Intermediaire,
    /// 5,000 or more.
    Grande,
}

impl SizeBand {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Micro => "micro",
            Self::Petite => "petite",
            Self::Moyenne => "moyenne",
            Self::Intermediaire => "intermediaire",
            Self::Grande => "grande",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Micro,
            Self::Petite,
            Self::Moyenne,
            Self::Intermediaire,
            Self::Grande,
        ]
        .into_iter()
        .find(|s| s.code() == fold(text.trim()))
    }
}

/// What a need or an offer is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceCategory {
    Competences,
    Locaux,
    Materiel,
    Financement,
    Achats,
    Benevolat,
    Visibilite,
    Autre,
}

impl ResourceCategory {
    pub const ALL: [Self; 8] = [
        Self::Competences,
        Self::Locaux,
        Self::Materiel,
        Self::Financement,
        Self::Achats,
        Self::Benevolat,
        Self::Visibilite,
        Self::Autre,
    ];

    /// The code files and the store write (`competences`, `locaux`…).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Competences => "competences",
            Self::Locaux => "locaux",
            Self::Materiel => "materiel",
            Self::Financement => "financement",
            Self::Achats => "achats",
            Self::Benevolat => "benevolat",
            Self::Visibilite => "visibilite",
            Self::Autre => "autre",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Competences => "Compétences",
            Self::Locaux => "Locaux",
            Self::Materiel => "Matériel",
            Self::Financement => "Financement",
            Self::Achats => "Achats",
            Self::Benevolat => "Bénévolat",
            Self::Visibilite => "Visibilité",
            Self::Autre => "Autre",
        }
    }
}

pub use subcategory::ResourceSubcategory;

/// One need or one offer: a category, optionally a sub-category of it, and
/// what exactly, in the actor's words. Files written before sub-categories
/// existed read with none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Resource {
    pub category: ResourceCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub subcategory: Option<ResourceSubcategory>,
    pub text: String,
}

impl Resource {
    /// A resource of `category` with no sub-category chosen.
    #[must_use]
    pub fn new(category: ResourceCategory, text: impl Into<String>) -> Self {
        Self {
            category,
            subcategory: None,
            text: text.into(),
        }
    }
}

/// What a form or the command line sends to create or edit an actor.
/// Optional texts may be empty; they are trimmed and stored as absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActorInput {
    pub kind: Option<ActorKind>,
    pub name: String,
    pub siren: Option<String>,
    pub siret: Option<String>,
    pub rna: Option<String>,
    /// Associations: the law they are constituted under; absent, it is
    /// guessed from the seat (droit local in the Bas-Rhin, the Haut-Rhin
    /// and the Moselle).
    pub legal_regime: Option<AssociationRegime>,
    /// Associations of droit local: their entry in a court's register of
    /// associations (court, volume and folio, or the number of the
    /// electronic register).
    pub register_court: Option<RegisterCourt>,
    pub register_volume: Option<String>,
    pub register_folio: Option<String>,
    pub register_number: Option<String>,
    pub address: Option<String>,
    pub commune_insee: Option<String>,
    pub sector: Option<String>,
    pub size_band: Option<SizeBand>,
    pub website: Option<String>,
    pub needs: Vec<Resource>,
    pub offers: Vec<Resource>,
    pub stakes: Option<String>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// The actor agreed to be named as a partner in the Labo's
    /// publications (the impact report's « Partenaires cités »).
    pub named_partner: bool,
}

/// An actor input that passed validation: every text trimmed, identifiers in
/// canonical form, tags deduplicated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidActor {
    pub kind: ActorKind,
    pub name: String,
    pub siren: Option<String>,
    pub siret: Option<String>,
    pub rna: Option<String>,
    /// Associations only: the regime chosen, or else guessed.
    pub legal_regime: Option<AssociationRegime>,
    /// The facilitator chose the regime (it is not re-guessed from the seat).
    pub legal_regime_chosen: bool,
    pub register_court: Option<RegisterCourt>,
    pub register_volume: Option<String>,
    pub register_folio: Option<String>,
    pub register_number: Option<String>,
    pub address: Option<String>,
    pub commune_insee: Option<String>,
    pub sector: Option<String>,
    pub size_band: Option<SizeBand>,
    pub website: Option<String>,
    pub needs: Vec<Resource>,
    pub offers: Vec<Resource>,
    pub stakes: Option<String>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// See `ActorInput::named_partner`.
    pub named_partner: bool,
}

/// An actor as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    pub siren: Option<String>,
    pub siret: Option<String>,
    pub rna: Option<String>,
    /// Associations: the regime chosen by the facilitator or guessed from
    /// the seat (`legal_regime_chosen` says which); none for other kinds.
    #[serde(default)]
    pub legal_regime: Option<AssociationRegime>,
    #[serde(default)]
    pub legal_regime_chosen: bool,
    #[serde(default)]
    pub register_court: Option<RegisterCourt>,
    #[serde(default)]
    pub register_volume: Option<String>,
    #[serde(default)]
    pub register_folio: Option<String>,
    #[serde(default)]
    pub register_number: Option<String>,
    pub address: Option<String>,
    pub commune: Option<CommuneRef>,
    pub sector: Option<String>,
    pub size_band: Option<SizeBand>,
    pub website: Option<String>,
    pub needs: Vec<Resource>,
    pub offers: Vec<Resource>,
    pub stakes: Option<String>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// The day the actor agreed to be named as a partner in the Labo's
    /// publications (set when the agreement is recorded, kept while it
    /// stands); `None` when it has not agreed.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub named_partner_since: Option<NaiveDate>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Actor {
    /// The association's register entry in words, « tribunal judiciaire de
    /// Colmar, volume 42, folio 17 », or `None` when nothing of it is known.
    #[must_use]
    pub fn register_entry_fr(&self) -> Option<String> {
        let parts: Vec<String> = [
            self.register_court.map(RegisterCourt::label_fr),
            self.register_volume.as_ref().map(|v| format!("volume {v}")),
            self.register_folio.as_ref().map(|f| format!("folio {f}")),
            self.register_number.as_ref().map(|n| format!("numéro {n}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The input that would recreate this actor, for edit forms.
    #[must_use]
    pub fn to_input(&self) -> ActorInput {
        ActorInput {
            kind: Some(self.kind),
            name: self.name.clone(),
            siren: self.siren.clone(),
            siret: self.siret.clone(),
            rna: self.rna.clone(),
            legal_regime: self.legal_regime.filter(|_| self.legal_regime_chosen),
            register_court: self.register_court,
            register_volume: self.register_volume.clone(),
            register_folio: self.register_folio.clone(),
            register_number: self.register_number.clone(),
            address: self.address.clone(),
            commune_insee: self.commune.as_ref().map(|c| c.insee.clone()),
            sector: self.sector.clone(),
            size_band: self.size_band,
            website: self.website.clone(),
            needs: self.needs.clone(),
            offers: self.offers.clone(),
            stakes: self.stakes.clone(),
            tags: self.tags.clone(),
            notes: self.notes.clone(),
            named_partner: self.named_partner_since.is_some(),
        }
    }
}

/// An actor page: the actor, its commune in full and its contacts (each
/// with the date its data should be reviewed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActorDetail {
    pub actor: Actor,
    pub commune: Option<Commune>,
    pub contacts: Vec<ContactCard>,
}

/// What an actor's deletion touches, said before the person confirms it:
/// its live contacts leave the directory with it, a live partnership keeps it
/// from being deleted, and the events it took part in keep its meetings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActorTies {
    pub contacts: u32,
    /// Titles of the live partnerships it is a party of: while there is one,
    /// the actor cannot be deleted.
    pub partnerships: Vec<String>,
    /// Names of the live events it took part in.
    pub events: Vec<String>,
}

/// One row of the directory list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActorSummary {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    pub commune: Option<CommuneRef>,
    pub departement: Option<String>,
    pub sector: Option<String>,
    pub tags: Vec<String>,
    pub contact_count: u32,
}

/// Filters and window of the directory list. Empty filters match everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActorQuery {
    /// Words to find (prefix, accent- and case-insensitive).
    pub text: Option<String>,
    pub kind: Option<ActorKind>,
    pub commune_insee: Option<String>,
    pub departement: Option<String>,
    pub tag: Option<String>,
    pub offset: u32,
    /// At most 500; 100 when 0.
    pub limit: u32,
}

/// One window of the directory list and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActorPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ActorSummary>,
}

/// A filter value with how many live actors have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Facet {
    pub value: String,
    pub label: String,
    pub count: u32,
}

/// The values the directory's filters offer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Facets {
    pub kinds: Vec<Facet>,
    pub departements: Vec<Facet>,
    pub communes: Vec<Facet>,
    pub tags: Vec<Facet>,
}
