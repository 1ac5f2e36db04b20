//! What a native file dialog says, in the person's language: the window
//! sends it (its i18n holds the words), the shell shows it.

use serde::Deserialize;
use ts_rs::TS;

/// The words of one native file dialog.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DialogLabels {
    /// The dialog's title (« Choisir le fichier à importer »).
    pub title: String,
    /// The name of the files offered (« Tableaux (CSV, Excel, OpenDocument) »).
    pub files: String,
    /// The name of the filter that shows every file, where the dialog
    /// offers one (« Tous les fichiers »).
    #[serde(default)]
    pub all_files: Option<String>,
}
