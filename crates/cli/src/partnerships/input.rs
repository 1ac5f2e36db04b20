//! What the options of `tisserand partnerships` say, read into the domain's
//! values: stages, modes, parties, contributions, actions, indicators…, each
//! bad text refused with a sentence naming it.

use tisserand_app::{AppError, ErrorKind};
use tisserand_domain::partnership::{parse_euros, parse_hours};
use tisserand_domain::{
    impact::{ImpactTheme, IndicatorLevel},
    Contribution, ContributionKind, Counterpart, Indicator, MecenatKind, Modes, NextAction,
    Objective, PartnershipInput, PartnershipSort, Party, PartyRole, RameauMode, Stage,
};

use super::{AddArgs, EditArgs, ModeArgs};
use crate::parse_choice;

pub(super) fn sort_of(text: &str) -> Result<PartnershipSort, AppError> {
    const SORTS: [(&str, PartnershipSort); 7] = [
        ("stage", PartnershipSort::Stage),
        ("title", PartnershipSort::Title),
        ("mode", PartnershipSort::Mode),
        ("facilitator", PartnershipSort::Facilitator),
        ("days", PartnershipSort::DaysInStage),
        ("due", PartnershipSort::NextDue),
        ("updated", PartnershipSort::Updated),
    ];
    SORTS
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(text.trim()))
        .map(|(_, s)| *s)
        .ok_or_else(|| {
            let codes: Vec<&str> = SORTS.iter().map(|(c, _)| *c).collect();
            invalid(
                format!(
                    "Tri inconnu « {text} » : choisissez parmi {}.",
                    choices(&codes)
                ),
                format!("Unknown sort \"{text}\": choose among {}.", choices(&codes)),
            )
        })
}

/// The partnership as loaded, with the changes the options ask for.
pub(super) fn edited(
    mut input: PartnershipInput,
    e: &EditArgs,
) -> Result<PartnershipInput, AppError> {
    if let Some(t) = &e.title {
        input.title.clone_from(t);
    }
    if e.summary.is_some() {
        input.summary.clone_from(&e.summary);
    }
    if !e.parties.is_empty() {
        input.parties = e
            .parties
            .iter()
            .map(|p| party_of(p))
            .collect::<Result<_, _>>()?;
    }
    if let Some(m) = &e.modes.mode {
        input.modes.primary = Some(mode_of(m)?);
    }
    if !e.modes.secondary.is_empty() {
        input.modes.secondary = secondary_of(&e.modes)?;
    }
    if !e.modes.gifts.is_empty() {
        input.modes.mecenat_kinds = gifts_of(&e.modes)?;
    }
    if e.facilitator.is_some() {
        input.facilitator.clone_from(&e.facilitator);
    }
    if e.origin.is_some() {
        input.origin.clone_from(&e.origin);
    }
    for a in &e.actions {
        input.next_actions.push(action_of(a)?);
    }
    Ok(input)
}

pub(super) fn invalid(fr: String, en: String) -> AppError {
    AppError::new(ErrorKind::Invalid, fr, en)
}

fn choices(codes: &[&str]) -> String {
    codes.join(", ")
}

pub(crate) fn stage_of(text: &str) -> Result<Stage, AppError> {
    parse_choice(
        text,
        Stage::parse,
        &Stage::ALL.map(Stage::code),
        "Étape inconnue",
        "Unknown stage",
    )
}

pub(crate) fn mode_of(text: &str) -> Result<RameauMode, AppError> {
    parse_choice(
        text,
        RameauMode::parse,
        &RameauMode::ALL.map(RameauMode::code),
        "Mode inconnu",
        "Unknown mode",
    )
}

fn gift_of(text: &str) -> Result<MecenatKind, AppError> {
    parse_choice(
        text,
        MecenatKind::parse,
        &MecenatKind::ALL.map(MecenatKind::code),
        "Nature de don inconnue",
        "Unknown gift kind",
    )
}

fn secondary_of(m: &ModeArgs) -> Result<Vec<RameauMode>, AppError> {
    m.secondary.iter().map(|s| mode_of(s)).collect()
}

fn gifts_of(m: &ModeArgs) -> Result<Vec<MecenatKind>, AppError> {
    m.gifts.iter().map(|g| gift_of(g)).collect()
}

