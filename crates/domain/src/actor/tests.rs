use super::*;
use crate::error::ValidationErrors;

fn input(name: &str) -> ActorInput {
    ActorInput {
        kind: Some(ActorKind::Association),
        name: name.into(),
        ..ActorInput::default()
    }
}

fn fields(r: Result<ValidActor, ValidationErrors>) -> Vec<String> {
    r.unwrap_err().0.into_iter().map(|e| e.field).collect()
}

#[test]
fn a_name_is_required() {
    let err = input("   ").validate().unwrap_err();
    assert_eq!(err.0[0].field, "name");
    assert_eq!(err.0[0].message, "Le nom est obligatoire.");
}

#[test]
fn a_too_long_name_states_the_limit() {
    let err = input(&"é".repeat(10_000)).validate().unwrap_err();
    assert_eq!(
        err.0[0].message,
        "Le nom est trop long : 10\u{202f}000 caractères, 200 au plus."
    );
}

#[test]
fn long_notes_are_accepted() {
    let mut i = input("Emmaüs");
    i.notes = Some("x".repeat(10_000));
    assert!(i.validate().is_ok());
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let mut i = input("");
    i.kind = None;
    i.siren = Some("123456789".into());
    i.rna = Some("X1".into());
    i.website = Some("pas un site".into());
    assert_eq!(
        fields(i.validate()),
        ["kind", "name", "siren", "rna", "website"]
    );
}

#[test]
fn an_empty_need_names_its_row() {
    let mut i = input("Repair café");
    i.needs = vec![
        Resource {
            category: ResourceCategory::Locaux,
            subcategory: None,
            text: "Une salle".into(),
        },
        Resource {
            category: ResourceCategory::Materiel,
            subcategory: None,
            text: "  ".into(),
        },
    ];
    assert_eq!(fields(i.validate()), ["needs.1.text"]);
}

#[test]
fn siret_must_extend_the_siren() {
    let mut i = input("Danone");
    i.siren = Some("552 032 534".into());
    i.siret = Some("552 049 447 00013".into());
    assert!(fields(i.validate()).contains(&"siret".to_owned()));
    // A valid SIRET of another company.
    i.siret = Some("850 255 068 00031".into());
    let errors = i.validate().unwrap_err().0;
    let siret = errors.iter().find(|e| e.field == "siret").unwrap();
    assert_eq!(
        siret.depends_on.as_deref(),
        Some(&["siren".to_owned()][..]),
        "a change of SIREN shows it next to the SIRET"
    );
}

#[test]
fn texts_are_stored_as_typed_after_trimming() {
    let mut i = input("  Café « Le Zèbre » 🦓 مرحبا ');DROP TABLE actors;--  ");
    i.tags = vec![
        "#insertion".into(),
        "Insertion".into(),
        " ".into(),
        "numérique".into(),
    ];
    let v = i.validate().unwrap();
    assert_eq!(v.name, "Café « Le Zèbre » 🦓 مرحبا ');DROP TABLE actors;--");
    assert_eq!(v.tags, ["insertion", "numérique"]);
}

#[test]
fn kinds_parse_from_words_people_write() {
    assert_eq!(
        ActorKind::parse("Collectivité"),
        Some(ActorKind::Collectivite)
    );
    assert_eq!(
        ActorKind::parse("établissement public"),
        Some(ActorKind::EtablissementPublic)
    );
    assert_eq!(ActorKind::parse("company"), Some(ActorKind::Entreprise));
    assert_eq!(ActorKind::parse("banane"), None);
    for k in ActorKind::ALL {
        assert_eq!(ActorKind::parse(k.code()), Some(k));
    }
}

fn association_in(insee: Option<&str>) -> ActorInput {
    ActorInput {
        commune_insee: insee.map(str::to_owned),
        ..input("Les Cigognes")
    }
}

#[test]
fn an_alsatian_association_is_of_droit_local_by_default() {
    let v = association_in(Some("68066")).validate().unwrap();
    assert_eq!(v.legal_regime, Some(AssociationRegime::DroitLocal));
    assert!(!v.legal_regime_chosen);
    let v = association_in(Some("75056")).validate().unwrap();
    assert_eq!(v.legal_regime, Some(AssociationRegime::Loi1901));
    assert_eq!(association_in(None).validate().unwrap().legal_regime, None);
    // Other kinds have no regime.
    let mut company = association_in(Some("68066"));
    company.kind = Some(ActorKind::Entreprise);
    assert_eq!(company.validate().unwrap().legal_regime, None);
}

