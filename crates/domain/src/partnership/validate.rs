//! `PartnershipInput::validate`: one check per section of the form.

use super::{
    format_euros, Contribution, Counterpart, Indicator, Modes, NextAction, Objective,
    PartnershipInput, Party, ValidPartnership, AMOUNT_MAX_CENTS, INDICATOR_MAX, ITEMS_MAX,
    MINUTES_MAX,
};
use crate::actor::{check_length, normalize_tags, LONG_TEXT_MAX, NAME_MAX, SHORT_TEXT_MAX};
use crate::error::{FieldError, ValidationErrors};
use crate::rameau::RameauMode;
use crate::valid::Valid;

fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn too_many(errors: &mut ValidationErrors, field: &str, n: usize) {
    if n > ITEMS_MAX {
        errors.push(FieldError::new(
            field,
            format!("Trop d'éléments : {n}, {ITEMS_MAX} au plus."),
            format!("Too many items: {n}, at most {ITEMS_MAX}."),
        ));
    }
}

/// Refuses a negative amount or one above 100 M€.
fn check_amount(errors: &mut ValidationErrors, field: &str, cents: i64) {
    if cents < 0 {
        errors.push(FieldError::new(
            field,
            "Un montant ne peut pas être négatif.",
            "An amount cannot be negative.",
        ));
    } else if cents > AMOUNT_MAX_CENTS {
        errors.push(FieldError::new(
            field,
            format!(
                "Montant invraisemblable : {}, 100 millions d'euros au plus. Vérifiez l'unité (euros, pas centimes).",
                format_euros(cents)
            ),
            "Implausible amount: at most 100 million euros. Check the unit.",
        ));
    }
}

impl PartnershipInput {
    /// Normalises and validates the input, returning every field error at
    /// once. Whether actors, contacts and communes exist is checked by the
    /// store.
    ///
    /// # Errors
    /// One `FieldError` per field at fault.
    pub fn validate(&self) -> Result<ValidPartnership, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = check_title(&mut errors, &self.title);
        let summary = clean(self.summary.as_ref());
        check_length(
            &mut errors,
            "summary",
            "Le résumé",
            "The summary",
            summary.as_deref(),
            LONG_TEXT_MAX,
        );
        let territory = check_territory(&mut errors, &self.territory);
        let parties = check_parties(&mut errors, &self.parties);
        let is_party = |id: &str| self.parties.iter().any(|p| p.actor_id.trim() == id);
        let modes = check_modes(&mut errors, &self.modes);
        let contributions = check_contributions(&mut errors, &self.contributions, &is_party);
        let counterparts = check_counterparts(&mut errors, &self.counterparts, &is_party);
        let next_actions = check_next_actions(&mut errors, &self.next_actions);
        let objectives = check_objectives(&mut errors, &self.objectives, &is_party);
        let indicators = check_indicators(&mut errors, &self.indicators);
        let facilitator = clean(self.facilitator.as_ref());
        check_length(
            &mut errors,
            "facilitator",
            "Le nom du facilitateur",
            "The facilitator's name",
            facilitator.as_deref(),
            NAME_MAX,
        );
        let origin = clean(self.origin.as_ref());
        check_length(
            &mut errors,
            "origin",
            "L'origine",
            "The origin",
            origin.as_deref(),
            SHORT_TEXT_MAX,
        );
        let tags = normalize_tags(&mut errors, &self.tags);
        errors.into_result(Valid::new(Self {
            title,
            summary,
            territory,
            parties,
            modes,
            contributions,
            counterparts,
            facilitator,
            tags,
            origin,
            next_actions,
            objectives,
            indicators,
        }))
    }
}

/// The title, trimmed: required, and not too long.
fn check_title(errors: &mut ValidationErrors, title: &str) -> String {
    let title = title.trim().to_owned();
    if title.is_empty() {
        errors.push(FieldError::new(
            "title",
            "Le titre du partenariat est obligatoire.",
            "The partnership's title is required.",
        ));
    }
    check_length(
        errors,
        "title",
        "Le titre",
        "The title",
        Some(&title),
        NAME_MAX,
    );
    title
}

