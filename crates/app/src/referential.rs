//! The communes referential embedded in the binary (assets/communes), loaded
//! into a database when it is missing or out of date.

use tisserand_domain::commune::parse_referential;
use tisserand_store::Store;

use crate::error::{AppError, AppResult, ErrorKind};

const COMMUNES_TSV: &str = include_str!("../../../assets/communes/communes.tsv");

/// A fingerprint of the embedded file (FNV-1a), so that a new referential
/// replaces the old one at the next start.
fn version() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in COMMUNES_TSV.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a-{hash:016x}")
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
