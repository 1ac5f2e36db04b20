//! What the command line prints: aligned tables for people, JSON for scripts.

use serde::Serialize;
use tisserand_app::{AppError, AppInfo, ErrorKind};
use tisserand_domain::{
    ActorDetail, ActorPage, Commune, ContactPage, ContactSummary, SearchEntity, SearchHit,
};

use crate::Format;

/// « 1 acteur », « 0 acteur », « 3 acteurs » (French: singular below 2).
pub(crate) fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n < 2 { one } else { many })
}

pub(crate) fn json<T: Serialize + ?Sized>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => out!("{text}"),
        Err(e) => eprintln!("erreur : sortie JSON impossible : {e}"),
    }
}

/// Prints rows as columns padded to their widest cell (counted in characters).
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count().min(60));
        }
    }
    let line = |cells: Vec<String>| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let cell: String = cell.chars().take(60).collect();
            if i + 1 == cells.len() {
                out.push_str(&cell);
            } else {
                out.push_str(&format!("{cell:<w$}  "));
            }
        }
        out!("{}", out.trim_end());
    };
    line(header.iter().map(|h| (*h).to_owned()).collect());
    for row in rows {
        line(row.clone());
    }
}

pub(crate) fn info(info: &AppInfo, format: Format) {
    match format {
        Format::Json => json(info),
        Format::Table => {
            out!("Tisserand {}", info.version);
            out!("Fichier de données : {}", info.db_path);
            out!(
                "Acteurs : {} · Contacts : {}",
                info.actor_count,
                info.contact_count
            );
            if info.demo {
                out!("Le territoire de démonstration est chargé.");
            }
        }
    }
}

pub(crate) fn actor_page(page: &ActorPage, format: Format) {
    match format {
        Format::Json => json(&page.rows),
        Format::Table => {
            let rows: Vec<Vec<String>> = page
                .rows
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.kind.label_fr().to_owned(),
                        a.name.clone(),
                        a.commune
                            .as_ref()
                            .map(|c| format!("{} ({})", c.name, c.insee))
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["ID", "TYPE", "NOM", "COMMUNE"], &rows);
            let shown = page.rows.len();
            if usize::try_from(page.total).unwrap_or(usize::MAX) > shown {
                out!(
                    "({shown} sur {} acteurs ; --offset et --limit pour la suite)",
                    page.total
                );
            }
        }
    }
}

pub(crate) fn hits(hits: &[SearchHit], format: Format) {
    match format {
        Format::Json => json(hits),
        Format::Table => {
            if hits.is_empty() {
                out!("Aucun résultat.");
                return;
            }
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    let what = match h.entity {
                        SearchEntity::Actor => "acteur",
                        SearchEntity::Contact => "contact",
                    };
                    vec![
                        h.id.clone(),
                        what.to_owned(),
                        h.title.clone(),
                        h.subtitle.clone(),
                    ]
                })
                .collect();
            table(&["ID", "QUOI", "NOM", "DÉTAIL"], &rows);
        }
    }
}

pub(crate) fn created<T: Serialize>(value: &T, id: &str, format: Format) {
    match format {
        Format::Json => json(value),
        Format::Table => out!("{id}"),
    }
}

pub(crate) fn communes(communes: &[Commune], format: Format) {
    match format {
        Format::Json => json(communes),
        Format::Table => {
            let rows: Vec<Vec<String>> = communes
                .iter()
                .map(|c| {
                    vec![
                        c.insee.clone(),
                        c.name.clone(),
                        c.postal_codes.join(" "),
                        format!("{} {}", c.departement.code, c.departement.name),
                        c.epci.as_ref().map(|e| e.name.clone()).unwrap_or_default(),
                    ]
                })
                .collect();
            table(
                &["INSEE", "COMMUNE", "CODES POSTAUX", "DÉPARTEMENT", "EPCI"],
                &rows,
            );
        }
    }
}

