//! Actors: the organisations of a territory (companies, associations, local
//! authorities…), what they need and what they can offer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::commune::{Commune, CommuneRef};
use crate::contact::ContactCard;
use crate::error::{FieldError, ValidationErrors};
use crate::identifiers::{normalize_rna, normalize_siren, normalize_siret, normalize_website};
use crate::register::{guess_regime, is_alsace_moselle, AssociationRegime, RegisterCourt};
use crate::text::{char_count, fold, group_digits};

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

/// One need or one offer: a category and what exactly, in the actor's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Resource {
    pub category: ResourceCategory,
    pub text: String,
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
}

fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Refuses a text longer than `max` characters, naming the field and the limit.
pub(crate) fn check_length(
    errors: &mut ValidationErrors,
    field: &str,
    label_fr: &str,
    label_en: &str,
    text: Option<&str>,
    max: usize,
) {
    let n = text.map_or(0, char_count);
    if n > max {
        errors.push(FieldError::new(
            field,
            format!(
                "{label_fr} est trop long : {} caractères, {} au plus.",
                group_digits(n),
                group_digits(max)
            ),
            format!("{label_en} is too long: {n} characters, at most {max}."),
        ));
    }
}

fn check_identifier(
    errors: &mut ValidationErrors,
    value: Option<&String>,
    normalize: fn(&str, &str) -> Result<String, FieldError>,
    field: &str,
) -> Option<String> {
    let raw = clean(value)?;
    match normalize(field, &raw) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn check_resources(
    errors: &mut ValidationErrors,
    field: &str,
    items: &[Resource],
) -> Vec<Resource> {
    if items.len() > RESOURCES_MAX {
        errors.push(FieldError::new(
            field,
            format!(
                "Trop d'éléments : {}, {RESOURCES_MAX} au plus.",
                items.len()
            ),
            format!("Too many items: {}, at most {RESOURCES_MAX}.", items.len()),
        ));
    }
    let mut out = Vec::new();
    for (i, r) in items.iter().enumerate() {
        let text = r.text.trim().to_owned();
        if text.is_empty() {
            errors.push(FieldError::new(
                format!("{field}.{i}.text"),
                "Décrivez-le en quelques mots, ou retirez la ligne.",
                "Describe it in a few words, or remove the line.",
            ));
        }
        check_length(
            errors,
            &format!("{field}.{i}.text"),
            "Ce texte",
            "This text",
            Some(&text),
            SHORT_TEXT_MAX,
        );
        out.push(Resource {
            category: r.category,
            text,
        });
    }
    out
}

impl ActorInput {
    /// Normalises and validates the input, returning every field error at once.
    ///
    /// # Errors
    /// One `FieldError` per field at fault.
    pub fn validate(&self) -> Result<ValidActor, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let kind = self.kind.unwrap_or_else(|| {
            errors.push(FieldError::new(
                "kind",
                "Choisissez le type d'acteur (entreprise, association, collectivité…).",
                "Choose the kind of actor (company, association, local authority…).",
            ));
            ActorKind::Autre
        });
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::new(
                "name",
                "Le nom est obligatoire.",
                "The name is required.",
            ));
        }
        check_length(
            &mut errors,
            "name",
            "Le nom",
            "The name",
            Some(&name),
            NAME_MAX,
        );
        let siren = check_identifier(&mut errors, self.siren.as_ref(), normalize_siren, "siren");
        let siret = check_identifier(&mut errors, self.siret.as_ref(), normalize_siret, "siret");
        if let (Some(siren), Some(siret)) = (&siren, &siret) {
            if !siret.starts_with(siren.as_str()) {
                errors.push(
                    FieldError::new(
                        "siret",
                        "Le SIRET doit commencer par le SIREN de l'acteur (ses 9 premiers chiffres).",
                        "The SIRET must start with the actor's SIREN (its first 9 digits).",
                    )
                    .depending_on(&["siren"]),
                );
            }
        }
        let rna = check_identifier(&mut errors, self.rna.as_ref(), normalize_rna, "rna");
        let register = self.check_register(&mut errors, kind, rna.is_some());
        let website = check_identifier(
            &mut errors,
            self.website.as_ref(),
            normalize_website,
            "website",
        );
        let commune_insee = clean(self.commune_insee.as_ref());
        if let Some(code) = &commune_insee {
            if !crate::identifiers::is_insee_code(code) {
                errors.push(FieldError::new(
                    "communeInsee",
                    format!("Le code commune « {code} » est invalide : choisissez la commune dans la liste."),
                    format!("Commune code \"{code}\" is invalid: pick the commune from the list."),
                ));
            }
        }
        let address = clean(self.address.as_ref());
        check_length(
            &mut errors,
            "address",
            "L'adresse",
            "The address",
            address.as_deref(),
            SHORT_TEXT_MAX,
        );
        let sector = clean(self.sector.as_ref());
        check_length(
            &mut errors,
            "sector",
            "Le secteur",
            "The sector",
            sector.as_deref(),
            SHORT_TEXT_MAX,
        );
        let stakes = clean(self.stakes.as_ref());
        check_length(
            &mut errors,
            "stakes",
            "Le texte des enjeux",
            "The stakes",
            stakes.as_deref(),
            LONG_TEXT_MAX,
        );
        let notes = clean(self.notes.as_ref());
        check_length(
            &mut errors,
            "notes",
            "Le texte des notes",
            "The notes",
            notes.as_deref(),
            LONG_TEXT_MAX,
        );
        let needs = check_resources(&mut errors, "needs", &self.needs);
        let offers = check_resources(&mut errors, "offers", &self.offers);
        let tags = normalize_tags(&mut errors, &self.tags);
        errors.into_result(ValidActor {
            kind,
            name,
            siren,
            siret,
            rna,
            legal_regime: register.regime,
            legal_regime_chosen: register.chosen,
            register_court: register.court,
            register_volume: register.volume,
            register_folio: register.folio,
            register_number: register.number,
            address,
            commune_insee,
            sector,
            size_band: self.size_band,
            website,
            needs,
            offers,
            stakes,
            tags,
            notes,
        })
    }
}