#[test]
fn a_droit_local_association_has_a_register_entry_and_no_rna() {
    let mut i = association_in(Some("67462"));
    i.register_court = Some(RegisterCourt::Colmar);
    i.register_volume = Some(" 42 ".into());
    i.register_folio = Some("17".into());
    let v = i.validate().unwrap();
    assert_eq!(v.register_court, Some(RegisterCourt::Colmar));
    assert_eq!(v.register_volume.as_deref(), Some("42"));
    i.rna = Some("W672001234".into());
    let err = i.validate().unwrap_err();
    assert_eq!(err.0[0].field, "rna");
    assert!(
        err.0[0].message.starts_with(
            "Le siège de l'association est dans le Bas-Rhin : elle relève du droit local"
        ),
        "{}",
        err.0[0].message
    );
    // The facilitator can say it is still a 1901 association…
    i.legal_regime = Some(AssociationRegime::Loi1901);
    let err = i.validate().unwrap_err();
    assert_eq!(fields(Err(err)), ["registerCourt"]);
    i.register_court = None;
    i.register_volume = None;
    i.register_folio = None;
    let v = i.validate().unwrap();
    assert_eq!(v.legal_regime, Some(AssociationRegime::Loi1901));
    assert!(v.legal_regime_chosen);
    assert_eq!(v.rna.as_deref(), Some("W672001234"));
}

#[test]
fn register_entries_are_checked() {
    let mut i = association_in(Some("67482"));
    i.register_volume = Some("42".into());
    assert_eq!(fields(i.validate()), ["registerFolio"]);
    i.register_volume = None;
    i.register_folio = Some("17".into());
    assert_eq!(fields(i.validate()), ["registerVolume"]);
    i.register_folio = None;
    i.register_court = Some(RegisterCourt::Metz);
    let err = i.validate().unwrap_err();
    assert_eq!(err.0[0].field, "registerCourt");
    assert!(err.0[0]
        .message
        .contains("Strasbourg, Saverne, Colmar, Mulhouse"));
    i.register_court = None;
    i.register_number = Some("x".repeat(41));
    assert_eq!(fields(i.validate()), ["registerNumber"]);
    // Only associations have a register entry or a regime.
    let mut company = association_in(Some("67482"));
    company.kind = Some(ActorKind::Fondation);
    company.register_court = Some(RegisterCourt::Strasbourg);
    company.legal_regime = Some(AssociationRegime::DroitLocal);
    assert_eq!(fields(company.validate()), ["legalRegime", "registerCourt"]);
}

#[test]
fn a_chosen_regime_round_trips_and_a_guessed_one_follows_the_seat() {
    let v = association_in(Some("68066")).validate().unwrap();
    let actor = Actor {
        id: "a".into(),
        kind: v.kind,
        name: v.name,
        siren: None,
        siret: None,
        rna: None,
        legal_regime: v.legal_regime,
        legal_regime_chosen: v.legal_regime_chosen,
        register_court: None,
        register_volume: None,
        register_folio: None,
        register_number: None,
        address: None,
        commune: Some(CommuneRef {
            insee: "68066".into(),
            name: "Colmar".into(),
        }),
        sector: None,
        size_band: None,
        website: None,
        needs: vec![],
        offers: vec![],
        stakes: None,
        tags: vec![],
        notes: None,
        named_partner_since: None,
        created_at: DateTime::<Utc>::default(),
        updated_at: DateTime::<Utc>::default(),
    };
    let mut moved = actor.to_input();
    assert_eq!(moved.legal_regime, None);
    moved.commune_insee = Some("75056".into());
    assert_eq!(
        moved.validate().unwrap().legal_regime,
        Some(AssociationRegime::Loi1901)
    );
    let chosen = Actor {
        legal_regime: Some(AssociationRegime::Loi1901),
        legal_regime_chosen: true,
        ..actor
    };
    assert_eq!(
        chosen.to_input().legal_regime,
        Some(AssociationRegime::Loi1901)
    );
}
