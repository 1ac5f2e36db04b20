//! PDF helpers shared by the tests: a rendered document in a temporary
//! file, poppler's text and page count, and the blank-margins check.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Pdf {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn write(bytes: &[u8]) -> Pdf {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write");
    Pdf { _dir: dir, path }
}

pub fn run(cmd: &str, args: &[&str], path: &Path) -> String {
    let mut c = Command::new(cmd);
    c.args(args).arg(path);
    if cmd == "pdftotext" {
        c.arg("-");
    }
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("Syntax Error"), "{cmd}: {stderr}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Spaces (no-break or not) made plain.
pub fn plain(s: &str) -> String {
    s.replace(['\u{202F}', '\u{A0}'], " ")
}

/// The text of the document, spaces made plain.
pub fn text(pdf: &Pdf) -> String {
    plain(&run("pdftotext", &["-enc", "UTF-8"], &pdf.path))
}

pub fn pages(pdf: &Pdf) -> usize {
    run("pdfinfo", &[], &pdf.path)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// Renders every page at 50 dpi and checks that nothing but white lies
/// within 17 mm of the paper's edge (the layout keeps 18 mm).
pub fn assert_margins_blank(pdf: &Pdf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let prefix = dir.path().join("p");
    let status = Command::new("pdftoppm")
        .args(["-r", "50", "-png"])
        .arg(&pdf.path)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success());
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let margin = (17.0 / 25.4 * 50.0) as usize; // 33 px
    for file in files {
        let decoder = png::Decoder::new(std::io::BufReader::new(
            std::fs::File::open(&file).expect("png"),
        ));
        let mut reader = decoder.read_info().expect("png header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("png frame");
        let channels = info.color_type.samples();
        let (w, h) = (info.width as usize, info.height as usize);
        for y in 0..h {
            for x in 0..w {
                if x >= margin && x < w - margin && y >= margin && y < h - margin {
                    continue;
                }
                let i = (y * w + x) * channels;
                let px = &buf[i..i + channels.min(3)];
                assert!(
                    px.iter().all(|&v| v >= 250),
                    "{}: ink at ({x}, {y}) outside the margins",
                    file.display()
                );
            }
        }
    }
}

/// Page `page` (from 1) rendered at 50 dpi: width, height and RGB pixels.
pub fn rendered(pdf: &Pdf, page: usize) -> (usize, usize, Vec<[u8; 3]>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let prefix = dir.path().join("p");
    let n = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-r", "50", "-png", "-singlefile", "-f", &n, "-l", &n])
        .arg(&pdf.path)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success());
    let file = dir.path().join("p.png");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&file).expect("png"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|c| [c[0], c[1], c[2]])
        .collect();
    (info.width as usize, info.height as usize, pixels)
}
