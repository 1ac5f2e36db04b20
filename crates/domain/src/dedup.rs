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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contact::is_general_contact;
use crate::identifiers::{normalize_rna, normalize_siren};
use crate::text::fold;

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

/// The close-name search over a list of distinct names, with buffers kept
/// from one commune to the next.
#[derive(Default)]
struct CloseNameSearch {
    /// Characters of every name, one after the other.
    chars: Vec<char>,
    /// Per name: start in `chars`, length in characters, start in `prefix`.
    spans: Vec<(usize, usize, usize)>,
    /// Per name, `len + 1` prefix hashes.
    prefix: Vec<u64>,
    /// Powers of the hash base.
    powers: Vec<u64>,
    /// Segment key → names (positions in the list) holding that segment.
    index: FastMap<u64, Vec<u32>>,
    /// Per name, the last name that checked it, so each pair is verified once.
    checked_by: Vec<usize>,
    /// Per name, a hash of its digits in order: names whose numbers differ
    /// (« Lycée 1 » and « Lycée 2 », « Restos 67 » and « Restos 68 ») are
    /// different bodies, never close names.
    numbers: Vec<u64>,
    order: Vec<usize>,
    rows: (Vec<usize>, Vec<usize>),
}

const HASH_BASE: u64 = 0x0000_0100_0000_01b3;

impl CloseNameSearch {
    /// Pairs `(x, y, distance)` of positions in `names`, `x < y`, whose names
    /// are distinct and within [`close_name_max_edits`] of each other.
    fn run(&mut self, names: &[&str]) -> Vec<(usize, usize, u32)> {
        self.load(names);
        let mut out = Vec::new();
        for at in 0..self.order.len() {
            let t = self.order[at];
            let lt = self.spans[t].1;
            let lowest = lt.saturating_sub(MAX_EDITS).max(CLOSE_NAME_MIN_CHARS);
            for l in lowest..=lt {
                let Some(k) = close_name_max_edits(l) else {
                    continue;
                };
                if lt - l > k {
                    continue;
                }
                for (seg, (pos, width)) in segments(l, k).enumerate() {
                    let first = pos.saturating_sub(k);
                    let last = (pos + k).min(lt - width);
                    for start in first..=last {
                        let key = segment_key(self.substring_hash(t, start, width), l, seg);
                        let Some(holders) = self.index.get(&key) else {
                            continue;
                        };
                        for &c in holders {
                            let c = c as usize;
                            if self.checked_by[c] == t {
                                continue;
                            }
                            self.checked_by[c] = t;
                            if self.numbers[c] != self.numbers[t] {
                                continue;
                            }
                            let (ta, tl) = (self.spans[t].0, self.spans[t].1);
                            let (ca, cl) = (self.spans[c].0, self.spans[c].1);
                            let d = bounded_levenshtein(
                                &self.chars[ca..ca + cl],
                                &self.chars[ta..ta + tl],
                                k,
                                &mut self.rows,
                            );
                            if let Some(d) = d.filter(|&d| d > 0) {
                                out.push((c.min(t), c.max(t), to_u32(d)));
                            }
                        }
                    }
                }
            }
            let k = close_name_max_edits(lt).unwrap_or(MAX_EDITS);
            for (seg, (pos, width)) in segments(lt, k).enumerate() {
                let key = segment_key(self.substring_hash(t, pos, width), lt, seg);
                self.index.entry(key).or_default().push(to_u32(t));
            }
        }
        out
    }

