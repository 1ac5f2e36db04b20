//! CSV reading: encoding and delimiter detection on the first 64 KiB, then a
//! streaming decode and parse of the whole file.
//!
//! The parser is our own small state machine rather than the `csv` crate's
//! reader, for three things the import needs and `csv` does not give: the
//! row number a spreadsheet shows (blank lines counted, a multi-line quoted
//! field counted once), the detection of a quote that is never closed (which
//! `csv` silently turns into one huge last field), and a bound on the size of
//! a row. It follows the same rules as Excel: a field is quoted only when its
//! first character is `"`, `""` inside quotes is one quote, a quote inside an
//! unquoted field is kept as is, and `\n`, `\r\n` and `\r` all end a record.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use crate::{build_headers, is_blank, read_up_to, Format, TabularError, TextEncoding};

/// How much of the file is looked at to detect encoding and delimiter.
pub(crate) const SAMPLE_BYTES: usize = 64 * 1024;
/// How much of the file is looked at to tell text from binary.
const BINARY_PROBE: usize = 8 * 1024;
/// How many records of the sample are compared to choose the delimiter.
const SAMPLE_RECORDS: usize = 50;
/// Candidate delimiters, by preference on ties (French Excel first).
const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

type Decoded = BufReader<DecodeReaderBytes<CountingReader<File>, Vec<u8>>>;

/// An opened CSV file positioned after its header row.
pub(crate) struct CsvSource {
    path: PathBuf,
    encoding: TextEncoding,
    reader: Decoded,
    parser: Parser,
    consumed: Arc<AtomicU64>,
    /// The first data row, read at open to refuse a header-only file.
    pending: Option<(u64, Vec<String>)>,
}

impl CsvSource {
    /// Detects encoding and delimiter, reads the header row and the first
    /// data row.
    pub(crate) fn open(
        path: &Path,
        mut file: File,
        total_bytes: u64,
    ) -> Result<(Self, Vec<String>), TabularError> {
        file.seek(SeekFrom::Start(0))
            .map_err(|e| TabularError::io(path, &e))?;
        let mut sample = vec![0u8; SAMPLE_BYTES];
        let got = read_up_to(&mut file, &mut sample).map_err(|e| TabularError::io(path, &e))?;
        sample.truncate(got);
        let truncated = (got as u64) < total_bytes;

        let encoding = detect_encoding(&sample, truncated);
        let text = decode_sample(&sample, encoding);
        if !truncated && text.trim().is_empty() {
            return Err(TabularError::Empty);
        }
        if looks_binary(&sample, &text, encoding) {
            return Err(TabularError::Binary);
        }
        let hint = sep_hint(&text);
        let delimiter = hint.unwrap_or_else(|| detect_delimiter(&text, truncated));

        file.seek(SeekFrom::Start(0))
            .map_err(|e| TabularError::io(path, &e))?;
        let consumed = Arc::new(AtomicU64::new(0));
        let counting = CountingReader {
            inner: file,
            count: Arc::clone(&consumed),
        };
        let decoder = DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding.encoding()))
            .strip_bom(true)
            .build(counting);
        let mut source = Self {
            path: path.to_path_buf(),
            encoding,
            reader: BufReader::with_capacity(64 * 1024, decoder),
            parser: Parser::new(delimiter),
            consumed,
            pending: None,
        };
        if hint.is_some() {
            // Excel's `sep=;` line is not shown as a row.
            source.next_row()?;
            source.parser.next_row = 1;
        }
        let Some((_, header)) = source.next_row()? else {
            return Err(TabularError::Empty);
        };
        let headers = build_headers(header, Format::Csv)?;
        match source.next_row()? {
            Some(first) => source.pending = Some(first),
            None => return Err(TabularError::HeadersOnly),
        }
        Ok((source, headers))
    }

    pub(crate) fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    pub(crate) fn delimiter(&self) -> u8 {
        self.parser.delimiter
    }

    pub(crate) fn bytes_read(&self) -> u64 {
        self.consumed.load(Ordering::Relaxed)
    }

    /// The next non-blank record with its row number, `None` at the end.
    pub(crate) fn next_row(&mut self) -> Result<Option<(u64, Vec<String>)>, TabularError> {
        if let Some(pending) = self.pending.take() {
            return Ok(Some(pending));
        }
        loop {
            let record = self
                .parser
                .next_record(&mut self.reader)
                .map_err(|e| match e {
                    ParseError::Io(e) => TabularError::io(&self.path, &e),
                    ParseError::Format(e) => e,
                })?;
            match record {
                None => return Ok(None),
                Some((_, cells)) if is_blank(&cells) => {}
                Some(record) => return Ok(Some(record)),
            }
        }
    }
}

