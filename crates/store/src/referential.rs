//! The communes referential: loading it into the database and looking
//! communes up by name, postal code or INSEE code.

use rusqlite::{params, OptionalExtension, Row};
use tisserand_domain::commune::name_key;
use tisserand_domain::{Commune, NamedCode};

use crate::meta::set_meta_in;
use crate::{Result, Store};

const REFERENTIAL_KEY: &str = "communes_referential";

const COMMUNE_SELECT: &str =
    "SELECT c.insee, c.name, c.postal_codes, d.code, d.name, r.code, r.name, e.code, e.name
     FROM communes c
     JOIN departements d ON d.code = c.departement_code
     JOIN regions r ON r.code = d.region_code
     LEFT JOIN epcis e ON e.code = c.epci_code";

fn commune_from_row(r: &Row<'_>) -> rusqlite::Result<Commune> {
    let postal: String = r.get(2)?;
    let epci_code: Option<String> = r.get(7)?;
    Ok(Commune {
        insee: r.get(0)?,
        name: r.get(1)?,
        postal_codes: postal.split_whitespace().map(str::to_owned).collect(),
        departement: NamedCode {
            code: r.get(3)?,
            name: r.get(4)?,
        },
        region: NamedCode {
            code: r.get(5)?,
            name: r.get(6)?,
        },
        epci: match epci_code {
            Some(code) => Some(NamedCode {
                code,
                name: r.get(8)?,
            }),
            None => None,
        },
    })
}

impl Store {
    /// The version of the referential loaded, if any.
    ///
    /// # Errors
    /// A storage error.
    pub fn referential_version(&self) -> Result<Option<String>> {
        self.meta(REFERENTIAL_KEY)
    }

    /// Replaces the referential with `communes`, recording `version`. Actors
    /// keep their INSEE codes; their département is refreshed.
    ///
    /// # Errors
    /// A storage error.
    pub fn load_referential(&mut self, version: &str, communes: &[Commune]) -> Result<()> {
        self.with_tx(|tx| {
            tx.execute_batch("DELETE FROM communes; DELETE FROM epcis; DELETE FROM departements; DELETE FROM regions;")?;
            let mut region = tx.prepare("INSERT OR IGNORE INTO regions (code, name) VALUES (?1, ?2)")?;
            let mut dep = tx.prepare("INSERT OR IGNORE INTO departements (code, name, region_code) VALUES (?1, ?2, ?3)")?;
            let mut epci = tx.prepare("INSERT OR IGNORE INTO epcis (code, name) VALUES (?1, ?2)")?;
            let mut commune = tx.prepare(
                "INSERT OR REPLACE INTO communes (insee, name, name_key, postal_codes, departement_code, epci_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for c in communes {
                region.execute(params![c.region.code, c.region.name])?;
                dep.execute(params![c.departement.code, c.departement.name, c.region.code])?;
                if let Some(e) = &c.epci {
                    epci.execute(params![e.code, e.name])?;
                }
                commune.execute(params![
                    c.insee,
                    c.name,
                    name_key(&c.name),
                    c.postal_codes.join(" "),
                    c.departement.code,
                    c.epci.as_ref().map(|e| &e.code)
                ])?;
            }
            tx.execute(
                "UPDATE actors SET departement_code =
                   (SELECT departement_code FROM communes WHERE insee = actors.commune_insee)
                 WHERE commune_insee IS NOT NULL",
                [],
            )?;
            set_meta_in(tx, REFERENTIAL_KEY, version)?;
            Ok(())
        })
    }

    /// The commune with this INSEE code.
    ///
    /// # Errors
    /// A storage error.
    pub fn commune(&self, insee: &str) -> Result<Option<Commune>> {
        Ok(self
            .conn
            .prepare_cached(&format!("{COMMUNE_SELECT} WHERE c.insee = ?1"))?
            .query_row([insee], commune_from_row)
            .optional()?)
    }

    /// Communes whose name starts with `text` (ignoring case, accents,
    /// hyphens), or whose postal or INSEE code starts with it; exact and
    /// shorter names first.
    ///
    /// # Errors
    /// A storage error.
    pub fn search_communes(&self, text: &str, limit: u32) -> Result<Vec<Commune>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        if text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let like = format!("{}%", text.replace(['%', '_'], ""));
            let mut stmt = self.conn.prepare_cached(&format!(
                "{COMMUNE_SELECT} WHERE c.insee LIKE ?1 OR c.postal_codes LIKE ?1 OR c.postal_codes LIKE ?2
                 ORDER BY c.name_key LIMIT ?3"
            ))?;
            let rows =
                stmt.query_map(params![like, format!("% {like}"), limit], commune_from_row)?;
            for row in rows {
                out.push(row?);
            }
            return Ok(out);
        }
        let key = name_key(text);
        let mut stmt = self.conn.prepare_cached(&format!(
            "{COMMUNE_SELECT} WHERE c.name_key >= ?1 AND c.name_key < ?1 || char(1114111)
             ORDER BY length(c.name_key), c.name_key LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![key, limit], commune_from_row)?;
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }
}
