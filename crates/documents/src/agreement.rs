//! The agreement (convention de partenariat, or de mécénat when mécénat is
//! the primary mode): numbered articles filled from the partnership, ruled
//! blanks where a value is missing, free clauses, signature blocks.

use printpdf::Op;
use tisserand_domain::actor::{Actor, ActorKind};
use tisserand_domain::partnership::{
    Indicator, MecenatBalance, Party, COUNTERPART_LIMIT_PERCENT, TAX_REDUCTION_PERCENT,
};
use tisserand_domain::rameau::{MecenatKind, RameauMode};
use tisserand_domain::register::AssociationRegime;

use crate::brief::{axis_fr, contribution_fr, role_fr};
use crate::fonts::{Face, Fonts};
use crate::layout::{
    col, span, Align, Para, Row, Span, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W, RULE,
};
use crate::typo::{date_long, euros, french_spacing as fr, hours, number};
use crate::DocumentData;

const BODY: Style = Style::new(Face::Regular, 10.0, INK);
const SMALL: Style = Style::new(Face::Regular, 8.0, MUTED);
const ARTICLE: Style = Style::new(Face::Bold, 11.5, ACCENT);
const SUB: Style = Style::new(Face::Bold, 10.0, INK);
const HEAD: Style = Style::new(Face::Bold, 8.5, INK);
const CELL: Style = Style::new(Face::Regular, 9.0, INK);
const KEEP: f32 = 44.0;
const PARA: Para = Para {
    indent: 0.0,
    space_after: 5.0,
    align: Align::Justify,
};

/// Who a party is in law: « association inscrite au registre des
/// associations du tribunal judiciaire de Colmar, volume 42, folio 17 » for
/// an association of Alsace-Moselle (blanks for what is not known),
/// « association régie par la loi du 1er juillet 1901, RNA … » for a
/// declared one, else its kind; then its SIREN.
fn legal_identity(s: &mut Vec<Span>, a: &Actor) {
    let association = a.kind == ActorKind::Association;
    match a.legal_regime.filter(|_| association) {
        Some(AssociationRegime::DroitLocal) => {
            s.push(t(
                "association inscrite au registre des associations du tribunal judiciaire de ",
            ));
            match a.register_court {
                Some(c) => s.push(t(c.city())),
                None => s.push(blank(90.0)),
            }
            match (&a.register_volume, &a.register_folio, &a.register_number) {
                (None, None, Some(n)) => s.push(t(&format!(" sous le numéro {n}"))),
                (volume, folio, number) => {
                    s.push(t(", volume "));
                    match volume {
                        Some(v) => s.push(t(v)),
                        None => s.push(blank(40.0)),
                    }
                    s.push(t(", folio "));
                    match folio {
                        Some(f) => s.push(t(f)),
                        None => s.push(blank(40.0)),
                    }
                    if let Some(n) = number {
                        s.push(t(&format!(", numéro {n}")));
                    }
                }
            }
        }
        Some(AssociationRegime::Loi1901) => {
            s.push(t("association régie par la loi du 1er juillet 1901"));
            if let Some(rna) = &a.rna {
                s.push(t(&format!(", RNA {rna}")));
            }
        }
        None => {
            s.push(t(&a.kind.label_fr().to_lowercase()));
            if let Some(rna) = &a.rna {
                s.push(t(&format!(", RNA {rna}")));
            }
        }
    }
    if let Some(siren) = &a.siren {
        s.push(t(&format!(", SIREN {siren}")));
    }
}

/// « Convention de mécénat » when the primary mode is mécénat.
pub(crate) fn title(data: &DocumentData) -> &'static str {
    if data.partnership.modes.primary == Some(RameauMode::Mecenat) {
        "Convention de mécénat"
    } else {
        "Convention de partenariat"
    }
}

fn blank(w: f32) -> Span {
    Span::Blank(BODY, w)
}

fn t(text: &str) -> Span {
    span(BODY, fr(text))
}