/// Counts the bytes read from the file, for progress.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// BOM first; then UTF-8 if the sample is valid UTF-8 (a character cut by
/// the end of a truncated sample is fine); else Windows-1252.
pub(crate) fn detect_encoding(sample: &[u8], truncated: bool) -> TextEncoding {
    if sample.starts_with(b"\xEF\xBB\xBF") {
        return TextEncoding::Utf8Bom;
    }
    if sample.starts_with(b"\xFF\xFE") {
        return TextEncoding::Utf16Le;
    }
    if sample.starts_with(b"\xFE\xFF") {
        return TextEncoding::Utf16Be;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => TextEncoding::Utf8,
        // `error_len() == None`: the input ends inside a character, which is
        // the sample's cut when the file goes on.
        Err(e) if truncated && e.error_len().is_none() && sample.len() - e.valid_up_to() < 4 => {
            TextEncoding::Utf8
        }
        Err(_) => TextEncoding::Windows1252,
    }
}

/// The sample as text, BOM removed.
fn decode_sample(sample: &[u8], encoding: TextEncoding) -> String {
    let (text, _) = encoding.encoding().decode_with_bom_removal(sample);
    text.into_owned()
}

/// NUL bytes, or more than 1 control character in 20, in the first 8 KiB.
/// UTF-16 is judged on its decoded text (its raw bytes are full of NULs).
fn looks_binary(sample: &[u8], text: &str, encoding: TextEncoding) -> bool {
    fn is_control(c: u32) -> bool {
        c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D | 0x1A)
    }
    let (nul, control, len) = match encoding {
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let probe = text.chars().take(BINARY_PROBE / 2);
            let (mut nul, mut control, mut len) = (0usize, 0usize, 0usize);
            for c in probe {
                len += 1;
                nul += usize::from(c == '\0');
                control += usize::from(is_control(u32::from(c)));
            }
            (nul, control, len)
        }
        _ => {
            let probe = &sample[..sample.len().min(BINARY_PROBE)];
            let nul = probe.iter().filter(|&&b| b == 0).count();
            let control = probe.iter().filter(|&&b| is_control(u32::from(b))).count();
            (nul, control, probe.len())
        }
    };
    nul > 0 || control * 20 > len
}

/// The delimiter named by an Excel `sep=;` first line.
fn sep_hint(text: &str) -> Option<u8> {
    let rest = text.strip_prefix("sep=")?;
    let mut chars = rest.chars();
    let delimiter = u8::try_from(chars.next()?).ok()?;
    let line_end = matches!(chars.next(), Some('\r' | '\n') | None);
    (line_end && DELIMITERS.contains(&delimiter)).then_some(delimiter)
}

