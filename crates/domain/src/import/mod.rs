//! Importing a table of actors (and the person to reach at each): which
//! column holds which field, guessed from usual French and English headers
//! or chosen by the person, and how one row's cells become an actor input
//! and an optional contact input. Pure: reading files, looking communes up
//! and writing rows belong to the callers.

mod fields;
mod mapping;
mod row;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use fields::{guess_field, guess_mapping, header_key, keep_first_of_each, ImportField};
pub use mapping::{
    check_mapping, field_catalogue, mapping_issues, ImportFieldInfo, MappingIssue, MappingIssueKind,
};
pub use row::{kind_from_name, read_row, ImportRow, PlaceText};

/// An import as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRecord {
    pub id: String,
    pub file_name: String,
    pub format: String,
    pub rows: u32,
    pub actors: u32,
    pub contacts: u32,
    pub skipped: u32,
    pub created_at: String,
    pub undone_at: Option<String>,
}
