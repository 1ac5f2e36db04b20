//! Use cases on partnerships: create, edit (with optimistic concurrency),
//! move through the pipeline, notes and actions on the timeline, the list,
//! one page with its totals, and the guided classification.

use tisserand_domain::{
    impact::EvaluationView,
    partnership::{days_in_stage, parse_row, ReadRow, TypedRow},
    Board, ClassificationProposal, ClassificationQuestion, Clock, EssaimagePlan, FieldError,
    Overview, Partnership, PartnershipDetail, PartnershipInput, PartnershipPage, PartnershipQuery,
    PartnershipSort, PartnershipSummary, Possibility, Question, Stage,
};
use tisserand_store::Entity;
use tisserand_store::StoreError;

use crate::{validation_result, App, AppError, AppResult, ErrorKind};

/// Longest note on a timeline, in characters.
const NOTE_MAX: usize = 10_000;
/// Most cards a board column returns at once.
const BOARD_COLUMN_MAX: u32 = 500;
/// Most rows of one list page.
const PAGE_MAX: u32 = 1_000;
/// Most possibilities listed for one actor.
const POSSIBILITIES_MAX: u32 = 200;

/// A store error in the words of the partnership form: an unknown actor,
/// contact or commune is a field error; a stale edit is a conflict.
pub(crate) fn partnership_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound { entity: Entity::Actor, id } => AppError::field(FieldError::new(
            "parties",
            format!("L'acteur {id} n'existe pas ou a été supprimé : choisissez un acteur de l'annuaire."),
            format!("Actor {id} does not exist or was deleted: choose an actor from the directory."),
        )),
        StoreError::NotFound { entity: Entity::Contact, id } => AppError::field(FieldError::new(
            "parties",
            format!("Le contact {id} n'existe pas ou n'appartient pas à l'acteur de sa partie."),
            format!("Contact {id} does not exist or does not belong to its party's actor."),
        )),
        StoreError::NotFound { entity: Entity::Commune, id } => AppError::field(FieldError::new(
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
    /// What a person typed in a row dialog (amounts, hours, decimals,
    /// dates), read into the values the row stores or errors by field.
    #[must_use]
    pub fn parse_partnership_row(&self, typed: &TypedRow) -> ReadRow {
        parse_row(typed)
    }

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

    /// Creates a partnership at stage `rencontre`; with no facilitator, the
    /// one of Réglages.
    ///
    /// # Errors
    /// `Invalid` with the fields at fault (fewer than two parties, an actor
    /// twice, a party that is not a live actor, an absurd amount…); a
    /// storage error.
    pub fn create_partnership(&mut self, input: &PartnershipInput) -> AppResult<Partnership> {
        // No facilitator said: the one of Réglages, when there is one.
        let mut input = std::borrow::Cow::Borrowed(input);
        if input
            .facilitator
            .as_deref()
            .is_none_or(|f| f.trim().is_empty())
        {
            let name = self.store.settings()?.facilitator.name;
            if !name.is_empty() {
                input.to_mut().facilitator = Some(name);
            }
        }
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
    pub fn note_partnership(&mut self, id: &str, text: &str) -> AppResult<Partnership> {
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
    /// `None`); it goes on the timeline. With `version` (what the form
    /// loaded), a partnership changed since is refused rather than the value
    /// landing on another indicator.
    ///
    /// # Errors
    /// `NotFound`; `Conflict`; `Invalid` for an implausible value; a
    /// storage error.
    pub fn measure_partnership(
        &mut self,
        id: &str,
        version: Option<u32>,
        index: usize,
        on: Option<chrono::NaiveDate>,
        value: f64,
    ) -> AppResult<Partnership> {
        self.store
            .record_partnership_measure(id, version, index, on, value)
            .map_err(partnership_error)
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

    /// A partnership with its parties' names, its totals and its actions
    /// late on `clock`'s today.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_partnership(&self, id: &str, clock: Clock) -> AppResult<PartnershipDetail> {
        let partnership = self.store.partnership(id)?;
        let parties = self.store.party_summaries(&partnership.parties)?;
        let totals = partnership.totals();
        let (spawned_from, children) = self
            .store
            .partnership_lineage(&partnership.id, partnership.spawned_from.as_deref())?;
        let agreement = self.store.partnership_agreement(id)?;
        let today = clock.today();
        let overdue_actions = (0..)
            .zip(&partnership.next_actions)
            .filter(|(_, a)| a.is_overdue(today))
            .map(|(i, _)| i)
            .collect();
        let days = days_in_stage(partnership.stage_changed_at, clock);
        let evaluation = EvaluationView::of(&partnership, &parties, clock);
        Ok(PartnershipDetail {
            evaluation,
            partnership,
            parties,
            totals,
            spawned_from,
            children,
            agreement,
            agreement_limits: tisserand_domain::agreement::AgreementLimits::current(),
            overdue_actions,
            days_in_stage: days,
        })
    }

    /// The board: each stage's count and its first `per_column` cards, late
    /// ones marked on `clock`'s today.
    ///
    /// # Errors
    /// A storage error.
    pub fn get_partnership_board(
        &self,
        query: &PartnershipQuery,
        per_column: u32,
        clock: Clock,
    ) -> AppResult<Board> {
        Ok(self
            .store
            .partnership_board(
                &query.clone().on(clock),
                per_column.clamp(1, BOARD_COLUMN_MAX),
            )?
            .on(clock))
    }

    /// One page of the list view (or of a board column, sorted by stage),
    /// late rows marked on `clock`'s today.
    ///
    /// # Errors
    /// A storage error.
    pub fn get_partnership_page(
        &self,
        query: &PartnershipQuery,
        sort: PartnershipSort,
        descending: bool,
        offset: u32,
        limit: u32,
        clock: Clock,
    ) -> AppResult<PartnershipPage> {
        Ok(self
            .store
            .partnership_page(
                &query.clone().on(clock),
                sort,
                descending,
                offset,
                limit.clamp(1, PAGE_MAX),
            )?
            .on(clock))
    }

    /// The overview's counts.
    ///
    /// # Errors
    /// A storage error.
    pub fn get_partnership_overview(&self) -> AppResult<Overview> {
        Ok(self.store.partnership_overview()?)
    }

    /// « Champ des possibles »: the actors `actor_id` could build a
    /// partnership with, best first.
    ///
    /// # Errors
    /// `NotFound` for an actor that is not live; a storage error.
    pub fn list_possibles(&self, actor_id: &str, limit: u32) -> AppResult<Vec<Possibility>> {
        Ok(self
            .store
            .possibilities(actor_id, limit.clamp(1, POSSIBILITIES_MAX))?)
    }

    /// « Essaimer »: creates, at stage `rencontre`, a partnership with the
    /// structure of `id` on another territory and with the actors of `plan`.
    ///
    /// # Errors
    /// `NotFound` for the origin; `Invalid` for a plan that does not name an
    /// actor per role, a territory, or gives an invalid partnership (the
    /// same actor twice…); a storage error.
    pub fn essaimer_partnership(
        &mut self,
        id: &str,
        plan: &EssaimagePlan,
    ) -> AppResult<Partnership> {
        let origin = self.store.partnership(id)?;
        let input = origin.essaimage_input(plan)?;
        let valid = input.validate()?;
        self.store
            .insert_spawned_partnership(id, &valid)
            .map_err(partnership_error)
    }

    /// Live partnerships, by stage then title, late ones marked on
    /// `clock`'s today.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_partnerships(
        &self,
        query: &PartnershipQuery,
        clock: Clock,
    ) -> AppResult<Vec<PartnershipSummary>> {
        Ok(self
            .store
            .list_partnerships(&query.clone().on(clock))?
            .into_iter()
            .map(|p| p.on(clock))
            .collect())
    }

    /// The guided classification: a proposed mode from the questions
    /// answered "yes".
    #[must_use]
    pub fn classify_partnership(&self, yes: &[Question]) -> ClassificationProposal {
        tisserand_domain::classify(yes)
    }

    /// The guided classification's questions, in order, with when each is
    /// asked and what a "yes" means.
    #[must_use]
    pub fn list_classification_questions(&self) -> Vec<ClassificationQuestion> {
        tisserand_domain::classification_questions()
    }
}
