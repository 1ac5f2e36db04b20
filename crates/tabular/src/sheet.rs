//! XLSX and ODS reading through `calamine`: the first worksheet, its first
//! non-empty row as headers, every cell turned into the text a French user
//! expects (whole numbers without `.0`, dates as `dd/mm/yyyy`).

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, Xlsx};

use crate::{build_headers, Format, TabularError};

/// Tells XLSX from ODS by the entries of the ZIP archive.
pub(crate) fn zip_kind(path: &Path, mut file: File) -> Result<Format, TabularError> {
    file.seek(SeekFrom::Start(0))
        .map_err(|e| TabularError::io(path, &e))?;
    let mut archive =
        zip::ZipArchive::new(BufReader::new(file)).map_err(|_| TabularError::Binary)?;
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return Ok(Format::Xlsx);
    }
    if let Ok(mut mimetype) = archive.by_name("mimetype") {
        let mut text = String::new();
        // A mimetype entry is a few dozen bytes.
        let _ = mimetype.by_ref().take(256).read_to_string(&mut text);
        if text.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
            return Ok(Format::Ods);
        }
        // Another OpenDocument (text, presentation…): not a table.
        return Err(TabularError::Binary);
    }
    if archive.index_for_name("content.xml").is_some() {
        return Ok(Format::Ods);
    }
    Err(TabularError::Binary)
}

/// The first worksheet of a workbook, positioned after its header row.
pub(crate) struct SheetSource {
    range: Range<Data>,
    /// Index in `range` of the next row to read.
    next: usize,
    /// The worksheet row number (1-based) of `range`'s first row.
    first_row_number: u64,
    total_bytes: u64,
}

impl SheetSource {
    pub(crate) fn open(
        path: &Path,
        format: Format,
        total_bytes: u64,
    ) -> Result<(Vec<String>, Self), TabularError> {
        let file = File::open(path).map_err(|e| TabularError::io(path, &e))?;
        let reader = BufReader::new(file);
        let workbook_error = |message: String| TabularError::Workbook { format, message };
        let (name, range) = match format {
            Format::Xlsx => {
                let mut book = Xlsx::new(reader).map_err(|e| workbook_error(e.to_string()))?;
                let name = first_worksheet(&book)?;
                let range = book
                    .worksheet_range(&name)
                    .map_err(|e| workbook_error(e.to_string()))?;
                (name, range)
            }
            Format::Ods | Format::Csv => {
                let mut book = Ods::new(reader).map_err(|e| workbook_error(e.to_string()))?;
                let name = first_worksheet(&book)?;
                let range = book
                    .worksheet_range(&name)
                    .map_err(|e| workbook_error(e.to_string()))?;
                (name, range)
            }
        };
        let first_row_number = range.start().map_or(1, |(row, _)| u64::from(row) + 1);
        let mut source = Self {
            range,
            next: 0,
            first_row_number,
            total_bytes,
        };
        let Some((_, header)) = source.next_row() else {
            return Err(TabularError::EmptySheet { sheet: Some(name) });
        };
        let headers = build_headers(header, format)?;
        // Peek: a header row alone is refused now, not after an empty import.
        let rest = source.next;
        if source.next_row().is_none() {
            return Err(TabularError::HeadersOnly);
        }
        source.next = rest;
        Ok((headers, source))
    }

    /// The next non-blank row with its worksheet row number.
    pub(crate) fn next_row(&mut self) -> Option<(u64, Vec<String>)> {
        loop {
            let index = self.next;
            let (height, width) = self.range.get_size();
            if index >= height {
                return None;
            }
            self.next += 1;
            let cells: Vec<String> = (0..width)
                .map(|col| {
                    self.range
                        .get((index, col))
                        .map_or_else(String::new, cell_text)
                })
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                return Some((self.first_row_number + index as u64, cells));
            }
        }
    }

    /// Progress, in bytes of the file, proportional to the rows read.
    pub(crate) fn bytes_read(&self) -> u64 {
        let height = self.range.height();
        if height == 0 {
            return self.total_bytes;
        }
        let done = self.next.min(height) as u128;
        // done ≤ height: the result fits in u64.
        u64::try_from(u128::from(self.total_bytes) * done / height as u128)
            .unwrap_or(self.total_bytes)
    }
}

/// The name of the first visible worksheet (not a chart), else of the
/// first worksheet.
fn first_worksheet<R: Reader<BufReader<File>>>(book: &R) -> Result<String, TabularError> {
    let sheets = book.sheets_metadata();
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
        .ok_or(TabularError::EmptySheet { sheet: None })
}

/// A cell as the text the import reads.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => (if *b { "true" } else { "false" }).to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            let serial = dt.as_f64();
            if serial < 1.0 {
                // A time of day alone.
                time_text(hh, mm, ss)
            } else if hh == 0 && mm == 0 && ss == 0 {
                format!("{d:02}/{m:02}/{y:04}")
            } else {
                format!("{d:02}/{m:02}/{y:04} {}", time_text(hh, mm, ss))
            }
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(iso) => iso_date_text(iso),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

fn time_text(hh: u8, mm: u8, ss: u8) -> String {
    if ss == 0 {
        format!("{hh:02}:{mm:02}")
    } else {
        format!("{hh:02}:{mm:02}:{ss:02}")
    }
}

/// A whole number without `.0` (a SIREN typed as a number stays
/// `552100554`), other numbers at Excel's 15 significant digits (`0.3`,
/// not `0.30000000000000004`), with a `.` decimal point.
pub(crate) fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        // Whole and below 2^53: the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        return (f as i64).to_string();
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    rounded.to_string()
}

/// An OpenDocument `date-value` (`2024-03-15` or `2024-03-15T10:30:00`) as
/// `15/03/2024` (`15/03/2024 10:30` with a time); anything else as is.
fn iso_date_text(iso: &str) -> String {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let mut parts = date.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return iso.to_owned();
    }
    let time = time.get(..5).unwrap_or(time);
    if time.is_empty() || time == "00:00" {
        format!("{d}/{m}/{y}")
    } else {
        format!("{d}/{m}/{y} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number_text(552_100_554.0), "552100554");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(1e20), "100000000000000000000");
    }

    #[test]
    fn iso_dates_read_the_french_way() {
        assert_eq!(iso_date_text("2024-03-15"), "15/03/2024");
        assert_eq!(iso_date_text("2024-03-15T00:00:00"), "15/03/2024");
        assert_eq!(iso_date_text("2024-03-15T10:30:00"), "15/03/2024 10:30");
        assert_eq!(iso_date_text("PT10H"), "PT10H");
    }
}
