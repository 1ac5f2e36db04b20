//! What the import wizard lists in each column's select (the fields, their
//! names in French and English, which ones several columns may fill), and
//! what is wrong with a mapping: a column for the organisation's name, one
//! column per field that takes one.

use serde::Serialize;
use ts_rs::TS;

use super::ImportField;
use crate::error::FieldError;

/// A field as the wizard lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportFieldInfo {
    pub field: ImportField,
    pub label: String,
    pub label_en: String,
    /// Several columns may fill it (their cells add up).
    pub repeatable: bool,
}

/// Every field, in the order the column selects list them.
#[must_use]
pub fn field_catalogue() -> Vec<ImportFieldInfo> {
    ImportField::ALL
        .into_iter()
        .map(|field| ImportFieldInfo {
            field,
            label: field.label_fr().to_owned(),
            label_en: field.label_en().to_owned(),
            repeatable: field.accumulates(),
        })
        .collect()
}

/// What stops an import in a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MappingIssueKind {
    /// The mapping does not describe the file's columns.
    ColumnCount,
    /// Several columns go to a field that takes one.
    RepeatedField,
    /// No column gives the organisation's name.
    MissingName,
}

/// One thing wrong with a mapping, with the columns it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingIssue {
    pub kind: MappingIssueKind,
    /// The field concerned (`name` when it is missing).
    pub field: Option<ImportField>,
    /// The columns concerned, 0-based (those sharing a field).
    pub columns: Vec<u32>,
    pub message: String,
    pub message_en: String,
}

impl From<MappingIssue> for FieldError {
    fn from(issue: MappingIssue) -> Self {
        Self::new("mapping", issue.message, issue.message_en)
    }
}

fn column_count(headers: &[String], mapping: &[Option<ImportField>]) -> MappingIssue {
    MappingIssue {
        kind: MappingIssueKind::ColumnCount,
        field: None,
        columns: Vec::new(),
        message: format!(
            "La correspondance décrit {} colonnes mais le fichier en a {} : refaites-la pour ce fichier.",
            mapping.len(),
            headers.len()
        ),
        message_en: format!(
            "The mapping describes {} columns but the file has {}: redo it for this file.",
            mapping.len(),
            headers.len()
        ),
    }
}

fn repeated(field: ImportField, headers: &[String], columns: Vec<u32>) -> MappingIssue {
    let header = |i: &u32| headers.get(*i as usize).map_or("", String::as_str);
    let names = columns
        .iter()
        .map(|i| format!("« {} »", header(i)))
        .collect::<Vec<_>>()
        .join(" et ");
    let names_en = columns
        .iter()
        .map(|i| format!("\"{}\"", header(i)))
        .collect::<Vec<_>>()
        .join(" and ");
    MappingIssue {
        kind: MappingIssueKind::RepeatedField,
        field: Some(field),
        columns,
        message: format!(
            "Les colonnes {names} vont toutes dans « {} » : gardez-en une seule.",
            field.label_fr()
        ),
        message_en: format!(
            "Columns {names_en} all go to \"{}\": keep only one.",
            field.label_en()
        ),
    }
}

fn missing_name() -> MappingIssue {
    MappingIssue {
        kind: MappingIssueKind::MissingName,
        field: Some(ImportField::Name),
        columns: Vec::new(),
        message: "Aucune colonne ne donne le nom de l'organisation : indiquez laquelle dans la correspondance des colonnes.".to_owned(),
        message_en: "No column gives the organisation's name: pick one in the column mapping.".to_owned(),
    }
}

/// Everything wrong with a mapping of the file's columns, in the order
/// they are reported: the column count, then each field taken by several
/// columns (in the order of the fields), then a missing name. Empty: the
/// mapping can be imported.
#[must_use]
pub fn mapping_issues(headers: &[String], mapping: &[Option<ImportField>]) -> Vec<MappingIssue> {
    if mapping.len() != headers.len() {
        return vec![column_count(headers, mapping)];
    }
    let mut issues: Vec<MappingIssue> = ImportField::ALL
        .into_iter()
        .filter(|f| !f.accumulates())
        .filter_map(|field| {
            let columns: Vec<u32> = (0u32..)
                .zip(mapping)
                .filter(|(_, m)| **m == Some(field))
                .map(|(i, _)| i)
                .collect();
            (columns.len() > 1).then(|| repeated(field, headers, columns))
        })
        .collect();
    if !mapping.contains(&Some(ImportField::Name)) {
        issues.push(missing_name());
    }
    issues
}

