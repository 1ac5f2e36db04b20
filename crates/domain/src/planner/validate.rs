//! The input checked and turned into a [`Problem`] with participants as
//! indices; every error reported at once, in the order of the steps of
//! [`Problem::from_input`].

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Meeting, PlanInput, Problem, WishLevel, EXCLUDED, MAX_ROUNDS, MAX_SIDE, MET, S_MUST, S_NO,
    S_WOULD, V_MUST, V_NO, V_WOULD,
};
use crate::error::{FieldError, ValidationErrors};
use crate::text::fold;

fn err(errors: &mut ValidationErrors, field: impl Into<String>, fr: String, en: String) {
    errors.push(FieldError::new(field, fr, en));
}

/// Which side an id is on, and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Seated(usize),
    Visitor(usize),
}

/// Every known id with its side and index.
type Ids<'a> = BTreeMap<&'a str, Side>;

fn sector(raw: Option<&String>) -> Option<String> {
    raw.map(|s| fold(s.trim())).filter(|s| !s.is_empty())
}

/// The rounds already played, as pairs of indices, and how many meetings
/// each participant had in them.
struct Played {
    rounds: Vec<Vec<(usize, usize)>>,
    seated: Vec<u32>,
    visitors: Vec<u32>,
}

impl Problem {
    pub(super) fn from_input(input: &PlanInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_sizes(&mut errors, input);
        let ids = index_ids(&mut errors, input);
        let tables = seat_tables(&mut errors, input);
        let nv = input.visitors.len();
        let mut flags = vec![0u8; input.seated.len() * nv];
        read_wishes(&mut errors, input, &ids, &mut flags);
        read_exclusions(&mut errors, input, &ids, &mut flags);
        let (present_s, present_v) = read_absent(&mut errors, input, &ids);
        check_played_count(&mut errors, input);
        let played = read_played(&mut errors, input, &ids, &tables, &mut flags);
        let problem = Self {
            remaining: (input.rounds as usize).saturating_sub(input.played.len()),
            seated_ids: input.seated.iter().map(|p| p.id.clone()).collect(),
            tables,
            visitor_ids: input.visitors.iter().map(|p| p.id.clone()).collect(),
            seated_sector: input
                .seated
                .iter()
                .map(|p| sector(p.sector.as_ref()))
                .collect(),
            visitor_sector: input
                .visitors
                .iter()
                .map(|p| sector(p.sector.as_ref()))
                .collect(),
            present_s,
            present_v,
            flags,
            played: played.rounds,
            played_s: played.seated,
            played_v: played.visitors,
        };
        errors.into_result(problem)
    }
}

/// Rounds between 1 and [`MAX_ROUNDS`], sides not empty and at most
/// [`MAX_SIDE`], at least one table.
fn check_sizes(errors: &mut ValidationErrors, input: &PlanInput) {
    if input.rounds == 0 {
        err(
            errors,
            "rounds",
            "Il faut au moins une manche.".into(),
            "At least one round is needed.".into(),
        );
    }
    if input.rounds > MAX_ROUNDS {
        err(
            errors,
            "rounds",
            format!(
                "{} manches : un événement en compte au plus {MAX_ROUNDS}.",
                input.rounds
            ),
            format!(
                "{} rounds: an event has at most {MAX_ROUNDS}.",
                input.rounds
            ),
        );
    }
    for (field, n) in [
        ("seated", input.seated.len()),
        ("visitors", input.visitors.len()),
    ] {
        if n > MAX_SIDE {
            err(
                errors,
                field,
                format!("{n} participants d'un même côté : le planificateur en accepte au plus {MAX_SIDE}."),
                format!("{n} participants on one side: the planner takes at most {MAX_SIDE}."),
            );
        }
    }
    if input.tables == Some(0) {
        err(
            errors,
            "tables",
            "Il faut au moins une table.".into(),
            "At least one table is needed.".into(),
        );
    }
    if input.seated.is_empty() {
        err(
            errors,
            "seated",
            "Aucun participant assis : il faut au moins un participant de chaque côté.".into(),
            "No seated participant: each side needs at least one participant.".into(),
        );
    }
    if input.visitors.is_empty() {
        err(
            errors,
            "visitors",
            "Aucun participant visiteur : il faut au moins un participant de chaque côté.".into(),
            "No visiting participant: each side needs at least one participant.".into(),
        );
    }
}

