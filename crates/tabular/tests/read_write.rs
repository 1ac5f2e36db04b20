//! Reading generated files (encodings, boundaries, size) and writing then
//! reading back.

// Helpers outside `#[test]` functions are test code too: a panic is the report.
#![allow(clippy::unwrap_used)]

use std::io::{BufWriter, Write};
use std::path::Path;

use tisserand_tabular::{
    write_csv, write_xlsx, Cell, Format, Row, Table, TabularError, TextEncoding,
};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn rows_of(table: Table) -> Vec<Row> {
    table.rows().map(Result::unwrap).collect()
}

#[test]
fn utf16_tab_file_as_excel_unicode_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Raison sociale\tVille\tBesoins\r\nÉpicerie solidaire\tSélestat\t\"Un local;\r\nune chambre froide\"\r\nSociété « Œuvre »\tColmar\t\r\n";
    for (encoding, bom, le) in [
        (TextEncoding::Utf16Le, [0xFF, 0xFE], true),
        (TextEncoding::Utf16Be, [0xFE, 0xFF], false),
    ] {
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let path = write(dir.path(), "unicode.txt", &bytes);
        let table = Table::open(&path).unwrap();
        assert_eq!(table.encoding(), Some(encoding));
        assert_eq!(table.delimiter(), Some('\t'));
        assert_eq!(table.headers(), ["Raison sociale", "Ville", "Besoins"]);
        let rows = rows_of(table);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[2], "Un local;\nune chambre froide");
        assert_eq!(rows[1].number, 3);
        assert_eq!(rows[1].cells[0], "Société « Œuvre »");
    }
}

#[test]
fn windows1252_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    // "Sélestat", "Œuvre", "€", "’" in Windows-1252.
    let bytes = b"Nom;Ville\r\n\x8Cuvre \x80 l\x92atelier;S\xE9lestat\r\n";
    let path = write(dir.path(), "w.csv", bytes);
    let table = Table::open(&path).unwrap();
    assert_eq!(table.encoding(), Some(TextEncoding::Windows1252));
    let rows = rows_of(table);
    assert_eq!(rows[0].cells, ["Œuvre € l’atelier", "Sélestat"]);
}

#[test]
fn a_character_cut_by_the_64_kib_sample_is_still_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Nom;Commentaire\n");
    // Fill so that an "é" (2 bytes) straddles byte 65 536.
    while text.len() < 65_536 - 40 {
        text.push_str("ligne;abcdefghij\n");
    }
    text.push_str("Sélestat;");
    while text.len() < 65_535 {
        text.push('x');
    }
    text.push_str("é fin\nDernière;ligne\n");
    let bytes = text.as_bytes();
    assert!(!bytes.is_char_boundary_at(65_536));
    let path = write(dir.path(), "cut.csv", bytes);
    let table = Table::open(&path).unwrap();
    assert_eq!(table.encoding(), Some(TextEncoding::Utf8));
    let rows = rows_of(table);
    let last = rows.last().unwrap();
    assert_eq!(last.cells, ["Dernière", "ligne"]);
    assert!(rows[rows.len() - 2].cells[1].ends_with("xé fin"));
    assert!(rows.iter().all(|r| !r.cells.concat().contains('\u{FFFD}')));
}

trait CharBoundary {
    fn is_char_boundary_at(&self, index: usize) -> bool;
}

impl CharBoundary for [u8] {
    fn is_char_boundary_at(&self, index: usize) -> bool {
        std::str::from_utf8(self).unwrap().is_char_boundary(index)
    }
}

#[test]
fn row_numbers_count_blank_lines_and_multiline_records_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\nNom;Note\n\"a\nb\";1\n\n;\nc;2;;extra;\n  d  ;\"\"\"q\"\"\"\n";
    let path = write(dir.path(), "n.csv", text.as_bytes());
    let table = Table::open(&path).unwrap();
    assert_eq!(table.headers(), ["Nom", "Note"]);
    let rows = rows_of(table);
    let summary: Vec<(u64, Vec<&str>, usize)> = rows
        .iter()
        .map(|r| {
            (
                r.number,
                r.cells.iter().map(String::as_str).collect(),
                r.extra_cells,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (3, vec!["a\nb", "1"], 0),
            (6, vec!["c", "2"], 1),
            (7, vec!["d", "\"q\""], 0),
        ]
    );
}

#[test]
fn excel_sep_line_sets_the_delimiter_and_is_no_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "sep.csv",
        b"sep=,\r\nNom,Ville;Pays\r\na,b;c\r\n",
    );
    let table = Table::open(&path).unwrap();
    assert_eq!(table.delimiter(), Some(','));
    assert_eq!(table.headers(), ["Nom", "Ville;Pays"]);
    let rows = rows_of(table);
    assert_eq!(rows[0].number, 2);
    assert_eq!(rows[0].cells, ["a", "b;c"]);
}