/// An association's regime and register entry, as validated.
struct Register {
    regime: Option<AssociationRegime>,
    chosen: bool,
    court: Option<RegisterCourt>,
    volume: Option<String>,
    folio: Option<String>,
    number: Option<String>,
}

/// « le Bas-Rhin », for messages about a seat in Alsace-Moselle.
fn departement_fr(commune_insee: &str) -> &'static str {
    match commune_insee.get(..2) {
        Some("57") => "la Moselle",
        Some("67") => "le Bas-Rhin",
        _ => "le Haut-Rhin",
    }
}

impl ActorInput {
    /// The regime of an association (chosen, or guessed from its seat) and
    /// its entry in a court's register; a droit-local association has no RNA
    /// number, a loi-1901 one no register entry, and other kinds neither a
    /// regime nor a register entry.
    fn check_register(
        &self,
        errors: &mut ValidationErrors,
        kind: ActorKind,
        has_rna: bool,
    ) -> Register {
        let volume = clean(self.register_volume.as_ref());
        let folio = clean(self.register_folio.as_ref());
        let number = clean(self.register_number.as_ref());
        for (field, label_fr, label_en, value, max) in [
            (
                "registerVolume",
                "Le volume",
                "The volume",
                &volume,
                REGISTER_PART_MAX,
            ),
            (
                "registerFolio",
                "Le folio",
                "The folio",
                &folio,
                REGISTER_PART_MAX,
            ),
            (
                "registerNumber",
                "Le numéro au registre",
                "The register number",
                &number,
                REGISTER_NUMBER_MAX,
            ),
        ] {
            check_length(errors, field, label_fr, label_en, value.as_deref(), max);
        }
        let court = self.register_court;
        let has_entry = court.is_some() || volume.is_some() || folio.is_some() || number.is_some();
        // The first register field filled in, for errors about the entry.
        let entry_field = if court.is_some() {
            "registerCourt"
        } else if volume.is_some() {
            "registerVolume"
        } else if folio.is_some() {
            "registerFolio"
        } else {
            "registerNumber"
        };
        let seat = clean(self.commune_insee.as_ref());
        if kind != ActorKind::Association {
            if self.legal_regime.is_some() {
                errors.push(FieldError::new(
                    "legalRegime",
                    "Le régime juridique (loi 1901 ou droit local) ne concerne que les associations : choisissez le type « Association » ou retirez le régime.",
                    "The legal regime (1901 law or local law) only concerns associations: choose the kind \"Association\" or remove the regime.",
                ));
            }
            if has_entry {
                errors.push(FieldError::new(
                    entry_field,
                    "Seules les associations sont inscrites au registre des associations d'un tribunal : choisissez le type « Association » ou videz ces champs.",
                    "Only associations are inscribed at a court's register of associations: choose the kind \"Association\" or clear these fields.",
                ));
            }
            return Register {
                regime: None,
                chosen: false,
                court: None,
                volume: None,
                folio: None,
                number: None,
            };
        }
        let chosen = self.legal_regime.is_some();
        let regime = self
            .legal_regime
            .or_else(|| guess_regime(seat.as_deref(), has_rna, has_entry));
        match regime {
            Some(AssociationRegime::DroitLocal) => {
                if has_rna {
                    let (fr, en) = match seat.as_deref().filter(|s| is_alsace_moselle(s) && !chosen) {
                        Some(s) => (
                            format!(
                                "Le siège de l'association est dans {} : elle relève du droit local d'Alsace-Moselle, est inscrite au registre des associations du tribunal judiciaire et n'a pas de numéro RNA. Retirez ce numéro et indiquez son inscription au registre, ou choisissez le régime « loi 1901 » si elle n'a pas encore transféré son siège.",
                                departement_fr(s)
                            ),
                            "The association's seat is in Alsace-Moselle: it falls under local law, is inscribed at the court's register of associations and has no RNA number. Remove this number and give its register entry, or choose the regime \"1901 law\" if it has not moved its seat yet.".to_owned(),
                        ),
                        None => (
                            "Une association de droit local est inscrite au registre des associations d'un tribunal judiciaire et n'a pas de numéro RNA : retirez ce numéro, ou choisissez le régime « loi 1901 ».".to_owned(),
                            "A local-law association is inscribed at a court's register of associations and has no RNA number: remove this number, or choose the regime \"1901 law\".".to_owned(),
                        ),
                    };
                    errors.push(FieldError::new("rna", fr, en));
                }
                match (&volume, &folio) {
                    (Some(_), None) => errors.push(FieldError::new(
                        "registerFolio",
                        "Indiquez aussi le folio de l'inscription au registre.",
                        "Give the folio of the register entry too.",
                    )),
                    (None, Some(_)) => errors.push(FieldError::new(
                        "registerVolume",
                        "Indiquez aussi le volume de l'inscription au registre.",
                        "Give the volume of the register entry too.",
                    )),
                    _ => {}
                }
                if let (Some(c), Some(s)) = (court, seat.as_deref()) {
                    if is_alsace_moselle(s)
                        && !RegisterCourt::for_departement(s.get(..2)).contains(&c)
                    {
                        let courts: Vec<&str> = RegisterCourt::for_departement(s.get(..2))
                            .iter()
                            .map(|c| c.city())
                            .collect();
                        errors.push(FieldError::new(
                            "registerCourt",
                            format!(
                                "Le tribunal judiciaire de {} ne tient pas le registre des associations dont le siège est dans {} : choisissez parmi {}.",
                                c.city(),
                                departement_fr(s),
                                courts.join(", ")
                            ),
                            format!(
                                "The court of {} does not keep the register of associations seated in this département: choose among {}.",
                                c.city(),
                                courts.join(", ")
                            ),
                        ));
                    }
                }
            }
            Some(AssociationRegime::Loi1901) if has_entry => {
                errors.push(FieldError::new(
                    entry_field,
                    "Une association loi 1901 est déclarée en préfecture, pas inscrite au registre d'un tribunal : videz ces champs, ou choisissez le régime « droit local (Alsace-Moselle) ».",
                    "A 1901-law association is declared at a préfecture, not inscribed at a court's register: clear these fields, or choose the regime \"local law (Alsace-Moselle)\".",
                ));
            }
            _ => {}
        }
        Register {
            regime,
            chosen,
            court,
            volume,
            folio,
            number,
        }
    }
}

