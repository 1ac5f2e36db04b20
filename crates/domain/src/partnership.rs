//! Partnerships: who takes part (parties and roles), which of Le RAMEAU's
//! modes, what each one brings (contributions, counterparts), where it stands
//! in the pipeline (stages, timeline) and what comes next (actions).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{check_length, LONG_TEXT_MAX, NAME_MAX, SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX};
use crate::error::{FieldError, ValidationErrors};
use crate::rameau::{MecenatKind, RameauMode};
use crate::text::fold;

/// The largest amount accepted for one contribution or counterpart:
/// 100 million euros, in cents.
pub const AMOUNT_MAX_CENTS: i64 = 10_000_000_000;
/// The largest duration accepted for one contribution: 100,000 hours, in minutes.
pub const MINUTES_MAX: i64 = 6_000_000;
/// Most parties, contributions, counterparts, actions or communes on one partnership.
pub const ITEMS_MAX: usize = 200;
/// A gift's counterparts must stay below this share of it (in percent) for
/// the gift to count as mécénat.
pub const COUNTERPART_LIMIT_PERCENT: i64 = 25;
/// The reduction of a company's tax on a mécénat gift, in percent (an
/// estimate: ceilings and carry-overs are not applied).
pub const TAX_REDUCTION_PERCENT: i64 = 60;

/// A stage of the pipeline, after the MEDEF–RAMEAU guide "Construire ensemble".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Rencontre,
    Exploration,
    Preparation,
    Contractualisation,
    MiseEnOeuvre,
    Evaluation,
    Essaimage,
    Abandonne,
}

impl Stage {
    pub const ALL: [Self; 8] = [
        Self::Rencontre,
        Self::Exploration,
        Self::Preparation,
        Self::Contractualisation,
        Self::MiseEnOeuvre,
        Self::Evaluation,
        Self::Essaimage,
        Self::Abandonne,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Rencontre => "rencontre",
            Self::Exploration => "exploration",
            Self::Preparation => "preparation",
            Self::Contractualisation => "contractualisation",
            Self::MiseEnOeuvre => "mise_en_oeuvre",
            Self::Evaluation => "evaluation",
            Self::Essaimage => "essaimage",
            Self::Abandonne => "abandonne",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Rencontre => "Rencontre",
            Self::Exploration => "Exploration",
            Self::Preparation => "Préparation",
            Self::Contractualisation => "Contractualisation",
            Self::MiseEnOeuvre => "Mise en œuvre",
            Self::Evaluation => "Évaluation",
            Self::Essaimage => "Essaimage",
            Self::Abandonne => "Abandonné",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim())
            .replace(['-', ' '], "_")
            .replace("œ", "oe");
        let t = if t == "abandonnee" || t == "abandon" {
            "abandonne".to_owned()
        } else {
            t
        };
        Self::ALL.into_iter().find(|s| s.code() == t)
    }

    /// Checks a move from `self` to `to`. Any move between the active stages
    /// is allowed (forward, or back when a step must be redone); abandoning,
    /// from any stage, needs a reason; an abandoned partnership is reopened
    /// by moving it to an active stage.
    ///
    /// # Errors
    /// A `stage` or `reason` field error.
    pub fn check_move(self, to: Self, reason: Option<&str>) -> Result<(), FieldError> {
        if self == to {
            return Err(FieldError::new(
                "stage",
                format!("Le partenariat est déjà à l'étape « {} ».", to.label_fr()),
                format!("The partnership is already at stage \"{}\".", to.code()),
            ));
        }
        let reason = reason.map(str::trim).unwrap_or_default();
        if to == Self::Abandonne && reason.is_empty() {
            return Err(FieldError::new(
                "reason",
                "Indiquez pourquoi le partenariat est abandonné (--reason).",
                "Say why the partnership is abandoned (--reason).",
            ));
        }
        if crate::text::char_count(reason) > SHORT_TEXT_MAX {
            return Err(FieldError::new(
                "reason",
                format!("La raison est trop longue : {SHORT_TEXT_MAX} caractères au plus."),
                format!("The reason is too long: at most {SHORT_TEXT_MAX} characters."),
            ));
        }
        Ok(())
    }
}

/// The role a party plays in a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartyRole {
    Porteur,
    Partenaire,
    Financeur,
    Beneficiaire,
    CollectiviteAssociee,
    Operateur,
    Investisseur,
    Evaluateur,
    Structurateur,
}

impl PartyRole {
    pub const ALL: [Self; 9] = [
        Self::Porteur,
        Self::Partenaire,
        Self::Financeur,
        Self::Beneficiaire,
        Self::CollectiviteAssociee,
        Self::Operateur,
        Self::Investisseur,
        Self::Evaluateur,
        Self::Structurateur,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Porteur => "porteur",
            Self::Partenaire => "partenaire",
            Self::Financeur => "financeur",
            Self::Beneficiaire => "beneficiaire",
            Self::CollectiviteAssociee => "collectivite_associee",
            Self::Operateur => "operateur",
            Self::Investisseur => "investisseur",
            Self::Evaluateur => "evaluateur",
            Self::Structurateur => "structurateur",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|r| r.code() == t)
    }
}

/// What a contribution is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContributionKind {
    Numeraire,
    Nature,
    Competences,
    Logistique,
    Achats,
    Autre,
}

impl ContributionKind {
    pub const ALL: [Self; 6] = [
        Self::Numeraire,
        Self::Nature,
        Self::Competences,
        Self::Logistique,
        Self::Achats,
        Self::Autre,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Numeraire => "numeraire",
            Self::Nature => "nature",
            Self::Competences => "competences",
            Self::Logistique => "logistique",
            Self::Achats => "achats",
            Self::Autre => "autre",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|k| k.code() == t)
    }
}

/// One organisation taking part, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Party {
    pub actor_id: String,
    pub role: PartyRole,
    /// A contact (person) of that actor, if one is named.
    #[serde(default)]
    pub contact_id: Option<String>,
}

/// The partnership's modes: one primary (unknown while exploring), others
/// secondary, and what a mécénat gives.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Modes {
    pub primary: Option<RameauMode>,
    pub secondary: Vec<RameauMode>,
    pub mecenat_kinds: Vec<MecenatKind>,
}

impl Modes {
    /// Whether `mode` is the primary or a secondary mode.
    #[must_use]
    pub fn has(&self, mode: RameauMode) -> bool {
        self.primary == Some(mode) || self.secondary.contains(&mode)
    }
}

/// What one party brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contribution {
    /// The party (actor id) who brings it.
    pub actor_id: String,
    pub kind: ContributionKind,
    /// Value in euro cents.
    #[ts(type = "number")]
    pub value_cents: i64,
    /// Time given, in minutes.
    #[serde(default)]
    #[ts(type = "number")]
    pub minutes: i64,
    #[serde(default)]
    pub description: Option<String>,
}

