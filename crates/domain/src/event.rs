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

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::planner::{Meeting, PlanBound, PlanObjective, WishLevel, MAX_ROUNDS, MAX_SIDE};
use crate::text::{char_count, parse_date};

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

fn clean(text: Option<&String>) -> Option<String> {
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

impl EventInput {
    /// Checks every field at once.
    ///
    /// # Errors
    /// Every field error, in French and English.
    pub fn validate(&self) -> Result<ValidEvent, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::new(
                "name",
                "Donnez un nom à l'événement (par exemple « Speed-dating de Sélestat »).",
                "Give the event a name.",
            ));
        } else if char_count(&name) > NAME_MAX {
            errors.push(FieldError::new(
                "name",
                format!("Nom trop long : {NAME_MAX} caractères au plus."),
                format!("Name too long: at most {NAME_MAX} characters."),
            ));
        }
        let date = if self.date.trim().is_empty() {
            errors.push(FieldError::new(
                "date",
                "Indiquez la date de l'événement (jj/mm/aaaa).",
                "Give the event's date (dd/mm/yyyy).",
            ));
            None
        } else {
            parse_date("date", &self.date)
                .map_err(|e| errors.push(e))
                .ok()
        };
        let start_time = parse_time("startTime", &self.start_time)
            .map_err(|e| errors.push(e))
            .ok();
        if !(1..=ROUND_MINUTES_MAX).contains(&self.round_minutes) {
            errors.push(FieldError::new(
                "roundMinutes",
                format!("Un tour dure de 1 à {ROUND_MINUTES_MAX} minutes."),
                format!("A round lasts 1 to {ROUND_MINUTES_MAX} minutes."),
            ));
        }
        if self.changeover_minutes > GAP_MINUTES_MAX {
            errors.push(FieldError::new(
                "changeoverMinutes",
                format!("Le changement de table dure {GAP_MINUTES_MAX} minutes au plus."),
                format!("A changeover lasts at most {GAP_MINUTES_MAX} minutes."),
            ));
        }
        if !(1..=MAX_ROUNDS).contains(&self.rounds) {
            errors.push(FieldError::new(
                "rounds",
                format!("Il faut de 1 à {MAX_ROUNDS} tours."),
                format!("There must be 1 to {MAX_ROUNDS} rounds."),
            ));
        }
        let max_tables = u32::try_from(MAX_SIDE).unwrap_or(u32::MAX);
        if !(1..=max_tables).contains(&self.tables) {
            errors.push(FieldError::new(
                "tables",
                format!("Il faut de 1 à {max_tables} tables."),
                format!("There must be 1 to {max_tables} tables."),
            ));
        }
        let mut breaks = self.breaks.clone();
        breaks.sort_by_key(|b| b.after_round);
        for (i, b) in breaks.iter().enumerate() {
            let field = format!("breaks.{i}");
            if b.after_round == 0 || b.after_round >= self.rounds {
                errors.push(FieldError::new(
                    &field,
                    format!(
                        "Une pause se place entre deux tours : après le tour 1 à {}.",
                        self.rounds.saturating_sub(1)
                    ),
                    "A break goes between two rounds.",
                ));
            } else if i > 0 && breaks[i - 1].after_round == b.after_round {
                errors.push(FieldError::new(
                    &field,
                    format!(
                        "Deux pauses après le tour {} : gardez-en une.",
                        b.after_round
                    ),
                    "Two breaks after the same round.",
                ));
            }
            if !(1..=GAP_MINUTES_MAX).contains(&b.minutes) {
                errors.push(FieldError::new(
                    &field,
                    format!("Une pause dure de 1 à {GAP_MINUTES_MAX} minutes."),
                    format!("A break lasts 1 to {GAP_MINUTES_MAX} minutes."),
                ));
            }
        }
        let notes = clean(self.notes.as_ref());
        if notes
            .as_deref()
            .is_some_and(|n| char_count(n) > NOTE_MAX * 5)
        {
            errors.push(FieldError::new(
                "notes",
                "Notes trop longues : 10 000 caractères au plus.",
                "Notes too long: at most 10,000 characters.",
            ));
        }
        match (date, start_time) {
            (Some(date), Some(start_time)) if errors.is_empty() => Ok(ValidEvent {
                name,
                date,
                venue: clean(self.venue.as_ref()),
                start_time,
                round_minutes: self.round_minutes,
                changeover_minutes: self.changeover_minutes,
                rounds: self.rounds,
                tables: self.tables,
                breaks,
                seated_side: self.seated_side,
                allow_partners: self.allow_partners,
                notes,
            }),
            _ => Err(errors),
        }
    }
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

