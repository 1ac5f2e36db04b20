//! Speed-dating events: setting one up, its participants and wishes, the
//! optimal plan and re-plans, the room clock, capturing ticks, turning
//! mutual ticks into partnership leads, and the report.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use tisserand_domain::actor::ActorInput;
use tisserand_domain::contact::{ContactInput, ContactSource};
use tisserand_domain::event::{
    check_capacity, Event, EventDetail, EventInput, EventMeeting, EventReport, EventSide,
    EventSummary, LeadsOutcome, MeetingCapture, OpenFollowUp, Participant, PlanSummary, Presence,
    RoomClock, RoomPhase, RoomView, Timing,
};
use tisserand_domain::partnership::{PartnershipInput, Party, PartyRole};
use tisserand_domain::planner::{
    self, Meeting, Plan, PlanInput, PlanSeated, PlanVisitor, Wish, WishLevel,
};
use tisserand_domain::{ActorKind, Clock, FieldError};
use ts_rs::TS;

use crate::{App, AppError, AppResult, ErrorKind};

/// Plans (or re-plans, with `played`) an event described as data.
///
/// # Errors
/// `Invalid` naming what is wrong with the event (no rounds, more seated
/// people than tables, a wish naming someone unknown…).
pub fn plan_described_event(input: &PlanInput) -> AppResult<Plan> {
    Ok(planner::plan(input)?)
}

/// The round-by-round greedy plan of the same event, for comparison.
///
/// # Errors
/// As `plan_described_event`.
pub fn greedy_plan(input: &PlanInput) -> AppResult<Plan> {
    Ok(planner::greedy_plan(input)?)
}

/// Someone added at the door: a minimal actor, and the person who came.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct QuickAdd {
    pub name: String,
    pub kind: Option<ActorKind>,
    /// Defaults from the kind (companies with companies, others with
    /// associations).
    pub side: Option<EventSide>,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
}

/// A change to one participant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ParticipantChange {
    pub presence: Option<Presence>,
    /// Seat the participant at this table.
    pub table: Option<u32>,
    /// Free the participant's table (the next plan assigns one).
    pub clear_table: bool,
    pub side: Option<EventSide>,
}

/// The room's commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RoomAction {
    Start,
    Pause,
    Next,
}

/// One table of the plan the room shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomTable {
    pub table: u32,
    pub seated: String,
    /// `None`: nobody visits this table this round.
    pub visitor: Option<String>,
}

/// What the projector shows, recomputed from the stored clock at each call.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomState {
    pub event_id: String,
    pub event_name: String,
    /// Bumped by every change of the event (a re-plan shows at once).
    pub version: u32,
    pub rounds: u32,
    pub view: RoomView,
    /// The round whose table plan is shown: the current one, or during a
    /// changeover the next one (people are moving to it).
    pub shown_round: u32,
    /// When the shown round starts and ends, as planned (`14:30`, `14:37`):
    /// the window writes them the way its language reads clocks.
    pub shown_start: Option<String>,
    pub shown_end: Option<String>,
    pub tables: Vec<RoomTable>,
    /// Visitors with no table in the shown round.
    pub pauses: Vec<String>,
    /// The event has no plan yet.
    pub unplanned: bool,
    /// A round's length, shown while the room waits to start.
    #[ts(type = "number")]
    pub round_ms: i64,
    /// This call changed the stored event (an action, or a round that
    /// started): other windows should reload it.
    #[serde(skip)]
    #[ts(skip)]
    pub wrote: bool,
}

/// A lead's party role: the association carries the project, the other is
/// its partner (between two non-associations, the seated one carries it).
fn party_role(kind: ActorKind, seated: bool, other: ActorKind) -> PartyRole {
    match (kind, other) {
        (ActorKind::Association, _) => PartyRole::Porteur,
        (_, ActorKind::Association) => PartyRole::Partenaire,
        _ if seated => PartyRole::Porteur,
        _ => PartyRole::Partenaire,
    }
}

