//! The event pack of a speed-dating event, checked with poppler's tools
//! (`pdftotext`, `pdfinfo`, `pdftoppm`) like the brief and the agreement.
//!
//! The fixture (`tests/fixtures/event_pack.json`): 4 associations seated at
//! tables 1–4, 5 companies visiting, 4 rounds, a 15-minute break after
//! round 2, the Garage Schneider pausing in round 3 (table 4 empty then),
//! Nouvelle Pousse SAS meeting nobody. The pack's pages, in order:
//! 9 plannings (associations then companies, by name), 4 table sheets,
//! 4 table cards, 8 « À revoir » sheets (nobody to tick for Nouvelle
//! Pousse).

mod common;

use common::pdf::{assert_margins_blank, pages, plain, run, text, write, Pdf};

use tisserand_documents::{
    render_event_pack, DocumentError, EventPackData, PackMeeting, PackSelection,
};

/// The text of one page (1-based), spaces made plain.
fn page_text(pdf: &Pdf, page: usize) -> String {
    let p = page.to_string();
    plain(&run(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &p, "-l", &p],
        &pdf.path,
    ))
}

/// Width and height in points of each page.
fn page_sizes(pdf: &Pdf) -> Vec<(f32, f32)> {
    let n = pages(pdf).to_string();
    run("pdfinfo", &["-f", "1", "-l", &n], &pdf.path)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let dims = l.split("size:").nth(1).expect("size");
            let mut it = dims.split_whitespace();
            let w: f32 = it.next().expect("w").parse().expect("w");
            it.next();
            let h: f32 = it.next().expect("h").parse().expect("h");
            (w, h)
        })
        .collect()
}

/// Words joined without spaces: survives line breaks in wrapped names.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

fn whole(d: &EventPackData) -> Pdf {
    write(&render_event_pack(d, PackSelection::Whole).expect("pack"))
}

fn assert_has(page: &str, needles: &[&str]) {
    for n in needles {
        assert!(page.contains(n), "lacks « {n} »:\n{page}");
    }
}

const RULES: &str =
    "L'association ne demande pas d'argent, l'entreprise ne fait pas de démarchage commercial.";

#[test]
fn plannings_come_first_by_side_then_name() {
    let pdf = whole(&common::event_pack());
    assert_eq!(pages(&pdf), 25);
    let order = [
        "Association pour le développement",
        "École de cirque « Le Petit Chapiteau »",
        "Épicerie solidaire du Ried",
        "Les Petits Débrouillards d'Alsace",
        "Boulangerie Hæberlé & Fils",
        "Garage Schneider",
        "Imprimerie Zimmermann",
        "Nouvelle Pousse SAS",
        "Transports Koenig",
    ];
    for (i, name) in order.iter().enumerate() {
        let t = page_text(&pdf, i + 1);
        assert!(t.starts_with("PLANNING · "), "page {}:\n{t}", i + 1);
        assert!(
            t.contains(&format!("planning de {name}"))
                || squeeze(&t).contains(&squeeze(&format!("planning de {name}"))),
            "page {} should be the planning of {name}:\n{t}",
            i + 1
        );
    }
}

#[test]
fn a_seated_planning_has_its_table_rounds_times_break_and_pause() {
    let pdf = whole(&common::event_pack());
    // Table 4: the long name, wrapped; nobody in round 3.
    let t = page_text(&pdf, 1);
    assert_has(
        &t,
        &[
            "PLANNING · ASSOCIATION",
            "Rencontres entreprises–associations du Centre-Alsace",
            "jeudi 3 décembre 2026 · de 14 h 00 à 14 h 49 · Salle des fêtes, Sélestat",
            "contact : Paul Weber",
            "Tour",
            "Horaire",
            "Vous rencontrez",
            "14 h 00 – 14 h 07",
            "Transports Koenig",
            "Transport régional de marchandises",
            "Cherche : Engagement des salariés",
            "Propose : Transport de matériel",
            "Pause de 15 min · 14 h 17 – 14 h 32",
            "14 h 32 – 14 h 39",
            "Pause : pas de rencontre à ce tour",
            "Boulangerie Hæberlé & Fils",
            "Jean-Michel Hæberlé",
            "14 h 42 – 14 h 49",
            RULES,
            "page 1 / 25",
            "édité le 26 nov. 2026",
        ],
    );
    // The table number is larger than its label: pdftotext puts it on a
    // line of its own.
    assert!(squeeze(&t).contains(&squeeze("Votre table : 4")), "{t}");
    assert!(squeeze(&t).contains(&squeeze(
        "Association pour le développement des jardins partagés et de l'agriculture urbaine dans le Bas-Rhin et au-delà"
    )));
    // The break comes between rounds 2 and 3.
    let pos = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("14 h 10 – 14 h 17") < pos("Pause de 15 min"));
    assert!(pos("Pause de 15 min") < pos("14 h 32 – 14 h 39"));
}

