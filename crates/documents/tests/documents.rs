//! End-to-end checks of the PDFs with poppler's tools (`pdftotext`,
//! `pdfinfo`, `pdffonts`, `pdftoppm`, from the `poppler-utils` package that
//! `scripts/setup.sh` installs).
//!
//! Golden files: `tests/golden/*.pdf` hold the sample's brief and agreement.
//! After a deliberate change of the layout, the fonts or printpdf, rewrite
//! them with `UPDATE_GOLDEN=1 cargo test -p tisserand-documents golden` and
//! look at the new files before committing them.

mod common;

use common::pdf::{assert_margins_blank, pages, rendered, run, text, write};

use std::path::Path;

use tisserand_documents::{render_agreement, render_brief, render_briefs, DocumentData};
use tisserand_domain::agreement::FreeClause;
use tisserand_domain::partnership::{Party, PartyRole};
use tisserand_domain::rameau::RameauMode;

fn sample() -> DocumentData {
    common::sample()
}

#[test]
fn brief_holds_names_amounts_and_accents() {
    let pdf = write(&render_brief(&sample()).expect("brief"));
    let t = text(&pdf);
    for needle in [
        "FICHE PARTENARIAT",
        "Des ateliers de cirque pour les enfants des",
        "Boulangerie Hæberlé & Fils",
        "École de cirque « Le Petit Chapiteau »",
        "Commune de Sélestat",
        "Jean-Michel Hæberlé",
        "Aucun contact désigné",
        "Financeur",
        "Bénéficiaire",
        "Sélestat, Châtenois",
        "10 000,00 €",
        "234,56 €",
        "10 234,56 €",
        "1 000,00 €",
        "9,77 % du don",
        "usage : 25 %",
        "Réduction d'impôt estimée : 6 140,73 €",
        "Estimation indicative",
        "Mécénat",
        "Coopération",
        "Innovation sociétale",
        "Pratiques",
        "principal",
        "secondaire",
        "Étape : Contractualisation",
        "Envoyer le projet de convention",
        "échéance 3 déc. 2026",
        "Enfants inscrits aux ateliers",
        "31 enfants",
        "1 234,5 h",
        "fiche générée le 26 nov. 2026",
        "page 1 / 2",
        "page 2 / 2",
    ] {
        assert!(t.contains(needle), "brief lacks « {needle} »:\n{t}");
    }
    assert_eq!(pages(&pdf), 2);
    assert_margins_blank(&pdf);
}

#[test]
fn modes_appear_in_the_scale_order() {
    let pdf = write(&render_brief(&sample()).expect("brief"));
    let t = text(&pdf);
    let pos = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("Mécénat") < pos("Coopération"));
    assert!(pos("Coopération") < pos("Innovation sociétale"));
    assert!(pos("Innovation sociétale") < pos("Pratiques"));
}

#[test]
fn agreement_has_its_articles_blanks_and_signatures() {
    let pdf = write(&render_agreement(&sample()).expect("agreement"));
    let t = text(&pdf);
    for needle in [
        "CONVENTION DE MÉCÉNAT",
        "Article 1 — Parties",
        "Article 2 — Préambule",
        "Article 3 — Objet",
        "Article 4 — Engagements des Parties",
        "Article 5 — Contreparties",
        "Article 6 — Communication et logos",
        "Article 7 — Durée et renouvellement",
        "Article 8 — Résiliation",
        "Article 9 — Évaluation",
        "Article 10 — Données personnelles",
        "Article 11 — Litiges",
        "Article 12 — Assurances",
        "valorisé 10 000,00 €",
        "Cerfa n° 16216",
        "Pour Boulangerie Hæberlé & Fils",
        "Pour Commune de Sélestat",
        "Qualité : présidente",
        "Fait à",
        "Signature (et cachet)",
        "Paraphes",
    ] {
        assert!(t.contains(needle), "agreement lacks « {needle} »:\n{t}");
    }
    let n = pages(&pdf);
    for p in 1..=n {
        assert!(t.contains(&format!("page {p} / {n}")), "page {p} / {n}");
    }
    assert_eq!(t.matches("Paraphes").count(), n);
    assert_margins_blank(&pdf);
}

