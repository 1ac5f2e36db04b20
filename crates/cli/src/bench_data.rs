//! `tisserand bench-data`: the figures of data in and out. Generates a CSV
//! of French-Excel actor rows, imports it end to end into a fresh database
//! (with its peak memory), times SQLite's own `.import` of the same file
//! into a plain table for comparison, scans the result for duplicates, and
//! times a backup of a database grown past the size asked. Figures, not
//! pass/fail.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clap::Args;
use tisserand_app::{App, AppError, ErrorKind, ImportOptions, ImportReport};
use tisserand_domain::backup::BackupReason;

#[derive(Args)]
pub(crate) struct BenchDataArgs {
    /// Rows of the generated CSV.
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    /// Grow the database to at least this many MB before timing the backup.
    #[arg(long, default_value_t = 100)]
    backup_mb: u64,
}

fn fail(what: &str, e: &dyn std::fmt::Display) -> AppError {
    AppError::new(
        ErrorKind::Internal,
        format!("Mesure impossible ({what}) : {e}"),
        format!("Benchmark failed ({what}): {e}"),
    )
}

/// Words the generated organisations' names start with.
const HEADS: [&str; 24] = [
    "Boulangerie",
    "Atelier",
    "Garage",
    "Les Amis de",
    "Compagnie",
    "Ferme",
    "Menuiserie",
    "Collectif",
    "Café",
    "Librairie",
    "Théâtre",
    "Épicerie",
    "Jardins de",
    "Club",
    "Maison de",
    "Cabinet",
    "Imprimerie",
    "Brasserie",
    "Chorale",
    "Fondation",
    "Ressourcerie",
    "Crèche",
    "Transports",
    "Pharmacie",
];
const KINDS: [&str; 4] = ["Association", "Entreprise", "Fondation", "Collectivité"];
const TOWNS: [(&str, &str); 5] = [
    ("67600", "Sélestat"),
    ("68000", "Colmar"),
    ("67000", "Strasbourg"),
    ("68100", "Mulhouse"),
    ("67500", "Haguenau"),
];
const WORDS: [&str; 8] = [
    "Ried",
    "Vignoble",
    "Kochersberg",
    "Sundgau",
    "Outre-Forêt",
    "Hardt",
    "Bruche",
    "Zorn",
];
const FIRST: [&str; 8] = [
    "Anne", "Jean", "Léa", "Hugo", "Chloé", "Karim", "Aïcha", "Théo",
];
const LAST: [&str; 8] = [
    "Muller", "Schmitt", "Meyer", "Weber", "Klein", "Fischer", "Benali", "Nguyen",
];

/// Writes `rows` actor rows (with a contact each when `contacts`), as French
/// Excel would: `;`, accents, quoted cells holding `;`. Names come from
/// word lists, as varied as a real directory's; `offset` shifts them so
/// that two files hold different organisations.
pub(crate) fn write_csv(
    path: &Path,
    rows: usize,
    offset: usize,
    contacts: bool,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    write!(
        out,
        "Raison sociale;Type;SIREN;Code postal;Ville;Besoins;Offres;Tags"
    )?;
    if contacts {
        write!(out, ";Prénom;Nom du contact;Courriel;Téléphone;Notes")?;
    }
    writeln!(out)?;
    for i in offset..offset + rows {
        write_actor(&mut out, i)?;
        if contacts {
            write_contact(&mut out, i)?;
        }
        writeln!(out)?;
    }
    out.flush()
}

/// Row `i`'s organisation cells.
fn write_actor(out: &mut impl Write, i: usize) -> std::io::Result<()> {
    let names = crate::bench::LAST;
    let (cp, town) = TOWNS[i % TOWNS.len()];
    // Mixed radix over the lists: distinct names for the first
    // 24 × 20 × 8 × 20 × 20 rows.
    let mut k = i;
    let mut digit = |n: usize| {
        let d = k % n;
        k /= n;
        d
    };
    let name = format!(
        "{} {} {} {} {}",
        HEADS[digit(HEADS.len())],
        names[digit(names.len())],
        WORDS[digit(WORDS.len())],
        FIRST[digit(FIRST.len())],
        names[digit(names.len())],
    );
    write!(
        out,
        "{name};{};;{cp};{town};\"locaux : salle de réunion pour {} personnes ; bénévoles le samedi\";compétences : comptabilité et paie;\"solidarité ; insertion ; {}\"",
        KINDS[i % KINDS.len()],
        10 + i % 90,
        WORDS[(i / 7) % WORDS.len()].to_lowercase(),
    )
}

