//! The brief (fiche partenariat): who, what, how much, where it stands.

use printpdf::Op;
use tisserand_domain::actor::{Actor, ActorKind};
use tisserand_domain::partnership::{
    ObjectiveAxis, PartyRole, COUNTERPART_LIMIT_PERCENT, TAX_REDUCTION_PERCENT,
};
use tisserand_domain::rameau::RameauMode;
use tisserand_domain::register::AssociationRegime;

use crate::fonts::{Face, Fonts};
use crate::layout::{
    col, span, Align, Para, Rgb3, Row, Span, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W,
    RULE, WARN,
};
use crate::typo::{date_short, euros, french_spacing as fr, hours, number};
use crate::DocumentData;

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

/// Colour, letter and the upper-case label of a mode (see the UI guide).
pub(crate) fn mode_look(mode: RameauMode) -> (Rgb3, &'static str, &'static str) {
    match mode {
        RameauMode::Mecenat => (Rgb3(0.902, 0.624, 0.0), "M", "Mécénat"),
        RameauMode::CooperationEconomique => {
            (Rgb3(0.0, 0.447, 0.698), "C", "Coopération économique")
        }
        RameauMode::InnovationSocietale => (Rgb3(0.0, 0.62, 0.451), "I", "Innovation sociétale"),
        RameauMode::PratiquesResponsables => {
            (Rgb3(0.8, 0.475, 0.655), "P", "Pratiques responsables")
        }
    }
}

fn mix(c: Rgb3, t: f32) -> Rgb3 {
    Rgb3(
        c.0 + (1.0 - c.0) * t,
        c.1 + (1.0 - c.1) * t,
        c.2 + (1.0 - c.2) * t,
    )
}

fn darken(c: Rgb3, t: f32) -> Rgb3 {
    Rgb3(c.0 * (1.0 - t), c.1 * (1.0 - t), c.2 * (1.0 - t))
}

