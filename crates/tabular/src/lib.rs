//! Tabular files: the tables people bring into Tisserand and take away.
//!
//! Reading ([`Table`]) accepts what facilitators actually have on their disk:
//!
//! - **CSV** in any usual encoding (UTF-8 with or without BOM, Windows-1252
//!   as French Excel writes it, UTF-16 with BOM as Excel's « Texte Unicode »
//!   export) and with any usual delimiter (`;`, `,`, tab, `|`), both
//!   detected from the file's first 64 KiB. The file is decoded and parsed as
//!   a stream, so a 1 GB file is read in bounded memory.
//! - **XLSX** and **ODS** workbooks (first worksheet), through `calamine`.
//!
//! The format is found from the content, never from the file name. The
//! header row is read and checked when the table is opened (empty file,
//! binary file, header row alone, single column, duplicate column names), so
//! the caller can refuse a file before importing anything; rows then come one
//! at a time through [`Rows`], each with the row number a spreadsheet shows
//! (header = 1), so errors can point at the right line.
//!
//! Writing gives what French Excel opens by double-click: [`write_csv`]
//! (UTF-8 with BOM, `;`, CRLF) and [`write_xlsx`] (bold frozen header row
//! with filters).
//!
//! Every error is a [`TabularError`] with an English `Display` and a French
//! [`TabularError::message_fr`]. This crate has no database and depends on no
//! other Tisserand crate.

mod csv_read;
mod error;
mod sheet;
mod write;

use std::fs::File;
use std::io::Read;
use std::path::Path;

pub use error::TabularError;
pub use write::{write_csv, write_xlsx, Cell, XLSX_MAX_ROWS};

/// A row longer than this (in bytes of UTF-8 text) stops the reading: the file
/// is not a table, or a quote was left open.
pub const MAX_ROW_BYTES: usize = 16 * 1024 * 1024;

/// The kind of file, found from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Xlsx,
    Ods,
}

impl Format {
    /// How users call it, in either language.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Xlsx => "Excel (.xlsx)",
            Self::Ods => "OpenDocument (.ods)",
        }
    }
}

/// The text encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8 without byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's « CSV UTF-8 »).
    Utf8Bom,
    /// Windows-1252: French Excel's plain « CSV (séparateur : point-virgule) ».
    Windows1252,
    /// UTF-16 little endian with BOM: Excel's « Texte Unicode ».
    Utf16Le,
    /// UTF-16 big endian with BOM.
    Utf16Be,
}

impl TextEncoding {
    /// French label, for the import summary.
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Windows1252 => "Windows-1252 (Excel)",
            Self::Utf16Le => "UTF-16 LE (Texte Unicode d'Excel)",
            Self::Utf16Be => "UTF-16 BE",
        }
    }

    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Utf16Le => "UTF-16 LE (Excel Unicode Text)",
            other => other.label_fr(),
        }
    }

    fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            Self::Utf8 | Self::Utf8Bom => encoding_rs::UTF_8,
            Self::Windows1252 => encoding_rs::WINDOWS_1252,
            Self::Utf16Le => encoding_rs::UTF_16LE,
            Self::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row number a spreadsheet shows: the header row is 1 (when it is
    /// the first line), the first data row 2. A CSV record whose quoted field
    /// spans several lines counts as one row; blank rows are skipped but
    /// still counted. For workbooks, the worksheet's own row number.
    pub number: u64,
    /// One trimmed cell per header, padded with `""` when the row is short.
    pub cells: Vec<String>,
    /// How many non-empty cells lie beyond the last header: data the import
    /// will not take, worth reporting for this row. `0` for a well-formed row.
    pub extra_cells: usize,
}

impl Row {
    /// The cell under header `index`, `""` when out of range.
    #[must_use]
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }
}

/// An opened table whose header row has been read and checked.
pub struct Table {
    format: Format,
    encoding: Option<TextEncoding>,
    delimiter: Option<char>,
    headers: Vec<String>,
    total_bytes: u64,
    source: Source,
}

enum Source {
    Csv(Box<csv_read::CsvSource>),
    Sheet(sheet::SheetSource),
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("format", &self.format)
            .field("encoding", &self.encoding)
            .field("delimiter", &self.delimiter)
            .field("headers", &self.headers)
            .field("total_bytes", &self.total_bytes)
            .finish_non_exhaustive()
    }
}

