//! The impact report, checked with poppler's tools like the other
//! documents: its text holds every figure as printed, it is the same bytes
//! for the same input, its photos are embedded, nothing reaches the
//! margins, and a report the size of a year of 500 partnerships flows
//! over as many pages as it needs.

mod common;

use common::impact::{big_report, figures, report};
use common::pdf::{assert_margins_blank, pages, plain, run, text, write, Pdf};
use tisserand_documents::impact_report::{render, ImpactReportInput, ReportPhoto};
use tisserand_documents::typo::{euros_whole, hours_whole, number};
use tisserand_documents::DocumentError;
use tisserand_domain::impact::{ImpactFigures, ImpactFilters, ImpactFunnel};

fn pdf(input: &ImpactReportInput) -> Pdf {
    write(&render(input).expect("report"))
}

/// `text` with every run of white space made one space (a name wrapped
/// over two lines reads as on one).
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(hay: &str, needles: &[String]) {
    let hay = squash(hay);
    for n in needles {
        let n = squash(&plain(n));
        assert!(hay.contains(&n), "lacks « {n} »");
    }
}

/// Every number the report prints from the figures, as printed.
fn printed_figures(f: &ImpactFigures) -> Vec<String> {
    let n = |v: u32| number(f64::from(v));
    let mut out = vec![
        n(f.partnerships),
        n(f.signed),
        n(f.evaluated),
        n(f.actors_involved),
        n(f.actors_met_at_events),
        number(f.beneficiaries),
        euros_whole(f.contributions.iter().map(|c| c.value_cents).sum()),
        hours_whole(f.contributions.iter().map(|c| c.minutes).sum()),
        n(f.funnel.meetings),
        n(f.funnel.leads),
        n(f.funnel.signed),
        n(f.funnel.evaluated),
    ];
    out.extend(f.actors_by_kind.iter().map(|k| n(k.count)));
    out.extend(f.by_stage_and_mode.iter().map(|c| n(c.count)));
    out.extend(f.contributions.iter().map(|c| euros_whole(c.value_cents)));
    out.extend(f.indicator_totals.iter().map(|t| number(t.total)));
    for y in &f.years {
        out.push(y.year.to_string());
        out.extend([n(y.started), n(y.signed), n(y.evaluated)]);
        out.extend([euros_whole(y.value_cents), hours_whole(y.minutes)]);
    }
    out
}

#[test]
fn the_text_holds_every_figure_as_printed() {
    let input = report();
    let doc = pdf(&input);
    let all = text(&doc);
    assert_has(&all, &printed_figures(&input.figures));
    // Figures as the sample's reader would look for them.
    let expected = [
        "100 301 €",
        "101 h",
        "1 240",
        "12,5",
        "3 650",
        "évalués par tous leurs partenaires, soit 33 % des signés",
        "↓ 21 %",
        "↓ 33 %",
        "60 500 €",
        "39 050 €",
        "61 251 €",
    ];
    assert_has(&all, &expected.map(str::to_owned));
    let words = [
        "Rapport d'impact 2026",
        "Haut-Rhin (68)",
        "du 1er janvier au 31 décembre 2026",
        "Édité le 15 janvier 2027",
        "Chiffres clés",
        "Partenariats par étape et par mode",
        "Contributions des partenaires",
        "Indicateurs par thème",
        "De la rencontre à l'évaluation",
        "Belles histoires",
        "Partenaires cités",
        "Méthode et limites",
        "Emploi et insertion",
        "arbres plantés",
        "Mise en œuvre",
        "Coopération économique",
        "Du pain et des cabrioles : la boulangerie qui fait voler le cirque",
        "« Nos salariés se battent pour tenir la buvette ! »",
        "— Claire Hæberlé, gérante de la boulangerie",
        "14 personnes en emploi à six mois",
        "© CC Région de Guebwiller",
        "Boulangerie Hæberlé",
        "Fondation du Crédit Mutuel Alsace",
        "7 partenariats évalués par toutes leurs parties sur 21 signés, soit 33 %",
        "3 partenariats n'ont pas encore de mode principal",
        "engagé avant sa fin",
        "page 2 / 10",
    ];
    assert_has(&all, &words.map(str::to_owned));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let input = report();
    assert_eq!(render(&input).expect("a"), render(&input).expect("b"));
    let mut other = report();
    other.figures.partnerships += 1;
    assert_ne!(render(&input).expect("a"), render(&other).expect("c"));
}

