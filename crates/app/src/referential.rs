//! The communes referential embedded in the binary (assets/communes), loaded
//! into a database when it is missing or out of date.

use tisserand_domain::commune::parse_referential;
use tisserand_domain::hash::fnv1a;
use tisserand_store::Store;

use crate::error::{AppError, AppResult, ErrorKind};

const COMMUNES_TSV: &str = include_str!("../../../assets/communes/communes.tsv");

/// A fingerprint of the embedded file (FNV-1a), so that a new referential
/// replaces the old one at the next start.
fn version() -> String {
    format!("fnv1a-{:016x}", fnv1a(COMMUNES_TSV.as_bytes()))
}

pub(crate) fn ensure_loaded(store: &mut Store) -> AppResult<()> {
    let version = version();
    if store.referential_version()?.as_deref() == Some(version.as_str()) {
        return Ok(());
    }
    let communes = parse_referential(COMMUNES_TSV).map_err(|e| {
        AppError::new(
            ErrorKind::Internal,
            format!("Le référentiel des communes intégré est illisible : {e}."),
            format!("The embedded communes referential is unreadable: {e}."),
        )
    })?;
    tracing::info!(
        communes = communes.len(),
        "loading the communes referential"
    );
    store.load_referential(&version, &communes)?;
    Ok(())
}