/// What a party gives back (visibility, tickets, a logo on a poster…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Counterpart {
    /// The party (actor id) who gives it.
    pub given_by: String,
    pub description: String,
    #[ts(type = "number")]
    pub value_cents: i64,
}

/// Something to do next, by someone, by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NextAction {
    pub text: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

/// The four objectives of Le RAMEAU's "carré magique", the same for every party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ObjectiveAxis {
    /// Human resources and skills.
    RessourcesHumaines,
    /// Relations with stakeholders.
    RelationsPartiesPrenantes,
    Innovation,
    /// Financial resources or economic performance.
    PerformanceEconomique,
}

/// What a party (or the common good) expects from the partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Objective {
    /// The party (actor id) it belongs to; `None` for the common good.
    #[serde(default)]
    pub actor_id: Option<String>,
    #[serde(default)]
    pub axis: Option<ObjectiveAxis>,
    pub text: String,
}

/// One measured value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Measure {
    #[ts(type = "string")]
    pub on: NaiveDate,
    pub value: f64,
}

/// Something counted to see whether an objective is met: children who
/// attended a show, people back in work at 3 months, tonnes diverted…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Indicator {
    pub name: String,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    /// Oldest first.
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// The largest magnitude accepted for an indicator's value.
pub const INDICATOR_MAX: f64 = 1e12;

/// What happened, as data: the reader words it in their language (the
/// window through its i18n, the PDF brief and the command line in French
/// with [`TimelineFact::text_fr`]). Only what a person typed (a note, a
/// reason, an action's text) is kept as text, as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum TimelineFact {
    /// Created, with these modes.
    Created { modes: Modes },
    /// Created from a speed-dating meeting where both sides ticked « à revoir ».
    EventLead {
        event: String,
        #[ts(type = "string")]
        date: NaiveDate,
        round: u32,
        table: u32,
    },
    /// Created by spreading partnership `origin` (its title), with these modes.
    SpawnedFrom { origin: String, modes: Modes },
    /// Spread into a new partnership titled `title`.
    Spawned { title: String },
    /// Moved from one stage to the next (or back).
    Stage {
        from: Stage,
        to: Stage,
        #[serde(default)]
        reason: Option<String>,
    },
    /// Abandoned while at stage `from`.
    Abandoned {
        from: Stage,
        #[serde(default)]
        reason: Option<String>,
    },
    /// Reopened at stage `to`.
    Reopened {
        to: Stage,
        #[serde(default)]
        reason: Option<String>,
    },
    /// The primary or secondary modes changed.
    Modes { from: Modes, to: Modes },
    /// A note as the person typed it; also a sentence written before
    /// timeline entries were data that could not be read back (shown as is).
    Note { text: String },
    /// A next action was marked done.
    ActionDone {
        action: String,
        #[serde(default)]
        owner: Option<String>,
    },
    /// A new value of an indicator, measured on `on`.
    Measure {
        indicator: String,
        value: f64,
        #[serde(default)]
        unit: Option<String>,
        #[ts(type = "string")]
        on: NaiveDate,
    },
    /// The agreement's text (preamble, clauses) was changed.
    AgreementEdited,
    /// Duplicates merged: the record `from` (an organisation or a contact)
    /// was merged into `into`, which this partnership now names.
    Merged {
        entity: MergedEntity,
        from: String,
        into: String,
    },
}

/// What kind of record a merge joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MergedEntity {
    Actor,
    Contact,
}

/// « Mécénat + Coopération économique », « à préciser » without a primary mode.
fn modes_fr(m: &Modes) -> String {
    let Some(primary) = m.primary else {
        return "à préciser".to_owned();
    };
    std::iter::once(primary)
        .chain(m.secondary.iter().copied())
        .map(RameauMode::label_fr)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// « 12,5 » : a measured value as French writes it.
fn number_fr(v: f64) -> String {
    v.to_string().replace('.', ",")
}

impl TimelineFact {
    /// The entry as a French sentence (PDF brief, command line, personal
    /// data reports).
    #[must_use]
    pub fn text_fr(&self) -> String {
        let because =
            |r: &Option<String>| r.as_ref().map(|r| format!(" : {r}")).unwrap_or_default();
        match self {
            Self::Created { modes } => format!("Partenariat créé (mode : {}).", modes_fr(modes)),
            Self::EventLead { event, date, round, table } => format!(
                "Rencontre au speed-dating « {event} » ({}), tour {round}, table {table} : les deux ont coché « à revoir ».",
                crate::text::date_long_fr(*date)
            ),
            Self::SpawnedFrom { origin, modes } => format!(
                "Partenariat essaimé depuis « {origin} » (mode : {}).",
                modes_fr(modes)
            ),
            Self::Spawned { title } => format!("Essaimé : « {title} »."),
            Self::Stage { from, to, reason } => {
                format!("{} → {}{}.", from.label_fr(), to.label_fr(), because(reason))
            }
            Self::Abandoned { from, reason } => {
                format!("Abandonné à l'étape « {} »{}.", from.label_fr(), because(reason))
            }
            Self::Reopened { to, reason } => {
                format!("Rouvert à l'étape « {} »{}.", to.label_fr(), because(reason))
            }
            Self::Modes { from, to } => format!("Mode : {} → {}.", modes_fr(from), modes_fr(to)),
            Self::Note { text } => text.clone(),
            Self::ActionDone { action, owner } => {
                let owner = owner.as_ref().map(|o| format!(" ({o})")).unwrap_or_default();
                format!("Action faite : {action}{owner}")
            }
            Self::Measure { indicator, value, unit, on } => {
                let unit = unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
                format!(
                    "Indicateur « {indicator} » : {}{unit} au {}.",
                    number_fr(*value),
                    on.format("%d/%m/%Y")
                )
            }
            Self::AgreementEdited => {
                "Texte de la convention modifié (préambule, clauses).".to_owned()
            }
            Self::Merged { entity, from, into } => match entity {
                MergedEntity::Actor => {
                    format!("Doublons fusionnés : « {from} » a été fusionné dans « {into} ».")
                }
                MergedEntity::Contact => format!(
                    "Doublons fusionnés : le contact « {from} » a été fusionné dans « {into} »."
                ),
            },
        }
    }

    /// Every text of the entry that came from people (titles, names,
    /// notes, reasons), for the personal-data search and erasure.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Self::Created { .. } | Self::Modes { .. } | Self::AgreementEdited => Vec::new(),
            Self::EventLead { event, .. } => vec![event],
            Self::SpawnedFrom { origin, .. } => vec![origin],
            Self::Spawned { title } => vec![title],
            Self::Stage { reason, .. }
            | Self::Abandoned { reason, .. }
            | Self::Reopened { reason, .. } => reason.iter_mut().collect(),
            Self::Note { text } => vec![text],
            Self::ActionDone { action, owner } => {
                std::iter::once(action).chain(owner.iter_mut()).collect()
            }
            Self::Measure {
                indicator, unit, ..
            } => std::iter::once(indicator).chain(unit.iter_mut()).collect(),
            Self::Merged { from, into, .. } => vec![from, into],
        }
    }
}

