//! Partnerships in « mise en œuvre » for more than six months without any
//! measure: the ones whose evaluation is slipping, easy to find.

use chrono::{DateTime, Months, NaiveTime, Utc};

use crate::clock::Clock;
use crate::partnership::{Indicator, Stage};

/// How long a partnership may be in « mise en œuvre » without any measure
/// before it is flagged.
pub const UNMEASURED_MONTHS: u32 = 6;

/// The instant before which entering « mise en œuvre » is more than six
/// months ago on `clock`'s calendar: the local midnight starting the day
/// six months before today, in UTC (as stage changes are stamped), at the
/// clock's offset (a clock knows only today's: an hour off across a change
/// of time).
#[must_use]
pub fn unmeasured_cutoff(clock: Clock) -> DateTime<Utc> {
    let today = clock.today();
    let day = today
        .checked_sub_months(Months::new(UNMEASURED_MONTHS))
        .unwrap_or(today);
    let offset = clock.local() - clock.utc().naive_utc();
    (day.and_time(NaiveTime::MIN) - offset).and_utc()
}

/// Whether any indicator has a measure.
#[must_use]
pub fn is_measured(indicators: &[Indicator]) -> bool {
    indicators.iter().any(|i| !i.measures.is_empty())
}

/// « Sans mesure » : in « mise en œuvre » since before the cutoff (more
/// than six months on `clock`'s calendar) and no indicator measured.
#[must_use]
pub fn is_unmeasured(
    stage: Stage,
    stage_changed_at: DateTime<Utc>,
    measured: bool,
    clock: Clock,
) -> bool {
    stage == Stage::MiseEnOeuvre && !measured && stage_changed_at < unmeasured_cutoff(clock)
}