fn b(text: &str) -> Span {
    span(BODY.with_face(Face::Bold), fr(text))
}

/// Text that may hold several paragraphs (blank lines between them).
fn text_block(w: &mut Writer, text: &str) {
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        w.paragraph(&[t(para)], PARA);
    }
}

/// The articles being written: the writer and the last article's number.
struct Articles<'w, 'f> {
    w: &'w mut Writer<'f>,
    n: usize,
}

impl Articles<'_, '_> {
    fn next(&mut self, name: &str) {
        self.n += 1;
        self.w.space(6.0);
        self.w.heading(
            &fr(&format!("Article {} — {name}", self.n)),
            ARTICLE,
            KEEP,
            false,
        );
        self.w.space(2.0);
    }
}

/// The numbered articles of the agreement, in the order they print; the
/// free clauses follow them.
const ARTICLES: [fn(&mut Articles, &DocumentData); 11] = [
    parties,
    preamble,
    object,
    commitments,
    counterparts,
    communication,
    duration,
    termination,
    evaluation,
    personal_data,
    disputes,
];

pub(crate) fn pages(fonts: &Fonts, data: &DocumentData) -> Vec<Vec<Op>> {
    let mut w = Writer::new(fonts);
    heading(&mut w, data);
    let mut a = Articles { w: &mut w, n: 0 };
    for article in ARTICLES {
        article(&mut a, data);
    }
    free_clauses(&mut a, data);
    signatures(&mut w, data);
    footer(w, data)
}

/// The document's title, the partnership's name and a short rule.
fn heading(w: &mut Writer, data: &DocumentData) {
    w.paragraph(
        &[span(
            Style::new(Face::Bold, 19.0, INK),
            title(data).to_uppercase(),
        )],
        Para {
            align: Align::Center,
            space_after: 3.0,
            ..PARA
        },
    );
    w.paragraph(
        &[span(
            Style::new(Face::Regular, 12.5, ACCENT),
            fr(&format!("« {} »", data.partnership.title)),
        )],
        Para {
            align: Align::Center,
            space_after: 4.0,
            ..PARA
        },
    );
    let y = w.y - 2.0;
    let mid = (w.left + w.right) / 2.0;
    w.hline(mid - 60.0, mid + 60.0, y, 0.8, ACCENT);
    w.y -= 14.0;
}

/// Article « Parties »: who signs, in law, where, represented by whom.
fn parties(a: &mut Articles, data: &DocumentData) {
    let p = &data.partnership;
    a.next("Parties");
    a.w.paragraph(
        &[t(
            "La présente convention est conclue entre les soussignés :",
        )],
        PARA,
    );
    let n_parties = p.parties.len();
    for (i, party) in p.parties.iter().enumerate() {
        let mut s = party_identity(data, party);
        s.push(t(if i + 1 == n_parties { " ;" } else { "," }));
        a.w.paragraph(
            &s,
            Para {
                indent: 14.0,
                ..PARA
            },
        );
        if i + 1 < n_parties {
            a.w.paragraph(
                &[t("et")],
                Para {
                    indent: 14.0,
                    ..PARA
                },
            );
        }
    }
    if n_parties == 0 {
        a.w.blank_lines(4, BODY);
    }
    a.w.paragraph(&[t("ci-après dénommés ensemble « les Parties ».")], PARA);
}