#[test]
fn a_visitor_planning_names_each_table_and_counterpart() {
    let pdf = whole(&common::event_pack());
    let t = page_text(&pdf, 6);
    assert_has(
        &t,
        &[
            "PLANNING · ENTREPRISE",
            "Garage Schneider",
            "Vous changez de table",
            "École de cirque « Le Petit Chapiteau »",
            "Cirque éducatif pour tous les âges",
            "Cherche : Transport de matériel",
            "Épicerie solidaire du Ried",
            "Les Petits Débrouillards d'Alsace",
            "Pause : pas de rencontre à ce tour",
            RULES,
        ],
    );
    assert!(!t.contains("Votre table"));
    // Round 1 at table 2, round 2 at table 3, round 4 at table 1.
    let tables: Vec<&str> = t
        .lines()
        .map(str::trim)
        .filter(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_digit()))
        .collect();
    for expected in ["2", "3", "1"] {
        assert!(tables.contains(&expected), "table {expected}: {tables:?}");
    }
}

#[test]
fn a_participant_without_meetings_is_told_so() {
    let pdf = whole(&common::event_pack());
    let t = page_text(&pdf, 8);
    assert_has(
        &t,
        &[
            "Nouvelle Pousse SAS",
            "Aucune rencontre n'est prévue pour vous à cet événement.",
            RULES,
        ],
    );
    assert!(!t.contains("Vous rencontrez"));
}

#[test]
fn table_sheets_cards_and_tick_sheets_follow() {
    let pdf = whole(&common::event_pack());
    for (k, table) in (10..=13).zip(1..=4) {
        let t = page_text(&pdf, k);
        assert!(t.starts_with("FICHE DE TABLE"), "page {k}:\n{t}");
        assert!(t.contains(&format!("fiche de la table {table}")), "{t}");
        assert_has(&t, &["Visiteur", "14 h 00 – 14 h 07", "Pause de 15 min"]);
    }
    let sheet = page_text(&pdf, 10);
    assert_has(
        &sheet,
        &[
            "Les Petits Débrouillards d'Alsace",
            "Boulangerie Hæberlé & Fils",
            "Transports Koenig",
            "Imprimerie Zimmermann",
            "Garage Schneider",
        ],
    );
    let fourth = page_text(&pdf, 13);
    assert_has(&fourth, &["Pas de visite à ce tour"]);

    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 25);
    for (k, table, name) in [
        (14, "1", "Les Petits Débrouillards d'Alsace"),
        (15, "2", "École de cirque « Le Petit Chapiteau »"),
        (16, "3", "Épicerie solidaire du Ried"),
        (17, "4", "Association pour le développement"),
    ] {
        let t = page_text(&pdf, k);
        assert_has(
            &t,
            &["TABLE", name, &format!("chevalet de la table {table}")],
        );
        assert!(
            t.lines().any(|l| l.trim() == table),
            "page {k}: no big {table}:\n{t}"
        );
        let (w, h) = sizes[k - 1];
        assert!(w > h, "table card {table} should be landscape: {w} × {h}");
    }
    for (k, &(w, h)) in sizes.iter().enumerate() {
        if !(14..=17).contains(&(k + 1)) {
            assert!(w < h, "page {} should be portrait", k + 1);
        }
    }

    let ticked = [
        "Association pour le développement",
        "École de cirque",
        "Épicerie solidaire du Ried",
        "Les Petits Débrouillards d'Alsace",
        "Boulangerie Hæberlé & Fils",
        "Garage Schneider",
        "Imprimerie Zimmermann",
        "Transports Koenig",
    ];
    for (k, name) in (18..=25).zip(ticked) {
        let t = page_text(&pdf, k);
        assert!(t.starts_with("À REVOIR · "), "page {k}:\n{t}");
        assert_has(&t, &[name, "À revoir", "Note", "Rencontre", "Tour 1"]);
    }
    // The Garage Schneider pauses in round 3: three meetings to tick.
    let garage = page_text(&pdf, 23);
    assert_has(
        &garage,
        &["Tour 1", "Tour 2", "Tour 4", "14 h 42 · table 1"],
    );
    assert!(!garage.contains("Tour 3"));
    assert!(!text(&pdf).contains("à revoir — Nouvelle Pousse"));
}

