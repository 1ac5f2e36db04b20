//! `tisserand impact`: the Impact page's figures for a period and a
//! territory, as JSON for scripts (docs/impact.md) or as text for people.

use clap::Args;
use std::path::PathBuf;
use tisserand_app::{App, AppError};

use tisserand_domain::impact::{
    period_fr, ImpactFigures, ImpactFilters, ImpactReportRequest, ImpactTheme,
};
use tisserand_domain::partnership::format_euros;

use crate::output::{json, table};
use crate::partnerships::{date_of, mode_of};
use crate::{parse_choice, Format, FormatArg};

#[derive(Args)]
pub(crate) struct ImpactArgs {
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    fmt: FormatArg,
}

/// `tisserand report`: the impact report's PDF for the same filters.
#[derive(Args)]
pub(crate) struct ReportArgs {
    /// The PDF file to write.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// The cover's title (default: « Rapport d'impact 2026 » for a calendar year).
    #[arg(long)]
    title: Option<String>,
    /// Who publishes it, on the cover (the Labo).
    #[arg(long)]
    publisher: Option<String>,
    /// A story to tell, by id, in order (repeatable; default: every story of the partnerships in scope, the most recent first).
    #[arg(long = "story", value_name = "ID", conflicts_with = "no_stories")]
    stories: Vec<String>,
    /// Tell no story.
    #[arg(long)]
    no_stories: bool,
    #[command(flatten)]
    filters: FilterArgs,
}

/// The Impact page's filters.
#[derive(Args)]
pub(crate) struct FilterArgs {
    /// First day of the period (2026-01-01 or 01/01/2026).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last day of the period.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// A département code (67, 2A…).
    #[arg(long, value_name = "CODE")]
    departement: Option<String>,
    /// An intercommunality's SIREN code.
    #[arg(long, value_name = "CODE")]
    epci: Option<String>,
    /// A commune's INSEE code.
    #[arg(long, value_name = "INSEE")]
    commune: Option<String>,
    /// The primary mode: mecenat, cooperation_economique, innovation_societale, pratiques_responsables.
    #[arg(long)]
    mode: Option<String>,
    /// A theme of indicators (emploi_insertion, mobilite…).
    #[arg(long)]
    theme: Option<String>,
    /// The facilitator in charge (case and accents ignored).
    #[arg(long, value_name = "NAME")]
    facilitator: Option<String>,
}

impl FilterArgs {
    fn filters(&self) -> Result<ImpactFilters, AppError> {
        Ok(ImpactFilters {
            from: self.from.as_deref().map(date_of).transpose()?,
            to: self.to.as_deref().map(date_of).transpose()?,
            departement: self.departement.clone(),
            epci: self.epci.clone(),
            commune: self.commune.clone(),
            mode: self.mode.as_deref().map(mode_of).transpose()?,
            theme: self
                .theme
                .as_deref()
                .map(|t| {
                    parse_choice(
                        t,
                        ImpactTheme::parse,
                        &ImpactTheme::ALL.map(ImpactTheme::code),
                        "Thème inconnu",
                        "Unknown theme",
                    )
                })
                .transpose()?,
            facilitator: self.facilitator.clone(),
        })
    }
}

pub(crate) fn run(app: &App, args: &ImpactArgs) -> Result<(), AppError> {
    let figures = app.get_impact(&args.filters.filters()?, crate::clock::now())?;
    match args.fmt.format {
        Format::Json => json(&figures),
        Format::Table => print(&figures),
    }
    Ok(())
}

pub(crate) fn report(app: &App, args: &ReportArgs) -> Result<(), AppError> {
    let request = ImpactReportRequest {
        filters: args.filters.filters()?,
        title: args.title.clone().unwrap_or_default(),
        publisher: args.publisher.clone().unwrap_or_default(),
        stories: if args.no_stories {
            Some(Vec::new())
        } else if args.stories.is_empty() {
            None
        } else {
            Some(args.stories.clone())
        },
    };
    let bytes = app.impact_report_pdf(&request, crate::clock::now())?;
    tisserand_app::write_document(&args.output, &bytes)?;
    out!("PDF écrit : {}", args.output.display());
    Ok(())
}

