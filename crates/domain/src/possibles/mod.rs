//! « Champ des possibles »: from one actor, which others could it build a
//! partnership with, why, and in which of Le RAMEAU's modes. An actor's
//! needs met by another's offers (and the reverse) make a possibility; the
//! kinds of the two actors decide the plausible mode (a company lending
//! premises to an association is mécénat logistique; an association selling
//! services to a company is coopération économique). A need is met by an
//! offer when their words say so (`relevance`: stems, the lexicon's related
//! words, BM25) within compatible categories; then nearness and
//! complementary kinds rank them.

pub mod lexicon;
pub mod quality;
pub mod relevance;
pub mod words;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{ActorKind, Resource, ResourceCategory};
use crate::partnership::{Modes, PartnershipInput, Party, PartyRole};
use crate::rameau::{MecenatKind, RameauMode};
use crate::text::fold;
pub use lexicon::{Lexicon, LexiconError};
use relevance::words_in_words;
pub use relevance::{Matcher, Relevance, WordMatch};

/// What the ranking knows of an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub commune: Option<String>,
    pub epci: Option<String>,
    pub departement: Option<String>,
    pub needs: Vec<Resource>,
    pub offers: Vec<Resource>,
}

/// Points per unit of relevance of a need of the explored actor met by the
/// other's offer, and of an offer of it meeting the other's need; points of
/// nearness and complementary kinds.
pub const NEED_MET: u32 = 10;
pub const OFFER_MET: u32 = 7;
pub const SAME_COMMUNE: u32 = 15;
pub const SAME_EPCI: u32 = 10;
pub const SAME_DEPARTEMENT: u32 = 5;
pub const COMPLEMENTARY: u32 = 10;

/// Another actor the explored one could work with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Possibility {
    pub actor_id: String,
    pub actor_name: String,
    pub actor_kind: ActorKind,
    /// Its commune's name.
    pub place: Option<String>,
    pub score: u32,
    /// The plausible modes, most plausible first.
    pub modes: Vec<RameauMode>,
    pub mecenat_kinds: Vec<MecenatKind>,
    /// Why, one sentence a reason, strongest first.
    pub reasons: Vec<String>,
    pub reasons_en: Vec<String>,
    /// Each need met by an offer, with the words that matched, strongest
    /// first (the first `matches.len()` reasons say the same in a sentence).
    pub matches: Vec<ResourceMatch>,
    /// The reasons that are not a need met: nearness, complementary kinds.
    pub context_reasons: Vec<String>,
    pub context_reasons_en: Vec<String>,
    /// Live partnerships the two already share.
    pub shared_partnerships: u32,
    /// What « start a partnership » creates: both parties, the plausible
    /// modes, stage « rencontre ».
    pub proposal: PartnershipInput,
}

/// A need met by an offer, and why: the words of each that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResourceMatch {
    /// The need is the explored actor's (else the other's, met by its offer).
    pub own_need: bool,
    pub need: String,
    pub offer: String,
    /// (need's word, offer's word), the same word or two related ones.
    pub words: Vec<MatchedWords>,
    /// What it reads as: « du matériel donné ».
    pub reading: String,
    pub reading_en: String,
    pub points: u32,
}

/// A word of the need and the word of the offer that answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MatchedWords {
    pub need: String,
    pub offer: String,
}

/// The mode a resource suggests when `giver` brings it to `receiver`, with
/// the kind of mécénat and a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub mode: RameauMode,
    pub mecenat: Option<MecenatKind>,
    pub fr: &'static str,
    pub en: &'static str,
}

/// Can give in mécénat: companies, foundations, funders.
fn patron(k: ActorKind) -> bool {
    matches!(
        k,
        ActorKind::Entreprise | ActorKind::Fondation | ActorKind::Financeur
    )
}

/// Can receive in mécénat: bodies of general interest.
fn general_interest(k: ActorKind) -> bool {
    matches!(
        k,
        ActorKind::Association
            | ActorKind::Fondation
            | ActorKind::Collectivite
            | ActorKind::EtablissementPublic
    )
}