/// Row `i`'s contact cells, each starting with its `;`.
fn write_contact(out: &mut impl Write, i: usize) -> std::io::Result<()> {
    write!(
        out,
        ";{};{};contact{i}@exemple.fr;03 88 {:02} {:02} {:02};Rencontrée au forum du {:02}/{:02}/2026, intéressée par un mécénat de compétences.",
        FIRST[i % FIRST.len()],
        LAST[(i / 3) % LAST.len()],
        i % 100,
        (i / 100) % 100,
        (i / 10_000) % 100,
        1 + i % 28,
        1 + i % 12,
    )
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak so that the next reading covers only what follows.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

pub(crate) fn run(args: &BenchDataArgs) -> Result<(), AppError> {
    let dir = tempfile::tempdir().map_err(|e| fail("temp dir", &e))?;
    import_actors_alone(dir.path(), args.rows)?;
    let csv = dir.path().join("acteurs.csv");
    write_csv(&csv, args.rows, 0, true).map_err(|e| fail("csv", &e))?;
    let size = csv.metadata().map_or(0, |m| m.len());
    println!(
        "## {} actor rows, each with a contact (CSV of {:.1} MB)",
        args.rows,
        size as f64 / 1e6
    );
    let db = dir.path().join("tisserand.sqlite3");
    let mut app = App::open(&db)?;
    let (report, import_s) = import_with_contacts(&mut app, &csv)?;
    compare_with_sqlite(dir.path(), &csv, import_s);

    let t = Instant::now();
    let found = app.scan_duplicates()?;
    println!(
        "duplicate scan of {} actors and {} contacts: {:.2} s ({} actor pairs, {} contact pairs)",
        report.imported,
        report.contacts,
        secs(t),
        found.actor_pairs,
        found.contact_pairs
    );
    grow(&mut app, dir.path(), &db, args)?;
    backup_and_check(&app, &db)
}

/// Imports actor rows alone (no contact columns) into a database of their own.
fn import_actors_alone(dir: &Path, rows: usize) -> Result<(), AppError> {
    let plain_csv = dir.join("acteurs-seuls.csv");
    write_csv(&plain_csv, rows, 0, false).map_err(|e| fail("csv", &e))?;
    let mut alone = App::open(&dir.join("alone.sqlite3"))?;
    reset_peak();
    let t = Instant::now();
    let r = alone.import_actors(
        &plain_csv,
        &ImportOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )?;
    println!(
        "import {} actor rows (no contact columns) from CSV end to end: {:.2} s; {} actors; peak memory {:.0} MB",
        r.rows,
        secs(t),
        r.imported,
        peak_mb().unwrap_or(0.0)
    );
    Ok(())
}

/// Imports `csv` end to end; the report and the seconds it took.
fn import_with_contacts(app: &mut App, csv: &Path) -> Result<(ImportReport, f64), AppError> {
    reset_peak();
    let t = Instant::now();
    let report = app.import_actors(
        csv,
        &ImportOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )?;
    let import_s = secs(t);
    println!(
        "import {} rows from CSV end to end (read, validate, dedup, one transaction, backup before): {import_s:.2} s; {} actors, {} contacts, {} errors",
        report.rows, report.imported, report.contacts, report.error_count
    );
    if let Some(mb) = peak_mb() {
        println!("peak memory of the process during the import (VmHWM): {mb:.0} MB");
    }
    Ok((report, import_s))
}

/// Times sqlite3's own `.import` of `csv` into a plain table, when sqlite3
/// is installed.
fn compare_with_sqlite(dir: &Path, csv: &Path, import_s: f64) {
    let plain = dir.join("plain.sqlite3");
    let t = Instant::now();
    let status = std::process::Command::new("sqlite3")
        .arg(&plain)
        .arg(".mode csv")
        .arg(".separator ;")
        .arg(format!(".import '{}' t", csv.display()))
        .status();
    match status {
        Ok(s) if s.success() => {
            let sqlite_s = secs(t);
            println!(
                "sqlite3 .import of the same file into a plain table: {sqlite_s:.2} s; ratio {:.1}×",
                import_s / sqlite_s
            );
        }
        Ok(s) => println!("sqlite3 .import failed: {s}"),
        Err(e) => println!("sqlite3 not found ({e}): no comparison"),
    }
}

/// Imports more files until the database reaches the size asked.
fn grow(app: &mut App, dir: &Path, db: &Path, args: &BenchDataArgs) -> Result<(), AppError> {
    let mut extra = 0;
    while db.metadata().map_or(0, |m| m.len()) < args.backup_mb * 1_000_000 {
        extra += 1;
        let more = dir.join(format!("more-{extra}.csv"));
        write_csv(&more, args.rows, extra * args.rows, true).map_err(|e| fail("csv", &e))?;
        let all = ImportOptions {
            keep_duplicates: true,
            ..ImportOptions::default()
        };
        app.import_actors(&more, &all, &mut |_| {}, &AtomicBool::new(false))?;
    }
    Ok(())
}

/// Times a backup of the database, then the check a restore runs on it.
fn backup_and_check(app: &App, db: &Path) -> Result<(), AppError> {
    let db_mb = db.metadata().map_or(0, |m| m.len()) as f64 / 1e6;
    let t = Instant::now();
    let entry = app.create_backup(BackupReason::Manual, &mut |_, _| {})?;
    println!(
        "backup of a {db_mb:.0} MB database (online backup API, fsync, rename): {:.2} s",
        secs(t)
    );
    let t = Instant::now();
    tisserand_app::check_backup_file(Path::new(&entry.path))?;
    println!(
        "integrity check of that backup (before a restore): {:.2} s",
        secs(t)
    );
    Ok(())
}