/// The communes' INSEE codes, upper-cased, each once, each well formed.
fn check_territory(errors: &mut ValidationErrors, codes: &[String]) -> Vec<String> {
    let mut territory: Vec<String> = Vec::new();
    for code in codes {
        let code = code.trim().to_uppercase();
        if code.is_empty() || territory.contains(&code) {
            continue;
        }
        if !crate::identifiers::is_insee_code(&code) {
            errors.push(FieldError::new(
                "territory",
                format!("Le code commune « {code} » est invalide : choisissez la commune dans la liste."),
                format!("Commune code \"{code}\" is invalid: pick the commune from the list."),
            ));
        }
        territory.push(code);
    }
    too_many(errors, "territory", territory.len());
    territory
}

/// Parties: two or more, each actor once.
fn check_parties(errors: &mut ValidationErrors, given: &[Party]) -> Vec<Party> {
    let mut parties: Vec<Party> = Vec::new();
    for (i, p) in given.iter().enumerate() {
        let actor_id = p.actor_id.trim().to_owned();
        if actor_id.is_empty() {
            errors.push(FieldError::new(
                format!("parties.{i}.actorId"),
                "Choisissez l'acteur de cette partie.",
                "Choose this party's actor.",
            ));
            continue;
        }
        if parties.iter().any(|q| q.actor_id == actor_id) {
            errors.push(FieldError::new(
                format!("parties.{i}.actorId"),
                format!("L'acteur {actor_id} figure deux fois parmi les parties : gardez-le une seule fois, avec un seul rôle."),
                format!("Actor {actor_id} is listed twice among the parties: keep it once, with one role."),
            ));
            continue;
        }
        parties.push(Party {
            actor_id,
            role: p.role,
            contact_id: clean(p.contact_id.as_ref()),
        });
    }
    if given.len() < 2 {
        errors.push(FieldError::new(
            "parties",
            "Un partenariat réunit au moins deux parties : ajoutez-en une autre.",
            "A partnership brings together at least two parties: add another one.",
        ));
    }
    too_many(errors, "parties", parties.len());
    parties
}

/// Modes: secondary ones sorted, each once and not the primary; a primary
/// before any secondary; a gift's nature only for a mécénat.
fn check_modes(errors: &mut ValidationErrors, modes: &Modes) -> Modes {
    let mut secondary: Vec<RameauMode> = Vec::new();
    for m in &modes.secondary {
        if Some(*m) == modes.primary {
            errors.push(FieldError::new(
                "modes.secondary",
                format!(
                    "« {} » est déjà le mode principal : ne le répétez pas en mode secondaire.",
                    m.label_fr()
                ),
                format!(
                    "\"{}\" is already the primary mode: do not repeat it as secondary.",
                    m.label_en()
                ),
            ));
        } else if secondary.contains(m) {
            errors.push(FieldError::new(
                "modes.secondary",
                format!(
                    "Le mode secondaire « {} » est indiqué deux fois.",
                    m.label_fr()
                ),
                format!("Secondary mode \"{}\" is given twice.", m.label_en()),
            ));
        } else {
            secondary.push(*m);
        }
    }
    secondary.sort();
    if modes.primary.is_none() && !modes.secondary.is_empty() {
        errors.push(FieldError::new(
            "modes.primary",
            "Choisissez d'abord le mode principal, puis les modes secondaires.",
            "Choose the primary mode first, then the secondary ones.",
        ));
    }
    let mut mecenat_kinds = modes.mecenat_kinds.clone();
    mecenat_kinds.sort();
    mecenat_kinds.dedup();
    let modes = Modes {
        primary: modes.primary,
        secondary,
        mecenat_kinds,
    };
    if !modes.mecenat_kinds.is_empty() && !modes.has(RameauMode::Mecenat) {
        errors.push(FieldError::new(
            "modes.mecenatKinds",
            "La nature du don ne s'indique que pour un mécénat : ajoutez le mode mécénat ou retirez-la.",
            "The gift's nature applies to philanthropy only: add that mode or remove it.",
        ));
    }
    modes
}

