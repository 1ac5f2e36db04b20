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
    Resource::new(category, text)
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

/// The points a need earns from `relevance`, as `assess` counts them.
fn earned(m: &Matcher<'_>, need: &Resource, offer: &Resource, per: u32) -> u32 {
    let r = m.relevance(&m.analyse(need), &m.analyse(offer)).unwrap();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let points = (r.value * per as f32).round() as u32;
    points
}

#[test]
fn premises_needed_and_offered_read_as_mecenat_logistique() {
    let l = Lexicon::builtin();
    let m = Matcher::new(&l);
    let mut asso = profile("asso", Association, "67482");
    asso.needs
        .push(res(C::Locaux, "Une salle de réunion le samedi"));
    let mut firm = profile("firm", Entreprise, "67482");
    firm.offers
        .push(res(C::Locaux, "Salle de réunion de 40 places"));
    let a = assess(&m, &asso, &firm).unwrap();
    assert_eq!(a.modes(), [Mecenat]);
    assert_eq!(a.mecenat_kinds, [MecenatKind::Logistique]);
    let met = earned(&m, &asso.needs[0], &firm.offers[0], NEED_MET);
    assert_eq!(a.score, met + SAME_COMMUNE + COMPLEMENTARY);
    assert!(
        a.reasons[0]
            .1
            .contains("des locaux prêtés (salle, réunion)"),
        "{:?}",
        a.reasons
    );
    assert_eq!(a.matches[0].words.len(), 2);
    let p = a.into_possibility(&asso, &firm, Some("Strasbourg".into()), 0);
    assert_eq!(p.proposal.parties[0].role, PartyRole::Beneficiaire);
    assert_eq!(p.proposal.parties[1].role, PartyRole::Financeur);
    assert_eq!(p.proposal.modes.primary, Some(Mecenat));
    assert_eq!(p.proposal.territory, ["67482"]);
    assert!(p.proposal.validate().is_ok());
}

#[test]
fn insertion_services_for_purchases_read_as_economic_cooperation() {
    let l = Lexicon::builtin();
    let m = Matcher::new(&l);
    let mut firm = profile("firm", Entreprise, "67482");
    firm.needs.push(res(
        C::Achats,
        "Achats d'entretien d'espaces verts auprès de structures d'insertion",
    ));
    let mut siae = profile("siae", Association, "67218");
    siae.offers
        .push(res(C::Achats, "Entretien d'espaces verts en insertion"));
    let a = assess(&m, &firm, &siae).unwrap();
    assert_eq!(a.modes(), [CooperationEconomique]);
    assert!(a.mecenat_kinds.is_empty());
    let met = earned(&m, &firm.needs[0], &siae.offers[0], NEED_MET);
    assert_eq!(a.score, met + SAME_EPCI + COMPLEMENTARY);
    let p = a.into_possibility(&firm, &siae, None, 1);
    assert_eq!(p.proposal.parties[0].role, PartyRole::Porteur);
    assert_eq!(p.proposal.territory, ["67482", "67218"]);
}

#[test]
fn the_reverse_direction_counts_less_and_modes_add_up() {
    let l = Lexicon::builtin();
    let m = Matcher::new(&l);
    let mut asso = profile("asso", Association, "67482");
    asso.offers.push(res(
        C::Competences,
        "Formation au handicap pour vos équipes",
    ));
    asso.needs
        .push(res(C::Financement, "Financer un projet pilote"));
    let mut firm = profile("firm", Entreprise, "75056");
    firm.departement = Some("75".into());
    firm.epci = None;
    firm.needs
        .push(res(C::Competences, "Sensibiliser les équipes au handicap"));
    firm.offers.push(res(
        C::Financement,
        "Fonds de dotation pour financer des projets",
    ));
    let a = assess(&m, &asso, &firm).unwrap();
    let mine = earned(&m, &asso.needs[0], &firm.offers[0], NEED_MET);
    let theirs = earned(&m, &firm.needs[0], &asso.offers[0], OFFER_MET);
    assert_eq!(a.score, mine + theirs + COMPLEMENTARY);
    assert!(a.modes().contains(&Mecenat));
    assert!(a.modes().contains(&PratiquesResponsables));
    assert!(a.modes().contains(&InnovationSocietale), "« pilote »");
    assert!(a
        .matches
        .iter()
        .any(|x| !x.own_need && x.offer.starts_with("Formation")));
}

#[test]
fn no_word_in_common_is_no_possibility() {
    let l = Lexicon::builtin();
    let m = Matcher::new(&l);
    let mut asso = profile("asso", Association, "67482");
    asso.needs.push(res(C::Locaux, "Une salle"));
    let mut firm = profile("firm", Entreprise, "67482");
    firm.offers.push(res(C::Materiel, "Ordinateurs"));
    assert!(assess(&m, &asso, &firm).is_none());
    // Same category, nothing in common: the van is not answered by cheese.
    asso.needs = vec![res(
        C::Materiel,
        "Un véhicule utilitaire d'occasion avec attelage",
    )];
    firm.offers = vec![
        res(C::Materiel, "Fromages et produits laitiers à date courte"),
        res(C::Materiel, "Chutes de bois massif et de panneaux"),
    ];
    assert!(assess(&m, &asso, &firm).is_none());
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
