//! Importing a table of actors (and the person to reach at each): which
//! column holds which field, guessed from usual French and English headers
//! or chosen by the person, and how one row's cells become an actor input
//! and an optional contact input. Pure: reading files, looking communes up
//! and writing rows belong to the callers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{ActorInput, ActorKind, Resource, ResourceCategory, SizeBand};
use crate::contact::ContactInput;
use crate::error::FieldError;
use crate::register::{AssociationRegime, RegisterCourt};
use crate::text::fold;

/// A field a column can be imported into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportField {
    Name,
    Kind,
    Siren,
    Siret,
    Rna,
    /// Loi 1901 or droit local (associations).
    LegalRegime,
    /// The court whose register of associations holds the association.
    RegisterCourt,
    RegisterVolume,
    RegisterFolio,
    /// The number in the electronic register of Alsace-Moselle.
    RegisterNumber,
    Address,
    PostalCode,
    Commune,
    CommuneInsee,
    Sector,
    SizeBand,
    Website,
    Needs,
    Offers,
    Stakes,
    Tags,
    Notes,
    ContactFirstName,
    ContactLastName,
    /// « Marie Dupont » in one cell.
    ContactFullName,
    ContactRole,
    ContactEmail,
    ContactPhone,
    ContactInformedOn,
}

impl ImportField {
    pub const ALL: [Self; 29] = [
        Self::Name,
        Self::Kind,
        Self::Siren,
        Self::Siret,
        Self::Rna,
        Self::LegalRegime,
        Self::RegisterCourt,
        Self::RegisterVolume,
        Self::RegisterFolio,
        Self::RegisterNumber,
        Self::Address,
        Self::PostalCode,
        Self::Commune,
        Self::CommuneInsee,
        Self::Sector,
        Self::SizeBand,
        Self::Website,
        Self::Needs,
        Self::Offers,
        Self::Stakes,
        Self::Tags,
        Self::Notes,
        Self::ContactFirstName,
        Self::ContactLastName,
        Self::ContactFullName,
        Self::ContactRole,
        Self::ContactEmail,
        Self::ContactPhone,
        Self::ContactInformedOn,
    ];

    /// The code used in mapping files and the window (`contactEmail`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Kind => "kind",
            Self::Siren => "siren",
            Self::Siret => "siret",
            Self::Rna => "rna",
            Self::LegalRegime => "legalRegime",
            Self::RegisterCourt => "registerCourt",
            Self::RegisterVolume => "registerVolume",
            Self::RegisterFolio => "registerFolio",
            Self::RegisterNumber => "registerNumber",
            Self::Address => "address",
            Self::PostalCode => "postalCode",
            Self::Commune => "commune",
            Self::CommuneInsee => "communeInsee",
            Self::Sector => "sector",
            Self::SizeBand => "sizeBand",
            Self::Website => "website",
            Self::Needs => "needs",
            Self::Offers => "offers",
            Self::Stakes => "stakes",
            Self::Tags => "tags",
            Self::Notes => "notes",
            Self::ContactFirstName => "contactFirstName",
            Self::ContactLastName => "contactLastName",
            Self::ContactFullName => "contactFullName",
            Self::ContactRole => "contactRole",
            Self::ContactEmail => "contactEmail",
            Self::ContactPhone => "contactPhone",
            Self::ContactInformedOn => "contactInformedOn",
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code.trim())
    }

    /// What the window shows in the mapping list.
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Name => "Nom de l'organisation",
            Self::Kind => "Type d'acteur",
            Self::Siren => "SIREN",
            Self::Siret => "SIRET",
            Self::Rna => "RNA",
            Self::LegalRegime => "Régime de l'association (loi 1901, droit local)",
            Self::RegisterCourt => "Tribunal du registre des associations",
            Self::RegisterVolume => "Registre : volume",
            Self::RegisterFolio => "Registre : folio",
            Self::RegisterNumber => "Numéro au registre des associations (AMALIA)",
            Self::Address => "Adresse",
            Self::PostalCode => "Code postal",
            Self::Commune => "Commune",
            Self::CommuneInsee => "Code INSEE de la commune",
            Self::Sector => "Secteur",
            Self::SizeBand => "Taille",
            Self::Website => "Site web",
            Self::Needs => "Besoins",
            Self::Offers => "Offres",
            Self::Stakes => "Enjeux",
            Self::Tags => "Étiquettes",
            Self::Notes => "Notes",
            Self::ContactFirstName => "Contact : prénom",
            Self::ContactLastName => "Contact : nom",
            Self::ContactFullName => "Contact : prénom et nom",
            Self::ContactRole => "Contact : fonction",
            Self::ContactEmail => "Contact : e-mail",
            Self::ContactPhone => "Contact : téléphone",
            Self::ContactInformedOn => "Contact : informé(e) le",
        }
    }

    /// Fields whose cells from several columns add up (tags, needs…);
    /// the others take one column at most.
    #[must_use]
    pub fn accumulates(self) -> bool {
        matches!(self, Self::Needs | Self::Offers | Self::Tags | Self::Notes)
    }

    /// The field name the actor or contact validation reports errors under.
    #[must_use]
    pub fn input_field(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Kind => "kind",
            Self::Siren => "siren",
            Self::Siret => "siret",
            Self::Rna => "rna",
            Self::LegalRegime => "legalRegime",
            Self::RegisterCourt => "registerCourt",
            Self::RegisterVolume => "registerVolume",
            Self::RegisterFolio => "registerFolio",
            Self::RegisterNumber => "registerNumber",
            Self::Address => "address",
            Self::PostalCode | Self::Commune | Self::CommuneInsee => "communeInsee",
            Self::Sector => "sector",
            Self::SizeBand => "sizeBand",
            Self::Website => "website",
            Self::Needs => "needs",
            Self::Offers => "offers",
            Self::Stakes => "stakes",
            Self::Tags => "tags",
            Self::Notes => "notes",
            Self::ContactFirstName => "contact.firstName",
            Self::ContactLastName | Self::ContactFullName => "contact.lastName",
            Self::ContactRole => "contact.role",
            Self::ContactEmail => "contact.email",
            Self::ContactPhone => "contact.phone",
            Self::ContactInformedOn => "contact.informedOn",
        }
    }
}