/// The text with every run of spaces and line breaks made one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_association_of_alsace_moselle_is_named_by_its_register_entry() {
    let d = sample();
    let t = flat(&text(&write(&render_agreement(&d).expect("agreement"))));
    assert!(
        t.contains(
            "École de cirque « Le Petit Chapiteau », association inscrite au registre des \
             associations du tribunal judiciaire de Colmar, volume 42, folio 17, dont le siège"
        ),
        "{t}"
    );
    assert!(!t.contains("RNA"), "{t}");
    let b = flat(&text(&write(&render_brief(&d).expect("brief"))));
    assert!(b.contains("Association · TJ Colmar, vol. 42, f° 17"), "{b}");
    assert!(!b.contains("RNA"), "{b}");

    // Only the number of the electronic register known, no court yet.
    let mut d = sample();
    let a = &mut d.parties[1].actor;
    a.register_court = None;
    a.register_volume = None;
    a.register_folio = None;
    a.register_number = Some("67-2025-000123".into());
    let t = flat(&text(&write(&render_agreement(&d).expect("agreement"))));
    assert!(
        t.contains("association inscrite au registre des associations du tribunal judiciaire de sous le numéro 67-2025-000123"),
        "a blank is left for the court: {t}"
    );

    // A 1901-law association is named with its RNA number.
    let mut d = sample();
    let a = &mut d.parties[1].actor;
    a.legal_regime = Some(tisserand_domain::AssociationRegime::Loi1901);
    a.register_court = None;
    a.register_volume = None;
    a.register_folio = None;
    a.rna = Some("W751234567".into());
    let t = flat(&text(&write(&render_agreement(&d).expect("agreement"))));
    assert!(
        t.contains(
            "association régie par la loi du 1er juillet 1901, RNA W751234567, dont le siège"
        ),
        "{t}"
    );
    assert!(!t.contains("tribunal judiciaire"), "{t}");
}

#[test]
fn agreement_is_a_partnership_convention_unless_mecenat_is_primary() {
    let mut d = sample();
    d.partnership.modes.primary = Some(RameauMode::CooperationEconomique);
    d.partnership.modes.secondary = vec![RameauMode::Mecenat];
    let t = text(&write(&render_agreement(&d).expect("agreement")));
    assert!(t.contains("CONVENTION DE PARTENARIAT"));
    assert!(!t.contains("CONVENTION DE MÉCÉNAT"));
}