impl Table {
    /// Opens a table, finding its format from its content (a ZIP holding
    /// `xl/workbook.xml` is XLSX, one holding an OpenDocument spreadsheet is
    /// ODS, anything else is read as CSV), then reads and checks its header
    /// row and makes sure at least one data row follows.
    ///
    /// # Errors
    /// [`TabularError::Io`] when the file cannot be read;
    /// [`TabularError::Empty`], [`TabularError::Binary`],
    /// [`TabularError::LegacyExcel`], [`TabularError::Workbook`],
    /// [`TabularError::EmptySheet`] when it holds no table;
    /// [`TabularError::OneColumn`], [`TabularError::DuplicateHeader`],
    /// [`TabularError::HeadersOnly`] when its header row is unusable;
    /// [`TabularError::UnbalancedQuote`] or [`TabularError::RowTooLong`]
    /// when the header row or the first data row is malformed.
    pub fn open(path: &Path) -> Result<Table, TabularError> {
        let mut file = File::open(path).map_err(|e| TabularError::io(path, &e))?;
        let total_bytes = file
            .metadata()
            .map_err(|e| TabularError::io(path, &e))?
            .len();
        if total_bytes == 0 {
            return Err(TabularError::Empty);
        }
        let mut magic = [0u8; 8];
        let got = read_up_to(&mut file, &mut magic).map_err(|e| TabularError::io(path, &e))?;
        let magic = &magic[..got];
        if magic.starts_with(b"PK\x03\x04") {
            let format = sheet::zip_kind(path, file)?;
            let (headers, source) = sheet::SheetSource::open(path, format, total_bytes)?;
            return Ok(Table {
                format,
                encoding: None,
                delimiter: None,
                headers,
                total_bytes,
                source: Source::Sheet(source),
            });
        }
        if magic == b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
            return Err(TabularError::LegacyExcel);
        }
        let (csv, headers) = csv_read::CsvSource::open(path, file, total_bytes)?;
        Ok(Table {
            format: Format::Csv,
            encoding: Some(csv.encoding()),
            delimiter: Some(char::from(csv.delimiter())),
            headers,
            total_bytes,
            source: Source::Csv(Box::new(csv)),
        })
    }

    /// The checked, trimmed column names. An empty header cell followed by
    /// named columns is called « Colonne C » (its letter); empty trailing
    /// header cells are dropped.
    #[must_use]
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// The detected encoding (CSV only).
    #[must_use]
    pub fn encoding(&self) -> Option<TextEncoding> {
        self.encoding
    }

    /// The detected delimiter (CSV only).
    #[must_use]
    pub fn delimiter(&self) -> Option<char> {
        self.delimiter
    }

    /// The file size in bytes, for a progress bar (see [`Rows::bytes_read`]).
    #[must_use]
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// The data rows, one at a time. Fully blank rows are skipped.
    #[must_use]
    pub fn rows(self) -> Rows {
        Rows {
            width: self.headers.len(),
            total_bytes: self.total_bytes,
            source: self.source,
            done: false,
        }
    }
}

/// The data rows of a [`Table`], as a streaming iterator. After an error,
/// the iterator ends.
pub struct Rows {
    width: usize,
    total_bytes: u64,
    source: Source,
    done: bool,
}

impl Rows {
    /// How far the reading is, in bytes of the file, for a progress bar
    /// against [`Rows::total_bytes`]: exact-ish for CSV (bytes read from the
    /// file, a buffer ahead), proportional to rows for workbooks.
    #[must_use]
    pub fn bytes_read(&self) -> u64 {
        if self.done {
            return self.total_bytes;
        }
        match &self.source {
            Source::Csv(csv) => csv.bytes_read().min(self.total_bytes),
            Source::Sheet(sheet) => sheet.bytes_read(),
        }
    }

    #[must_use]
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }
}

impl Iterator for Rows {
    type Item = Result<Row, TabularError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = match &mut self.source {
            Source::Csv(csv) => csv.next_row(),
            Source::Sheet(sheet) => Ok(sheet.next_row()),
        };
        match next {
            Ok(Some((number, cells))) => Some(Ok(make_row(number, cells, self.width))),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl std::fmt::Debug for Rows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("width", &self.width)
            .field("bytes_read", &self.bytes_read())
            .field("total_bytes", &self.total_bytes)
            .finish_non_exhaustive()
    }
}

