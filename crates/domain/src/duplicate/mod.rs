//! Duplicate detection: which actors (organisations) and which contacts are
//! probably the same, so the facilitator can compare them side by side and
//! merge them. Pure and in memory: the caller loads every live actor or
//! contact, passes borrowed views of them here and shows the pairs found.
//!
//! # Organisations
//!
//! Two actors are reported as a pair when at least one of these holds:
//!
//! - **same SIREN** — both carry a SIREN that `normalize_siren` accepts
//!   (9 digits, right check key) and they are equal;
//! - **same RNA** — both carry an RNA number that `normalize_rna` accepts and
//!   they are equal;
//! - **same name** — their names are equal after [`normalize_org_name`]
//!   (no accents, case, punctuation, extra spaces, legal forms or
//!   « Ville de » prefixes), whatever their communes: two « Restos du Cœur »
//!   in two communes are shown, the facilitator knows whether they are one
//!   body or two branches;
//! - **close names** — both are in the same commune (same INSEE code), their
//!   numbers are the same (« Lycée 1 » and « Lycée 2 » are two schools), and
//!   their normalised names are at most a few letters apart (Levenshtein distance,
//!   counted in characters, spaces included). The number of letters allowed
//!   depends on the *shorter* normalised name:
//!   - under [`CLOSE_NAME_MIN_CHARS`] (5) characters: never (« Gare » and
//!     « Gard » are different places);
//!   - 5 to 10 characters: 1 letter;
//!   - 11 characters and more ([`TWO_EDITS_MIN_CHARS`]): 2 letters.
//!
//! **Conflicting identifiers.** When both actors have a SIREN and the SIRENs
//! differ, or both have an RNA number and the numbers differ, they are two
//! distinct legal entities: the name reasons (same name, close names) are
//! dropped for that pair, and the pair is not reported at all unless an
//! identifier still matches (same SIREN but different RNA numbers is a data
//! error worth showing, so identifier reasons are always kept).
//!
//! # Contacts
//!
//! Two contacts are reported when their e-mails are equal ignoring case and
//! surrounding spaces, or when they belong to the same organisation (same
//! actor id) and have the same first and last names once folded (no accents,
//! case, hyphens or extra spaces). Contacts without an organisation are only
//! compared by e-mail: two « Marie Martin » in different organisations, or in
//! none, are different people.
//!
//! Two organisations' general contacts (the « Contact général » an import
//! creates for a row that gives an e-mail or a phone but names no person, see
//! [`crate::contact::is_general_contact`]) are never paired with each other:
//! they stand for no person, so two of them in one organisation (its switchboard
//! and its contact address) or sharing a federation's address are no
//! duplicate. A general contact and a named person with the same e-mail still
//! are.
//!
//! # Groups
//!
//! A group of members sharing a key (a SIREN, a name, an e-mail…) of at most
//! [`ALL_PAIRS_GROUP_MAX`] members yields every pair (at most 10). A bigger
//! group (50 « Mairie », a shared `contact@…` address) is chained instead:
//! each member but the first is paired with the first other member of the
//! group it does not conflict with (the first member, unless identifiers
//! disagree), looking at no more than 64 of them. That is at most n − 1
//! pairs, a star around the oldest entry, which is what a merge needs. The
//! same rule applies to two sets of homonyms whose names are close: up to 25
//! pairs are all emitted, beyond that each member of the smaller set is
//! paired with the first compatible member of the larger one.
//!
//! # Output
//!
//! Each unordered pair appears once, with all its reasons merged in the order
//! of [`MatchReason`]. `a` is the member that comes first in the input (the
//! caller's order, e.g. creation order), `b` the later one. Pairs are sorted
//! by score, strongest first, then by the input positions of `a` and `b`, so
//! the same input always gives the same output.
//!
//! The score is the weight of the strongest reason plus 10 for each further
//! reason. Weights: same SIREN, same RNA, same e-mail 100; same name, same
//! name in the same organisation 70; close names 50 (1 letter) or 40
//! (2 letters).
//!
//! # How the close-name search stays fast
//!
//! Exact reasons use hash maps: linear. The close-name search would be
//! quadratic if every pair of a commune were compared (a city may hold 8,000
//! actors, 32 million pairs). Instead:
//!
//! 1. **Blocking**: only actors of the same commune are compared, and within a
//!    commune each distinct normalised name is handled once (homonyms already
//!    match as « same name »).
//! 2. **Partition filter** (the PassJoin method, Li et al., VLDB 2011): if two
//!    strings are at most k edits apart, cutting the shorter one into k + 1
//!    segments leaves at least one segment untouched by the edits, and that
//!    segment appears verbatim in the longer string, shifted by at most k
//!    positions. Names are taken shortest first; each name looks up, in a
//!    hash index of the segments of the names already seen (keyed by segment
//!    text, segment number and name length), the substrings of itself at the
//!    possible positions — at most 3 lengths × 3 segments × 5 shifts = 45
//!    look-ups per name — then adds its own segments to the index. Substrings
//!    are hashed in O(1) from prefix hashes. This finds *every* pair within
//!    the threshold (a test checks it against an all-pairs search).
//! 3. **Bounded verification**: each candidate is checked once with a banded
//!    Levenshtein (only the 2k + 1 diagonals around the main one, common
//!    prefix and suffix skipped, stop as soon as a whole row exceeds k).
//!
//! The work is thus about linear in the number of actors plus the number of
//! candidates sharing a segment, which stays small for real names. On
//! 100,000 synthetic actors whose biggest commune holds 8,000 of them, the
//! whole organisation search takes about 0.2 s in release mode
//! (`cargo bench -p tisserand-domain --bench dedup`).