/// Ids: present, unique, on one side only.
fn index_ids<'a>(errors: &mut ValidationErrors, input: &'a PlanInput) -> Ids<'a> {
    let mut ids: Ids<'a> = BTreeMap::new();
    let all = input
        .seated
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, Side::Seated(i), format!("seated.{i}.id")))
        .chain(
            input
                .visitors
                .iter()
                .enumerate()
                .map(|(i, p)| (&p.id, Side::Visitor(i), format!("visitors.{i}.id"))),
        );
    for (id, side, field) in all {
        if id.trim().is_empty() {
            err(
                errors,
                field,
                "Un participant n'a pas d'identifiant.".into(),
                "A participant has no id.".into(),
            );
            continue;
        }
        match ids.get(id.as_str()) {
            None => {
                ids.insert(id, side);
            }
            Some(seen) => {
                let both = matches!(
                    (seen, side),
                    (Side::Seated(_), Side::Visitor(_)) | (Side::Visitor(_), Side::Seated(_))
                );
                if both {
                    err(
                        errors,
                        field,
                        format!(
                            "« {id} » est à la fois assis et visiteur : un participant n'est que d'un côté."
                        ),
                        format!(
                            "\"{id}\" is both seated and visiting: a participant is on one side only."
                        ),
                    );
                } else {
                    err(
                        errors,
                        field,
                        format!("L'identifiant « {id} » apparaît deux fois."),
                        format!("The id \"{id}\" appears twice."),
                    );
                }
            }
        }
    }
    ids
}

/// Each seated participant's table: the one given (in range, not taken
/// twice) or else the next free one. Without `tables`, as many tables as
/// seated participants or the highest table given.
fn seat_tables(errors: &mut ValidationErrors, input: &PlanInput) -> Vec<u32> {
    let highest = input
        .seated
        .iter()
        .filter_map(|p| p.table)
        .max()
        .unwrap_or(0);
    let count = u32::try_from(input.seated.len()).unwrap_or(u32::MAX);
    let tables = input.tables.unwrap_or(count.max(highest));
    if tables > 0 && count > tables {
        err(
            errors,
            "seated",
            format!(
                "{count} participants assis pour {tables} tables : ajoutez des tables ou faites tourner une partie d'entre eux."
            ),
            format!(
                "{count} seated participants for {tables} tables: add tables or have some of them rotate."
            ),
        );
    }
    let taken = check_given_tables(errors, input, tables);
    let mut next = 1u32;
    let mut seat_tables = Vec::with_capacity(input.seated.len());
    for p in &input.seated {
        if let Some(t) = p.table {
            seat_tables.push(t);
        } else {
            while taken.contains_key(&next) {
                next += 1;
            }
            seat_tables.push(next);
            next += 1;
        }
    }
    seat_tables
}

/// The tables given, each between 1 and `tables` and seating one
/// participant: table → index of its seated participant.
fn check_given_tables(
    errors: &mut ValidationErrors,
    input: &PlanInput,
    tables: u32,
) -> BTreeMap<u32, usize> {
    let mut taken: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, p) in input.seated.iter().enumerate() {
        let Some(t) = p.table else { continue };
        if t == 0 || t > tables {
            err(
                errors,
                format!("seated.{i}.table"),
                format!(
                    "La table {t} de « {} » n'existe pas : les tables vont de 1 à {tables}.",
                    p.id
                ),
                format!(
                    "Table {t} of \"{}\" does not exist: tables go from 1 to {tables}.",
                    p.id
                ),
            );
        } else if let Some(&other) = taken.get(&t) {
            let first = &input.seated[other].id;
            err(
                errors,
                format!("seated.{i}.table"),
                format!(
                    "« {first} » et « {} » sont tous deux à la table {t} : une table ne reçoit qu'un participant assis.",
                    p.id
                ),
                format!(
                    "\"{first}\" and \"{}\" are both at table {t}: a table seats one participant.",
                    p.id
                ),
            );
        } else {
            taken.insert(t, i);
        }
    }
    taken
}