fn party_of(text: &str) -> Result<Party, AppError> {
    let mut parts = text.splitn(3, ':');
    let actor_id = parts.next().unwrap_or_default().trim().to_owned();
    let role_text = parts.next().unwrap_or_default();
    let role = PartyRole::parse(role_text).ok_or_else(|| {
        let all = choices(&PartyRole::ALL.map(PartyRole::code));
        invalid(
            format!("Rôle inconnu « {role_text} » dans « {text} » : écrivez ACTEUR:RÔLE, le rôle parmi {all}."),
            format!("Unknown role \"{role_text}\" in \"{text}\": write ACTOR:ROLE, the role among {all}."),
        )
    })?;
    Ok(Party {
        actor_id,
        role,
        contact_id: parts.next().map(|c| c.trim().to_owned()),
    })
}

fn euros_of(text: &str, whole: &str) -> Result<i64, AppError> {
    parse_euros(text).ok_or_else(|| {
        invalid(
            format!("Montant illisible « {text} » dans « {whole} » : écrivez des euros, par exemple 1500 ou 1500,50."),
            format!("Unreadable amount \"{text}\" in \"{whole}\": write euros, e.g. 1500 or 1500.50."),
        )
    })
}

fn contribution_of(text: &str) -> Result<Contribution, AppError> {
    let parts: Vec<&str> = text.splitn(5, ':').collect();
    if parts.len() < 3 {
        return Err(invalid(
            format!("Contribution « {text} » incomplète : écrivez ACTEUR:NATURE:EUROS[:HEURES[:DESCRIPTION]]."),
            format!("Incomplete contribution \"{text}\": write ACTOR:KIND:EUROS[:HOURS[:DESCRIPTION]]."),
        ));
    }
    let kind = ContributionKind::parse(parts[1]).ok_or_else(|| {
        let all = choices(&ContributionKind::ALL.map(ContributionKind::code));
        invalid(
            format!(
                "Nature de contribution inconnue « {} » : choisissez parmi {all}.",
                parts[1]
            ),
            format!(
                "Unknown contribution kind \"{}\": choose among {all}.",
                parts[1]
            ),
        )
    })?;
    let minutes = match parts.get(3).map(|h| h.trim()).filter(|h| !h.is_empty()) {
        Some(h) => parse_hours(h).ok_or_else(|| {
            invalid(
                format!("Nombre d'heures illisible « {h} » dans « {text} »."),
                format!("Unreadable hours \"{h}\" in \"{text}\"."),
            )
        })?,
        None => 0,
    };
    Ok(Contribution {
        actor_id: parts[0].trim().to_owned(),
        kind,
        value_cents: euros_of(parts[2], text)?,
        minutes,
        description: parts.get(4).map(|d| (*d).to_owned()),
    })
}

fn counterpart_of(text: &str) -> Result<Counterpart, AppError> {
    let parts: Vec<&str> = text.splitn(3, ':').collect();
    if parts.len() < 3 {
        return Err(invalid(
            format!("Contrepartie « {text} » incomplète : écrivez ACTEUR:EUROS:DESCRIPTION."),
            format!("Incomplete counterpart \"{text}\": write ACTOR:EUROS:DESCRIPTION."),
        ));
    }
    Ok(Counterpart {
        given_by: parts[0].trim().to_owned(),
        value_cents: euros_of(parts[1], text)?,
        description: parts[2].to_owned(),
    })
}

fn action_of(text: &str) -> Result<NextAction, AppError> {
    let mut parts = text.splitn(3, '|');
    let what = parts.next().unwrap_or_default().to_owned();
    let owner = parts.next().map(str::to_owned);
    let due_on = match parts.next().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(d.parse().map_err(|_| {
            invalid(
                format!("Date illisible « {d} » dans « {text} » : écrivez AAAA-MM-JJ."),
                format!("Unreadable date \"{d}\" in \"{text}\": write YYYY-MM-DD."),
            )
        })?),
        None => None,
    };
    Ok(NextAction {
        text: what,
        owner,
        due_on,
        done: false,
    })
}

pub(super) fn number_of(text: &str, whole: &str) -> Result<f64, AppError> {
    text.trim()
        .replace(',', ".")
        .replace(char::is_whitespace, "")
        .parse()
        .map_err(|_| {
            invalid(
                format!("Nombre illisible « {text} » dans « {whole} »."),
                format!("Unreadable number \"{text}\" in \"{whole}\"."),
            )
        })
}