#[test]
fn a_zip_that_is_no_workbook_and_an_xls_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        zip.finish().unwrap();
    }
    assert_eq!(Table::open(&path).unwrap_err(), TabularError::Binary);
    let xls = write(
        dir.path(),
        "old.xls",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
    );
    let e = Table::open(&xls).unwrap_err();
    assert_eq!(e, TabularError::LegacyExcel);
    assert!(e.message_fr().contains(".xlsx"));
    let blank = write(dir.path(), "blank.csv", b"\xEF\xBB\xBF \r\n\r\n");
    assert_eq!(Table::open(&blank).unwrap_err(), TabularError::Empty);
}

#[test]
fn csv_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let rows = vec![
        vec![
            "Épicerie solidaire".to_owned(),
            "a;b".to_owned(),
            "dit \"oui\"".to_owned(),
        ],
        vec![
            "Société".to_owned(),
            "ligne 1\nligne 2".to_owned(),
            String::new(),
        ],
        vec!["Sélestat".to_owned(), "x".to_owned(), "y".to_owned()],
    ];
    let file = std::fs::File::create(&path).unwrap();
    write_csv(
        BufWriter::new(file),
        &["Nom", "Notes", "Citation"],
        rows.clone().into_iter(),
    )
    .unwrap();
    let table = Table::open(&path).unwrap();
    assert_eq!(table.encoding(), Some(TextEncoding::Utf8Bom));
    assert_eq!(table.delimiter(), Some(';'));
    assert_eq!(table.headers(), ["Nom", "Notes", "Citation"]);
    let back: Vec<Vec<String>> = rows_of(table).into_iter().map(|r| r.cells).collect();
    assert_eq!(back, rows);
}

#[test]
fn xlsx_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.xlsx");
    let rows = vec![
        vec![
            Cell::from("Épicerie solidaire"),
            Cell::Number(552_100_554.0),
            Cell::Date(2024, 3, 15),
            Cell::Number(12.5),
        ],
        vec![
            Cell::from("Ligne 1\nLigne 2"),
            Cell::Empty,
            Cell::Empty,
            Cell::Number(-3.0),
        ],
    ];
    write_xlsx(
        &path,
        "Acteurs: export/2024",
        &["Nom", "SIREN", "Date", "Montant"],
        rows.into_iter(),
    )
    .unwrap();
    // Bold frozen header with filters, sized columns, the sheet name cleaned.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("<autoFilter ref=\"A1:D3\"/>"), "{xml}");
    assert!(xml.contains("state=\"frozen\""), "{xml}");
    assert!(xml.contains("<cols>"), "{xml}");
    let mut book = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/workbook.xml").unwrap(), &mut book)
        .unwrap();
    assert!(book.contains("name=\"Acteurs- export-2024\""), "{book}");

    let table = Table::open(&path).unwrap();
    assert_eq!(table.format(), Format::Xlsx);
    assert_eq!(table.headers(), ["Nom", "SIREN", "Date", "Montant"]);
    let back: Vec<Vec<String>> = rows_of(table).into_iter().map(|r| r.cells).collect();
    assert_eq!(
        back,
        vec![
            vec!["Épicerie solidaire", "552100554", "15/03/2024", "12.5"],
            vec!["Ligne 1\nLigne 2", "", "", "-3"],
        ]
    );
}

#[test]
fn a_big_csv_streams_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let line = "Structure solidaire;Association;552100554;67600;Sélestat;contact@exemple.fr;03 88 00 00 00;\"Un local;\nune camionnette\";Bénévoles;alimentation\r\n";
    let target = 50 * 1024 * 1024;
    let count = target / line.len() + 1;
    {
        let mut out = BufWriter::new(std::fs::File::create(&path).unwrap());
        out.write_all(b"Raison sociale;Type;SIREN;Code postal;Ville;Courriel;Telephone;Besoins;Offres;Tags\r\n")
            .unwrap();
        for _ in 0..count {
            out.write_all(line.as_bytes()).unwrap();
        }
        out.flush().unwrap();
    }
    let table = Table::open(&path).unwrap();
    let total = table.total_bytes();
    assert!(total > 50_000_000);
    let mut rows = table.rows();
    let mut n = 0usize;
    let mut last_number = 0;
    let mut halfway_progress = 0;
    while let Some(row) = rows.next() {
        let row = row.unwrap();
        n += 1;
        last_number = row.number;
        if n == count / 2 {
            halfway_progress = rows.bytes_read();
        }
    }
    assert_eq!(n, count);
    assert_eq!(last_number, count as u64 + 1);
    // Progress is roughly half at half the rows, and full at the end.
    assert!(halfway_progress > total * 4 / 10 && halfway_progress < total * 6 / 10);
    assert_eq!(rows.bytes_read(), total);
}
