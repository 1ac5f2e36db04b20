//! The numbered articles of the agreement, one function each, named after
//! the article.

use tisserand_domain::actor::{Actor, ActorKind};
use tisserand_domain::partnership::{
    Indicator, MecenatBalance, Party, COUNTERPART_LIMIT_PERCENT, TAX_REDUCTION_PERCENT,
};
use tisserand_domain::rameau::{MecenatKind, RameauMode};
use tisserand_domain::register::AssociationRegime;

use super::{b, blank, t, text_block, Articles, BODY, CELL, HEAD, PARA, SUB};
use crate::brief::{axis_fr, contribution_fr, role_fr, unit_value};
use crate::fonts::Face;
use crate::layout::{col, span, Align, Para, Row, Span, Writer, MUTED};
use crate::typo::{euros, french_spacing as fr, hours};
use crate::DocumentData;

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

/// Article « Parties »: who signs, in law, where, represented by whom.
pub(super) fn parties(a: &mut Articles, data: &DocumentData) {
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
pub(super) fn preamble(a: &mut Articles, data: &DocumentData) {
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
pub(super) fn object(a: &mut Articles, data: &DocumentData) {
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
pub(super) fn commitments(a: &mut Articles, data: &DocumentData) {
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
pub(super) fn counterparts(a: &mut Articles, data: &DocumentData) {
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
pub(super) fn communication(a: &mut Articles, _: &DocumentData) {
    a.next("Communication et logos");
    a.w.paragraph(
        &[t("Chaque Partie peut faire état du partenariat dans sa communication, dans le respect de l'image des autres Parties. L'usage du nom, de la marque ou du logo d'une Partie est soumis à son accord préalable et écrit, pour la seule durée de la convention. Les supports qui mentionnent le partenariat lui sont soumis avant diffusion.")],
        PARA,
    );
}

/// Article « Durée et renouvellement »: a blank for the months.
pub(super) fn duration(a: &mut Articles, _: &DocumentData) {
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
pub(super) fn termination(a: &mut Articles, _: &DocumentData) {
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
pub(super) fn evaluation(a: &mut Articles, data: &DocumentData) {
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
            let v = |x: Option<f64>| unit_value(x, u);
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
pub(super) fn personal_data(a: &mut Articles, _: &DocumentData) {
    a.next("Données personnelles");
    a.w.paragraph(
        &[t("Les Parties traitent les données personnelles échangées pour l'exécution de la présente convention conformément au règlement (UE) 2016/679 (RGPD) et à la loi n° 78-17 du 6 janvier 1978 modifiée. Elles ne les utilisent qu'à cette fin, les conservent pour la durée de la convention augmentée des délais légaux, et informent les personnes concernées de leurs droits d'accès, de rectification, d'effacement et d'opposition.")],
        PARA,
    );
}

/// Article « Litiges »: the court of Réglages, or a blank for it.
pub(super) fn disputes(a: &mut Articles, data: &DocumentData) {
    a.next("Litiges");
    let amicable = "Les Parties s'efforcent de régler à l'amiable tout différend relatif à l'interprétation ou à l'exécution de la présente convention. À défaut d'accord dans un délai de deux mois, le litige est porté devant le ";
    let court = data.agreement_defaults.court.as_deref();
    let spans = match court {
        Some(court) => vec![t(amicable), t(court), t(".")],
        None => vec![
            t(amicable),
            t("tribunal compétent de "),
            blank(120.0),
            t("."),
        ],
    };
    a.w.paragraph(&spans, PARA);
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