/// The usual headers of each field, folded (no accents, lower case) and
/// with punctuation turned into spaces.
const HEADERS: &[(ImportField, &[&str])] = &[
    (
        ImportField::Name,
        &[
            "nom",
            "name",
            "raison sociale",
            "denomination",
            "organisation",
            "organization",
            "structure",
            "nom de la structure",
            "nom de l organisation",
            "nom de l acteur",
            "acteur",
            "entreprise",
            "societe",
            "company",
            "company name",
            "association",
            "nom structure",
            "organisme",
            "etablissement",
            "raison sociale nom",
        ],
    ),
    (
        ImportField::Kind,
        &[
            "type",
            "kind",
            "type d acteur",
            "type de structure",
            "categorie",
            "statut",
            "nature",
            "forme",
        ],
    ),
    (
        ImportField::Siren,
        &["siren", "n siren", "numero siren", "no siren"],
    ),
    (
        ImportField::Siret,
        &["siret", "n siret", "numero siret", "no siret"],
    ),
    (
        ImportField::Rna,
        &[
            "rna",
            "n rna",
            "numero rna",
            "numero waldec",
            "waldec",
            "rna waldec",
        ],
    ),
    (
        ImportField::LegalRegime,
        &[
            "regime",
            "regime juridique",
            "regime de l association",
            "legal regime",
            "droit local",
        ],
    ),
    (
        ImportField::RegisterCourt,
        &[
            "tribunal",
            "tribunal judiciaire",
            "tribunal d instance",
            "tribunal du registre",
            "registre tribunal",
            "tribunal d inscription",
            "court",
        ],
    ),
    (
        ImportField::RegisterVolume,
        &["volume", "vol", "registre volume", "volume du registre"],
    ),
    (
        ImportField::RegisterFolio,
        &["folio", "registre folio", "folio du registre"],
    ),
    (
        ImportField::RegisterNumber,
        &[
            "amalia",
            "numero amalia",
            "n amalia",
            "numero au registre",
            "numero registre",
            "n registre",
            "numero d inscription",
            "n d inscription",
            "numero d inscription au registre",
            "register number",
        ],
    ),
    (
        ImportField::Address,
        &[
            "adresse",
            "address",
            "rue",
            "adresse postale",
            "street",
            "voie",
        ],
    ),
    (
        ImportField::PostalCode,
        &[
            "code postal",
            "cp",
            "postal code",
            "zip",
            "zip code",
            "postcode",
        ],
    ),
    (
        ImportField::Commune,
        &[
            "commune",
            "ville",
            "city",
            "town",
            "localite",
            "municipalite",
        ],
    ),
    (
        ImportField::CommuneInsee,
        &[
            "code insee",
            "insee",
            "code commune",
            "cog",
            "code insee commune",
        ],
    ),
    (
        ImportField::Sector,
        &[
            "secteur",
            "sector",
            "secteur d activite",
            "activite",
            "domaine",
            "industry",
            "code naf",
            "naf",
        ],
    ),
    (
        ImportField::SizeBand,
        &[
            "taille",
            "size",
            "effectif",
            "tranche d effectif",
            "headcount",
        ],
    ),
    (
        ImportField::Website,
        &["site web", "site", "site internet", "website", "web", "url"],
    ),
    (
        ImportField::Needs,
        &[
            "besoins",
            "besoin",
            "needs",
            "need",
            "recherche",
            "demandes",
        ],
    ),
    (
        ImportField::Offers,
        &[
            "offres",
            "offre",
            "offers",
            "offer",
            "propose",
            "ressources",
            "ressources proposees",
        ],
    ),
    (
        ImportField::Stakes,
        &["enjeux", "enjeu", "stakes", "projet", "projets"],
    ),
    (
        ImportField::Tags,
        &[
            "tags",
            "tag",
            "etiquettes",
            "etiquette",
            "mots cles",
            "mot cle",
            "keywords",
            "labels",
        ],
    ),
    (
        ImportField::Notes,
        &[
            "notes",
            "note",
            "commentaire",
            "commentaires",
            "remarques",
            "comments",
            "observations",
        ],
    ),
    (
        ImportField::ContactFirstName,
        &[
            "prenom",
            "first name",
            "firstname",
            "given name",
            "prenom du contact",
            "contact prenom",
        ],
    ),
    (
        ImportField::ContactLastName,
        &[
            "nom du contact",
            "last name",
            "lastname",
            "surname",
            "family name",
            "nom de famille",
            "contact nom",
        ],
    ),
    (
        ImportField::ContactFullName,
        &[
            "contact",
            "interlocuteur",
            "personne",
            "referent",
            "nom et prenom",
            "prenom nom",
            "nom prenom",
            "full name",
            "contact name",
            "participant",
        ],
    ),
    (
        ImportField::ContactRole,
        &[
            "fonction",
            "role",
            "poste",
            "title",
            "job title",
            "position",
            "qualite",
        ],
    ),
    (
        ImportField::ContactEmail,
        &[
            "e mail",
            "email",
            "mail",
            "courriel",
            "adresse e mail",
            "adresse email",
            "adresse mail",
            "email address",
            "mel",
        ],
    ),
    (
        ImportField::ContactPhone,
        &[
            "telephone",
            "tel",
            "phone",
            "portable",
            "mobile",
            "numero de telephone",
            "phone number",
            "tel portable",
            "telephone fixe",
        ],
    ),
    (
        ImportField::ContactInformedOn,
        &[
            "informe le",
            "date d information",
            "informed on",
            "rgpd informe le",
            "date rgpd",
        ],
    ),
];

