//! What an event's pages show of its plan, computed once from the stored
//! participants and meetings: the grid of tables × rounds, the visitors who
//! sit out each round, and the mutual ticks still waiting for their lead.
//! The window lays these out; it computes none of them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Event, EventDetail, EventMeeting, FollowUp, Participant, ParticipantWish, Presence};

/// One line of the plan grid: a table, who sits there, and the visitor of
/// each round (participant ids; `None`: nobody visits that round).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanRow {
    pub table: u32,
    pub seated: Option<String>,
    /// One per round of the event, in order.
    pub visitors: Vec<Option<String>>,
}

impl EventMeeting {
    /// Ticked « à revoir » on both sides and without its partnership yet:
    /// creating leads would make one from it.
    #[must_use]
    pub fn awaits_lead(&self) -> bool {
        self.mutual() && self.partnership_id.is_none()
    }
}

/// The plan as tables × rounds, tables in order: every seated participant
/// with a table, and every table a meeting uses.
#[must_use]
pub fn plan_grid(
    event: &Event,
    participants: &[Participant],
    meetings: &[EventMeeting],
) -> Vec<PlanRow> {
    let rounds = event.rounds as usize;
    let mut rows = std::collections::BTreeMap::<u32, PlanRow>::new();
    let blank = |table: u32| PlanRow {
        table,
        seated: None,
        visitors: vec![None; rounds],
    };
    for p in participants.iter().filter(|p| p.side == event.seated_side) {
        if let Some(table) = p.table {
            rows.entry(table).or_insert_with(|| blank(table)).seated = Some(p.id.clone());
        }
    }
    for m in meetings {
        let r = rows.entry(m.table).or_insert_with(|| blank(m.table));
        r.seated.get_or_insert_with(|| m.seated.clone());
        if (1..=event.rounds).contains(&m.round) {
            r.visitors[m.round as usize - 1] = Some(m.visitor.clone());
        }
    }
    rows.into_values().collect()
}

/// For each round, the visitors (not marked absent) without a meeting in it.
#[must_use]
pub fn pauses_by_round(
    event: &Event,
    participants: &[Participant],
    meetings: &[EventMeeting],
) -> Vec<Vec<String>> {
    (1..=event.rounds)
        .map(|round| {
            participants
                .iter()
                .filter(|p| visiting(event, p))
                .filter(|p| {
                    !meetings
                        .iter()
                        .any(|m| m.round == round && m.visitor == p.id)
                })
                .map(|p| p.id.clone())
                .collect()
        })
        .collect()
}

/// The visitors who count for the plan: on the visiting side and not marked
/// absent.
fn visiting(event: &Event, p: &Participant) -> bool {
    p.side != event.seated_side && p.presence != Presence::Absent
}

/// How many visitors count for the plan ([`pauses_by_round`]'s people).
#[must_use]
pub fn visitors_present(event: &Event, participants: &[Participant]) -> u32 {
    u32::try_from(participants.iter().filter(|p| visiting(event, p)).count()).unwrap_or(u32::MAX)
}

/// How many meetings [`EventMeeting::awaits_lead`].
#[must_use]
pub fn pending_leads(meetings: &[EventMeeting]) -> u32 {
    u32::try_from(meetings.iter().filter(|m| m.awaits_lead()).count()).unwrap_or(u32::MAX)
}

