//! Documents of a partnership: the brief and the agreement as PDF bytes
//! (rendered by `tisserand-documents` from what the store holds), the
//! agreement's own text, and exports of many briefs to a folder or one file
//! with progress.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tisserand_documents::{DocumentData, DocumentError, PartyData};
use tisserand_domain::agreement::AgreementText;
use tisserand_domain::{FieldError, Partnership, PartnershipQuery};

use crate::{App, AppError, AppResult, ErrorKind};

impl From<DocumentError> for AppError {
    fn from(e: DocumentError) -> Self {
        AppError::new(
            ErrorKind::Internal,
            format!("Le document n'a pas pu être mis en page : {e}."),
            format!("The document could not be laid out: {e}."),
        )
    }
}

/// Which document of a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DocumentKind {
    /// « Fiche partenariat ».
    Brief,
    /// « Convention de partenariat / de mécénat ».
    Agreement,
    /// « Questionnaire d'évaluation », for the review meeting.
    Questionnaire,
}

impl DocumentKind {
    /// The start of the file name: « fiche », « convention ».
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Brief => "fiche",
            Self::Agreement => "convention",
            Self::Questionnaire => "questionnaire",
        }
    }
}

/// One step of an export of briefs: `done` of `total` written (the shell
/// sends it as event `briefs-progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BriefsProgress {
    pub done: usize,
    pub total: usize,
}

/// Where an export of briefs went.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BriefsExport {
    /// The folder, or the combined file.
    pub path: String,
    pub count: u32,
}

