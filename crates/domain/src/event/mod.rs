//! Speed-dating events: what a facilitator sets up (date, rounds, tables,
//! breaks, which side stays seated), the participants and their wishes, the
//! schedule's times, the room clock, and the report. The planner itself is
//! in [`crate::planner`]; this module turns an event into its input.
//!
//! # The room clock
//!
//! The projector's countdown must stay right when the laptop sleeps or the
//! window is hidden (timers stop firing then). So the clock never counts
//! down: it stores *when* the current phase started (wall-clock
//! milliseconds) and, while paused, how much was already spent.
//! [`RoomClock::at`] recomputes the whole state from those and the current
//! instant, crossing any number of phase ends at once.

mod clock;
mod grid;
#[cfg(test)]
mod tests;
mod validate;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::planner::{Meeting, PlanBound, PlanObjective, WishLevel};
use crate::text::char_count;

pub use clock::{RoomClock, RoomPhase, RoomView};
pub use grid::{pauses_by_round, pending_leads, plan_grid, visitors_present, PlanRow};

/// Longest event name, in characters.
pub const NAME_MAX: usize = 200;
/// Longest round, in minutes.
pub const ROUND_MINUTES_MAX: u32 = 120;
/// Longest changeover or break, in minutes.
pub const GAP_MINUTES_MAX: u32 = 240;
/// Longest meeting note, in characters.
pub const NOTE_MAX: usize = 2_000;

/// The two sides of a speed-dating. Companies on one, associations on the
/// other; local authorities and foundations go where the facilitator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum EventSide {
    Associations,
    Entreprises,
}

impl EventSide {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Associations => "associations",
            Self::Entreprises => "entreprises",
        }
    }

    /// Reads a stored or typed side (`associations`, `entreprises`, or the
    /// singular).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match crate::text::fold(code.trim()).as_str() {
            "associations" | "association" | "asso" => Some(Self::Associations),
            "entreprises" | "entreprise" => Some(Self::Entreprises),
            _ => None,
        }
    }

    #[must_use]
    pub const fn other(self) -> Self {
        match self {
            Self::Associations => Self::Entreprises,
            Self::Entreprises => Self::Associations,
        }
    }

    /// « côté associations ».
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Self::Associations => "côté associations",
            Self::Entreprises => "côté entreprises",
        }
    }

    /// The side an actor of `kind` joins by default: companies and funders
    /// with the companies, everyone else with the associations.
    #[must_use]
    pub const fn default_for(kind: crate::actor::ActorKind) -> Self {
        use crate::actor::ActorKind;
        match kind {
            ActorKind::Entreprise | ActorKind::Financeur => Self::Entreprises,
            _ => Self::Associations,
        }
    }
}

/// Whether a registered participant came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Presence {
    /// Registered, not yet checked in: planned as if present.
    Expected,
    Present,
    Absent,
}

impl Presence {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Present => "present",
            Self::Absent => "absent",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "expected" => Some(Self::Expected),
            "present" => Some(Self::Present),
            "absent" => Some(Self::Absent),
            _ => None,
        }
    }
}

/// A break after round `after_round`, lasting `minutes` (it replaces that
/// changeover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventBreak {
    pub after_round: u32,
    pub minutes: u32,
}

/// What the event form or the command line sends. Texts are as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EventInput {
    pub name: String,
    /// `26/11/2026` or `2026-11-26`.
    pub date: String,
    pub venue: Option<String>,
    /// `14:30`, `14h30` or `14 h 30`.
    pub start_time: String,
    pub round_minutes: u32,
    pub changeover_minutes: u32,
    pub rounds: u32,
    pub tables: u32,
    pub breaks: Vec<EventBreak>,
    pub seated_side: EventSide,
    /// Let pairs who are already partners meet again.
    pub allow_partners: bool,
    pub notes: Option<String>,
}

impl Default for EventInput {
    fn default() -> Self {
        Self {
            name: String::new(),
            date: String::new(),
            venue: None,
            start_time: "14:00".into(),
            round_minutes: 7,
            changeover_minutes: 2,
            rounds: 8,
            tables: 10,
            breaks: Vec::new(),
            seated_side: EventSide::Associations,
            allow_partners: false,
            notes: None,
        }
    }
}

/// An event input that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvent {
    pub name: String,
    pub date: NaiveDate,
    pub venue: Option<String>,
    pub start_time: NaiveTime,
    pub round_minutes: u32,
    pub changeover_minutes: u32,
    pub rounds: u32,
    pub tables: u32,
    pub breaks: Vec<EventBreak>,
    pub seated_side: EventSide,
    pub allow_partners: bool,
    pub notes: Option<String>,
}