/// One dated event of a partnership's life: when, and what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimelineEntry {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub fact: TimelineFact,
}

impl TimelineEntry {
    /// The entry as a French sentence.
    #[must_use]
    pub fn text_fr(&self) -> String {
        self.fact.text_fr()
    }
}

/// What a form or the command line sends to create or edit a partnership.
/// The stage and the timeline are not part of it: they change through moves
/// and notes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PartnershipInput {
    pub title: String,
    pub summary: Option<String>,
    /// Commune INSEE codes.
    pub territory: Vec<String>,
    pub parties: Vec<Party>,
    pub modes: Modes,
    pub contributions: Vec<Contribution>,
    pub counterparts: Vec<Counterpart>,
    pub facilitator: Option<String>,
    pub tags: Vec<String>,
    pub origin: Option<String>,
    pub next_actions: Vec<NextAction>,
    pub objectives: Vec<Objective>,
    pub indicators: Vec<Indicator>,
}

/// A partnership input that passed validation (texts trimmed, empty ones
/// absent, tags and communes deduplicated).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPartnership {
    pub title: String,
    pub summary: Option<String>,
    pub territory: Vec<String>,
    pub parties: Vec<Party>,
    pub modes: Modes,
    pub contributions: Vec<Contribution>,
    pub counterparts: Vec<Counterpart>,
    pub facilitator: Option<String>,
    pub tags: Vec<String>,
    pub origin: Option<String>,
    pub next_actions: Vec<NextAction>,
    pub objectives: Vec<Objective>,
    pub indicators: Vec<Indicator>,
}

fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn too_many(errors: &mut ValidationErrors, field: &str, n: usize) {
    if n > ITEMS_MAX {
        errors.push(FieldError::new(
            field,
            format!("Trop d'éléments : {n}, {ITEMS_MAX} au plus."),
            format!("Too many items: {n}, at most {ITEMS_MAX}."),
        ));
    }
}

/// Refuses a negative amount or one above 100 M€.
fn check_amount(errors: &mut ValidationErrors, field: &str, cents: i64) {
    if cents < 0 {
        errors.push(FieldError::new(
            field,
            "Un montant ne peut pas être négatif.",
            "An amount cannot be negative.",
        ));
    } else if cents > AMOUNT_MAX_CENTS {
        errors.push(FieldError::new(
            field,
            format!(
                "Montant invraisemblable : {}, 100 millions d'euros au plus. Vérifiez l'unité (euros, pas centimes).",
                format_euros(cents)
            ),
            "Implausible amount: at most 100 million euros. Check the unit.",
        ));
    }
}

/// An amount in cents written the French way: "1 234,50 €".
#[must_use]
pub fn format_euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = usize::try_from(abs / 100).unwrap_or(usize::MAX);
    format!(
        "{sign}{},{:02} €",
        crate::text::group_digits(euros),
        abs % 100
    )
}

/// Reads a decimal number with at most two decimals ("1 500,50", "12.5",
/// "-3") as hundredths. `None` when it is not a number or overflows.
fn parse_hundredths(text: &str) -> Option<i64> {
    let t: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.replace(',', ".")),
        None => (false, t.replace(',', ".")),
    };
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
    {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let part: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let value = whole.checked_mul(100)?.checked_add(part)?;
    Some(if negative { -value } else { value })
}

/// Reads an amount in euros as people write it ("1 500", "1500,50 €",
/// "12.5") into cents. Negative amounts are read, for validation to refuse.
#[must_use]
pub fn parse_euros(text: &str) -> Option<i64> {
    parse_hundredths(text)
}

/// Reads a number of hours ("12", "1,5") into minutes.
#[must_use]
pub fn parse_hours(text: &str) -> Option<i64> {
    parse_hundredths(text)?.checked_mul(60).map(|m| m / 100)
}

