//! Writes the sample impact report, to look at it:
//! `cargo run -p tisserand-documents --example impact_report -- /tmp/report.pdf`
//! (add `big` after the path for the size of a year of 500 partnerships).

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "report.pdf".to_owned());
    let input = if std::env::args().nth(2).as_deref() == Some("big") {
        common::impact::big_report()
    } else {
        common::impact::report()
    };
    std::fs::write(&path, tisserand_documents::impact_report::render(&input)?)?;
    Ok(())
}
