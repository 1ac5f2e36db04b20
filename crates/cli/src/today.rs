//! `tisserand today`: the Accueil page — what needs the facilitator today —
//! as text for people or JSON for scripts (the same `Home` as the window).

use tisserand_app::{App, AppError};
use tisserand_domain::home::{CheckKind, DueGroup, Home};

use crate::output::json;
use crate::{Format, FormatArg};

pub(crate) fn run(app: &App, args: FormatArg) -> Result<(), AppError> {
    let home = app.get_home(crate::clock::now())?;
    match args.format {
        Format::Json => json(&home),
        Format::Table => print(&home),
    }
    Ok(())
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// « (et 12 autres) » when a list shows fewer than it has.
fn more(shown: usize, total: u32) -> String {
    let rest = usize::try_from(total)
        .unwrap_or(usize::MAX)
        .saturating_sub(shown);
    if rest == 0 {
        String::new()
    } else {
        format!(" (et {rest} de plus)")
    }
}

fn print(home: &Home) {
    out!("Actions à faire");
    if home.actions.is_empty() {
        out!("  Aucune action datée.");
    }
    let mut group = None;
    for a in &home.actions {
        if group != Some(a.group) {
            group = Some(a.group);
            out!(
                "  {}",
                match a.group {
                    DueGroup::Overdue => "En retard",
                    DueGroup::Today => "Aujourd'hui",
                    DueGroup::ThisWeek => "Cette semaine",
                    DueGroup::Later => "Plus tard",
                }
            );
        }
        let owner = a
            .owner
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        out!(
            "    {}  {}{owner} — {}",
            day(a.due_on),
            a.text,
            a.partnership_title
        );
    }
    if home.partnerships_overdue > 0 {
        out!(
            "  {} partenariat(s) ont une action en retard.",
            home.partnerships_overdue
        );
    }
    out!("");
    out!(
        "Relances à faire{}",
        more(home.follow_ups.len(), home.follow_ups_total)
    );
    for f in &home.follow_ups {
        let late = if f.overdue { " (en retard)" } else { "" };
        out!(
            "  {}{late}  {} souhaite revoir {} ({})",
            day(f.due),
            f.actor_name,
            f.other_name,
            f.event_name
        );
    }
    out!("");
    match &home.next_event {
        Some(e) => {
            let r = &e.readiness;
            let yes = |b: bool| if b { "oui" } else { "non" };
            out!(
                "Prochain événement : {} le {} (dans {} jour(s))",
                e.name,
                day(e.date),
                r.days_left
            );
            out!(
                "  {} participant(s), planifié : {}{}, dossier imprimé : {}",
                r.participants,
                yes(r.planned),
                if r.unplanned > 0 {
                    format!(" ({} hors planning)", r.unplanned)
                } else {
                    String::new()
                },
                yes(r.pack_printed)
            );
        }
        None => out!("Aucun événement à venir."),
    }
    out!("");
    out!(
        "Mesures et évaluations à venir{}",
        more(home.checks.len(), home.checks_total)
    );
    for c in &home.checks {
        let what = match &c.what {
            CheckKind::Measure { indicator } => format!("mesurer « {indicator} »"),
            CheckKind::Evaluation => "évaluer avec les partenaires".to_owned(),
        };
        let late = if c.overdue { " (en retard)" } else { "" };
        out!(
            "  {}{late}  {what} — {}",
            day(c.due_on),
            c.partnership_title
        );
    }
    out!("");
    out!(
        "Partenariats au point mort{}",
        more(home.stuck.len(), home.stuck_total)
    );
    for s in &home.stuck {
        out!(
            "  {} — {} depuis le {}",
            s.title,
            s.stage.label_fr(),
            day(s.since)
        );
    }
    out!("");
    out!(
        "Contacts à revoir (RGPD){}",
        more(home.reviews.len(), home.reviews_total)
    );
    for r in &home.reviews {
        let at = r
            .actor_name
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        out!("  {}  {}{at}", day(r.due_on), r.name);
    }
    out!("");
    out!("Derniers changements");
    for c in &home.recent {
        let what = if c.created { "créé" } else { "modifié" };
        out!("  {}  {} ({what})", c.at.format("%d/%m/%Y %H:%M"), c.label);
    }
}