    /// Fills the buffers for `names`: characters, prefix hashes, and the
    /// names long enough sorted by length (then position).
    fn load(&mut self, names: &[&str]) {
        self.chars.clear();
        self.spans.clear();
        self.prefix.clear();
        self.index.clear();
        self.order.clear();
        self.checked_by.clear();
        self.checked_by.resize(names.len(), usize::MAX);
        self.numbers.clear();
        self.numbers.extend(names.iter().map(|n| {
            n.chars().filter(char::is_ascii_digit).fold(0u64, |h, c| {
                h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(c))
            })
        }));
        let mut longest = 0;
        for name in names {
            let start = self.chars.len();
            let hstart = self.prefix.len();
            let mut h = 0u64;
            self.prefix.push(h);
            for c in name.chars() {
                self.chars.push(c);
                h = h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(c) + 1);
                self.prefix.push(h);
            }
            let len = self.chars.len() - start;
            longest = longest.max(len);
            self.spans.push((start, len, hstart));
        }
        while self.powers.len() <= longest {
            let next = self.powers.last().map_or(1, |p| p.wrapping_mul(HASH_BASE));
            self.powers.push(next);
        }
        self.order
            .extend((0..names.len()).filter(|&i| self.spans[i].1 >= CLOSE_NAME_MIN_CHARS));
        let spans = &self.spans;
        self.order.sort_unstable_by_key(|&i| (spans[i].1, i));
    }

    fn substring_hash(&self, name: usize, start: usize, width: usize) -> u64 {
        let h = self.spans[name].2 + start;
        self.prefix[h + width].wrapping_sub(self.prefix[h].wrapping_mul(self.powers[width]))
    }
}

/// The `k + 1` segments (start, width) a string of `len` characters is cut
/// into, the last ones one character longer when `len` does not divide.
fn segments(len: usize, k: usize) -> impl Iterator<Item = (usize, usize)> {
    let parts = k + 1;
    let base = len / parts;
    let longer_from = parts - len % parts;
    (0..parts).map(move |i| {
        let start = i * base + i.saturating_sub(longer_from);
        let width = base + usize::from(i >= longer_from);
        (start, width)
    })
}

fn segment_key(hash: u64, len: usize, seg: usize) -> u64 {
    hash ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ (seg as u64 + 1).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
}

/// Levenshtein distance between `a` and `b` if it is at most `k`, computed on
/// the diagonal band of width `2k + 1` only, stopping as soon as a whole row
/// exceeds `k`. `rows` are scratch buffers.
fn bounded_levenshtein(
    a: &[char],
    b: &[char],
    k: usize,
    rows: &mut (Vec<usize>, Vec<usize>),
) -> Option<usize> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > k {
        return None;
    }
    let common_prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[common_prefix..], &b[common_prefix..]);
    let common_suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - common_suffix], &b[..b.len() - common_suffix]);
    let (n, m) = (a.len(), b.len());
    if n == 0 {
        return Some(m); // m <= k, checked above
    }
    let over = k + 1;
    let (prev, cur) = rows;
    prev.clear();
    prev.extend((0..=m).map(|j| j.min(over)));
    cur.clear();
    cur.resize(m + 1, over);
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        cur[lo - 1] = if lo == 1 { i.min(over) } else { over };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost)
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(over);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < m {
            cur[hi + 1] = over;
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    let d = prev[m];
    (d <= k).then_some(d)
}