/// A company and a body of general interest: the two worlds a partnership
/// links.
#[must_use]
pub fn complementary(a: ActorKind, b: ActorKind) -> bool {
    let business = |k: ActorKind| k == ActorKind::Entreprise;
    (business(a) && general_interest(b)) || (general_interest(a) && business(b))
}

/// The rules: what `category` brought by `giver` to `receiver` most
/// plausibly is.
#[must_use]
pub fn reading(category: ResourceCategory, giver: ActorKind, receiver: ActorKind) -> Reading {
    use RameauMode::{CooperationEconomique, InnovationSocietale, Mecenat, PratiquesResponsables};
    use ResourceCategory as C;
    let gift = patron(giver) && general_interest(receiver) && giver != receiver;
    let r = |mode, mecenat, fr, en| Reading {
        mode,
        mecenat,
        fr,
        en,
    };
    match category {
        C::Financement if gift => r(
            Mecenat,
            Some(MecenatKind::Financier),
            "un don financier",
            "a financial gift",
        ),
        C::Locaux if gift => r(
            Mecenat,
            Some(MecenatKind::Logistique),
            "des locaux prêtés",
            "premises lent",
        ),
        C::Materiel if gift => r(
            Mecenat,
            Some(MecenatKind::EnNature),
            "du matériel donné",
            "equipment given",
        ),
        C::Competences if gift => r(
            Mecenat,
            Some(MecenatKind::Competences),
            "des salariés qui apportent leur métier",
            "employees bringing their trade",
        ),
        C::Competences if general_interest(giver) && receiver == ActorKind::Entreprise => r(
            PratiquesResponsables,
            None,
            "une expertise associative au service des pratiques de l'entreprise",
            "an association's expertise for the company's own practices",
        ),
        C::Benevolat => r(
            PratiquesResponsables,
            None,
            "l'engagement bénévole de salariés",
            "employees volunteering",
        ),
        C::Achats => r(
            CooperationEconomique,
            None,
            "des achats responsables ou inclusifs",
            "responsible or inclusive purchasing",
        ),
        C::Visibilite if general_interest(giver) && patron(receiver) => r(
            Mecenat,
            None,
            "de la visibilité, contrepartie d'un mécénat",
            "visibility, a philanthropy counterpart",
        ),
        C::Autre => r(
            InnovationSocietale,
            None,
            "une piste à explorer ensemble",
            "a lead to explore together",
        ),
        C::Financement | C::Locaux | C::Materiel | C::Competences | C::Visibilite => r(
            CooperationEconomique,
            None,
            "un échange économique entre les deux",
            "an economic exchange between them",
        ),
    }
}

const INNOVATION_ROOTS: &[&str] = &[
    "innov",
    "experim",
    "pilote",
    "prototyp",
    "recherche",
    "nouveau",
    "nouvelle",
];

/// The assessment of `other` for `from`, or `None` when no need of either
/// is met by an offer of the other (see `Matcher::relevance`). The pairwise
/// ranking: the store short-lists candidates, then assesses each.
#[must_use]
pub fn assess(m: &Matcher<'_>, from: &Profile, other: &Profile) -> Option<Assessment> {
    let mut a = Assessment::default();
    // Needs of `from` met by offers of `other`, then the reverse.
    for (needer, giver, points, mine) in [
        (from, other, NEED_MET, true),
        (other, from, OFFER_MET, false),
    ] {
        let offers: Vec<_> = giver.offers.iter().map(|o| (o, m.analyse(o))).collect();
        for need in &needer.needs {
            let read_need = m.analyse(need);
            let best = offers
                .iter()
                .filter_map(|(o, ao)| m.relevance(&read_need, ao).map(|r| (*o, r)))
                .max_by(|x, y| x.1.value.total_cmp(&y.1.value));
            let Some((offer, relevance)) = best else {
                continue;
            };
            let read = reading(need.category, giver.kind, needer.kind);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let earned = (relevance.value * points as f32).round() as u32;
            a.add_met_need(need, offer, &read, earned, mine, &relevance.words);
        }
    }
    if a.matches.is_empty() {
        return None;
    }
    a.add_nearness(from, other);
    if complementary(from.kind, other.kind) {
        a.score += COMPLEMENTARY;
        a.context.push((
            COMPLEMENTARY,
            "Une entreprise et une structure d'intérêt général : les deux mondes que le partenariat relie.".to_owned(),
            "A company and a body of general interest: the two worlds a partnership links.".to_owned(),
        ));
    }
    a.reasons.extend(a.context.iter().cloned());
    a.reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    a.matches.sort_by_key(|r| std::cmp::Reverse(r.points));
    Some(a)
}