/// « 1 234 » for counts, « 12,5 » for decimals.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let digits = tisserand_domain::text::group_digits(v.abs() as usize);
        format!("{}{digits}", if v < 0.0 { "-" } else { "" })
    } else {
        format!("{v:.2}").replace('.', ",")
    }
}

fn hours(minutes: i64) -> String {
    format!("{} h", number((minutes as f64 / 60.0).round()))
}

fn mode_fr(m: Option<tisserand_domain::RameauMode>) -> String {
    m.map_or_else(|| "À préciser".to_owned(), |m| m.label_fr().to_owned())
}

fn print(g: &ImpactFigures) {
    out!("Impact des partenariats ({})", period_fr(&g.filters));
    out!(
        "Partenariats : {} · signés : {} · évalués : {}{}",
        g.partnerships,
        g.signed,
        g.evaluated,
        g.evaluated_share
            .map(|s| format!(" ({} %)", number((s * 1000.0).round() / 10.0)))
            .unwrap_or_default()
    );
    out!(
        "Acteurs impliqués : {} · rencontrés d'abord à un événement : {}",
        g.actors_involved,
        g.actors_met_at_events
    );
    out!(
        "Apports des partenariats signés : {} · {}",
        format_euros(g.value_cents),
        hours(g.minutes)
    );
    out!("Bénéficiaires : {}", number(g.beneficiaries));
    out!(
        "Entonnoir : {} rencontres → {} pistes → {} signés → {} évalués",
        g.funnel.meetings,
        g.funnel.leads,
        g.funnel.signed,
        g.funnel.evaluated
    );
    out!("");
    print_counts(g);
    print_values(g);
}

/// One table of `items`, then a blank line.
fn section<T>(head: &[&str], items: &[T], row: impl Fn(&T) -> Vec<String>) {
    table(head, &items.iter().map(row).collect::<Vec<_>>());
    out!("");
}

/// Partnerships by stage and mode; actors by kind.
fn print_counts(g: &ImpactFigures) {
    section(
        &["Étape", "Mode", "Partenariats"],
        &g.by_stage_and_mode,
        |c| {
            vec![
                c.stage.label_fr().to_owned(),
                mode_fr(c.mode),
                c.count.to_string(),
            ]
        },
    );
    section(&["Type d'acteur", "Acteurs"], &g.actors_by_kind, |k| {
        vec![k.kind.label_fr().to_owned(), k.count.to_string()]
    });
}

/// Contributions, indicator totals and years.
fn print_values(g: &ImpactFigures) {
    section(
        &["Apport", "Mode", "Valeur", "Heures"],
        &g.contributions,
        |c| {
            vec![
                c.kind.code().to_owned(),
                mode_fr(c.mode),
                format_euros(c.value_cents),
                hours(c.minutes),
            ]
        },
    );
    let head = ["Thème", "Niveau", "Total", "Unité", "Partenariats"];
    section(&head, &g.indicator_totals, |t| {
        let unit = if t.unit.is_empty() {
            "(sans unité)"
        } else {
            t.unit.as_str()
        };
        vec![
            t.theme
                .map_or("Sans thème", ImpactTheme::label_fr)
                .to_owned(),
            t.level.map_or("—", |l| l.label_fr()).to_owned(),
            number(t.total),
            unit.to_owned(),
            t.partnerships.to_string(),
        ]
    });
    let head = [
        "Année",
        "Démarrés",
        "Signés",
        "Évalués",
        "Valeur apportée",
        "Heures",
    ];
    section(&head, &g.years, |y| {
        vec![
            y.year.to_string(),
            y.started.to_string(),
            y.signed.to_string(),
            y.evaluated.to_string(),
            format_euros(y.value_cents),
            hours(y.minutes),
        ]
    });
}
