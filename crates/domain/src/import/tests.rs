use super::row::split_full_name;
use super::*;
use crate::actor::{ActorKind, Resource, ResourceCategory};
use crate::register::{AssociationRegime, RegisterCourt};

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn usual_headers_are_recognised() {
    for (header, field) in [
        ("Raison sociale", ImportField::Name),
        ("NOM", ImportField::Name),
        ("Dénomination", ImportField::Name),
        ("Type", ImportField::Kind),
        ("N° SIREN", ImportField::Siren),
        ("SIRET", ImportField::Siret),
        ("Numéro RNA", ImportField::Rna),
        ("Ville", ImportField::Commune),
        ("City", ImportField::Commune),
        ("Code postal", ImportField::PostalCode),
        ("CP", ImportField::PostalCode),
        ("Code INSEE", ImportField::CommuneInsee),
        ("E-mail", ImportField::ContactEmail),
        ("Courriel", ImportField::ContactEmail),
        ("Téléphone", ImportField::ContactPhone),
        ("Tél.", ImportField::ContactPhone),
        ("Site web", ImportField::Website),
        ("Besoins", ImportField::Needs),
        ("Offres", ImportField::Offers),
        ("Tags", ImportField::Tags),
        ("Étiquettes", ImportField::Tags),
        ("Prénom", ImportField::ContactFirstName),
        ("Fonction", ImportField::ContactRole),
    ] {
        assert_eq!(guess_field(header), Some(field), "{header}");
    }
    assert_eq!(guess_field("Couleur préférée"), None);
    assert_eq!(guess_field(""), None);
}

#[test]
fn a_plain_nom_beside_a_first_name_and_an_organisation_is_the_persons() {
    let headers = strings(&["Prénom", "Nom", "Structure", "Email"]);
    assert_eq!(
        guess_mapping(&headers),
        vec![
            Some(ImportField::ContactFirstName),
            Some(ImportField::ContactLastName),
            Some(ImportField::Name),
            Some(ImportField::ContactEmail),
        ]
    );
    // Alone, « Nom » is the organisation's.
    let headers = strings(&["Nom", "Ville", "Nom"]);
    assert_eq!(
        guess_mapping(&headers),
        vec![Some(ImportField::Name), Some(ImportField::Commune), None]
    );
}

#[test]
fn a_mapping_needs_a_name_and_one_column_per_field() {
    let headers = strings(&["A", "B"]);
    assert!(check_mapping(&headers, &[Some(ImportField::Name), None]).is_ok());
    assert!(check_mapping(
        &headers,
        &[Some(ImportField::Tags), Some(ImportField::Name)]
    )
    .is_ok());
    let e = check_mapping(&headers, &[Some(ImportField::Commune), None]).unwrap_err();
    assert!(e.message.contains("nom de l'organisation"), "{}", e.message);
    let e = check_mapping(
        &headers,
        &[Some(ImportField::Name), Some(ImportField::Name)],
    )
    .unwrap_err();
    assert!(e.message.contains("« A » et « B »"), "{}", e.message);
    assert!(check_mapping(&headers, &[Some(ImportField::Name)]).is_err());
    // Several tag columns add up.
    let headers = strings(&["Nom", "Tag 1", "Tag 2"]);
    assert!(check_mapping(
        &headers,
        &[
            Some(ImportField::Name),
            Some(ImportField::Tags),
            Some(ImportField::Tags)
        ]
    )
    .is_ok());
}

#[test]
fn a_row_becomes_an_actor_and_its_contact() {
    let mapping = [
        Some(ImportField::Name),
        Some(ImportField::Kind),
        Some(ImportField::PostalCode),
        Some(ImportField::Commune),
        Some(ImportField::Needs),
        Some(ImportField::Tags),
        Some(ImportField::ContactFullName),
        Some(ImportField::ContactEmail),
        None,
    ];
    let row = read_row(
        &mapping,
        &strings(&[
            " Épicerie solidaire ",
            "Asso",
            "67600",
            "Sélestat",
            "locaux : salle de 40 places ; bénévoles pour le samedi",
            "alimentation, solidarité",
            "DUPONT Marie",
            "marie@example.org",
            "ignored",
        ]),
    );
    assert!(row.errors.is_empty());
    assert_eq!(row.actor.name, "Épicerie solidaire");
    assert_eq!(row.actor.kind, Some(ActorKind::Association));
    assert_eq!(row.place.postal_code.as_deref(), Some("67600"));
    assert_eq!(row.place.commune.as_deref(), Some("Sélestat"));
    assert_eq!(
        row.actor.needs,
        vec![
            Resource {
                category: ResourceCategory::Locaux,
                subcategory: None,
                text: "salle de 40 places".into()
            },
            Resource {
                category: ResourceCategory::Benevolat,
                subcategory: None,
                text: "bénévoles pour le samedi".into()
            },
        ]
    );
    assert_eq!(row.actor.tags, vec!["alimentation", "solidarité"]);
    let c = row.contact.unwrap();
    assert_eq!(
        (c.first_name.as_str(), c.last_name.as_str()),
        ("Marie", "DUPONT")
    );
    assert_eq!(c.email.as_deref(), Some("marie@example.org"));
}