pub(crate) fn actor_detail(d: &ActorDetail, format: Format) {
    if format == Format::Json {
        // The actor's own fields first, then its commune in full and its contacts.
        let mut value = serde_json::to_value(&d.actor).unwrap_or_default();
        if let Some(obj) = value.as_object_mut() {
            obj.insert(
                "communeDetail".into(),
                serde_json::to_value(&d.commune).unwrap_or_default(),
            );
            obj.insert(
                "contacts".into(),
                serde_json::to_value(&d.contacts).unwrap_or_default(),
            );
        }
        json(&value);
        return;
    }
    let a = &d.actor;
    out!("{}", a.name);
    out!("{}", "=".repeat(a.name.chars().count().min(80)));
    let field = |label: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out!("{label:<12} {v}");
        }
    };
    field("Type", Some(a.kind.label_fr()));
    field("Id", Some(&a.id));
    field("SIREN", a.siren.as_deref());
    field("SIRET", a.siret.as_deref());
    field("RNA", a.rna.as_deref());
    if let Some(r) = a.legal_regime {
        let how = if a.legal_regime_chosen {
            ""
        } else {
            " (d'après le siège)"
        };
        out!("{:<12} {}{how}", "Régime", r.label_fr());
    }
    field("Registre", a.register_entry_fr().as_deref());
    field("Adresse", a.address.as_deref());
    if let Some(c) = &d.commune {
        let epci = c
            .epci
            .as_ref()
            .map(|e| format!(" · {}", e.name))
            .unwrap_or_default();
        out!(
            "{:<12} {} ({}) · {}{epci}",
            "Commune",
            c.name,
            c.insee,
            c.departement.name
        );
    }
    field("Secteur", a.sector.as_deref());
    field("Site", a.website.as_deref());
    for (label, items) in [("Besoins", &a.needs), ("Offres", &a.offers)] {
        if !items.is_empty() {
            out!("{label} :");
            for r in items {
                out!("  - [{}] {}", r.category.label_fr(), r.text);
            }
        }
    }
    field("Enjeux", a.stakes.as_deref());
    if !a.tags.is_empty() {
        out!("{:<12} {}", "Mots-clés", a.tags.join(", "));
    }
    field("Notes", a.notes.as_deref());
    if !d.contacts.is_empty() {
        out!("Contacts :");
        for c in &d.contacts {
            let details: Vec<&str> = [c.role.as_deref(), c.email.as_deref(), c.phone.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            out!("  - {} — {}", c.display_name(), details.join(" · "));
        }
    }
}

/// The serde code of an enum value (`interet_legitime`).
fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A contacts-list row as text cells: name, organisation, kind, role,
/// e-mail, phone, commune, legal basis, consents, and why an invitation
/// mailing leaves it out (empty: it may be invited).
fn contact_cells(c: &ContactSummary) -> Vec<String> {
    vec![
        c.first_name.clone(),
        c.last_name.clone(),
        c.actor_name.clone().unwrap_or_default(),
        c.actor_kind
            .map(|k| k.label_fr().to_owned())
            .unwrap_or_default(),
        c.role.clone().unwrap_or_default(),
        c.email.clone().unwrap_or_default(),
        c.phone.clone().unwrap_or_default(),
        c.commune
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        code(&c.legal_basis),
        c.consents.iter().map(code).collect::<Vec<_>>().join(" ; "),
        c.mailing_exclusion
            .map(|r| r.label_fr().to_owned())
            .unwrap_or_default(),
    ]
}

const CONTACT_HEADERS: [&str; 11] = [
    "Prénom",
    "Nom",
    "Organisation",
    "Type d'organisation",
    "Fonction",
    "E-mail",
    "Téléphone",
    "Commune",
    "Base légale",
    "Consentements",
    "Exclu des invitations",
];

pub(crate) fn contact_page(page: &ContactPage, format: Format) {
    match format {
        Format::Json => json(&page.rows),
        Format::Table => {
            let rows: Vec<Vec<String>> = page
                .rows
                .iter()
                .map(|c| {
                    let cells = contact_cells(c);
                    vec![
                        c.id.clone(),
                        format!("{} {}", cells[0], cells[1]).trim().to_owned(),
                        cells[2].clone(),
                        cells[5].clone(),
                        cells[7].clone(),
                        cells[10].clone(),
                    ]
                })
                .collect();
            table(
                &[
                    "ID",
                    "NOM",
                    "ORGANISATION",
                    "E-MAIL",
                    "COMMUNE",
                    "EXCLU DES INVITATIONS",
                ],
                &rows,
            );
            let shown = page.rows.len();
            if usize::try_from(page.total).unwrap_or(usize::MAX) > shown {
                out!(
                    "({shown} sur {} contacts ; --offset et --limit pour la suite)",
                    page.total
                );
            }
        }
    }
}

/// The rows of a contacts-list page as CSV on the standard output.
pub(crate) fn contact_csv(page: &ContactPage) -> Result<(), AppError> {
    tisserand_tabular::write_csv(
        std::io::stdout().lock(),
        &CONTACT_HEADERS,
        page.rows.iter().map(contact_cells),
    )
    .map_err(|e| AppError::new(ErrorKind::Storage, e.message_fr(), e.message_en()))
}