/// The planner's input for a stored event: present (or expected) people,
/// wishes, pairs already partners unless allowed, and the rounds held.
fn plan_input(detail: &EventDetail, partners: Vec<(String, String)>) -> PlanInput {
    let e = &detail.event;
    let seated = detail
        .participants
        .iter()
        .filter(|p| p.side == e.seated_side)
        .map(|p| PlanSeated {
            id: p.id.clone(),
            table: p.table,
            sector: p.sector.clone(),
        })
        .collect();
    let visitors = detail
        .participants
        .iter()
        .filter(|p| p.side != e.seated_side)
        .map(|p| PlanVisitor {
            id: p.id.clone(),
            sector: p.sector.clone(),
        })
        .collect();
    let mut played: Vec<Vec<Meeting>> = vec![Vec::new(); e.played_rounds as usize];
    for m in detail
        .meetings
        .iter()
        .filter(|m| m.round <= e.played_rounds)
    {
        played[(m.round - 1) as usize].push(m.as_plan_meeting());
    }
    PlanInput {
        rounds: e.rounds,
        tables: Some(e.tables),
        seated,
        visitors,
        wishes: detail
            .wishes
            .iter()
            .map(|w| Wish {
                from: w.from.clone(),
                to: w.to.clone(),
                level: w.level,
            })
            .collect(),
        absent: detail
            .participants
            .iter()
            .filter(|p| p.presence == Presence::Absent)
            .map(|p| p.id.clone())
            .collect(),
        played,
        excluded: if e.allow_partners {
            Vec::new()
        } else {
            partners
        },
    }
}

/// The tables of round `shown_round` (the seated present, with their
/// visitor if any) and the visitors who pause in it.
fn room_tables(
    detail: &EventDetail,
    event: &Event,
    shown_round: u32,
) -> (Vec<RoomTable>, Vec<String>) {
    let names: HashMap<&str, &Participant> = detail
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    let name = |id: &str| {
        names
            .get(id)
            .map_or_else(|| id.to_owned(), |p| p.actor_name.clone())
    };
    let mut tables: BTreeMap<u32, RoomTable> = detail
        .participants
        .iter()
        .filter(|p| p.side == event.seated_side && p.presence != Presence::Absent)
        .filter_map(|p| {
            p.table.map(|t| {
                (
                    t,
                    RoomTable {
                        table: t,
                        seated: p.actor_name.clone(),
                        visitor: None,
                    },
                )
            })
        })
        .collect();
    let mut busy = Vec::new();
    for m in detail.meetings.iter().filter(|m| m.round == shown_round) {
        busy.push(m.visitor.as_str());
        let entry = tables.entry(m.table).or_insert_with(|| RoomTable {
            table: m.table,
            seated: name(&m.seated),
            visitor: None,
        });
        entry.visitor = Some(name(&m.visitor));
    }
    let pauses = if detail.meetings.is_empty() {
        Vec::new()
    } else {
        detail
            .participants
            .iter()
            .filter(|p| {
                p.side != event.seated_side
                    && p.presence != Presence::Absent
                    && !busy.contains(&p.id.as_str())
            })
            .map(|p| p.actor_name.clone())
            .collect()
    };
    (tables.into_values().collect(), pauses)
}

/// When round `shown_round` starts and ends as planned (`14:30`, `14:37`).
fn planned_times(
    event: &Event,
    timing: &Timing,
    shown_round: u32,
) -> (Option<String>, Option<String>) {
    let slot = timing.slots().into_iter().find(|s| s.number == shown_round);
    let clock = |minute: u32| {
        Timing::time_at(event.start_time, minute)
            .format("%H:%M")
            .to_string()
    };
    (
        slot.as_ref().map(|s| clock(s.start_minute)),
        slot.as_ref().map(|s| clock(s.end_minute)),
    )
}

impl App {
    /// Checks an event form without saving it.
    #[must_use]
    pub fn validate_event(&self, input: &EventInput) -> Vec<FieldError> {
        crate::validation_result(input.validate())
    }