impl PartnershipInput {
    /// Normalises and validates the input, returning every field error at
    /// once. Whether actors, contacts and communes exist is checked by the
    /// store.
    ///
    /// # Errors
    /// One `FieldError` per field at fault.
    #[allow(clippy::too_many_lines)]
    pub fn validate(&self) -> Result<ValidPartnership, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "Le titre du partenariat est obligatoire.",
                "The partnership's title is required.",
            ));
        }
        check_length(
            &mut errors,
            "title",
            "Le titre",
            "The title",
            Some(&title),
            NAME_MAX,
        );
        let summary = clean(self.summary.as_ref());
        check_length(
            &mut errors,
            "summary",
            "Le résumé",
            "The summary",
            summary.as_deref(),
            LONG_TEXT_MAX,
        );
        let mut territory: Vec<String> = Vec::new();
        for code in &self.territory {
            let code = code.trim().to_uppercase();
            if code.is_empty() || territory.contains(&code) {
                continue;
            }
            if !crate::identifiers::is_insee_code(&code) {
                errors.push(FieldError::new(
                    "territory",
                    format!("Le code commune « {code} » est invalide : choisissez la commune dans la liste."),
                    format!("Commune code \"{code}\" is invalid: pick the commune from the list."),
                ));
            }
            territory.push(code);
        }
        too_many(&mut errors, "territory", territory.len());

        // Parties: two or more, each actor once.
        let mut parties: Vec<Party> = Vec::new();
        for (i, p) in self.parties.iter().enumerate() {
            let actor_id = p.actor_id.trim().to_owned();
            if actor_id.is_empty() {
                errors.push(FieldError::new(
                    format!("parties.{i}.actorId"),
                    "Choisissez l'acteur de cette partie.",
                    "Choose this party's actor.",
                ));
                continue;
            }
            if parties.iter().any(|q| q.actor_id == actor_id) {
                errors.push(FieldError::new(
                    format!("parties.{i}.actorId"),
                    format!("L'acteur {actor_id} figure deux fois parmi les parties : gardez-le une seule fois, avec un seul rôle."),
                    format!("Actor {actor_id} is listed twice among the parties: keep it once, with one role."),
                ));
                continue;
            }
            parties.push(Party {
                actor_id,
                role: p.role,
                contact_id: clean(p.contact_id.as_ref()),
            });
        }
        if self.parties.len() < 2 {
            errors.push(FieldError::new(
                "parties",
                "Un partenariat réunit au moins deux parties : ajoutez-en une autre.",
                "A partnership brings together at least two parties: add another one.",
            ));
        }
        too_many(&mut errors, "parties", parties.len());
        let is_party = |id: &str| self.parties.iter().any(|p| p.actor_id.trim() == id);

        // Modes.
        let modes = &self.modes;
        let mut secondary: Vec<RameauMode> = Vec::new();
        for m in &modes.secondary {
            if Some(*m) == modes.primary {
                errors.push(FieldError::new(
                    "modes.secondary",
                    format!(
                        "« {} » est déjà le mode principal : ne le répétez pas en mode secondaire.",
                        m.label_fr()
                    ),
                    format!(
                        "\"{}\" is already the primary mode: do not repeat it as secondary.",
                        m.label_en()
                    ),
                ));
            } else if secondary.contains(m) {
                errors.push(FieldError::new(
                    "modes.secondary",
                    format!(
                        "Le mode secondaire « {} » est indiqué deux fois.",
                        m.label_fr()
                    ),
                    format!("Secondary mode \"{}\" is given twice.", m.label_en()),
                ));
            } else {
                secondary.push(*m);
            }
        }
        secondary.sort();
        if modes.primary.is_none() && !modes.secondary.is_empty() {
            errors.push(FieldError::new(
                "modes.primary",
                "Choisissez d'abord le mode principal, puis les modes secondaires.",
                "Choose the primary mode first, then the secondary ones.",
            ));
        }
        let mut mecenat_kinds = modes.mecenat_kinds.clone();
        mecenat_kinds.sort();
        mecenat_kinds.dedup();
        let modes = Modes {
            primary: modes.primary,
            secondary,
            mecenat_kinds,
        };
        if !modes.mecenat_kinds.is_empty() && !modes.has(RameauMode::Mecenat) {
            errors.push(FieldError::new(
                "modes.mecenatKinds",
                "La nature du don ne s'indique que pour un mécénat : ajoutez le mode mécénat ou retirez-la.",
                "The gift's nature applies to philanthropy only: add that mode or remove it.",
            ));
        }

        // Contributions and counterparts.
        too_many(&mut errors, "contributions", self.contributions.len());
        let mut contributions = Vec::new();
        for (i, c) in self.contributions.iter().enumerate() {
            let actor_id = c.actor_id.trim().to_owned();
            if !is_party(&actor_id) {
                errors.push(FieldError::new(
                    format!("contributions.{i}.actorId"),
                    "Cette contribution doit venir d'une des parties du partenariat.",
                    "This contribution must come from one of the partnership's parties.",
                ));
            }
            check_amount(
                &mut errors,
                &format!("contributions.{i}.valueCents"),
                c.value_cents,
            );
            if !(0..=MINUTES_MAX).contains(&c.minutes) {
                errors.push(FieldError::new(
                    format!("contributions.{i}.minutes"),
                    "Le temps donné doit être positif et de 100 000 heures au plus.",
                    "Time given must be positive and at most 100,000 hours.",
                ));
            }
            let description = clean(c.description.as_ref());
            check_length(
                &mut errors,
                &format!("contributions.{i}.description"),
                "La description",
                "The description",
                description.as_deref(),
                SHORT_TEXT_MAX,
            );
            contributions.push(Contribution {
                actor_id,
                kind: c.kind,
                value_cents: c.value_cents,
                minutes: c.minutes,
                description,
            });
        }
        too_many(&mut errors, "counterparts", self.counterparts.len());
        let mut counterparts = Vec::new();
        for (i, c) in self.counterparts.iter().enumerate() {
            let given_by = c.given_by.trim().to_owned();
            if !is_party(&given_by) {
                errors.push(FieldError::new(
                    format!("counterparts.{i}.givenBy"),
                    "Cette contrepartie doit être donnée par une des parties du partenariat.",
                    "This counterpart must be given by one of the partnership's parties.",
                ));
            }
            let description = c.description.trim().to_owned();
            if description.is_empty() {
                errors.push(FieldError::new(
                    format!("counterparts.{i}.description"),
                    "Décrivez la contrepartie en quelques mots.",
                    "Describe the counterpart in a few words.",
                ));
            }
            check_length(
                &mut errors,
                &format!("counterparts.{i}.description"),
                "La description",
                "The description",
                Some(&description),
                SHORT_TEXT_MAX,
            );
            check_amount(
                &mut errors,
                &format!("counterparts.{i}.valueCents"),
                c.value_cents,
            );
            counterparts.push(Counterpart {
                given_by,
                description,
                value_cents: c.value_cents,
            });
        }

        // Next actions.
        too_many(&mut errors, "nextActions", self.next_actions.len());
        let mut next_actions = Vec::new();
        for (i, a) in self.next_actions.iter().enumerate() {
            let text = a.text.trim().to_owned();
            if text.is_empty() {
                errors.push(FieldError::new(
                    format!("nextActions.{i}.text"),
                    "Décrivez l'action en quelques mots, ou retirez la ligne.",
                    "Describe the action in a few words, or remove the line.",
                ));
            }
            check_length(
                &mut errors,
                &format!("nextActions.{i}.text"),
                "L'action",
                "The action",
                Some(&text),
                SHORT_TEXT_MAX,
            );
            next_actions.push(NextAction {
                text,
                owner: clean(a.owner.as_ref()),
                due_on: a.due_on,
                done: a.done,
            });
        }

        let objectives = check_objectives(&mut errors, &self.objectives, &is_party);
        let indicators = check_indicators(&mut errors, &self.indicators);

        let facilitator = clean(self.facilitator.as_ref());
        check_length(
            &mut errors,
            "facilitator",
            "Le nom du facilitateur",
            "The facilitator's name",
            facilitator.as_deref(),
            NAME_MAX,
        );
        let origin = clean(self.origin.as_ref());
        check_length(
            &mut errors,
            "origin",
            "L'origine",
            "The origin",
            origin.as_deref(),
            SHORT_TEXT_MAX,
        );
        let mut seen = std::collections::HashSet::new();
        let mut tags = Vec::new();
        for tag in &self.tags {
            let t = tag.trim().trim_start_matches('#').trim();
            if t.is_empty() || !seen.insert(fold(t)) {
                continue;
            }
            check_length(&mut errors, "tags", "Un mot-clé", "A tag", Some(t), TAG_MAX);
            tags.push(t.to_owned());
        }
        if tags.len() > TAGS_MAX {
            errors.push(FieldError::new(
                "tags",
                format!("Trop de mots-clés : {}, {TAGS_MAX} au plus.", tags.len()),
                format!("Too many tags: {}, at most {TAGS_MAX}.", tags.len()),
            ));
        }
        errors.into_result(ValidPartnership {
            title,
            summary,
            territory,
            parties,
            modes,
            contributions,
            counterparts,
            facilitator,
            tags,
            origin,
            next_actions,
            objectives,
            indicators,
        })
    }
}

