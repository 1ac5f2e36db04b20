//! Resolving a row's place (INSEE code, commune name, postal code) to a
//! commune of the referential.

use std::collections::HashMap;

use tisserand_domain::import::PlaceText;

use crate::{App, AppResult};

/// The communes of the referential, to resolve a row's place.
pub(super) struct Communes {
    by_insee: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_postal: HashMap<String, Vec<usize>>,
    insee: Vec<String>,
    postal: Vec<String>,
}

/// A commune name as the referential folds it (`domain::commune::name_key`),
/// with « St » spelt out and « Cedex » dropped.
fn commune_key(name: &str) -> String {
    let key = tisserand_domain::commune::name_key(name);
    let mut words: Vec<&str> = key.split(' ').collect();
    if let Some(cedex) = words.iter().position(|w| *w == "cedex") {
        words.truncate(cedex);
    }
    words
        .iter()
        .map(|w| match *w {
            "st" => "saint",
            "ste" => "sainte",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Communes {
    pub(super) fn load(app: &App) -> AppResult<Self> {
        let rows = app.store.commune_places()?;
        let mut c = Self {
            by_insee: HashMap::with_capacity(rows.len()),
            by_name: HashMap::with_capacity(rows.len()),
            by_postal: HashMap::new(),
            insee: Vec::with_capacity(rows.len()),
            postal: Vec::with_capacity(rows.len()),
        };
        for (i, (insee, name_key, postal)) in rows.into_iter().enumerate() {
            c.by_insee.insert(insee.clone(), i);
            c.by_name.entry(name_key).or_default().push(i);
            for code in postal.split_whitespace() {
                c.by_postal.entry(code.to_owned()).or_default().push(i);
            }
            c.insee.push(insee);
            c.postal.push(postal);
        }
        Ok(c)
    }

    /// The commune a row names, or a reason it cannot be told.
    pub(super) fn resolve(
        &self,
        place: &PlaceText,
    ) -> Result<Option<String>, (&'static str, String, String)> {
        if let Some(code) = &place.insee {
            return match self.by_insee.get(code.trim()) {
                Some(&i) => Ok(Some(self.insee[i].clone())),
                None => Err((
                    "communeInsee",
                    format!("le code INSEE « {code} » ne correspond à aucune commune : la commune est laissée vide"),
                    format!("INSEE code \"{code}\" matches no commune: the commune is left empty"),
                )),
            };
        }
        let postal = place
            .postal_code
            .as_deref()
            .map(|p| p.trim().trim_start_matches("F-").to_owned())
            .map(|p| {
                if p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) {
                    format!("0{p}")
                } else {
                    p
                }
            });
        if let Some(name) = &place.commune {
            let found: Vec<usize> = self
                .by_name
                .get(&commune_key(name))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| {
                    postal
                        .as_deref()
                        .is_none_or(|p| self.postal[i].split_whitespace().any(|c| c == p))
                })
                .collect();
            return match found.as_slice() {
                [one] => Ok(Some(self.insee[*one].clone())),
                [] if postal.is_some() => self.by_postal_only(postal.as_deref(), Some(name)),
                [] => Err((
                    "commune",
                    format!("la commune « {name} » est introuvable : elle est laissée vide (ajoutez le code postal ou corrigez l'orthographe)"),
                    format!("commune \"{name}\" was not found: it is left empty (add the postal code or fix the spelling)"),
                )),
                _ => Err((
                    "commune",
                    format!("plusieurs communes s'appellent « {name} » : ajoutez le code postal pour choisir ; elle est laissée vide"),
                    format!("several communes are called \"{name}\": add the postal code to choose; it is left empty"),
                )),
            };
        }
        self.by_postal_only(postal.as_deref(), None)
    }

    fn by_postal_only(
        &self,
        postal: Option<&str>,
        name: Option<&String>,
    ) -> Result<Option<String>, (&'static str, String, String)> {
        let Some(postal) = postal else {
            return Ok(None);
        };
        match self.by_postal.get(postal).map(Vec::as_slice) {
            Some([one]) if name.is_none() => Ok(Some(self.insee[*one].clone())),
            Some(_) if name.is_none() => Err((
                "postalCode",
                format!("le code postal {postal} couvre plusieurs communes : ajoutez le nom de la commune ; elle est laissée vide"),
                format!("postal code {postal} covers several communes: add the commune's name; it is left empty"),
            )),
            _ => Err((
                "postalCode",
                match name {
                    Some(n) => format!("aucune commune « {n} » n'a le code postal {postal} : la commune est laissée vide"),
                    None => format!("le code postal {postal} est inconnu : la commune est laissée vide"),
                },
                format!("no commune matches postal code {postal}: the commune is left empty"),
            )),
        }
    }
}