/// One party as the article « Parties » names it: name, legal identity,
/// seat, representative and role in the partnership.
fn party_identity(data: &DocumentData, party: &Party) -> Vec<Span> {
    let d = data.party(&party.actor_id);
    let name = data.actor_name(&party.actor_id);
    let mut s = vec![b(name), t(", ")];
    if let Some(d) = d {
        legal_identity(&mut s, &d.actor);
        s.push(t(", "));
    }
    let place: Vec<&str> = d
        .into_iter()
        .flat_map(|d| {
            d.actor
                .address
                .as_deref()
                .into_iter()
                .chain(d.actor.commune.as_ref().map(|c| c.name.as_str()))
        })
        .collect();
    let has_address = d.is_some_and(|d| d.actor.address.is_some());
    s.push(t(if has_address || place.is_empty() {
        "dont le siège est situé "
    } else {
        "dont le siège est situé à "
    }));
    if place.is_empty() {
        s.push(blank(200.0));
    } else {
        s.push(t(&place.join(", ")));
    }
    s.push(t(", représenté(e) par "));
    match d.and_then(|d| d.contact.as_ref()) {
        Some(c) => s.push(t(&c.display_name())),
        None => s.push(blank(140.0)),
    }
    s.push(t(", en qualité de "));
    match d
        .and_then(|d| d.contact.as_ref())
        .and_then(|c| c.role.as_deref())
    {
        Some(r) => s.push(t(r)),
        None => s.push(blank(110.0)),
    }
    // Quotes inside « » are “ ”.
    let quoted = name
        .replace("« ", "“")
        .replace(" »", "”")
        .replace(['«'], "“")
        .replace(['»'], "”");
    s.push(t(&format!(
        ", ci-après « {quoted} », {} du partenariat",
        role_fr(party.role).to_lowercase()
    )));
    s
}

/// Article « Préambule »: the agreement's preamble, else the partnership's
/// summary, else lines to write the context on.
fn preamble(a: &mut Articles, data: &DocumentData) {
    a.next("Préambule");
    match (
        data.agreement
            .preamble
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty()),
        data.partnership.summary.as_deref(),
    ) {
        (Some(text), _) | (None, Some(text)) => text_block(a.w, text),
        (None, None) => {
            a.w.paragraph(
                &[span(
                    BODY.with_face(Face::Italic).with_color(MUTED),
                    "Contexte du partenariat et attentes des Parties :",
                )],
                PARA,
            );
            a.w.blank_lines(4, BODY);
        }
    }
}

/// Article « Objet »: the partnership, its modes, the kinds of mécénat
/// and the territory.
fn object(a: &mut Articles, data: &DocumentData) {
    let p = &data.partnership;
    a.next("Objet");
    let mut s = vec![t(&format!(
        "La présente convention a pour objet de définir les conditions dans lesquelles les Parties mettent en œuvre le partenariat « {} »",
        p.title
    ))];
    if let Some(m) = p.modes.primary {
        s.push(t(&format!(
            ", qui relève principalement du mode « {} »",
            m.label_fr()
        )));
        if !p.modes.secondary.is_empty() {
            let others: Vec<String> = p
                .modes
                .secondary
                .iter()
                .map(|m| format!("« {} »", m.label_fr()))
                .collect();
            s.push(t(&format!(" et aussi de {}", others.join(", "))));
        }
        s.push(t(" selon la typologie du RAMEAU"));
    }
    s.push(t("."));
    a.w.paragraph(&s, PARA);
    if p.modes.has(RameauMode::Mecenat) && !p.modes.mecenat_kinds.is_empty() {
        let kinds: Vec<&str> = p.modes.mecenat_kinds.iter().map(|k| k.label_fr()).collect();
        a.w.paragraph(
            &[t(&format!(
                "Le mécénat prend la forme d'un don {}.",
                join_and(&kinds)
            ))],
            PARA,
        );
    }
    territory(a.w, data);
}

/// Where the partnership takes place, or a blank to write it.
fn territory(w: &mut Writer, data: &DocumentData) {
    if data.territory.is_empty() {
        w.paragraph(
            &[
                t("Il se déroule sur le territoire suivant : "),
                blank(220.0),
                t("."),
            ],
            PARA,
        );
    } else {
        w.paragraph(
            &[t(&format!(
                "Il se déroule sur le territoire {} : {}.",
                if data.territory.len() > 1 {
                    "des communes suivantes"
                } else {
                    "de la commune de"
                },
                data.territory.join(", ")
            ))],
            PARA,
        );
    }
}

