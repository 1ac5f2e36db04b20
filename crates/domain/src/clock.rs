//! « Now » as a value: one instant with the local time zone's offset at that
//! instant, passed from the edges (the CLI, the desktop shell) to every use
//! case that needs « now » or « today ».
//!
//! Nothing here reads the system clock: `domain` does no IO. The edges build
//! a `Clock` from `chrono::Local::now()` (each at one place allowed by
//! `clippy.toml`'s `disallowed-methods`), the store from its own write stamp,
//! tests with [`Clock::at`].

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};

/// One instant and the local offset in force then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock(DateTime<FixedOffset>);

impl Clock {
    /// The clock at a given local instant (the offset is the local time
    /// zone's at that instant).
    #[must_use]
    pub const fn at(instant: DateTime<FixedOffset>) -> Self {
        Self(instant)
    }

    /// Today's date in local time: what « today » means to the person at
    /// the desk (a lead's due date, the « generated on » date).
    #[must_use]
    pub fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }

    /// The instant in UTC, as stored stamps are written.
    #[must_use]
    pub fn utc(&self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }

    /// The local wall-clock time (backups are named by it).
    #[must_use]
    pub fn local(&self) -> NaiveDateTime {
        self.0.naive_local()
    }

    /// Milliseconds since the Unix epoch (the room clock's unit).
    #[must_use]
    pub fn millis(&self) -> i64 {
        self.0.timestamp_millis()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Clock {
        Clock::at(DateTime::parse_from_rfc3339(s).unwrap())
    }

    #[test]
    fn today_is_the_local_date_not_the_utc_one() {
        // Twenty past midnight in Strasbourg in winter: still the 14th in UTC.
        let c = parse("2026-01-15T00:20:00+01:00");
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
        assert_eq!(
            c.utc().date_naive(),
            NaiveDate::from_ymd_opt(2026, 1, 14).unwrap()
        );
        assert_eq!(c.local().to_string(), "2026-01-15 00:20:00");
        assert_eq!(c.millis(), c.utc().timestamp_millis());
    }
}
