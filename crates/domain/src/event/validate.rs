//! `EventInput::validate`: one check per field or group of fields.

use chrono::NaiveDate;

use super::{
    clean, parse_time, EventBreak, EventInput, ValidEvent, GAP_MINUTES_MAX, NAME_MAX, NOTE_MAX,
    ROUND_MINUTES_MAX,
};
use crate::error::{FieldError, ValidationErrors};
use crate::planner::{MAX_ROUNDS, MAX_SIDE};
use crate::text::{char_count, parse_date};

impl EventInput {
    /// Checks every field at once.
    ///
    /// # Errors
    /// Every field error, in French and English.
    pub fn validate(&self) -> Result<ValidEvent, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = check_name(&mut errors, &self.name);
        let date = check_date(&mut errors, &self.date);
        let start_time = parse_time("startTime", &self.start_time)
            .map_err(|e| errors.push(e))
            .ok();
        self.check_sizes(&mut errors);
        let breaks = check_breaks(&mut errors, &self.breaks, self.rounds);
        let notes = check_notes(&mut errors, self.notes.as_ref());
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

    /// The round's and the changeover's lengths, the rounds and the tables
    /// within their limits.
    fn check_sizes(&self, errors: &mut ValidationErrors) {
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
    }
}

/// The name, trimmed: required, and not too long.
fn check_name(errors: &mut ValidationErrors, name: &str) -> String {
    let name = name.trim().to_owned();
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
    name
}

/// The date, required, as people type it.
fn check_date(errors: &mut ValidationErrors, date: &str) -> Option<NaiveDate> {
    if date.trim().is_empty() {
        errors.push(FieldError::new(
            "date",
            "Indiquez la date de l'événement (jj/mm/aaaa).",
            "Give the event's date (dd/mm/yyyy).",
        ));
        None
    } else {
        parse_date("date", date).map_err(|e| errors.push(e)).ok()
    }
}

/// The breaks, sorted by round: each between two rounds, one per round, of
/// a plausible length.
fn check_breaks(
    errors: &mut ValidationErrors,
    given: &[EventBreak],
    rounds: u32,
) -> Vec<EventBreak> {
    let mut breaks = given.to_vec();
    breaks.sort_by_key(|b| b.after_round);
    for (i, b) in breaks.iter().enumerate() {
        let field = format!("breaks.{i}");
        if b.after_round == 0 || b.after_round >= rounds {
            errors.push(FieldError::new(
                &field,
                format!(
                    "Une pause se place entre deux tours : après le tour 1 à {}.",
                    rounds.saturating_sub(1)
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
    breaks
}

/// The notes, trimmed, at most 10,000 characters.
fn check_notes(errors: &mut ValidationErrors, notes: Option<&String>) -> Option<String> {
    let notes = clean(notes);
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
    notes
}
