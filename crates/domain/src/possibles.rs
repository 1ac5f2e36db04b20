//! « Champ des possibles »: from one actor, which others could it build a
//! partnership with, why, and in which of Le RAMEAU's modes. An actor's
//! needs met by another's offers (and the reverse) make a possibility; the
//! kinds of the two actors decide the plausible mode (a company lending
//! premises to an association is mécénat logistique; an association selling
//! services to a company is coopération économique); nearness and words in
//! common rank them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{ActorKind, Resource, ResourceCategory};
use crate::partnership::{Modes, PartnershipInput, Party, PartyRole};
use crate::rameau::{MecenatKind, RameauMode};
use crate::text::fold;

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

/// Points of a need of the explored actor met by the other's offer, of an
/// offer of it meeting the other's need, of each word they share, and of
/// nearness and complementary kinds.
pub const NEED_MET: u32 = 30;
pub const OFFER_MET: u32 = 20;
pub const SHARED_WORD: u32 = 8;
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
    /// Live partnerships the two already share.
    pub shared_partnerships: u32,
    /// What « start a partnership » creates: both parties, the plausible
    /// modes, stage « rencontre ».
    pub proposal: PartnershipInput,
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

/// What a candidate is known by before its needs and offers are read: its
/// category masks (see `category_mask`), kind and place.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub need_mask: i64,
    pub offer_mask: i64,
    pub kind: ActorKind,
    pub commune: Option<&'a str>,
    pub departement: Option<&'a str>,
}

