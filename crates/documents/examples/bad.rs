//! Writes the bad-input documents to a folder, to look at them:
//! `cargo run -p tisserand-documents --example bad -- /tmp/out`.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let mut d = common::sample();
    d.partnership.title = "Partenariat très ambitieux 🎉 ".repeat(70);
    let word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(4);
    d.partnership.summary = Some(format!(
        "Avant {word} après. Un projet 🚀 très attendu ; 中文."
    ));
    d.parties[2].actor.name = word;
    d.parties[0].contact = None;
    std::fs::write(
        format!("{dir}/bad-brief.pdf"),
        tisserand_documents::render_brief(&d)?,
    )?;
    d.agreement.preamble = Some(
        "Le quartier Ouest compte de nombreux enfants sans activité le mercredi. ".repeat(200),
    );
    std::fs::write(
        format!("{dir}/bad-agreement.pdf"),
        tisserand_documents::render_agreement(&d)?,
    )?;
    let mut e = common::sample();
    e.partnership.contributions.clear();
    e.partnership.counterparts.clear();
    e.partnership.indicators.clear();
    e.partnership.modes = Default::default();
    e.agreement = Default::default();
    e.partnership.summary = None;
    e.territory.clear();
    std::fs::write(
        format!("{dir}/empty-agreement.pdf"),
        tisserand_documents::render_agreement(&e)?,
    )?;
    std::fs::write(
        format!("{dir}/empty-brief.pdf"),
        tisserand_documents::render_brief(&e)?,
    )?;
    Ok(())
}
