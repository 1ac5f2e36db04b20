//! `tisserand partnerships get`: one partnership, section by section.

use tisserand_domain::partnership::format_euros;
use tisserand_domain::{Partnership, PartnershipDetail};

use super::print::{detail_json, hours, modes_label};
use crate::output::json;
use crate::Format;

pub(super) fn print_detail(d: &PartnershipDetail, format: Format) {
    if format == Format::Json {
        json(&detail_json(d));
        return;
    }
    header(d);
    parties(d);
    contributions(d);
    counterparts(d);
    totals(d);
    objectives(d);
    indicators(&d.partnership);
    super::evaluation::print_evaluation(d);
    next_actions(&d.partnership);
    timeline(&d.partnership);
}

/// The name of party `id`, or the id when it is no party.
fn name_of(d: &PartnershipDetail, id: &str) -> String {
    d.parties
        .iter()
        .find(|s| s.actor_id == id)
        .map_or_else(|| id.to_owned(), |s| s.actor_name.clone())
}

/// Title, id, version, stage, modes, essaimage, and the short fields.
fn header(d: &PartnershipDetail) {
    let p = &d.partnership;
    out!("{}", p.title);
    out!("{}", "=".repeat(p.title.chars().count().min(80)));
    out!("{:<14} {}", "Id", p.id);
    out!("{:<14} {}", "Version", p.version);
    match &p.abandon_reason {
        Some(r) => out!("{:<14} {} ({r})", "Étape", p.stage.label_fr()),
        None => out!("{:<14} {}", "Étape", p.stage.label_fr()),
    }
    out!("{:<14} {}", "Mode", modes_label(&p.modes));
    if let Some(o) = &d.spawned_from {
        out!("{:<14} {} ({})", "Essaimé de", o.title, o.id);
    }
    for c in &d.children {
        out!(
            "{:<14} {} — {} ({})",
            "Essaimé vers",
            c.title,
            c.places.join(", "),
            c.id
        );
    }
    if !p.modes.mecenat_kinds.is_empty() {
        let k: Vec<&str> = p.modes.mecenat_kinds.iter().map(|k| k.label_fr()).collect();
        out!("{:<14} {}", "Mécénat", k.join(", "));
    }
    for (label, value) in [
        ("Résumé", p.summary.as_deref()),
        ("Facilitateur", p.facilitator.as_deref()),
        ("Origine", p.origin.as_deref()),
    ] {
        if let Some(v) = value {
            out!("{label:<14} {v}");
        }
    }
    if !p.territory.is_empty() {
        out!("{:<14} {}", "Territoire", p.territory.join(", "));
    }
    if !p.tags.is_empty() {
        out!("{:<14} {}", "Mots-clés", p.tags.join(", "));
    }
}

/// Each party with its role and what it brings.
fn parties(d: &PartnershipDetail) {
    out!("Parties :");
    for (s, t) in d.parties.iter().zip(&d.totals.per_party) {
        out!(
            "  - {} ({}) : {} · {}",
            s.actor_name,
            s.role.code(),
            format_euros(t.value_cents),
            hours(t.minutes)
        );
    }
}

fn contributions(d: &PartnershipDetail) {
    let p = &d.partnership;
    if !p.contributions.is_empty() {
        out!("Contributions :");
        for c in &p.contributions {
            out!(
                "  - {} · {} · {} · {}{}",
                name_of(d, &c.actor_id),
                c.kind.code(),
                format_euros(c.value_cents),
                hours(c.minutes),
                c.description
                    .as_ref()
                    .map(|d| format!(" · {d}"))
                    .unwrap_or_default()
            );
        }
    }
}

fn counterparts(d: &PartnershipDetail) {
    let p = &d.partnership;
    if !p.counterparts.is_empty() {
        out!("Contreparties :");
        for c in &p.counterparts {
            out!(
                "  - {} · {} · {}",
                name_of(d, &c.given_by),
                format_euros(c.value_cents),
                c.description
            );
        }
    }
}

/// The total, and a mécénat's balance with its estimated tax reduction.
fn totals(d: &PartnershipDetail) {
    out!(
        "{:<14} {} · {}",
        "Total",
        format_euros(d.totals.value_cents),
        hours(d.totals.minutes)
    );
    if let Some(m) = &d.totals.mecenat {
        let ratio = m.ratio_basis_points.map_or_else(
            || "—".to_owned(),
            |bp| format!("{},{:02} %", bp / 100, bp % 100),
        );
        out!(
            "{:<14} don {} · contreparties {} ({ratio})",
            "Mécénat",
            format_euros(m.gift_cents),
            format_euros(m.counterpart_cents)
        );
        out!(
            "{:<14} {} (estimation : 60 % du don, avant plafonds)",
            "Réduction",
            format_euros(m.estimated_tax_reduction_cents)
        );
        if let Some(w) = &m.warning {
            out!("Attention : {w}");
        }
    }
}

fn objectives(d: &PartnershipDetail) {
    let p = &d.partnership;
    if !p.objectives.is_empty() {
        out!("Objectifs :");
        for o in &p.objectives {
            let whose = o
                .actor_id
                .as_deref()
                .map_or_else(|| "bien commun".to_owned(), |id| name_of(d, id));
            out!("  - {whose} : {}", o.text);
        }
    }
}

/// The indicators, numbered from 1 as `partnerships measure` takes them.
fn indicators(p: &Partnership) {
    if !p.indicators.is_empty() {
        out!("Indicateurs :");
        for (i, ind) in p.indicators.iter().enumerate() {
            let unit = ind
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let num = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v}{unit}"));
            let last = ind.measures.last();
            let mut kind: Vec<&str> = Vec::new();
            kind.extend(
                ind.level
                    .map(tisserand_domain::impact::IndicatorLevel::label_fr),
            );
            kind.extend(
                ind.theme
                    .map(tisserand_domain::impact::ImpactTheme::label_fr),
            );
            let kind = if kind.is_empty() {
                String::new()
            } else {
                format!(" [{}]", kind.join(", "))
            };
            out!(
                "  {}. {}{kind} · départ {} · cible {} · dernier {}",
                i + 1,
                ind.name,
                num(ind.baseline),
                num(ind.target),
                last.map_or_else(
                    || "—".to_owned(),
                    |m| format!("{}{unit} ({})", m.value, m.on)
                ),
            );
        }
    }
}

/// The next actions, numbered from 1 as `partnerships complete` takes them.
fn next_actions(p: &Partnership) {
    if !p.next_actions.is_empty() {
        out!("Prochaines actions :");
        for (i, a) in p.next_actions.iter().enumerate() {
            let mark = if a.done { "x" } else { " " };
            let mut line = format!("  {}. [{mark}] {}", i + 1, a.text);
            if let Some(o) = &a.owner {
                line.push_str(&format!(" — {o}"));
            }
            if let Some(d) = a.due_on {
                line.push_str(&format!(" — pour le {d}"));
            }
            out!("{line}");
        }
    }
}

fn timeline(p: &Partnership) {
    out!("Historique :");
    for e in &p.timeline {
        out!("  {} {}", e.at.format("%Y-%m-%d %H:%M"), e.text_fr());
    }
}