#[test]
fn types_are_read_or_guessed_from_the_legal_form() {
    let mapping = [Some(ImportField::Name), Some(ImportField::Kind)];
    let kind = |name: &str, kind: &str| read_row(&mapping, &strings(&[name, kind])).actor.kind;
    assert_eq!(
        kind("Boulangerie Martin SARL", ""),
        Some(ActorKind::Entreprise)
    );
    assert_eq!(kind("Ville de Sélestat", ""), Some(ActorKind::Collectivite));
    assert_eq!(kind("Fondation Alsace", ""), Some(ActorKind::Fondation));
    assert_eq!(kind("Les Amis du Livre", ""), None);
    assert_eq!(
        kind("Les Amis du Livre", "association"),
        Some(ActorKind::Association)
    );
    assert_eq!(kind("X", "SAS"), Some(ActorKind::Entreprise));
    let row = read_row(&mapping, &strings(&["X", "martien"]));
    assert_eq!(row.errors.len(), 1);
    assert!(row.errors[0].message.contains("« martien »"));
}

#[test]
fn an_email_without_a_person_goes_to_a_general_contact() {
    let mapping = [
        Some(ImportField::Name),
        Some(ImportField::ContactEmail),
        Some(ImportField::ContactPhone),
    ];
    let c = read_row(&mapping, &strings(&["Asso", "contact@asso.fr", ""]))
        .contact
        .unwrap();
    assert_eq!(c.last_name, "Contact général");
    assert!(read_row(&mapping, &strings(&["Asso", "", ""]))
        .contact
        .is_none());
}

#[test]
fn full_names_split_on_case() {
    assert_eq!(
        split_full_name("Marie Dupont"),
        ("Marie".into(), "Dupont".into())
    );
    assert_eq!(
        split_full_name("DUPONT Marie"),
        ("Marie".into(), "DUPONT".into())
    );
    assert_eq!(
        split_full_name("Jean-Pierre DE LA TOUR"),
        ("Jean-Pierre".into(), "DE LA TOUR".into())
    );
    assert_eq!(split_full_name("Dupont"), (String::new(), "Dupont".into()));
}

#[test]
fn field_codes_round_trip() {
    for f in ImportField::ALL {
        assert_eq!(ImportField::parse(f.code()), Some(f));
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, format!("\"{}\"", f.code()));
    }
}

#[test]
fn register_columns_of_alsace_moselle_are_read() {
    let headers = strings(&[
        "Nom",
        "Régime juridique",
        "Tribunal",
        "Volume",
        "Folio",
        "N° AMALIA",
    ]);
    let mapping = guess_mapping(&headers);
    assert_eq!(
        mapping,
        vec![
            Some(ImportField::Name),
            Some(ImportField::LegalRegime),
            Some(ImportField::RegisterCourt),
            Some(ImportField::RegisterVolume),
            Some(ImportField::RegisterFolio),
            Some(ImportField::RegisterNumber),
        ]
    );
    let row = read_row(
        &mapping,
        &strings(&[
            "Les Cigognes",
            "droit local",
            "TJ de Colmar",
            "42",
            "17",
            "",
        ]),
    );
    assert!(row.errors.is_empty(), "{:?}", row.errors);
    assert_eq!(row.actor.legal_regime, Some(AssociationRegime::DroitLocal));
    assert_eq!(row.actor.register_court, Some(RegisterCourt::Colmar));
    assert_eq!(row.actor.register_folio.as_deref(), Some("17"));
    let row = read_row(
        &mapping,
        &strings(&["X", "coopérative", "Nancy", "", "", ""]),
    );
    let fields: Vec<&str> = row.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["legalRegime", "registerCourt"]);
    assert!(row.errors[1].message.contains("« Nancy »"));
}