mod close_names;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contact::is_general_contact;
use crate::identifiers::{normalize_rna, normalize_siren};
use crate::text::fold;
use close_names::CloseNameSearch;

/// A fast hash map (rustc's Fx hash) for keys, short strings and integers,
/// that no adversary chooses.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Normalised names shorter than this (in characters) are never compared by
/// edit distance: on short names one letter changes everything.
pub const CLOSE_NAME_MIN_CHARS: usize = 5;
/// From this length on (in characters, of the shorter normalised name), two
/// letters of difference are allowed instead of one.
pub const TWO_EDITS_MIN_CHARS: usize = 11;
/// Groups of at most this many members yield all their pairs; bigger groups
/// are chained to their first member.
pub const ALL_PAIRS_GROUP_MAX: usize = 5;
/// Most earlier members tried when looking for a compatible hub in a big group.
const HUB_SCAN_MAX: usize = 64;
/// Most pairs emitted between two sets of homonyms whose names are close.
const CROSS_PAIRS_MAX: usize = 25;
/// Largest number of edits ever allowed.
const MAX_EDITS: usize = 2;

/// Legal forms and generic words removed at the start or the end of a name
/// (never in the middle, where « sa » or « asso » may carry meaning). Written
/// folded; dotted forms (« S.A.R.L. », « S. A. S. ») are joined before the
/// comparison.
const LEGAL_FORMS: &[&str] = &[
    "sa",
    "sas",
    "sasu",
    "sarl",
    "eurl",
    "ei",
    "eirl",
    "sci",
    "scop",
    "scic",
    "snc",
    "gie",
    "selarl",
    "scp",
    "association",
    "asso",
    "assoc",
    "ets",
    "etablissements",
];

/// Prefixes naming the local authority of a commune, removed at the start only:
/// « Ville de Sélestat », « Commune de Sélestat », « Mairie de Sélestat » and
/// « Mairie Sélestat » all name the commune « Sélestat ». « Communauté de
/// communes… » is another body and is kept.
const AUTHORITY_PREFIXES: &[&[&str]] = &[
    &["ville", "de"],
    &["ville", "d"],
    &["commune", "de"],
    &["commune", "d"],
    &["mairie", "de"],
    &["mairie", "d"],
    &["mairie"],
];

