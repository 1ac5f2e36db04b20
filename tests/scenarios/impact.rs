//! Scenarios of the impact report on the command line: the report's text
//! (pdftotext) holds the figures `tisserand impact --format json` prints for
//! the same filters; it tells the demo's stories and names only the partners
//! who agreed; bad requests are refused by name.

use serde_json::Value;
use tisserand_domain::text::group_digits;

use super::{pdf_text, temp_db, tisserand};

/// Spaces inside numbers and before units, whatever their width.
fn plain(text: &str) -> String {
    text.replace(['\u{202F}', '\u{A0}'], " ")
}

fn count(v: &Value) -> String {
    plain(&group_digits(
        usize::try_from(v.as_u64().expect("a count")).expect("fits"),
    ))
}

/// As the report prints a total: « 1 234 », « 12,5 ».
fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = rounded.trunc() as usize;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as u32;
    let mut s = plain(&group_digits(whole));
    if cents > 0 {
        s.push(',');
        s.push_str(format!("{cents:02}").trim_end_matches('0'));
    }
    s
}

fn plural(n: &Value, one: &str, many: &str) -> String {
    let word = if n.as_u64() == Some(1) || n.as_u64() == Some(0) {
        one
    } else {
        many
    };
    format!("{} {word}", count(n))
}

/// The figures of `impact` the report must print, each as printed.
fn expected(f: &Value) -> Vec<String> {
    let mut out = vec![
        // « Méthode et limites »: the scope and the share evaluated.
        format!(
            "{} en tout",
            plural(&f["partnerships"], "partenariat", "partenariats")
        ),
        format!(
            "{} par toutes leurs parties sur {}",
            plural(
                &f["evaluated"],
                "partenariat évalué",
                "partenariats évalués"
            ),
            plural(&f["signed"], "signé", "signés")
        ),
        format!(
            "{} €",
            number((f["valueCents"].as_f64().expect("a number") / 100.0).round())
        ),
        format!(
            "{} h",
            number((f["minutes"].as_f64().expect("a number") / 60.0).round())
        ),
        count(&f["actorsInvolved"]),
    ];
    for t in f["indicatorTotals"].as_array().expect("a list") {
        out.push(number(t["total"].as_f64().expect("a number")));
    }
    for c in f["contributions"].as_array().expect("a list") {
        out.push(format!(
            "{} €",
            number((c["valueCents"].as_f64().expect("a number") / 100.0).round())
        ));
    }
    out
}

fn report_text(db: &std::path::Path, dir: &std::path::Path, name: &str, args: &[&str]) -> String {
    let pdf = dir.join(name);
    let mut all = vec!["report", "-o", pdf.to_str().expect("a UTF-8 path")];
    all.extend_from_slice(args);
    tisserand(db, &all).ok();
    plain(&pdf_text(&pdf))
}

#[test]
fn the_report_prints_the_figures_of_impact_for_the_same_filters() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    for filters in [
        &[][..],
        &["--departement", "68"][..],
        &["--mode", "mecenat"][..],
    ] {
        let mut args = vec!["impact", "--format", "json"];
        args.extend_from_slice(filters);
        let figures = tisserand(&db, &args).json();
        assert!(
            figures["partnerships"].as_u64().expect("a count") > 0,
            "{filters:?}"
        );
        let text = report_text(&db, dir.path(), "rapport.pdf", filters);
        for figure in expected(&figures) {
            assert!(
                text.contains(&figure),
                "{filters:?}: « {figure} » missing from the report:\n{text}"
            );
        }
    }
}

#[test]
fn the_report_tells_the_chosen_stories_and_names_only_partners_who_agreed() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let text = report_text(
        &db,
        dir.path(),
        "all.pdf",
        &[
            "--title",
            "Bilan du Labo",
            "--publisher",
            "Labo des partenariats d'Alsace",
        ],
    );
    assert!(text.contains("Bilan du Labo"), "{text}");
    assert!(text.contains("Labo des partenariats d'Alsace"));
    assert!(text.contains("Belles histoires"));
    // The demo's partners in signed partnerships agreed, but two.
    let start = text
        .find("Les 20 partenaires suivants ont accepté")
        .unwrap_or_else(|| panic!("the named partners in:\n{text}"));
    let end = start
        + text[start..]
            .find("Méthode et limites")
            .expect("the method");
    let named = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        named.contains("Caisse Solidaire du Rhin Supérieur"),
        "{named}"
    );
    assert!(named.contains("Financeur · Colmar"), "{named}");
    assert!(
        !named.contains("Hardt Mécanique Industrie"),
        "named without agreeing: {named}"
    );
    // No story asked for: the section says so.
    let none = report_text(&db, dir.path(), "none.pdf", &["--no-stories"]);
    assert!(none.contains("Aucune histoire choisie pour ce rapport."));
    // An actor that agrees from the command line is named from then on.
    let id = tisserand(
        &db,
        &[
            "actors",
            "create",
            "--kind",
            "entreprise",
            "--name",
            "Imprimerie du Ried",
            "--named-partner",
        ],
    )
    .ok();
    let actor = tisserand(&db, &["actors", "get", id.trim(), "--format", "json"]).json();
    assert!(actor["namedPartnerSince"].is_string(), "{actor}");
}

#[test]
fn bad_report_requests_are_refused_by_name_and_write_nothing() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let pdf = dir.path().join("x.pdf");
    let out = pdf.to_str().expect("a UTF-8 path");
    let unknown = tisserand(&db, &["report", "-o", out, "--story", "nope"]).fails();
    assert!(unknown.contains("nope"), "{unknown}");
    let period = tisserand(
        &db,
        &[
            "report",
            "-o",
            out,
            "--from",
            "2026-06-01",
            "--to",
            "2026-01-01",
        ],
    )
    .fails();
    assert!(period.contains("précède"), "{period}");
    let place = tisserand(&db, &["report", "-o", out, "--departement", "99"]).fails();
    assert!(place.contains("99"), "{place}");
    let long = "x".repeat(200);
    let title = tisserand(&db, &["report", "-o", out, "--title", &long]).fails();
    assert!(title.contains("titre"), "{title}");
    assert!(!pdf.exists());
}
