//! The evaluation questionnaire, read back with poppler's tools like the
//! brief: one page per party, its name, the questions with the scale's four
//! steps, the blanks, the recorded contributions as a reminder.

mod common;

use common::pdf::{assert_margins_blank, pages, text, write};
use tisserand_documents::render_questionnaire;

#[test]
fn each_party_gets_its_page_with_the_scale_and_blanks() {
    let data = common::sample();
    let bytes = render_questionnaire(&data).expect("questionnaire");
    let pdf = write(&bytes);
    let t = text(&pdf);
    let n = data.partnership.parties.len();
    assert_eq!(pages(&pdf), n, "one page per party:\n{t}");
    assert_eq!(t.matches("QUESTIONNAIRE D'ÉVALUATION").count(), n);
    for party in &data.partnership.parties {
        let name = data.actor_name(&party.actor_id);
        assert!(
            t.contains(&format!("Questionnaire de : {name}")),
            "no page for « {name} »:\n{t}"
        );
    }
    for needle in [
        "Le partenariat a-t-il atteint vos objectifs ?",
        "La relation entre partenaires a-t-elle été équilibrée ?",
        "Souhaitez-vous poursuivre ce partenariat ?",
        "Qu'avez-vous apporté au partenariat ?",
        "Qu'en avez-vous retiré ?",
        "Personne qui répond :",
        "Vos contributions enregistrées : 10 000,00 €",
        "questionnaire généré le 26 nov. 2026",
    ] {
        assert!(t.contains(needle), "questionnaire lacks « {needle} »:\n{t}");
    }
    // The four steps under each of the three rated questions.
    for step in ["Pas du tout", "Plutôt non", "Plutôt oui", "Tout à fait"] {
        assert_eq!(t.matches(step).count(), 3 * n, "{step}");
    }
    assert_margins_blank(&pdf);
    // A function of its data: the same bytes twice.
    assert_eq!(render_questionnaire(&data).expect("again"), bytes);
}
