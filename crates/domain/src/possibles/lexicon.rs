//! The lexicon of the field: groups of words that speak of the same thing
//! (« utilitaire, camionnette, fourgon, véhicule »). Kept as a plain text
//! file a facilitator can read and extend: `assets/lexicon.txt` is built
//! into the program, and a file of the same format in the data folder
//! (`lexique.txt`, read by the app) adds groups to it.
//!
//! Format: one group a line, terms separated by commas; a term of several
//! words matches when its words follow each other (stop words skipped);
//! `#` starts a comment line; blank lines are ignored.

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::words::{stemmer, words};

/// The lexicon built into the program.
pub const BUILTIN: &str = include_str!("../../../../assets/lexicon.txt");

/// A group's term: its stems in order and the term as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stems: Vec<String>,
    pub written: String,
}

/// Groups of related terms, and for each stem the groups with a term that
/// starts with it.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    groups: Vec<Vec<Term>>,
    by_first_stem: FxHashMap<String, Vec<u32>>,
}

/// A line of a lexicon file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}, ligne {line} : {message_fr} ({message_en})")]
pub struct LexiconError {
    /// Where the text came from (a file name).
    pub source_name: String,
    /// The line, counted from 1.
    pub line: usize,
    pub message_fr: String,
    pub message_en: String,
}

impl Lexicon {
    /// The lexicon built into the program.
    ///
    /// # Panics
    /// Never for the shipped file (a test reads it).
    #[must_use]
    pub fn builtin() -> Self {
        let mut l = Self::default();
        #[allow(clippy::expect_used)] // the shipped file is tested
        l.extend("assets/lexicon.txt", BUILTIN)
            .expect("the built-in lexicon reads");
        l
    }

    /// Adds the groups of `text` (the lexicon format), or names the first
    /// line that cannot be read and adds nothing.
    ///
    /// # Errors
    /// A term with no word that carries meaning (« de la »), or a line with
    /// a single term (a group relates at least two).
    pub fn extend(&mut self, source_name: &str, text: &str) -> Result<(), LexiconError> {
        let stemmer = stemmer();
        let mut added = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |fr: String, en: String| LexiconError {
                source_name: source_name.to_owned(),
                line: i + 1,
                message_fr: fr,
                message_en: en,
            };
            let group = parse_group(&stemmer, line).map_err(|(fr, en)| fail(fr, en))?;
            if group.len() < 2 {
                return Err(fail(
                    "un groupe relie au moins deux termes, séparés par des virgules".to_owned(),
                    "a group relates at least two terms, separated by commas".to_owned(),
                ));
            }
            added.push(group);
        }
        for group in added {
            let id = u32::try_from(self.groups.len()).unwrap_or(u32::MAX);
            for term in &group {
                let ids = self.by_first_stem.entry(term.stems[0].clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            self.groups.push(group);
        }
        Ok(())
    }

    /// The number of groups.
    #[must_use]
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The terms of group `id`.
    #[must_use]
    pub fn group(&self, id: u32) -> &[Term] {
        self.groups
            .get(usize::try_from(id).unwrap_or(usize::MAX))
            .map_or(&[], Vec::as_slice)
    }

    /// Every group a term of which appears in `stems` (in order), with the
    /// position of the term's first word and how many words it has.
    #[must_use]
    pub fn concepts(&self, stems: &[String]) -> Vec<Concept> {
        let mut out: Vec<Concept> = Vec::new();
        for (at, stem) in stems.iter().enumerate() {
            let Some(ids) = self.by_first_stem.get(stem) else {
                continue;
            };
            for &id in ids {
                for term in self.group(id) {
                    let end = at + term.stems.len();
                    if end <= stems.len() && stems[at..end] == term.stems[..] {
                        if !out.iter().any(|c| c.group == id && c.at == at) {
                            out.push(Concept {
                                group: id,
                                at,
                                len: term.stems.len(),
                            });
                        }
                        break;
                    }
                }
            }
        }
        out
    }

    /// Every stem of every group a term of which starts with `stem`: what a
    /// word may be matched with.
    #[must_use]
    pub fn related_stems(&self, stem: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for &id in self.by_first_stem.get(stem).map_or(&[][..], Vec::as_slice) {
            for term in self.group(id) {
                for s in &term.stems {
                    if !out.contains(&s.as_str()) {
                        out.push(s);
                    }
                }
            }
        }
        out
    }
}

/// A group found in a text: which, and the words of the text that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concept {
    pub group: u32,
    /// Position of the first word in the text's words.
    pub at: usize,
    pub len: usize,
}