/// Article « Engagements des Parties »: one numbered section per party
/// with its contributions, then the total and the common commitment.
fn commitments(a: &mut Articles, data: &DocumentData) {
    let p = &data.partnership;
    a.next("Engagements des Parties");
    let art = a.n;
    for (i, party) in p.parties.iter().enumerate() {
        party_commitments(a.w, data, party, &format!("{art}.{}", i + 1));
    }
    if p.parties.is_empty() {
        a.w.blank_lines(3, BODY);
    }
    let totals = p.totals();
    if totals.value_cents > 0 {
        a.w.paragraph(
            &[
                t("Montant total des apports valorisés : "),
                b(&euros(totals.value_cents)),
                t("."),
            ],
            PARA,
        );
    }
    if p.modes.mecenat_kinds.contains(&MecenatKind::Competences) {
        a.w.paragraph(
            &[t("Le mécénat de compétences est précisé en annexe : chiffrage des interventions (salaires et charges sociales) et calendrier, établis avant leur début.")],
            PARA,
        );
    }
    a.w.paragraph(
        &[t("Chaque Partie s'engage à mettre en œuvre de bonne foi les moyens décrits ci-dessus et à informer sans délai les autres Parties de toute difficulté susceptible d'en affecter l'exécution.")],
        PARA,
    );
}

/// Section `number` of the commitments: what one party brings, with its
/// value, or lines to write it.
fn party_commitments(w: &mut Writer, data: &DocumentData, party: &Party, number: &str) {
    let name = data.actor_name(&party.actor_id);
    w.heading(
        &fr(&format!("{number} Engagements de {name}")),
        SUB,
        30.0,
        false,
    );
    w.space(2.0);
    let items: Vec<_> = data
        .partnership
        .contributions
        .iter()
        .filter(|c| c.actor_id == party.actor_id)
        .collect();
    if items.is_empty() {
        w.paragraph(&[t(&format!("{name} s'engage à :"))], PARA);
        w.blank_lines(2, BODY);
        return;
    }
    w.paragraph(&[t(&format!("{name} s'engage à apporter :"))], PARA);
    for c in items {
        let mut s = vec![b(contribution_fr(c.kind))];
        if let Some(d) = &c.description {
            s.push(t(&format!(" — {d}")));
        }
        let mut v = Vec::new();
        if c.value_cents > 0 {
            v.push(format!("valorisé {}", euros(c.value_cents)));
        }
        if c.minutes > 0 {
            v.push(hours(c.minutes));
        }
        if v.is_empty() {
            s.push(t(" ; valeur : "));
            s.push(blank(80.0));
        } else {
            s.push(t(&format!(" ; {}", v.join(", "))));
        }
        s.push(t("."));
        w.bullet("•", &s, 12.0, BODY);
    }
    w.paragraph(
        &[t("Calendrier des apports : "), blank(260.0)],
        Para {
            space_after: 6.0,
            ..PARA
        },
    );
}

/// Article « Contreparties »: what is given back, and for a mécénat the
/// limit of counterparts and the tax receipt.
fn counterparts(a: &mut Articles, data: &DocumentData) {
    let p = &data.partnership;
    a.next("Contreparties");
    if p.counterparts.is_empty() {
        a.w.paragraph(&[t("Aucune contrepartie n'est prévue à ce jour.")], PARA);
    } else {
        a.w.paragraph(&[t("En contrepartie, il est prévu :")], PARA);
        for c in &p.counterparts {
            let by = data.actor_name(&c.given_by);
            a.w.bullet(
                "•",
                &[
                    t(&c.description),
                    t(&format!(
                        " — donnée par {by}, valorisée {}.",
                        euros(c.value_cents)
                    )),
                ],
                12.0,
                BODY,
            );
        }
        a.w.space(3.0);
    }
    if let Some(m) = &p.totals().mecenat {
        mecenat_balance(a.w, m);
    }
}