    /// The event form's starting values: an existing event's settings as
    /// the form shows them (date the French way), or a new event's defaults
    /// when `id` is `None` (those of Réglages, else `EventInput::default`).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_event_input(&self, id: Option<&str>) -> AppResult<EventInput> {
        Ok(match id {
            Some(id) => self.store.event(id)?.to_input(),
            None => self.store.settings()?.event_defaults.unwrap_or_default(),
        })
    }

    /// Creates an event.
    ///
    /// # Errors
    /// `Invalid` with the fields at fault; a storage error.
    pub fn create_event(&mut self, input: &EventInput) -> AppResult<Event> {
        let valid = input.validate()?;
        Ok(self.store.insert_event(&valid)?)
    }

    /// Saves the event form loaded at `version`.
    ///
    /// # Errors
    /// `Invalid`, `NotFound`, `Conflict`; a storage error.
    pub fn update_event(&mut self, id: &str, version: u32, input: &EventInput) -> AppResult<Event> {
        let valid = input.validate()?;
        Ok(self.store.update_event(id, version, &valid)?)
    }

    /// Deletes an event (undoable).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_event(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.delete_event(id)?)
    }

    /// Undoes [`App::delete_event`].
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn restore_event(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.restore_event(id)?)
    }

    /// Live events, the latest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_events(&self) -> AppResult<Vec<EventSummary>> {
        Ok(self.store.events()?)
    }

    /// An event with everything its pages show.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_event(&self, id: &str) -> AppResult<EventDetail> {
        let mut detail = self.store.event_detail(id)?;
        let partners = self.store.event_partner_pairs(id)?;
        detail.possible_meetings = planner::possible_meetings(&plan_input(&detail, partners)).ok();
        Ok(detail)
    }

    /// Adds a directory actor; without `side`, companies and funders go
    /// with the companies, everyone else with the associations.
    ///
    /// # Errors
    /// `NotFound`, `Invalid` (already taking part); a storage error.
    pub fn add_event_participant(
        &mut self,
        event_id: &str,
        actor_id: &str,
        side: Option<EventSide>,
        contact_id: Option<&str>,
    ) -> AppResult<EventDetail> {
        let side = match side {
            Some(s) => s,
            None => EventSide::default_for(self.store.actor(actor_id)?.kind),
        };
        self.store
            .add_participant(event_id, actor_id, side, contact_id)?;
        self.get_event(event_id)
    }

    /// Adds someone at the door: creates the actor (and its contact person)
    /// and marks them present.
    ///
    /// # Errors
    /// `Invalid` (no name…), `NotFound`; a storage error.
    pub fn quick_add_event_participant(
        &mut self,
        event_id: &str,
        q: &QuickAdd,
    ) -> AppResult<EventDetail> {
        let kind = q.kind.unwrap_or(match q.side {
            Some(EventSide::Entreprises) => ActorKind::Entreprise,
            _ => ActorKind::Association,
        });
        let actor = ActorInput {
            kind: Some(kind),
            name: q.name.clone(),
            ..ActorInput::default()
        }
        .validate()?;
        let has_person = !(q.first_name.trim().is_empty() && q.last_name.trim().is_empty());
        let contact = if has_person {
            let event = self.store.event(event_id)?;
            Some(
                ContactInput {
                    first_name: q.first_name.clone(),
                    last_name: q.last_name.clone(),
                    email: q.email.clone(),
                    source: Some(ContactSource::Evenement),
                    notes: Some(format!(
                        "Inscrit sur place au speed-dating « {} ».",
                        event.name
                    )),
                    ..ContactInput::default()
                }
                .validate()?,
            )
        } else {
            None
        };
        let side = q.side.unwrap_or_else(|| EventSide::default_for(kind));
        self.store
            .quick_add_participant(event_id, &actor, contact.as_ref(), side)?;
        self.get_event(event_id)
    }

    /// Removes a participant who has not met anyone in a held round.
    ///
    /// # Errors
    /// `NotFound`, `Invalid`; a storage error.
    pub fn remove_event_participant(
        &mut self,
        event_id: &str,
        participant_id: &str,
    ) -> AppResult<EventDetail> {
        self.store.remove_participant(event_id, participant_id)?;
        self.get_event(event_id)
    }

    /// Marks a participant present or absent, moves them to a table or to
    /// the other side.
    ///
    /// # Errors
    /// `NotFound`, `Invalid` (table taken or out of range, side change after
    /// meetings); a storage error.
    pub fn change_event_participant(
        &mut self,
        event_id: &str,
        participant_id: &str,
        change: &ParticipantChange,
    ) -> AppResult<EventDetail> {
        self.store.set_participant(
            event_id,
            participant_id,
            change.presence,
            if change.clear_table {
                Some(None)
            } else {
                change.table.map(Some)
            },
            change.side,
        )?;
        self.get_event(event_id)
    }

    /// Sets or clears a wish (wishes go both ways: the planner reads each
    /// side's).
    ///
    /// # Errors
    /// `NotFound`, `Invalid` (same side); a storage error.
    pub fn set_event_wish(
        &mut self,
        event_id: &str,
        from: &str,
        to: &str,
        level: Option<WishLevel>,
    ) -> AppResult<EventDetail> {
        self.store.set_wish(event_id, from, to, level)?;
        self.get_event(event_id)
    }

    /// Plans the event optimally, or re-plans the rounds not yet started
    /// (rounds held stay exactly as they were). Absent people get nothing;
    /// late arrivals and quick-adds are simply present.
    ///
    /// # Errors
    /// `Invalid` in the event's words (an empty side, more seated people
    /// than tables, more visitors than the rounds and tables can serve,
    /// every round already held); `Conflict` when the event changed while
    /// planning; a storage error.
    pub fn plan_event(&mut self, event_id: &str) -> AppResult<EventDetail> {
        let detail = self.get_event(event_id)?;
        let e = &detail.event;
        if e.played_rounds >= e.rounds {
            return Err(AppError::field(FieldError::new(
                "rounds",
                format!(
                    "Les {} tours ont tous commencé : il n'y a plus rien à planifier. Ajoutez un tour dans les réglages de l'événement pour replanifier.",
                    e.rounds
                ),
                "Every round has started: nothing is left to plan.",
            )));
        }
        let present = |seated: bool| {
            detail
                .participants
                .iter()
                .filter(|p| (p.side == e.seated_side) == seated && p.presence != Presence::Absent)
                .count()
        };
        // Absent seated people keep their table: count them against tables.
        let seated_all = detail
            .participants
            .iter()
            .filter(|p| p.side == e.seated_side)
            .count();
        check_capacity(
            e.rounds - e.played_rounds,
            e.tables,
            if seated_all > e.tables as usize {
                seated_all
            } else {
                present(true)
            },
            present(false),
            e.seated_side,
        )?;
        let partners = self.store.event_partner_pairs(event_id)?;
        let input = plan_input(&detail, partners);
        let plan = planner::plan(&input)?;
        let summary = PlanSummary {
            objective: plan.objective,
            bound: plan.bound,
            optimal: plan.optimal,
        };
        self.store
            .save_event_plan(event_id, e.version, e.played_rounds, &plan.rounds, &summary)?;
        self.get_event(event_id)
    }

    /// The planner's input for a stored event (what `event plan` reads).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_plan_input(&self, event_id: &str) -> AppResult<PlanInput> {
        let detail = self.get_event(event_id)?;
        let partners = self.store.event_partner_pairs(event_id)?;
        Ok(plan_input(&detail, partners))
    }

    /// The room: runs `action` if any, brings the room clock to `clock`'s
    /// instant, records the
    /// rounds that have started (so a re-plan keeps them), and returns what
    /// the projector shows.
    ///
    /// # Errors
    /// `NotFound` when the event was deleted (the room says so); a storage
    /// error.
    pub fn run_event_room(
        &mut self,
        event_id: &str,
        action: Option<RoomAction>,
        clock: Clock,
    ) -> AppResult<RoomState> {
        let (event, stored) = self.store.event_room(event_id)?;
        let timing = event.timing();
        let now = clock.millis();
        let clock = stored.unwrap_or_else(|| RoomClock::ready(event.played_rounds, event.rounds));
        let moved = match action {
            Some(RoomAction::Start) => clock.start(&timing, now),
            Some(RoomAction::Pause) => clock.pause(&timing, now),
            Some(RoomAction::Next) => clock.next(&timing, now),
            None => clock.at(&timing, now),
        };
        let view = moved.view(&timing, now);
        let wrote = action.is_some() || view.started_rounds > event.played_rounds;
        let event = if wrote {
            self.store
                .set_event_room(event_id, &moved, view.started_rounds)?
        } else {
            event
        };
        let mut state = self.room_state(&event, &timing, view)?;
        state.wrote = wrote;
        Ok(state)
    }

    fn room_state(&self, event: &Event, timing: &Timing, view: RoomView) -> AppResult<RoomState> {
        let detail = self.store.event_detail(&event.id)?;
        let shown_round = match view.clock.phase {
            RoomPhase::Gap => (view.clock.round + 1).min(event.rounds),
            _ => view.clock.round.max(1),
        };
        let (tables, pauses) = room_tables(&detail, event, shown_round);
        let (shown_start, shown_end) = planned_times(event, timing, shown_round);
        Ok(RoomState {
            event_id: event.id.clone(),
            event_name: event.name.clone(),
            version: event.version,
            rounds: event.rounds,
            view,
            shown_round,
            shown_start,
            shown_end,
            tables,
            pauses,
            unplanned: detail.meetings.is_empty(),
            round_ms: i64::from(event.round_minutes) * 60_000,
            wrote: false,
        })
    }

    /// Records that the first `rounds` rounds have started, without the room
    /// (an event run with a gong): a re-plan keeps them. The room resumes at
    /// the next round.
    ///
    /// # Errors
    /// `Invalid` beyond the event's rounds or below the rounds already
    /// started; `NotFound`; a storage error.
    pub fn set_event_played_rounds(&mut self, event_id: &str, rounds: u32) -> AppResult<()> {
        let e = self.store.event(event_id)?;
        if rounds > e.rounds || rounds < e.played_rounds {
            return Err(AppError::field(FieldError::new(
                "playedRounds",
                format!(
                    "Entre {} (tours déjà commencés) et {} (tours prévus).",
                    e.played_rounds, e.rounds
                ),
                format!("Between {} and {}.", e.played_rounds, e.rounds),
            )));
        }
        self.store
            .set_event_room(event_id, &RoomClock::ready(rounds, e.rounds), rounds)?;
        Ok(())
    }

    /// Records a meeting's ticks and notes.
    ///
    /// # Errors
    /// `Invalid` (note too long), `NotFound`; a storage error.
    pub fn capture_event_meeting(
        &mut self,
        event_id: &str,
        capture: &MeetingCapture,
    ) -> AppResult<EventMeeting> {
        let clean = capture.cleaned()?;
        Ok(self.store.capture_meeting(event_id, &clean)?)
    }

    /// Turns mutual ticks into partnerships at stage « rencontre » (both
    /// actors as parties, the event as origin, a timeline entry with its
    /// date, round and table)
    /// and one-sided ticks into follow-ups due a week after `clock`'s local
    /// date (or after the event, if later). Running it again creates only
    /// what is new.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn create_event_leads(&mut self, event_id: &str, clock: Clock) -> AppResult<LeadsOutcome> {
        let event = self.store.event(event_id)?;
        let today = clock.today();
        let due = today.max(event.date) + Duration::days(7);
        let lead = |m: &EventMeeting, s: &Participant, v: &Participant| {
            let notes: Vec<String> = [(s, &m.seated_note), (v, &m.visitor_note)]
                .iter()
                .filter_map(|(p, n)| n.as_ref().map(|n| format!("{} : {n}", p.actor_name)))
                .collect();
            let party = |p: &Participant, seated: bool, other: &Participant| Party {
                actor_id: p.actor_id.clone(),
                role: party_role(p.actor_kind, seated, other.actor_kind),
                contact_id: p.contact_id.clone(),
            };
            let input = PartnershipInput {
                title: format!("{} × {}", s.actor_name, v.actor_name),
                summary: (!notes.is_empty()).then(|| notes.join("\n")),
                parties: vec![party(s, true, v), party(v, false, s)],
                // The event's name as typed: the date, round and table are
                // the timeline's entry, worded in each reader's language.
                origin: Some(event.name.clone()),
                tags: vec!["speed-dating".into()],
                ..PartnershipInput::default()
            };
            input
        };
        let valid = |m: &EventMeeting, s: &Participant, v: &Participant| {
            let mut input = lead(m, s, v);
            // Titles are at most 200 characters: long names are shortened.
            if input.title.chars().count() > 200 {
                input.title = input.title.chars().take(199).collect::<String>() + "…";
            }
            input.validate().map_err(|e| {
                e.0.into_iter()
                    .next()
                    .unwrap_or_else(|| FieldError::new("leads", "Piste invalide.", "Invalid lead."))
            })
        };
        Ok(self.store.create_event_leads(event_id, due, &valid)?)
    }

    /// Marks a follow-up done or not.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn set_follow_up_done(&mut self, id: &str, done: bool) -> AppResult<()> {
        Ok(self.store.set_follow_up_done(id, done)?)
    }

    /// Follow-ups still to do, the oldest due first, each saying whether
    /// it is overdue as of `clock`'s local date.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_open_follow_ups(&self, limit: u32, clock: Clock) -> AppResult<Vec<OpenFollowUp>> {
        let today = clock.today();
        Ok(self
            .store
            .open_follow_ups(limit)?
            .into_iter()
            .map(|f| OpenFollowUp::new(f, today))
            .collect())
    }

    /// One event's report: meetings held, mutual matches, leads created and
    /// how far they went, by mode.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_event_report(&self, event_id: &str) -> AppResult<EventReport> {
        let event = self.store.event(event_id)?;
        Ok(EventReport {
            title: event.name,
            ..self
                .store
                .event_funnel(Some(event_id), event.date, event.date)?
        })
    }

    /// The funnel over the events of a calendar year.
    ///
    /// # Errors
    /// `Invalid` for an absurd year; a storage error.
    pub fn get_events_year_report(&self, year: i32) -> AppResult<EventReport> {
        let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Err(AppError::new(
                ErrorKind::Invalid,
                format!("Année invalide : {year}."),
                format!("Invalid year: {year}."),
            ));
        };
        Ok(EventReport {
            title: format!("Année {year}"),
            ..self.store.event_funnel(None, from, to)?
        })
    }
}
