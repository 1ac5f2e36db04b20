//! What `tisserand events` prints for people: an event with its
//! participants and meetings, and a report.

use std::collections::HashMap;

use tisserand_domain::event::{format_time, EventDetail, EventReport};

use crate::{output, Format};

pub(super) fn print_detail(d: &EventDetail) {
    let e = &d.event;
    out!(
        "{} — {} à {}{} ; {} tours de {} min (+{} min), {} tables ; {} tours commencés",
        e.name,
        e.date.format("%d/%m/%Y"),
        format_time(e.start_time),
        e.venue
            .as_ref()
            .map_or_else(String::new, |v| format!(", {v}")),
        e.rounds,
        e.round_minutes,
        e.changeover_minutes,
        e.tables,
        e.played_rounds
    );
    if let Some(n) = d.possible_meetings {
        out!("Rencontres possibles au plus : {n}");
    }
    let names: HashMap<&str, &str> = d
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.actor_name.as_str()))
        .collect();
    let rows: Vec<Vec<String>> = d
        .participants
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.actor_name.clone(),
                if p.side == e.seated_side {
                    "assis"
                } else {
                    "tourne"
                }
                .to_owned(),
                p.table.map_or_else(String::new, |t| t.to_string()),
                p.presence.code().to_owned(),
            ]
        })
        .collect();
    output::table(&["ID", "PARTICIPANT", "CÔTÉ", "TABLE", "PRÉSENCE"], &rows);
    for m in &d.meetings {
        let tick = |t: bool| if t { "✓" } else { " " };
        out!(
            "Tour {} table {} : {} [{}] ↔ {} [{}]{}",
            m.round,
            m.table,
            names.get(m.seated.as_str()).unwrap_or(&"?"),
            tick(m.seated_tick),
            names.get(m.visitor.as_str()).unwrap_or(&"?"),
            tick(m.visitor_tick),
            m.partnership_title
                .as_ref()
                .map_or_else(String::new, |t| format!(" → « {t} »"))
        );
    }
}

/// « 2 présents, 1 absent, présence non relevée pour 13 », or « présence
/// non relevée » when nobody's presence was recorded.
fn presence_fr(r: &EventReport) -> String {
    if r.participants > 0 && r.unrecorded == r.participants {
        return "présence non relevée".into();
    }
    let mut parts = vec![format!(
        "{} présent{}",
        r.present,
        if r.present > 1 { "s" } else { "" }
    )];
    if r.absent > 0 {
        parts.push(format!(
            "{} absent{}",
            r.absent,
            if r.absent > 1 { "s" } else { "" }
        ));
    }
    if r.unrecorded > 0 {
        parts.push(format!("présence non relevée pour {}", r.unrecorded));
    }
    parts.join(", ")
}

pub(super) fn print_report(r: &EventReport, format: Format) {
    match format {
        Format::Json => output::json(r),
        Format::Table => {
            let f = &r.funnel;
            out!(
                "{} : {} événement(s), {} participants ({})",
                r.title,
                r.events,
                r.participants,
                presence_fr(r)
            );
            out!("Rencontres : {}", f.meetings);
            out!("Au moins un « à revoir » : {}", f.ticked);
            out!("« À revoir » des deux côtés : {}", f.mutual);
            out!(
                "Pistes de partenariat : {} (encore vivantes : {})",
                f.leads,
                f.alive
            );
            out!("Contractualisées ou au-delà : {}", f.contracted);
            out!(
                "Relances : {} (faites : {})",
                f.follow_ups,
                f.follow_ups_done
            );
            for m in &r.by_mode {
                out!(
                    "  {} : {} pistes, {} contractualisées",
                    m.mode.map_or("Mode à préciser", |m| m.label_fr()),
                    m.leads,
                    m.contracted
                );
            }
        }
    }
}