/// A header as compared: folded, punctuation as spaces, spaces collapsed,
/// a trailing « (s) » or « : » dropped.
#[must_use]
pub fn header_key(header: &str) -> String {
    let folded = fold(header);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header usually means, or `None` when it is not recognised.
#[must_use]
pub fn guess_field(header: &str) -> Option<ImportField> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(field, _)| *field)
}

/// Guesses the field of every column. When two columns claim a field that
/// takes one column, the first keeps it; but a lone « Nom » next to a
/// « Prénom » is the person's last name, and the organisation's name is
/// then a column such as « Organisation » or « Structure ».
#[must_use]
pub fn guess_mapping(headers: &[String]) -> Vec<Option<ImportField>> {
    let mut fields: Vec<Option<ImportField>> = headers.iter().map(|h| guess_field(h)).collect();
    let has_first_name = fields.contains(&Some(ImportField::ContactFirstName));
    if has_first_name {
        // « Prénom ; Nom ; Structure »: « Nom » is the person's.
        let plain_nom: Vec<usize> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| matches!(header_key(h).as_str(), "nom" | "name"))
            .map(|(i, _)| i)
            .collect();
        let other_org = headers.iter().enumerate().any(|(i, h)| {
            !plain_nom.contains(&i)
                && fields[i] == Some(ImportField::Name)
                && !matches!(header_key(h).as_str(), "nom" | "name")
        });
        if other_org {
            for i in plain_nom {
                fields[i] = Some(ImportField::ContactLastName);
            }
        }
    }
    keep_first_of_each(&mut fields);
    fields
}