/// Writes a document's bytes to `path`; see `write_atomically`.
///
/// # Errors
/// `Storage` when the file cannot be written.
pub fn write_document(path: &Path, bytes: &[u8]) -> AppResult<()> {
    write_atomically(path, bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// so a crash never leaves half a PDF under the final name.
fn write_atomically(path: &Path, bytes: &[u8]) -> AppResult<()> {
    let fail = |e: std::io::Error| {
        AppError::new(
            ErrorKind::Storage,
            format!("Impossible d'écrire {} : {e}.", path.display()),
            format!("Cannot write {}: {e}.", path.display()),
        )
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.part"));
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

impl App {
    /// Everything the documents of partnership `id` print.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn document_data(&self, id: &str, generated_on: NaiveDate) -> AppResult<DocumentData> {
        let partnership = self.store.partnership(id)?;
        self.data_of(partnership, generated_on)
    }

    fn data_of(
        &self,
        partnership: Partnership,
        generated_on: NaiveDate,
    ) -> AppResult<DocumentData> {
        let mut parties = Vec::new();
        for party in &partnership.parties {
            // Parties are live actors (a live party's actor cannot be
            // deleted); a missing one prints as blanks rather than failing.
            let Ok(actor) = self.store.actor(&party.actor_id) else {
                continue;
            };
            let contact = match &party.contact_id {
                Some(c) => self.store.contact(c).ok(),
                None => None,
            };
            parties.push(PartyData { actor, contact });
        }
        let mut territory = Vec::new();
        for code in &partnership.territory {
            territory.push(
                self.store
                    .commune(code)?
                    .map_or_else(|| code.clone(), |c| c.name),
            );
        }
        let agreement = self.store.partnership_agreement(&partnership.id)?;
        Ok(DocumentData {
            partnership,
            parties,
            territory,
            agreement,
            generated_on,
            letterhead: self.letterhead()?,
            agreement_defaults: self.store.settings()?.agreement,
            facilitator: self.store.settings()?.facilitator,
        })
    }

    /// The PDF of one document of partnership `id`.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn document_pdf(
        &self,
        id: &str,
        kind: DocumentKind,
        generated_on: NaiveDate,
    ) -> AppResult<Vec<u8>> {
        let data = self.document_data(id, generated_on)?;
        Ok(match kind {
            DocumentKind::Brief => tisserand_documents::render_brief(&data)?,
            DocumentKind::Agreement => tisserand_documents::render_agreement(&data)?,
            DocumentKind::Questionnaire => tisserand_documents::render_questionnaire(&data)?,
        })
    }

    /// The file name a document is offered under: « fiche-billets-de-cirque.pdf ».
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn document_file_name(&self, id: &str, kind: DocumentKind) -> AppResult<String> {
        let p = self.store.partnership(id)?;
        Ok(tisserand_documents::file_name(kind.prefix(), &p.title))
    }

    /// Writes one document to `path`.
    ///
    /// # Errors
    /// `NotFound`; `Storage` when the file cannot be written.
    pub fn save_document(
        &self,
        id: &str,
        kind: DocumentKind,
        generated_on: NaiveDate,
        path: &Path,
    ) -> AppResult<()> {
        let bytes = self.document_pdf(id, kind, generated_on)?;
        write_atomically(path, &bytes)
    }

    /// The agreement text (preamble and free clauses) of partnership `id`.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_partnership_agreement(&self, id: &str) -> AppResult<AgreementText> {
        Ok(self.store.partnership_agreement(id)?)
    }

    /// The errors the agreement text would get if saved now (none: an
    /// empty list), checked as the person types.
    #[must_use]
    pub fn validate_agreement_text(&self, text: &AgreementText) -> Vec<FieldError> {
        crate::validation_result(text.validate())
    }

    /// Saves the agreement text edited on `version`.
    ///
    /// # Errors
    /// `Invalid` (a clause without title, a preamble too long…);
    /// `Conflict` when the partnership changed since `version`; `NotFound`.
    pub fn set_partnership_agreement(
        &mut self,
        id: &str,
        version: u32,
        text: &AgreementText,
    ) -> AppResult<Partnership> {
        let valid = text.validate()?;
        self.store
            .set_partnership_agreement(id, version, &valid)
            .map_err(crate::partnership::partnership_error)
    }

    /// The ids and titles of the partnerships matching `query`, in board
    /// order: what an export of briefs goes through.
    ///
    /// # Errors
    /// A storage error.
    pub fn briefs_to_export(&self, query: &PartnershipQuery) -> AppResult<Vec<(String, String)>> {
        Ok(self
            .store
            .list_partnerships(query)?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect())
    }

    /// Writes the brief of every partnership matching `query` into folder
    /// `dir`; see [`write_briefs`].
    ///
    /// # Errors
    /// `Storage` when the folder cannot be written; a storage error.
    pub fn export_briefs(
        &self,
        query: &PartnershipQuery,
        generated_on: NaiveDate,
        dir: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> AppResult<Vec<PathBuf>> {
        let items = self.briefs_to_export(query)?;
        let written = write_briefs(
            &items,
            &mut |id| self.document_data(id, generated_on),
            dir,
            &mut |done, total| {
                progress(done, total);
                true
            },
        )?;
        Ok(written.unwrap_or_default())
    }

    /// Writes the briefs of every partnership matching `query` as one PDF at
    /// `path`; see [`write_combined_briefs`].
    ///
    /// # Errors
    /// `Storage` when the file cannot be written; a storage error.
    pub fn export_briefs_combined(
        &self,
        query: &PartnershipQuery,
        generated_on: NaiveDate,
        path: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> AppResult<usize> {
        let items = self.briefs_to_export(query)?;
        let n = write_combined_briefs(
            &items,
            &mut |id| self.document_data(id, generated_on),
            generated_on,
            path,
            &mut |done, total| {
                progress(done, total);
                true
            },
        )?;
        Ok(n.unwrap_or_default())
    }
}

/// Writes one brief per item (id, title) into folder `dir`, with file
/// names made unique, calling `progress(done, total)` after each; returns
/// the files written. `load` gives each item's data (the desktop takes the
/// database lock for that only, not while laying out). When `progress`
/// answers `false` (the person cancelled), the files of this export are
/// removed and `None` is returned.
///
/// # Errors
/// `Storage` when the folder or a file cannot be written; what `load` returns.
pub fn write_briefs(
    items: &[(String, String)],
    load: &mut dyn FnMut(&str) -> AppResult<DocumentData>,
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> AppResult<Option<Vec<PathBuf>>> {
    std::fs::create_dir_all(dir).map_err(|e| {
        AppError::new(
            ErrorKind::Storage,
            format!("Impossible de créer le dossier {} : {e}.", dir.display()),
            format!("Cannot create folder {}: {e}.", dir.display()),
        )
    })?;
    let total = items.len();
    let mut written = Vec::with_capacity(total);
    let mut used = std::collections::HashSet::new();
    for (i, (id, title)) in items.iter().enumerate() {
        let name = tisserand_documents::file_name("fiche", title);
        let stem = name.trim_end_matches(".pdf").to_owned();
        let mut candidate = name;
        let mut n = 2;
        while !used.insert(candidate.clone()) {
            candidate = format!("{stem}-{n}.pdf");
            n += 1;
        }
        let path = dir.join(&candidate);
        let bytes = tisserand_documents::render_brief(&load(id)?)?;
        write_atomically(&path, &bytes)?;
        written.push(path);
        if !progress(i + 1, total) {
            for file in &written {
                let _ = std::fs::remove_file(file);
            }
            return Ok(None);
        }
    }
    Ok(Some(written))
}

/// Writes the briefs of the items (id, title) as one PDF at `path`, calling
/// `progress(done, total)` as each is read; returns how many it holds, or
/// `None`, with nothing written, when `progress` answers `false`.
///
/// # Errors
/// `Storage` when the file cannot be written; what `load` returns.
pub fn write_combined_briefs(
    items: &[(String, String)],
    load: &mut dyn FnMut(&str) -> AppResult<DocumentData>,
    generated_on: NaiveDate,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> AppResult<Option<usize>> {
    let total = items.len();
    let mut data = Vec::with_capacity(total);
    for (i, (id, _)) in items.iter().enumerate() {
        data.push(load(id)?);
        if !progress(i + 1, total) {
            return Ok(None);
        }
    }
    let bytes = tisserand_documents::render_briefs(&data, generated_on)?;
    write_atomically(path, &bytes)?;
    Ok(Some(total))
}
