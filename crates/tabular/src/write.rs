//! Writing tables the way French Excel opens them by double-click.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook, XlsxError};

use crate::TabularError;

/// The rows a worksheet holds, header included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;
/// The longest text a cell holds.
const XLSX_MAX_TEXT: usize = 32_767;
/// Column widths, in characters.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// One cell of an XLSX export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A date (year, month, day), shown as `dd/mm/yyyy`.
    Date(u16, u8, u8),
    Empty,
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        if s.is_empty() {
            Self::Empty
        } else {
            Self::Text(s)
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Self::from(s.to_owned())
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Self::Number(n)
    }
}

/// Writes a CSV file for French Excel: UTF-8 with a byte order mark (so
/// accents survive), `;` between fields, CRLF line ends, quotes only around
/// fields that need them (a `;`, a quote or a line break inside).
///
/// Values are written as given: a value starting with `=` stays one, and
/// Excel reads it as a formula.
///
/// # Errors
/// [`TabularError::Write`] when the output cannot be written.
pub fn write_csv<W: Write>(
    mut out: W,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<(), TabularError> {
    let write_error = |e: &dyn std::fmt::Display| TabularError::Write {
        message: e.to_string(),
    };
    out.write_all("\u{FEFF}".as_bytes())
        .map_err(|e| write_error(&e))?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(out);
    writer.write_record(headers).map_err(|e| write_error(&e))?;
    for row in rows {
        writer.write_record(&row).map_err(|e| write_error(&e))?;
    }
    writer.flush().map_err(|e| write_error(&e))?;
    Ok(())
}

/// Writes an XLSX workbook of one worksheet: bold header row, frozen, with
/// filters; columns as wide as their content (within reason); dates shown as
/// `dd/mm/yyyy`. Rows are streamed to a temporary file, so a large export
/// does not stay in memory. The file at `path` is overwritten.
///
/// # Errors
/// [`TabularError::TooManyRows`] past [`XLSX_MAX_ROWS`] rows;
/// [`TabularError::WriteXlsx`] when the workbook cannot be written.
pub fn write_xlsx(
    path: &Path,
    sheet_name: &str,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<Cell>>,
) -> Result<(), TabularError> {
    let mut workbook = Workbook::new();
    let sheet = workbook
        .add_worksheet_with_constant_memory()
        .map_err(xlsx_error)?
        .set_name(sheet_title(sheet_name))
        .map_err(xlsx_error)?;
    let bold = XlsxFormat::new().set_bold();
    let date = XlsxFormat::new().set_num_format("dd/mm/yyyy");

    // Widths in characters; the header gets room for the filter button.
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count() + 3).collect();
    for (col, header) in (0u16..).zip(headers) {
        sheet
            .write_string_with_format(0, col, *header, &bold)
            .map_err(xlsx_error)?;
    }
    let mut last_row = 0u32;
    for (row, cells) in (1u32..).zip(rows) {
        if row >= XLSX_MAX_ROWS {
            return Err(TabularError::TooManyRows {
                max: XLSX_MAX_ROWS - 1,
            });
        }
        last_row = row;
        for (col, cell) in (0u16..).zip(cells) {
            let width = match cell {
                Cell::Empty => 0,
                Cell::Text(text) => {
                    let text = clip(&text);
                    sheet.write_string(row, col, text).map_err(xlsx_error)?;
                    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col, n).map_err(xlsx_error)?;
                    crate::sheet::number_text(n).len()
                }
                Cell::Date(y, m, d) => {
                    let value = ExcelDateTime::from_ymd(y, m, d).map_err(xlsx_error)?;
                    sheet
                        .write_datetime_with_format(row, col, &value, &date)
                        .map_err(xlsx_error)?;
                    10
                }
            };
            let col = usize::from(col);
            if widths.len() <= col {
                widths.resize(col + 1, 0);
            }
            widths[col] = widths[col].max(width);
        }
    }
    for (col, width) in (0u16..).zip(&widths) {
        let width = (*width + 1).clamp(MIN_WIDTH, MAX_WIDTH);
        // Width ≤ 60: the cast is exact.
        #[allow(clippy::cast_precision_loss)]
        sheet
            .set_column_width(col, width as f64)
            .map_err(xlsx_error)?;
    }
    if !headers.is_empty() {
        let last_col = u16::try_from(headers.len() - 1).unwrap_or(u16::MAX);
        sheet
            .autofilter(0, 0, last_row, last_col)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    workbook.save(path).map_err(xlsx_error)?;
    Ok(())
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(xlsx_error)`
fn xlsx_error(e: XlsxError) -> TabularError {
    TabularError::WriteXlsx {
        message: e.to_string(),
    }
}

/// A text cut to what a cell holds, on a character boundary.
fn clip(text: &str) -> &str {
    if text.len() <= XLSX_MAX_TEXT {
        return text;
    }
    let mut end = XLSX_MAX_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A valid worksheet name: no `[]:*?/\`, no leading or trailing quote, at
/// most 31 characters, not empty.
fn sheet_title(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let title: String = cleaned.trim_matches('\'').trim().chars().take(31).collect();
    if title.is_empty() {
        "Feuille 1".to_owned()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_titles_are_valid() {
        assert_eq!(sheet_title("Acteurs"), "Acteurs");
        assert_eq!(sheet_title("a/b:c"), "a-b-c");
        assert_eq!(sheet_title("''"), "Feuille 1");
        assert_eq!(sheet_title(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn csv_is_what_french_excel_opens() {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["Nom", "Note"],
            vec![
                vec!["Épicerie; solidaire".to_owned(), "dit \"oui\"".to_owned()],
                vec!["ligne\nsuivante".to_owned(), String::new()],
            ]
            .into_iter(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{FEFF}Nom;Note\r\n\"Épicerie; solidaire\";\"dit \"\"oui\"\"\"\r\n\"ligne\nsuivante\";\r\n"
        );
    }
}
