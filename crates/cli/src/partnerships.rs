//! `tisserand partnerships …`: the partnership pipeline on the command line.
//!
//! In JSON output, parties are written with snake_case keys (`actor_id`,
//! `actor_name`, `role`, `contact_id`), as scripts were promised; the other
//! fields keep the window's camelCase.

use clap::{Args, Subcommand};
use serde_json::Value;
use tisserand_app::{App, AppError, ErrorKind};
use tisserand_domain::partnership::{format_euros, parse_euros, parse_hours};
use tisserand_domain::{
    ClassificationProposal, Contribution, ContributionKind, CountBy, Counterpart, EssaimagePlan,
    Indicator, MecenatKind, Modes, NextAction, Objective, Overview, PartnershipDetail,
    PartnershipInput, PartnershipQuery, PartnershipSort, PartnershipSummary, Party, PartyRole,
    Possibility, Question, RameauMode, Stage,
};

use crate::output::{json, table};
use crate::{parse_choice, Format};

#[derive(Subcommand)]
pub(crate) enum PartnershipsCommand {
    /// List partnerships by stage, then title.
    List {
        /// mecenat, cooperation_economique, innovation_societale, pratiques_responsables (primary or secondary).
        #[arg(long)]
        mode: Option<String>,
        /// rencontre, exploration, preparation, contractualisation, mise_en_oeuvre, evaluation, essaimage, abandonne.
        #[arg(long)]
        stage: Option<String>,
        /// Only the partnerships this actor (id) is a party of.
        #[arg(long)]
        actor: Option<String>,
        #[command(flatten)]
        filters: ListFilters,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Counts: mode × stage, by département, by facilitator, by tag.
    Overview {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Spread a partnership to another territory (« essaimer »): a new one at stage
    /// rencontre with the same structure, one --actor per original party, in order.
    Essaimer {
        id: String,
        #[arg(long)]
        title: String,
        /// Commune INSEE code; repeat for several.
        #[arg(long = "commune", required = true)]
        communes: Vec<String>,
        /// The actor (id) taking each original party's place, in order; repeat.
        #[arg(long = "actor")]
        actors: Vec<String>,
        #[arg(long)]
        facilitator: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Create a partnership (at stage rencontre); prints its id.
    Add(Box<AddArgs>),
    /// Edit a partnership loaded at --version (see `show`): refused if it changed since.
    Edit(Box<EditArgs>),
    /// Move a partnership to another stage (abandonne needs --reason).
    Move {
        id: String,
        stage: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Show one partnership: parties, modes, contributions, totals, actions, timeline.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Add a dated note to the timeline.
    Note { id: String, text: String },
    /// Record a value of indicator number N (from 1, as `show` numbers them).
    Measure {
        id: String,
        number: usize,
        value: String,
        /// The date of the value, YYYY-MM-DD (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Mark next action number N (from 1, as `show` numbers them) done.
    Done { id: String, number: usize },
    /// Delete a partnership (undo with `partnerships restore`).
    Delete { id: String },
    /// Undo the deletion of a partnership.
    Restore { id: String },
    /// Propose a mode from yes/no questions (without --yes: list the questions).
    Classify {
        /// The questions answered yes, comma-separated: q1,q3…
        #[arg(long, value_delimiter = ',')]
        yes: Vec<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// Filters and order of `partnerships list` beyond mode, stage and actor.
#[derive(Args)]
pub(crate) struct ListFilters {
    /// Commune INSEE code of the territory.
    #[arg(long)]
    commune: Option<String>,
    /// Département code of the territory (67, 2A…).
    #[arg(long)]
    departement: Option<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// Only those with an action past its due date.
    #[arg(long)]
    overdue: bool,
    /// Words of the title.
    #[arg(long)]
    text: Option<String>,
    /// stage (default), title, mode, facilitator, days (in stage), due (next due date), updated.
    #[arg(long)]
    sort: Option<String>,
    /// Reverse the sort.
    #[arg(long)]
    desc: bool,
}

fn sort_of(text: &str) -> Result<PartnershipSort, AppError> {
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

#[derive(Args)]
pub(crate) struct AddArgs {
    #[arg(long)]
    title: String,
    /// ACTOR_ID:ROLE[:CONTACT_ID]; roles: porteur, partenaire, financeur, beneficiaire,
    /// collectivite_associee, operateur, investisseur, evaluateur, structurateur. Repeat (two or more).
    #[arg(long = "party")]
    parties: Vec<String>,
    /// Primary mode.
    #[arg(long)]
    mode: Option<String>,
    /// A secondary mode. Repeatable.
    #[arg(long = "secondary")]
    secondary: Vec<String>,
    /// What a mécénat gives: financier, en_nature, logistique, competences. Repeatable.
    #[arg(long = "gift")]
    gifts: Vec<String>,
    #[arg(long)]
    summary: Option<String>,
    /// A commune (INSEE code) of the territory. Repeatable.
    #[arg(long = "commune")]
    communes: Vec<String>,
    /// ACTOR_ID:KIND:EUROS[:HOURS[:DESCRIPTION]]; kinds: numeraire, nature, competences,
    /// logistique, achats, autre. Repeatable.
    #[arg(long = "contribution")]
    contributions: Vec<String>,
    /// ACTOR_ID:EUROS:DESCRIPTION, given by that party. Repeatable.
    #[arg(long = "counterpart")]
    counterparts: Vec<String>,
    /// TEXT[|OWNER[|YYYY-MM-DD]]. Repeatable.
    #[arg(long = "action")]
    actions: Vec<String>,
    /// [ACTOR_ID:]TEXT: a party's objective, or the common good's without an actor. Repeatable.
    #[arg(long = "objective")]
    objectives: Vec<String>,
    /// NAME[|UNIT[|BASELINE[|TARGET]]]. Repeatable.
    #[arg(long = "indicator")]
    indicators: Vec<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    origin: Option<String>,
    /// Repeatable.
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Args)]
pub(crate) struct EditArgs {
    id: String,
    /// The version you loaded (`show` prints it); the edit is refused if the partnership changed since.
    #[arg(long)]
    version: u32,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    summary: Option<String>,
    /// Replaces the parties when given: ACTOR_ID:ROLE[:CONTACT_ID]. Repeatable.
    #[arg(long = "party")]
    parties: Vec<String>,
    /// The primary mode.
    #[arg(long)]
    mode: Option<String>,
    /// Replaces the secondary modes when given. Repeatable.
    #[arg(long = "secondary")]
    secondary: Vec<String>,
    /// Replaces the mécénat kinds when given. Repeatable.
    #[arg(long = "gift")]
    gifts: Vec<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    origin: Option<String>,
    /// Adds a next action: TEXT[|OWNER[|YYYY-MM-DD]]. Repeatable.
    #[arg(long = "action")]
    actions: Vec<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

/// The partnership as loaded, with the changes the options ask for.
fn edited(mut input: PartnershipInput, e: &EditArgs) -> Result<PartnershipInput, AppError> {
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
    if let Some(m) = &e.mode {
        input.modes.primary = Some(mode_of(m)?);
    }
    if !e.secondary.is_empty() {
        input.modes.secondary = e
            .secondary
            .iter()
            .map(|m| mode_of(m))
            .collect::<Result<_, _>>()?;
    }
    if !e.gifts.is_empty() {
        input.modes.mecenat_kinds = e
            .gifts
            .iter()
            .map(|g| gift_of(g))
            .collect::<Result<_, _>>()?;
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

fn invalid(fr: String, en: String) -> AppError {
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

fn number_of(text: &str, whole: &str) -> Result<f64, AppError> {
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

fn indicator_of(text: &str) -> Result<Indicator, AppError> {
    let parts: Vec<&str> = text.splitn(4, '|').collect();
    let number = |i: usize| -> Result<Option<f64>, AppError> {
        match parts.get(i).map(|t| t.trim()).filter(|t| !t.is_empty()) {
            Some(t) => number_of(t, text).map(Some),
            None => Ok(None),
        }
    };
    Ok(Indicator {
        name: parts[0].to_owned(),
        unit: parts.get(1).map(|u| (*u).to_owned()),
        baseline: number(2)?,
        target: number(3)?,
        measures: Vec::new(),
    })
}

fn input_of(a: &AddArgs) -> Result<PartnershipInput, AppError> {
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
            primary: a.mode.as_deref().map(mode_of).transpose()?,
            secondary: a
                .secondary
                .iter()
                .map(|m| mode_of(m))
                .collect::<Result<_, _>>()?,
            mecenat_kinds: a
                .gifts
                .iter()
                .map(|g| gift_of(g))
                .collect::<Result<_, _>>()?,
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

/// Rewrites the keys of each object of `value[key]` to snake_case.
fn snake_keys(value: &mut Value, key: &str) {
    if let Some(items) = value.get_mut(key).and_then(Value::as_array_mut) {
        for item in items {
            if let Some(obj) = item.as_object_mut() {
                let entries: Vec<(String, Value)> = std::mem::take(obj).into_iter().collect();
                for (k, v) in entries {
                    let snake: String = k
                        .chars()
                        .flat_map(|c| {
                            if c.is_ascii_uppercase() {
                                vec!['_', c.to_ascii_lowercase()]
                            } else {
                                vec![c]
                            }
                        })
                        .collect();
                    obj.insert(snake, v);
                }
            }
        }
    }
}

fn summary_json(p: &PartnershipSummary) -> Value {
    let mut value = serde_json::to_value(p).unwrap_or_default();
    snake_keys(&mut value, "parties");
    value
}

fn detail_json(d: &PartnershipDetail) -> Value {
    let mut value = serde_json::to_value(&d.partnership).unwrap_or_default();
    if let Some(obj) = value.as_object_mut() {
        // The parties with their actors' names and contacts.
        let parties: Vec<Value> = d
            .parties
            .iter()
            .zip(&d.partnership.parties)
            .map(|(s, p)| {
                serde_json::json!({
                    "actor_id": s.actor_id,
                    "actor_name": s.actor_name,
                    "role": s.role,
                    "contact_id": p.contact_id,
                })
            })
            .collect();
        obj.insert("parties".into(), Value::Array(parties));
        obj.insert(
            "totals".into(),
            serde_json::to_value(&d.totals).unwrap_or_default(),
        );
        obj.insert(
            "children".into(),
            serde_json::to_value(&d.children).unwrap_or_default(),
        );
    }
    value
}

fn modes_label(m: &Modes) -> String {
    let Some(primary) = m.primary else {
        return "à préciser".to_owned();
    };
    let mut out = primary.label_fr().to_owned();
    if !m.secondary.is_empty() {
        let s: Vec<&str> = m.secondary.iter().map(|s| s.label_fr()).collect();
        out.push_str(&format!(" (+ {})", s.join(", ")));
    }
    out
}

fn hours(minutes: i64) -> String {
    if minutes % 60 == 0 {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {:02}", minutes / 60, minutes % 60)
    }
}

fn list(rows: &[PartnershipSummary], format: Format) {
    if format == Format::Json {
        json(&rows.iter().map(summary_json).collect::<Vec<_>>());
        return;
    }
    if rows.is_empty() {
        out!("Aucun partenariat.");
        return;
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.stage.label_fr().to_owned(),
                modes_label(&p.modes),
                p.title.clone(),
                p.parties
                    .iter()
                    .map(|s| s.actor_name.as_str())
                    .collect::<Vec<_>>()
                    .join(" · "),
            ]
        })
        .collect();
    table(&["ID", "ÉTAPE", "MODE", "TITRE", "PARTIES"], &cells);
}

/// Every page of the sorted list.
fn all_pages(
    app: &App,
    query: &PartnershipQuery,
    sort: PartnershipSort,
    descending: bool,
) -> Result<Vec<PartnershipSummary>, AppError> {
    const PAGE: u32 = 1_000;
    let mut rows = Vec::new();
    loop {
        let offset = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let page = app.partnership_page(query, sort, descending, offset, PAGE)?;
        let done = page.items.len() < PAGE as usize;
        rows.extend(page.items);
        if done || rows.len() >= page.total as usize {
            return Ok(rows);
        }
    }
}

fn overview(o: &Overview, format: Format) {
    if format == Format::Json {
        json(o);
        return;
    }
    out!("{} partenariats, dont {} en retard.", o.total, o.overdue);
    let mut header = vec!["MODE"];
    header.extend(Stage::ALL.iter().map(|s| s.label_fr()));
    let rows: Vec<Vec<String>> = RameauMode::ALL
        .iter()
        .map(|m| Some(*m))
        .chain([None])
        .map(|mode| {
            let mut row = vec![mode.map_or("non classé", RameauMode::label_fr).to_owned()];
            row.extend(Stage::ALL.iter().map(|stage| {
                o.matrix
                    .iter()
                    .find(|c| c.mode == mode && c.stage == *stage)
                    .map_or_else(|| "·".to_owned(), |c| c.count.to_string())
            }));
            row
        })
        .collect();
    table(&header, &rows);
    let counts = |title: &str, none: &str, items: &[CountBy]| {
        out!("");
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|c| {
                let label = if c.code.is_empty() { none } else { &c.label };
                vec![c.code.clone(), label.to_owned(), c.count.to_string()]
            })
            .collect();
        table(&["CODE", title, "NOMBRE"], &rows);
    };
    counts("DÉPARTEMENT", "sans territoire", &o.by_departement);
    counts("ANIMATEUR·RICE", "personne", &o.by_facilitator);
}

pub(crate) fn possibilities(items: &[Possibility], format: Format) {
    if format == Format::Json {
        json(&items);
        return;
    }
    if items.is_empty() {
        out!("Aucune piste : renseignez les besoins et les offres de cet acteur et des autres.");
        return;
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|p| {
            vec![
                p.actor_id.clone(),
                p.actor_name.clone(),
                p.score.to_string(),
                p.modes
                    .iter()
                    .map(|m| m.label_fr())
                    .collect::<Vec<_>>()
                    .join(", "),
                p.reasons.first().cloned().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &["ID", "ACTEUR", "SCORE", "MODES PLAUSIBLES", "POURQUOI"],
        &rows,
    );
}

fn show(d: &PartnershipDetail, format: Format) {
    if format == Format::Json {
        json(&detail_json(d));
        return;
    }
    let p = &d.partnership;
    let name_of = |id: &str| {
        d.parties
            .iter()
            .find(|s| s.actor_id == id)
            .map_or_else(|| id.to_owned(), |s| s.actor_name.clone())
    };
    out!("{}", p.title);
    out!("{}", "=".repeat(p.title.chars().count().min(80)));
    out!("{:<14} {}", "Id", p.id);
    out!("{:<14} {}", "Version", p.version);
    match &p.abandon_reason {
        Some(r) => out!("{:<14} {} ({r})", "Étape", p.stage.label_fr()),
        None => out!("{:<14} {}", "Étape", p.stage.label_fr()),
    }
    out!("{:<14} {}", "Mode", modes_label(&p.modes));
    if let Some(o) = &d.spawned_from {
        out!("{:<14} {} ({})", "Essaimé de", o.title, o.id);
    }
    for c in &d.children {
        out!(
            "{:<14} {} — {} ({})",
            "Essaimé vers",
            c.title,
            c.places.join(", "),
            c.id
        );
    }
    if !p.modes.mecenat_kinds.is_empty() {
        let k: Vec<&str> = p.modes.mecenat_kinds.iter().map(|k| k.label_fr()).collect();
        out!("{:<14} {}", "Mécénat", k.join(", "));
    }
    for (label, value) in [
        ("Résumé", p.summary.as_deref()),
        ("Facilitateur", p.facilitator.as_deref()),
        ("Origine", p.origin.as_deref()),
    ] {
        if let Some(v) = value {
            out!("{label:<14} {v}");
        }
    }
    if !p.territory.is_empty() {
        out!("{:<14} {}", "Territoire", p.territory.join(", "));
    }
    if !p.tags.is_empty() {
        out!("{:<14} {}", "Mots-clés", p.tags.join(", "));
    }
    out!("Parties :");
    for (s, t) in d.parties.iter().zip(&d.totals.per_party) {
        out!(
            "  - {} ({}) : {} · {}",
            s.actor_name,
            s.role.code(),
            format_euros(t.value_cents),
            hours(t.minutes)
        );
    }
    if !p.contributions.is_empty() {
        out!("Contributions :");
        for c in &p.contributions {
            out!(
                "  - {} · {} · {} · {}{}",
                name_of(&c.actor_id),
                c.kind.code(),
                format_euros(c.value_cents),
                hours(c.minutes),
                c.description
                    .as_ref()
                    .map(|d| format!(" · {d}"))
                    .unwrap_or_default()
            );
        }
    }
    if !p.counterparts.is_empty() {
        out!("Contreparties :");
        for c in &p.counterparts {
            out!(
                "  - {} · {} · {}",
                name_of(&c.given_by),
                format_euros(c.value_cents),
                c.description
            );
        }
    }
    out!(
        "{:<14} {} · {}",
        "Total",
        format_euros(d.totals.value_cents),
        hours(d.totals.minutes)
    );
    if let Some(m) = &d.totals.mecenat {
        let ratio = m.ratio_basis_points.map_or_else(
            || "—".to_owned(),
            |bp| format!("{},{:02} %", bp / 100, bp % 100),
        );
        out!(
            "{:<14} don {} · contreparties {} ({ratio})",
            "Mécénat",
            format_euros(m.gift_cents),
            format_euros(m.counterpart_cents)
        );
        out!(
            "{:<14} {} (estimation : 60 % du don, avant plafonds)",
            "Réduction",
            format_euros(m.estimated_tax_reduction_cents)
        );
        if let Some(w) = &m.warning {
            out!("Attention : {w}");
        }
    }
    if !p.objectives.is_empty() {
        out!("Objectifs :");
        for o in &p.objectives {
            let whose = o
                .actor_id
                .as_deref()
                .map_or_else(|| "bien commun".to_owned(), name_of);
            out!("  - {whose} : {}", o.text);
        }
    }
    if !p.indicators.is_empty() {
        out!("Indicateurs :");
        for (i, ind) in p.indicators.iter().enumerate() {
            let unit = ind
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let num = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v}{unit}"));
            let last = ind.measures.last();
            out!(
                "  {}. {} · départ {} · cible {} · dernier {}",
                i + 1,
                ind.name,
                num(ind.baseline),
                num(ind.target),
                last.map_or_else(
                    || "—".to_owned(),
                    |m| format!("{}{unit} ({})", m.value, m.on)
                ),
            );
        }
    }
    if !p.next_actions.is_empty() {
        out!("Prochaines actions :");
        for (i, a) in p.next_actions.iter().enumerate() {
            let mark = if a.done { "x" } else { " " };
            let mut line = format!("  {}. [{mark}] {}", i + 1, a.text);
            if let Some(o) = &a.owner {
                line.push_str(&format!(" — {o}"));
            }
            if let Some(d) = a.due_on {
                line.push_str(&format!(" — pour le {d}"));
            }
            out!("{line}");
        }
    }
    out!("Historique :");
    for e in &p.timeline {
        out!("  {} {}", e.at.format("%Y-%m-%d %H:%M"), e.text_fr());
    }
}

fn proposal(p: &ClassificationProposal, asked: bool, format: Format) {
    if format == Format::Json {
        json(p);
        return;
    }
    if !asked {
        out!("Questions (répondez avec --yes q1,q3…) :");
        for q in Question::ALL {
            out!("  {}  {}", q.code(), q.text_fr());
        }
        return;
    }
    match p.primary {
        Some(m) => out!("{:<14} {}", "Mode principal", m.code()),
        None => out!("{:<14} à préciser", "Mode principal"),
    }
    if !p.secondary.is_empty() {
        let s: Vec<&str> = p.secondary.iter().map(|m| m.code()).collect();
        out!("{:<14} {}", "Secondaires", s.join(", "));
    }
    if !p.mecenat_kinds.is_empty() {
        let k: Vec<&str> = p.mecenat_kinds.iter().map(|k| k.code()).collect();
        out!("{:<14} {}", "Mécénat", k.join(", "));
    }
    out!("{}", p.reason);
}

pub(crate) fn run(app: &mut App, cmd: PartnershipsCommand) -> Result<(), AppError> {
    match cmd {
        PartnershipsCommand::List {
            mode,
            stage,
            actor,
            filters: f,
            format,
        } => {
            let query = PartnershipQuery {
                mode: mode.as_deref().map(mode_of).transpose()?,
                stage: stage.as_deref().map(stage_of).transpose()?,
                actor_id: actor,
                commune: f.commune,
                departement: f.departement,
                facilitator: f.facilitator,
                tag: f.tag,
                overdue: f.overdue,
                text: f.text,
                ..PartnershipQuery::default()
            };
            let sort = f.sort.as_deref().map(sort_of).transpose()?;
            let rows = match sort {
                None if !f.desc => app.list_partnerships(&query)?,
                _ => all_pages(app, &query, sort.unwrap_or_default(), f.desc)?,
            };
            list(&rows, format);
        }
        PartnershipsCommand::Overview { format } => overview(&app.partnership_overview()?, format),
        PartnershipsCommand::Essaimer {
            id,
            title,
            communes,
            actors,
            facilitator,
            format,
        } => {
            let plan = EssaimagePlan {
                title,
                territory: communes,
                actors,
                facilitator,
            };
            let p = app.essaimer(&id, &plan)?;
            match format {
                Format::Json => json(&detail_json(&app.partnership(&p.id)?)),
                Format::Table => out!("{}", p.id),
            }
        }
        PartnershipsCommand::Add(args) => {
            let p = app.create_partnership(&input_of(&args)?)?;
            match args.format {
                Format::Json => json(&detail_json(&app.partnership(&p.id)?)),
                Format::Table => out!("{}", p.id),
            }
        }
        PartnershipsCommand::Edit(args) => {
            let current = app.partnership(&args.id)?.partnership;
            let input = edited(current.to_input(), &args)?;
            let p = app.update_partnership(&args.id, args.version, &input)?;
            match args.format {
                Format::Json => json(&detail_json(&app.partnership(&p.id)?)),
                Format::Table => out!(
                    "Partenariat « {} » enregistré (version {}).",
                    p.title,
                    p.version
                ),
            }
        }
        PartnershipsCommand::Move { id, stage, reason } => {
            let p = app.move_partnership(&id, stage_of(&stage)?, reason.as_deref())?;
            out!(
                "Partenariat « {} » : étape {}.",
                p.title,
                p.stage.label_fr()
            );
        }
        PartnershipsCommand::Show { id, format } => show(&app.partnership(&id)?, format),
        PartnershipsCommand::Note { id, text } => {
            app.add_partnership_note(&id, &text)?;
            out!("Note ajoutée à l'historique.");
        }
        PartnershipsCommand::Measure {
            id,
            number,
            value,
            on,
        } => {
            let index = number.checked_sub(1).ok_or_else(|| {
                invalid(
                    "Les indicateurs sont numérotés à partir de 1 (voir partnerships show).".into(),
                    "Indicators are numbered from 1 (see partnerships show).".into(),
                )
            })?;
            let on = on.as_deref().map(date_of).transpose()?;
            app.record_indicator_value(&id, None, index, on, number_of(&value, &value)?)?;
            out!("Valeur enregistrée.");
        }
        PartnershipsCommand::Done { id, number } => {
            let index = number.checked_sub(1).ok_or_else(|| {
                invalid(
                    "Les actions sont numérotées à partir de 1 (voir partnerships show).".into(),
                    "Actions are numbered from 1 (see partnerships show).".into(),
                )
            })?;
            app.complete_partnership_action(&id, index)?;
            out!("Action {number} faite.");
        }
        PartnershipsCommand::Delete { id } => {
            app.delete_partnership(&id)?;
            out!("Partenariat supprimé. Pour annuler : tisserand partnerships restore {id}");
        }
        PartnershipsCommand::Restore { id } => {
            app.restore_partnership(&id)?;
            out!("Partenariat restauré.");
        }
        PartnershipsCommand::Classify { yes, format } => {
            let questions = yes
                .iter()
                .filter(|q| !q.trim().is_empty())
                .map(|q| {
                    Question::parse(q).ok_or_else(|| {
                        invalid(
                            format!("Question inconnue « {q} » : écrivez q1 à q8 (sans --yes : la liste)."),
                            format!("Unknown question \"{q}\": write q1 to q8 (without --yes: the list)."),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let asked = !yes.is_empty();
            proposal(&app.classify_partnership(&questions), asked, format);
        }
    }
    Ok(())
}