fn check_objectives(
    errors: &mut ValidationErrors,
    items: &[Objective],
    is_party: &dyn Fn(&str) -> bool,
) -> Vec<Objective> {
    too_many(errors, "objectives", items.len());
    let mut out = Vec::new();
    for (i, o) in items.iter().enumerate() {
        let text = o.text.trim().to_owned();
        if text.is_empty() {
            errors.push(FieldError::new(
                format!("objectives.{i}.text"),
                "Décrivez l'objectif en quelques mots, ou retirez la ligne.",
                "Describe the objective in a few words, or remove the line.",
            ));
        }
        check_length(
            errors,
            &format!("objectives.{i}.text"),
            "L'objectif",
            "The objective",
            Some(&text),
            SHORT_TEXT_MAX,
        );
        let actor_id = clean(o.actor_id.as_ref());
        if actor_id.as_deref().is_some_and(|id| !is_party(id)) {
            errors.push(FieldError::new(
                format!("objectives.{i}.actorId"),
                "Cet objectif doit être celui d'une des parties, ou celui du bien commun.",
                "This objective must belong to one of the parties, or to the common good.",
            ));
        }
        out.push(Objective {
            actor_id,
            axis: o.axis,
            text,
        });
    }
    out
}

fn check_number(errors: &mut ValidationErrors, field: &str, value: Option<f64>) {
    if value.is_some_and(|v| !v.is_finite() || v.abs() > INDICATOR_MAX) {
        errors.push(FieldError::new(
            field,
            "Valeur invraisemblable : écrivez un nombre (mille milliards au plus).",
            "Implausible value: write a number (at most a trillion).",
        ));
    }
}

fn check_indicators(errors: &mut ValidationErrors, items: &[Indicator]) -> Vec<Indicator> {
    too_many(errors, "indicators", items.len());
    let mut out = Vec::new();
    for (i, ind) in items.iter().enumerate() {
        let name = ind.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::new(
                format!("indicators.{i}.name"),
                "Nommez l'indicateur (par exemple : personnes en emploi à 3 mois).",
                "Name the indicator (for example: people in work at 3 months).",
            ));
        }
        check_length(
            errors,
            &format!("indicators.{i}.name"),
            "Le nom de l'indicateur",
            "The indicator's name",
            Some(&name),
            NAME_MAX,
        );
        check_number(errors, &format!("indicators.{i}.baseline"), ind.baseline);
        check_number(errors, &format!("indicators.{i}.target"), ind.target);
        if ind.target.is_some() && clean(ind.unit.as_ref()).is_none() {
            errors.push(FieldError::new(
                format!("indicators.{i}.unit"),
                format!(
                    "Précisez l'unité de la cible de « {name} » (par exemple : personnes, tonnes, %)."
                ),
                format!("Give the unit of the target of \"{name}\" (for example: people, tonnes, %)."),
            ));
        }
        too_many(
            errors,
            &format!("indicators.{i}.measures"),
            ind.measures.len(),
        );
        for (j, m) in ind.measures.iter().enumerate() {
            check_number(
                errors,
                &format!("indicators.{i}.measures.{j}.value"),
                Some(m.value),
            );
        }
        let mut measures = ind.measures.clone();
        measures.sort_by_key(|m| m.on);
        out.push(Indicator {
            name,
            unit: clean(ind.unit.as_ref()),
            baseline: ind.baseline,
            target: ind.target,
            measures,
        });
    }
    out
}

/// A partnership as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Partnership {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub territory: Vec<String>,
    pub parties: Vec<Party>,
    pub modes: Modes,
    pub contributions: Vec<Contribution>,
    pub counterparts: Vec<Counterpart>,
    pub facilitator: Option<String>,
    pub tags: Vec<String>,
    pub origin: Option<String>,
    pub next_actions: Vec<NextAction>,
    pub objectives: Vec<Objective>,
    pub indicators: Vec<Indicator>,
    pub stage: Stage,
    /// Why it was abandoned, while it is.
    pub abandon_reason: Option<String>,
    /// Oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Increases on every write; an edit sends the version it loaded.
    pub version: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// When it entered its current stage.
    #[ts(type = "string")]
    pub stage_changed_at: DateTime<Utc>,
    /// The partnership this one was spread from (« essaimé depuis »).
    #[serde(default)]
    pub spawned_from: Option<String>,
}

impl Partnership {
    /// The input that would recreate this partnership, for edit forms.
    #[must_use]
    pub fn to_input(&self) -> PartnershipInput {
        PartnershipInput {
            title: self.title.clone(),
            summary: self.summary.clone(),
            territory: self.territory.clone(),
            parties: self.parties.clone(),
            modes: self.modes.clone(),
            contributions: self.contributions.clone(),
            counterparts: self.counterparts.clone(),
            facilitator: self.facilitator.clone(),
            tags: self.tags.clone(),
            origin: self.origin.clone(),
            next_actions: self.next_actions.clone(),
            objectives: self.objectives.clone(),
            indicators: self.indicators.clone(),
        }
    }

    /// The totals of what each party brings and, for mécénat, the balance.
    #[must_use]
    pub fn totals(&self) -> Totals {
        totals(
            &self.parties,
            &self.modes,
            &self.contributions,
            &self.counterparts,
        )
    }
}

/// A party in a list, with its actor's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartySummary {
    pub actor_id: String,
    pub actor_name: String,
    pub role: PartyRole,
}

/// One row of the partnership list or board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipSummary {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    pub modes: Modes,
    pub parties: Vec<PartySummary>,
    pub facilitator: Option<String>,
    /// The earliest due date of the actions not done.
    #[ts(type = "string | null")]
    pub next_due_on: Option<NaiveDate>,
    /// What to do next: the earliest due action not done, else the first not done.
    pub next_action: Option<String>,
    /// When the partnership entered its current stage (for "days in stage").
    #[ts(type = "string")]
    pub stage_changed_at: DateTime<Utc>,
    pub tags: Vec<String>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// Filters of the partnership list. Empty filters match everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PartnershipQuery {
    /// Primary or secondary mode (primary only with `primary_only`).
    pub mode: Option<RameauMode>,
    /// `mode` matches the primary mode only (the overview counts by it).
    pub primary_only: bool,
    /// Only partnerships with no mode chosen yet.
    pub unclassified: bool,
    pub stage: Option<Stage>,
    /// A party's actor id.
    pub actor_id: Option<String>,
    /// A commune (INSEE code) of the territory.
    pub commune: Option<String>,
    /// A département code of the territory.
    pub departement: Option<String>,
    /// The facilitator in charge, as written (case and accents ignored).
    pub facilitator: Option<String>,
    pub tag: Option<String>,
    /// Only partnerships with an action not done past its due date.
    pub overdue: bool,
    /// Words of the title (accents and case ignored).
    pub text: Option<String>,
}