pub(super) fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Reads `14:30`, `14h30`, `14 h 30`, `14h` or `9:05`.
///
/// # Errors
/// A message naming the typed text and the expected form.
pub fn parse_time(field: &str, raw: &str) -> Result<NaiveTime, FieldError> {
    let text: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = text.to_lowercase();
    let (h, m) = lower
        .split_once(['h', ':'])
        .map_or((lower.as_str(), ""), |(h, m)| (h, m));
    let hours = h.parse::<u32>().ok();
    let minutes = if m.is_empty() {
        Some(0)
    } else {
        m.parse::<u32>().ok()
    };
    hours
        .zip(minutes)
        .filter(|_| !h.is_empty() && m.len() <= 2)
        .and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0))
        .ok_or_else(|| {
            FieldError::new(
                field,
                format!(
                    "L'heure « {} » n'est pas valide : écrivez-la 14:30 ou 14 h 30.",
                    raw.trim()
                ),
                format!("Time \"{}\" is not valid: write it 14:30.", raw.trim()),
            )
        })
}

/// « 14 h 30 », « 9 h 05 ».
#[must_use]
pub fn format_time(t: NaiveTime) -> String {
    use chrono::Timelike;
    format!("{} h {:02}", t.hour(), t.minute())
}

/// The times of one round, in minutes after the event's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoundSlot {
    pub number: u32,
    pub start_minute: u32,
    pub end_minute: u32,
    /// Minutes until the next round starts (changeover or break); 0 after
    /// the last round.
    pub gap_after: u32,
    /// The gap after this round is a break.
    pub break_after: bool,
}

/// Round lengths and gaps of an event, enough to lay out its times and to
/// run its room clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Timing {
    pub rounds: u32,
    pub round_minutes: u32,
    pub changeover_minutes: u32,
    pub breaks: Vec<EventBreak>,
}

impl Timing {
    /// Minutes between the end of round `k` and the start of round `k + 1`.
    #[must_use]
    pub fn gap_after(&self, k: u32) -> u32 {
        if k >= self.rounds {
            return 0;
        }
        self.breaks
            .iter()
            .find(|b| b.after_round == k)
            .map_or(self.changeover_minutes, |b| b.minutes)
    }

    /// Every round's slot, in order.
    #[must_use]
    pub fn slots(&self) -> Vec<RoundSlot> {
        let mut at = 0;
        (1..=self.rounds)
            .map(|k| {
                let start = at;
                let end = start + self.round_minutes;
                let gap = self.gap_after(k);
                at = end + gap;
                RoundSlot {
                    number: k,
                    start_minute: start,
                    end_minute: end,
                    gap_after: gap,
                    break_after: k < self.rounds && self.breaks.iter().any(|b| b.after_round == k),
                }
            })
            .collect()
    }

    /// The clock time `minutes` after `start` (wrapping past midnight).
    #[must_use]
    pub fn time_at(start: NaiveTime, minutes: u32) -> NaiveTime {
        start + chrono::Duration::minutes(i64::from(minutes))
    }
}

impl ValidEvent {
    #[must_use]
    pub fn timing(&self) -> Timing {
        Timing {
            rounds: self.rounds,
            round_minutes: self.round_minutes,
            changeover_minutes: self.changeover_minutes,
            breaks: self.breaks.clone(),
        }
    }
}

/// A stored event (without its participants and meetings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Event {
    pub id: String,
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub venue: Option<String>,
    #[ts(type = "string")]
    pub start_time: NaiveTime,
    pub round_minutes: u32,
    pub changeover_minutes: u32,
    pub rounds: u32,
    pub tables: u32,
    pub breaks: Vec<EventBreak>,
    pub seated_side: EventSide,
    pub allow_partners: bool,
    pub notes: Option<String>,
    /// Rounds held (or started): a re-plan keeps them as they are.
    pub played_rounds: u32,
    pub plan_summary: Option<PlanSummary>,
    #[ts(type = "string | null")]
    pub planned_at: Option<DateTime<Utc>>,
    pub version: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Event {
    #[must_use]
    pub fn timing(&self) -> Timing {
        Timing {
            rounds: self.rounds,
            round_minutes: self.round_minutes,
            changeover_minutes: self.changeover_minutes,
            breaks: self.breaks.clone(),
        }
    }

    /// The input that would recreate this event, for the edit form.
    #[must_use]
    pub fn to_input(&self) -> EventInput {
        EventInput {
            name: self.name.clone(),
            date: self.date.format("%d/%m/%Y").to_string(),
            venue: self.venue.clone(),
            start_time: self.start_time.format("%H:%M").to_string(),
            round_minutes: self.round_minutes,
            changeover_minutes: self.changeover_minutes,
            rounds: self.rounds,
            tables: self.tables,
            breaks: self.breaks.clone(),
            seated_side: self.seated_side,
            allow_partners: self.allow_partners,
            notes: self.notes.clone(),
        }
    }
}

