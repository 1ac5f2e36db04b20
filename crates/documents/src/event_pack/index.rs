//! The pack's data indexed: participants by id and in print order, the
//! rounds, each participant's meetings, the tables.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::{EventPackData, PackMeeting, PackParticipant, PackRound};
use crate::typo::{clock, date_long, french_spacing as fr};

#[derive(Clone, Copy)]
pub(super) struct Slot<'a> {
    pub(super) number: u32,
    pub(super) round: Option<&'a PackRound>,
}

pub(super) struct TableInfo<'a> {
    pub(super) number: u32,
    pub(super) seated: Option<&'a PackParticipant>,
    /// The seated participant's id as the meetings give it (when not among
    /// the participants).
    pub(super) seated_id: Option<&'a str>,
    pub(super) meetings: Vec<&'a PackMeeting>,
}

pub(super) struct Index<'a> {
    pub(super) data: &'a EventPackData,
    pub(super) by_id: HashMap<&'a str, &'a PackParticipant>,
    /// Participants by side, then name.
    pub(super) order: Vec<&'a PackParticipant>,
    /// Every round, from the round list and the meetings, in order.
    pub(super) slots: Vec<Slot<'a>>,
    /// Each participant's meetings by round, then table.
    pub(super) meetings: HashMap<&'a str, Vec<&'a PackMeeting>>,
    pub(super) tables: Vec<TableInfo<'a>>,
}

impl<'a> Index<'a> {
    pub(super) fn new(data: &'a EventPackData) -> Self {
        let mut by_id = HashMap::new();
        for p in &data.participants {
            by_id.entry(p.id.as_str()).or_insert(p);
        }
        let mut order: Vec<&PackParticipant> = data.participants.iter().collect();
        order.sort_by_cached_key(|p| {
            (
                tisserand_domain::text::sort_key(&p.side_label),
                tisserand_domain::text::sort_key(&p.name),
                p.name.clone(),
                p.id.clone(),
            )
        });
        let mut slots: BTreeMap<u32, Option<&PackRound>> = BTreeMap::new();
        for r in &data.rounds {
            slots.entry(r.number).or_insert(Some(r));
        }
        let mut sorted: Vec<&PackMeeting> = data.meetings.iter().collect();
        sorted.sort_by(|a, b| {
            (a.round, a.table, &a.seated, &a.visitor)
                .cmp(&(b.round, b.table, &b.seated, &b.visitor))
        });
        let mut meetings: HashMap<&str, Vec<&PackMeeting>> = HashMap::new();
        let mut tables: BTreeMap<u32, TableInfo> = BTreeMap::new();
        for p in &order {
            if let (true, Some(t)) = (p.seated, p.table) {
                tables.entry(t).or_insert(TableInfo {
                    number: t,
                    seated: Some(p),
                    seated_id: Some(&p.id),
                    meetings: Vec::new(),
                });
            }
        }
        for m in sorted {
            slots.entry(m.round).or_insert(None);
            meetings.entry(m.seated.as_str()).or_default().push(m);
            if m.visitor != m.seated {
                meetings.entry(m.visitor.as_str()).or_default().push(m);
            }
            let t = tables.entry(m.table).or_insert_with(|| TableInfo {
                number: m.table,
                seated: by_id.get(m.seated.as_str()).copied(),
                seated_id: Some(&m.seated),
                meetings: Vec::new(),
            });
            t.meetings.push(m);
        }
        Self {
            data,
            by_id,
            order,
            slots: slots
                .into_iter()
                .map(|(number, round)| Slot { number, round })
                .collect(),
            meetings,
            tables: tables.into_values().collect(),
        }
    }

    pub(super) fn meetings_of(&self, id: &str) -> &[&'a PackMeeting] {
        self.meetings.get(id).map_or(&[], Vec::as_slice)
    }

    /// The table of a seated participant: theirs, else the one of their
    /// first meeting.
    pub(super) fn table_of(&self, p: &PackParticipant) -> Option<u32> {
        if !p.seated {
            return None;
        }
        p.table.or_else(|| {
            self.meetings_of(&p.id)
                .iter()
                .find(|m| m.seated == p.id)
                .map(|m| m.table)
        })
    }

    /// « jeudi 26 novembre 2026 · de 14 h 00 à 16 h 30 · Salle des fêtes ».
    pub(super) fn event_line(&self) -> String {
        let d = self.data;
        let mut parts = vec![day_long(d.date)];
        let first = self.slots.iter().find_map(|s| s.round);
        let last = self.slots.iter().rev().find_map(|s| s.round);
        if let (Some(a), Some(b)) = (first, last) {
            parts.push(format!("de {} à {}", clock(a.start), clock(b.end)));
        }
        if let Some(v) = d.venue.as_deref().filter(|v| !v.trim().is_empty()) {
            parts.push(fr(v));
        }
        parts.join(" · ")
    }
}

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// « jeudi 26 novembre 2026 ».
fn day_long(d: NaiveDate) -> String {
    let wd = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    format!("{wd} {}", date_long(d))
}

pub(super) fn time_range(slot: Slot<'_>) -> String {
    slot.round.map_or_else(
        || "—".to_owned(),
        |r| format!("{}\u{A0}– {}", clock(r.start), clock(r.end)),
    )
}

/// The break after `slot`, when it has one and another round follows.
pub(super) fn break_after(slot: Slot<'_>, is_last: bool) -> Option<String> {
    let r = slot.round?;
    let minutes = r.break_after_minutes.filter(|m| *m > 0)?;
    if is_last {
        return None;
    }
    let end = r.end + TimeDelta::minutes(i64::from(minutes));
    Some(format!(
        "Pause de {minutes}\u{A0}min · {}\u{A0}– {}",
        clock(r.end),
        clock(end)
    ))
}