/// What one party brings in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartyTotal {
    pub actor_id: String,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    /// What this party gives back.
    #[ts(type = "number")]
    pub counterpart_cents: i64,
}

/// A mécénat's gift against its counterparts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MecenatBalance {
    /// What the parties other than beneficiaries bring.
    #[ts(type = "number")]
    pub gift_cents: i64,
    /// What is given back, by whoever.
    #[ts(type = "number")]
    pub counterpart_cents: i64,
    /// Counterparts over gift, in basis points (2500 = 25 %); `None` without a gift.
    pub ratio_basis_points: Option<u32>,
    /// The counterparts exceed 25 % of the gift.
    pub over_limit: bool,
    /// French warning when over the limit.
    pub warning: Option<String>,
    pub warning_en: Option<String>,
    /// An ESTIMATE: 60 % of the gift, before ceilings (0.5 % of turnover or
    /// 20,000 €) and carry-overs.
    #[ts(type = "number")]
    pub estimated_tax_reduction_cents: i64,
}

/// Sums of contributions per party and overall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Totals {
    /// In the order of the parties.
    pub per_party: Vec<PartyTotal>,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    #[ts(type = "number")]
    pub counterpart_cents: i64,
    /// Present when mécénat is among the modes.
    pub mecenat: Option<MecenatBalance>,
}

/// The balance of a gift and its counterparts: the ratio, a warning above
/// 25 %, and an estimated tax reduction of 60 % of the gift.
#[must_use]
pub fn mecenat_balance(gift_cents: i64, counterpart_cents: i64) -> MecenatBalance {
    let ratio_basis_points = (gift_cents > 0).then(|| {
        let bp = i128::from(counterpart_cents) * 10_000 / i128::from(gift_cents);
        u32::try_from(bp.max(0)).unwrap_or(u32::MAX)
    });
    let over_limit = gift_cents > 0
        && i128::from(counterpart_cents) * 100
            > i128::from(gift_cents) * i128::from(COUNTERPART_LIMIT_PERCENT);
    let (warning, warning_en) = if over_limit {
        let pct = ratio_basis_points.map_or(0, |bp| bp / 100);
        (
            Some(format!(
                "Les contreparties représentent {pct} % du don : au-delà de {COUNTERPART_LIMIT_PERCENT} %, \
                 le don risque de ne plus être reconnu comme du mécénat."
            )),
            Some(format!(
                "Counterparts are {pct} % of the gift: above {COUNTERPART_LIMIT_PERCENT} %, the gift may no \
                 longer count as mécénat."
            )),
        )
    } else {
        (None, None)
    };
    MecenatBalance {
        gift_cents,
        counterpart_cents,
        ratio_basis_points,
        over_limit,
        warning,
        warning_en,
        estimated_tax_reduction_cents: gift_cents.max(0) * TAX_REDUCTION_PERCENT / 100,
    }
}

/// Totals per party (in the parties' order) and overall; the mécénat balance
/// when mécénat is among the modes, the gift being what the parties other
/// than beneficiaries bring.
#[must_use]
pub fn totals(
    parties: &[Party],
    modes: &Modes,
    contributions: &[Contribution],
    counterparts: &[Counterpart],
) -> Totals {
    let per_party: Vec<PartyTotal> = parties
        .iter()
        .map(|p| PartyTotal {
            actor_id: p.actor_id.clone(),
            value_cents: contributions
                .iter()
                .filter(|c| c.actor_id == p.actor_id)
                .map(|c| c.value_cents)
                .sum(),
            minutes: contributions
                .iter()
                .filter(|c| c.actor_id == p.actor_id)
                .map(|c| c.minutes)
                .sum(),
            counterpart_cents: counterparts
                .iter()
                .filter(|c| c.given_by == p.actor_id)
                .map(|c| c.value_cents)
                .sum(),
        })
        .collect();
    let value_cents = contributions.iter().map(|c| c.value_cents).sum();
    let minutes = contributions.iter().map(|c| c.minutes).sum();
    let counterpart_cents = counterparts.iter().map(|c| c.value_cents).sum();
    let mecenat = modes.has(RameauMode::Mecenat).then(|| {
        let gift = parties
            .iter()
            .zip(&per_party)
            .filter(|(p, _)| p.role != PartyRole::Beneficiaire)
            .map(|(_, t)| t.value_cents)
            .sum();
        mecenat_balance(gift, counterpart_cents)
    });
    Totals {
        per_party,
        value_cents,
        minutes,
        counterpart_cents,
        mecenat,
    }
}

/// A partnership page: the partnership, its parties' names and its totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipDetail {
    pub partnership: Partnership,
    /// The parties with their actors' names, in order.
    pub parties: Vec<PartySummary>,
    pub totals: Totals,
    /// The partnership it was spread from, if it still exists.
    pub spawned_from: Option<PartnershipLink>,
    /// The live partnerships spread from it, oldest first.
    pub children: Vec<PartnershipLink>,
    /// The agreement's preamble and free clauses.
    pub agreement: crate::agreement::AgreementText,
    /// The limits its editor counts against.
    pub agreement_limits: crate::agreement::AgreementLimits,
}