/// A date typed on the command line: 2026-11-26 or 26/11/2026.
pub(crate) fn date_of(text: &str) -> Result<chrono::NaiveDate, AppError> {
    tisserand_domain::text::parse_date("date", text).map_err(|_| {
        invalid(
            format!("Date illisible « {text} » : écrivez AAAA-MM-JJ ou JJ/MM/AAAA."),
            format!("Unreadable date \"{text}\": write YYYY-MM-DD or DD/MM/YYYY."),
        )
    })
}

/// `[ACTOR_ID:]TEXT`: the prefix names a party only when it is one of `parties`.
fn objective_of(text: &str, parties: &[Party]) -> Objective {
    if let Some((id, rest)) = text.split_once(':') {
        if parties.iter().any(|p| p.actor_id == id.trim()) {
            return Objective {
                actor_id: Some(id.trim().to_owned()),
                axis: None,
                text: rest.to_owned(),
            };
        }
    }
    Objective {
        actor_id: None,
        axis: None,
        text: text.to_owned(),
    }
}

/// `NAME[|UNIT[|BASELINE[|TARGET[|LEVEL[|THEME]]]]]`; the level and the
/// theme as codes or French or English labels.
fn indicator_of(text: &str) -> Result<Indicator, AppError> {
    let parts: Vec<&str> = text.splitn(6, '|').collect();
    let part = |i: usize| parts.get(i).map(|t| t.trim()).filter(|t| !t.is_empty());
    let number = |i: usize| -> Result<Option<f64>, AppError> {
        match parts.get(i).map(|t| t.trim()).filter(|t| !t.is_empty()) {
            Some(t) => number_of(t, text).map(Some),
            None => Ok(None),
        }
    };
    let level = part(4)
        .map(|t| {
            IndicatorLevel::parse(t).ok_or_else(|| {
                invalid(
                    format!("Niveau d'indicateur inconnu « {t} » : écrivez realisation, resultat ou impact."),
                    format!("Unknown indicator level \"{t}\": write realisation, resultat or impact."),
                )
            })
        })
        .transpose()?;
    let theme = part(5)
        .map(|t| {
            ImpactTheme::parse(t).ok_or_else(|| {
                let codes: Vec<&str> = ImpactTheme::ALL.iter().map(|t| t.code()).collect();
                invalid(
                    format!(
                        "Thème inconnu « {t} » : écrivez l'un de {}.",
                        codes.join(", ")
                    ),
                    format!("Unknown theme \"{t}\": write one of {}.", codes.join(", ")),
                )
            })
        })
        .transpose()?;
    Ok(Indicator {
        level,
        theme,
        name: parts[0].to_owned(),
        unit: parts.get(1).map(|u| (*u).to_owned()),
        baseline: number(2)?,
        target: number(3)?,
        measures: Vec::new(),
    })
}

pub(super) fn input_of(a: &AddArgs) -> Result<PartnershipInput, AppError> {
    let parties: Vec<Party> = a
        .parties
        .iter()
        .map(|p| party_of(p))
        .collect::<Result<_, _>>()?;
    Ok(PartnershipInput {
        title: a.title.clone(),
        objectives: a
            .objectives
            .iter()
            .map(|o| objective_of(o, &parties))
            .collect(),
        indicators: a
            .indicators
            .iter()
            .map(|i| indicator_of(i))
            .collect::<Result<_, _>>()?,
        summary: a.summary.clone(),
        territory: a.communes.clone(),
        parties,
        modes: Modes {
            primary: a.modes.mode.as_deref().map(mode_of).transpose()?,
            secondary: secondary_of(&a.modes)?,
            mecenat_kinds: gifts_of(&a.modes)?,
        },
        contributions: a
            .contributions
            .iter()
            .map(|c| contribution_of(c))
            .collect::<Result<_, _>>()?,
        counterparts: a
            .counterparts
            .iter()
            .map(|c| counterpart_of(c))
            .collect::<Result<_, _>>()?,
        facilitator: a.facilitator.clone(),
        tags: a.tags.clone(),
        origin: a.origin.clone(),
        next_actions: a
            .actions
            .iter()
            .map(|t| action_of(t))
            .collect::<Result<_, _>>()?,
    })
}