fn unknown(errors: &mut ValidationErrors, field: String, id: &str, what: &str, what_en: &str) {
    err(
        errors,
        field,
        format!("{what} nomme « {id} », participant inconnu."),
        format!("{what_en} names \"{id}\", an unknown participant."),
    );
}

fn same_side(
    errors: &mut ValidationErrors,
    field: String,
    a: &str,
    b: &str,
    what: &str,
    what_en: &str,
) {
    err(
        errors,
        field,
        format!(
            "{what} relie « {a} » et « {b} », du même côté : il doit relier un assis et un visiteur."
        ),
        format!(
            "{what_en} links \"{a}\" and \"{b}\", on the same side: it must link a seated participant and a visitor."
        ),
    );
}

/// Wishes, as flag bits on their pair. Every bit is kept, so « no » wins
/// whatever the order.
fn read_wishes(errors: &mut ValidationErrors, input: &PlanInput, ids: &Ids<'_>, flags: &mut [u8]) {
    let nv = input.visitors.len();
    let lookup = |id: &str| ids.get(id).copied();
    for (i, w) in input.wishes.iter().enumerate() {
        let what = format!("Le souhait n° {}", i + 1);
        let what_en = format!("Wish {}", i + 1);
        let from = lookup(&w.from);
        let to = lookup(&w.to);
        if from.is_none() {
            unknown(errors, format!("wishes.{i}.from"), &w.from, &what, &what_en);
        }
        if to.is_none() {
            unknown(errors, format!("wishes.{i}.to"), &w.to, &what, &what_en);
        }
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let (s, v, from_seated) = match (from, to) {
            (Side::Seated(s), Side::Visitor(v)) => (s, v, true),
            (Side::Visitor(v), Side::Seated(s)) => (s, v, false),
            _ => {
                same_side(
                    errors,
                    format!("wishes.{i}.to"),
                    &w.from,
                    &w.to,
                    &what,
                    &what_en,
                );
                continue;
            }
        };
        let bit = match (w.level, from_seated) {
            (WishLevel::Must, true) => S_MUST,
            (WishLevel::Would, true) => S_WOULD,
            (WishLevel::No, true) => S_NO,
            (WishLevel::Must, false) => V_MUST,
            (WishLevel::Would, false) => V_WOULD,
            (WishLevel::No, false) => V_NO,
        };
        flags[s * nv + v] |= bit;
    }
}

/// Excluded pairs (already partners…), as a flag bit on their pair.
fn read_exclusions(
    errors: &mut ValidationErrors,
    input: &PlanInput,
    ids: &Ids<'_>,
    flags: &mut [u8],
) {
    let nv = input.visitors.len();
    let lookup = |id: &str| ids.get(id).copied();
    for (i, (a, b)) in input.excluded.iter().enumerate() {
        let what = format!("L'exclusion n° {}", i + 1);
        let what_en = format!("Exclusion {}", i + 1);
        let (x, y) = (lookup(a), lookup(b));
        if x.is_none() {
            unknown(errors, format!("excluded.{i}"), a, &what, &what_en);
        }
        if y.is_none() {
            unknown(errors, format!("excluded.{i}"), b, &what, &what_en);
        }
        match (x, y) {
            (Some(Side::Seated(s)), Some(Side::Visitor(v)))
            | (Some(Side::Visitor(v)), Some(Side::Seated(s))) => {
                flags[s * nv + v] |= EXCLUDED;
            }
            (Some(_), Some(_)) => {
                same_side(errors, format!("excluded.{i}"), a, b, &what, &what_en);
            }
            _ => {}
        }
    }
}

/// Who is present, seated then visitors.
fn read_absent(
    errors: &mut ValidationErrors,
    input: &PlanInput,
    ids: &Ids<'_>,
) -> (Vec<bool>, Vec<bool>) {
    let mut present_s = vec![true; input.seated.len()];
    let mut present_v = vec![true; input.visitors.len()];
    for (i, id) in input.absent.iter().enumerate() {
        match ids.get(id.as_str()).copied() {
            Some(Side::Seated(s)) => present_s[s] = false,
            Some(Side::Visitor(v)) => present_v[v] = false,
            None => err(
                errors,
                format!("absent.{i}"),
                format!("La liste des absents nomme « {id} », participant inconnu."),
                format!("The absent list names \"{id}\", an unknown participant."),
            ),
        }
    }
    (present_s, present_v)
}

