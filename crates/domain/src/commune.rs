//! French communes and the areas they belong to (EPCI, département, région),
//! from the offline referential in `assets/communes/`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A commune as an actor refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommuneRef {
    pub insee: String,
    pub name: String,
}

/// A code with its name: a département, a région or an EPCI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NamedCode {
    pub code: String,
    pub name: String,
}

/// A commune with its postal codes and the areas it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Commune {
    pub insee: String,
    pub name: String,
    pub postal_codes: Vec<String>,
    pub departement: NamedCode,
    pub region: NamedCode,
    pub epci: Option<NamedCode>,
}

impl Commune {
    #[must_use]
    pub fn as_ref(&self) -> CommuneRef {
        CommuneRef {
            insee: self.insee.clone(),
            name: self.name.clone(),
        }
    }
}

/// Error in the referential file, with its line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("communes referential, line {line}: {reason}")]
pub struct ReferentialError {
    pub line: usize,
    pub reason: String,
}

/// Parses the referential: tab-separated lines of
/// `insee, name, postal codes (space-separated), département code,
/// département name, région code, région name, EPCI SIREN, EPCI name`;
/// lines starting with `#` are comments. EPCI fields may be empty.
///
/// # Errors
/// The first malformed line.
pub fn parse_referential(tsv: &str) -> Result<Vec<Commune>, ReferentialError> {
    let mut out = Vec::with_capacity(36_000);
    for (i, line) in tsv.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 9 {
            return Err(ReferentialError {
                line: i + 1,
                reason: format!("{} fields, 9 expected", f.len()),
            });
        }
        if !crate::identifiers::is_insee_code(f[0]) {
            return Err(ReferentialError {
                line: i + 1,
                reason: format!("bad INSEE code {:?}", f[0]),
            });
        }
        let named = |code: &str, name: &str| NamedCode {
            code: code.to_owned(),
            name: name.to_owned(),
        };
        out.push(Commune {
            insee: f[0].to_owned(),
            name: f[1].to_owned(),
            postal_codes: f[2].split_whitespace().map(str::to_owned).collect(),
            departement: named(f[3], f[4]),
            region: named(f[5], f[6]),
            epci: (!f[7].is_empty()).then(|| named(f[7], f[8])),
        });
    }
    Ok(out)
}

/// A commune name folded for lookup: no case, no accents, hyphens and
/// apostrophes as single spaces ("Saint-Dié-des-Vosges" -> "saint die des vosges").
#[must_use]
pub fn name_key(name: &str) -> String {
    let folded = crate::text::fold(name).replace(['-', '\'', '’'], " ");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_referential_line() {
        let tsv = "# insee\tname\n67462\tSélestat\t67600\t67\tBas-Rhin\t44\tGrand Est\t246700967\tCC de Sélestat\n";
        let c = parse_referential(tsv).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "Sélestat");
        assert_eq!(c[0].postal_codes, vec!["67600"]);
        assert_eq!(c[0].epci.as_ref().unwrap().name, "CC de Sélestat");
    }

    #[test]
    fn reports_the_bad_line() {
        let err = parse_referential("67462\tSélestat\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
