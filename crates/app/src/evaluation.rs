//! Use cases on a partnership's evaluation by its parties: one evaluation
//! added (checked in the domain against the parties and the caller's
//! today), one deleted (the undo of an addition).

use tisserand_domain::impact::PartyEvaluationInput;
use tisserand_domain::{Clock, Partnership};

use crate::partnership::partnership_error;
use crate::{App, AppResult};

impl App {
    /// Adds the evaluation `input` to partnership `id` as loaded at
    /// `version`: by one of its parties, dated on or before `clock`'s
    /// today. It goes on the timeline.
    ///
    /// # Errors
    /// `NotFound`; `Invalid` with the fields at fault (not a party, a date
    /// after today, an answer off the scale, nothing answered, a text too
    /// long); `Conflict` when the partnership changed since `version`; a
    /// storage error.
    pub fn evaluate_partnership(
        &mut self,
        id: &str,
        version: u32,
        input: &PartyEvaluationInput,
        clock: Clock,
    ) -> AppResult<Partnership> {
        let current = self.store.partnership(id)?;
        let valid = input.validate(&current.parties, clock)?;
        self.store
            .add_partnership_evaluation(id, version, &valid)
            .map_err(partnership_error)
    }

    /// Deletes evaluation `index` (from 0, in `evaluations`) of partnership
    /// `id` as loaded at `version`; the timeline says so.
    ///
    /// # Errors
    /// `NotFound` for the partnership or the evaluation; `Conflict`; a
    /// storage error.
    pub fn delete_partnership_evaluation(
        &mut self,
        id: &str,
        version: u32,
        index: usize,
    ) -> AppResult<Partnership> {
        self.store
            .delete_partnership_evaluation(id, version, index)
            .map_err(partnership_error)
    }
}

#[cfg(test)]
#[path = "evaluation_tests.rs"]
mod tests;