/// Parses the sample with each candidate delimiter and keeps the one whose
/// header has more than one field and whose records most often have the
/// header's field count; ties go to the earlier candidate (`;` first).
pub(crate) fn detect_delimiter(text: &str, truncated: bool) -> u8 {
    let mut best = (DELIMITERS[0], -1.0_f64);
    for delimiter in DELIMITERS {
        let counts = sample_field_counts(text, delimiter, truncated);
        let Some((&header, records)) = counts.split_first() else {
            continue;
        };
        if header <= 1 {
            continue;
        }
        let score = if records.is_empty() {
            1.0
        } else {
            // Sample counts are small: the casts are exact.
            #[allow(clippy::cast_precision_loss)]
            let ratio =
                records.iter().filter(|&&c| c == header).count() as f64 / records.len() as f64;
            ratio
        };
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// The field count of each non-blank record of the sample (the last one
/// dropped when the sample is cut, as it may be incomplete).
fn sample_field_counts(text: &str, delimiter: u8, truncated: bool) -> Vec<usize> {
    let mut parser = Parser::new(delimiter);
    let mut input = text.as_bytes();
    let mut counts = Vec::new();
    while counts.len() <= SAMPLE_RECORDS {
        match parser.next_record(&mut input) {
            Ok(Some((_, cells))) => {
                if !is_blank(&cells) {
                    counts.push(cells.len());
                }
            }
            Ok(None) => break,
            Err(_) => {
                // An open quote at the end of the sample: the record is cut.
                return counts;
            }
        }
    }
    if truncated && input.is_empty() {
        counts.pop();
    }
    counts
}

pub(crate) enum ParseError {
    Io(std::io::Error),
    Format(TabularError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    Start,
    /// In an unquoted field.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote in a quoted field: the end of the quotes, or the
    /// first half of `""`.
    QuoteInQuoted,
}

/// A streaming CSV record parser over decoded UTF-8.
pub(crate) struct Parser {
    delimiter: u8,
    /// The row number the next record starts on.
    next_row: u64,
    /// The previous record ended on `\r`: a `\n` right after belongs to it.
    skip_lf: bool,
}

impl Parser {
    pub(crate) fn new(delimiter: u8) -> Self {
        Self {
            delimiter,
            next_row: 1,
            skip_lf: false,
        }
    }

    /// The next record and the row it starts on, `None` at the end. A blank
    /// line is a record with one empty field.
    pub(crate) fn next_record(
        &mut self,
        input: &mut impl BufRead,
    ) -> Result<Option<(u64, Vec<String>)>, ParseError> {
        let mut record = Record::new(self.next_row);
        let mut size = 0usize;
        loop {
            let buf = input.fill_buf().map_err(ParseError::Io)?;
            if buf.is_empty() {
                if record.state == State::Quoted {
                    return Err(record.unbalanced());
                }
                if !record.started {
                    return Ok(None);
                }
                return Ok(Some(self.finish(record)));
            }
            let (used, end) = self.scan(buf, &mut record)?;
            input.consume(used);
            if end {
                return Ok(Some(self.finish(record)));
            }
            size += used;
            if size > crate::MAX_ROW_BYTES {
                return Err(if record.state == State::Quoted {
                    record.unbalanced()
                } else {
                    ParseError::Format(TabularError::RowTooLong { row: record.row })
                });
            }
        }
    }

    /// Reads `buf` into `record` up to the record's end: how many bytes it
    /// used, and whether the record ended (on a line break outside quotes).
    #[inline]
    fn scan(&mut self, buf: &[u8], record: &mut Record) -> Result<(usize, bool), ParseError> {
        let Record {
            fields,
            field,
            state,
            started,
            ..
        } = record;
        let mut used = 0;
        for &b in buf {
            used += 1;
            if self.skip_lf {
                self.skip_lf = false;
                if b == b'\n' {
                    continue;
                }
            }
            *started = true;
            match *state {
                State::Quoted => {
                    if b == b'"' {
                        *state = State::QuoteInQuoted;
                    } else {
                        if b == b'\n' && field.last() == Some(&b'\r') {
                            field.pop();
                        }
                        field.push(b);
                    }
                }
                State::Start | State::Unquoted | State::QuoteInQuoted => {
                    if b == self.delimiter {
                        fields.push(into_string(std::mem::take(field)));
                        *state = State::Start;
                    } else if b == b'\n' || b == b'\r' {
                        self.skip_lf = b == b'\r';
                        return Ok((used, true));
                    } else if b == b'"' && *state == State::Start {
                        *state = State::Quoted;
                    } else if b == b'"' && *state == State::QuoteInQuoted {
                        field.push(b'"');
                        *state = State::Quoted;
                    } else if *state == State::QuoteInQuoted
                        && !b.is_ascii_whitespace()
                        && field.iter().any(|&c| c == b'\n' || c == b'\r')
                    {
                        // `"…line break…"x`: a legitimate multi-line
                        // cell ends with its quote; this one ran on until
                        // some later quote, so its opening quote was
                        // never closed.
                        return Err(record.unbalanced());
                    } else {
                        field.push(b);
                        *state = State::Unquoted;
                    }
                }
            }
        }
        Ok((used, false))
    }

    /// The record with its last field, and the row count moved on.
    fn finish(&mut self, mut record: Record) -> (u64, Vec<String>) {
        record.fields.push(into_string(record.field));
        self.next_row += 1;
        (record.row, record.fields)
    }
}

/// The record being read: the row it starts on, its fields so far, the
/// field being read and where the parser is in it.
struct Record {
    row: u64,
    fields: Vec<String>,
    field: Vec<u8>,
    state: State,
    /// Some byte of the record was read (else the input had ended).
    started: bool,
}

impl Record {
    fn new(row: u64) -> Self {
        Self {
            row,
            fields: Vec::new(),
            field: Vec::new(),
            state: State::Start,
            started: false,
        }
    }

    fn unbalanced(&self) -> ParseError {
        ParseError::Format(TabularError::UnbalancedQuote { row: self.row })
    }
}

fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, delimiter: u8) -> Result<Vec<(u64, Vec<String>)>, TabularError> {
        let mut parser = Parser::new(delimiter);
        let mut input = text.as_bytes();
        let mut out = Vec::new();
        loop {
            match parser.next_record(&mut input) {
                Ok(Some(r)) => out.push(r),
                Ok(None) => return Ok(out),
                Err(ParseError::Format(e)) => return Err(e),
                Err(ParseError::Io(e)) => panic!("{e}"),
            }
        }
    }

    fn rec(row: u64, cells: &[&str]) -> (u64, Vec<String>) {
        (row, cells.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn parses_quotes_like_excel() {
        let got = records(
            "a;\"b;c\";\"d \"\"e\"\"\"\r\nx\"y;\"z\"w;\n\n\"multi\r\nline\";2\rlast;1",
            b';',
        )
        .unwrap();
        assert_eq!(
            got,
            vec![
                rec(1, &["a", "b;c", "d \"e\""]),
                rec(2, &["x\"y", "zw", ""]),
                rec(3, &[""]),
                rec(4, &["multi\nline", "2"]),
                rec(5, &["last", "1"]),
            ]
        );
    }

    #[test]
    fn counts_a_multiline_record_as_one_row() {
        let got = records("h1;h2\n\"a\nb\nc\";1\nd;2\n", b';').unwrap();
        assert_eq!(
            got,
            vec![
                rec(1, &["h1", "h2"]),
                rec(2, &["a\nb\nc", "1"]),
                rec(3, &["d", "2"])
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_names_its_row() {
        let text = "h1;h2\na;1\nb;2\n\"c;3\nd;4\ne;5\n";
        let e = records(text, b';').unwrap_err();
        assert_eq!(e, TabularError::UnbalancedQuote { row: 4 });
        // A quote closed later in the file is a legitimate multi-line cell.
        // The open quote runs on to a later, well-quoted cell.
        let text = "h1;h2\na;1\n\"b;2\nc;\"x;y\";3\n";
        let e = records(text, b';').unwrap_err();
        assert_eq!(e, TabularError::UnbalancedQuote { row: 3 });
        // Blanks after a closing quote are tolerated.
        let got = records("h1;h2\n\"a\nb\"  ;1\n", b';').unwrap();
        assert_eq!(got[1], rec(2, &["a\nb  ", "1"]));
        let got = records("h1;h2\n\"a\n\nb\";1\nc;2", b';').unwrap();
        assert_eq!(got[1], rec(2, &["a\n\nb", "1"]));
        assert_eq!(got[2], rec(3, &["c", "2"]));
    }

    #[test]
    fn detects_the_delimiter_with_quotes() {
        // Quoted fields full of commas and line breaks must not fool it.
        let text = "Nom;Adresse;Ville\n\"Dupont, Jean\";\"1, rue de la Gare\nBâtiment B, 2e\";Sélestat\n\"Martin, Zoé\";\"3, place, du Marché\";Colmar\n";
        assert_eq!(detect_delimiter(text, false), b';');
        let text =
            "Nom,Adresse,Ville\n\"Dupont; Jean\",\"1; rue\",Sélestat\nMartin,\"a;b;c;d\",Colmar\n";
        assert_eq!(detect_delimiter(text, false), b',');
        let text = "Nom\tPrix\tVille\nA\t12,5\tSélestat\nB\t3,2\tColmar\n";
        assert_eq!(detect_delimiter(text, false), b'\t');
        // Decimal commas inside a `;` file.
        let text = "Nom;Prix;Note\nA;12,5;1,5\nB;3,2;2,0\n";
        assert_eq!(detect_delimiter(text, false), b';');
        // A tie goes to `;`.
        assert_eq!(detect_delimiter("a;b,c\n1;2,3\n", false), b';');
        // A cut sample: the last (incomplete) record is ignored.
        assert_eq!(
            detect_delimiter("a,b,c\n1,2,3\n4,5,6\n7,8,\"long te", true),
            b','
        );
    }

    #[test]
    fn reads_excel_sep_line() {
        assert_eq!(sep_hint("sep=,\r\na,b"), Some(b','));
        assert_eq!(sep_hint("sep=\t\n"), Some(b'\t'));
        assert_eq!(sep_hint("sep=,x\n"), None);
        assert_eq!(sep_hint("Nom;sep"), None);
    }

    #[test]
    fn detects_encodings() {
        assert_eq!(
            detect_encoding(b"\xEF\xBB\xBFa;b", false),
            TextEncoding::Utf8Bom
        );
        assert_eq!(
            detect_encoding(b"\xFF\xFEa\0", false),
            TextEncoding::Utf16Le
        );
        assert_eq!(
            detect_encoding(b"\xFE\xFF\0a", false),
            TextEncoding::Utf16Be
        );
        assert_eq!(
            detect_encoding("Sélestat;é".as_bytes(), false),
            TextEncoding::Utf8
        );
        assert_eq!(
            detect_encoding(b"S\xE9lestat", false),
            TextEncoding::Windows1252
        );
        // "é" cut in half by the end of the sample.
        let cut = &"aé".as_bytes()[..2];
        assert_eq!(detect_encoding(cut, true), TextEncoding::Utf8);
        assert_eq!(detect_encoding(cut, false), TextEncoding::Windows1252);
    }

    #[test]
    fn tells_binary_from_text() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(looks_binary(png, "", TextEncoding::Windows1252));
        let text = "a;b\r\n1;2\t3\n";
        assert!(!looks_binary(text.as_bytes(), text, TextEncoding::Utf8));
        let utf16: Vec<u8> = "a\tb\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(!looks_binary(&utf16, "a\tb\r\n", TextEncoding::Utf16Le));
    }
}
