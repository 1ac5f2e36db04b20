//! Accueil: the facilitator's day on one page (`domain::home` decides what
//! shows; the store reads each list through an index).

use tisserand_domain::contact::review_due_from;
use tisserand_domain::home::{
    checks_due, count, home_actions, next_event, review_shown_from, stuck_before, Home, ReviewDue,
    ACTIONS_SHOWN, SHOWN, STALLING_STAGES,
};
use tisserand_domain::impact::ImpactFilters;
use tisserand_domain::{Clock, Partnership};

use crate::{App, AppResult};

/// [`SHOWN`] as the store's limits take it.
const SHOWN_ROWS: u32 = SHOWN as u32;

impl App {
    /// The Accueil page on `clock`'s local day.
    ///
    /// # Errors
    /// A storage error.
    pub fn get_home(&self, clock: Clock) -> AppResult<Home> {
        let today = clock.today();
        // Each partnership read brings one action at least.
        let actions = home_actions(self.store.soonest_actions(ACTIONS_SHOWN as u32)?, today);
        let mut follow_ups = self.list_open_follow_ups(u32::MAX, clock)?;
        let follow_ups_total = count(follow_ups.len());
        follow_ups.truncate(SHOWN);
        let next_event = match self.store.next_event_on(today)? {
            Some((id, printed)) => Some(next_event(&self.get_event(&id)?, printed, today)),
            None => None,
        };
        let data = self.store.impact_data(&ImpactFilters::default(), today)?;
        let mut checks = checks_due(&data.rows, today);
        let checks_total = count(checks.len());
        checks.truncate(SHOWN);
        let ids: Vec<String> = checks.iter().map(|c| c.partnership_id.clone()).collect();
        let titles = self.store.partnership_summaries(&ids)?;
        for c in &mut checks {
            if let Some(s) = titles.iter().find(|s| s.id == c.partnership_id) {
                c.partnership_title.clone_from(&s.title);
            }
        }
        let (stuck, stuck_total) =
            self.store
                .stalled_partnerships(&STALLING_STAGES, stuck_before(today), SHOWN_ROWS)?;
        let (reviews, reviews_total) = self
            .store
            .contacts_to_review(review_shown_from(today), SHOWN_ROWS)?;
        let reviews = reviews
            .into_iter()
            .map(|(contact_id, name, actor_id, actor_name, from)| {
                let due_on = review_due_from(from);
                ReviewDue {
                    contact_id,
                    name,
                    actor_id,
                    actor_name,
                    due_on,
                    overdue: due_on < today,
                }
            })
            .collect();
        Ok(Home {
            actions,
            partnerships_overdue: self.store.partnerships_overdue(today)?,
            follow_ups,
            follow_ups_total,
            next_event,
            checks,
            checks_total,
            stuck,
            stuck_total,
            reviews,
            reviews_total,
            recent: self.store.recent_changes(SHOWN_ROWS)?,
        })
    }

    /// Undoes marking next action `index` (from 0) done.
    ///
    /// # Errors
    /// `NotFound`; `Invalid` when it is not done; a storage error.
    pub fn reopen_partnership_action(&mut self, id: &str, index: usize) -> AppResult<Partnership> {
        Ok(self.store.reopen_partnership_action(id, index)?)
    }
}

#[cfg(test)]
mod tests;
