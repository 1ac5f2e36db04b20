//! The shell's « now »: the one place the desktop shell reads the system
//! clock, once per command call.

use tisserand_domain::Clock;

/// The current instant with the local time zone's offset, passed to the use
/// case a command runs.
#[allow(clippy::disallowed_methods)] // the shell's clock constructor: the edge reads the clock
pub(crate) fn now() -> Clock {
    Clock::at(chrono::Local::now().fixed_offset())
}
