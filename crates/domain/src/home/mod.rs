//! Accueil: what needs the facilitator today — next actions by due date,
//! the follow-ups of events, the next event and how ready it is, the
//! measurements and evaluations coming due, partnerships that stopped
//! moving, contacts whose data should be reviewed, and the last changes.
//! The rules that decide what shows live here; the store reads, the app
//! puts the page together (`App::get_home`).

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::event::{EventDetail, OpenFollowUp, Presence};
use crate::impact::{EvaluationState, ImpactRow, SIGNED_STAGES};
use crate::partnership::{NextAction, Stage};

/// A partnership not yet signed and not written to for this many days is
/// « au point mort ».
pub const STUCK_AFTER_DAYS: u64 = 90;
/// The stages in which a partnership can stall: before the signature
/// (afterwards, the work goes on without the pipeline moving).
pub const STALLING_STAGES: [Stage; 4] = [
    Stage::Rencontre,
    Stage::Exploration,
    Stage::Preparation,
    Stage::Contractualisation,
];
/// A running partnership's indicator is measured at least this often: the
/// next measurement is due this many months after the last one (or after
/// the signature when never measured).
pub const MEASURE_EVERY_MONTHS: u32 = 6;
/// A running partnership is evaluated with its partners every year: due a
/// year after the last complete evaluation (or after the signature).
pub const EVALUATE_EVERY_MONTHS: u32 = 12;
/// Dates coming due within this many days are shown ahead.
pub const AHEAD_DAYS: u64 = 30;
/// How many items of each list the page shows (the totals say the rest).
pub const SHOWN: usize = 8;
/// How many next actions the page shows.
pub const ACTIONS_SHOWN: usize = 20;

/// When something is due, as the page groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DueGroup {
    Overdue,
    Today,
    /// Later this week (up to Sunday).
    ThisWeek,
    Later,
}

/// The group of a date due on `due`, on the caller's `today`.
#[must_use]
pub fn due_group(due: NaiveDate, today: NaiveDate) -> DueGroup {
    let sunday = today + Days::new(u64::from(6 - today.weekday().num_days_from_monday()));
    if due < today {
        DueGroup::Overdue
    } else if due == today {
        DueGroup::Today
    } else if due <= sunday {
        DueGroup::ThisWeek
    } else {
        DueGroup::Later
    }
}

/// A partnership's next action with a due date, not done yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HomeAction {
    pub partnership_id: String,
    pub partnership_title: String,
    /// Its position among the partnership's next actions (from 0): what
    /// marking it done names.
    pub index: u32,
    pub text: String,
    pub owner: Option<String>,
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    pub group: DueGroup,
}

/// A partnership's title and next actions, as the store reads them.
pub type ActionsOf = (String, String, Vec<NextAction>);

/// The dated actions not done of `partnerships`, soonest first (then by
/// title), at most [`ACTIONS_SHOWN`].
#[must_use]
pub fn home_actions(partnerships: Vec<ActionsOf>, today: NaiveDate) -> Vec<HomeAction> {
    let mut actions: Vec<HomeAction> = partnerships
        .into_iter()
        .flat_map(|(id, title, actions)| {
            actions
                .into_iter()
                .enumerate()
                .filter(|(_, a)| !a.done)
                .filter_map(move |(n, a)| {
                    let due_on = a.due_on?;
                    Some(HomeAction {
                        partnership_id: id.clone(),
                        partnership_title: title.clone(),
                        index: u32::try_from(n).unwrap_or(u32::MAX),
                        text: a.text,
                        owner: a.owner,
                        due_on,
                        group: due_group(due_on, today),
                    })
                })
        })
        .collect();
    actions.sort_by(|a, b| {
        (a.due_on, &a.partnership_title, a.index).cmp(&(b.due_on, &b.partnership_title, b.index))
    });
    actions.truncate(ACTIONS_SHOWN);
    actions
}

/// What is coming due on a running partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum CheckKind {
    /// An indicator's next measurement.
    Measure { indicator: String },
    /// The yearly evaluation with the partners.
    Evaluation,
}

/// A measurement or an evaluation coming due (or overdue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckDue {
    pub partnership_id: String,
    pub partnership_title: String,
    #[serde(flatten)]
    pub what: CheckKind,
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    pub overdue: bool,
}

fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

