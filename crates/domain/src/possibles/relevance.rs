//! How well an offer answers a need, by their words: BM25 over the stems the
//! two texts share, and over the lexicon's groups they both name (« fourgon »
//! answers « utilitaire »), within compatible categories. A need and an
//! offer that share no meaningful word, or too little, do not match:
//! three good proposals beat twenty weak ones.

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::lexicon::{Concept, Lexicon};
use super::words::{stemmer, words};
use crate::actor::{Resource, ResourceCategory, ResourceSubcategory};

/// BM25's saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A group of the lexicon both texts name counts this much of a shared
/// word: related, not the same.
const RELATED: f32 = 0.7;
/// The same sub-category on both sides adds this much.
const SAME_SUBCATEGORY: f32 = 1.0;
/// The weight of every word when no counts are known.
const UNCOUNTED_IDF: f32 = 3.0;
/// Texts counted at least, for the weights of words (`Matcher::idf`).
const MIN_DOCS: u32 = 200;
/// Below this, a need and an offer do not match.
pub const MIN_RELEVANCE: f32 = 3.0;

/// A need's or an offer's text, read.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub category: ResourceCategory,
    pub subcategory: Option<ResourceSubcategory>,
    stems: Vec<String>,
    written: Vec<String>,
    concepts: Vec<Concept>,
}

/// Two words that matched: the need's, the offer's (the same word, or two
/// of one group of the lexicon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMatch {
    pub need: String,
    pub offer: String,
}

/// How well an offer answers a need.
#[derive(Debug, Clone, PartialEq)]
pub struct Relevance {
    pub value: f32,
    pub words: Vec<WordMatch>,
}

/// What the ranking needs to read texts: the lexicon, the stemmer and how
/// common each stem is among the texts ranked (rare words weigh more).
pub struct Matcher<'a> {
    lexicon: &'a Lexicon,
    stemmer: Stemmer,
    /// Number of texts counted, and for each stem how many contain it.
    docs: u32,
    df: FxHashMap<String, u32>,
    avg_len: f32,
    /// The stems of words that only name a category (« financer » in
    /// « financement »): they tell nothing more of a need of that category.
    category_stems: Vec<(ResourceCategory, Vec<String>)>,
}

/// Words that only restate their category.
const CATEGORY_WORDS: &[(ResourceCategory, &str)] = &[
    (
        ResourceCategory::Financement,
        "financement financer finance financier financière financements",
    ),
    (ResourceCategory::Materiel, "matériel matériels"),
    (ResourceCategory::Locaux, "local locaux"),
    (ResourceCategory::Competences, "compétence compétences"),
    (ResourceCategory::Benevolat, "bénévole bénévoles bénévolat"),
    (ResourceCategory::Visibilite, "visibilité"),
    (ResourceCategory::Achats, "achat achats acheter"),
];

/// Can a need of the first category be met by an offer of the second? The
/// same category (and the same sub-category when both have one); « autre »
/// meets everything.
#[must_use]
pub fn compatible(need: &Analysed, offer: &Analysed) -> bool {
    use ResourceCategory::Autre;
    if need.category == Autre || offer.category == Autre {
        return true;
    }
    need.category == offer.category
        && match (need.subcategory, offer.subcategory) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
}

impl<'a> Matcher<'a> {
    /// A matcher that knows no counts: every word weighs the same.
    #[must_use]
    pub fn new(lexicon: &'a Lexicon) -> Self {
        let stemmer = stemmer();
        let category_stems = CATEGORY_WORDS
            .iter()
            .map(|(c, w)| (*c, words(&stemmer, w).into_iter().map(|w| w.stem).collect()))
            .collect();
        Self {
            lexicon,
            stemmer,
            docs: 0,
            df: FxHashMap::default(),
            avg_len: 8.0,
            category_stems,
        }
    }

    /// A matcher weighing each stem by how many of `docs` texts contain it
    /// (`df`), texts being `avg_len` words long on average.
    #[must_use]
    pub fn with_counts(
        lexicon: &'a Lexicon,
        docs: u32,
        df: FxHashMap<String, u32>,
        avg_len: f32,
    ) -> Self {
        Self {
            docs,
            df,
            avg_len: avg_len.max(1.0),
            ..Self::new(lexicon)
        }
    }