#[test]
fn photos_are_embedded_as_jpeg_and_nothing_touches_the_margins() {
    let doc = pdf(&report());
    let list = run("pdfimages", &["-list"], &doc.path);
    let jpegs = list.lines().filter(|l| l.contains(" jpeg ")).count();
    assert_eq!(jpegs, 3, "{list}");
    assert!(list.contains("160   120"), "{list}");
    assert_margins_blank(&doc);
}

#[test]
fn a_photo_that_is_not_a_jpeg_is_refused_by_name() {
    let mut input = report();
    input.stories[1].photos.push(ReportPhoto {
        jpeg: b"\x89PNG\r\n\x1a\nnot a jpeg".to_vec(),
        caption: "Le marché".to_owned(),
        credit: String::new(),
    });
    let err = render(&input).expect_err("not a jpeg");
    assert_eq!(
        err,
        DocumentError::Photo {
            story: input.stories[1].headline.clone(),
            photo: "Le marché".to_owned()
        }
    );
    assert!(err.to_string().contains("« Le marché »"), "{err}");
}

#[test]
fn an_empty_year_says_so_instead_of_drawing_nothing() {
    let mut input = report();
    let f = &mut input.figures;
    f.filters = ImpactFilters::default();
    (f.partnerships, f.actors_involved, f.actors_met_at_events) = (0, 0, 0);
    (f.signed, f.evaluated, f.beneficiaries) = (0, 0, 0.0);
    f.by_stage_and_mode.clear();
    f.actors_by_kind.clear();
    f.contributions.clear();
    f.indicator_totals.clear();
    f.years.clear();
    f.funnel = ImpactFunnel::default();
    input.stories.clear();
    input.partners.clear();
    let doc = pdf(&input);
    let all = text(&doc);
    for s in [
        "Aucun acteur impliqué sur ce périmètre.",
        "Aucune contribution enregistrée sur ce périmètre.",
        "Aucun indicateur mesuré sur ce périmètre.",
        "Aucune année à montrer sur ce périmètre.",
        "Aucune histoire choisie pour ce rapport.",
        "Aucun partenaire n'a encore accepté d'être cité.",
        "soit — des signés",
        "0 partenariat évalué par toutes leurs parties sur 0 signé, soit —",
    ] {
        assert!(squash(&all).contains(s), "lacks « {s} »");
    }
    assert_margins_blank(&doc);
}

#[test]
fn a_year_of_500_partnerships_flows_over_pages() {
    let input = big_report();
    let doc = pdf(&input);
    let all = text(&doc);
    let n = pages(&doc);
    assert!(n > 14, "{n} pages");
    assert_has(&all, &printed_figures(&input.figures));
    // The last partner named, and the long name wrapped rather than cut.
    let last = input.partners.last().expect("partners");
    assert_has(&all, &[last.name.clone(), format!("page {n} / {n}")]);
    assert!(squash(&all).contains("du Florival et des vallées voisines"));
    assert_margins_blank(&doc);
}

#[test]
fn a_big_total_is_printed_whole_and_long_names_wrap() {
    let mut input = report();
    input.figures.contributions[0].value_cents = 123_456_789_012;
    input.title = "Rapport d'impact des partenariats du territoire de la Communauté de communes de la Région de Guebwiller, édition 2026".to_owned();
    let doc = pdf(&input);
    let total: i64 = input
        .figures
        .contributions
        .iter()
        .map(|c| c.value_cents)
        .sum();
    // The key figures' page: the tile shrinks its number rather than cut it.
    let key = plain(&run(
        "pdftotext",
        &["-enc", "UTF-8", "-f", "2", "-l", "2"],
        &doc.path,
    ));
    assert_has(&key, &[euros_whole(total)]);
    assert_has(&text(&doc), &[input.title.clone()]);
    assert_margins_blank(&doc);
}

#[test]
fn sample_figures_add_up() {
    // The fixture itself: 42 partnerships over stages and modes.
    let f = figures();
    assert_eq!(
        f.by_stage_and_mode.iter().map(|c| c.count).sum::<u32>(),
        f.partnerships
    );
    assert_eq!(
        f.actors_by_kind.iter().map(|c| c.count).sum::<u32>(),
        f.actors_involved
    );
}
