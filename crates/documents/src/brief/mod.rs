//! The brief (fiche partenariat): who, what, how much, where it stands.

mod money;
mod rameau_card;

use printpdf::Op;
use tisserand_domain::actor::{Actor, ActorKind};
use tisserand_domain::contact::Contact;
use tisserand_domain::partnership::{ObjectiveAxis, PartyRole};
use tisserand_domain::register::AssociationRegime;

use crate::fonts::{Face, Fonts};
use crate::layout::{
    col, span, Align, Para, Row, Span, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W, RULE,
};
use crate::typo::{date_short, french_spacing as fr, number};
use crate::DocumentData;
use money::money;
pub(crate) use rameau_card::mode_look;
use rameau_card::rameau_card;

pub(crate) const BODY: Style = Style::new(Face::Regular, 9.5, INK);
pub(crate) const SMALL: Style = Style::new(Face::Regular, 8.0, MUTED);
const H2: Style = Style::new(Face::Bold, 11.5, ACCENT);
const H2_COMPACT: Style = Style::new(Face::Bold, 10.5, ACCENT);
const HEAD: Style = Style::new(Face::Bold, 8.0, INK);
const CELL: Style = Style::new(Face::Regular, 8.5, INK);
/// Room a heading keeps for what follows it.
const KEEP: f32 = 42.0;

pub(crate) fn role_fr(role: PartyRole) -> &'static str {
    match role {
        PartyRole::Porteur => "Porteur",
        PartyRole::Partenaire => "Partenaire",
        PartyRole::Financeur => "Financeur",
        PartyRole::Beneficiaire => "Bénéficiaire",
        PartyRole::CollectiviteAssociee => "Collectivité associée",
        PartyRole::Operateur => "Opérateur",
        PartyRole::Investisseur => "Investisseur",
        PartyRole::Evaluateur => "Évaluateur",
        PartyRole::Structurateur => "Structurateur",
    }
}

pub(crate) fn contribution_fr(
    kind: tisserand_domain::partnership::ContributionKind,
) -> &'static str {
    use tisserand_domain::partnership::ContributionKind as K;
    match kind {
        K::Numeraire => "Numéraire",
        K::Nature => "En nature",
        K::Competences => "Compétences",
        K::Logistique => "Logistique",
        K::Achats => "Achats",
        K::Autre => "Autre",
    }
}

pub(crate) fn axis_fr(axis: ObjectiveAxis) -> &'static str {
    match axis {
        ObjectiveAxis::RessourcesHumaines => "Ressources humaines et compétences",
        ObjectiveAxis::RelationsPartiesPrenantes => "Relations avec les parties prenantes",
        ObjectiveAxis::Innovation => "Innovation",
        ObjectiveAxis::PerformanceEconomique => "Ressources financières, performance économique",
    }
}

/// A value with its unit, « 12 repas », or « — » when there is none.
pub(crate) fn unit_value(v: Option<f64>, unit: Option<&str>) -> String {
    match (v, unit) {
        (None, _) => "—".to_owned(),
        (Some(v), Some(u)) => format!("{}\u{A0}{u}", number(v)),
        (Some(v), None) => number(v),
    }
}

/// How tightly a brief is laid out: the usual look, or a compact one (less
/// space, a shorter Rameau card, empty sections named in one line) used
/// when it is what keeps a brief on one page.
#[derive(Debug, Clone, Copy)]
struct Look {
    compact: bool,
    title: f32,
    h2: Style,
    para: Para,
    card_h: f32,
    swatch: f32,
    letter: f32,
}

const NORMAL: Look = Look {
    compact: false,
    title: 17.0,
    h2: H2,
    para: Para {
        indent: 0.0,
        space_after: 4.0,
        align: Align::Left,
    },
    card_h: 78.0,
    swatch: 24.0,
    letter: 18.0,
};

const COMPACT: Look = Look {
    compact: true,
    title: 15.0,
    h2: H2_COMPACT,
    para: Para {
        indent: 0.0,
        space_after: 2.0,
        align: Align::Left,
    },
    card_h: 54.0,
    swatch: 15.0,
    letter: 13.0,
};

/// The brief's pages: one page whenever the brief fits on one in the
/// compact look, else the usual look over as many pages as it needs.
pub(crate) fn pages(fonts: &Fonts, data: &DocumentData) -> Vec<Vec<Op>> {
    let normal = laid_out(fonts, data, &NORMAL);
    if normal.len() == 1 {
        return normal;
    }
    let compact = laid_out(fonts, data, &COMPACT);
    if compact.len() == 1 {
        compact
    } else {
        normal
    }
}

