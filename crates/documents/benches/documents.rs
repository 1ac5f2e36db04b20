//! Timing of the PDF documents, release build:
//! `cargo bench -p tisserand-documents`.
//!
//! Prints the brief's median and 95th percentile, a 10-page agreement, 1,000
//! briefs in a row, and the same brief content as plain HTML printed to PDF
//! by headless Chromium (skipped with a message when `chromium` is absent),
//! with the ratio. Targets: brief ≤ 20 ms, 10-page agreement ≤ 60 ms,
//! 1,000 briefs ≤ 15 s.
//!
//! Then the event pack of a speed-dating event of 150 seated × 150
//! visitors, 15 rounds (visitor v meets seated (v + r) mod 150 in round r,
//! breaks every 5 rounds, long presentations, needs and offers), and one
//! participant's planning alone. Target: the whole pack ≤ 3 s.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

use tisserand_documents::{
    render_agreement, render_brief, render_event_pack, DocumentData, PackSelection,
};
use tisserand_domain::agreement::FreeClause;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let med = v[v.len() / 2];
    let p95 = v[(v.len() * 95 / 100).min(v.len() - 1)];
    (ms(med), ms(p95))
}

fn page_count(pdf: &[u8]) -> usize {
    pdf.windows(10)
        .enumerate()
        .filter(|(i, w)| *w == b"/Type/Page" && pdf.get(i + 10) != Some(&b's'))
        .count()
}

/// The sample with free clauses added until the agreement has 10 pages.
fn ten_pages() -> DocumentData {
    let mut d = common::sample();
    let body = "Les Parties conviennent de se réunir chaque trimestre pour faire le point sur les actions menées, les difficultés rencontrées et les ajustements nécessaires ; un compte rendu est diffusé à chacune dans les quinze jours. ".repeat(3);
    let mut i = 0;
    while page_count(&render_agreement(&d).expect("agreement")) < 10 {
        i += 1;
        d.agreement.clauses.push(FreeClause {
            title: format!("Comité de suivi {i}"),
            body: body.clone(),
        });
    }
    d
}

fn html(d: &DocumentData) -> String {
    let p = &d.partnership;
    let mut h = String::from(
        "<!doctype html><html lang=fr><meta charset=utf-8><style>body{font-family:'DejaVu Sans';font-size:10pt;margin:18mm}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:3px;text-align:left}h2{font-size:12pt;color:#293d5c}</style><body>",
    );
    let _ = write!(
        h,
        "<p>FICHE PARTENARIAT — {}</p><h1>{}</h1>",
        p.stage.label_fr(),
        p.title
    );
    h.push_str("<h2>Parties</h2><table><tr><th>Partie</th><th>Rôle</th><th>Contact</th></tr>");
    for party in &d.parties {
        let c = party
            .contact
            .as_ref()
            .map(tisserand_domain::contact::Contact::display_name)
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{c}</td></tr>",
            party.actor.name,
            party.actor.kind.label_fr()
        );
    }
    h.push_str("</table><h2>Territoire et besoin</h2>");
    let _ = write!(
        h,
        "<p>{}</p><p>{}</p>",
        d.territory.join(", "),
        p.summary.clone().unwrap_or_default()
    );
    h.push_str("<h2>Objectifs</h2><ul>");
    for o in &p.objectives {
        let _ = write!(h, "<li>{}</li>", o.text);
    }
    h.push_str("</ul><h2>Contributions</h2><table>");
    for c in &p.contributions {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            d.actor_name(&c.actor_id),
            c.description.clone().unwrap_or_default(),
            tisserand_documents::typo::euros(c.value_cents)
        );
    }
    h.push_str("</table><h2>Prochaines actions</h2><ul>");
    for a in &p.next_actions {
        let _ = write!(h, "<li>{}</li>", a.text);
    }
    h.push_str("</ul><h2>Indicateurs</h2><table>");
    for i in &p.indicators {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{:?}</td><td>{:?}</td></tr>",
            i.name, i.baseline, i.target
        );
    }
    h.push_str("</table></body></html>");
    h
}

fn chromium(d: &DocumentData) -> Option<Vec<Duration>> {
    let bin = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })?;
    let dir = std::env::temp_dir().join(format!("tisserand-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let page = dir.join("brief.html");
    std::fs::write(&page, html(d)).ok()?;
    let out = dir.join("brief.pdf");
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let status = Command::new(bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .ok()?;
        times.push(t.elapsed());
        if !status.status.success() || !out.exists() {
            return None;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Some(times)
}

fn main() {
    let d = common::sample();
    for _ in 0..20 {
        render_brief(&d).expect("brief");
    }
    let brief: Vec<Duration> = (0..300)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(render_brief(&d).expect("brief"));
            t.elapsed()
        })
        .collect();
    let (b_med, b_p95) = stats(brief);
    let bytes = render_brief(&d).expect("brief");
    println!(
        "brief ({} pages, {} KB): median {b_med:.2} ms, p95 {b_p95:.2} ms (target ≤ 20 ms)",
        page_count(&bytes),
        bytes.len() / 1024
    );

    let big = ten_pages();
    let agreement: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(render_agreement(&big).expect("agreement"));
            t.elapsed()
        })
        .collect();
    let (a_med, a_p95) = stats(agreement);
    let bytes = render_agreement(&big).expect("agreement");
    println!(
        "agreement ({} pages, {} KB): median {a_med:.2} ms, p95 {a_p95:.2} ms (target ≤ 60 ms)",
        page_count(&bytes),
        bytes.len() / 1024
    );

    let t = Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(render_brief(&d).expect("brief"));
    }
    let total = t.elapsed().as_secs_f64();
    println!("1,000 briefs: {total:.2} s (target ≤ 15 s)");

    event_pack();

    match chromium(&d) {
        Some(times) => {
            let (c_med, _) = stats(times);
            println!(
                "same brief as HTML printed by headless Chromium: median {c_med:.0} ms per brief (process start included); Tisserand is {:.0}× faster",
                c_med / b_med
            );
        }
        None => println!("headless Chromium not found or failed: comparison skipped"),
    }
}

fn event_pack() {
    let data = common::big_event(150, 15);
    let whole = || render_event_pack(&data, PackSelection::Whole).expect("pack");
    let bytes = whole();
    let times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(whole());
            t.elapsed()
        })
        .collect();
    let (med, worst) = stats(times);
    println!(
        "event pack, 150 × 150, 15 rounds ({} pages, {} KB): median {:.2} s, slowest of 5 {:.2} s (target ≤ 3 s)",
        page_count(&bytes),
        bytes.len() / 1024,
        med / 1000.0,
        worst / 1000.0
    );
    let one: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(
                render_event_pack(&data, PackSelection::Planning("v42")).expect("planning"),
            );
            t.elapsed()
        })
        .collect();
    let (o_med, o_p95) = stats(one);
    println!("one planning alone (reprint): median {o_med:.2} ms, p95 {o_p95:.2} ms");
}
