//! `tisserand bench-possibles`: the quality of the « champ des possibles »
//! on the labelled set of needs and offers (`tests/fixtures/
//! possibles-quality.tsv`, built in; `--fixture` reads another): precision
//! at 5 and recall at 20 of the ranking before issue 14 (category, then
//! shared words) and of the ranking by meaning, and the pairs labelled
//! absurd that came in a top 5. Figures, not pass/fail (the domain's test
//! asserts the thresholds).

use std::path::PathBuf;

use clap::Args;
use tisserand_app::{AppError, ErrorKind};
use tisserand_domain::possibles::quality::{by_category, by_meaning, Figures, LabelledSet};
use tisserand_domain::possibles::{Lexicon, Matcher};

const BUILT_IN: &str = include_str!("../../../tests/fixtures/possibles-quality.tsv");

#[derive(Args)]
pub(crate) struct BenchPossiblesArgs {
    /// A labelled set in the same format, instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    fixture: Option<PathBuf>,
}

fn invalid(fr: String, en: String) -> AppError {
    AppError::new(ErrorKind::Invalid, fr, en)
}

fn line(name: &str, f: &Figures) {
    out!(
        "{name:<34} {:>6.2} {:>6.2} {:>9} {:>7}",
        f.precision_at_5,
        f.recall_at_20,
        f.proposed,
        f.absurd_in_top_5.len()
    );
}

pub(crate) fn run(args: &BenchPossiblesArgs) -> Result<(), AppError> {
    let text = match &args.fixture {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            invalid(
                format!("Le fichier {} ne se lit pas : {e}.", path.display()),
                format!("The file {} cannot be read: {e}.", path.display()),
            )
        })?,
        None => BUILT_IN.to_owned(),
    };
    let set = LabelledSet::parse(&text).map_err(|e| {
        invalid(
            format!("Jeu étiqueté illisible : {e}."),
            format!("Unreadable labelled set: {e}."),
        )
    })?;
    let lexicon = Lexicon::builtin();
    let matcher = Matcher::counting(&lexicon, set.texts());
    let old = set.evaluate(by_category);
    let new = set.evaluate(|n, o| by_meaning(&matcher, n, o));
    out!(
        "{} needs, {} offers, {} labelled pairs ({} relevant)",
        set.needs.len(),
        set.offers.len(),
        set.pairs.len(),
        new.relevant
    );
    out!(
        "{:<34} {:>6} {:>6} {:>9} {:>7}",
        "ranking",
        "P@5",
        "R@20",
        "proposed",
        "absurd"
    );
    line("before (category, shared words)", &old);
    line("by meaning (stems, lexicon, BM25)", &new);
    for (need, offer) in &new.absurd_in_top_5 {
        out!("absurd in a top 5: {need} ↔ {offer}");
    }
    Ok(())
}