/// Fewer played rounds than rounds: at least one left to plan.
fn check_played_count(errors: &mut ValidationErrors, input: &PlanInput) {
    let rounds = input.rounds as usize;
    if input.played.len() > rounds {
        err(
            errors,
            "played",
            format!(
                "{} manches jouées pour {rounds} manches prévues.",
                input.played.len()
            ),
            format!(
                "{} rounds played for {rounds} rounds planned.",
                input.played.len()
            ),
        );
    } else if rounds > 0 && input.played.len() == rounds {
        err(
            errors,
            "played",
            "Toutes les manches ont déjà eu lieu : il n'y a plus rien à replanifier.".into(),
            "Every round has already been played: there is nothing left to re-plan.".into(),
        );
    }
}

/// The played rounds: each meeting between a known seated participant at
/// their table and a known visitor, nobody twice in a round. Their pairs
/// are marked met.
fn read_played(
    errors: &mut ValidationErrors,
    input: &PlanInput,
    ids: &Ids<'_>,
    tables: &[u32],
    flags: &mut [u8],
) -> Played {
    let nv = input.visitors.len();
    let mut played = Played {
        rounds: Vec::with_capacity(input.played.len()),
        seated: vec![0u32; input.seated.len()],
        visitors: vec![0u32; nv],
    };
    for (r, round) in input.played.iter().enumerate() {
        let n = r + 1;
        let mut pairs = Vec::with_capacity(round.len());
        let mut busy: BTreeSet<&str> = BTreeSet::new();
        for (m, meeting) in round.iter().enumerate() {
            let field = format!("played.{r}.{m}");
            let s = played_side(errors, &field, n, &meeting.seated, true, ids);
            let v = played_side(errors, &field, n, &meeting.visitor, false, ids);
            if let Some(s) = s {
                check_played_table(errors, &field, n, meeting, tables[s]);
            }
            for id in [&meeting.seated, &meeting.visitor] {
                if !busy.insert(id.as_str()) {
                    err(
                        errors,
                        field.clone(),
                        format!("Manche {n} : « {id} » apparaît dans deux rencontres."),
                        format!("Round {n}: \"{id}\" appears in two meetings."),
                    );
                }
            }
            if let (Some(s), Some(v)) = (s, v) {
                pairs.push((s, v));
                flags[s * nv + v] |= MET;
                played.seated[s] += 1;
                played.visitors[v] += 1;
            }
        }
        played.rounds.push(pairs);
    }
    played
}

/// One side of a played meeting of round `n`: `id` must be a known
/// participant of that side (`seated`, else visiting); its index there.
fn played_side(
    errors: &mut ValidationErrors,
    field: &str,
    n: usize,
    id: &str,
    seated: bool,
    ids: &Ids<'_>,
) -> Option<usize> {
    let (suffix, wrong_fr, wrong_en) = if seated {
        (
            "seated",
            "est visiteur, pas assis",
            "is a visitor, not seated",
        )
    } else {
        (
            "visitor",
            "est assis, pas visiteur",
            "is seated, not a visitor",
        )
    };
    let (fr, en) = match ids.get(id).copied() {
        Some(Side::Seated(s)) if seated => return Some(s),
        Some(Side::Visitor(v)) if !seated => return Some(v),
        Some(_) => (
            format!("Manche {n} : « {id} » {wrong_fr}."),
            format!("Round {n}: \"{id}\" {wrong_en}."),
        ),
        None => (
            format!("Manche {n} : « {id} » est un participant inconnu."),
            format!("Round {n}: \"{id}\" is an unknown participant."),
        ),
    };
    err(errors, format!("{field}.{suffix}"), fr, en);
    None
}

/// A played meeting happened at its seated participant's own table.
fn check_played_table(
    errors: &mut ValidationErrors,
    field: &str,
    n: usize,
    meeting: &Meeting,
    table: u32,
) {
    if table != meeting.table {
        err(
            errors,
            format!("{field}.table"),
            format!(
                "Manche {n} : « {} » est à la table {}, pas à la table {}.",
                meeting.seated, table, meeting.table
            ),
            format!(
                "Round {n}: \"{}\" sits at table {}, not table {}.",
                meeting.seated, table, meeting.table
            ),
        );
    }
}
