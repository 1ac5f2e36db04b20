//! Writes the sample brief, agreement and event pack to a folder, to look at them:
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
    std::fs::write(
        format!("{dir}/pack.pdf"),
        tisserand_documents::render_event_pack(
            &common::event_pack(),
            tisserand_documents::PackSelection::Whole,
        )?,
    )?;
    Ok(())
}
