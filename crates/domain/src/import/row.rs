//! One row's cells read through a mapping: the actor, where it is as the
//! file says it, and the person to reach.

use super::{header_key, ImportField};
use crate::actor::{ActorInput, ActorKind, Resource, ResourceCategory, SizeBand};
use crate::contact::ContactInput;
use crate::error::FieldError;
use crate::register::{AssociationRegime, RegisterCourt};
use crate::text::fold;

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
                        subcategory: None,
                        text: rest.trim().to_owned(),
                    };
                }
            }
            Resource {
                category: category_from_words(&item),
                subcategory: None,
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
pub(super) fn split_full_name(full: &str) -> (String, String) {
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
    let mut person = RowContact::default();
    for (field, cell) in mapping.iter().zip(cells) {
        let (Some(field), Some(value)) = (field, present(cell)) else {
            continue;
        };
        read_cell(&mut row, &mut person, *field, value);
    }
    if row.actor.kind.is_none() && !row.errors.iter().any(|e| e.field == "kind") {
        row.actor.kind = kind_from_name(&row.actor.name);
    }
    row.contact = person.into_contact();
    row
}

/// One cell into the row: the organisation, where it is, or the person; a
/// value that cannot be read is kept as an error of the row.
fn read_cell(row: &mut ImportRow, person: &mut RowContact, field: ImportField, value: String) {
    let a = &mut row.actor;
    match field {
        ImportField::Name => a.name = value,
        ImportField::Kind => match ActorKind::parse(&value).or_else(|| kind_from_name(&value)) {
            Some(kind) => a.kind = Some(kind),
            None => row.errors.push(unknown_kind(&value)),
        },
        ImportField::Siren => a.siren = Some(value),
        ImportField::Siret => a.siret = Some(value),
        ImportField::Rna => a.rna = Some(value),
        ImportField::LegalRegime => match AssociationRegime::parse(&value) {
            Some(regime) => a.legal_regime = Some(regime),
            None => row.errors.push(unknown_regime(&value)),
        },
        ImportField::RegisterCourt => match RegisterCourt::parse(&value) {
            Some(court) => a.register_court = Some(court),
            None => row.errors.push(unknown_court(&value)),
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
            None => row.errors.push(unknown_size(&value)),
        },
        ImportField::Website => a.website = Some(value),
        ImportField::Needs => a.needs.extend(resources(&value)),
        ImportField::Offers => a.offers.extend(resources(&value)),
        ImportField::Stakes => a.stakes = Some(value),
        ImportField::Tags => a.tags.extend(items(&value)),
        ImportField::Notes => append(&mut a.notes, value),
        ImportField::ContactFirstName
        | ImportField::ContactLastName
        | ImportField::ContactFullName
        | ImportField::ContactRole
        | ImportField::ContactEmail
        | ImportField::ContactPhone
        | ImportField::ContactInformedOn => person.read(field, value),
    }
}

fn unknown_kind(value: &str) -> FieldError {
    FieldError::new(
        "kind",
        format!("Le type « {value} » est inconnu : entreprise, association, collectivité, fondation, financeur, établissement public ou autre."),
        format!("Type \"{value}\" is unknown: entreprise, association, collectivite, fondation, financeur, etablissement public or autre."),
    )
}

fn unknown_regime(value: &str) -> FieldError {
    FieldError::new(
        "legalRegime",
        format!("Le régime « {value} » est inconnu : « loi 1901 » ou « droit local »."),
        format!("Regime \"{value}\" is unknown: \"loi 1901\" or \"droit local\"."),
    )
}

fn unknown_court(value: &str) -> FieldError {
    FieldError::new(
        "registerCourt",
        format!("Le tribunal « {value} » ne tient pas de registre des associations : Strasbourg, Saverne, Colmar, Mulhouse, Metz, Thionville ou Sarreguemines."),
        format!("Court \"{value}\" keeps no register of associations: Strasbourg, Saverne, Colmar, Mulhouse, Metz, Thionville or Sarreguemines."),
    )
}

fn unknown_size(value: &str) -> FieldError {
    FieldError::new(
        "sizeBand",
        format!(
            "La taille « {value} » est inconnue : micro, petite, moyenne, intermediaire ou grande."
        ),
        format!("Size \"{value}\" is unknown: micro, petite, moyenne, intermediaire or grande."),
    )
}

/// The person a row names, as its cells are read: a name makes a person;
/// a role, an e-mail, a phone or a date informed make a contact, the
/// organisation's « Contact général » when no person is named.
#[derive(Default)]
struct RowContact {
    input: ContactInput,
    has_person: bool,
    has_contact: bool,
}

impl RowContact {
    /// A contact field's cell; other fields are not the person's.
    fn read(&mut self, field: ImportField, value: String) {
        let contact = &mut self.input;
        match field {
            ImportField::ContactFirstName => {
                contact.first_name = value;
                self.has_person = true;
            }
            ImportField::ContactLastName => {
                contact.last_name = value;
                self.has_person = true;
            }
            ImportField::ContactFullName => {
                let (first, last) = split_full_name(&value);
                contact.first_name = first;
                contact.last_name = last;
                self.has_person = true;
            }
            ImportField::ContactRole => {
                contact.role = Some(value);
                self.has_contact = true;
            }
            ImportField::ContactEmail => {
                contact.email = Some(value);
                self.has_contact = true;
            }
            ImportField::ContactPhone => {
                contact.phone = Some(value);
                self.has_contact = true;
            }
            ImportField::ContactInformedOn => {
                contact.informed_on = Some(value);
                self.has_contact = true;
            }
            _ => {}
        }
    }

    fn into_contact(self) -> Option<ContactInput> {
        if !self.has_person && !self.has_contact {
            return None;
        }
        let mut contact = self.input;
        if !self.has_person {
            crate::contact::GENERAL_CONTACT_NAME.clone_into(&mut contact.last_name);
        }
        contact.source = Some(crate::contact::ContactSource::Import);
        Some(contact)
    }
}