/// The last plan's figures, kept with the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanSummary {
    pub objective: PlanObjective,
    pub bound: PlanBound,
    pub optimal: bool,
}

/// An event in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventSummary {
    pub id: String,
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub venue: Option<String>,
    pub rounds: u32,
    pub played_rounds: u32,
    pub participants: u32,
    pub meetings: u32,
    pub leads: u32,
}

/// A participant with what the event pages show of their actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Participant {
    pub id: String,
    pub actor_id: String,
    pub actor_name: String,
    pub actor_kind: crate::actor::ActorKind,
    pub sector: Option<String>,
    pub commune: Option<String>,
    /// The contact person who comes, when one was named.
    pub contact_id: Option<String>,
    pub contact_name: Option<String>,
    pub side: EventSide,
    pub table: Option<u32>,
    pub presence: Presence,
    pub quick_added: bool,
}

/// A wish between two participants (by participant id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParticipantWish {
    pub from: String,
    pub to: String,
    pub level: WishLevel,
}

/// A planned or held meeting, with what was captured after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventMeeting {
    pub round: u32,
    pub table: u32,
    /// Participant ids.
    pub seated: String,
    pub visitor: String,
    pub seated_tick: bool,
    pub visitor_tick: bool,
    pub seated_note: Option<String>,
    pub visitor_note: Option<String>,
    /// The partnership lead created from this meeting.
    pub partnership_id: Option<String>,
    /// The partnership's title when one exists.
    pub partnership_title: Option<String>,
}

impl EventMeeting {
    #[must_use]
    pub const fn mutual(&self) -> bool {
        self.seated_tick && self.visitor_tick
    }

    #[must_use]
    pub fn as_plan_meeting(&self) -> Meeting {
        Meeting {
            table: self.table,
            seated: self.seated.clone(),
            visitor: self.visitor.clone(),
        }
    }
}

/// A follow-up: one side wants to see the other again, the other did not
/// tick. The facilitator calls and marks it done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUp {
    pub id: String,
    pub event_id: String,
    pub event_name: String,
    pub round: u32,
    /// The actor who ticked.
    pub actor_id: String,
    pub actor_name: String,
    /// The actor they want to see again.
    pub other_id: String,
    pub other_name: String,
    #[ts(type = "string")]
    pub due: NaiveDate,
    pub done: bool,
}

/// A follow-up still to do, as the events list shows it: whether its due
/// date is already past as of the caller's local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenFollowUp {
    #[serde(flatten)]
    pub follow_up: FollowUp,
    /// Due before `today`.
    pub overdue: bool,
}

impl OpenFollowUp {
    /// `follow_up` as of `today`.
    #[must_use]
    pub fn new(follow_up: FollowUp, today: NaiveDate) -> Self {
        Self {
            overdue: follow_up.due < today,
            follow_up,
        }
    }
}

impl std::ops::Deref for OpenFollowUp {
    type Target = FollowUp;

    fn deref(&self) -> &FollowUp {
        &self.follow_up
    }
}

/// Everything an event's pages need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventDetail {
    pub event: Event,
    pub slots: Vec<RoundSlot>,
    pub participants: Vec<Participant>,
    pub wishes: Vec<ParticipantWish>,
    /// By round, then table.
    pub meetings: Vec<EventMeeting>,
    pub follow_ups: Vec<FollowUp>,
    /// The most meetings the event can hold as it stands (meetings held,
    /// then present people in the rounds left, partners and « non merci »
    /// kept apart): [`crate::planner::possible_meetings`], the same number
    /// as the plan's bound. `None` while it cannot be planned (a side
    /// empty, more seated people than tables…).
    #[serde(default)]
    pub possible_meetings: Option<u32>,
    /// The plan as tables × rounds ([`plan_grid`]).
    #[serde(default)]
    pub plan: Vec<PlanRow>,
    /// Per round, the visitors sitting out ([`pauses_by_round`]).
    #[serde(default)]
    pub pauses: Vec<Vec<String>>,
    /// Mutual ticks without their partnership yet ([`pending_leads`]).
    #[serde(default)]
    pub pending_leads: u32,
    /// Visitors not marked absent ([`visitors_present`]).
    #[serde(default)]
    pub visitors_present: u32,
}