/// Checks a mapping against the file's columns: one column per field that
/// takes one, and a column for the organisation's name.
///
/// # Errors
/// A `FieldError` (field `mapping`) naming the first problem.
pub fn check_mapping(
    headers: &[String],
    mapping: &[Option<ImportField>],
) -> Result<(), FieldError> {
    match mapping_issues(headers, mapping).into_iter().next() {
        Some(issue) => Err(issue.into()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ImportField::{Commune, Name, Needs, Notes, Offers, Siren, Tags};

    fn issues(
        mapping: &[Option<ImportField>],
    ) -> Vec<(MappingIssueKind, Option<ImportField>, Vec<u32>)> {
        let headers: Vec<String> = (0..mapping.len()).map(|i| format!("Colonne {i}")).collect();
        mapping_issues(&headers, mapping)
            .into_iter()
            .map(|i| (i.kind, i.field, i.columns))
            .collect()
    }

    #[test]
    fn a_mapping_needs_exactly_one_name_column() {
        use MappingIssueKind::{MissingName, RepeatedField};
        assert_eq!(
            issues(&[None, Some(Siren)]),
            [(MissingName, Some(Name), vec![])]
        );
        assert_eq!(issues(&[Some(Name), Some(Siren)]), []);
        assert_eq!(
            issues(&[Some(Name), Some(Name)]),
            [(RepeatedField, Some(Name), vec![0, 1])]
        );
        assert_eq!(issues(&[]), [(MissingName, Some(Name), vec![])]);
    }

    #[test]
    fn needs_offers_tags_and_notes_take_several_columns_nothing_else() {
        use MappingIssueKind::RepeatedField;
        let several = [Name, Needs, Needs, Tags, Tags, Notes, Notes, Offers, Offers];
        assert_eq!(issues(&several.map(Some)), []);
        let twice = [Name, Siren, Commune, Siren, Commune, Siren];
        assert_eq!(
            issues(&twice.map(Some)),
            [
                (RepeatedField, Some(Siren), vec![1, 3, 5]),
                (RepeatedField, Some(Commune), vec![2, 4]),
            ]
        );
        // Every issue at once, the missing name last.
        let both = issues(&[Some(Siren), None, Some(Siren)]);
        assert_eq!(both.len(), 2);
        assert_eq!(both[0].2, [0, 2]);
        assert_eq!(both[1].0, MappingIssueKind::MissingName);
    }

    #[test]
    fn an_issue_names_the_columns_and_the_field_in_both_languages() {
        let headers = vec!["SIREN".to_owned(), "N° SIREN".to_owned(), "Nom".to_owned()];
        let issue = &mapping_issues(&headers, &[Some(Siren), Some(Siren), Some(Name)])[0];
        assert_eq!(
            issue.message,
            "Les colonnes « SIREN » et « N° SIREN » vont toutes dans « SIREN » : gardez-en une seule."
        );
        assert_eq!(
            issue.message_en,
            "Columns \"SIREN\" and \"N° SIREN\" all go to \"SIREN\": keep only one."
        );
        let short = mapping_issues(&headers, &[Some(Name)]);
        assert_eq!(short[0].kind, MappingIssueKind::ColumnCount);
        assert!(short[0]
            .message
            .contains("décrit 1 colonnes mais le fichier en a 3"));
    }

    #[test]
    fn the_catalogue_lists_every_field_in_order_with_the_repeatable_ones() {
        let catalogue = field_catalogue();
        let fields: Vec<ImportField> = catalogue.iter().map(|f| f.field).collect();
        assert_eq!(fields, ImportField::ALL);
        let repeatable: Vec<ImportField> = catalogue
            .iter()
            .filter(|f| f.repeatable)
            .map(|f| f.field)
            .collect();
        assert_eq!(repeatable, [Needs, Offers, Tags, Notes]);
        assert_eq!(catalogue[0].label, "Nom de l'organisation");
        assert_eq!(catalogue[0].label_en, "Organisation name");
    }
}
