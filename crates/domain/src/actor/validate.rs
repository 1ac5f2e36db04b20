//! `ActorInput::validate`: one check per field or group of fields, and the
//! text checks other modules share (lengths, tags).

use super::{
    ActorInput, ActorKind, Resource, ResourceSubcategory, ValidActor, LONG_TEXT_MAX, NAME_MAX,
    RESOURCES_MAX, SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX,
};
use crate::error::{FieldError, ValidationErrors};
use crate::identifiers::{normalize_rna, normalize_siren, normalize_siret, normalize_website};
use crate::text::{char_count, fold, group_digits};

pub(super) fn clean(text: Option<&String>) -> Option<String> {
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

/// A cleaned identifier in its canonical form; a malformed one is an error.
pub(crate) fn check_identifier(
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
        let subcategory = match r.subcategory {
            Some(sub) if sub.category() != r.category => {
                errors.push(FieldError::new(
                    format!("{field}.{i}.subcategory"),
                    format!(
                        "« {} » n'est pas une sous-catégorie de « {} » : choisissez-en une de la catégorie, ou aucune.",
                        sub.label_fr(),
                        r.category.label_fr()
                    ),
                    format!(
                        "\"{}\" is not a sub-category of \"{}\": choose one of the category, or none.",
                        sub.label_en(),
                        r.category.label_fr()
                    ),
                ));
                None
            }
            Some(sub) => Some(sub),
            // Left empty: guessed from the words, so the ranking and the
            // facilitator see the same.
            None => ResourceSubcategory::guess(r.category, &text),
        };
        out.push(Resource {
            category: r.category,
            subcategory,
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
        let kind = check_kind(&mut errors, self.kind);
        let name = check_name(&mut errors, &self.name);
        let (siren, siret) = self.check_siren_siret(&mut errors);
        let rna = check_identifier(&mut errors, self.rna.as_ref(), normalize_rna, "rna");
        let register = self.check_register(&mut errors, kind, rna.is_some());
        let website = check_identifier(
            &mut errors,
            self.website.as_ref(),
            normalize_website,
            "website",
        );
        let commune_insee = check_commune(&mut errors, self.commune_insee.as_ref());
        let [address, sector, stakes, notes] = self.check_texts(&mut errors);
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
            named_partner: self.named_partner,
        })
    }

    /// The SIREN and the SIRET, each well formed, the SIRET extending the SIREN.
    fn check_siren_siret(&self, errors: &mut ValidationErrors) -> (Option<String>, Option<String>) {
        let siren = check_identifier(errors, self.siren.as_ref(), normalize_siren, "siren");
        let siret = check_identifier(errors, self.siret.as_ref(), normalize_siret, "siret");
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
        (siren, siret)
    }

    /// The free texts, trimmed and within their limits: address, sector,
    /// stakes and notes.
    fn check_texts(&self, errors: &mut ValidationErrors) -> [Option<String>; 4] {
        [
            (
                &self.address,
                "address",
                "L'adresse",
                "The address",
                SHORT_TEXT_MAX,
            ),
            (
                &self.sector,
                "sector",
                "Le secteur",
                "The sector",
                SHORT_TEXT_MAX,
            ),
            (
                &self.stakes,
                "stakes",
                "Le texte des enjeux",
                "The stakes",
                LONG_TEXT_MAX,
            ),
            (
                &self.notes,
                "notes",
                "Le texte des notes",
                "The notes",
                LONG_TEXT_MAX,
            ),
        ]
        .map(|(value, field, label_fr, label_en, max)| {
            let text = clean(value.as_ref());
            check_length(errors, field, label_fr, label_en, text.as_deref(), max);
            text
        })
    }
}

/// The kind, required.
fn check_kind(errors: &mut ValidationErrors, kind: Option<ActorKind>) -> ActorKind {
    kind.unwrap_or_else(|| {
        errors.push(FieldError::new(
            "kind",
            "Choisissez le type d'acteur (entreprise, association, collectivité…).",
            "Choose the kind of actor (company, association, local authority…).",
        ));
        ActorKind::Autre
    })
}

/// The name, trimmed: required, and not too long.
fn check_name(errors: &mut ValidationErrors, name: &str) -> String {
    let name = name.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError::new(
            "name",
            "Le nom est obligatoire.",
            "The name is required.",
        ));
    }
    check_length(errors, "name", "Le nom", "The name", Some(&name), NAME_MAX);
    name
}

/// The seat's commune code, when given, well formed.
fn check_commune(errors: &mut ValidationErrors, code: Option<&String>) -> Option<String> {
    let commune_insee = clean(code);
    if let Some(code) = &commune_insee {
        if !crate::identifiers::is_insee_code(code) {
            errors.push(FieldError::new(
                "communeInsee",
                format!("Le code commune « {code} » est invalide : choisissez la commune dans la liste."),
                format!("Commune code \"{code}\" is invalid: pick the commune from the list."),
            ));
        }
    }
    commune_insee
}

/// Trims tags, drops empty ones and duplicates (ignoring case and accents),
/// keeping the first spelling.
pub(crate) fn normalize_tags(errors: &mut ValidationErrors, tags: &[String]) -> Vec<String> {
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