/// Another partnership named on a page: essaimage origin or child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipLink {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    /// Its territory's communes, by name.
    pub places: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(id: &str, role: PartyRole) -> Party {
        Party {
            actor_id: id.into(),
            role,
            contact_id: None,
        }
    }

    fn input() -> PartnershipInput {
        PartnershipInput {
            title: "Billets de cirque".into(),
            parties: vec![
                party("a", PartyRole::Financeur),
                party("b", PartyRole::Beneficiaire),
            ],
            modes: Modes {
                primary: Some(RameauMode::Mecenat),
                ..Modes::default()
            },
            ..PartnershipInput::default()
        }
    }

    fn fields(i: &PartnershipInput) -> Vec<String> {
        i.validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    fn contribution(actor: &str, cents: i64, minutes: i64) -> Contribution {
        Contribution {
            actor_id: actor.into(),
            kind: ContributionKind::Numeraire,
            value_cents: cents,
            minutes,
            description: None,
        }
    }

    #[test]
    fn a_valid_input_is_trimmed() {
        let mut i = input();
        i.title = "  Billets  ".into();
        i.tags = vec!["#culture".into(), "Culture".into()];
        i.territory = vec!["67462".into(), " 67462".into(), "2a004".into()];
        let v = i.validate().unwrap();
        assert_eq!(v.title, "Billets");
        assert_eq!(v.tags, ["culture"]);
        assert_eq!(v.territory, ["67462", "2A004"]);
    }

    #[test]
    fn two_distinct_parties_are_required() {
        let mut i = input();
        i.parties.pop();
        assert_eq!(fields(&i), ["parties"]);
        let mut i = input();
        i.parties[1].actor_id = "a".into();
        let err = i.validate().unwrap_err();
        assert_eq!(err.0[0].field, "parties.1.actorId");
        assert!(err.0[0].message.contains("deux fois"));
    }

    #[test]
    fn modes_are_checked() {
        let mut i = input();
        i.modes.secondary = vec![
            RameauMode::Mecenat,
            RameauMode::InnovationSocietale,
            RameauMode::InnovationSocietale,
        ];
        assert_eq!(fields(&i), ["modes.secondary", "modes.secondary"]);
        let mut i = input();
        i.modes = Modes {
            primary: None,
            secondary: vec![RameauMode::Mecenat],
            mecenat_kinds: vec![],
        };
        assert_eq!(fields(&i), ["modes.primary"]);
        let mut i = input();
        i.modes = Modes {
            primary: Some(RameauMode::PratiquesResponsables),
            secondary: vec![RameauMode::InnovationSocietale, RameauMode::Mecenat],
            mecenat_kinds: vec![MecenatKind::Competences, MecenatKind::Financier],
        };
        let v = i.validate().unwrap();
        assert_eq!(
            v.modes.secondary,
            [RameauMode::Mecenat, RameauMode::InnovationSocietale]
        );
        assert_eq!(
            v.modes.mecenat_kinds,
            [MecenatKind::Financier, MecenatKind::Competences]
        );
        i.modes.secondary = vec![];
        assert_eq!(fields(&i), ["modes.mecenatKinds"]);
    }

    #[test]
    fn amounts_must_be_plausible_and_from_parties() {
        let mut i = input();
        i.contributions = vec![
            contribution("a", -1, 0),
            contribution("a", AMOUNT_MAX_CENTS + 1, 0),
            contribution("z", 100, -5),
            contribution("b", AMOUNT_MAX_CENTS, 60),
        ];
        i.counterparts = vec![Counterpart {
            given_by: "q".into(),
            description: " ".into(),
            value_cents: 5,
        }];
        assert_eq!(
            fields(&i),
            [
                "contributions.0.valueCents",
                "contributions.1.valueCents",
                "contributions.2.actorId",
                "contributions.2.minutes",
                "counterparts.0.givenBy",
                "counterparts.0.description"
            ]
        );
        let err = i.validate().unwrap_err();
        assert!(
            err.0[1].message.contains("100 millions"),
            "{}",
            err.0[1].message
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut i = input();
        i.title = " ".into();
        i.territory = vec!["6746".into()];
        i.next_actions = vec![NextAction {
            text: String::new(),
            owner: None,
            due_on: None,
            done: false,
        }];
        assert_eq!(fields(&i), ["title", "territory", "nextActions.0.text"]);
    }

    #[test]
    fn objectives_and_indicators_are_checked() {
        let mut i = input();
        i.objectives = vec![
            Objective {
                actor_id: Some("a".into()),
                axis: Some(ObjectiveAxis::RessourcesHumaines),
                text: "Engager les salariés".into(),
            },
            Objective {
                actor_id: None,
                axis: None,
                text: "Des enfants au spectacle".into(),
            },
        ];
        let on = |d: &str| d.parse::<NaiveDate>().unwrap();
        i.indicators = vec![Indicator {
            name: " Enfants présents ".into(),
            unit: Some("enfants".into()),
            baseline: Some(0.0),
            target: Some(200.0),
            measures: vec![
                Measure {
                    on: on("2026-06-01"),
                    value: 150.0,
                },
                Measure {
                    on: on("2026-03-01"),
                    value: 40.0,
                },
            ],
        }];
        let v = i.validate().unwrap();
        assert_eq!(v.indicators[0].name, "Enfants présents");
        assert_eq!(v.indicators[0].measures[0].value, 40.0);
        i.objectives[0].actor_id = Some("z".into());
        i.objectives[1].text = " ".into();
        i.indicators[0].target = Some(f64::NAN);
        i.indicators[0].measures[1].value = 1e15;
        assert_eq!(
            fields(&i),
            [
                "objectives.0.actorId",
                "objectives.1.text",
                "indicators.0.target",
                "indicators.0.measures.1.value"
            ]
        );
        // A target needs a unit; a name alone does not.
        let mut i = input();
        i.indicators = vec![Indicator {
            name: "Enfants".into(),
            unit: Some("  ".into()),
            baseline: None,
            target: Some(200.0),
            measures: Vec::new(),
        }];
        let err = i.validate().unwrap_err();
        assert_eq!(err.0[0].field, "indicators.0.unit");
        assert!(err.0[0]
            .message
            .contains("unité de la cible de « Enfants »"));
        i.indicators[0].target = None;
        assert!(i.validate().is_ok());
    }

    #[test]
    fn stage_rules() {
        use Stage::{Abandonne, Contractualisation, Exploration, Rencontre};
        assert!(Rencontre.check_move(Exploration, None).is_ok());
        assert!(Rencontre.check_move(Contractualisation, None).is_ok());
        assert!(Contractualisation.check_move(Exploration, None).is_ok());
        assert_eq!(
            Rencontre.check_move(Rencontre, None).unwrap_err().field,
            "stage"
        );
        assert_eq!(
            Exploration.check_move(Abandonne, None).unwrap_err().field,
            "reason"
        );
        assert_eq!(
            Exploration
                .check_move(Abandonne, Some("  "))
                .unwrap_err()
                .field,
            "reason"
        );
        assert!(Exploration
            .check_move(Abandonne, Some("Budget gelé"))
            .is_ok());
        assert!(Abandonne.check_move(Exploration, None).is_ok());
        assert!(Abandonne.check_move(Abandonne, Some("x")).is_err());
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.code()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.code().into())
            );
        }
        assert_eq!(Stage::parse("Mise en œuvre"), Some(Stage::MiseEnOeuvre));
        assert_eq!(Stage::parse("abandonné"), Some(Stage::Abandonne));
    }

    #[test]
    fn totals_per_party_and_overall() {
        let parties = [
            party("a", PartyRole::Financeur),
            party("b", PartyRole::Beneficiaire),
        ];
        let contributions = [
            contribution("a", 100_000, 0),
            contribution("a", 50_000, 120),
            contribution("b", 20_000, 600),
        ];
        let counterparts = [Counterpart {
            given_by: "b".into(),
            description: "Logo".into(),
            value_cents: 30_000,
        }];
        let modes = Modes {
            primary: Some(RameauMode::CooperationEconomique),
            ..Modes::default()
        };
        let t = totals(&parties, &modes, &contributions, &counterparts);
        assert_eq!(t.per_party[0].value_cents, 150_000);
        assert_eq!(t.per_party[0].minutes, 120);
        assert_eq!(t.per_party[1].value_cents, 20_000);
        assert_eq!(t.per_party[1].counterpart_cents, 30_000);
        assert_eq!(
            (t.value_cents, t.minutes, t.counterpart_cents),
            (170_000, 720, 30_000)
        );
        assert!(t.mecenat.is_none());
        let modes = Modes {
            primary: Some(RameauMode::CooperationEconomique),
            secondary: vec![RameauMode::Mecenat],
            mecenat_kinds: vec![],
        };
        let m = totals(&parties, &modes, &contributions, &counterparts)
            .mecenat
            .unwrap();
        assert_eq!(m.gift_cents, 150_000);
        assert_eq!(m.ratio_basis_points, Some(2_000));
        assert!(!m.over_limit);
        assert_eq!(m.estimated_tax_reduction_cents, 90_000);
    }

    #[test]
    fn counterpart_ratio_table() {
        // (gift, counterparts, basis points, over the 25 % limit)
        let cases = [
            (0, 0, None, false),
            (0, 500, None, false),
            (100_000, 0, Some(0), false),
            (100_000, 25_000, Some(2_500), false),
            (100_000, 25_001, Some(2_500), true),
            (100_000, 40_000, Some(4_000), true),
            (3, 1, Some(3_333), true),
            (
                AMOUNT_MAX_CENTS * 200,
                AMOUNT_MAX_CENTS * 200,
                Some(10_000),
                true,
            ),
        ];
        for (gift, back, bp, over) in cases {
            let m = mecenat_balance(gift, back);
            assert_eq!(m.ratio_basis_points, bp, "{gift} {back}");
            assert_eq!(m.over_limit, over, "{gift} {back}");
            assert_eq!(m.warning.is_some(), over);
        }
        let m = mecenat_balance(100_000, 40_000);
        assert_eq!(
            m.warning.unwrap(),
            "Les contreparties représentent 40 % du don : au-delà de 25 %, le don risque de ne plus être reconnu comme du mécénat."
        );
        assert_eq!(
            mecenat_balance(12_345, 0).estimated_tax_reduction_cents,
            7_407
        );
    }

    #[test]
    fn euros_and_hours_are_read_as_people_write_them() {
        let cases = [
            ("1500", Some(150_000)),
            ("1 500,50 €", Some(150_050)),
            ("12.5", Some(1_250)),
            (",5", Some(50)),
            ("-3", Some(-300)),
            ("1.234", None),
            ("douze", None),
            ("", None),
            ("99999999999999999999", None),
        ];
        for (text, cents) in cases {
            assert_eq!(parse_euros(text), cents, "{text}");
        }
        assert_eq!(parse_hours("1,5"), Some(90));
        assert_eq!(parse_hours("12"), Some(720));
    }

    #[test]
    fn euros_are_written_the_french_way() {
        assert_eq!(format_euros(12_345_678), "123\u{202f}456,78 €");
        assert_eq!(format_euros(5), "0,05 €");
    }

    #[test]
    fn timeline_entries_are_data_worded_in_french_on_demand() {
        let at: DateTime<Utc> = "2026-03-12T09:00:00Z".parse().unwrap();
        let modes = Modes {
            primary: Some(RameauMode::Mecenat),
            secondary: vec![RameauMode::CooperationEconomique],
            mecenat_kinds: vec![],
        };
        let entry = TimelineEntry {
            at,
            fact: TimelineFact::Stage {
                from: Stage::Rencontre,
                to: Stage::Exploration,
                reason: Some("premier rendez-vous".into()),
            },
        };
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"at": "2026-03-12T09:00:00Z", "kind": "stage", "from": "rencontre",
                "to": "exploration", "reason": "premier rendez-vous"})
        );
        assert_eq!(
            serde_json::from_value::<TimelineEntry>(json).unwrap(),
            entry
        );
        assert_eq!(
            entry.text_fr(),
            "Rencontre → Exploration : premier rendez-vous."
        );
        let read: TimelineEntry = serde_json::from_str(
            r#"{"at":"2026-03-12T09:00:00Z","kind":"abandoned","from":"preparation"}"#,
        )
        .unwrap();
        assert_eq!(read.text_fr(), "Abandonné à l'étape « Préparation ».");
        let cases = [
            (TimelineFact::Created { modes: modes.clone() }, "Partenariat créé (mode : mécénat + coopération économique)."),
            (TimelineFact::Created { modes: Modes::default() }, "Partenariat créé (mode : à préciser)."),
            (
                TimelineFact::EventLead { event: "Cafés RSE".into(), date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), round: 2, table: 5 },
                "Rencontre au speed-dating « Cafés RSE » (1er mars 2026), tour 2, table 5 : les deux ont coché « à revoir ».",
            ),
            (TimelineFact::Modes { from: Modes::default(), to: modes }, "Mode : à préciser → mécénat + coopération économique."),
            (TimelineFact::ActionDone { action: "Appeler".into(), owner: Some("Léa".into()) }, "Action faite : Appeler (Léa)"),
            (
                TimelineFact::Measure { indicator: "Élèves".into(), value: 12.5, unit: Some("h".into()), on: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap() },
                "Indicateur « Élèves » : 12,5 h au 02/04/2026.",
            ),
            (TimelineFact::Merged { entity: MergedEntity::Contact, from: "Jean K.".into(), into: "Jean Koenig".into() },
                "Doublons fusionnés : le contact « Jean K. » a été fusionné dans « Jean Koenig »."),
            (TimelineFact::Reopened { to: Stage::Exploration, reason: None }, "Rouvert à l'étape « Exploration »."),
        ];
        for (fact, text) in cases {
            assert_eq!(fact.text_fr(), text);
        }
    }

    #[test]
    fn every_typed_text_of_an_entry_can_be_scrubbed() {
        let mut fact = TimelineFact::ActionDone {
            action: "Appeler Léa".into(),
            owner: Some("Léa".into()),
        };
        for t in fact.texts_mut() {
            *t = t.replace("Léa", "[effacé]");
        }
        assert_eq!(fact.text_fr(), "Action faite : Appeler [effacé] ([effacé])");
    }
}