/// Trims tags, drops empty ones and duplicates (ignoring case and accents),
/// keeping the first spelling.
fn normalize_tags(errors: &mut ValidationErrors, tags: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for tag in tags {
        let t = tag.trim().trim_start_matches('#').trim();
        if t.is_empty() || !seen.insert(fold(t)) {
            continue;
        }
        check_length(errors, "tags", "Un mot-clé", "A tag", Some(t), TAG_MAX);
        out.push(t.to_owned());
    }
    if out.len() > TAGS_MAX {
        errors.push(FieldError::new(
            "tags",
            format!("Trop de mots-clés : {}, {TAGS_MAX} au plus.", out.len()),
            format!("Too many tags: {}, at most {TAGS_MAX}.", out.len()),
        ));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> ActorInput {
        ActorInput {
            kind: Some(ActorKind::Association),
            name: name.into(),
            ..ActorInput::default()
        }
    }

    fn fields(r: Result<ValidActor, ValidationErrors>) -> Vec<String> {
        r.unwrap_err().0.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_name_is_required() {
        let err = input("   ").validate().unwrap_err();
        assert_eq!(err.0[0].field, "name");
        assert_eq!(err.0[0].message, "Le nom est obligatoire.");
    }

    #[test]
    fn a_too_long_name_states_the_limit() {
        let err = input(&"é".repeat(10_000)).validate().unwrap_err();
        assert_eq!(
            err.0[0].message,
            "Le nom est trop long : 10\u{202f}000 caractères, 200 au plus."
        );
    }

    #[test]
    fn long_notes_are_accepted() {
        let mut i = input("Emmaüs");
        i.notes = Some("x".repeat(10_000));
        assert!(i.validate().is_ok());
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut i = input("");
        i.kind = None;
        i.siren = Some("123456789".into());
        i.rna = Some("X1".into());
        i.website = Some("pas un site".into());
        assert_eq!(
            fields(i.validate()),
            ["kind", "name", "siren", "rna", "website"]
        );
    }

    #[test]
    fn an_empty_need_names_its_row() {
        let mut i = input("Repair café");
        i.needs = vec![
            Resource {
                category: ResourceCategory::Locaux,
                text: "Une salle".into(),
            },
            Resource {
                category: ResourceCategory::Materiel,
                text: "  ".into(),
            },
        ];
        assert_eq!(fields(i.validate()), ["needs.1.text"]);
    }

    #[test]
    fn siret_must_extend_the_siren() {
        let mut i = input("Danone");
        i.siren = Some("552 032 534".into());
        i.siret = Some("552 049 447 00013".into());
        assert!(fields(i.validate()).contains(&"siret".to_owned()));
        // A valid SIRET of another company.
        i.siret = Some("850 255 068 00031".into());
        let errors = i.validate().unwrap_err().0;
        let siret = errors.iter().find(|e| e.field == "siret").unwrap();
        assert_eq!(
            siret.depends_on.as_deref(),
            Some(&["siren".to_owned()][..]),
            "a change of SIREN shows it next to the SIRET"
        );
    }

    #[test]
    fn texts_are_stored_as_typed_after_trimming() {
        let mut i = input("  Café « Le Zèbre » 🦓 مرحبا ');DROP TABLE actors;--  ");
        i.tags = vec![
            "#insertion".into(),
            "Insertion".into(),
            " ".into(),
            "numérique".into(),
        ];
        let v = i.validate().unwrap();
        assert_eq!(v.name, "Café « Le Zèbre » 🦓 مرحبا ');DROP TABLE actors;--");
        assert_eq!(v.tags, ["insertion", "numérique"]);
    }

    #[test]
    fn kinds_parse_from_words_people_write() {
        assert_eq!(
            ActorKind::parse("Collectivité"),
            Some(ActorKind::Collectivite)
        );
        assert_eq!(
            ActorKind::parse("établissement public"),
            Some(ActorKind::EtablissementPublic)
        );
        assert_eq!(ActorKind::parse("company"), Some(ActorKind::Entreprise));
        assert_eq!(ActorKind::parse("banane"), None);
        for k in ActorKind::ALL {
            assert_eq!(ActorKind::parse(k.code()), Some(k));
        }
    }

    fn association_in(insee: Option<&str>) -> ActorInput {
        ActorInput {
            commune_insee: insee.map(str::to_owned),
            ..input("Les Cigognes")
        }
    }

    #[test]
    fn an_alsatian_association_is_of_droit_local_by_default() {
        let v = association_in(Some("68066")).validate().unwrap();
        assert_eq!(v.legal_regime, Some(AssociationRegime::DroitLocal));
        assert!(!v.legal_regime_chosen);
        let v = association_in(Some("75056")).validate().unwrap();
        assert_eq!(v.legal_regime, Some(AssociationRegime::Loi1901));
        assert_eq!(association_in(None).validate().unwrap().legal_regime, None);
        // Other kinds have no regime.
        let mut company = association_in(Some("68066"));
        company.kind = Some(ActorKind::Entreprise);
        assert_eq!(company.validate().unwrap().legal_regime, None);
    }

    #[test]
    fn a_droit_local_association_has_a_register_entry_and_no_rna() {
        let mut i = association_in(Some("67462"));
        i.register_court = Some(RegisterCourt::Colmar);
        i.register_volume = Some(" 42 ".into());
        i.register_folio = Some("17".into());
        let v = i.validate().unwrap();
        assert_eq!(v.register_court, Some(RegisterCourt::Colmar));
        assert_eq!(v.register_volume.as_deref(), Some("42"));
        i.rna = Some("W672001234".into());
        let err = i.validate().unwrap_err();
        assert_eq!(err.0[0].field, "rna");
        assert!(
            err.0[0].message.starts_with(
                "Le siège de l'association est dans le Bas-Rhin : elle relève du droit local"
            ),
            "{}",
            err.0[0].message
        );
        // The facilitator can say it is still a 1901 association…
        i.legal_regime = Some(AssociationRegime::Loi1901);
        let err = i.validate().unwrap_err();
        assert_eq!(fields(Err(err)), ["registerCourt"]);
        i.register_court = None;
        i.register_volume = None;
        i.register_folio = None;
        let v = i.validate().unwrap();
        assert_eq!(v.legal_regime, Some(AssociationRegime::Loi1901));
        assert!(v.legal_regime_chosen);
        assert_eq!(v.rna.as_deref(), Some("W672001234"));
    }

    #[test]
    fn register_entries_are_checked() {
        let mut i = association_in(Some("67482"));
        i.register_volume = Some("42".into());
        assert_eq!(fields(i.validate()), ["registerFolio"]);
        i.register_volume = None;
        i.register_folio = Some("17".into());
        assert_eq!(fields(i.validate()), ["registerVolume"]);
        i.register_folio = None;
        i.register_court = Some(RegisterCourt::Metz);
        let err = i.validate().unwrap_err();
        assert_eq!(err.0[0].field, "registerCourt");
        assert!(err.0[0]
            .message
            .contains("Strasbourg, Saverne, Colmar, Mulhouse"));
        i.register_court = None;
        i.register_number = Some("x".repeat(41));
        assert_eq!(fields(i.validate()), ["registerNumber"]);
        // Only associations have a register entry or a regime.
        let mut company = association_in(Some("67482"));
        company.kind = Some(ActorKind::Fondation);
        company.register_court = Some(RegisterCourt::Strasbourg);
        company.legal_regime = Some(AssociationRegime::DroitLocal);
        assert_eq!(fields(company.validate()), ["legalRegime", "registerCourt"]);
    }

    #[test]
    fn a_chosen_regime_round_trips_and_a_guessed_one_follows_the_seat() {
        let v = association_in(Some("68066")).validate().unwrap();
        let actor = Actor {
            id: "a".into(),
            kind: v.kind,
            name: v.name,
            siren: None,
            siret: None,
            rna: None,
            legal_regime: v.legal_regime,
            legal_regime_chosen: v.legal_regime_chosen,
            register_court: None,
            register_volume: None,
            register_folio: None,
            register_number: None,
            address: None,
            commune: Some(CommuneRef {
                insee: "68066".into(),
                name: "Colmar".into(),
            }),
            sector: None,
            size_band: None,
            website: None,
            needs: vec![],
            offers: vec![],
            stakes: None,
            tags: vec![],
            notes: None,
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        };
        let mut moved = actor.to_input();
        assert_eq!(moved.legal_regime, None);
        moved.commune_insee = Some("75056".into());
        assert_eq!(
            moved.validate().unwrap().legal_regime,
            Some(AssociationRegime::Loi1901)
        );
        let chosen = Actor {
            legal_regime: Some(AssociationRegime::Loi1901),
            legal_regime_chosen: true,
            ..actor
        };
        assert_eq!(
            chosen.to_input().legal_regime,
            Some(AssociationRegime::Loi1901)
        );
    }
}