/// Where several columns go to a field that takes one, keeps the first and
/// ignores the others (fields that add up keep every column).
pub fn keep_first_of_each(mapping: &mut [Option<ImportField>]) {
    let mut seen = Vec::new();
    for field in mapping {
        if let Some(f) = *field {
            if !f.accumulates() && seen.contains(&f) {
                *field = None;
            } else {
                seen.push(f);
            }
        }
    }
}

/// Checks a mapping against the file's columns: one column per field that
/// takes one, and a column for the organisation's name.
///
/// # Errors
/// A `FieldError` (field `mapping`) naming the problem.
pub fn check_mapping(
    headers: &[String],
    mapping: &[Option<ImportField>],
) -> Result<(), FieldError> {
    if mapping.len() != headers.len() {
        return Err(FieldError::new(
            "mapping",
            format!(
                "La correspondance décrit {} colonnes mais le fichier en a {} : refaites-la pour ce fichier.",
                mapping.len(),
                headers.len()
            ),
            format!(
                "The mapping describes {} columns but the file has {}: redo it for this file.",
                mapping.len(),
                headers.len()
            ),
        ));
    }
    for field in ImportField::ALL.into_iter().filter(|f| !f.accumulates()) {
        let columns: Vec<&String> = headers
            .iter()
            .zip(mapping)
            .filter(|(_, m)| **m == Some(field))
            .map(|(h, _)| h)
            .collect();
        if columns.len() > 1 {
            let names = columns
                .iter()
                .map(|h| format!("« {h} »"))
                .collect::<Vec<_>>()
                .join(" et ");
            let names_en = columns
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(" and ");
            return Err(FieldError::new(
                "mapping",
                format!(
                    "Les colonnes {names} vont toutes dans « {} » : gardez-en une seule.",
                    field.label_fr()
                ),
                format!(
                    "Columns {names_en} all go to \"{}\": keep only one.",
                    field.code()
                ),
            ));
        }
    }
    if !mapping.contains(&Some(ImportField::Name)) {
        return Err(FieldError::new(
            "mapping",
            "Aucune colonne ne donne le nom de l'organisation : indiquez laquelle dans la correspondance des colonnes.",
            "No column gives the organisation's name: pick one in the column mapping.",
        ));
    }
    Ok(())
}

/// An import as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRecord {
    pub id: String,
    pub file_name: String,
    pub format: String,
    pub rows: u32,
    pub actors: u32,
    pub contacts: u32,
    pub skipped: u32,
    pub created_at: String,
    pub undone_at: Option<String>,
}

/// One row read through a mapping: the actor, the commune as written (the
/// caller resolves it against the referential), and the person if the row
/// names one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportRow {
    pub actor: ActorInput,
    pub place: PlaceText,
    pub contact: Option<ContactInput>,
    /// Problems found while reading cells (an unknown type…), before
    /// validation.
    pub errors: Vec<FieldError>,
}

/// Where an actor is, as the file says it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlaceText {
    pub insee: Option<String>,
    pub postal_code: Option<String>,
    pub commune: Option<String>,
}

impl PlaceText {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.insee.is_none() && self.postal_code.is_none() && self.commune.is_none()
    }
}