/// Why two entries look like the same actor or the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum MatchReason {
    /// Same SIREN.
    SameSiren,
    /// Same RNA number.
    SameRna,
    /// Same name once accents, case, punctuation and legal forms are ignored.
    SameName,
    /// Names a few letters apart, in the same commune.
    CloseName { distance: u32 },
    /// Same e-mail, ignoring case.
    SameEmail,
    /// Same first and last names in the same organisation.
    SameNameSameOrganisation,
}

impl MatchReason {
    /// How strongly this reason alone suggests a duplicate.
    #[must_use]
    pub fn weight(self) -> u32 {
        match self {
            Self::SameSiren | Self::SameRna | Self::SameEmail => 100,
            Self::SameName | Self::SameNameSameOrganisation => 70,
            Self::CloseName { distance } => 60u32.saturating_sub(10 * distance),
        }
    }

    /// What the window shows, in French.
    #[must_use]
    pub fn label_fr(&self) -> String {
        match self {
            Self::SameSiren => "Même SIREN".to_owned(),
            Self::SameRna => "Même numéro RNA".to_owned(),
            Self::SameName => "Même nom (sans accents, casse ni forme juridique)".to_owned(),
            Self::CloseName { distance: 1 } => {
                "Noms proches dans la même commune (1 lettre d'écart)".to_owned()
            }
            Self::CloseName { distance } => {
                format!("Noms proches dans la même commune ({distance} lettres d'écart)")
            }
            Self::SameEmail => "Même e-mail".to_owned(),
            Self::SameNameSameOrganisation => "Même nom dans la même organisation".to_owned(),
        }
    }

    /// What the window shows, in English.
    #[must_use]
    pub fn label_en(&self) -> String {
        match self {
            Self::SameSiren => "Same SIREN".to_owned(),
            Self::SameRna => "Same RNA number".to_owned(),
            Self::SameName => "Same name (ignoring accents, case and legal form)".to_owned(),
            Self::CloseName { distance: 1 } => {
                "Close names in the same commune (1 letter apart)".to_owned()
            }
            Self::CloseName { distance } => {
                format!("Close names in the same commune ({distance} letters apart)")
            }
            Self::SameEmail => "Same e-mail".to_owned(),
            Self::SameNameSameOrganisation => "Same name in the same organisation".to_owned(),
        }
    }

    fn bit(self) -> u8 {
        match self {
            Self::SameSiren => 1,
            Self::SameRna => 1 << 1,
            Self::SameName => 1 << 2,
            Self::CloseName { .. } => 1 << 3,
            Self::SameEmail => 1 << 4,
            Self::SameNameSameOrganisation => 1 << 5,
        }
    }
}

/// Two entries that are probably the same. `a` and `b` are ids; `a` comes
/// first in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DuplicatePair {
    pub a: String,
    pub b: String,
    /// Every reason found, strongest kinds first.
    pub reasons: Vec<MatchReason>,
    /// Strength: the strongest reason's weight plus 10 per further reason.
    pub score: u32,
}

/// An actor as the duplicate search sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OrgCandidate<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub siren: Option<&'a str>,
    pub rna: Option<&'a str>,
    pub commune_insee: Option<&'a str>,
}

/// A contact as the duplicate search sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContactCandidate<'a> {
    pub id: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: Option<&'a str>,
    /// The organisation the person belongs to, if any.
    pub actor_id: Option<&'a str>,
}

