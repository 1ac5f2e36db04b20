//! Writes a generated event pack (`n` × `n`, `rounds` rounds) to a file,
//! to look at it: `cargo run -p tisserand-documents --example big_pack --
//! /tmp/big.pdf 20 20`.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "big-pack.pdf".to_owned());
    let n = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let rounds = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let data = common::big_event(n, rounds);
    let bytes =
        tisserand_documents::render_event_pack(&data, tisserand_documents::PackSelection::Whole)?;
    std::fs::write(out, bytes)?;
    Ok(())
}