#[test]
fn the_pack_keeps_its_margins() {
    assert_margins_blank(&whole(&common::event_pack()));
}

#[test]
fn same_data_gives_the_same_bytes() {
    let d = common::event_pack();
    let a = render_event_pack(&d, PackSelection::Whole).expect("a");
    let b = render_event_pack(&d, PackSelection::Whole).expect("b");
    assert!(a == b, "two renderings differ");
    let one = render_event_pack(&d, PackSelection::Planning("e2")).expect("one");
    assert!(one == render_event_pack(&d, PackSelection::Planning("e2")).expect("again"));
    let mut later = d.clone();
    later.generated_on = later.generated_on.succ_opt().expect("date");
    assert!(a != render_event_pack(&later, PackSelection::Whole).expect("later"));
}

#[test]
fn one_planning_alone_for_a_reprint() {
    let d = common::event_pack();
    let pdf = write(&render_event_pack(&d, PackSelection::Planning("e2")).expect("planning"));
    assert_eq!(pages(&pdf), 1);
    let t = text(&pdf);
    assert_has(
        &t,
        &[
            "PLANNING · ENTREPRISE",
            "Garage Schneider",
            "planning de Garage Schneider",
            "École de cirque « Le Petit Chapiteau »",
            "page 1 / 1",
        ],
    );
    for absent in [
        "FICHE DE TABLE",
        "À REVOIR",
        "chevalet",
        "Transports Koenig",
    ] {
        assert!(!t.contains(absent), "« {absent} » in:\n{t}");
    }
    assert_margins_blank(&pdf);
}

#[test]
fn an_unknown_participant_is_refused_with_a_french_message() {
    let d = common::event_pack();
    let err = render_event_pack(&d, PackSelection::Planning("inconnu-42")).expect_err("unknown");
    assert_eq!(err, DocumentError::UnknownParticipant("inconnu-42".into()));
    let msg = err.to_string();
    assert!(
        msg.contains("inconnu-42") && msg.contains("participant"),
        "{msg}"
    );
}

#[test]
fn an_empty_event_gives_one_page_saying_so() {
    let mut d = common::event_pack();
    d.participants.clear();
    d.meetings.clear();
    let pdf = whole(&d);
    assert_eq!(pages(&pdf), 1);
    assert!(text(&pdf).contains("Aucun participant ni aucune table"));
}

#[test]
fn unknown_ids_and_rounds_without_times_still_print() {
    let mut d = common::event_pack();
    d.meetings.push(PackMeeting {
        round: 5,
        table: 9,
        seated: "fantome".into(),
        visitor: "e5".into(),
    });
    let pdf = whole(&d);
    let t = text(&pdf);
    // Nouvelle Pousse now meets « fantome » at table 9 in round 5, untimed.
    assert_has(
        &t,
        &["fantome", "fiche de la table 9", "chevalet de la table 9"],
    );
    assert!(!t.contains("Aucune rencontre n'est prévue"));
    assert_margins_blank(&pdf);
}

#[test]
fn twenty_rounds_keep_every_page_whole() {
    let d = common::big_event(20, 20);
    let pdf = whole(&d);
    // 40 plannings, 20 table sheets, 20 cards, 40 tick sheets: one page
    // each.
    assert_eq!(pages(&pdf), 120);
    let first = page_text(&pdf, 1);
    assert_has(
        &first,
        &["9 h 00 – 9 h 07", "Pause de 15 min", RULES, "Cherche"],
    );
    assert!(squeeze(&first).contains(&squeeze("Votre table : 1")));
    assert!(
        first.lines().any(|l| l.trim() == "20"),
        "round 20:\n{first}"
    );
    assert_margins_blank(&pdf);
}

#[test]
fn forty_rounds_run_onto_a_second_page_with_the_header_repeated() {
    let d = common::big_event(4, 40);
    let pdf = write(&render_event_pack(&d, PackSelection::Planning("v1")).expect("planning"));
    assert_eq!(pages(&pdf), 2);
    assert_eq!(text(&pdf).matches("Vous rencontrez").count(), 2);
    let second = page_text(&pdf, 2);
    assert_has(&second, &[RULES, "page 2 / 2"]);
    assert_margins_blank(&pdf);
}