/// The room clock's phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RoomPhase {
    /// Before round `round` starts (first start, or after `next` at the end
    /// of a gap the facilitator wants to hold).
    Ready,
    Round,
    /// Changeover or break after round `round`.
    Gap,
    Finished,
}

/// The stored room clock (see the module's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomClock {
    pub round: u32,
    pub phase: RoomPhase,
    /// Wall-clock milliseconds when the phase started (running), or its
    /// start shifted by the pause (see `paused_at_ms`).
    #[ts(type = "number")]
    pub started_at_ms: i64,
    /// When paused: the instant of the pause.
    #[ts(type = "number | null")]
    pub paused_at_ms: Option<i64>,
}

/// What the room shows at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomView {
    pub clock: RoomClock,
    /// Milliseconds left in the phase (0 when ready or finished).
    #[ts(type = "number")]
    pub remaining_ms: i64,
    /// The phase's full length.
    #[ts(type = "number")]
    pub phase_ms: i64,
    pub paused: bool,
    /// The gap is a break rather than a changeover.
    pub is_break: bool,
    /// Rounds whose meetings have started: a re-plan keeps them.
    pub started_rounds: u32,
}

const MINUTE_MS: i64 = 60_000;

impl RoomClock {
    /// The clock before anything started, the next round being
    /// `played_rounds + 1`.
    #[must_use]
    pub fn ready(played_rounds: u32, rounds: u32) -> Self {
        if played_rounds >= rounds {
            return Self {
                round: rounds,
                phase: RoomPhase::Finished,
                started_at_ms: 0,
                paused_at_ms: None,
            };
        }
        Self {
            round: played_rounds + 1,
            phase: RoomPhase::Ready,
            started_at_ms: 0,
            paused_at_ms: None,
        }
    }

    fn phase_ms(&self, timing: &Timing) -> i64 {
        match self.phase {
            RoomPhase::Round => i64::from(timing.round_minutes) * MINUTE_MS,
            RoomPhase::Gap => i64::from(timing.gap_after(self.round)) * MINUTE_MS,
            RoomPhase::Ready | RoomPhase::Finished => 0,
        }
    }

    /// The phase after this one, starting at `at`.
    fn following(self, timing: &Timing, at: i64) -> Self {
        let (round, phase) = match self.phase {
            RoomPhase::Ready => (self.round, RoomPhase::Round),
            RoomPhase::Round if self.round >= timing.rounds => (self.round, RoomPhase::Finished),
            RoomPhase::Round if timing.gap_after(self.round) == 0 => {
                (self.round + 1, RoomPhase::Round)
            }
            RoomPhase::Round => (self.round, RoomPhase::Gap),
            RoomPhase::Gap => (self.round + 1, RoomPhase::Round),
            RoomPhase::Finished => (self.round, RoomPhase::Finished),
        };
        Self {
            round,
            phase,
            started_at_ms: at,
            paused_at_ms: None,
        }
    }

    /// The clock brought forward to `now`: every phase that ended since is
    /// crossed (a laptop that slept through two rounds wakes in the right
    /// one). Ready, paused and finished clocks do not move.
    #[must_use]
    pub fn at(self, timing: &Timing, now: i64) -> Self {
        let mut clock = self;
        // Bounded: at most two phases per round.
        for _ in 0..=(2 * timing.rounds + 2) {
            if clock.paused_at_ms.is_some()
                || matches!(clock.phase, RoomPhase::Ready | RoomPhase::Finished)
            {
                break;
            }
            let end = clock.started_at_ms + clock.phase_ms(timing);
            if now < end {
                break;
            }
            clock = clock.following(timing, end);
        }
        clock
    }