/// The brief in one look, section after section, then the footer on each
/// page.
fn laid_out(fonts: &Fonts, data: &DocumentData, look: &Look) -> Vec<Vec<Op>> {
    let mut w = Writer::new(fonts);
    if look.compact {
        w.cell_pad_y = 2.5;
        w.table_gap = 5.0;
    }
    w.letterhead(&data.letterhead);
    header(&mut w, data, look);
    rameau_card(&mut w, data, look);
    parties(&mut w, data, look);
    territory_and_need(&mut w, data, look);
    sections(&mut w, data, look);
    history(&mut w, data, look);
    footer(w, data)
}

/// `name`, with the e-mail and phone of Réglages when they are this
/// facilitator's (the same name, case and accents aside).
fn facilitator_line(name: &str, known: &tisserand_domain::settings::Facilitator) -> String {
    use tisserand_domain::text::fold;
    let contact: Vec<&str> = [known.email.as_deref(), known.phone.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if contact.is_empty() || fold(name.trim()) != fold(known.name.trim()) {
        name.to_owned()
    } else {
        format!("{name} ({})", contact.join(", "))
    }
}

/// « FICHE PARTENARIAT » and the stage, the title, then facilitation,
/// origin and tags on one line.
fn header(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    let top = w.y;
    w.text_at(
        w.left,
        top - 8.0,
        SMALL.with_face(Face::Bold).with_color(ACCENT),
        "FICHE PARTENARIAT",
    );
    let stage = format!("Étape\u{202F}: {}", p.stage.label_fr());
    let sw = w.breaker.width(SMALL.with_face(Face::Bold), &stage);
    w.text_at(
        w.right - sw,
        top - 8.0,
        SMALL.with_face(Face::Bold).with_color(INK),
        &stage,
    );
    w.y -= 14.0;
    w.paragraph(
        &[span(Style::new(Face::Bold, look.title, INK), fr(&p.title))],
        Para {
            space_after: 2.0,
            ..Para::default()
        },
    );
    let mut meta: Vec<String> = Vec::new();
    if let Some(f) = &p.facilitator {
        meta.push(format!(
            "Facilitation : {}",
            facilitator_line(f, &data.facilitator)
        ));
    }
    if let Some(o) = &p.origin {
        meta.push(format!("Origine : {o}"));
    }
    if !p.tags.is_empty() {
        meta.push(format!("Mots-clés : {}", p.tags.join(", ")));
    }
    if !meta.is_empty() {
        w.paragraph(
            &[span(SMALL, fr(&meta.join(" · ")))],
            Para {
                space_after: 2.0,
                ..Para::default()
            },
        );
    }
    w.space(if look.compact { 3.0 } else { 6.0 });
}

/// Section « Parties »: a table of who, their role and their contact.
fn parties(w: &mut Writer, data: &DocumentData, look: &Look) {
    w.heading("Parties", look.h2, KEEP, true);
    let rows: Vec<Row> = data
        .partnership
        .parties
        .iter()
        .map(|party| {
            let data_p = data.party(&party.actor_id);
            let mut who = vec![span(
                CELL.with_face(Face::Bold),
                fr(data.actor_name(&party.actor_id)),
            )];
            if let Some(d) = data_p {
                who.extend(actor_identity(&d.actor));
            }
            let contact = contact_cell(data_p.and_then(|d| d.contact.as_ref()));
            Row {
                cells: vec![who, vec![span(CELL, role_fr(party.role))], contact],
                total: false,
            }
        })
        .collect();
    if rows.is_empty() {
        muted(w, look, "Aucune partie renseignée.");
    } else {
        w.table(
            &[
                col("Partie", 0.44, Align::Left),
                col("Rôle", 0.17, Align::Left),
                col("Contact", 0.39, Align::Left),
            ],
            &rows,
            HEAD,
            CELL,
        );
    }
}

/// Under a party's name: its kind and identifiers, then its address.
fn actor_identity(a: &Actor) -> Vec<Span> {
    let mut out = Vec::new();
    let droit_local =
        a.kind == ActorKind::Association && a.legal_regime == Some(AssociationRegime::DroitLocal);
    // « Association · TJ Colmar, vol. 42, f° 17 »: the register entry
    // says it is an association of droit local.
    let mut ids = vec![a.kind.label_fr().to_owned()];
    if droit_local {
        if let Some(entry) = register_short(a) {
            ids.push(entry);
        }
    } else if let Some(r) = &a.rna {
        ids.push(format!("RNA {r}"));
    }
    if let Some(s) = &a.siren {
        ids.push(format!("SIREN {}", group_siren(s)));
    }
    out.push(span(
        CELL.with_color(MUTED),
        format!("\n{}", ids.join(" · ")),
    ));
    let place: Vec<&str> = a
        .address
        .as_deref()
        .into_iter()
        .chain(a.commune.as_ref().map(|c| c.name.as_str()))
        .collect();
    if !place.is_empty() {
        out.push(span(
            CELL.with_color(MUTED),
            format!("\n{}", fr(&place.join(", "))),
        ));
    }
    out
}

/// A party's contact cell: name, role, e-mail and phone; or « Aucun
/// contact désigné ».
fn contact_cell(contact: Option<&Contact>) -> Vec<Span> {
    let Some(c) = contact else {
        return vec![span(
            CELL.with_face(Face::Italic).with_color(MUTED),
            "Aucun contact désigné",
        )];
    };
    let mut s = vec![span(CELL.with_face(Face::Bold), c.display_name())];
    if let Some(r) = &c.role {
        s.push(span(CELL, format!(", {}", fr(r))));
    }
    let reach: Vec<&str> = c
        .email
        .as_deref()
        .into_iter()
        .chain(c.phone.as_deref())
        .collect();
    if !reach.is_empty() {
        s.push(span(
            CELL.with_color(MUTED),
            format!("\n{}", reach.join(" · ")),
        ));
    }
    s
}

/// Section « Territoire et besoin »: the communes, then the summary.
fn territory_and_need(w: &mut Writer, data: &DocumentData, look: &Look) {
    w.heading("Territoire et besoin", look.h2, KEEP, true);
    let communes = if data.territory.is_empty() {
        vec![span(
            BODY.with_face(Face::Italic).with_color(MUTED),
            "Territoire non précisé.",
        )]
    } else {
        vec![
            span(BODY.with_face(Face::Bold), fr("Communes : ")),
            span(BODY, data.territory.join(", ")),
        ]
    };
    w.paragraph(&communes, look.para);
    match &data.partnership.summary {
        Some(s) => w.paragraph(&[span(BODY, fr(s))], look.para),
        None => muted(w, look, "Aucun résumé du besoin."),
    }
}

/// Objectives, money, actions and indicators. In the compact look,
/// sections with nothing in them are named in one line instead of a
/// heading each.
fn sections(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    let mut empty: Vec<&str> = Vec::new();
    if look.compact && p.objectives.is_empty() {
        empty.push("objectifs");
    } else {
        objectives(w, data, look);
    }
    money(w, data, look);
    actions(w, data, look);
    if look.compact && p.indicators.is_empty() {
        empty.push("indicateurs");
    } else {
        indicators(w, data, look);
    }
    if !empty.is_empty() {
        w.space(2.0);
        muted(
            w,
            look,
            &format!("Pas encore renseignés : {}.", empty.join(", ")),
        );
    }
}

/// Pages the brief with its footer: the generation date and « page N / M ».
fn footer(w: Writer, data: &DocumentData) -> Vec<Vec<Op>> {
    let on = date_short(data.generated_on);
    w.finish(|w, n, total| {
        let y = MARGIN + 14.0;
        w.hline(MARGIN, PAGE_W - MARGIN, y, 0.5, RULE);
        w.text_at(
            MARGIN,
            MARGIN + 3.0,
            SMALL,
            &format!("{} · fiche générée le {on}", data.letterhead.signature()),
        );
        let label = format!("page {n} / {total}");
        let lw = w.breaker.width(SMALL, &label);
        w.text_at(PAGE_W - MARGIN - lw, MARGIN + 3.0, SMALL, &label);
    })
}

/// A register entry in few words: « TJ Colmar, vol. 42, f° 17 ».
fn register_short(a: &Actor) -> Option<String> {
    let parts: Vec<String> = [
        a.register_court.map(|c| format!("TJ {}", c.city())),
        a.register_volume.as_ref().map(|v| format!("vol.\u{A0}{v}")),
        a.register_folio.as_ref().map(|f| format!("f°\u{A0}{f}")),
        a.register_number.as_ref().map(|n| format!("n°\u{A0}{n}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn group_siren(s: &str) -> String {
    if s.len() == 9 && s.chars().all(|c| c.is_ascii_digit()) {
        format!("{}\u{A0}{}\u{A0}{}", &s[0..3], &s[3..6], &s[6..9])
    } else {
        s.to_owned()
    }
}

fn muted(w: &mut Writer, look: &Look, text: &str) {
    w.paragraph(
        &[span(
            BODY.with_face(Face::Italic).with_color(MUTED),
            fr(text),
        )],
        look.para,
    );
}

fn objectives(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    w.heading("Objectifs", look.h2, KEEP, true);
    if p.objectives.is_empty() {
        muted(w, look, "Aucun objectif renseigné.");
        return;
    }
    // Per party in the parties' order, then the common good, then any
    // objective of an actor that is no longer a party.
    let mut owners: Vec<Option<&str>> = p
        .parties
        .iter()
        .map(|x| Some(x.actor_id.as_str()))
        .collect();
    owners.push(None);
    for o in &p.objectives {
        if !owners.contains(&o.actor_id.as_deref()) {
            owners.push(o.actor_id.as_deref());
        }
    }
    for owner in owners {
        let items: Vec<_> = p
            .objectives
            .iter()
            .filter(|o| o.actor_id.as_deref() == owner)
            .collect();
        if items.is_empty() {
            continue;
        }
        let name = owner.map_or("Bien commun", |id| data.actor_name(id));
        w.heading(&fr(name), BODY.with_face(Face::Bold), 14.0, false);
        for o in items {
            let mut spans = Vec::new();
            if let Some(a) = o.axis {
                spans.push(span(
                    BODY.with_color(MUTED),
                    format!("{}\u{202F}: ", axis_fr(a)),
                ));
            }
            spans.push(span(BODY, fr(&o.text)));
            w.bullet("•", &spans, 6.0, BODY);
        }
        w.space(3.0);
    }
}

fn actions(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    w.heading("Étape et prochaines actions", look.h2, KEEP, true);
    let since = date_short(p.stage_changed_at.date_naive());
    let mut spans = vec![
        span(
            BODY.with_face(Face::Bold),
            fr(&format!("Étape : {}", p.stage.label_fr())),
        ),
        span(BODY.with_color(MUTED), format!(" (depuis le {since})")),
    ];
    if let Some(r) = &p.abandon_reason {
        spans.push(span(BODY, fr(&format!(". Raison de l'abandon : {r}"))));
    }
    w.paragraph(&spans, look.para);
    if p.next_actions.is_empty() {
        muted(w, look, "Aucune action prévue.");
        return;
    }
    let todo = p.next_actions.iter().filter(|a| !a.done);
    let done = p.next_actions.iter().filter(|a| a.done);
    for a in todo.chain(done) {
        let style = if a.done { BODY.with_color(MUTED) } else { BODY };
        let mut spans = vec![span(style, fr(&a.text))];
        let mut meta = Vec::new();
        if let Some(d) = a.due_on {
            meta.push(format!("échéance {}", date_short(d)));
        }
        if let Some(o) = &a.owner {
            meta.push(fr(o));
        }
        if a.done {
            meta.push("fait".to_owned());
        }
        if !meta.is_empty() {
            spans.push(span(SMALL, format!(" — {}", meta.join(" · "))));
        }
        w.bullet(if a.done { "☑" } else { "☐" }, &spans, 0.0, style);
    }
    w.space(4.0);
}

fn indicators(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    w.heading("Indicateurs", look.h2, KEEP, true);
    if p.indicators.is_empty() {
        muted(w, look, "Aucun indicateur défini.");
        return;
    }
    let rows: Vec<Row> = p
        .indicators
        .iter()
        .map(|i| {
            let unit = i.unit.as_deref();
            let latest = i.measures.iter().max_by_key(|m| m.on).map_or_else(
                || vec![span(CELL.with_color(MUTED), "pas encore mesuré")],
                |m| {
                    vec![
                        span(CELL.with_face(Face::Bold), unit_value(Some(m.value), unit)),
                        span(CELL.with_color(MUTED), format!(" ({})", date_short(m.on))),
                    ]
                },
            );
            Row {
                cells: vec![
                    vec![span(CELL, fr(&i.name))],
                    vec![span(CELL, unit_value(i.baseline, unit))],
                    vec![span(CELL, unit_value(i.target, unit))],
                    latest,
                ],
                total: false,
            }
        })
        .collect();
    w.table(
        &[
            col("Indicateur", 0.4, Align::Left),
            col("Départ", 0.16, Align::Right),
            col("→ Cible", 0.16, Align::Right),
            col("→ Dernière mesure", 0.28, Align::Right),
        ],
        &rows,
        HEAD,
        CELL,
    );
}

fn history(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    if p.timeline.is_empty() {
        return;
    }
    w.heading("Historique récent", look.h2, KEEP, true);
    let recent: Vec<_> = p.timeline.iter().rev().take(6).collect();
    let date_w = recent
        .iter()
        .map(|e| {
            w.breaker
                .width(SMALL.with_face(Face::Bold), &date_short(e.at.date_naive()))
        })
        .fold(0.0, f32::max)
        + 10.0;
    for e in recent {
        let d = date_short(e.at.date_naive());
        let lines = w
            .breaker
            .lines(&[span(BODY, fr(&e.text_fr()))], w.width() - date_w);
        if let Some(first) = lines.first() {
            w.ensure(first.height);
            let baseline = w.y - first.height * 0.5 - BODY.size * 0.34;
            w.text_at(w.left, baseline, SMALL.with_face(Face::Bold), &d);
        }
        for line in &lines {
            w.ensure(line.height);
            let top = w.y;
            w.draw_line(line, w.left + date_w, top);
            w.y -= line.height;
        }
        w.space(1.5);
    }
}