/// The key two organisation names are compared by: folded (no accents, lower
/// case, « œ » spelt « oe »), punctuation turned into spaces, « & » read
/// « et », dotted acronyms joined (« S.A.R.L. » → « sarl »), then legal forms
/// (SA, SAS, SASU, SARL, EURL, EI, EIRL, SCI, SCOP, SCIC, SNC, GIE, SELARL,
/// SCP, Association, Asso, Assoc., Ets, Établissements) removed at the start
/// and at the end, and « Ville de », « Commune de », « Mairie de », « Mairie »
/// removed at the start. Words are joined by single spaces. Something is
/// always kept: « SARL » alone stays « sarl ».
///
/// « SARL Boulangerie Martin », « Boulangerie Martin S.A.R.L. » and
/// « boulangerie  martin » all give « boulangerie martin »; « Ville de
/// Sélestat », « Mairie de Sélestat » and « Sélestat » all give « selestat ».
#[must_use]
pub fn normalize_org_name(name: &str) -> String {
    let folded = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        fold(name)
    };
    let tokens = tokenize(&folded);
    let mut start = 0;
    let mut end = tokens.len();
    loop {
        let mut changed = false;
        if let Some(n) = leading_noise(&tokens[start..end]) {
            if end - start > n {
                start += n;
                changed = true;
            }
        }
        if end - start > 1 && LEGAL_FORMS.contains(&tokens[end - 1].as_str()) {
            end -= 1;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    tokens[start..end].join(" ")
}

/// How many tokens at the start of `tokens` are a legal form or an authority
/// prefix.
fn leading_noise(tokens: &[String]) -> Option<usize> {
    let first = tokens.first()?;
    if LEGAL_FORMS.contains(&first.as_str()) {
        return Some(1);
    }
    AUTHORITY_PREFIXES
        .iter()
        .find(|prefix| {
            prefix.len() <= tokens.len() && prefix.iter().zip(tokens).all(|(p, t)| *p == t)
        })
        .map(|prefix| prefix.len())
}

/// Splits folded text into words. A run of single letters separated by dots
/// (« s.a.r.l. », « s. a. s. ») becomes one word; other dots split words.
fn tokenize(folded: &str) -> Vec<String> {
    // (word, is a lone initial written with a dot, like « s. »)
    let mut words: Vec<(String, bool)> = Vec::new();
    for chunk in folded.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '&')) {
        let mut rest = chunk;
        // « & » is « et », glued or not (« Martin&Fils »).
        while let Some(at) = rest.find('&') {
            push_chunk(&mut words, &rest[..at]);
            words.push(("et".to_owned(), false));
            rest = &rest[at + 1..];
        }
        push_chunk(&mut words, rest);
    }
    let mut tokens: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].1 {
            j += 1;
        }
        if j - i >= 2 {
            tokens.push(words[i..j].iter().map(|(w, _)| w.as_str()).collect());
            i = j;
        } else {
            tokens.push(std::mem::take(&mut words[i].0));
            i += 1;
        }
    }
    tokens
}

fn push_chunk(words: &mut Vec<(String, bool)>, chunk: &str) {
    if chunk.is_empty() {
        return;
    }
    if !chunk.contains('.') {
        words.push((chunk.to_owned(), false));
        return;
    }
    let parts: Vec<&str> = chunk.split('.').filter(|p| !p.is_empty()).collect();
    let single_letter = |p: &&str| {
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    };
    if parts.len() >= 2 && parts.iter().all(single_letter) {
        words.push((parts.concat(), false));
    } else if parts.len() == 1 && single_letter(&parts[0]) && chunk.ends_with('.') {
        words.push((parts[0].to_owned(), true));
    } else {
        words.extend(parts.into_iter().map(|p| (p.to_owned(), false)));
    }
}

/// Most letters of difference allowed between two normalised names whose
/// shorter one has `shorter_chars` characters; `None` when too short.
#[must_use]
pub fn close_name_max_edits(shorter_chars: usize) -> Option<usize> {
    if shorter_chars < CLOSE_NAME_MIN_CHARS {
        None
    } else if shorter_chars < TWO_EDITS_MIN_CHARS {
        Some(1)
    } else {
        Some(MAX_EDITS)
    }
}