    /// What the room shows at `now` (after [`Self::at`]).
    #[must_use]
    pub fn view(self, timing: &Timing, now: i64) -> RoomView {
        let clock = self.at(timing, now);
        let phase_ms = clock.phase_ms(timing);
        let elapsed = clock.paused_at_ms.unwrap_or(now) - clock.started_at_ms;
        let remaining_ms = match clock.phase {
            RoomPhase::Round | RoomPhase::Gap => (phase_ms - elapsed).clamp(0, phase_ms),
            RoomPhase::Ready | RoomPhase::Finished => 0,
        };
        let started_rounds = match clock.phase {
            RoomPhase::Ready => clock.round - 1,
            RoomPhase::Round | RoomPhase::Gap | RoomPhase::Finished => clock.round,
        };
        RoomView {
            clock,
            remaining_ms,
            phase_ms,
            paused: clock.paused_at_ms.is_some(),
            is_break: clock.phase == RoomPhase::Gap
                && timing.breaks.iter().any(|b| b.after_round == clock.round),
            started_rounds,
        }
    }

    /// Start (from ready) or resume (from a pause).
    #[must_use]
    pub fn start(self, timing: &Timing, now: i64) -> Self {
        let clock = self.at(timing, now);
        match (clock.phase, clock.paused_at_ms) {
            (RoomPhase::Ready, _) => clock.following(timing, now),
            (_, Some(paused)) => Self {
                started_at_ms: clock.started_at_ms + (now - paused),
                paused_at_ms: None,
                ..clock
            },
            _ => clock,
        }
    }

    /// Pause a running round or gap.
    #[must_use]
    pub fn pause(self, timing: &Timing, now: i64) -> Self {
        let clock = self.at(timing, now);
        match clock.phase {
            RoomPhase::Round | RoomPhase::Gap if clock.paused_at_ms.is_none() => Self {
                paused_at_ms: Some(now),
                ..clock
            },
            _ => clock,
        }
    }