/// Contributions: from a party, a plausible amount and time, a short description.
fn check_contributions(
    errors: &mut ValidationErrors,
    items: &[Contribution],
    is_party: &dyn Fn(&str) -> bool,
) -> Vec<Contribution> {
    too_many(errors, "contributions", items.len());
    let mut contributions = Vec::new();
    for (i, c) in items.iter().enumerate() {
        let actor_id = c.actor_id.trim().to_owned();
        if !is_party(&actor_id) {
            errors.push(FieldError::new(
                format!("contributions.{i}.actorId"),
                "Cette contribution doit venir d'une des parties du partenariat.",
                "This contribution must come from one of the partnership's parties.",
            ));
        }
        check_amount(
            errors,
            &format!("contributions.{i}.valueCents"),
            c.value_cents,
        );
        if !(0..=MINUTES_MAX).contains(&c.minutes) {
            errors.push(FieldError::new(
                format!("contributions.{i}.minutes"),
                "Le temps donné doit être positif et de 100 000 heures au plus.",
                "Time given must be positive and at most 100,000 hours.",
            ));
        }
        let description = clean(c.description.as_ref());
        check_length(
            errors,
            &format!("contributions.{i}.description"),
            "La description",
            "The description",
            description.as_deref(),
            SHORT_TEXT_MAX,
        );
        contributions.push(Contribution {
            actor_id,
            kind: c.kind,
            value_cents: c.value_cents,
            minutes: c.minutes,
            description,
        });
    }
    contributions
}

/// Counterparts: given by a party, described, a plausible amount.
fn check_counterparts(
    errors: &mut ValidationErrors,
    items: &[Counterpart],
    is_party: &dyn Fn(&str) -> bool,
) -> Vec<Counterpart> {
    too_many(errors, "counterparts", items.len());
    let mut counterparts = Vec::new();
    for (i, c) in items.iter().enumerate() {
        let given_by = c.given_by.trim().to_owned();
        if !is_party(&given_by) {
            errors.push(FieldError::new(
                format!("counterparts.{i}.givenBy"),
                "Cette contrepartie doit être donnée par une des parties du partenariat.",
                "This counterpart must be given by one of the partnership's parties.",
            ));
        }
        let description = c.description.trim().to_owned();
        if description.is_empty() {
            errors.push(FieldError::new(
                format!("counterparts.{i}.description"),
                "Décrivez la contrepartie en quelques mots.",
                "Describe the counterpart in a few words.",
            ));
        }
        check_length(
            errors,
            &format!("counterparts.{i}.description"),
            "La description",
            "The description",
            Some(&description),
            SHORT_TEXT_MAX,
        );
        check_amount(
            errors,
            &format!("counterparts.{i}.valueCents"),
            c.value_cents,
        );
        counterparts.push(Counterpart {
            given_by,
            description,
            value_cents: c.value_cents,
        });
    }
    counterparts
}

/// Next actions: each described in a few words.
fn check_next_actions(errors: &mut ValidationErrors, items: &[NextAction]) -> Vec<NextAction> {
    too_many(errors, "nextActions", items.len());
    let mut next_actions = Vec::new();
    for (i, a) in items.iter().enumerate() {
        let text = a.text.trim().to_owned();
        if text.is_empty() {
            errors.push(FieldError::new(
                format!("nextActions.{i}.text"),
                "Décrivez l'action en quelques mots, ou retirez la ligne.",
                "Describe the action in a few words, or remove the line.",
            ));
        }
        check_length(
            errors,
            &format!("nextActions.{i}.text"),
            "L'action",
            "The action",
            Some(&text),
            SHORT_TEXT_MAX,
        );
        next_actions.push(NextAction {
            text,
            owner: clean(a.owner.as_ref()),
            due_on: a.due_on,
            done: a.done,
        });
    }
    next_actions
}

