//! Use cases on partnerships: create, edit (with optimistic concurrency),
//! move through the pipeline, notes and actions on the timeline, the list,
//! one page with its totals, and the guided classification.

use tisserand_domain::{
    ClassificationProposal, FieldError, Partnership, PartnershipDetail, PartnershipInput,
    PartnershipQuery, PartnershipSummary, Question, Stage,
};
use tisserand_store::StoreError;

use crate::{validation_result, App, AppError, AppResult, ErrorKind};

/// Longest note on a timeline, in characters.
const NOTE_MAX: usize = 10_000;

/// A store error in the words of the partnership form: an unknown actor,
/// contact or commune is a field error; a stale edit is a conflict.
fn partnership_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound { entity: "actor", id } => AppError::field(FieldError::new(
            "parties",
            format!("L'acteur {id} n'existe pas ou a été supprimé : choisissez un acteur de l'annuaire."),
            format!("Actor {id} does not exist or was deleted: choose an actor from the directory."),
        )),
        StoreError::NotFound { entity: "contact", id } => AppError::field(FieldError::new(
            "parties",
            format!("Le contact {id} n'existe pas ou n'appartient pas à l'acteur de sa partie."),
            format!("Contact {id} does not exist or does not belong to its party's actor."),
        )),
        StoreError::NotFound { entity: "commune", id } => AppError::field(FieldError::new(
            "territory",
            format!("La commune de code {id} est inconnue : choisissez-la dans la liste."),
            format!("Commune code {id} is unknown: pick it from the list."),
        )),
        StoreError::Conflict { .. } => AppError::new(
            ErrorKind::Conflict,
            "Ce partenariat a été modifié ailleurs depuis que vous l'avez ouvert : rechargez-le \
             puis refaites votre modification (rien n'a été enregistré).",
            "This partnership was changed elsewhere since you opened it: reload it and redo your \
             change (nothing was saved).",
        ),
        other => other.into(),
    }
}

impl App {
    /// The field errors of a partnership input (empty when it is valid),
    /// including communes the referential does not know.
    #[must_use]
    pub fn validate_partnership(&self, input: &PartnershipInput) -> Vec<FieldError> {
        let mut errors = validation_result(input.validate());
        for insee in &input.territory {
            let code = insee.trim().to_uppercase();
            if tisserand_domain::identifiers::is_insee_code(&code)
                && matches!(self.store.commune(&code), Ok(None))
            {
                errors.push(FieldError::new(
                    "territory",
                    format!(
                        "La commune de code {code} est inconnue : choisissez-la dans la liste."
                    ),
                    format!("Commune code {code} is unknown: pick it from the list."),
                ));
            }
        }
        errors
    }

    /// Creates a partnership at stage `rencontre`.
    ///
    /// # Errors
    /// `Invalid` with the fields at fault (fewer than two parties, an actor
    /// twice, a party that is not a live actor, an absurd amount…); a
    /// storage error.
    pub fn create_partnership(&mut self, input: &PartnershipInput) -> AppResult<Partnership> {
        let valid = input.validate()?;
        self.store
            .insert_partnership(&valid)
            .map_err(partnership_error)
    }

    /// Saves an edit made on `version` (the version the form loaded).
    ///
    /// # Errors
    /// `NotFound`; `Invalid`; `Conflict` when the partnership changed since
    /// `version`; a storage error.
    pub fn update_partnership(
        &mut self,
        id: &str,
        version: u32,
        input: &PartnershipInput,
    ) -> AppResult<Partnership> {
        let valid = input.validate()?;
        self.store
            .update_partnership(id, version, &valid)
            .map_err(partnership_error)
    }

    /// Moves a partnership to another stage; abandoning needs a reason.
    ///
    /// # Errors
    /// `NotFound` (deleted partnerships included); `Invalid` for a move the
    /// rules refuse; a storage error.
    pub fn move_partnership(
        &mut self,
        id: &str,
        stage: Stage,
        reason: Option<&str>,
    ) -> AppResult<Partnership> {
        Ok(self.store.move_partnership(id, stage, reason)?)
    }

    /// Adds a dated note to the timeline.
    ///
    /// # Errors
    /// `NotFound`; `Invalid` for an empty or too long note; a storage error.
    pub fn add_partnership_note(&mut self, id: &str, text: &str) -> AppResult<Partnership> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AppError::field(FieldError::new(
                "note",
                "La note est vide : écrivez ce qui s'est passé.",
                "The note is empty: write what happened.",
            )));
        }
        if tisserand_domain::text::char_count(text) > NOTE_MAX {
            return Err(AppError::field(FieldError::new(
                "note",
                format!("La note est trop longue : {NOTE_MAX} caractères au plus."),
                format!("The note is too long: at most {NOTE_MAX} characters."),
            )));
        }
        Ok(self.store.add_partnership_note(id, text)?)
    }

    /// Marks next action `index` (from 0) done; it goes on the timeline.
    ///
    /// # Errors
    /// `NotFound`; `Invalid` when it is already done; a storage error.
    pub fn complete_partnership_action(
        &mut self,
        id: &str,
        index: usize,
    ) -> AppResult<Partnership> {
        Ok(self.store.complete_partnership_action(id, index)?)
    }

    /// Records a value of indicator `index` (from 0) on `on` (today when
    /// `None`); it goes on the timeline.
    ///
    /// # Errors
    /// `NotFound`; `Invalid` for an implausible value; a storage error.
    pub fn record_indicator_value(
        &mut self,
        id: &str,
        index: usize,
        on: Option<chrono::NaiveDate>,
        value: f64,
    ) -> AppResult<Partnership> {
        Ok(self
            .store
            .record_partnership_measure(id, index, on, value)?)
    }

    /// Soft delete: `restore_partnership` undoes it.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_partnership(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.delete_partnership(id)?)
    }

    /// # Errors
    /// `NotFound` when it is not deleted or a party's actor was deleted
    /// meanwhile; a storage error.
    pub fn restore_partnership(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.restore_partnership(id)?)
    }

    /// A partnership with its parties' names and its totals.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn partnership(&self, id: &str) -> AppResult<PartnershipDetail> {
        let partnership = self.store.partnership(id)?;
        let parties = self.store.party_summaries(&partnership.parties)?;
        let totals = partnership.totals();
        Ok(PartnershipDetail {
            partnership,
            parties,
            totals,
        })
    }

    /// Live partnerships, by stage then title.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_partnerships(
        &self,
        query: &PartnershipQuery,
    ) -> AppResult<Vec<PartnershipSummary>> {
        Ok(self.store.list_partnerships(query)?)
    }

    /// The guided classification: a proposed mode from the questions
    /// answered "yes".
    #[must_use]
    pub fn classify_partnership(&self, yes: &[Question]) -> ClassificationProposal {
        tisserand_domain::classify(yes)
    }
}