/// « Besoin « … » ↔ offre « … » : … (utilitaire ↔ camionnette). » in French
/// and English, the explored actor's side first (`mine`: the need is its
/// own).
fn met_need_reason(
    need: &Resource,
    offer: &Resource,
    read: &Reading,
    mine: bool,
    found: &[WordMatch],
) -> (String, String) {
    // The actor's own words, without their closing full stop.
    let (need_text, offer_text) = (
        need.text.trim().trim_end_matches('.'),
        offer.text.trim().trim_end_matches('.'),
    );
    let w = words_in_words(found);
    if mine {
        (
            format!(
                "Besoin « {need_text} » ↔ offre « {offer_text} » : {} ({w}).",
                read.fr
            ),
            format!(
                "Need \"{need_text}\" ↔ offer \"{offer_text}\": {} ({w}).",
                read.en
            ),
        )
    } else {
        (
            format!(
                "Offre « {offer_text} » ↔ besoin « {need_text} » : {} ({w}).",
                read.fr
            ),
            format!(
                "Offer \"{offer_text}\" ↔ need \"{need_text}\": {} ({w}).",
                read.en
            ),
        )
    }
}

/// The score, modes and reasons of one possibility.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assessment {
    pub score: u32,
    /// Weight of each plausible mode.
    weights: Vec<(RameauMode, u32)>,
    pub mecenat_kinds: Vec<MecenatKind>,
    /// (points, French, English).
    pub reasons: Vec<(u32, String, String)>,
    pub matches: Vec<ResourceMatch>,
    /// The reasons of nearness and kinds, also in `reasons`.
    pub context: Vec<(u32, String, String)>,
}

impl Assessment {
    /// A need met by an offer: its points, the mode it reads as, its reason
    /// with the words that matched, and innovation when their words say so.
    fn add_met_need(
        &mut self,
        need: &Resource,
        offer: &Resource,
        read: &Reading,
        points: u32,
        mine: bool,
        found: &[WordMatch],
    ) {
        self.score += points;
        self.add_mode(read.mode, points);
        if let Some(k) = read.mecenat {
            if !self.mecenat_kinds.contains(&k) {
                self.mecenat_kinds.push(k);
            }
        }
        let (fr, en) = met_need_reason(need, offer, read, mine, found);
        self.reasons.push((points, fr, en));
        self.matches.push(ResourceMatch {
            own_need: mine,
            need: need.text.clone(),
            offer: offer.text.clone(),
            words: found
                .iter()
                .map(|w| MatchedWords {
                    need: w.need.clone(),
                    offer: w.offer.clone(),
                })
                .collect(),
            reading: read.fr.to_owned(),
            reading_en: read.en.to_owned(),
            points,
        });
        let text = fold(&format!("{} {}", need.text, offer.text));
        if INNOVATION_ROOTS.iter().any(|r| text.contains(r)) {
            self.add_mode(RameauMode::InnovationSocietale, points / 2);
        }
    }

    /// The points of the nearest place both are in: commune, else
    /// intercommunality, else département.
    fn add_nearness(&mut self, from: &Profile, other: &Profile) {
        let near = |x: &Option<String>, y: &Option<String>| x.is_some() && x == y;
        let (points, fr, en) = if near(&from.commune, &other.commune) {
            (
                SAME_COMMUNE,
                "Dans la même commune.",
                "In the same commune.",
            )
        } else if near(&from.epci, &other.epci) {
            (
                SAME_EPCI,
                "Dans la même intercommunalité.",
                "In the same intercommunality.",
            )
        } else if near(&from.departement, &other.departement) {
            (
                SAME_DEPARTEMENT,
                "Dans le même département.",
                "In the same department.",
            )
        } else {
            (0, "", "")
        };
        if points > 0 {
            self.score += points;
            self.context.push((points, fr.to_owned(), en.to_owned()));
        }
    }