/// Finds the actors that are probably the same organisation. See the module
/// documentation for the rules.
#[must_use]
pub fn find_org_duplicates(cands: &[OrgCandidate<'_>]) -> Vec<DuplicatePair> {
    let sirens: Vec<Option<String>> = cands
        .iter()
        .map(|c| c.siren.and_then(|s| normalize_siren("siren", s).ok()))
        .collect();
    let rnas: Vec<Option<String>> = cands
        .iter()
        .map(|c| c.rna.and_then(|s| normalize_rna("rna", s).ok()))
        .collect();
    let names: Vec<String> = cands.iter().map(|c| normalize_org_name(c.name)).collect();
    let compatible = |i: u32, j: u32| {
        let (i, j) = (i as usize, j as usize);
        !differ(sirens[i].as_deref(), sirens[j].as_deref())
            && !differ(rnas[i].as_deref(), rnas[j].as_deref())
    };
    let always = |_: u32, _: u32| true;
    let mut pairs = Pairs::default();

    for (keys, reason) in [
        (&sirens, MatchReason::SameSiren),
        (&rnas, MatchReason::SameRna),
    ] {
        let groups = group_by(keys.iter().map(Option::as_deref));
        for members in groups.values() {
            pairs.link_group(members, reason, always);
        }
    }
    let by_name = group_by(names.iter().map(|n| (!n.is_empty()).then_some(n.as_str())));
    for members in by_name.values() {
        pairs.link_group(members, MatchReason::SameName, compatible);
    }

    // Close names: per commune, over distinct names long enough.
    let mut by_commune: FastMap<String, Vec<u32>> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        let Some(code) = c.commune_insee.map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        if names[i].len() < CLOSE_NAME_MIN_CHARS {
            continue; // fewer bytes than 5 means fewer characters too
        }
        by_commune
            .entry(code.to_ascii_uppercase())
            .or_default()
            .push(to_u32(i));
    }
    let mut search = CloseNameSearch::default();
    let mut distinct: Vec<&str> = Vec::new();
    let mut homonyms: Vec<Vec<u32>> = Vec::new();
    let mut slot: FastMap<&str, usize> = FastMap::default();
    for members in by_commune.values() {
        if members.len() < 2 {
            continue;
        }
        distinct.clear();
        homonyms.clear();
        slot.clear();
        for &m in members {
            let name = names[m as usize].as_str();
            let at = *slot.entry(name).or_insert_with(|| {
                distinct.push(name);
                homonyms.push(Vec::new());
                distinct.len() - 1
            });
            homonyms[at].push(m);
        }
        if distinct.len() < 2 {
            continue;
        }
        for (x, y, distance) in search.run(&distinct) {
            let reason = MatchReason::CloseName { distance };
            pairs.link_sets(&homonyms[x], &homonyms[y], reason, compatible);
        }
    }

    pairs.finish(|i| cands[i].id)
}

