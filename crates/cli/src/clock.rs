//! The command line's « now »: the one place the CLI reads the system clock.

use tisserand_domain::Clock;

/// The current instant with the local time zone's offset, read once per use
/// case and passed to it.
#[allow(clippy::disallowed_methods)] // the CLI's clock constructor: the edge reads the clock
pub(crate) fn now() -> Clock {
    Clock::at(chrono::Local::now().fixed_offset())
}
