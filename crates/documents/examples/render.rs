//! Writes the sample brief and agreement to a folder, to look at them:
//! `cargo run -p tisserand-documents --example render -- /tmp/out`.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let data = common::sample();
    std::fs::write(
        format!("{dir}/brief.pdf"),
        tisserand_documents::render_brief(&data)?,
    )?;
    std::fs::write(
        format!("{dir}/agreement.pdf"),
        tisserand_documents::render_agreement(&data)?,
    )?;
    Ok(())
}