#[test]
fn sixty_clauses_paginate_with_every_word() {
    let mut d = sample();
    d.agreement.clauses = (1..=60)
        .map(|i| FreeClause {
            title: format!("Clause particulière numéro{i}"),
            body: (1..=40)
                .map(|j| format!("mot{i}x{j}"))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let pdf = write(&render_agreement(&d).expect("agreement"));
    let t = text(&pdf);
    let words: std::collections::HashSet<&str> = t.split_whitespace().collect();
    for i in 1..=60 {
        assert!(
            t.contains(&format!("numéro{i}\n")) || words.contains(format!("numéro{i}").as_str()),
            "title {i}"
        );
        for j in 1..=40 {
            let w = format!("mot{i}x{j}");
            assert!(words.contains(w.as_str()), "{w} missing");
        }
    }
    assert!(pages(&pdf) >= 10, "{} pages", pages(&pdf));
    assert_margins_blank(&pdf);
}

#[test]
fn fonts_are_embedded_and_subset() {
    let pdf = write(&render_brief(&sample()).expect("brief"));
    let fonts = run("pdffonts", &[], &pdf.path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 3, "{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "{row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type… encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
    assert!(std::fs::metadata(&pdf.path).expect("meta").len() < 200_000);
}

#[test]
fn same_data_gives_the_same_bytes() {
    let d = sample();
    assert_eq!(render_brief(&d).expect("a"), render_brief(&d).expect("b"));
    assert_eq!(
        render_agreement(&d).expect("a"),
        render_agreement(&d).expect("b")
    );
    let mut later = d.clone();
    later.generated_on = later.generated_on.succ_opt().expect("date");
    assert_ne!(
        render_brief(&d).expect("a"),
        render_brief(&later).expect("b")
    );
}

#[test]
fn golden_files_match() {
    let d = sample();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (name, bytes) in [
        ("brief.pdf", render_brief(&d).expect("brief")),
        ("agreement.pdf", render_agreement(&d).expect("agreement")),
    ] {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &bytes).expect("write golden");
            continue;
        }
        let golden = std::fs::read(&path).expect("golden file (UPDATE_GOLDEN=1 to create)");
        assert!(
            golden == bytes,
            "{name} differs from tests/golden/{name}: if the change is deliberate, \
             rerun with UPDATE_GOLDEN=1 and look at the new file"
        );
    }
}

#[test]
fn combined_briefs_number_each_brief() {
    let d = sample();
    let pdf = write(
        &render_briefs(
            &[d.clone(), d.clone(), d],
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"),
        )
        .expect("briefs"),
    );
    assert_eq!(pages(&pdf), 6);
    let t = text(&pdf);
    assert_eq!(t.matches("page 1 / 2").count(), 3);
}

// ---- bad input: each gives a valid, readable PDF ----

fn check_both(d: &DocumentData) -> (String, String) {
    let brief = write(&render_brief(d).expect("brief"));
    let agreement = write(&render_agreement(d).expect("agreement"));
    assert!(pages(&brief) >= 1);
    assert!(pages(&agreement) >= 1);
    assert_margins_blank(&brief);
    assert_margins_blank(&agreement);
    (text(&brief), text(&agreement))
}

#[test]
fn a_2000_character_title() {
    let mut d = sample();
    d.partnership.title = "Partenariat très ambitieux ".repeat(80)[..2000].to_owned();
    let (b, a) = check_both(&d);
    assert!(b.matches("ambitieux").count() >= 70);
    assert!(a.contains("CONVENTION DE MÉCÉNAT"));
}

#[test]
fn a_50000_character_preamble() {
    let mut d = sample();
    let para =
        "Le quartier Ouest compte de nombreux enfants sans activité le mercredi après-midi. ";
    let mut long = String::new();
    let mut i = 0;
    while long.chars().count() < 50_000 {
        long.push_str(para);
        i += 1;
        if i % 12 == 0 {
            long.push_str("\n\n");
        }
    }
    d.agreement.preamble = Some(long);
    let pdf = write(&render_agreement(&d).expect("agreement"));
    assert!(pages(&pdf) > 10);
    let t = text(&pdf);
    assert!(
        t.matches("mercredi").count() >= 580,
        "{}",
        t.matches("mercredi").count()
    );
    assert_margins_blank(&pdf);
}

#[test]
fn parties_without_contacts_or_data() {
    let mut d = sample();
    for p in &mut d.parties {
        p.contact = None;
    }
    d.partnership.parties.push(Party {
        actor_id: "inconnu-42".into(),
        role: PartyRole::Operateur,
        contact_id: None,
    });
    let (b, a) = check_both(&d);
    assert!(b.contains("Aucun contact désigné"));
    assert!(b.contains("inconnu-42"));
    assert!(a.contains("Pour inconnu-42"));
    assert!(a.contains("représenté(e) par"));
}

#[test]
fn the_brief_words_timeline_entries_in_french() {
    use tisserand_domain::{Stage, TimelineEntry, TimelineFact};
    let mut d = sample();
    let at = "2026-11-20T09:00:00Z".parse().unwrap();
    d.partnership.timeline.push(TimelineEntry {
        at,
        fact: TimelineFact::Stage {
            from: Stage::Contractualisation,
            to: Stage::MiseEnOeuvre,
            reason: Some("convention signée".into()),
        },
    });
    let (b, _) = check_both(&d);
    assert!(b.contains("Contractualisation → Mise en œuvre"), "{b}");
    assert!(b.contains("convention signée"), "{b}");
}

#[test]
fn no_amounts_no_indicators_no_timeline() {
    let mut d = sample();
    d.partnership.contributions.clear();
    d.partnership.counterparts.clear();
    d.partnership.indicators.clear();
    d.partnership.objectives.clear();
    d.partnership.next_actions.clear();
    d.partnership.timeline.clear();
    d.partnership.summary = None;
    d.partnership.modes = Default::default();
    d.territory.clear();
    d.agreement = Default::default();
    let (b, a) = check_both(&d);
    assert!(b.contains("Aucune contribution renseignée"));
    assert!(b.contains("Aucun indicateur défini"));
    assert!(a.contains("CONVENTION DE PARTENARIAT"));
    assert!(a.contains("Indicateurs retenus"));
}

#[test]
fn emoji_and_missing_glyphs_are_replaced() {
    let mut d = sample();
    d.partnership.title = "Fête 🎉 des enfants 👩‍👧 ✨".into();
    d.partnership.summary = Some("Un projet 🚀 très attendu\u{FE0F} ; 中文 ok".into());
    let (b, a) = check_both(&d);
    assert!(b.contains("Fête □ des enfants"), "{b}");
    assert!(!b.contains('🎉'));
    assert!(a.contains("Fête □"));
}

#[test]
fn a_word_longer_than_the_line() {
    let mut d = sample();
    let word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(6);
    d.partnership.summary = Some(format!("Avant {word} après."));
    d.parties[0].actor.name = word.clone();
    let (b, _a) = check_both(&d);
    let joined: String = b.split_whitespace().collect();
    assert!(joined.contains(&word));
}

#[test]
fn no_heading_ends_a_page() {
    let mut d = sample();
    d.agreement.clauses = (1..=40)
        .map(|i| FreeClause {
            title: format!("Clause {i}"),
            body: "Texte de la clause, assez long pour occuper quelques lignes de la page et déplacer les titres suivants. ".repeat(i % 5 + 1),
        })
        .collect();
    let pdf = write(&render_agreement(&d).expect("agreement"));
    let n = pages(&pdf);
    for p in 1..n {
        let page = p.to_string();
        let t = run(
            "pdftotext",
            &["-enc", "UTF-8", "-f", &page, "-l", &page],
            &pdf.path,
        );
        let body: Vec<&str> = t
            .lines()
            .map(str::trim)
            .filter(|l| {
                !l.is_empty()
                    && !l.starts_with("Convention de")
                    && !l.starts_with("page ")
                    && *l != "Paraphes"
                    && !l.starts_with('\u{c}')
            })
            .collect();
        let last = body.last().expect("page text");
        assert!(
            !last.starts_with("Article "),
            "page {p} ends with the heading « {last} »"
        );
    }
}

// ---- a brief on one page when it can be, on several pages when it must ----

/// The text of page `n`.
fn page_text(pdf: &common::pdf::Pdf, n: usize) -> String {
    let page = n.to_string();
    common::pdf::plain(&run(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &page, "-l", &page],
        &pdf.path,
    ))
}

/// A simple partnership, as the demo has many: two parties, one gift in
/// kind and one counterpart, one action, a short story; no objectives nor
/// indicators yet. The usual layout spilled its history onto a second page.
fn simple() -> DocumentData {
    let mut d = sample();
    d.parties.truncate(2);
    d.partnership.parties.truncate(2);
    d.partnership.title = "Une salle de répétition pour le Théâtre du Sundgau".into();
    d.partnership.summary =
        Some("L'hôtel-restaurant prête sa salle de séminaire le lundi, jour de fermeture.".into());
    d.partnership.contributions.truncate(1);
    d.partnership.contributions[0].description =
        Some("Salle de 80 m² le lundi, 40 lundis par an".into());
    d.partnership.next_actions.truncate(1);
    d.partnership.objectives.clear();
    d.partnership.indicators.clear();
    d.partnership.timeline.truncate(3);
    d
}

#[test]
fn a_simple_partnership_brief_fits_on_one_page() {
    let d = simple();
    let pdf = write(&render_brief(&d).expect("brief"));
    assert_eq!(pages(&pdf), 1);
    let t = flat(&text(&pdf));
    for needle in [
        "Une salle de répétition pour le Théâtre du Sundgau",
        "Boulangerie Hæberlé & Fils",
        "Salle de 80 m² le lundi, 40 lundis par an",
        "Logo sur l'affiche du spectacle et 20 places offertes",
        "Envoyer le projet de convention aux deux parties",
        "Pas encore renseignés : objectifs, indicateurs.",
        "Historique récent",
        "Partenariat créé après le speed dating",
        "La mairie prête le gymnase",
        "page 1 / 1",
    ] {
        assert!(t.contains(needle), "brief lacks « {needle} »: {t}");
    }
    assert_margins_blank(&pdf);
    // Exported with others, it keeps its one page.
    let both = write(&render_briefs(&[d.clone(), sample()], d.generated_on).expect("briefs"));
    assert_eq!(pages(&both), 1 + 2);
}

#[test]
fn a_long_brief_still_paginates_well() {
    use tisserand_domain::partnership::{
        Contribution, ContributionKind, NextAction, TimelineEntry,
    };
    let mut d = sample();
    for i in 1..=25 {
        d.partnership.contributions.push(Contribution {
            actor_id: "a-1".into(),
            kind: ContributionKind::Nature,
            value_cents: 10_000 * i,
            minutes: 0,
            description: Some(format!(
                "Livraison numéro{i} de pains et de viennoiseries pour le goûter des ateliers"
            )),
        });
        d.partnership.next_actions.push(NextAction {
            text: format!("Action numéro{i} à mener avec l'école de cirque"),
            owner: Some("Claire".into()),
            due_on: None,
            done: false,
        });
    }
    let last = d.partnership.timeline.last().expect("timeline").clone();
    d.partnership.timeline.push(TimelineEntry {
        fact: tisserand_domain::TimelineFact::Note {
            text: "Le spectacle de fin d'année est fixé au 20 juin.".into(),
        },
        ..last
    });
    let pdf = write(&render_brief(&d).expect("brief"));
    let n = pages(&pdf);
    assert!(n >= 3, "{n} pages");
    let t = text(&pdf);
    let words: std::collections::HashSet<&str> = t.split_whitespace().collect();
    for i in 1..=25 {
        assert!(
            words.contains(format!("numéro{i}").as_str()),
            "contribution {i}"
        );
    }
    for p in 1..=n {
        let body = page_text(&pdf, p);
        assert!(body.contains(&format!("page {p} / {n}")), "page {p} / {n}");
        // No page ends with a section heading, and a table that runs over a
        // page repeats its header.
        let lines: Vec<&str> = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("Tisserand") && !l.starts_with("page "))
            .collect();
        let last = lines.last().expect("page text");
        for heading in [
            "Parties",
            "Territoire et besoin",
            "Objectifs",
            "Contributions et contreparties",
            "Étape et prochaines actions",
            "Indicateurs",
            "Historique récent",
        ] {
            assert_ne!(*last, heading, "page {p} ends with a heading");
        }
    }
    assert!(
        page_text(&pdf, 2).contains("Apportée par"),
        "header repeated"
    );
    // The usual look is kept: sections that are empty are not folded.
    assert!(!t.contains("Pas encore renseignés"));
    assert!(t.contains("Le spectacle de fin d'année est fixé au 20 juin."));
    assert_margins_blank(&pdf);
}