/// Finds the contacts that are probably the same person. See the module
/// documentation for the rules.
#[must_use]
pub fn find_contact_duplicates(cands: &[ContactCandidate<'_>]) -> Vec<DuplicatePair> {
    let emails: Vec<Option<String>> = cands
        .iter()
        .map(|c| {
            c.email
                .map(|e| e.trim().to_lowercase())
                .filter(|e| !e.is_empty())
        })
        .collect();
    let name_keys: Vec<Option<String>> = cands
        .iter()
        .map(|c| {
            let actor = c.actor_id.map(str::trim).filter(|a| !a.is_empty())?;
            let first = person_name(c.first_name);
            let last = person_name(c.last_name);
            if first.is_empty() && last.is_empty() {
                return None;
            }
            Some(format!("{actor}\u{0}{first}\u{0}{last}"))
        })
        .collect();
    let general: Vec<bool> = cands
        .iter()
        .map(|c| is_general_contact(c.first_name, c.last_name))
        .collect();
    let not_both_general = |i: u32, j: u32| !(general[i as usize] && general[j as usize]);
    let mut pairs = Pairs::default();
    for members in group_by(emails.iter().map(Option::as_deref)).values() {
        pairs.link_group(members, MatchReason::SameEmail, not_both_general);
    }
    for members in group_by(name_keys.iter().map(Option::as_deref)).values() {
        pairs.link_group(
            members,
            MatchReason::SameNameSameOrganisation,
            not_both_general,
        );
    }
    pairs.finish(|i| cands[i].id)
}

/// A person's name folded, hyphens and punctuation read as spaces, spaces
/// collapsed: « Jean-Pierre » and « jean  pierre » give « jean pierre ».
fn person_name(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Both present and different.
fn differ(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Input positions grouped by key, each group in input order.
fn group_by<'k>(keys: impl Iterator<Item = Option<&'k str>>) -> FastMap<&'k str, Vec<u32>> {
    let mut groups: FastMap<&str, Vec<u32>> = FastMap::default();
    for (i, key) in keys.enumerate() {
        if let Some(key) = key {
            groups.entry(key).or_default().push(to_u32(i));
        }
    }
    groups
}

/// Reasons found so far for one pair.
#[derive(Default, Clone, Copy)]
struct Found {
    bits: u8,
    distance: u32,
}

/// The pairs found so far, keyed by (earlier position, later position).
#[derive(Default)]
struct Pairs {
    found: FastMap<u64, Found>,
}

impl Pairs {
    fn add(&mut self, i: u32, j: u32, reason: MatchReason) {
        if i == j {
            return;
        }
        let (lo, hi) = if i < j { (i, j) } else { (j, i) };
        let entry = self
            .found
            .entry((u64::from(lo) << 32) | u64::from(hi))
            .or_default();
        entry.bits |= reason.bit();
        if let MatchReason::CloseName { distance } = reason {
            entry.distance = distance;
        }
    }

    /// Pairs within one group of members sharing a key (in input order).
    fn link_group(
        &mut self,
        members: &[u32],
        reason: MatchReason,
        compatible: impl Fn(u32, u32) -> bool,
    ) {
        if members.len() <= ALL_PAIRS_GROUP_MAX {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    if compatible(i, j) {
                        self.add(i, j, reason);
                    }
                }
            }
        } else {
            for &m in &members[1..] {
                let hub = members
                    .iter()
                    .take(HUB_SCAN_MAX)
                    .find(|&&h| h != m && compatible(h, m));
                if let Some(&h) = hub {
                    self.add(h, m, reason);
                }
            }
        }
    }

    /// Pairs between two sets of members (homonyms on each side).
    fn link_sets(
        &mut self,
        xs: &[u32],
        ys: &[u32],
        reason: MatchReason,
        compatible: impl Fn(u32, u32) -> bool,
    ) {
        if xs.len() * ys.len() <= CROSS_PAIRS_MAX {
            for &x in xs {
                for &y in ys {
                    if compatible(x, y) {
                        self.add(x, y, reason);
                    }
                }
            }
        } else {
            let (small, large) = if xs.len() <= ys.len() {
                (xs, ys)
            } else {
                (ys, xs)
            };
            for &s in small {
                let hub = large.iter().take(HUB_SCAN_MAX).find(|&&l| compatible(l, s));
                if let Some(&l) = hub {
                    self.add(l, s, reason);
                }
            }
        }
    }

    fn finish<'a>(self, id: impl Fn(usize) -> &'a str) -> Vec<DuplicatePair> {
        let mut rows: Vec<(u32, u64, Vec<MatchReason>)> = self
            .found
            .into_iter()
            .map(|(key, found)| {
                let reasons: Vec<MatchReason> = [
                    MatchReason::SameSiren,
                    MatchReason::SameRna,
                    MatchReason::SameName,
                    MatchReason::CloseName {
                        distance: found.distance,
                    },
                    MatchReason::SameEmail,
                    MatchReason::SameNameSameOrganisation,
                ]
                .into_iter()
                .filter(|r| found.bits & r.bit() != 0)
                .collect();
                let strongest = reasons.iter().map(|r| r.weight()).max().unwrap_or(0);
                let extra = u32::try_from(reasons.len().saturating_sub(1)).unwrap_or(0);
                (strongest + 10 * extra, key, reasons)
            })
            .collect();
        rows.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        rows.into_iter()
            .map(|(score, key, reasons)| DuplicatePair {
                a: id((key >> 32) as usize).to_owned(),
                b: id((key & u64::from(u32::MAX)) as usize).to_owned(),
                reasons,
                score,
            })
            .collect()
    }
}