fn unit_value(v: Option<f64>, unit: Option<&str>) -> String {
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

fn laid_out(fonts: &Fonts, data: &DocumentData, look: &Look) -> Vec<Vec<Op>> {
    let p = &data.partnership;
    let mut w = Writer::new(fonts);
    if look.compact {
        w.cell_pad_y = 2.5;
        w.table_gap = 5.0;
    }

    // Header.
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
        meta.push(format!("Facilitation : {f}"));
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
    rameau_card(&mut w, data, look);

    // Parties.
    w.heading("Parties", look.h2, KEEP, true);
    let rows: Vec<Row> = p
        .parties
        .iter()
        .map(|party| {
            let data_p = data.party(&party.actor_id);
            let mut who = vec![span(
                CELL.with_face(Face::Bold),
                fr(data.actor_name(&party.actor_id)),
            )];
            if let Some(d) = data_p {
                let a = &d.actor;
                let droit_local = a.kind == ActorKind::Association
                    && a.legal_regime == Some(AssociationRegime::DroitLocal);
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
                who.push(span(
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
                    who.push(span(
                        CELL.with_color(MUTED),
                        format!("\n{}", fr(&place.join(", "))),
                    ));
                }
            }
            let contact = match data_p.and_then(|d| d.contact.as_ref()) {
                Some(c) => {
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
                None => vec![span(
                    CELL.with_face(Face::Italic).with_color(MUTED),
                    "Aucun contact désigné",
                )],
            };
            Row {
                cells: vec![who, vec![span(CELL, role_fr(party.role))], contact],
                total: false,
            }
        })
        .collect();
    if rows.is_empty() {
        muted(&mut w, look, "Aucune partie renseignée.");
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

    // Territory and need.
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
    match &p.summary {
        Some(s) => w.paragraph(&[span(BODY, fr(s))], look.para),
        None => muted(&mut w, look, "Aucun résumé du besoin."),
    }

    // In the compact look, sections with nothing in them are named in one
    // line instead of a heading each.
    let mut empty: Vec<&str> = Vec::new();
    if look.compact && p.objectives.is_empty() {
        empty.push("objectifs");
    } else {
        objectives(&mut w, data, look);
    }
    money(&mut w, data, look);
    actions(&mut w, data, look);
    if look.compact && p.indicators.is_empty() {
        empty.push("indicateurs");
    } else {
        indicators(&mut w, data, look);
    }
    if !empty.is_empty() {
        w.space(2.0);
        muted(
            &mut w,
            look,
            &format!("Pas encore renseignés : {}.", empty.join(", ")),
        );
    }
    history(&mut w, data, look);

    let on = date_short(data.generated_on);
    w.finish(|w, n, total| {
        let y = MARGIN + 14.0;
        w.hline(MARGIN, PAGE_W - MARGIN, y, 0.5, RULE);
        w.text_at(
            MARGIN,
            MARGIN + 3.0,
            SMALL,
            &format!("Tisserand · fiche générée le {on}"),
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

/// The four modes in the scale's order, the chosen ones marked by a heavy
/// frame, a check mark and words; each mode has its own hatching and letter
/// so the card reads in grayscale.
fn rameau_card(w: &mut Writer, data: &DocumentData, look: &Look) {
    let modes = &data.partnership.modes;
    let gap = 6.0;
    let cw = (w.width() - 3.0 * gap) / 4.0;
    let label = Style::new(Face::Bold, 8.5, INK);
    let status = Style::new(Face::Regular, 7.5, INK);
    let card_h = look.card_h;
    w.ensure(card_h + 26.0);
    let cap = Style::new(Face::Bold, 7.5, MUTED);
    let cy = w.y - 8.0;
    w.text_at(w.left, cy, cap, "MODES DE PARTENARIAT — ÉCHELLE DU RAMEAU");
    w.y -= 13.0;
    let top = w.y;
    for (i, mode) in RameauMode::ALL.into_iter().enumerate() {
        let (colour, letter, name) = mode_look(mode);
        let x = w.left + i as f32 * (cw + gap);
        let chosen = modes.has(mode);
        let primary = modes.primary == Some(mode);
        let bottom = top - card_h;
        if chosen {
            w.rect(
                x,
                bottom,
                cw,
                card_h,
                Some(mix(colour, 0.86)),
                Some((darken(colour, 0.45), if primary { 2.0 } else { 1.1 })),
            );
        } else {
            w.rect(x, bottom, cw, card_h, None, Some((RULE, 0.6)));
        }
        // Swatch with the mode's pattern.
        let s = look.swatch;
        let sx = x + 7.0;
        let sy = top - 7.0 - s;
        let ink = if chosen {
            darken(colour, 0.2)
        } else {
            Rgb3(0.72, 0.74, 0.77)
        };
        w.rect(sx, sy, s, s, Some(Rgb3(1.0, 1.0, 1.0)), Some((ink, 0.8)));
        pattern(w, mode, sx, sy, s, ink);
        let letter_style = Style::new(
            Face::Bold,
            look.letter,
            if chosen { INK } else { Rgb3(0.6, 0.62, 0.65) },
        );
        w.text_at(sx + s + 6.0, sy + s * 0.21, letter_style, letter);
        if chosen {
            let mark = if primary {
                "✓ principal"
            } else {
                "✓ secondaire"
            };
            let mw = w.breaker.width(status.with_face(Face::Bold), mark);
            w.text_at(
                x + cw - 6.0 - mw,
                sy + s - 7.5 - look.swatch / 16.0,
                status.with_face(Face::Bold),
                mark,
            );
        }
        // Name, wrapped in the card.
        let name_style = if chosen {
            label
        } else {
            label.with_face(Face::Regular).with_color(MUTED)
        };
        let lines = w.breaker.lines(&[span(name_style, name)], cw - 12.0);
        let mut t = sy - 4.0;
        for line in lines.iter().take(2) {
            w.draw_line(line, x + 7.0, t);
            t -= line.height;
        }
        if mode == RameauMode::Mecenat && chosen && !modes.mecenat_kinds.is_empty() {
            let kinds: Vec<&str> = modes.mecenat_kinds.iter().map(|k| k.label_fr()).collect();
            let lines = w.breaker.lines(
                &[span(status.with_color(MUTED), kinds.join(", "))],
                cw - 12.0,
            );
            for line in lines.iter().take(1) {
                w.draw_line(line, x + 7.0, t);
            }
        }
    }
    w.y = top - card_h - 5.0;
    // The scale's direction.
    let ay = w.y - 5.0;
    let note = Style::new(Face::Italic, 7.5, MUTED);
    let from = "donner hors de son cœur d'activité";
    let to = "transformer ses propres pratiques";
    let tw = w.breaker.width(note, to);
    w.text_at(w.left, ay - 3.0, note, from);
    w.text_at(w.right - tw, ay - 3.0, note, to);
    let fw = w.breaker.width(note, from);
    let (x1, x2) = (w.left + fw + 8.0, w.right - tw - 8.0);
    if x2 - x1 > 20.0 {
        w.hline(x1, x2 - 4.0, ay, 0.7, MUTED);
        w.polygon(
            &[(x2, ay), (x2 - 6.0, ay + 2.6), (x2 - 6.0, ay - 2.6)],
            MUTED,
        );
    }
    w.y = ay - 12.0;
}

/// Hatching that tells the modes apart without colour: mécénat diagonal,
/// coopération horizontal, innovation dotted, pratiques responsables a grid.
fn pattern(w: &mut Writer, mode: RameauMode, x: f32, y: f32, s: f32, ink: Rgb3) {
    let step = 4.0;
    let n = (s / step) as usize;
    match mode {
        RameauMode::Mecenat => {
            let mut u = step;
            while u < 2.0 * s {
                let a = ((u - s).max(0.0), u.min(s));
                let b = (u.min(s), (u - s).max(0.0));
                w.polyline(&[(x + a.0, y + a.1), (x + b.0, y + b.1)], 0.9, ink, false);
                u += step;
            }
        }
        RameauMode::CooperationEconomique => {
            for i in 1..n {
                let yy = y + i as f32 * step;
                w.hline(x, x + s, yy, 1.1, ink);
            }
        }
        RameauMode::InnovationSocietale => {
            for i in 1..n {
                for j in 1..n {
                    let (cx, cy) = (x + i as f32 * step, y + j as f32 * step);
                    w.rect(cx - 0.9, cy - 0.9, 1.8, 1.8, Some(ink), None);
                }
            }
        }
        RameauMode::PratiquesResponsables => {
            for i in 1..n {
                let d = i as f32 * step;
                w.hline(x, x + s, y + d, 0.6, ink);
                w.polyline(&[(x + d, y), (x + d, y + s)], 0.6, ink, false);
            }
        }
    }
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

fn money(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    let totals = p.totals();
    w.heading("Contributions et contreparties", look.h2, KEEP, true);
    if p.contributions.is_empty() {
        muted(w, look, "Aucune contribution renseignée.");
    } else {
        let mut rows: Vec<Row> = p
            .contributions
            .iter()
            .map(|c| Row {
                cells: vec![
                    vec![span(CELL, fr(data.actor_name(&c.actor_id)))],
                    vec![span(CELL, contribution_fr(c.kind))],
                    vec![span(
                        CELL,
                        c.description.as_deref().map(fr).unwrap_or_default(),
                    )],
                    vec![span(
                        CELL,
                        if c.minutes > 0 {
                            hours(c.minutes)
                        } else {
                            String::new()
                        },
                    )],
                    vec![span(CELL, euros(c.value_cents))],
                ],
                total: false,
            })
            .collect();
        rows.push(Row {
            cells: vec![
                vec![span(CELL.with_face(Face::Bold), "Total")],
                vec![],
                vec![],
                vec![span(
                    CELL.with_face(Face::Bold),
                    if totals.minutes > 0 {
                        hours(totals.minutes)
                    } else {
                        String::new()
                    },
                )],
                vec![span(CELL.with_face(Face::Bold), euros(totals.value_cents))],
            ],
            total: true,
        });
        w.table(
            &[
                col("Apportée par", 0.25, Align::Left),
                col("Nature", 0.14, Align::Left),
                col("Description", 0.33, Align::Left),
                col("Temps", 0.11, Align::Right),
                col("Valeur", 0.17, Align::Right),
            ],
            &rows,
            HEAD,
            CELL,
        );
    }
    if p.counterparts.is_empty() {
        muted(w, look, "Aucune contrepartie prévue.");
    } else {
        let mut rows: Vec<Row> = p
            .counterparts
            .iter()
            .map(|c| Row {
                cells: vec![
                    vec![span(CELL, fr(data.actor_name(&c.given_by)))],
                    vec![span(CELL, fr(&c.description))],
                    vec![span(CELL, euros(c.value_cents))],
                ],
                total: false,
            })
            .collect();
        rows.push(Row {
            cells: vec![
                vec![span(CELL.with_face(Face::Bold), "Total des contreparties")],
                vec![],
                vec![span(
                    CELL.with_face(Face::Bold),
                    euros(totals.counterpart_cents),
                )],
            ],
            total: true,
        });
        w.table(
            &[
                col("Contrepartie donnée par", 0.3, Align::Left),
                col("Contrepartie", 0.53, Align::Left),
                col("Valeur", 0.17, Align::Right),
            ],
            &rows,
            HEAD,
            CELL,
        );
    }
    if let Some(m) = &totals.mecenat {
        let mut spans = vec![
            span(BODY.with_face(Face::Bold), fr("Mécénat : ")),
            span(
                BODY,
                format!(
                    "don de {} ; contreparties de {}",
                    euros(m.gift_cents),
                    euros(m.counterpart_cents)
                ),
            ),
        ];
        match m.ratio_basis_points {
            Some(bp) => spans.push(span(
                BODY,
                format!(
                    ", soit {},{:02} % du don (usage : {COUNTERPART_LIMIT_PERCENT} % au plus).",
                    bp / 100,
                    bp % 100
                ),
            )),
            None => spans.push(span(BODY, " (aucun don chiffré).")),
        }
        let mut all = vec![spans];
        if let Some(warn) = &m.warning {
            all.push(vec![span(
                BODY.with_face(Face::Bold).with_color(WARN),
                format!("Attention : {warn}"),
            )]);
        }
        all.push(vec![
            span(BODY.with_face(Face::Bold), format!("Réduction d'impôt estimée : {}", euros(m.estimated_tax_reduction_cents))),
            span(
                BODY,
                format!(
                    " ({TAX_REDUCTION_PERCENT} % du don). Estimation indicative, avant plafonds (20 000 € ou 0,5 % du chiffre d'affaires) et reports : à vérifier selon la loi en vigueur."
                ),
            ),
        ]);
        let all: Vec<Vec<Span>> = all
            .into_iter()
            .map(|s| {
                s.into_iter()
                    .map(|sp| match sp {
                        Span::Text(st, t) => Span::Text(st, fr(&t)),
                        b @ Span::Blank(..) => b,
                    })
                    .collect()
            })
            .collect();
        boxed(w, &all, mode_look(RameauMode::Mecenat).0, look);
    }
}

/// Paragraphs in a frame with a coloured bar on the left; the frame is
/// drawn per page when the text runs over a page break.
fn boxed(w: &mut Writer, paras: &[Vec<Span>], bar: Rgb3, look: &Look) {
    let pad = if look.compact { 5.0 } else { 7.0 };
    let inner = w.width() - 2.0 * pad - 3.0;
    let laid: Vec<Vec<_>> = paras.iter().map(|p| w.breaker.lines(p, inner)).collect();
    let total: f32 = laid.iter().flatten().map(|l| l.height).sum::<f32>()
        + 2.0 * pad
        + 3.0 * (laid.len() as f32 - 1.0);
    w.ensure(total.min(w.top - w.bottom));
    let mut start = w.y;
    let mut first = true;
    let frame = |w: &mut Writer, from: f32, to: f32| {
        w.rect(
            w.left,
            to,
            w.width(),
            from - to,
            Some(Rgb3(0.985, 0.97, 0.94)),
            None,
        );
        w.rect(w.left, to, 3.0, from - to, Some(darken(bar, 0.1)), None);
    };
    // Backgrounds must be drawn under the text: lay out per page, then draw.
    let mut pending: Vec<(f32, &crate::layout::LaidLine)> = Vec::new();
    w.y -= pad;
    for (k, lines) in laid.iter().enumerate() {
        if k > 0 {
            w.y -= 3.0;
        }
        for line in lines {
            if w.y - line.height < w.bottom {
                let end = w.y - pad / 2.0;
                frame(w, start, end.max(w.bottom));
                for (t, l) in pending.drain(..) {
                    w.draw_line(l, w.left + pad + 3.0, t);
                }
                w.new_page();
                start = w.y;
                w.y -= pad;
                first = false;
            }
            pending.push((w.y, line));
            w.y -= line.height;
        }
    }
    let _ = first;
    let end = w.y - pad;
    frame(w, start, end);
    for (t, l) in pending.drain(..) {
        w.draw_line(l, w.left + pad + 3.0, t);
    }
    w.y = end;
    w.space(if look.compact { 5.0 } else { 8.0 });
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