fn check_objectives(
    errors: &mut ValidationErrors,
    items: &[Objective],
    is_party: &dyn Fn(&str) -> bool,
) -> Vec<Objective> {
    too_many(errors, "objectives", items.len());
    let mut out = Vec::new();
    for (i, o) in items.iter().enumerate() {
        let text = o.text.trim().to_owned();
        if text.is_empty() {
            errors.push(FieldError::new(
                format!("objectives.{i}.text"),
                "Décrivez l'objectif en quelques mots, ou retirez la ligne.",
                "Describe the objective in a few words, or remove the line.",
            ));
        }
        check_length(
            errors,
            &format!("objectives.{i}.text"),
            "L'objectif",
            "The objective",
            Some(&text),
            SHORT_TEXT_MAX,
        );
        let actor_id = clean(o.actor_id.as_ref());
        if actor_id.as_deref().is_some_and(|id| !is_party(id)) {
            errors.push(FieldError::new(
                format!("objectives.{i}.actorId"),
                "Cet objectif doit être celui d'une des parties, ou celui du bien commun.",
                "This objective must belong to one of the parties, or to the common good.",
            ));
        }
        out.push(Objective {
            actor_id,
            axis: o.axis,
            text,
        });
    }
    out
}

fn check_number(errors: &mut ValidationErrors, field: &str, value: Option<f64>) {
    if value.is_some_and(|v| !v.is_finite() || v.abs() > INDICATOR_MAX) {
        errors.push(FieldError::new(
            field,
            "Valeur invraisemblable : écrivez un nombre (mille milliards au plus).",
            "Implausible value: write a number (at most a trillion).",
        ));
    }
}

/// A unit that names a standard unit (« pers. », « Tonne », « km ») is
/// stored as that unit's French label (« personnes », « tonnes »,
/// « kilomètres »), so that lists, briefs and totals print one spelling;
/// any other unit is kept as typed.
fn standard_spelling(unit: String) -> String {
    crate::impact::standard_unit(&unit).map_or(unit, |u| u.fr.to_owned())
}

fn check_indicators(errors: &mut ValidationErrors, items: &[Indicator]) -> Vec<Indicator> {
    too_many(errors, "indicators", items.len());
    let mut out = Vec::new();
    for (i, ind) in items.iter().enumerate() {
        let name = ind.name.trim().to_owned();
        if name.is_empty() {
            errors.push(FieldError::new(
                format!("indicators.{i}.name"),
                "Nommez l'indicateur (par exemple : personnes en emploi à 3 mois).",
                "Name the indicator (for example: people in work at 3 months).",
            ));
        }
        check_length(
            errors,
            &format!("indicators.{i}.name"),
            "Le nom de l'indicateur",
            "The indicator's name",
            Some(&name),
            NAME_MAX,
        );
        check_number(errors, &format!("indicators.{i}.baseline"), ind.baseline);
        check_number(errors, &format!("indicators.{i}.target"), ind.target);
        if ind.target.is_some() && clean(ind.unit.as_ref()).is_none() {
            errors.push(FieldError::new(
                format!("indicators.{i}.unit"),
                format!(
                    "Précisez l'unité de la cible de « {name} » (par exemple : personnes, tonnes, %)."
                ),
                format!("Give the unit of the target of \"{name}\" (for example: people, tonnes, %)."),
            ));
        }
        too_many(
            errors,
            &format!("indicators.{i}.measures"),
            ind.measures.len(),
        );
        for (j, m) in ind.measures.iter().enumerate() {
            check_number(
                errors,
                &format!("indicators.{i}.measures.{j}.value"),
                Some(m.value),
            );
        }
        let mut measures = ind.measures.clone();
        measures.sort_by_key(|m| m.on);
        out.push(Indicator {
            level: ind.level,
            theme: ind.theme,
            name,
            unit: clean(ind.unit.as_ref()).map(standard_spelling),
            baseline: ind.baseline,
            target: ind.target,
            measures,
        });
    }
    out
}