impl EventDetail {
    /// An event's pages from what is stored, with everything derived from
    /// it: round times, the plan grid, pauses, pending leads.
    /// `possible_meetings` is left for the planner to fill.
    #[must_use]
    pub fn new(
        event: Event,
        participants: Vec<Participant>,
        wishes: Vec<ParticipantWish>,
        meetings: Vec<EventMeeting>,
        follow_ups: Vec<FollowUp>,
    ) -> Self {
        Self {
            slots: event.timing().slots(),
            plan: plan_grid(&event, &participants, &meetings),
            pauses: pauses_by_round(&event, &participants, &meetings),
            pending_leads: pending_leads(&meetings),
            visitors_present: visitors_present(&event, &participants),
            event,
            participants,
            wishes,
            meetings,
            follow_ups,
            possible_meetings: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, NaiveTime};

    use super::*;
    use crate::actor::ActorKind;
    use crate::event::EventSide;

    fn event(rounds: u32) -> Event {
        Event {
            id: "e".into(),
            name: "Speed-dating".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            venue: None,
            start_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            round_minutes: 7,
            changeover_minutes: 2,
            rounds,
            tables: 2,
            breaks: vec![],
            seated_side: EventSide::Associations,
            allow_partners: false,
            notes: None,
            played_rounds: 0,
            plan_summary: None,
            planned_at: None,
            version: 1,
            created_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
        }
    }

    fn participant(id: &str, side: EventSide, table: Option<u32>) -> Participant {
        Participant {
            id: id.into(),
            actor_id: format!("a-{id}"),
            actor_name: id.to_uppercase(),
            actor_kind: match side {
                EventSide::Associations => ActorKind::Association,
                EventSide::Entreprises => ActorKind::Entreprise,
            },
            sector: None,
            commune: None,
            contact_id: None,
            contact_name: None,
            side,
            table,
            presence: Presence::Expected,
            quick_added: false,
        }
    }

    fn meeting(
        round: u32,
        table: u32,
        seated: &str,
        visitor: &str,
        ticks: (bool, bool),
    ) -> EventMeeting {
        EventMeeting {
            round,
            table,
            seated: seated.into(),
            visitor: visitor.into(),
            seated_tick: ticks.0,
            visitor_tick: ticks.1,
            seated_note: None,
            visitor_note: None,
            partnership_id: None,
            partnership_title: None,
        }
    }

    /// Two tables, three visitors, two rounds: v3 then v2 sit out.
    fn detail() -> EventDetail {
        use EventSide::{Associations as A, Entreprises as E};
        EventDetail::new(
            event(2),
            vec![
                participant("s1", A, Some(1)),
                participant("s2", A, Some(2)),
                participant("v1", E, None),
                participant("v2", E, None),
                participant("v3", E, None),
            ],
            vec![],
            vec![
                meeting(1, 1, "s1", "v1", (true, true)),
                meeting(1, 2, "s2", "v2", (false, false)),
                meeting(2, 1, "s1", "v3", (true, false)),
                meeting(2, 2, "s2", "v1", (false, false)),
            ],
            vec![],
        )
    }

    fn ids(v: &[Option<String>]) -> Vec<Option<&str>> {
        v.iter().map(Option::as_deref).collect()
    }

    #[test]
    fn the_plan_is_laid_out_as_tables_by_rounds_with_the_pauses() {
        let d = detail();
        let grid: Vec<_> = d
            .plan
            .iter()
            .map(|r| (r.table, r.seated.as_deref(), ids(&r.visitors)))
            .collect();
        assert_eq!(
            grid,
            [
                (1, Some("s1"), vec![Some("v1"), Some("v3")]),
                (2, Some("s2"), vec![Some("v2"), Some("v1")]),
            ]
        );
        assert_eq!(d.pauses, [vec!["v3".to_owned()], vec!["v2".to_owned()]]);
        assert_eq!(d.slots.len(), 2);
        assert_eq!(d.visitors_present, 3);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["pendingLeads"], 1);
        assert_eq!(json["plan"][0]["visitors"][1], "v3");
    }

    #[test]
    fn only_mutual_ticks_without_a_partnership_await_a_lead() {
        let mut d = detail();
        assert_eq!(pending_leads(&d.meetings), 1);
        d.meetings[0].partnership_id = Some("p".into());
        assert_eq!(pending_leads(&d.meetings), 0);
        d.meetings[3].seated_tick = true;
        d.meetings[3].visitor_tick = true;
        assert_eq!(pending_leads(&d.meetings), 1);
    }

    #[test]
    fn absent_visitors_do_not_pause_and_unseated_tables_take_their_meeting() {
        let e = event(2);
        let mut people = vec![
            participant("s1", EventSide::Associations, None),
            participant("v1", EventSide::Entreprises, None),
            participant("v2", EventSide::Entreprises, None),
        ];
        people[2].presence = Presence::Absent;
        let meetings = vec![
            meeting(1, 3, "s1", "v1", (false, false)),
            // A meeting beyond the event's rounds is left off the grid.
            meeting(3, 3, "s1", "v2", (false, false)),
        ];
        let grid = plan_grid(&e, &people, &meetings);
        assert_eq!(grid.len(), 1);
        assert_eq!((grid[0].table, grid[0].seated.as_deref()), (3, Some("s1")));
        assert_eq!(ids(&grid[0].visitors), [Some("v1"), None]);
        assert_eq!(
            pauses_by_round(&e, &people, &meetings),
            [vec![], vec!["v1".to_owned()]]
        );
        assert_eq!(visitors_present(&e, &people), 1);
    }
}