fn parse_group(stemmer: &Stemmer, line: &str) -> Result<Vec<Term>, (String, String)> {
    let mut group: Vec<Term> = Vec::new();
    for raw in line.split(',') {
        let written = raw.trim();
        if written.is_empty() {
            return Err((
                "un terme est vide (deux virgules de suite, ou une virgule en fin de ligne)"
                    .to_owned(),
                "a term is empty (two commas in a row, or a comma at the end of the line)"
                    .to_owned(),
            ));
        }
        let stems: Vec<String> = words(stemmer, written)
            .into_iter()
            .map(|w| w.stem)
            .collect();
        if stems.is_empty() {
            return Err((
                format!("le terme « {written} » n'a aucun mot qui porte un sens"),
                format!("the term \"{written}\" has no word that carries meaning"),
            ));
        }
        if !group.iter().any(|t| t.stems == stems) {
            group.push(Term {
                stems,
                written: written.to_owned(),
            });
        }
    }
    Ok(group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::possibles::words::stems;

    #[test]
    fn the_builtin_lexicon_reads_and_relates_the_field_words() {
        let l = Lexicon::builtin();
        assert!(l.len() > 40, "{} groups", l.len());
        let s = stemmer();
        let related = |a: &str, b: &str| {
            let (sa, sb) = (stems(&s, a), stems(&s, b));
            l.concepts(&sa)
                .iter()
                .any(|ca| l.concepts(&sb).iter().any(|cb| cb.group == ca.group))
        };
        assert!(related("utilitaire", "camionnette"));
        assert!(related("un fourgon", "deux véhicules"));
        assert!(related("une salle", "un hangar"));
        assert!(related("entrepôt", "stockage"));
        assert!(related("comptabilité", "un expert-comptable"));
        assert!(related("gestion financière", "comptable"));
        assert!(related("ordinateurs", "informatique"));
        assert!(!related("fourgon frigorifique", "fromages"));
        assert!(!related("véhicule", "bois"));
    }

    #[test]
    fn terms_of_several_words_match_only_in_order() {
        let mut l = Lexicon::default();
        l.extend("test", "# comment\n\ngestion financière, comptable\n")
            .unwrap();
        let s = stemmer();
        assert_eq!(l.concepts(&stems(&s, "la gestion financière")).len(), 1);
        assert!(l.concepts(&stems(&s, "financière gestion")).is_empty());
        assert!(l.concepts(&stems(&s, "gestion des déchets")).is_empty());
        assert!(l.related_stems("comptabl").contains(&"gestion"));
    }

    #[test]
    fn a_bad_line_is_named() {
        let mut l = Lexicon::default();
        let e = l
            .extend("lexique.txt", "véhicule, camion\n# ok\nfourgon,,voiture\n")
            .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e
            .to_string()
            .starts_with("lexique.txt, ligne 3 : un terme est vide"));
        assert!(l.is_empty(), "nothing added from a file with an error");
        let e = l.extend("x", "seul\n").unwrap_err();
        assert_eq!((e.line, e.message_en.contains("at least two")), (1, true));
        let e = l.extend("x", "véhicule, de la\n").unwrap_err();
        assert!(e.message_fr.contains("« de la »"), "{e}");
    }
}
