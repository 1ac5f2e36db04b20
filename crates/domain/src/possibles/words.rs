//! Reading the words of a need or an offer: French text cut into words,
//! little words left out, each word reduced to its stem by the Snowball
//! French stemmer (« véhicules » → « vehicul », « comptabilité » →
//! « comptabil ») and folded like search (`text::fold`: no accents, lower
//! case), so every way of writing a word compares equal.

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::fold;

/// Words that say nothing of what is needed or offered: articles,
/// prepositions, pronouns, common verbs and vague nouns. Folded.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "chaque", "comme", "d", "dans", "de",
    "des", "du", "elle", "en", "entre", "et", "etc", "il", "ils", "la", "le", "les", "leur",
    "leurs", "l", "lui", "ma", "mais", "me", "mes", "mon", "ne", "ni", "nos", "notre", "nous",
    "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "si", "son", "sur",
    "ta", "te", "tes", "ton", "tout", "toute", "toutes", "tous", "un", "une", "vos", "votre",
    "vous", "y", "s", "n", "c", "j", "m", "t", "aupres", "depuis", "sans", "sous", "vers", "chez",
    "plus", "moins", "tres", "peu", "bien", "aussi", "encore", "deja", "meme", "afin", "lors",
    "dont", "quand", "puis", "donc", "car", "etre", "avoir", "faire", "est", "sont", "ont", "peut",
    "pouvoir", "besoin", "besoins", "offre", "offres", "cherche", "recherche", "recherchons",
    "cherchons", "proposons", "propose", "souhaite", "souhaitons", "trouver", "quelques",
    "certain", "certains", "autre", "autres", "possible", "idealement", "environ", "an", "ans",
    "annee", "annees", "mois", "semaine", "jour", "jours", "fois", "deux", "trois", "quatre",
    "cinq", "dix", "cent", "mille", "m2", "m3", "kg", "eur", "euro", "euros", "nouveau",
    "nouveaux", "nouvelle", "nouvelles", "petit", "petite", "petits", "petites", "equipe",
    "equipes", "grand", "grande", "grands", "grandes", "bon", "bonne", "notamment",
    "accompagnement", "accompagner", "accompagne", "accompagnee", "accompagnes", "accompagnees",
    "conseil", "conseils", "conseiller", "conseillee", "appui", "situation",
];

/// One word of a text as the ranking compares it: its stem, and the word as
/// written (lower case, for showing which words matched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub stem: String,
    pub written: String,
}

/// The French stemmer (Snowball).
#[must_use]
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::French)
}

/// The stem of one word: folded first, so a word typed without its
/// accents has the same stem (« comptabilite », « comptabilité »).
#[must_use]
pub fn stem_word(stemmer: &Stemmer, word: &str) -> String {
    let mut stem = stemmer.stem(&fold(word)).into_owned();
    // Snowball keeps the plural « s » after « u » (« tissus »): a final
    // « s » or « x » goes, so singular and plural always meet.
    if stem.len() > 3 && (stem.ends_with('s') || stem.ends_with('x')) {
        stem.pop();
    }
    stem
}

/// The words of `text` that carry meaning, in order: cut at every
/// character that is neither a letter nor a digit (so « l'outillage » is
/// « outillage » and « expert-comptable » two words), numbers and stop
/// words left out.
#[must_use]
pub fn words(stemmer: &Stemmer, text: &str) -> Vec<Word> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|w| {
            let folded = fold(w);
            if folded.len() < 2 || STOP_WORDS.contains(&folded.as_str()) {
                return None;
            }
            Some(Word {
                stem: stem_word(stemmer, w),
                written: w.to_lowercase(),
            })
        })
        .collect()
}

/// The stems of `text`, in order, repeated as often as the word is.
#[must_use]
pub fn stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    words(stemmer, text).into_iter().map(|w| w.stem).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_accents_and_case_give_one_stem() {
        let s = stemmer();
        for group in [
            &["véhicule", "Véhicules", "VEHICULE", "vehicules"][..],
            &["comptabilité", "Comptabilite", "COMPTABILITÉ"],
            &["ordinateur", "ordinateurs", "Ordinateurs"],
            &["entrepôt", "entrepots", "Entrepôts"],
            &["financer", "financement", "finance"],
            &["tissu", "tissus", "Tissus"],
        ] {
            let first = stem_word(&s, group[0]);
            for w in group {
                assert_eq!(stem_word(&s, w), first, "« {w} » and « {} »", group[0]);
            }
        }
        assert_ne!(stem_word(&s, "fromage"), stem_word(&s, "fourgon"));
    }

    #[test]
    fn little_words_and_numbers_are_left_out() {
        let s = stemmer();
        let w = words(
            &s,
            "Un local de 100 m² pour stocker l'outillage d’une association.",
        );
        let written: Vec<&str> = w.iter().map(|w| w.written.as_str()).collect();
        assert_eq!(written, ["local", "stocker", "outillage", "association"]);
        assert_eq!(stems(&s, "Expert-comptable"), ["expert", "comptabl"]);
        assert!(stems(&s, "de la et pour avec").is_empty());
    }
}