fn present(cell: &str) -> Option<String> {
    let t = cell.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Splits a cell holding several items: « a ; b », lines, « a | b », « a, b ».
fn items(cell: &str) -> Vec<String> {
    let separators: &[char] = if cell.contains([';', '\n', '|', '•']) {
        &[';', '\n', '|', '•']
    } else {
        &[',']
    };
    cell.split(separators)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads a category word (« Locaux », « compétences », « skills »…).
fn category_of(word: &str) -> Option<ResourceCategory> {
    let w = fold(word.trim());
    ResourceCategory::ALL
        .into_iter()
        .find(|c| fold(c.label_fr()) == w)
        .or(match w.as_str() {
            "skills" | "competence" | "mecenat de competences" => {
                Some(ResourceCategory::Competences)
            }
            "premises" | "local" | "salle" | "salles" => Some(ResourceCategory::Locaux),
            "equipment" | "materiels" => Some(ResourceCategory::Materiel),
            "funding" | "money" | "argent" | "financements" | "dons" => {
                Some(ResourceCategory::Financement)
            }
            "purchases" | "achat" => Some(ResourceCategory::Achats),
            "volunteering" | "benevoles" => Some(ResourceCategory::Benevolat),
            "visibility" | "communication" => Some(ResourceCategory::Visibilite),
            "other" => Some(ResourceCategory::Autre),
            _ => None,
        })
}

/// The category a need or offer's words suggest, when no category is written.
fn category_from_words(text: &str) -> ResourceCategory {
    let t = fold(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&[
        "salle", "local", "locaux", "bureau", "entrepot", "stockage", "hangar", "terrain",
    ]) {
        ResourceCategory::Locaux
    } else if has(&["benevol", "volontaire", "bras"]) {
        ResourceCategory::Benevolat
    } else if has(&[
        "financ",
        "subvention",
        "don ",
        "dons",
        "budget",
        "argent",
        "fonds",
    ]) {
        ResourceCategory::Financement
    } else if has(&[
        "materiel",
        "ordinateur",
        "vehicule",
        "camion",
        "mobilier",
        "equipement",
        "outil",
    ]) {
        ResourceCategory::Materiel
    } else if has(&["communication", "visibilite", "reseau", "media", "presse"]) {
        ResourceCategory::Visibilite
    } else if has(&["achat", "fourniture", "prestation", "commande"]) {
        ResourceCategory::Achats
    } else if has(&[
        "competence",
        "conseil",
        "comptab",
        "juridique",
        "formation",
        "expertise",
        "accompagnement",
        "informatique",
        "graphis",
    ]) {
        ResourceCategory::Competences
    } else {
        ResourceCategory::Autre
    }
}

/// « locaux : salle de 40 places » or « salle de 40 places ».
fn resources(cell: &str) -> Vec<Resource> {
    items(cell)
        .into_iter()
        .map(|item| {
            if let Some((head, rest)) = item.split_once(':') {
                if let Some(category) = category_of(head) {
                    return Resource {
                        category,
                        text: rest.trim().to_owned(),
                    };
                }
            }
            Resource {
                category: category_from_words(&item),
                text: item,
            }
        })
        .filter(|r| !r.text.is_empty())
        .collect()
}

/// The kind a name's legal form suggests, for rows without a type.
#[must_use]
pub fn kind_from_name(name: &str) -> Option<ActorKind> {
    let key = header_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let starts = |p: &str| key.starts_with(p);
    if words.iter().any(|w| {
        matches!(
            *w,
            "sas"
                | "sasu"
                | "sarl"
                | "sa"
                | "eurl"
                | "sci"
                | "snc"
                | "scop"
                | "scic"
                | "ets"
                | "sarlu"
        )
    }) || key.contains("s a r l")
        || key.contains("s a s")
    {
        Some(ActorKind::Entreprise)
    } else if words
        .iter()
        .any(|w| matches!(*w, "association" | "asso" | "amicale" | "club"))
    {
        Some(ActorKind::Association)
    } else if starts("fondation") || starts("fonds de dotation") {
        Some(ActorKind::Fondation)
    } else if starts("ville de")
        || starts("commune de")
        || starts("mairie")
        || starts("communaute de communes")
        || starts("communaute d agglomeration")
        || starts("departement")
        || starts("conseil departemental")
        || starts("region")
        || starts("conseil regional")
        || starts("eurometropole")
        || starts("metropole")
    {
        Some(ActorKind::Collectivite)
    } else {
        None
    }
}

/// « Marie Dupont » → (« Marie », « Dupont »); « DUPONT Marie » → the
/// upper-case word is the last name.
fn split_full_name(full: &str) -> (String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (String::new(), (*one).to_owned()),
        _ => {
            let upper = |w: &str| {
                w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase())
            };
            let upper_count = words.iter().filter(|w| upper(w)).count();
            if upper_count > 0 && upper_count < words.len() {
                let last: Vec<&str> = words.iter().copied().filter(|w| upper(w)).collect();
                let first: Vec<&str> = words.iter().copied().filter(|w| !upper(w)).collect();
                (first.join(" "), last.join(" "))
            } else {
                (words[0].to_owned(), words[1..].join(" "))
            }
        }
    }
}

fn append(target: &mut Option<String>, text: String) {
    match target {
        Some(existing) => {
            existing.push('\n');
            existing.push_str(&text);
        }
        None => *target = Some(text),
    }
}