/// For a mécénat: the counterparts against the gift, a warning when they
/// exceed the usual limit, the tax receipt and the estimated reduction.
fn mecenat_balance(w: &mut Writer, m: &MecenatBalance) {
    let ratio = m.ratio_basis_points.map_or_else(String::new, |bp| {
        format!(", soit {},{:02} % du don", bp / 100, bp % 100)
    });
    w.paragraph(
        &[t(&format!(
            "S'agissant d'un mécénat, la valeur des contreparties ({}{ratio}) demeure nettement disproportionnée par rapport au don, conformément à l'usage qui la limite à {COUNTERPART_LIMIT_PERCENT} % de celui-ci.",
            euros(m.counterpart_cents)
        ))],
        PARA,
    );
    if let Some(warn) = &m.warning {
        w.paragraph(
            &[span(
                BODY.with_face(Face::Bold).with_color(crate::layout::WARN),
                fr(&format!("Attention : {warn}")),
            )],
            PARA,
        );
    }
    w.paragraph(
        &[t(&format!(
            "Le bénéficiaire délivre au mécène un reçu fiscal (formulaire Cerfa n° 16216) pour les dons reçus. À titre indicatif, la réduction d'impôt du mécène est estimée à {} ({TAX_REDUCTION_PERCENT} % du don), sous réserve des plafonds et reports prévus par la loi.",
            euros(m.estimated_tax_reduction_cents)
        ))],
        PARA,
    );
}

/// Article « Communication et logos ».
fn communication(a: &mut Articles, _: &DocumentData) {
    a.next("Communication et logos");
    a.w.paragraph(
        &[t("Chaque Partie peut faire état du partenariat dans sa communication, dans le respect de l'image des autres Parties. L'usage du nom, de la marque ou du logo d'une Partie est soumis à son accord préalable et écrit, pour la seule durée de la convention. Les supports qui mentionnent le partenariat lui sont soumis avant diffusion.")],
        PARA,
    );
}

/// Article « Durée et renouvellement »: a blank for the months.
fn duration(a: &mut Articles, _: &DocumentData) {
    a.next("Durée et renouvellement");
    a.w.paragraph(
        &[
            t("La présente convention prend effet à la date de sa signature par la dernière des Parties, pour une durée de "),
            blank(50.0),
            t(" mois. Elle peut être renouvelée par avenant signé des Parties ; elle ne se renouvelle pas tacitement."),
        ],
        PARA,
    );
}

/// Article « Résiliation »: a blank for the notice.
fn termination(a: &mut Articles, _: &DocumentData) {
    a.next("Résiliation");
    a.w.paragraph(
        &[
            t("En cas de manquement d'une Partie à ses engagements, une autre Partie peut résilier la convention par lettre recommandée avec accusé de réception, après une mise en demeure restée sans effet pendant trente jours. Chaque Partie peut aussi y mettre fin pour un motif légitime avec un préavis de "),
            blank(40.0),
            t(" mois. Les sommes déjà versées et engagées dans des actions en cours restent acquises ; les sommes non engagées à la date de la résiliation sont restituées, sauf accord contraire des Parties."),
        ],
        PARA,
    );
}

/// Article « Évaluation »: the objectives, the indicators' table (or lines
/// to write them) and a blank for the date of the common review.
fn evaluation(a: &mut Articles, data: &DocumentData) {
    let p = &data.partnership;
    a.next("Évaluation");
    a.w.paragraph(
        &[t("Les Parties évaluent ensemble le partenariat : ce qu'il a produit, l'équilibre entre les partenaires et la valeur de l'apport de chacun.")],
        PARA,
    );
    if !p.objectives.is_empty() {
        objectives(a.w, data);
    }
    if p.indicators.is_empty() {
        a.w.paragraph(&[t("Indicateurs retenus :")], PARA);
        a.w.blank_lines(2, BODY);
    } else {
        indicators(a.w, &p.indicators);
    }
    a.w.paragraph(
        &[
            t("Un bilan commun est établi au plus tard le "),
            blank(120.0),
            t("."),
        ],
        PARA,
    );
}