    /// End the current phase now and start the next one (a paused clock
    /// stays paused, at the start of the next phase).
    #[must_use]
    pub fn next(self, timing: &Timing, now: i64) -> Self {
        let clock = self.at(timing, now);
        let paused = clock.paused_at_ms.is_some();
        let mut next = clock.following(timing, now);
        if paused && !matches!(next.phase, RoomPhase::Finished) {
            next.paused_at_ms = Some(now);
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> EventInput {
        EventInput {
            name: "Speed-dating de Sélestat".into(),
            date: "26/11/2026".into(),
            start_time: "14 h 30".into(),
            rounds: 4,
            tables: 3,
            round_minutes: 7,
            changeover_minutes: 2,
            breaks: vec![EventBreak {
                after_round: 2,
                minutes: 15,
            }],
            ..EventInput::default()
        }
    }

    #[test]
    fn a_valid_event_is_read_the_french_way() {
        let e = input().validate().unwrap();
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        assert_eq!(format_time(e.start_time), "14 h 30");
        for (raw, expected) in [("9:05", "9 h 05"), ("14h", "14 h 00"), ("18H45", "18 h 45")] {
            assert_eq!(format_time(parse_time("t", raw).unwrap()), expected);
        }
        for bad in ["", "25:00", "14h300", "midi", "h30"] {
            assert!(parse_time("t", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_wrong_field_is_named_at_once() {
        let bad = EventInput {
            name: "  ".into(),
            date: "31/02/2026".into(),
            start_time: "25h".into(),
            rounds: 0,
            tables: 0,
            round_minutes: 0,
            breaks: vec![EventBreak {
                after_round: 9,
                minutes: 0,
            }],
            ..EventInput::default()
        };
        let errors = bad.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "name",
            "date",
            "startTime",
            "rounds",
            "tables",
            "roundMinutes",
            "breaks.0",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn slots_count_changeovers_and_breaks() {
        let e = input().validate().unwrap();
        let slots = e.timing().slots();
        let starts: Vec<u32> = slots.iter().map(|s| s.start_minute).collect();
        // 7 + 2, 7 + 15 (break after round 2), 7 + 2.
        assert_eq!(starts, [0, 9, 31, 40]);
        assert!(slots[1].break_after && !slots[0].break_after);
        assert_eq!(slots[3].gap_after, 0);
        let t = Timing::time_at(e.start_time, slots[2].start_minute);
        assert_eq!(format_time(t), "15 h 01");
    }

    #[test]
    fn capacity_errors_speak_of_the_event() {
        assert!(check_capacity(4, 3, 3, 5, EventSide::Associations).is_ok());
        let e = check_capacity(2, 3, 3, 7, EventSide::Associations).unwrap_err();
        assert!(e.0[0].message.contains("6 rencontres"), "{:?}", e.0);
        let e = check_capacity(2, 3, 4, 0, EventSide::Associations).unwrap_err();
        assert_eq!(e.0.len(), 2, "{:?}", e.0);
    }

    fn timing() -> Timing {
        input().validate().unwrap().timing()
    }

    const M: i64 = MINUTE_MS;

    #[test]
    fn the_clock_runs_rounds_and_gaps_from_wall_time() {
        let t = timing();
        let c = RoomClock::ready(0, 4).start(&t, 1_000);
        assert_eq!((c.round, c.phase), (1, RoomPhase::Round));
        let v = c.view(&t, 1_000 + 3 * M);
        assert_eq!(v.remaining_ms, 4 * M);
        // Round 1 ends at 7 min; changeover to 9 min.
        let v = c.view(&t, 1_000 + 8 * M);
        assert_eq!(
            (v.clock.round, v.clock.phase, v.remaining_ms),
            (1, RoomPhase::Gap, M)
        );
        assert_eq!(v.started_rounds, 1);
        // Asleep from minute 3 to minute 35: round 3 has started at 31.
        let v = c.view(&t, 1_000 + 35 * M);
        assert_eq!((v.clock.round, v.clock.phase), (3, RoomPhase::Round));
        assert_eq!(v.remaining_ms, 3 * M);
        assert!(!v.is_break);
        let v = c.view(&t, 1_000 + 20 * M);
        assert!(v.is_break, "{v:?}");
        // Long after the end.
        let v = c.view(&t, 1_000 + 500 * M);
        assert_eq!((v.clock.phase, v.started_rounds), (RoomPhase::Finished, 4));
    }

    #[test]
    fn pause_resume_and_next() {
        let t = timing();
        let c = RoomClock::ready(0, 4).start(&t, 0);
        let p = c.pause(&t, 2 * M);
        // Paused for an hour: still 5 minutes left.
        assert_eq!(p.view(&t, 62 * M).remaining_ms, 5 * M);
        let r = p.start(&t, 62 * M);
        assert_eq!(r.view(&t, 63 * M).remaining_ms, 4 * M);
        let n = r.next(&t, 63 * M);
        assert_eq!((n.round, n.phase), (1, RoomPhase::Gap));
        let n = n.next(&t, 63 * M).next(&t, 63 * M);
        assert_eq!((n.round, n.phase), (2, RoomPhase::Gap));
        // A paused clock stays paused across next.
        let q = n.pause(&t, 64 * M).next(&t, 65 * M);
        assert_eq!(
            (q.round, q.phase, q.paused_at_ms),
            (3, RoomPhase::Round, Some(65 * M))
        );
        assert_eq!(q.view(&t, 99 * M).remaining_ms, 7 * M);
    }

    #[test]
    fn a_clock_resumes_after_played_rounds() {
        let c = RoomClock::ready(2, 4);
        assert_eq!((c.round, c.phase), (3, RoomPhase::Ready));
        assert_eq!(c.view(&timing(), 0).started_rounds, 2);
        assert_eq!(RoomClock::ready(4, 4).phase, RoomPhase::Finished);
    }
}