/// The spreadsheet letter of a 0-based column index: A, B, … Z, AA, AB…
#[must_use]
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // `rem` < 26, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads until `buf` is full or the end of the input.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// True when every cell is blank.
fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// Trims the cells, counts the non-empty ones past the headers, and fits the
/// row to the header count.
fn make_row(number: u64, mut cells: Vec<String>, width: usize) -> Row {
    for cell in &mut cells {
        trim_in_place(cell);
    }
    let extra_cells = cells
        .get(width..)
        .map_or(0, |extra| extra.iter().filter(|c| !c.is_empty()).count());
    cells.resize(width, String::new());
    Row {
        number,
        cells,
        extra_cells,
    }
}

fn trim_in_place(cell: &mut String) {
    let trimmed = cell.trim();
    if trimmed.len() != cell.len() {
        *cell = trimmed.to_owned();
    }
}

/// Checks and names the header row: trims, drops empty trailing cells, names
/// empty inner cells after their column letter, refuses a single column or
/// two columns with the same name (ignoring case, accents and blanks).
fn build_headers(raw: Vec<String>, format: Format) -> Result<Vec<String>, TabularError> {
    let mut headers: Vec<String> = raw.into_iter().map(|h| h.trim().to_owned()).collect();
    while headers.last().is_some_and(String::is_empty) {
        headers.pop();
    }
    for (index, header) in headers.iter_mut().enumerate() {
        if header.is_empty() {
            *header = format!("Colonne {}", column_letter(index));
        }
    }
    if headers.len() <= 1 {
        return Err(TabularError::OneColumn { format });
    }
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    for (second, key) in keys.iter().enumerate() {
        if let Some(first) = keys[..second].iter().position(|k| k == key) {
            return Err(TabularError::DuplicateHeader {
                name: headers[first].clone(),
                first,
                second,
            });
        }
    }
    Ok(headers)
}

/// The comparison key of a header: lower case, no accents, blanks collapsed.
fn header_key(header: &str) -> String {
    let mut key = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => key.push('a'),
            'ç' => key.push('c'),
            'è' | 'é' | 'ê' | 'ë' => key.push('e'),
            'ì' | 'í' | 'î' | 'ï' => key.push('i'),
            'ñ' => key.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => key.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => key.push('u'),
            'ý' | 'ÿ' => key.push('y'),
            'œ' => key.push_str("oe"),
            'æ' => key.push_str("ae"),
            c if c.is_whitespace() => {
                if !key.ends_with(' ') {
                    key.push(' ');
                }
            }
            c => key.push(c),
        }
    }
    key.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_rows_move_to_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Table>();
        assert_send::<Rows>();
        assert_send::<TabularError>();
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn headers_are_trimmed_named_and_checked() {
        let h = build_headers(strings(&[" Nom ", "", "Ville", "", ""]), Format::Csv).unwrap();
        assert_eq!(h, strings(&["Nom", "Colonne B", "Ville"]));

        let e = build_headers(strings(&["Nom", "", ""]), Format::Csv).unwrap_err();
        assert_eq!(
            e,
            TabularError::OneColumn {
                format: Format::Csv
            }
        );

        let e = build_headers(
            strings(&["Raison sociale", "Téléphone", "Ville", "x", " TELEPHONE "]),
            Format::Csv,
        )
        .unwrap_err();
        assert_eq!(
            e.message_fr(),
            "La colonne « Téléphone » apparaît deux fois (colonnes B et E) : renommez l'une d'elles."
        );
        assert_eq!(
            e.to_string(),
            "Column \"Téléphone\" appears twice (columns B and E): rename one of them."
        );
    }

    #[test]
    fn rows_are_fitted_to_headers() {
        let row = make_row(7, strings(&[" a ", "b\nc"]), 3);
        assert_eq!(row.cells, strings(&["a", "b\nc", ""]));
        assert_eq!(row.extra_cells, 0);
        let row = make_row(7, strings(&["a", "b", "c", "", " d ", " "]), 3);
        assert_eq!(row.cells, strings(&["a", "b", "c"]));
        assert_eq!(row.extra_cells, 1);
        assert_eq!(row.cell(5), "");
    }
}