#[test]
fn the_letterhead_heads_the_first_page_and_signs_the_footers() {
    let mut d = sample();
    d.letterhead = tisserand_documents::Letterhead {
        name: "Labo des partenariats d'Alsace".into(),
        address: Some("3 rue des Tisserands\n68000 Colmar".into()),
        siret: Some("73282932000074".into()),
        logo: Some(include_bytes!("fixtures/photo.jpg").to_vec()),
    };
    d.agreement_defaults.place = Some("Colmar".into());
    d.agreement_defaults.court = Some("tribunal judiciaire de Colmar".into());
    d.agreement_defaults.originals = Some(4);
    let brief = render_brief(&d).expect("brief");
    assert!(
        brief
            .windows(b"/Subtype /Image".len())
            .any(|w| w == b"/Subtype /Image")
            || brief
                .windows(b"/Subtype/Image".len())
                .any(|w| w == b"/Subtype/Image"),
        "the logo is in the file"
    );
    let t = text(&write(&brief));
    for needle in [
        "Labo des partenariats d'Alsace",
        "68000 Colmar",
        "SIRET 732 829 320 00074",
        "Labo des partenariats d'Alsace · fiche générée",
    ] {
        assert!(t.contains(needle), "{needle} in {t}");
    }
    let t = text(&write(&render_agreement(&d).expect("agreement")));
    for needle in [
        "Labo des partenariats d'Alsace",
        "Fait en 4 exemplaires originaux.",
        "Fait à Colmar le",
        "devant le tribunal judiciaire de Colmar.",
    ] {
        assert!(t.contains(needle), "{needle} in {t}");
    }
}