/// The measurements and evaluations of the running (signed, not
/// abandoned) partnerships `rows` due by `today` + [`AHEAD_DAYS`], soonest
/// first; titles are left empty for the caller to fill.
#[must_use]
pub fn checks_due(rows: &[ImpactRow], today: NaiveDate) -> Vec<CheckDue> {
    let horizon = today + Days::new(AHEAD_DAYS);
    let mut due = Vec::new();
    for r in rows {
        let Some(signed) = r.signed_on.filter(|_| SIGNED_STAGES.contains(&r.stage)) else {
            continue;
        };
        let mut push = |what: CheckKind, on: NaiveDate| {
            if on <= horizon {
                due.push(CheckDue {
                    partnership_id: r.id.clone(),
                    partnership_title: String::new(),
                    what,
                    due_on: on,
                    overdue: on < today,
                });
            }
        };
        let evaluated = match r.evaluation {
            EvaluationState::Evaluated { on } => on.max(signed),
            _ => signed,
        };
        push(
            CheckKind::Evaluation,
            months_after(evaluated, EVALUATE_EVERY_MONTHS),
        );
        for i in &r.indicators {
            let last = i.measures.iter().map(|m| m.on).max().unwrap_or(signed);
            push(
                CheckKind::Measure {
                    indicator: i.name.clone(),
                },
                months_after(last.max(signed), MEASURE_EVERY_MONTHS),
            );
        }
    }
    due.sort_by(|a, b| (a.due_on, &a.partnership_id).cmp(&(b.due_on, &b.partnership_id)));
    due
}

/// Partnerships written to before this day are « au point mort ».
#[must_use]
pub fn stuck_before(today: NaiveDate) -> NaiveDate {
    today - Days::new(STUCK_AFTER_DAYS)
}

/// A partnership that stopped moving before its signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StuckPartnership {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    /// The day of its last change.
    #[ts(type = "string")]
    pub since: NaiveDate,
}

/// A contact whose data should be reviewed (asked again or deleted) soon
/// or already ([`crate::contact::review_due_from`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewDue {
    pub contact_id: String,
    pub name: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    pub overdue: bool,
}

/// Contacts whose review starts on or before this day (the last contact
/// they initiated, or their creation, on or before it) are shown: due
/// within [`AHEAD_DAYS`] or overdue.
#[must_use]
pub fn review_shown_from(today: NaiveDate) -> NaiveDate {
    let horizon = today + Days::new(AHEAD_DAYS);
    horizon
        .checked_sub_months(Months::new(12 * crate::contact::RETENTION_YEARS))
        .unwrap_or(horizon)
}

/// How ready the next event is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventReadiness {
    /// Registered and not marked absent.
    pub participants: u32,
    /// Of those, the ones the plan does not seat yet (registered after it).
    pub unplanned: u32,
    pub planned: bool,
    /// The whole pack was printed after the last plan.
    pub pack_printed: bool,
    /// Days from today to the event (0: today).
    pub days_left: i32,
}

/// The next event and its readiness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NextEvent {
    pub id: String,
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub venue: Option<String>,
    pub readiness: EventReadiness,
}

/// `detail`'s readiness on `today`, its pack last printed at `printed`.
#[must_use]
pub fn next_event(
    detail: &EventDetail,
    printed: Option<DateTime<Utc>>,
    today: NaiveDate,
) -> NextEvent {
    let e = &detail.event;
    let coming: Vec<_> = detail
        .participants
        .iter()
        .filter(|p| p.presence != Presence::Absent)
        .collect();
    let seated = |id: &str| {
        detail
            .meetings
            .iter()
            .any(|m| m.seated == id || m.visitor == id)
    };
    let planned = !detail.meetings.is_empty();
    NextEvent {
        id: e.id.clone(),
        name: e.name.clone(),
        date: e.date,
        venue: e.venue.clone(),
        readiness: EventReadiness {
            participants: u32::try_from(coming.len()).unwrap_or(u32::MAX),
            unplanned: if planned {
                u32::try_from(coming.iter().filter(|p| !seated(&p.id)).count()).unwrap_or(0)
            } else {
                0
            },
            planned,
            pack_printed: planned
                && match (printed, e.planned_at) {
                    (Some(printed), Some(planned_at)) => printed >= planned_at,
                    (Some(_), None) => true,
                    _ => false,
                },
            days_left: i32::try_from((e.date - today).num_days()).unwrap_or(i32::MAX),
        },
    }
}

/// What a recent change was made to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RecentKind {
    Actor,
    Contact,
    Partnership,
    Event,
}

/// One of the last records written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecentChange {
    pub kind: RecentKind,
    pub id: String,
    pub label: String,
    /// For a contact, their actor (the page that shows them).
    pub actor_id: Option<String>,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Created then (not edited since).
    pub created: bool,
}

/// The Accueil page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Home {
    /// The first dated next actions, soonest first.
    pub actions: Vec<HomeAction>,
    /// Live partnerships with at least one action overdue.
    pub partnerships_overdue: u32,
    pub follow_ups: Vec<OpenFollowUp>,
    pub follow_ups_total: u32,
    pub next_event: Option<NextEvent>,
    pub checks: Vec<CheckDue>,
    pub checks_total: u32,
    pub stuck: Vec<StuckPartnership>,
    pub stuck_total: u32,
    pub reviews: Vec<ReviewDue>,
    pub reviews_total: u32,
    pub recent: Vec<RecentChange>,
}

/// `n` as a count.
#[must_use]
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