/// The points of `assess` that masks, kind and place alone give: what the
/// store ranks candidates by before reading the best ones in full. `needs`
/// and `offers` are `from`'s masks.
#[must_use]
pub fn rough_score(from: &Profile, needs: i64, offers: i64, c: &Candidate<'_>) -> u32 {
    let met = (c.offer_mask & needs).count_ones() * NEED_MET
        + (c.need_mask & offers).count_ones() * OFFER_MET;
    let near = if c.commune.is_some() && c.commune == from.commune.as_deref() {
        SAME_COMMUNE
    } else if c.departement.is_some() && c.departement == from.departement.as_deref() {
        SAME_DEPARTEMENT
    } else {
        0
    };
    let kinds = if complementary(from.kind, c.kind) {
        COMPLEMENTARY
    } else {
        0
    };
    met + near + kinds
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

const STOP_WORDS: &[&str] = &[
    "avec", "dans", "pour", "leur", "leurs", "notre", "votre", "entre", "chaque", "aupres",
    "depuis", "toute", "toutes", "tous", "plus", "sans", "sont", "etre", "faire",
];

/// Words of five letters or more, folded, stop words left out.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5 && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
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
/// meets an offer of the other.
#[must_use]
pub fn assess(from: &Profile, other: &Profile) -> Option<Assessment> {
    let mut a = Assessment::default();
    // Needs of `from` met by offers of `other`, then the reverse.
    for (needer, giver, points, mine) in [
        (from, other, NEED_MET, true),
        (other, from, OFFER_MET, false),
    ] {
        for need in &needer.needs {
            let Some(offer) = giver.offers.iter().find(|o| o.category == need.category) else {
                continue;
            };
            let read = reading(need.category, giver.kind, needer.kind);
            a.add_met_need(need, offer, &read, points, mine);
        }
    }
    if a.reasons.is_empty() {
        return None;
    }
    a.add_nearness(from, other);
    if complementary(from.kind, other.kind) {
        a.score += COMPLEMENTARY;
        a.reasons.push((
            COMPLEMENTARY,
            "Une entreprise et une structure d'intérêt général : les deux mondes que le partenariat relie.".to_owned(),
            "A company and a body of general interest: the two worlds a partnership links.".to_owned(),
        ));
    }
    a.reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    Some(a)
}

/// « Besoin « … » ↔ offre « … » : … » in French and English, the explored
/// actor's side first (`mine`: the need is its own).
fn met_need_reason(
    need: &Resource,
    offer: &Resource,
    read: &Reading,
    mine: bool,
) -> (String, String) {
    // The actor's own words, without their closing full stop.
    let (need_text, offer_text) = (
        need.text.trim().trim_end_matches('.'),
        offer.text.trim().trim_end_matches('.'),
    );
    if mine {
        (
            format!(
                "Besoin « {need_text} » ↔ offre « {offer_text} » : {}.",
                read.fr
            ),
            format!(
                "Need \"{need_text}\" ↔ offer \"{offer_text}\": {}.",
                read.en
            ),
        )
    } else {
        (
            format!(
                "Offre « {offer_text} » ↔ besoin « {need_text} » : {}.",
                read.fr
            ),
            format!(
                "Offer \"{offer_text}\" ↔ need \"{need_text}\": {}.",
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
}

impl Assessment {
    /// A need met by an offer: its points, the mode it reads as, its reason,
    /// up to two words both texts share, and innovation when their words say so.
    fn add_met_need(
        &mut self,
        need: &Resource,
        offer: &Resource,
        read: &Reading,
        points: u32,
        mine: bool,
    ) {
        self.score += points;
        self.add_mode(read.mode, points);
        if let Some(k) = read.mecenat {
            if !self.mecenat_kinds.contains(&k) {
                self.mecenat_kinds.push(k);
            }
        }
        let (fr, en) = met_need_reason(need, offer, read, mine);
        self.reasons.push((points, fr, en));
        let need_words = words(&need.text);
        let shared: Vec<String> = words(&offer.text)
            .into_iter()
            .filter(|w| need_words.contains(w))
            .take(2)
            .collect();
        for w in &shared {
            self.score += SHARED_WORD;
            self.reasons.push((
                SHARED_WORD,
                format!("Le mot « {w} » des deux côtés."),
                format!("The word \"{w}\" on both sides."),
            ));
        }
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
            self.reasons.push((points, fr.to_owned(), en.to_owned()));
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
            reasons_en: self.reasons.into_iter().map(|r| r.2).collect(),
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
mod tests {
    use super::*;
    use ActorKind::{Association, Collectivite, Entreprise, Fondation};
    use RameauMode::{CooperationEconomique, InnovationSocietale, Mecenat, PratiquesResponsables};
    use ResourceCategory as C;

    #[test]
    fn readings_follow_who_gives_to_whom() {
        let cases = [
            (
                C::Locaux,
                Entreprise,
                Association,
                Mecenat,
                Some(MecenatKind::Logistique),
            ),
            (
                C::Financement,
                Fondation,
                Association,
                Mecenat,
                Some(MecenatKind::Financier),
            ),
            (
                C::Materiel,
                Entreprise,
                Collectivite,
                Mecenat,
                Some(MecenatKind::EnNature),
            ),
            (
                C::Competences,
                Entreprise,
                Association,
                Mecenat,
                Some(MecenatKind::Competences),
            ),
            (
                C::Competences,
                Association,
                Entreprise,
                PratiquesResponsables,
                None,
            ),
            (
                C::Achats,
                Association,
                Entreprise,
                CooperationEconomique,
                None,
            ),
            (
                C::Achats,
                Entreprise,
                Association,
                CooperationEconomique,
                None,
            ),
            (
                C::Locaux,
                Entreprise,
                Entreprise,
                CooperationEconomique,
                None,
            ),
            (
                C::Locaux,
                Association,
                Entreprise,
                CooperationEconomique,
                None,
            ),
            (
                C::Benevolat,
                Entreprise,
                Association,
                PratiquesResponsables,
                None,
            ),
            (C::Visibilite, Association, Entreprise, Mecenat, None),
            (
                C::Visibilite,
                Entreprise,
                Association,
                CooperationEconomique,
                None,
            ),
            (C::Autre, Entreprise, Association, InnovationSocietale, None),
        ];
        for (category, giver, receiver, mode, kind) in cases {
            let r = reading(category, giver, receiver);
            assert_eq!(
                (r.mode, r.mecenat),
                (mode, kind),
                "{category:?} from {giver:?} to {receiver:?}"
            );
        }
    }

    fn res(category: ResourceCategory, text: &str) -> Resource {
        Resource {
            category,
            text: text.into(),
        }
    }

    fn profile(id: &str, kind: ActorKind, commune: &str) -> Profile {
        Profile {
            id: id.into(),
            name: id.to_uppercase(),
            kind,
            commune: Some(commune.into()),
            epci: Some("EPCI-1".into()),
            departement: Some("67".into()),
            needs: Vec::new(),
            offers: Vec::new(),
        }
    }

    #[test]
    fn premises_needed_and_offered_read_as_mecenat_logistique() {
        let mut asso = profile("asso", Association, "67482");
        asso.needs
            .push(res(C::Locaux, "Une salle de réunion le samedi"));
        let mut firm = profile("firm", Entreprise, "67482");
        firm.offers
            .push(res(C::Locaux, "Salle de réunion de 40 places"));
        let a = assess(&asso, &firm).unwrap();
        assert_eq!(a.modes(), [Mecenat]);
        assert_eq!(a.mecenat_kinds, [MecenatKind::Logistique]);
        assert_eq!(
            a.score,
            NEED_MET + 2 * SHARED_WORD + SAME_COMMUNE + COMPLEMENTARY
        );
        assert!(
            a.reasons[0].1.contains("des locaux prêtés"),
            "{:?}",
            a.reasons
        );
        assert!(a.reasons.iter().any(|r| r.1.contains("« reunion »")));
        let p = a.into_possibility(&asso, &firm, Some("Strasbourg".into()), 0);
        assert_eq!(p.proposal.parties[0].role, PartyRole::Beneficiaire);
        assert_eq!(p.proposal.parties[1].role, PartyRole::Financeur);
        assert_eq!(p.proposal.modes.primary, Some(Mecenat));
        assert_eq!(p.proposal.territory, ["67482"]);
        assert!(p.proposal.validate().is_ok());
    }

    #[test]
    fn insertion_services_for_purchases_read_as_economic_cooperation() {
        let mut firm = profile("firm", Entreprise, "67482");
        firm.needs
            .push(res(C::Achats, "Achats auprès de structures d'insertion"));
        let mut siae = profile("siae", Association, "67218");
        siae.offers
            .push(res(C::Achats, "Entretien d'espaces verts en insertion"));
        let a = assess(&firm, &siae).unwrap();
        assert_eq!(a.modes(), [CooperationEconomique]);
        assert!(a.mecenat_kinds.is_empty());
        assert_eq!(a.score, NEED_MET + SHARED_WORD + SAME_EPCI + COMPLEMENTARY);
        let p = a.into_possibility(&firm, &siae, None, 1);
        assert_eq!(p.proposal.parties[0].role, PartyRole::Porteur);
        assert_eq!(p.proposal.territory, ["67482", "67218"]);
    }

    #[test]
    fn the_reverse_direction_counts_less_and_modes_add_up() {
        let mut asso = profile("asso", Association, "67482");
        asso.offers
            .push(res(C::Competences, "Formation au handicap"));
        asso.needs
            .push(res(C::Financement, "Financer un projet pilote"));
        let mut firm = profile("firm", Entreprise, "75056");
        firm.departement = Some("75".into());
        firm.epci = None;
        firm.needs
            .push(res(C::Competences, "Sensibiliser les équipes"));
        firm.offers.push(res(C::Financement, "Fonds de dotation"));
        let a = assess(&asso, &firm).unwrap();
        assert_eq!(a.score, NEED_MET + OFFER_MET + COMPLEMENTARY);
        // Mécénat financier (30) + innovation (15, "pilote") ; pratiques responsables (20).
        assert_eq!(
            a.modes(),
            [Mecenat, PratiquesResponsables, InnovationSocietale]
        );
        assert!(a.reasons[1]
            .1
            .starts_with("Offre « Formation au handicap »"));
    }

    #[test]
    fn no_resource_in_common_is_no_possibility() {
        let mut asso = profile("asso", Association, "67482");
        asso.needs.push(res(C::Locaux, "Une salle"));
        let mut firm = profile("firm", Entreprise, "67482");
        firm.offers.push(res(C::Materiel, "Ordinateurs"));
        assert!(assess(&asso, &firm).is_none());
    }

    #[test]
    fn masks_have_one_bit_per_category() {
        let r = [
            res(C::Competences, "a"),
            res(C::Locaux, "b"),
            res(C::Locaux, "c"),
        ];
        assert_eq!(category_mask(&r), 0b11);
        assert_eq!(category_bit(C::Autre), 7);
    }
}