    /// A matcher with counts taken from `texts` (each one text).
    #[must_use]
    pub fn counting<'t>(lexicon: &'a Lexicon, texts: impl IntoIterator<Item = &'t str>) -> Self {
        let mut m = Self::new(lexicon);
        let mut df: FxHashMap<String, u32> = FxHashMap::default();
        let (mut docs, mut words_seen) = (0_u32, 0_usize);
        for t in texts {
            let mut stems = m.stems(t);
            words_seen += stems.len();
            stems.sort();
            stems.dedup();
            for s in stems {
                *df.entry(s).or_default() += 1;
            }
            docs += 1;
        }
        #[allow(clippy::cast_precision_loss)]
        let avg = words_seen as f32 / docs.max(1) as f32;
        m.docs = docs;
        m.df = df;
        m.avg_len = avg.max(1.0);
        m
    }

    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon
    }

    /// The stems of a text.
    #[must_use]
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(&self.stemmer, text)
            .into_iter()
            .map(|w| w.stem)
            .collect()
    }

    /// The stems a need or an offer may match in others: its own (less the
    /// words that only name its category), and those of the lexicon's
    /// groups it names. What the store short-lists by.
    #[must_use]
    pub fn expanded_stems(&self, r: &Resource) -> Vec<String> {
        let a = self.analyse(r);
        let mut out = a.stems.clone();
        for c in &a.concepts {
            for term in self.lexicon.group(c.group) {
                out.extend(term.stems.iter().cloned());
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The weight of a stem: BM25's inverse document frequency; with no
    /// counts known, that of a fairly rare word.
    #[must_use]
    pub fn idf(&self, stem: &str) -> f32 {
        if self.docs == 0 {
            return UNCOUNTED_IDF;
        }
        // A small directory weighs words as a territory's would: a word
        // two actors of ten use is not common yet.
        let docs = self.docs.max(MIN_DOCS);
        #[allow(clippy::cast_precision_loss)]
        let (n, d) = (
            docs as f32,
            self.df.get(stem).copied().unwrap_or(0).min(docs) as f32,
        );
        (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
    }

    /// Reads a need or an offer; with no sub-category chosen, the one its
    /// words suggest.
    #[must_use]
    pub fn analyse(&self, r: &Resource) -> Analysed {
        let mut w = words(&self.stemmer, &r.text);
        let subcategory = r.subcategory.or_else(|| {
            let all: Vec<String> = w.iter().map(|w| w.stem.clone()).collect();
            ResourceSubcategory::guess_from_stems(r.category, &all)
        });
        if let Some((_, own)) = self.category_stems.iter().find(|c| c.0 == r.category) {
            w.retain(|w| !own.contains(&w.stem));
        }
        let stems: Vec<String> = w.iter().map(|w| w.stem.clone()).collect();
        let concepts = self.lexicon.concepts(&stems);
        Analysed {
            category: r.category,
            subcategory,
            written: w.into_iter().map(|w| w.written).collect(),
            stems,
            concepts,
        }
    }

    /// How well `offer` answers `need`, or `None` below `MIN_RELEVANCE` or
    /// across incompatible categories.
    #[must_use]
    pub fn relevance(&self, need: &Analysed, offer: &Analysed) -> Option<Relevance> {
        if !compatible(need, offer) {
            return None;
        }
        let mut value = 0.0;
        let mut found: Vec<WordMatch> = Vec::new();
        // Words of each side already matched.
        let mut used = vec![false; need.stems.len()];
        let mut used_offer = vec![false; offer.stems.len()];
        for (i, stem) in need.stems.iter().enumerate() {
            if used[i] {
                continue;
            }
            if let Some(j) = offer.stems.iter().position(|s| s == stem) {
                for (k, s) in need.stems.iter().enumerate() {
                    used[k] |= s == stem;
                }
                for (k, s) in offer.stems.iter().enumerate() {
                    used_offer[k] |= s == stem;
                }
                value += self.idf(stem);
                push_word(&mut found, &need.written[i], &offer.written[j]);
            }
        }
        let free = |used: &[bool], c: &Concept| !used[c.at..c.at + c.len].iter().any(|u| *u);
        for c in &need.concepts {
            if !free(&used, c) {
                continue;
            }
            let Some(o) = offer
                .concepts
                .iter()
                .find(|o| o.group == c.group && free(&used_offer, o))
            else {
                continue;
            };
            used[c.at..c.at + c.len].iter_mut().for_each(|u| *u = true);
            used_offer[o.at..o.at + o.len]
                .iter_mut()
                .for_each(|u| *u = true);
            let weight = |a: &Analysed, c: &Concept| {
                a.stems[c.at..c.at + c.len]
                    .iter()
                    .map(|s| self.idf(s))
                    .fold(0.0_f32, f32::max)
            };
            value += RELATED * 0.5 * (weight(need, c) + weight(offer, o));
            push_word(&mut found, &phrase(need, c), &phrase(offer, o));
        }
        if found.is_empty() {
            return None;
        }
        #[allow(clippy::cast_precision_loss)]
        let len = offer.stems.len() as f32;
        value *= (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * len / self.avg_len));
        if need.subcategory.is_some() && need.subcategory == offer.subcategory {
            value += SAME_SUBCATEGORY;
        }
        (value >= MIN_RELEVANCE).then_some(Relevance {
            value,
            words: found,
        })
    }
}

fn phrase(a: &Analysed, c: &Concept) -> String {
    a.written[c.at..c.at + c.len].join(" ")
}

fn push_word(found: &mut Vec<WordMatch>, need: &str, offer: &str) {
    if !found.iter().any(|w| w.need == need && w.offer == offer) {
        found.push(WordMatch {
            need: need.to_owned(),
            offer: offer.to_owned(),
        });
    }
}

/// « utilitaire ↔ camionnette, occasion »: the words that matched, a word
/// alone when both sides wrote it the same.
#[must_use]
pub fn words_in_words(found: &[WordMatch]) -> String {
    found
        .iter()
        .map(|w| {
            if w.need == w.offer {
                w.need.clone()
            } else {
                format!("{} ↔ {}", w.need, w.offer)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ResourceCategory as C;

    fn rel(m: &Matcher<'_>, need: (C, &str), offer: (C, &str)) -> Option<Relevance> {
        m.relevance(
            &m.analyse(&Resource::new(need.0, need.1)),
            &m.analyse(&Resource::new(offer.0, offer.1)),
        )
    }

    #[test]
    fn related_words_match_through_the_lexicon() {
        let l = Lexicon::builtin();
        let m = Matcher::new(&l);
        let r = rel(
            &m,
            (C::Materiel, "Un utilitaire pour nos tournées"),
            (C::Materiel, "Une camionnette à céder"),
        )
        .unwrap();
        assert_eq!(words_in_words(&r.words), "utilitaire ↔ camionnette");
        let r = rel(
            &m,
            (
                C::Materiel,
                "Un véhicule utilitaire d'occasion avec attelage.",
            ),
            (
                C::Materiel,
                "Deux véhicules d'occasion cédés chaque année pour un euro symbolique.",
            ),
        )
        .unwrap();
        assert_eq!(words_in_words(&r.words), "véhicule ↔ véhicules, occasion");
    }

    #[test]
    fn unrelated_or_incompatible_texts_do_not_match() {
        let l = Lexicon::builtin();
        let m = Matcher::new(&l);
        let van = (
            C::Materiel,
            "Un véhicule utilitaire d'occasion avec attelage.",
        );
        assert!(rel(
            &m,
            van,
            (C::Materiel, "Fromages et produits laitiers à date courte")
        )
        .is_none());
        assert!(rel(
            &m,
            van,
            (C::Materiel, "Chutes de bois massif et de panneaux")
        )
        .is_none());
        assert!(rel(
            &m,
            (C::Materiel, "Un fourgon frigorifique"),
            (C::Materiel, "Des fromages frais")
        )
        .is_none());
        // The same word across categories is no match.
        assert!(rel(
            &m,
            (C::Locaux, "Une salle de réunion"),
            (C::Competences, "Animation de réunions")
        )
        .is_none());
        // One common word weighs too little when it is common.
        let counted = Matcher::counting(
            &l,
            ["des salariés", "des salariés", "des salariés", "un fourgon"],
        );
        let (common, rare) = (counted.stems("salariés"), counted.stems("fourgon"));
        assert!(counted.idf(&common[0]) < counted.idf(&rare[0]));
    }

    #[test]
    fn a_sub_category_chosen_on_both_sides_must_agree() {
        let l = Lexicon::builtin();
        let m = Matcher::new(&l);
        let mut need = Resource::new(C::Materiel, "Des chutes de bois pour des bacs");
        let offer = Resource::new(C::Materiel, "Bois de chauffage");
        assert!(m.relevance(&m.analyse(&need), &m.analyse(&offer)).is_some());
        need.subcategory = Some(ResourceSubcategory::Vehicules);
        assert!(m.relevance(&m.analyse(&need), &m.analyse(&offer)).is_none());
    }
}
