//! The room clock: the phase and its start kept, the whole state
//! recomputed from them and the current instant (see the module
//! documentation of `event`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Timing;

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

pub(super) const MINUTE_MS: i64 = 60_000;

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