/// Saturated pixels (a photo's colours, not black text on white) in the
/// top left corner of a page: where the letterhead's logo goes.
fn colours_top_left(pdf: &common::pdf::Pdf) -> usize {
    let (w, _, pixels) = rendered(pdf, 1);
    let margin = (51.0 / 72.0 * 50.0) as usize;
    let (box_w, box_h) = (
        (120.0 / 72.0 * 50.0) as usize,
        (44.0 / 72.0 * 50.0) as usize,
    );
    let mut n = 0;
    for y in margin..margin + box_h {
        for x in margin..margin + box_w {
            let [r, g, b] = pixels[y * w + x];
            if r.max(g).max(b) - r.min(g).min(b) > 60 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn the_logo_is_drawn_in_the_top_left_corner_of_the_rendered_page() {
    let plain = sample();
    assert_eq!(
        colours_top_left(&write(&render_brief(&plain).expect("brief"))),
        0
    );
    let mut headed = sample();
    headed.letterhead = tisserand_documents::Letterhead {
        name: "Labo des partenariats d'Alsace".into(),
        address: None,
        siret: None,
        logo: Some(include_bytes!("fixtures/photo.jpg").to_vec()),
    };
    let drawn = colours_top_left(&write(&render_brief(&headed).expect("brief")));
    assert!(drawn > 100, "{drawn} coloured pixels where the logo goes");
}