    fn add_mode(&mut self, mode: RameauMode, points: u32) {
        match self.weights.iter_mut().find(|(m, _)| *m == mode) {
            Some((_, w)) => *w += points,
            None => self.weights.push((mode, points)),
        }
    }

    /// The plausible modes, heaviest first, then in the scale's order.
    #[must_use]
    pub fn modes(&self) -> Vec<RameauMode> {
        let mut w = self.weights.clone();
        w.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        w.into_iter().map(|(m, _)| m).collect()
    }

    /// The possibility shown to the facilitator, with the partnership one
    /// click creates.
    #[must_use]
    pub fn into_possibility(
        self,
        from: &Profile,
        other: &Profile,
        place: Option<String>,
        shared_partnerships: u32,
    ) -> Possibility {
        let modes = self.modes();
        let mecenat_kinds = if modes.contains(&RameauMode::Mecenat) {
            self.mecenat_kinds.clone()
        } else {
            Vec::new()
        };
        let proposal = proposal(from, other, &modes, &mecenat_kinds);
        Possibility {
            actor_id: other.id.clone(),
            actor_name: other.name.clone(),
            actor_kind: other.kind,
            place,
            score: self.score,
            modes,
            mecenat_kinds,
            reasons: self.reasons.iter().map(|r| r.1.clone()).collect(),
            context_reasons: self.context.iter().map(|r| r.1.clone()).collect(),
            context_reasons_en: self.context.into_iter().map(|r| r.2).collect(),
            reasons_en: self.reasons.into_iter().map(|r| r.2).collect(),
            matches: self.matches,
            shared_partnerships,
            proposal,
        }
    }
}

/// The partnership « start » creates: in mécénat the patron finances and the
/// other benefits; otherwise the explored actor carries it.
fn proposal(
    from: &Profile,
    other: &Profile,
    modes: &[RameauMode],
    mecenat_kinds: &[MecenatKind],
) -> PartnershipInput {
    let primary = modes.first().copied();
    let (from_role, other_role) = match primary {
        Some(RameauMode::Mecenat) if patron(from.kind) && !patron(other.kind) => {
            (PartyRole::Financeur, PartyRole::Beneficiaire)
        }
        Some(RameauMode::Mecenat) if patron(other.kind) && !patron(from.kind) => {
            (PartyRole::Beneficiaire, PartyRole::Financeur)
        }
        _ => (PartyRole::Porteur, PartyRole::Partenaire),
    };
    let party = |p: &Profile, role| Party {
        actor_id: p.id.clone(),
        role,
        contact_id: None,
    };
    let territory: Vec<String> =
        [&from.commune, &other.commune]
            .into_iter()
            .flatten()
            .fold(Vec::new(), |mut v, c| {
                if !v.contains(c) {
                    v.push(c.clone());
                }
                v
            });
    PartnershipInput {
        title: format!("{} × {}", from.name, other.name),
        territory,
        parties: vec![party(from, from_role), party(other, other_role)],
        modes: Modes {
            primary,
            secondary: modes.iter().skip(1).copied().collect(),
            mecenat_kinds: mecenat_kinds.to_vec(),
        },
        origin: Some("Champ des possibles".to_owned()),
        ..PartnershipInput::default()
    }
}

/// The category bits of resources, as the store keeps them to find
/// candidates without reading every actor.
#[must_use]
pub fn category_mask(resources: &[Resource]) -> i64 {
    resources
        .iter()
        .map(|r| 1_i64 << category_bit(r.category))
        .fold(0, |m, b| m | b)
}

/// The bit of a category in `category_mask`.
#[must_use]
pub fn category_bit(c: ResourceCategory) -> u32 {
    #[allow(clippy::cast_possible_truncation)] // eight categories
    let bit = ResourceCategory::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(0) as u32;
    bit
}

#[cfg(test)]
mod tests;
