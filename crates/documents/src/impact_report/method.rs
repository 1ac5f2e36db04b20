//! « Méthode et limites »: what the figures cover, how they were measured,
//! how much of it was evaluated, and what they do not say.

use tisserand_domain::impact::{ImpactFigures, ImpactFilters};

use super::{plural, section, text, Contents, ImpactReportInput, BODY};
use crate::chart::percent;
use crate::fonts::Face;
use crate::layout::{span, Writer};
use crate::typo::{french_spacing as fr, number};

/// The filters the figures were computed with, in words (the territory's
/// and period's labels stand for the place and date filters).
fn scope(input: &ImpactReportInput) -> String {
    let f: &ImpactFilters = &input.figures.filters;
    let mut parts = vec![
        format!("territoire : {}", input.territory),
        format!("période : {}", input.period),
    ];
    if let Some(m) = f.mode {
        parts.push(format!("mode principal : {}", m.label_fr()));
    }
    if let Some(t) = f.theme {
        parts.push(format!("thème : {}", t.label_fr().to_lowercase()));
    }
    if let Some(p) = &f.facilitator {
        parts.push(format!("facilitation : {p}"));
    }
    parts.join(" ; ")
}

/// `n` and its noun: « 1 partenariat signé », « 3 partenariats signés ».
fn counted(n: u32, one: &str, many: &str) -> String {
    format!("{} {}", number(f64::from(n)), plural(n, one, many))
}

fn evaluated_share(f: &ImpactFigures) -> String {
    format!(
        "{} par toutes leurs parties sur {}, soit {}. Le RAMEAU observe qu'un partenariat sur cinq seulement est évalué sur ses résultats : les chiffres d'impact ci-dessus ne portent que sur les partenariats qui ont mesuré leurs indicateurs.",
        counted(f.evaluated, "partenariat évalué", "partenariats évalués"),
        counted(f.signed, "signé", "signés"),
        percent(f64::from(f.evaluated), f64::from(f.signed)),
    )
}

fn item(w: &mut Writer, label: &str, body: &str) {
    w.bullet(
        "•",
        &[
            span(BODY.with_face(Face::Bold), fr(label)),
            span(BODY, fr(body)),
        ],
        0.0,
        BODY,
    );
}

/// The section, in the report's last pages.
pub(super) fn method(w: &mut Writer, input: &ImpactReportInput, contents: &mut Contents) {
    let f = &input.figures;
    section(w, contents, "Méthode et limites", true);
    item(
        w,
        "Périmètre. ",
        &format!(
            "{} ; {} en tout.",
            scope(input),
            counted(f.partnerships, "partenariat", "partenariats")
        ),
    );
    if !input.method.period_rule.trim().is_empty() {
        item(w, "Période. ", &input.method.period_rule);
    }
    item(w, "Part évaluée. ", &evaluated_share(f));
    item(
        w,
        "Mesures. ",
        "chaque indicateur compte pour sa dernière mesure ; un indicateur jamais mesuré ne compte pas. Les totaux additionnent les indicateurs de même thème, même niveau (réalisation, résultat, impact) et même unité ; les façons d'écrire une même unité sont regroupées (« pers. », « personnes »).",
    );
    item(
        w,
        "Contributions. ",
        "valeurs déclarées par les partenaires, classées selon le mode principal du partenariat ; les heures de compétences sont valorisées comme chaque partenariat l'indique.",
    );
    let unclassified: u32 = f
        .by_stage_and_mode
        .iter()
        .filter(|c| c.mode.is_none())
        .map(|c| c.count)
        .sum();
    if unclassified > 0 {
        item(
            w,
            "Non classés. ",
            &format!(
                "{} pas encore de mode principal sur l'échelle du RAMEAU.",
                counted(unclassified, "partenariat n'a", "partenariats n'ont")
            ),
        );
    }
    for note in &input.method.notes {
        text(w, note);
    }
    w.space(6.0);
    text(
        w,
        "Ces chiffres ne décrivent que les partenariats suivis dans Tisserand : ils ne mesurent ni ce qui se fait sans facilitation, ni les effets non mesurés. Les histoires et les citations sont publiées avec l'accord de leurs auteurs.",
    );
}