/// A meeting's capture: each side's « à revoir » tick and note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MeetingCapture {
    pub round: u32,
    pub table: u32,
    pub seated_tick: bool,
    pub visitor_tick: bool,
    pub seated_note: Option<String>,
    pub visitor_note: Option<String>,
}

impl MeetingCapture {
    /// Trims the notes and refuses overly long ones.
    ///
    /// # Errors
    /// A note longer than [`NOTE_MAX`] characters.
    pub fn cleaned(&self) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (field, note) in [
            ("seatedNote", &self.seated_note),
            ("visitorNote", &self.visitor_note),
        ] {
            if note
                .as_deref()
                .is_some_and(|n| char_count(n.trim()) > NOTE_MAX)
            {
                errors.push(FieldError::new(
                    field,
                    format!("Note trop longue : {NOTE_MAX} caractères au plus."),
                    format!("Note too long: at most {NOTE_MAX} characters."),
                ));
            }
        }
        errors.into_result(Self {
            seated_note: clean(self.seated_note.as_ref()),
            visitor_note: clean(self.visitor_note.as_ref()),
            ..self.clone()
        })
    }
}

/// What happened to a mutual or one-sided tick when leads were created.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LeadsOutcome {
    /// Partnership ids created at stage « rencontre ».
    pub partnerships: Vec<String>,
    pub follow_ups: u32,
    /// Mutual ticks that already had their partnership.
    pub already: u32,
}

/// One step of the funnel from spark to action.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Funnel {
    pub meetings: u32,
    /// Meetings where at least one side ticked « à revoir ».
    pub ticked: u32,
    pub mutual: u32,
    pub leads: u32,
    /// Leads still alive (not abandoned).
    pub alive: u32,
    /// Leads that reached contractualisation or beyond.
    pub contracted: u32,
    pub follow_ups: u32,
    pub follow_ups_done: u32,
}

/// Leads by their partnership's primary mode (`None`: not classified yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ModeFunnel {
    pub mode: Option<crate::rameau::RameauMode>,
    pub leads: u32,
    pub contracted: u32,
}

/// An event's report, or a year's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventReport {
    /// The event's name, or « Année 2026 ».
    pub title: String,
    pub events: u32,
    pub participants: u32,
    /// Participants marked present: only recorded presence counts, never
    /// « attendu ».
    pub present: u32,
    /// Participants marked absent.
    pub absent: u32,
    /// Participants whose presence was never recorded (still « attendu »):
    /// equal to `participants` when nobody's presence was recorded.
    pub unrecorded: u32,
    pub funnel: Funnel,
    pub by_mode: Vec<ModeFunnel>,
}

/// Refuses what the planner cannot serve, before planning, in words about
/// the event rather than the planner's input.
///
/// # Errors
/// An empty side, more seated participants than tables, or more visitors
/// than the rounds and tables can give even one meeting.
pub fn check_capacity(
    rounds: u32,
    tables: u32,
    seated_present: usize,
    visitors_present: usize,
    seated_side: EventSide,
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let (seated_name, visitor_name) = match seated_side {
        EventSide::Associations => ("association", "entreprise"),
        EventSide::Entreprises => ("entreprise", "association"),
    };
    if seated_present == 0 {
        errors.push(FieldError::new(
            "participants",
            format!("Aucune {seated_name} présente du côté assis : ajoutez des participants avant de planifier."),
            "The seated side is empty.",
        ));
    }
    if visitors_present == 0 {
        errors.push(FieldError::new(
            "participants",
            format!("Aucune {visitor_name} présente du côté qui tourne : ajoutez des participants avant de planifier."),
            "The visiting side is empty.",
        ));
    }
    if seated_present > tables as usize {
        errors.push(FieldError::new(
            "tables",
            format!(
                "{seated_present} participants assis pour {tables} tables : ajoutez des tables ou déplacez des participants de l'autre côté."
            ),
            format!("{seated_present} seated participants for {tables} tables."),
        ));
    }
    let seats = u64::from(rounds) * (seated_present.min(tables as usize) as u64);
    if visitors_present as u64 > seats && seated_present > 0 {
        errors.push(FieldError::new(
            "participants",
            format!(
                "{visitors_present} participants tournent mais {rounds} tours × {} tables n'offrent que {seats} rencontres : certains n'en auraient aucune. Ajoutez des tours ou des tables.",
                seated_present.min(tables as usize)
            ),
            format!("{visitors_present} visitors but only {seats} meetings available."),
        ));
    }
    errors.into_result(())
}