/// The objectives pursued, one bullet each: whose, its axis, its text.
fn objectives(w: &mut Writer, data: &DocumentData) {
    w.paragraph(&[t("Objectifs poursuivis :")], PARA);
    for o in &data.partnership.objectives {
        let who = o
            .actor_id
            .as_deref()
            .map_or("Bien commun", |id| data.actor_name(id));
        let mut s = vec![b(who), t(" — ")];
        if let Some(ax) = o.axis {
            s.push(span(
                BODY.with_color(MUTED),
                fr(&format!("{} : ", axis_fr(ax))),
            ));
        }
        s.push(t(&o.text));
        w.bullet("•", &s, 12.0, BODY);
    }
    w.space(3.0);
}

/// The indicators' table: name, baseline and target with their unit.
fn indicators(w: &mut Writer, indicators: &[Indicator]) {
    let rows: Vec<Row> = indicators
        .iter()
        .map(|i| {
            let u = i.unit.as_deref();
            let v = |x: Option<f64>| match (x, u) {
                (None, _) => String::from("—"),
                (Some(x), Some(u)) => format!("{}\u{A0}{u}", number(x)),
                (Some(x), None) => number(x),
            };
            Row {
                cells: vec![
                    vec![span(CELL, fr(&i.name))],
                    vec![span(CELL, v(i.baseline))],
                    vec![span(CELL, v(i.target))],
                ],
                total: false,
            }
        })
        .collect();
    w.table(
        &[
            col("Indicateur", 0.6, Align::Left),
            col("Départ", 0.2, Align::Right),
            col("Cible", 0.2, Align::Right),
        ],
        &rows,
        HEAD,
        CELL,
    );
}

/// Article « Données personnelles » (GDPR).
fn personal_data(a: &mut Articles, _: &DocumentData) {
    a.next("Données personnelles");
    a.w.paragraph(
        &[t("Les Parties traitent les données personnelles échangées pour l'exécution de la présente convention conformément au règlement (UE) 2016/679 (RGPD) et à la loi n° 78-17 du 6 janvier 1978 modifiée. Elles ne les utilisent qu'à cette fin, les conservent pour la durée de la convention augmentée des délais légaux, et informent les personnes concernées de leurs droits d'accès, de rectification, d'effacement et d'opposition.")],
        PARA,
    );
}

/// Article « Litiges »: a blank for the competent court.
fn disputes(a: &mut Articles, _: &DocumentData) {
    a.next("Litiges");
    a.w.paragraph(
        &[
            t("Les Parties s'efforcent de régler à l'amiable tout différend relatif à l'interprétation ou à l'exécution de la présente convention. À défaut d'accord dans un délai de deux mois, le litige est porté devant le tribunal compétent de "),
            blank(120.0),
            t("."),
        ],
        PARA,
    );
}

/// The agreement's free clauses, one numbered article each.
fn free_clauses(a: &mut Articles, data: &DocumentData) {
    for c in &data.agreement.clauses {
        let name = if c.title.trim().is_empty() {
            "Clause particulière"
        } else {
            c.title.trim()
        };
        a.next(name);
        if c.body.trim().is_empty() {
            a.w.blank_lines(3, BODY);
        } else {
            text_block(a.w, &c.body);
        }
    }
}