/// Reads one row's cells through `mapping` (same length as the headers).
/// A row that names no person gets no contact, unless it gives an e-mail or
/// a phone, which then belong to a « Contact général ».
#[must_use]
pub fn read_row(mapping: &[Option<ImportField>], cells: &[String]) -> ImportRow {
    let mut row = ImportRow::default();
    let mut contact = ContactInput::default();
    let mut has_contact = false;
    let mut has_person = false;
    for (field, cell) in mapping.iter().zip(cells) {
        let (Some(field), Some(value)) = (field, present(cell)) else {
            continue;
        };
        let a = &mut row.actor;
        match field {
            ImportField::Name => a.name = value,
            ImportField::Kind => match ActorKind::parse(&value).or_else(|| kind_from_name(&value)) {
                Some(kind) => a.kind = Some(kind),
                None => row.errors.push(FieldError::new(
                    "kind",
                    format!("Le type « {value} » est inconnu : entreprise, association, collectivité, fondation, financeur, établissement public ou autre."),
                    format!("Type \"{value}\" is unknown: entreprise, association, collectivite, fondation, financeur, etablissement public or autre."),
                )),
            },
            ImportField::Siren => a.siren = Some(value),
            ImportField::Siret => a.siret = Some(value),
            ImportField::Rna => a.rna = Some(value),
            ImportField::LegalRegime => match AssociationRegime::parse(&value) {
                Some(regime) => a.legal_regime = Some(regime),
                None => row.errors.push(FieldError::new(
                    "legalRegime",
                    format!("Le régime « {value} » est inconnu : « loi 1901 » ou « droit local »."),
                    format!("Regime \"{value}\" is unknown: \"loi 1901\" or \"droit local\"."),
                )),
            },
            ImportField::RegisterCourt => match RegisterCourt::parse(&value) {
                Some(court) => a.register_court = Some(court),
                None => row.errors.push(FieldError::new(
                    "registerCourt",
                    format!("Le tribunal « {value} » ne tient pas de registre des associations : Strasbourg, Saverne, Colmar, Mulhouse, Metz, Thionville ou Sarreguemines."),
                    format!("Court \"{value}\" keeps no register of associations: Strasbourg, Saverne, Colmar, Mulhouse, Metz, Thionville or Sarreguemines."),
                )),
            },
            ImportField::RegisterVolume => a.register_volume = Some(value),
            ImportField::RegisterFolio => a.register_folio = Some(value),
            ImportField::RegisterNumber => a.register_number = Some(value),
            ImportField::Address => a.address = Some(value),
            ImportField::PostalCode => row.place.postal_code = Some(value),
            ImportField::Commune => row.place.commune = Some(value),
            ImportField::CommuneInsee => row.place.insee = Some(value),
            ImportField::Sector => a.sector = Some(value),
            ImportField::SizeBand => match SizeBand::parse(&value) {
                Some(size) => a.size_band = Some(size),
                None => row.errors.push(FieldError::new(
                    "sizeBand",
                    format!("La taille « {value} » est inconnue : micro, petite, moyenne, intermediaire ou grande."),
                    format!("Size \"{value}\" is unknown: micro, petite, moyenne, intermediaire or grande."),
                )),
            },
            ImportField::Website => a.website = Some(value),
            ImportField::Needs => a.needs.extend(resources(&value)),
            ImportField::Offers => a.offers.extend(resources(&value)),
            ImportField::Stakes => a.stakes = Some(value),
            ImportField::Tags => a.tags.extend(items(&value)),
            ImportField::Notes => append(&mut a.notes, value),
            ImportField::ContactFirstName => {
                contact.first_name = value;
                has_person = true;
            }
            ImportField::ContactLastName => {
                contact.last_name = value;
                has_person = true;
            }
            ImportField::ContactFullName => {
                let (first, last) = split_full_name(&value);
                contact.first_name = first;
                contact.last_name = last;
                has_person = true;
            }
            ImportField::ContactRole => {
                contact.role = Some(value);
                has_contact = true;
            }
            ImportField::ContactEmail => {
                contact.email = Some(value);
                has_contact = true;
            }
            ImportField::ContactPhone => {
                contact.phone = Some(value);
                has_contact = true;
            }
            ImportField::ContactInformedOn => {
                contact.informed_on = Some(value);
                has_contact = true;
            }
        }
    }
    if row.actor.kind.is_none() && !row.errors.iter().any(|e| e.field == "kind") {
        row.actor.kind = kind_from_name(&row.actor.name);
    }
    if has_person || has_contact {
        if !has_person {
            crate::contact::GENERAL_CONTACT_NAME.clone_into(&mut contact.last_name);
        }
        contact.source = Some(crate::contact::ContactSource::Import);
        row.contact = Some(contact);
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn usual_headers_are_recognised() {
        for (header, field) in [
            ("Raison sociale", ImportField::Name),
            ("NOM", ImportField::Name),
            ("Dénomination", ImportField::Name),
            ("Type", ImportField::Kind),
            ("N° SIREN", ImportField::Siren),
            ("SIRET", ImportField::Siret),
            ("Numéro RNA", ImportField::Rna),
            ("Ville", ImportField::Commune),
            ("City", ImportField::Commune),
            ("Code postal", ImportField::PostalCode),
            ("CP", ImportField::PostalCode),
            ("Code INSEE", ImportField::CommuneInsee),
            ("E-mail", ImportField::ContactEmail),
            ("Courriel", ImportField::ContactEmail),
            ("Téléphone", ImportField::ContactPhone),
            ("Tél.", ImportField::ContactPhone),
            ("Site web", ImportField::Website),
            ("Besoins", ImportField::Needs),
            ("Offres", ImportField::Offers),
            ("Tags", ImportField::Tags),
            ("Étiquettes", ImportField::Tags),
            ("Prénom", ImportField::ContactFirstName),
            ("Fonction", ImportField::ContactRole),
        ] {
            assert_eq!(guess_field(header), Some(field), "{header}");
        }
        assert_eq!(guess_field("Couleur préférée"), None);
        assert_eq!(guess_field(""), None);
    }

    #[test]
    fn a_plain_nom_beside_a_first_name_and_an_organisation_is_the_persons() {
        let headers = strings(&["Prénom", "Nom", "Structure", "Email"]);
        assert_eq!(
            guess_mapping(&headers),
            vec![
                Some(ImportField::ContactFirstName),
                Some(ImportField::ContactLastName),
                Some(ImportField::Name),
                Some(ImportField::ContactEmail),
            ]
        );
        // Alone, « Nom » is the organisation's.
        let headers = strings(&["Nom", "Ville", "Nom"]);
        assert_eq!(
            guess_mapping(&headers),
            vec![Some(ImportField::Name), Some(ImportField::Commune), None]
        );
    }

    #[test]
    fn a_mapping_needs_a_name_and_one_column_per_field() {
        let headers = strings(&["A", "B"]);
        assert!(check_mapping(&headers, &[Some(ImportField::Name), None]).is_ok());
        assert!(check_mapping(
            &headers,
            &[Some(ImportField::Tags), Some(ImportField::Name)]
        )
        .is_ok());
        let e = check_mapping(&headers, &[Some(ImportField::Commune), None]).unwrap_err();
        assert!(e.message.contains("nom de l'organisation"), "{}", e.message);
        let e = check_mapping(
            &headers,
            &[Some(ImportField::Name), Some(ImportField::Name)],
        )
        .unwrap_err();
        assert!(e.message.contains("« A » et « B »"), "{}", e.message);
        assert!(check_mapping(&headers, &[Some(ImportField::Name)]).is_err());
        // Several tag columns add up.
        let headers = strings(&["Nom", "Tag 1", "Tag 2"]);
        assert!(check_mapping(
            &headers,
            &[
                Some(ImportField::Name),
                Some(ImportField::Tags),
                Some(ImportField::Tags)
            ]
        )
        .is_ok());
    }

    #[test]
    fn a_row_becomes_an_actor_and_its_contact() {
        let mapping = [
            Some(ImportField::Name),
            Some(ImportField::Kind),
            Some(ImportField::PostalCode),
            Some(ImportField::Commune),
            Some(ImportField::Needs),
            Some(ImportField::Tags),
            Some(ImportField::ContactFullName),
            Some(ImportField::ContactEmail),
            None,
        ];
        let row = read_row(
            &mapping,
            &strings(&[
                " Épicerie solidaire ",
                "Asso",
                "67600",
                "Sélestat",
                "locaux : salle de 40 places ; bénévoles pour le samedi",
                "alimentation, solidarité",
                "DUPONT Marie",
                "marie@example.org",
                "ignored",
            ]),
        );
        assert!(row.errors.is_empty());
        assert_eq!(row.actor.name, "Épicerie solidaire");
        assert_eq!(row.actor.kind, Some(ActorKind::Association));
        assert_eq!(row.place.postal_code.as_deref(), Some("67600"));
        assert_eq!(row.place.commune.as_deref(), Some("Sélestat"));
        assert_eq!(
            row.actor.needs,
            vec![
                Resource {
                    category: ResourceCategory::Locaux,
                    text: "salle de 40 places".into()
                },
                Resource {
                    category: ResourceCategory::Benevolat,
                    text: "bénévoles pour le samedi".into()
                },
            ]
        );
        assert_eq!(row.actor.tags, vec!["alimentation", "solidarité"]);
        let c = row.contact.unwrap();
        assert_eq!(
            (c.first_name.as_str(), c.last_name.as_str()),
            ("Marie", "DUPONT")
        );
        assert_eq!(c.email.as_deref(), Some("marie@example.org"));
    }

    #[test]
    fn types_are_read_or_guessed_from_the_legal_form() {
        let mapping = [Some(ImportField::Name), Some(ImportField::Kind)];
        let kind = |name: &str, kind: &str| read_row(&mapping, &strings(&[name, kind])).actor.kind;
        assert_eq!(
            kind("Boulangerie Martin SARL", ""),
            Some(ActorKind::Entreprise)
        );
        assert_eq!(kind("Ville de Sélestat", ""), Some(ActorKind::Collectivite));
        assert_eq!(kind("Fondation Alsace", ""), Some(ActorKind::Fondation));
        assert_eq!(kind("Les Amis du Livre", ""), None);
        assert_eq!(
            kind("Les Amis du Livre", "association"),
            Some(ActorKind::Association)
        );
        assert_eq!(kind("X", "SAS"), Some(ActorKind::Entreprise));
        let row = read_row(&mapping, &strings(&["X", "martien"]));
        assert_eq!(row.errors.len(), 1);
        assert!(row.errors[0].message.contains("« martien »"));
    }

    #[test]
    fn an_email_without_a_person_goes_to_a_general_contact() {
        let mapping = [
            Some(ImportField::Name),
            Some(ImportField::ContactEmail),
            Some(ImportField::ContactPhone),
        ];
        let c = read_row(&mapping, &strings(&["Asso", "contact@asso.fr", ""]))
            .contact
            .unwrap();
        assert_eq!(c.last_name, "Contact général");
        assert!(read_row(&mapping, &strings(&["Asso", "", ""]))
            .contact
            .is_none());
    }

    #[test]
    fn full_names_split_on_case() {
        assert_eq!(
            split_full_name("Marie Dupont"),
            ("Marie".into(), "Dupont".into())
        );
        assert_eq!(
            split_full_name("DUPONT Marie"),
            ("Marie".into(), "DUPONT".into())
        );
        assert_eq!(
            split_full_name("Jean-Pierre DE LA TOUR"),
            ("Jean-Pierre".into(), "DE LA TOUR".into())
        );
        assert_eq!(split_full_name("Dupont"), (String::new(), "Dupont".into()));
    }

    #[test]
    fn field_codes_round_trip() {
        for f in ImportField::ALL {
            assert_eq!(ImportField::parse(f.code()), Some(f));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.code()));
        }
    }

    #[test]
    fn register_columns_of_alsace_moselle_are_read() {
        let headers = strings(&[
            "Nom",
            "Régime juridique",
            "Tribunal",
            "Volume",
            "Folio",
            "N° AMALIA",
        ]);
        let mapping = guess_mapping(&headers);
        assert_eq!(
            mapping,
            vec![
                Some(ImportField::Name),
                Some(ImportField::LegalRegime),
                Some(ImportField::RegisterCourt),
                Some(ImportField::RegisterVolume),
                Some(ImportField::RegisterFolio),
                Some(ImportField::RegisterNumber),
            ]
        );
        let row = read_row(
            &mapping,
            &strings(&[
                "Les Cigognes",
                "droit local",
                "TJ de Colmar",
                "42",
                "17",
                "",
            ]),
        );
        assert!(row.errors.is_empty(), "{:?}", row.errors);
        assert_eq!(row.actor.legal_regime, Some(AssociationRegime::DroitLocal));
        assert_eq!(row.actor.register_court, Some(RegisterCourt::Colmar));
        assert_eq!(row.actor.register_folio.as_deref(), Some("17"));
        let row = read_row(
            &mapping,
            &strings(&["X", "coopérative", "Nancy", "", "", ""]),
        );
        let fields: Vec<&str> = row.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["legalRegime", "registerCourt"]);
        assert!(row.errors[1].message.contains("« Nancy »"));
    }
}