/// A small, fast hasher (the Fx hash of rustc) for maps keyed by short
/// strings and integers that no adversary chooses.
#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn org<'a>(id: &'a str, name: &'a str) -> OrgCandidate<'a> {
        OrgCandidate {
            id,
            name,
            ..OrgCandidate::default()
        }
    }

    fn in_commune<'a>(id: &'a str, name: &'a str, insee: &'a str) -> OrgCandidate<'a> {
        OrgCandidate {
            commune_insee: Some(insee),
            ..org(id, name)
        }
    }

    fn contact<'a>(
        id: &'a str,
        first: &'a str,
        last: &'a str,
        email: Option<&'a str>,
        actor: Option<&'a str>,
    ) -> ContactCandidate<'a> {
        ContactCandidate {
            id,
            first_name: first,
            last_name: last,
            email,
            actor_id: actor,
        }
    }

    fn ids(pairs: &[DuplicatePair]) -> Vec<(&str, &str)> {
        pairs.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect()
    }

    /// SplitMix64: a tiny deterministic generator for the random tests.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// A valid SIREN built from `n` (8 digits plus the Luhn key).
    fn siren(n: u32) -> String {
        let body = format!("{:08}", n % 100_000_000);
        (0..10)
            .map(|key| format!("{body}{key}"))
            .find(|s| crate::identifiers::luhn_valid(s))
            .unwrap_or_default()
    }

    fn levenshtein(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn dedup_normalize_org_name_table() {
        let table: &[(&str, &str)] = &[
            ("SARL Boulangerie Martin", "boulangerie martin"),
            ("Boulangerie Martin S.A.R.L.", "boulangerie martin"),
            ("boulangerie   martin", "boulangerie martin"),
            ("Boulangerie Martin (SARL)", "boulangerie martin"),
            ("S. A. R. L. Boulangerie Martin", "boulangerie martin"),
            ("Boulangerie Martin, sarl.", "boulangerie martin"),
            ("S.A.S Boulangerie Martin - SASU", "boulangerie martin"),
            ("EURL Boulangerie Martin EI", "boulangerie martin"),
            ("Restos du Cœur Sélestat", "restos du coeur selestat"),
            ("RESTOS DU COEUR SELESTAT", "restos du coeur selestat"),
            ("Ville de Sélestat", "selestat"),
            ("Commune de Sélestat", "selestat"),
            ("Mairie de Sélestat", "selestat"),
            ("Mairie Sélestat", "selestat"),
            ("Sélestat", "selestat"),
            ("Ville d'Obernai", "obernai"),
            ("Commune de La Wantzenau", "la wantzenau"),
            (
                "Théâtre de la Ville de Paris",
                "theatre de la ville de paris",
            ),
            (
                "Communauté de communes de Sélestat",
                "communaute de communes de selestat",
            ),
            ("Association Les Amis du Musée", "les amis du musee"),
            ("Asso. Les amis du musée", "les amis du musee"),
            ("Assoc. Les Amis du Musée", "les amis du musee"),
            ("Ets Martin", "martin"),
            ("Établissements Martin", "martin"),
            ("Ets. Martin", "martin"),
            ("Martin & Fils", "martin et fils"),
            ("Martin&Fils", "martin et fils"),
            ("Martin et fils", "martin et fils"),
            ("L’Atelier", "l atelier"),
            ("L'atelier", "l atelier"),
            ("Œuvre Sociale", "oeuvre sociale"),
            // The one folding of `text::fold`: ligatures, dashes, spaces.
            ("ﬁbre Optique Kœnig", "fibre optique koenig"),
            (
                "Saint\u{2011}Louis\u{a0}Énergies SAS",
                "saint louis energies",
            ),
            ("SCHŒLLER – Boulangerie", "schoeller boulangerie"),
            ("Boulangerie.Martin", "boulangerie martin"),
            ("J.M. Martin", "jm martin"),
            ("J. M. Martin", "jm martin"),
            // Legal forms are noise only at the edges, and something is kept.
            ("Fonds SA Entreprendre", "fonds sa entreprendre"),
            ("SARL", "sarl"),
            ("Mairie", "mairie"),
            ("Ville de", "ville de"),
            ("", ""),
            ("  « — »  ", ""),
        ];
        for (raw, expected) in table {
            assert_eq!(normalize_org_name(raw), *expected, "normalising « {raw} »");
        }
    }

    #[test]
    fn dedup_same_siren_rna_and_name() {
        let s = siren(12_345_678);
        let cands = [
            OrgCandidate {
                siren: Some(&s),
                ..org("a", "Alpha")
            },
            OrgCandidate {
                siren: Some(&s),
                ..org("b", "Beta Conseil")
            },
            OrgCandidate {
                rna: Some("W672001234"),
                ..org("c", "Les Amis du Musée")
            },
            OrgCandidate {
                rna: Some("w 672001234"),
                ..org("d", "Amis des Musées")
            },
            org("e", "SARL Boulangerie Martin"),
            org("f", "Boulangerie Martin S.A.R.L."),
        ];
        let found = find_org_duplicates(&cands);
        assert_eq!(ids(&found), [("a", "b"), ("c", "d"), ("e", "f")]);
        assert_eq!(found[0].reasons, [MatchReason::SameSiren]);
        assert_eq!(found[0].score, 100);
        assert_eq!(found[1].reasons, [MatchReason::SameRna]);
        assert_eq!(found[2].reasons, [MatchReason::SameName]);
        assert_eq!(found[2].score, 70);
    }

    #[test]
    fn dedup_reasons_merge_on_one_pair() {
        let s = siren(87_654_321);
        let cands = [
            OrgCandidate {
                siren: Some(&s),
                ..org("x", "Ville de Sélestat")
            },
            OrgCandidate {
                siren: Some(&s),
                ..org("y", "Mairie de Selestat")
            },
        ];
        let found = find_org_duplicates(&cands);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].reasons,
            [MatchReason::SameSiren, MatchReason::SameName]
        );
        assert_eq!(found[0].score, 110);
    }

    #[test]
    fn dedup_different_identifiers_are_not_duplicates() {
        let (s1, s2) = (siren(11_111_111), siren(22_222_222));
        let cands = [
            OrgCandidate {
                siren: Some(&s1),
                ..in_commune("a", "Boulangerie Martin", "67462")
            },
            OrgCandidate {
                siren: Some(&s2),
                ..in_commune("b", "Boulangerie Martin", "67462")
            },
            OrgCandidate {
                siren: Some(&s2),
                ..in_commune("c", "Boulangerie Martinn", "67462")
            },
            OrgCandidate {
                rna: Some("W672000001"),
                ..org("d", "Club de Judo")
            },
            OrgCandidate {
                rna: Some("W672000002"),
                ..org("e", "Club de Judo")
            },
        ];
        let found = find_org_duplicates(&cands);
        // b and c share their SIREN; a conflicts with both.
        assert_eq!(ids(&found), [("b", "c")]);
        assert_eq!(
            found[0].reasons,
            [
                MatchReason::SameSiren,
                MatchReason::CloseName { distance: 1 }
            ]
        );
    }

    #[test]
    fn dedup_missing_identifier_does_not_veto() {
        let s = siren(33_333_333);
        let cands = [
            OrgCandidate {
                siren: Some(&s),
                ..org("a", "Garage Leroy")
            },
            org("b", "GARAGE LEROY SARL"),
        ];
        let found = find_org_duplicates(&cands);
        assert_eq!(ids(&found), [("a", "b")]);
        assert_eq!(found[0].reasons, [MatchReason::SameName]);
    }

    #[test]
    fn dedup_same_siren_different_rna_is_still_shown() {
        let s = siren(44_444_444);
        let cands = [
            OrgCandidate {
                siren: Some(&s),
                rna: Some("W672000001"),
                ..org("a", "Club de Judo")
            },
            OrgCandidate {
                siren: Some(&s),
                rna: Some("W672000002"),
                ..org("b", "Club de Judo")
            },
        ];
        let found = find_org_duplicates(&cands);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reasons, [MatchReason::SameSiren]);
    }

    #[test]
    fn dedup_invalid_identifiers_are_ignored() {
        let cands = [
            OrgCandidate {
                siren: Some("123456789"), // wrong key
                ..org("a", "Alpha")
            },
            OrgCandidate {
                siren: Some("123456789"),
                ..org("b", "Beta")
            },
        ];
        assert!(find_org_duplicates(&cands).is_empty());
    }

    #[test]
    fn dedup_close_names_need_the_same_commune() {
        let cands = [
            in_commune("a", "Boulangerie Martin", "67462"),
            in_commune("b", "Boulangerie Martinn", "67462"),
            in_commune("c", "Boulangerie Martinn", "67482"),
            org("d", "Boulangerie Martinnn"),
        ];
        let found = find_org_duplicates(&cands);
        // b and c have the same name; only a and b share a commune.
        assert_eq!(ids(&found), [("b", "c"), ("a", "b")]);
        assert_eq!(found[1].reasons, [MatchReason::CloseName { distance: 1 }]);
        assert_eq!(found[1].score, 50);
    }

    #[test]
    fn dedup_close_name_thresholds() {
        let pairs = |x: &str, y: &str| {
            let cands = [in_commune("x", x, "67462"), in_commune("y", y, "67462")];
            find_org_duplicates(&cands)
                .first()
                .map(|p| p.reasons.clone())
        };
        let close = |d| Some(vec![MatchReason::CloseName { distance: d }]);
        // Under 5 characters: never.
        assert_eq!(pairs("Gare", "Gard"), None);
        assert_eq!(pairs("SARL Gare", "Gard"), None);
        // 5 to 10 characters: one letter.
        assert_eq!(pairs("Café Lune", "Cafe Luna"), close(1));
        assert_eq!(pairs("Café Lune", "Cafe Lyna"), None);
        assert_eq!(pairs("Mairie", "Marie"), close(1));
        // 11 and more: two letters.
        assert_eq!(pairs("Garage Leroy", "Garaje Lerox"), close(2));
        assert_eq!(pairs("Garage Leroy", "Garaje Lerux SAS"), None);
        assert_eq!(pairs("Boulangerie Martin", "Boulangeries Marti"), close(2));
        // The shorter name decides: 10 vs 12 characters allows one letter.
        assert_eq!(pairs("Atelier Lo", "Atelier Lola"), None);
        assert_eq!(pairs("Atelier Lo", "Atelier Lol"), close(1));
        // Different numbers: different bodies.
        assert_eq!(pairs("Atelier 12", "Atelier 123"), None);
    }

    #[test]
    fn dedup_contacts_by_email_and_by_name_in_organisation() {
        let cands = [
            contact("c1", "Marie", "Martin", Some("marie@asso.fr"), Some("A")),
            contact("c2", "M.", "Martin", Some(" Marie@ASSO.fr "), None),
            contact("c3", "Jean-Pierre", "Dupont", None, Some("A")),
            contact("c4", "jean pierre", "DUPONT", Some("jp@x.fr"), Some("A")),
            contact("c5", "Jean-Pierre", "Dupont", None, Some("B")),
            contact("c6", "Paul", "Henry", None, None),
            contact("c7", "Paul", "Henry", None, None),
            contact("c8", "", "", Some(""), Some("A")),
            contact("c9", "", "", Some("  "), Some("A")),
        ];
        let found = find_contact_duplicates(&cands);
        assert_eq!(ids(&found), [("c1", "c2"), ("c3", "c4")]);
        assert_eq!(found[0].reasons, [MatchReason::SameEmail]);
        assert_eq!(found[0].score, 100);
        assert_eq!(found[1].reasons, [MatchReason::SameNameSameOrganisation]);
        assert_eq!(found[1].score, 70);

        let both = [
            contact("k1", "Anne", "Roth", Some("anne@x.fr"), Some("A")),
            contact("k2", "Anne", "Roth", Some("ANNE@x.fr"), Some("A")),
        ];
        let found = find_contact_duplicates(&both);
        assert_eq!(
            found[0].reasons,
            [
                MatchReason::SameEmail,
                MatchReason::SameNameSameOrganisation
            ]
        );
        assert_eq!(found[0].score, 110);
    }

    #[test]
    fn general_contacts_are_never_duplicates_of_each_other() {
        let cands = [
            // One organisation's switchboard and contact address, as an
            // import of two rows for it creates them.
            contact(
                "g1",
                "",
                "Contact général",
                Some("contact@asso.fr"),
                Some("A"),
            ),
            contact("g2", "", "Contact général", None, Some("A")),
            contact(
                "g3",
                " ",
                "contact general",
                Some("contact@asso.fr"),
                Some("A"),
            ),
            // A federation's address given for two member organisations.
            contact("g4", "", "Contact général", Some("info@fede.fr"), Some("B")),
            contact("g5", "", "Contact général", Some("INFO@fede.fr"), Some("C")),
            // A person who uses the general address is still proposed.
            contact("p1", "Marie", "Martin", Some("contact@asso.fr"), Some("A")),
        ];
        let found = find_contact_duplicates(&cands);
        assert_eq!(ids(&found), [("g1", "p1"), ("g3", "p1")]);
        assert!(found.iter().all(|p| p.reasons == [MatchReason::SameEmail]));
        // A big group of general contacts sharing one address: still no pair.
        let ids_big: Vec<String> = (0..12).map(|i| format!("g{i}")).collect();
        let big: Vec<ContactCandidate> = ids_big
            .iter()
            .map(|id| contact(id, "", "Contact général", Some("contact@x.fr"), Some("A")))
            .collect();
        assert!(find_contact_duplicates(&big).is_empty());
    }

    #[test]
    fn dedup_small_groups_give_all_pairs_big_groups_a_star() {
        let names: Vec<String> = (0..5).map(|i| format!("m{i}")).collect();
        let small: Vec<OrgCandidate> = names.iter().map(|id| org(id, "Mairie")).collect();
        assert_eq!(find_org_duplicates(&small).len(), 10);

        let names: Vec<String> = (0..50).map(|i| format!("m{i:02}")).collect();
        let big: Vec<OrgCandidate> = names.iter().map(|id| org(id, "Mairie")).collect();
        let found = find_org_duplicates(&big);
        assert_eq!(found.len(), 49);
        assert!(found.iter().all(|p| p.a == "m00"));
        assert_eq!(found[0].b, "m01");
        assert_eq!(found[48].b, "m49");

        // A big group whose first member has another SIREN: the others are
        // chained to the first member they do not conflict with.
        let (s1, s2) = (siren(1), siren(2));
        let mut mixed: Vec<OrgCandidate> = names.iter().map(|id| org(id, "Mairie")).collect();
        mixed[0].siren = Some(&s1);
        mixed[1].siren = Some(&s2);
        let found = find_org_duplicates(&mixed);
        assert_eq!(found.len(), 49);
        assert!(found.iter().any(|p| p.a == "m00" && p.b == "m02"));
        assert!(found.iter().any(|p| p.a == "m01" && p.b == "m02"));
    }

    #[test]
    fn dedup_output_is_deterministic_and_ordered() {
        let s = siren(55_555_555);
        let cands = [
            in_commune("z", "Boulangerie Martin", "67462"),
            in_commune("y", "Boulangerie Martinn", "67462"),
            OrgCandidate {
                siren: Some(&s),
                ..org("x", "Alpha")
            },
            org("w", "Ets Dupont"),
            OrgCandidate {
                siren: Some(&s),
                ..org("v", "Beta")
            },
            org("u", "Dupont"),
        ];
        let first = find_org_duplicates(&cands);
        for _ in 0..5 {
            assert_eq!(find_org_duplicates(&cands), first);
        }
        assert_eq!(ids(&first), [("x", "v"), ("w", "u"), ("z", "y")]);
        assert!(first.windows(2).all(|w| w[0].score >= w[1].score));

        // Reversing the input swaps a and b but finds the same pairs.
        let mut reversed = cands;
        reversed.reverse();
        let unordered =
            |pairs: Vec<DuplicatePair>| -> BTreeSet<(String, String, Vec<MatchReason>)> {
                pairs
                    .into_iter()
                    .map(|p| {
                        let (a, b) = if p.a < p.b { (p.a, p.b) } else { (p.b, p.a) };
                        (a, b, p.reasons)
                    })
                    .collect()
            };
        assert_eq!(unordered(find_org_duplicates(&reversed)), unordered(first));
    }

    #[test]
    fn dedup_reason_json_and_labels() {
        let json = serde_json::to_string(&MatchReason::CloseName { distance: 1 }).unwrap();
        assert_eq!(json, r#"{"kind":"closeName","distance":1}"#);
        let json = serde_json::to_string(&MatchReason::SameNameSameOrganisation).unwrap();
        assert_eq!(json, r#"{"kind":"sameNameSameOrganisation"}"#);
        let pair = DuplicatePair {
            a: "1".into(),
            b: "2".into(),
            reasons: vec![MatchReason::SameSiren],
            score: 100,
        };
        let json = serde_json::to_string(&pair).unwrap();
        assert_eq!(
            json,
            r#"{"a":"1","b":"2","reasons":[{"kind":"sameSiren"}],"score":100}"#
        );
        assert_eq!(MatchReason::SameSiren.label_fr(), "Même SIREN");
        assert_eq!(
            MatchReason::CloseName { distance: 1 }.label_fr(),
            "Noms proches dans la même commune (1 lettre d'écart)"
        );
        assert_eq!(
            MatchReason::CloseName { distance: 2 }.label_fr(),
            "Noms proches dans la même commune (2 lettres d'écart)"
        );
        assert_eq!(
            MatchReason::CloseName { distance: 2 }.label_en(),
            "Close names in the same commune (2 letters apart)"
        );
        assert_eq!(MatchReason::SameEmail.label_fr(), "Même e-mail");
        assert_eq!(
            MatchReason::SameNameSameOrganisation.label_fr(),
            "Même nom dans la même organisation"
        );
    }

    #[test]
    fn dedup_bounded_levenshtein_matches_full() {
        let mut rng = Rng(7);
        let mut rows = (Vec::new(), Vec::new());
        let alphabet: Vec<char> = "abcé ".chars().collect();
        for _ in 0..20_000 {
            let word = |rng: &mut Rng| -> String {
                let len = rng.below(9);
                (0..len)
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect()
            };
            let (a, b) = (word(&mut rng), word(&mut rng));
            let full = levenshtein(&a, &b);
            let ac: Vec<char> = a.chars().collect();
            let bc: Vec<char> = b.chars().collect();
            for k in 0..=MAX_EDITS {
                let bounded = bounded_levenshtein(&ac, &bc, k, &mut rows);
                assert_eq!(bounded, (full <= k).then_some(full), "{a:?} {b:?} k={k}");
            }
        }
    }

    fn digits(s: &str) -> String {
        s.chars().filter(char::is_ascii_digit).collect()
    }

    #[test]
    fn dedup_names_with_different_numbers_are_not_close() {
        let c = [
            in_commune("1", "Lycée 1 du Ried", "67462"),
            in_commune("2", "Lycée 2 du Ried", "67462"),
            in_commune("3", "Lycée 1 du Riedd", "67462"),
        ];
        let pairs = find_org_duplicates(&c);
        assert_eq!(ids(&pairs), vec![("1", "3")]);
    }

    /// Names made from a few stems with random one-letter edits, so that many
    /// are 1 or 2 letters apart.
    fn synthetic_names(rng: &mut Rng, count: usize) -> Vec<String> {
        let stems = [
            "boulangerie martin",
            "garage leroy",
            "cafe lune",
            "mairie",
            "atelier 12",
            "club de judo",
            "les amis du musee",
            "restos du coeur",
            "gare",
            "pharmacie centrale",
            "ecole",
            "judo club",
        ];
        let letters: Vec<char> = "aeimnorstu ".chars().collect();
        (0..count)
            .map(|_| {
                let mut name: Vec<char> = stems[rng.below(stems.len())].chars().collect();
                for _ in 0..=rng.below(3) {
                    let at = rng.below(name.len() + 1);
                    let c = letters[rng.below(letters.len())];
                    match rng.below(3) {
                        0 => name.insert(at, c),
                        1 if at < name.len() => {
                            name.remove(at);
                        }
                        _ if at < name.len() => name[at] = c,
                        _ => name.push(c),
                    }
                }
                name.into_iter().collect()
            })
            .collect()
    }

    #[test]
    fn dedup_close_name_search_matches_brute_force() {
        let mut rng = Rng(42);
        let mut search = CloseNameSearch::default();
        for _ in 0..30 {
            let names: Vec<String> = synthetic_names(&mut rng, 200)
                .into_iter()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut fast: Vec<(usize, usize, u32)> = search.run(&refs);
            fast.sort_unstable();
            let mut naive = Vec::new();
            for i in 0..names.len() {
                for j in i + 1..names.len() {
                    let shorter = names[i].chars().count().min(names[j].chars().count());
                    let Some(k) = close_name_max_edits(shorter) else {
                        continue;
                    };
                    let d = levenshtein(&names[i], &names[j]);
                    if d > 0 && d <= k && digits(&names[i]) == digits(&names[j]) {
                        naive.push((i, j, to_u32(d)));
                    }
                }
            }
            assert!(naive.len() > 50, "the test set should have close names");
            assert_eq!(fast, naive);
        }
    }

    #[test]
    fn dedup_org_duplicates_match_brute_force() {
        let mut rng = Rng(2026);
        let mut rounds_checked = 0;
        for round in 0..10 {
            let names = synthetic_names(&mut rng, 200);
            let sirens: Vec<String> = (0..8).map(|i| siren(100 + i)).collect();
            let communes = ["67462", "67482", "68066"];
            let ids: Vec<String> = (0..names.len()).map(|i| format!("{round}-{i}")).collect();
            let cands: Vec<OrgCandidate> = (0..names.len())
                .map(|i| OrgCandidate {
                    id: &ids[i],
                    name: &names[i],
                    siren: (rng.below(10) == 0).then(|| sirens[rng.below(8)].as_str()),
                    rna: None,
                    commune_insee: (rng.below(8) != 0).then(|| communes[rng.below(3)]),
                })
                .collect();
            // The brute force knows no group cap: check that none applies.
            let norm: Vec<String> = names.iter().map(|n| normalize_org_name(n)).collect();
            let mut sizes: HashMap<&str, usize> = HashMap::new();
            for n in &norm {
                *sizes.entry(n.as_str()).or_default() += 1;
            }
            let mut siren_sizes: HashMap<&str, usize> = HashMap::new();
            for s in cands.iter().filter_map(|c| c.siren) {
                *siren_sizes.entry(s).or_default() += 1;
            }
            if sizes.values().chain(siren_sizes.values()).any(|&s| s > 5) {
                continue;
            }

            let mut naive: BTreeSet<(String, String, Vec<MatchReason>)> = BTreeSet::new();
            for i in 0..cands.len() {
                for j in i + 1..cands.len() {
                    let (x, y) = (&cands[i], &cands[j]);
                    let mut reasons = Vec::new();
                    if x.siren.is_some() && x.siren == y.siren {
                        reasons.push(MatchReason::SameSiren);
                    }
                    let conflict = differ(x.siren, y.siren);
                    if !conflict && !norm[i].is_empty() && norm[i] == norm[j] {
                        reasons.push(MatchReason::SameName);
                    }
                    let shorter = norm[i].chars().count().min(norm[j].chars().count());
                    if let Some(k) = close_name_max_edits(shorter) {
                        let d = levenshtein(&norm[i], &norm[j]);
                        if !conflict
                            && digits(&norm[i]) == digits(&norm[j])
                            && x.commune_insee.is_some()
                            && x.commune_insee == y.commune_insee
                            && d > 0
                            && d <= k
                        {
                            reasons.push(MatchReason::CloseName {
                                distance: to_u32(d),
                            });
                        }
                    }
                    if !reasons.is_empty() {
                        naive.insert((x.id.to_owned(), y.id.to_owned(), reasons));
                    }
                }
            }
            let fast: BTreeSet<(String, String, Vec<MatchReason>)> = find_org_duplicates(&cands)
                .into_iter()
                .map(|p| (p.a, p.b, p.reasons))
                .collect();
            assert!(naive.len() > 20, "the test set should have duplicates");
            assert_eq!(fast, naive, "round {round}");
            rounds_checked += 1;
        }
        assert!(rounds_checked >= 5, "only {rounds_checked} rounds checked");
    }
}
