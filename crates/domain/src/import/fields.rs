//! The fields a column can go to, the usual French and English headers of
//! each, and the mapping of a file's columns to fields, guessed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
            Self::RegisterVolume => "Registre\u{a0}: volume",
            Self::RegisterFolio => "Registre\u{a0}: folio",
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
            Self::ContactFirstName => "Contact\u{a0}: prénom",
            Self::ContactLastName => "Contact\u{a0}: nom",
            Self::ContactFullName => "Contact\u{a0}: prénom et nom",
            Self::ContactRole => "Contact\u{a0}: fonction",
            Self::ContactEmail => "Contact\u{a0}: e-mail",
            Self::ContactPhone => "Contact\u{a0}: téléphone",
            Self::ContactInformedOn => "Contact\u{a0}: informé(e) le",
        }
    }

    /// The field's name in the English window.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Name => "Organisation name",
            Self::Kind => "Actor type",
            Self::Siren => "SIREN",
            Self::Siret => "SIRET",
            Self::Rna => "RNA",
            Self::LegalRegime => "Association's regime (1901 law, local law)",
            Self::RegisterCourt => "Court of the register of associations",
            Self::RegisterVolume => "Register: volume",
            Self::RegisterFolio => "Register: folio",
            Self::RegisterNumber => "Number in the register of associations (AMALIA)",
            Self::Address => "Address",
            Self::PostalCode => "Postcode",
            Self::Commune => "Commune",
            Self::CommuneInsee => "Commune INSEE code",
            Self::Sector => "Sector",
            Self::SizeBand => "Size",
            Self::Website => "Website",
            Self::Needs => "Needs",
            Self::Offers => "Offers",
            Self::Stakes => "Stakes",
            Self::Tags => "Tags",
            Self::Notes => "Notes",
            Self::ContactFirstName => "Contact: first name",
            Self::ContactLastName => "Contact: last name",
            Self::ContactFullName => "Contact: full name",
            Self::ContactRole => "Contact: role",
            Self::ContactEmail => "Contact: email",
            Self::ContactPhone => "Contact: phone",
            Self::ContactInformedOn => "Contact: informed on",
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