/// Pages the document with its footer: title, « page N / M », the date,
/// and a box for the initials.
fn footer(w: Writer, data: &DocumentData) -> Vec<Vec<Op>> {
    let footer_title = format!("{} — {}", title(data), data.partnership.title);
    let on = date_long(data.generated_on);
    w.finish(|w, n, total| {
        let rule_y = MARGIN + 24.0;
        let box_w = 92.0;
        let box_h = 20.0;
        let bx = PAGE_W - MARGIN - box_w;
        w.hline(MARGIN, PAGE_W - MARGIN, rule_y, 0.5, RULE);
        let text_w = bx - MARGIN - 12.0;
        let left = ellipsize(w, SMALL, &footer_title, text_w);
        w.text_at(MARGIN, MARGIN + 11.0, SMALL, &left);
        w.text_at(
            MARGIN,
            MARGIN + 1.5,
            SMALL,
            &format!("page {n} / {total} · document préparé le {on}"),
        );
        w.rect(bx, MARGIN, box_w, box_h, None, Some((MUTED, 0.6)));
        w.text_at(
            bx + 3.0,
            MARGIN + box_h - 7.0,
            Style::new(Face::Regular, 6.0, MUTED),
            "Paraphes",
        );
    })
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{}, et {last}", rest.join(", ")).replacen(
            ", et",
            " et",
            usize::from(rest.len() == 1),
        ),
    }
}

/// `text` cut with « … » to fit `width`.
fn ellipsize(w: &Writer, style: Style, text: &str, width: f32) -> String {
    if w.breaker.width(style, text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if w.breaker.width(style, &out) + w.breaker.width(style, "…") > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// « Fait en N exemplaires » and one block per party, two per row.
fn signatures(w: &mut Writer, data: &DocumentData) {
    let p = &data.partnership;
    let n = p.parties.len().max(2);
    w.space(10.0);
    w.paragraph(
        &[t(&format!(
            "Fait en {n} exemplaires originaux, un pour chaque Partie."
        ))],
        PARA,
    );
    w.space(4.0);
    let gap = 18.0;
    let bw = (w.width() - gap) / 2.0;
    let names: Vec<Option<&str>> = if p.parties.is_empty() {
        vec![None, None]
    } else {
        p.parties
            .iter()
            .map(|x| Some(x.actor_id.as_str()))
            .collect()
    };
    for pair in names.chunks(2) {
        // Lay out each block's lines first to know the row's height.
        let blocks: Vec<Vec<Vec<Span>>> = pair
            .iter()
            .map(|id| {
                let d = id.and_then(|id| data.party(id));
                let contact = d.and_then(|d| d.contact.as_ref());
                vec![
                    match id {
                        Some(id) => vec![t("Pour "), b(data.actor_name(id))],
                        None => vec![t("Pour "), blank(150.0)],
                    },
                    match contact {
                        Some(c) => vec![t("Nom : "), t(&c.display_name())],
                        None => vec![t("Nom : "), blank(bw - 40.0)],
                    },
                    match contact.and_then(|c| c.role.as_deref()) {
                        Some(r) => vec![t("Qualité : "), t(r)],
                        None => vec![t("Qualité : "), blank(bw - 55.0)],
                    },
                    vec![t("Fait à "), blank(bw * 0.42), t(" le "), blank(bw * 0.3)],
                ]
            })
            .collect();
        let laid: Vec<Vec<crate::layout::LaidLine>> = blocks
            .iter()
            .map(|paras| paras.iter().flat_map(|s| w.breaker.lines(s, bw)).collect())
            .collect();
        let text_h = laid
            .iter()
            .map(|ls| ls.iter().map(|l| l.height + 3.0).sum::<f32>())
            .fold(0.0, f32::max);
        let sign_h = 70.0;
        w.ensure(text_h + sign_h + 10.0);
        let top = w.y;
        for (k, ls) in laid.iter().enumerate() {
            let x = w.left + k as f32 * (bw + gap);
            let mut y = top;
            for line in ls {
                w.draw_line(line, x, y);
                y -= line.height + 3.0;
            }
            let by = top - text_h - 4.0 - sign_h;
            w.rect(x, by, bw, sign_h, None, Some((MUTED, 0.6)));
            w.text_at(
                x + 4.0,
                by + sign_h - 9.0,
                Style::new(Face::Italic, 7.0, MUTED),
                "Signature (et cachet)",
            );
        }
        w.y = top - text_h - 4.0 - sign_h - 14.0;
    }
}
