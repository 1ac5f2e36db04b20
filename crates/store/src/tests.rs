use std::path::Path;

use tisserand_domain::actor::ValidActor;
use tisserand_domain::commune::parse_referential;
use tisserand_domain::{
    ActorInput, ActorKind, ActorQuery, ContactInput, Resource, ResourceCategory,
};

use super::*;

const COMMUNES: &str = "67462\tSélestat\t67600\t67\tBas-Rhin\t44\tGrand Est\t246700967\tCC de Sélestat
67482\tStrasbourg\t67000 67100 67200\t67\tBas-Rhin\t44\tGrand Est\t246700488\tEurométropole de Strasbourg
68066\tColmar\t68000\t68\tHaut-Rhin\t44\tGrand Est\t246800726\tColmar Agglomération
67447\tSaint-Pierre-Bois\t67220\t67\tBas-Rhin\t44\tGrand Est\t\t
";

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.load_referential("test", &parse_referential(COMMUNES).unwrap())
        .unwrap();
    s
}

fn actor(kind: ActorKind, name: &str, insee: Option<&str>) -> ValidActor {
    ActorInput {
        kind: Some(kind),
        name: name.into(),
        commune_insee: insee.map(Into::into),
        ..ActorInput::default()
    }
    .validate()
    .unwrap()
}

fn names(page: &tisserand_domain::ActorPage) -> Vec<&str> {
    page.rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn a_new_file_is_migrated_to_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/t.sqlite3");
    let s = Store::open(&path).unwrap();
    let v: i64 = s
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    let mode: String = s
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    drop(s);
    // Reopening an up-to-date file changes nothing and makes no backup.
    Store::open(&path).unwrap();
    assert!(crate::list_backups_in(&crate::backups_dir(&path))
        .unwrap()
        .is_empty());
}

fn write_newer_database(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE future (x); INSERT INTO future VALUES (42); PRAGMA user_version = 999;",
    )
    .unwrap();
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    write_newer_database(&path);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(err, StoreError::TooNew { found: 999, .. }),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("newer.sqlite3-wal").exists());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "Liste des participants\nAnne;Muller\n").unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Liste des participants\nAnne;Muller\n"
    );
}

#[test]
fn a_read_only_file_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.sqlite3");
    drop(Store::open(&path).unwrap());
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
}

#[test]
fn an_unversioned_file_keeps_its_tables_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    // Version 0 with a stray table: the first migration applies on top.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE keep_me (x); INSERT INTO keep_me VALUES ('donnée');")
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let kept: String = s
        .conn
        .query_row("SELECT x FROM keep_me", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "donnée");
}

#[test]
fn a_directory_file_gains_partnerships_keeping_its_actors_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 1).unwrap();
        conn.execute(
            "INSERT INTO actors (id, kind, name, sort_key, created_at, updated_at)
             VALUES ('a1', 'association', 'Emmaüs', 'emmaus', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.actor("a1").unwrap().name, "Emmaüs");
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM partnerships", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    let backups = crate::list_backups_in(&dir.path().join("backups")).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        backups[0].reason,
        tisserand_domain::backup::BackupReason::BeforeMigration
    );
    // The backup holds the file as it was, at schema 1.
    assert_eq!(
        crate::check_backup(std::path::Path::new(&backups[0].path))
            .unwrap()
            .schema_version,
        1
    );
}

#[test]
fn search_ignores_accents_and_case_and_matches_prefixes() {
    let mut s = store();
    let a = s
        .insert_actor(&actor(
            ActorKind::Association,
            "Épicerie solidaire du Ried",
            Some("67462"),
        ))
        .unwrap();
    s.insert_actor(&actor(
        ActorKind::Entreprise,
        "Menuiserie Klein",
        Some("68066"),
    ))
    .unwrap();
    for q in [
        "selestat",
        "SÉLESTAT",
        "sel",
        "epicerie ried",
        "67600",
        "bas-rhin",
    ] {
        let hits = s.search(q, 10).unwrap();
        assert_eq!(hits.len(), 1, "query {q:?}: {hits:?}");
        assert_eq!(hits[0].id, a.id);
    }
    assert!(s.search("\"*) OR", 10).unwrap().is_empty());
}

#[test]
fn contacts_are_found_by_name_and_organisation() {
    let mut s = store();
    let a = s
        .insert_actor(&actor(ActorKind::Entreprise, "Transports Wagner", None))
        .unwrap();
    let c = ContactInput {
        actor_id: Some(a.id.clone()),
        first_name: "Jérôme".into(),
        last_name: "Schnëider".into(),
        email: Some("j.schneider@wagner-transports.fr".into()),
        ..ContactInput::default()
    };
    let c = s.insert_contact(&c.validate().unwrap()).unwrap();
    assert_eq!(c.actor_name.as_deref(), Some("Transports Wagner"));
    let hits = s.search("jerome schneider", 10).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [c.id.as_str()]
    );
    assert_eq!(hits[0].actor_id.as_deref(), Some(a.id.as_str()));
    // Deleting the organisation hides its contacts from search; restoring brings them back.
    s.delete_actor(&a.id).unwrap();
    assert!(s.search("jerome", 10).unwrap().is_empty());
    s.restore_actor(&a.id).unwrap();
    assert_eq!(s.search("jerome", 10).unwrap().len(), 1);
}

#[test]
fn the_list_filters_sorts_and_pages() {
    let mut s = store();
    s.insert_actors(&[
        actor(ActorKind::Association, "Zèbre et Cie", Some("67462")),
        actor(ActorKind::Association, "« Avenir »", Some("67482")),
        actor(ActorKind::Entreprise, "Électricité Muller", Some("68066")),
        actor(ActorKind::Collectivite, "Ville de Sélestat", Some("67462")),
    ])
    .unwrap();
    let all = s.list_actors(&ActorQuery::default()).unwrap();
    assert_eq!(all.total, 4);
    assert_eq!(
        names(&all),
        [
            "« Avenir »",
            "Électricité Muller",
            "Ville de Sélestat",
            "Zèbre et Cie"
        ]
    );
    let q = ActorQuery {
        departement: Some("67".into()),
        kind: Some(ActorKind::Association),
        ..ActorQuery::default()
    };
    assert_eq!(
        names(&s.list_actors(&q).unwrap()),
        ["« Avenir »", "Zèbre et Cie"]
    );
    let q = ActorQuery {
        commune_insee: Some("67462".into()),
        ..ActorQuery::default()
    };
    assert_eq!(s.list_actors(&q).unwrap().total, 2);
    let q = ActorQuery {
        text: Some("selest".into()),
        ..ActorQuery::default()
    };
    assert_eq!(s.list_actors(&q).unwrap().total, 2);
    let q = ActorQuery {
        offset: 1,
        limit: 2,
        ..ActorQuery::default()
    };
    let page = s.list_actors(&q).unwrap();
    assert_eq!(
        (page.total, names(&page)),
        (4, vec!["Électricité Muller", "Ville de Sélestat"])
    );
    let facets = s.actor_facets().unwrap();
    assert_eq!(
        facets
            .departements
            .iter()
            .map(|f| (f.value.as_str(), f.count))
            .collect::<Vec<_>>(),
        [("67", 3), ("68", 1)]
    );
}

#[test]
fn tags_filter_ignoring_case_and_accents() {
    let mut s = store();
    let mut a = ActorInput {
        kind: Some(ActorKind::Association),
        name: "Repair café".into(),
        ..ActorInput::default()
    };
    a.tags = vec!["Économie circulaire".into()];
    a.needs = vec![Resource {
        category: ResourceCategory::Locaux,
        subcategory: None,
        text: "Une salle le samedi".into(),
    }];
    s.insert_actor(&a.validate().unwrap()).unwrap();
    let q = ActorQuery {
        tag: Some("economie circulaire".into()),
        ..ActorQuery::default()
    };
    assert_eq!(s.list_actors(&q).unwrap().total, 1);
    assert_eq!(s.search("salle samedi", 5).unwrap().len(), 1);
    assert_eq!(
        s.actor_facets().unwrap().tags[0].label,
        "Économie circulaire"
    );
}

#[test]
fn update_reindexes_and_delete_is_undoable() {
    let mut s = store();
    let a = s
        .insert_actor(&actor(ActorKind::Entreprise, "Boulangerie Fischer", None))
        .unwrap();
    let renamed = s
        .update_actor(
            &a.id,
            &actor(ActorKind::Entreprise, "Pâtisserie Fischer", Some("68066")),
        )
        .unwrap();
    assert_eq!(renamed.commune.unwrap().name, "Colmar");
    assert!(renamed.updated_at >= a.updated_at);
    assert!(s.search("boulangerie", 5).unwrap().is_empty());
    assert_eq!(s.search("patisserie colmar", 5).unwrap().len(), 1);
    s.delete_actor(&a.id).unwrap();
    assert!(matches!(s.actor(&a.id), Err(StoreError::NotFound { .. })));
    assert_eq!(s.list_actors(&ActorQuery::default()).unwrap().total, 0);
    assert!(matches!(
        s.delete_actor(&a.id),
        Err(StoreError::NotFound { .. })
    ));
    s.restore_actor(&a.id).unwrap();
    assert_eq!(s.actor(&a.id).unwrap().name, "Pâtisserie Fischer");
}

#[test]
fn unknown_communes_and_organisations_are_not_found() {
    let mut s = store();
    let err = s
        .insert_actor(&actor(ActorKind::Autre, "X", Some("99999")))
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::NotFound {
            entity: Entity::Commune,
            ..
        }
    ));
    let c = ContactInput {
        actor_id: Some("nope".into()),
        last_name: "Meyer".into(),
        ..ContactInput::default()
    };
    let err = s.insert_contact(&c.validate().unwrap()).unwrap_err();
    assert!(matches!(
        err,
        StoreError::NotFound {
            entity: Entity::Actor,
            ..
        }
    ));
    assert_eq!(s.actor_count().unwrap(), 0);
}

#[test]
fn a_failed_batch_leaves_nothing_behind() {
    let mut s = store();
    let err = s.insert_actors(&[
        actor(ActorKind::Autre, "Un", None),
        actor(ActorKind::Autre, "Deux", Some("99999")),
    ]);
    assert!(err.is_err());
    assert_eq!(s.actor_count().unwrap(), 0);
    assert!(s.search("un", 5).unwrap().is_empty());
}

#[test]
fn sql_looking_text_is_stored_literally() {
    let mut s = store();
    let name = "Robert'); DROP TABLE actors;-- 🦓 مرحبا";
    let a = s
        .insert_actor(&actor(ActorKind::Autre, name, None))
        .unwrap();
    assert_eq!(s.actor(&a.id).unwrap().name, name);
    assert_eq!(s.search("drop table", 5).unwrap().len(), 1);
    assert_eq!(s.search("مرحبا", 5).unwrap().len(), 1);
}

#[test]
fn communes_are_found_by_name_postal_code_or_insee() {
    let s = store();
    let by = |q: &str| {
        s.search_communes(q, 10)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(by("selestat"), ["Sélestat"]);
    assert_eq!(by("saint pierre"), ["Saint-Pierre-Bois"]);
    assert_eq!(by("67100"), ["Strasbourg"]);
    assert_eq!(by("68066"), ["Colmar"]);
    assert!(by("").is_empty());
    let sel = s.commune("67462").unwrap().unwrap();
    assert_eq!(sel.epci.unwrap().name, "CC de Sélestat");
    assert_eq!(sel.region.name, "Grand Est");
}

#[test]
fn backups_are_consistent_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("a.sqlite3")).unwrap();
    s.insert_actor(&actor(
        ActorKind::Fondation,
        "Fondation du Haut-Koenigsbourg",
        None,
    ))
    .unwrap();
    let dest = dir.path().join("copy.sqlite3");
    s.backup_to(&dest).unwrap();
    assert!(s.backup_to(&dest).is_err(), "never overwrites");
    // One self-contained file: no journal beside it.
    assert!(!dir.path().join("copy.sqlite3-wal").exists());
    let copy = Store::open(&dest).unwrap();
    assert_eq!(copy.actor_count().unwrap(), 1);
    assert!(copy.integrity_ok().unwrap());
}

#[test]
fn a_restore_brings_back_the_backup_and_refuses_what_is_not_one() {
    use tisserand_domain::backup::BackupReason;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    let mut s = Store::open(&path).unwrap();
    s.insert_actor(&actor(ActorKind::Fondation, "Avant", None))
        .unwrap();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut steps = 0;
    let entry = s
        .backup_now(BackupReason::Manual, at, &mut |done, total| {
            assert!(done <= total);
            steps += 1;
        })
        .unwrap();
    assert!(steps >= 1);
    assert_eq!(
        entry.file_name,
        "tisserand-2026-11-26-090000-manuelle.sqlite3"
    );
    // Same second again: a distinct name.
    let second = s
        .backup_now(BackupReason::Manual, at, &mut |_, _| {})
        .unwrap();
    assert_ne!(second.path, entry.path);
    assert_eq!(s.backups().unwrap().len(), 2);

    s.insert_actor(&actor(ActorKind::Fondation, "Après", None))
        .unwrap();
    assert_eq!(s.actor_count().unwrap(), 2);
    s.restore_from(std::path::Path::new(&entry.path), &mut |_, _| {})
        .unwrap();
    assert_eq!(s.actor_count().unwrap(), 1);
    assert!(s.integrity_ok().unwrap());
    // Writes still work and the journal is WAL again.
    s.insert_actor(&actor(ActorKind::Fondation, "Ensuite", None))
        .unwrap();
    let mode: String = s
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");

    // Not SQLite, another SQLite file, a newer schema, a damaged file.
    let text = dir.path().join("notes.sqlite3");
    std::fs::write(&text, "bonjour").unwrap();
    assert!(matches!(
        s.restore_from(&text, &mut |_, _| {}),
        Err(StoreError::NotADatabase { .. })
    ));
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    assert!(matches!(
        s.restore_from(&other, &mut |_, _| {}),
        Err(StoreError::NotTisserand { .. })
    ));
    let newer = dir.path().join("newer.sqlite3");
    s.backup_to(&newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    assert!(matches!(
        s.restore_from(&newer, &mut |_, _| {}),
        Err(StoreError::TooNew { .. })
    ));
    let damaged = dir.path().join("damaged.sqlite3");
    s.backup_to(&damaged).unwrap();
    {
        use std::io::{Seek, SeekFrom, Write};
        let len = std::fs::metadata(&damaged).unwrap().len();
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&damaged)
            .unwrap();
        // Scribble over the middle pages, keeping the header.
        f.seek(SeekFrom::Start(len / 2)).unwrap();
        f.write_all(&vec![0xA5; 8192]).unwrap();
    }
    assert!(s.restore_from(&damaged, &mut |_, _| {}).is_err());
    // Nothing refused changed the database.
    assert_eq!(s.actor_count().unwrap(), 2);
}

#[test]
fn a_full_disk_cancels_the_write_and_keeps_what_was_saved() {
    let mut s = store();
    let first = s
        .insert_actor(&actor(ActorKind::Association, "Déjà enregistrée", None))
        .unwrap();
    let pages: i64 = s
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    s.conn
        .pragma_update(None, "max_page_count", pages + 20)
        .unwrap();
    let mut big = ActorInput {
        kind: Some(ActorKind::Autre),
        name: "Gros".into(),
        ..ActorInput::default()
    };
    big.notes = Some("mot ".repeat(20_000));
    let big = big.validate().unwrap();
    let mut saved = 0;
    let err = loop {
        match s.insert_actor(&big) {
            Ok(_) => saved += 1,
            Err(e) => break e,
        }
        assert!(saved < 100, "the page limit should have been reached");
    };
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert_eq!(s.actor(&first.id).unwrap().name, "Déjà enregistrée");
    assert_eq!(s.actor_count().unwrap(), 1 + saved);
    assert!(s.integrity_ok().unwrap());
}

#[test]
fn cached_totals_and_facets_follow_every_write() {
    let mut s = store();
    let a = s
        .insert_actor(&actor(ActorKind::Association, "Un", Some("67462")))
        .unwrap();
    assert_eq!(s.list_actors(&ActorQuery::default()).unwrap().total, 1);
    assert_eq!(s.actor_facets().unwrap().kinds[0].count, 1);
    s.delete_actor(&a.id).unwrap();
    assert_eq!(s.list_actors(&ActorQuery::default()).unwrap().total, 0);
    assert!(s.actor_facets().unwrap().kinds.is_empty());
    s.restore_actor(&a.id).unwrap();
    assert_eq!(s.list_actors(&ActorQuery::default()).unwrap().total, 1);
    assert_eq!(s.actor_facets().unwrap().tags.len(), 0);
    assert_eq!(s.actor_facets().unwrap().departements[0].count, 1);
}

#[test]
fn contacts_are_updated_deleted_and_restored() {
    let mut s = store();
    let a = s
        .insert_actor(&actor(ActorKind::Entreprise, "Imprimerie Roth", None))
        .unwrap();
    let input = ContactInput {
        actor_id: Some(a.id.clone()),
        first_name: "Inès".into(),
        last_name: "Roth".into(),
        ..ContactInput::default()
    };
    let c = s.insert_contact(&input.validate().unwrap()).unwrap();
    let moved = ContactInput {
        last_name: "Roth-Keller".into(),
        role: Some("Gérante".into()),
        ..input
    };
    let updated = s.update_contact(&c.id, &moved.validate().unwrap()).unwrap();
    assert_eq!(
        (updated.last_name.as_str(), updated.role.as_deref()),
        ("Roth-Keller", Some("Gérante"))
    );
    assert_eq!(s.search("keller", 5).unwrap().len(), 1);
    s.delete_contact(&c.id).unwrap();
    assert!(s.contacts_of(&a.id).unwrap().is_empty());
    assert!(s.search("keller", 5).unwrap().is_empty());
    s.restore_contact(&c.id).unwrap();
    assert_eq!(s.contacts_of(&a.id).unwrap().len(), 1);
    assert_eq!(s.contact_count().unwrap(), 1);
}

#[test]
fn the_contacts_list_filters_by_organisation_consent_and_text() {
    use tisserand_domain::{Consent, ContactQuery, LegalBasis, MailingExclusion};
    let mut s = store();
    let mut tagged = actor(ActorKind::Entreprise, "Imprimerie Roth", Some("67462"));
    tagged.tags = vec!["Réemploi".into()];
    let roth = s.insert_actor(&tagged).unwrap();
    let asso = s
        .insert_actor(&actor(
            ActorKind::Association,
            "Épicerie solidaire",
            Some("68066"),
        ))
        .unwrap();
    let gone = s
        .insert_actor(&actor(ActorKind::Association, "Club fermé", Some("68066")))
        .unwrap();
    let add = |s: &mut Store,
               actor_id: Option<&str>,
               first: &str,
               last: &str,
               consents: Vec<Consent>,
               email: Option<&str>| {
        let input = ContactInput {
            actor_id: actor_id.map(Into::into),
            first_name: first.into(),
            last_name: last.into(),
            email: email.map(Into::into),
            informed_on: Some("2026-01-05".into()),
            legal_basis: Some(LegalBasis::InteretLegitime),
            consents,
            ..ContactInput::default()
        };
        s.insert_contact(&input.validate().unwrap()).unwrap().id
    };
    let ines = add(
        &mut s,
        Some(&roth.id),
        "Inès",
        "Roth",
        vec![Consent::Newsletter],
        Some("ines@roth.fr"),
    );
    let paul = add(
        &mut s,
        Some(&asso.id),
        "Paul",
        "Henry",
        vec![Consent::Objection],
        Some("paul@epicerie.fr"),
    );
    let anne = add(&mut s, None, "Anne", "Bauer", vec![], None);
    add(&mut s, Some(&gone.id), "Léa", "Klein", vec![], None);
    s.delete_actor(&gone.id).unwrap();

    let ids = |q: ContactQuery| -> Vec<String> {
        s.list_contacts(&q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    // Sorted by last name; the contact of a deleted organisation is hidden.
    assert_eq!(
        ids(ContactQuery::default()),
        [anne.as_str(), paul.as_str(), ines.as_str()]
    );
    assert_eq!(s.list_contacts(&ContactQuery::default()).unwrap().total, 3);
    assert_eq!(
        ids(ContactQuery {
            kind: Some(ActorKind::Association),
            ..ContactQuery::default()
        }),
        [paul.as_str()]
    );
    assert_eq!(
        ids(ContactQuery {
            commune_insee: Some("67462".into()),
            ..ContactQuery::default()
        }),
        [ines.as_str()]
    );
    assert_eq!(
        ids(ContactQuery {
            tag: Some("reemploi".into()),
            ..ContactQuery::default()
        }),
        [ines.as_str()]
    );
    assert_eq!(
        ids(ContactQuery {
            consent: Some(Consent::Objection),
            ..ContactQuery::default()
        }),
        [paul.as_str()]
    );
    assert_eq!(
        ids(ContactQuery {
            text: Some("epicer".into()),
            ..ContactQuery::default()
        }),
        [paul.as_str()]
    );
    assert!(ids(ContactQuery {
        text: Some("\"*)".into()),
        ..ContactQuery::default()
    })
    .is_empty());
    let page = s
        .list_contacts(&ContactQuery {
            offset: 1,
            limit: 1,
            ..ContactQuery::default()
        })
        .unwrap();
    assert_eq!((page.total, page.rows.len()), (3, 1));
    let row = &page.rows[0];
    assert_eq!(row.actor_name.as_deref(), Some("Épicerie solidaire"));
    assert_eq!(row.actor_kind, Some(ActorKind::Association));
    assert_eq!(
        row.commune.as_ref().map(|c| c.name.as_str()),
        Some("Colmar")
    );
    assert_eq!(row.mailing_exclusion, Some(MailingExclusion::Objected));

    // A selection: the ids given, in the list's order, or everything matching.
    let chosen = s
        .selected_contacts(
            &ContactQuery::default(),
            Some(&[ines.clone(), anne.clone(), "nope".into()]),
        )
        .unwrap();
    assert_eq!(
        chosen.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [anne.as_str(), ines.as_str()]
    );
    assert_eq!(chosen[0].mailing_exclusion, Some(MailingExclusion::NoEmail));
    assert_eq!(chosen[1].mailing_exclusion, None);
    let all = s
        .selected_contacts(
            &ContactQuery {
                kind: Some(ActorKind::Entreprise),
                limit: 1,
                offset: 9,
                ..ContactQuery::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(all.len(), 1);
}

// --- Partnerships ---------------------------------------------------------

mod partnerships {
    use tisserand_domain::partnership::ValidPartnership;
    use tisserand_domain::{
        Contribution, ContributionKind, Modes, NextAction, PartnershipInput, PartnershipQuery,
        PartnershipSort, Party, PartyRole, RameauMode, Stage, TimelineFact,
    };

    use super::*;

    /// A store with a company and an association; their ids.
    fn two_actors() -> (Store, String, String) {
        let mut s = store();
        let a = s
            .insert_actor(&actor(
                ActorKind::Entreprise,
                "Transports Kieffer",
                Some("67462"),
            ))
            .unwrap()
            .id;
        let b = s
            .insert_actor(&actor(ActorKind::Association, "Cirque du Ried", None))
            .unwrap()
            .id;
        (s, a, b)
    }

    fn input(title: &str, a: &str, b: &str) -> PartnershipInput {
        PartnershipInput {
            title: title.into(),
            territory: vec!["67462".into()],
            parties: vec![
                Party {
                    actor_id: a.into(),
                    role: PartyRole::Financeur,
                    contact_id: None,
                },
                Party {
                    actor_id: b.into(),
                    role: PartyRole::Porteur,
                    contact_id: None,
                },
            ],
            modes: Modes {
                primary: Some(RameauMode::Mecenat),
                ..Modes::default()
            },
            contributions: vec![Contribution {
                actor_id: a.into(),
                kind: ContributionKind::Numeraire,
                value_cents: 500_000,
                minutes: 0,
                description: None,
            }],
            ..PartnershipInput::default()
        }
    }

    fn valid(i: &PartnershipInput) -> ValidPartnership {
        i.validate().unwrap()
    }

    #[test]
    fn a_partnership_is_created_read_listed_and_deleted() {
        let (mut s, a, b) = two_actors();
        let p = s
            .insert_partnership(&valid(&input("Billets de cirque", &a, &b)))
            .unwrap();
        assert_eq!(p.stage, Stage::Rencontre);
        assert_eq!(p.version, 1);
        assert_eq!(p.timeline.len(), 1);
        assert!(matches!(
            &p.timeline[0].fact,
            TimelineFact::Created { modes } if *modes == p.modes
        ));
        assert_eq!(p.contributions[0].value_cents, 500_000);
        assert_eq!(s.partnership(&p.id).unwrap(), p);
        let all = s.list_partnerships(&PartnershipQuery::default()).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].parties[0].actor_name, "Transports Kieffer");
        let by_actor = PartnershipQuery {
            actor_id: Some(b.clone()),
            ..PartnershipQuery::default()
        };
        assert_eq!(s.list_partnerships(&by_actor).unwrap().len(), 1);
        let other_mode = PartnershipQuery {
            mode: Some(RameauMode::InnovationSocietale),
            ..PartnershipQuery::default()
        };
        assert!(s.list_partnerships(&other_mode).unwrap().is_empty());
        s.delete_partnership(&p.id).unwrap();
        assert!(matches!(
            s.partnership(&p.id),
            Err(StoreError::NotFound { .. })
        ));
        assert!(s
            .list_partnerships(&PartnershipQuery::default())
            .unwrap()
            .is_empty());
        // A deleted partnership cannot move.
        assert!(matches!(
            s.move_partnership(&p.id, Stage::Exploration, None),
            Err(StoreError::NotFound {
                entity: Entity::Partnership,
                ..
            })
        ));
        s.restore_partnership(&p.id).unwrap();
        assert_eq!(s.partnership(&p.id).unwrap().title, "Billets de cirque");
    }

    #[test]
    fn parties_must_be_live_actors_and_communes_known() {
        let (mut s, a, b) = two_actors();
        let ghost = input("Fantôme", &a, "0190-pas-un-acteur");
        assert!(matches!(
            s.insert_partnership(&valid(&ghost)),
            Err(StoreError::NotFound {
                entity: Entity::Actor,
                ..
            })
        ));
        let mut far = input("Loin", &a, &b);
        far.territory = vec!["75056".into()];
        assert!(matches!(
            s.insert_partnership(&valid(&far)),
            Err(StoreError::NotFound {
                entity: Entity::Commune,
                ..
            })
        ));
        let mut with_contact = input("Contact", &a, &b);
        with_contact.parties[0].contact_id = Some("nobody".into());
        assert!(matches!(
            s.insert_partnership(&valid(&with_contact)),
            Err(StoreError::NotFound {
                entity: Entity::Contact,
                ..
            })
        ));
        assert!(s
            .list_partnerships(&PartnershipQuery::default())
            .unwrap()
            .is_empty());
    }

    #[test]
    fn moves_go_on_the_timeline() {
        let (mut s, a, b) = two_actors();
        let p = s
            .insert_partnership(&valid(&input("Billets", &a, &b)))
            .unwrap();
        let p2 = s.move_partnership(&p.id, Stage::Exploration, None).unwrap();
        assert_eq!(p2.stage, Stage::Exploration);
        assert_eq!(p2.version, 2);
        assert_eq!(
            p2.timeline[1].fact,
            TimelineFact::Stage {
                from: Stage::Rencontre,
                to: Stage::Exploration,
                reason: None
            }
        );
        assert_eq!(p2.timeline[1].text_fr(), "Rencontre → Exploration.");
        assert!(matches!(
            s.move_partnership(&p.id, Stage::Abandonne, None),
            Err(StoreError::Rule(f)) if f.field == "reason"
        ));
        let gone = s
            .move_partnership(&p.id, Stage::Abandonne, Some("Budget gelé"))
            .unwrap();
        assert_eq!(gone.abandon_reason.as_deref(), Some("Budget gelé"));
        assert_eq!(
            gone.timeline[2].fact,
            TimelineFact::Abandoned {
                from: Stage::Exploration,
                reason: Some("Budget gelé".into())
            }
        );
        assert_eq!(
            gone.timeline[2].text_fr(),
            "Abandonné à l'étape « Exploration » : Budget gelé."
        );
        let back = s.move_partnership(&p.id, Stage::Preparation, None).unwrap();
        assert_eq!(back.abandon_reason, None);
        assert_eq!(
            back.timeline[3].fact,
            TimelineFact::Reopened {
                to: Stage::Preparation,
                reason: None
            }
        );
        let noted = s.add_partnership_note(&p.id, "Réunion au siège").unwrap();
        assert_eq!(
            noted.timeline.last().unwrap().fact,
            TimelineFact::Note {
                text: "Réunion au siège".into()
            }
        );
        let board = PartnershipQuery {
            stage: Some(Stage::Preparation),
            ..PartnershipQuery::default()
        };
        assert_eq!(s.list_partnerships(&board).unwrap().len(), 1);
    }

    #[test]
    fn a_stale_edit_is_a_conflict_and_loses_nothing() {
        let (mut s, a, b) = two_actors();
        let p = s
            .insert_partnership(&valid(&input("Billets", &a, &b)))
            .unwrap();
        // Two editors load version 1.
        let mut first = p.to_input();
        first.summary = Some("Première version".into());
        let mut second = p.to_input();
        second.summary = Some("Seconde version".into());
        let saved = s
            .update_partnership(&p.id, p.version, &valid(&first))
            .unwrap();
        assert_eq!(saved.version, 2);
        let err = s
            .update_partnership(&p.id, p.version, &valid(&second))
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Conflict {
                    expected: 1,
                    found: 2,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(
            s.partnership(&p.id).unwrap().summary.as_deref(),
            Some("Première version")
        );
        // Reloaded, the second edit goes through.
        assert!(s.update_partnership(&p.id, 2, &valid(&second)).is_ok());
    }

    #[test]
    fn an_erased_person_leaves_no_trace_in_timeline_data() {
        let (mut s, a, b) = two_actors();
        let contact = ContactInput {
            actor_id: Some(a.clone()),
            first_name: "Léa".into(),
            last_name: "Koenig".into(),
            ..ContactInput::default()
        };
        let contact = s.insert_contact(&contact.validate().unwrap()).unwrap();
        let mut i = input("Billets", &a, &b);
        i.next_actions = vec![NextAction {
            text: "Rappeler Léa Koenig".into(),
            owner: Some("Léa Koenig".into()),
            due_on: None,
            done: false,
        }];
        let p = s.insert_partnership(&valid(&i)).unwrap();
        s.complete_partnership_action(&p.id, 0).unwrap();
        s.move_partnership(&p.id, Stage::Abandonne, Some("Léa Koenig est partie"))
            .unwrap();
        let needles = vec!["Léa Koenig".to_owned()];
        let found = s.mentions_of(&needles, &contact.id).unwrap();
        let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Action faite : Rappeler Léa Koenig (Léa Koenig)",
                "Abandonné à l'étape « Rencontre » : Léa Koenig est partie."
            ]
        );
        // Each also comes as data, for the window to word in its language.
        assert!(
            matches!(found[0].fact, Some(TimelineFact::ActionDone { .. })),
            "{found:?}"
        );
        assert!(
            matches!(found[1].fact, Some(TimelineFact::Abandoned { .. })),
            "{found:?}"
        );
        s.erase_contact(&contact.id, &needles).unwrap();
        let after = s.partnership(&p.id).unwrap();
        let json = serde_json::to_string(&after.timeline).unwrap();
        assert!(!json.contains("Koenig"), "{json}");
        assert_eq!(
            after.timeline[1].fact,
            TimelineFact::ActionDone {
                action: "Rappeler [personne effacée]".into(),
                owner: Some("[personne effacée]".into())
            }
        );
    }

    #[test]
    fn done_actions_and_mode_changes_go_on_the_timeline() {
        let (mut s, a, b) = two_actors();
        let mut i = input("Billets", &a, &b);
        i.next_actions = vec![
            NextAction {
                text: "Appeler la DRH".into(),
                owner: Some("Léa".into()),
                due_on: None,
                done: false,
            },
            NextAction {
                text: "Rédiger la convention".into(),
                owner: None,
                due_on: None,
                done: false,
            },
        ];
        let p = s.insert_partnership(&valid(&i)).unwrap();
        let mut edit = p.to_input();
        edit.next_actions[0].done = true;
        edit.modes.primary = Some(RameauMode::PratiquesResponsables);
        edit.modes.secondary = vec![RameauMode::Mecenat];
        let p = s
            .update_partnership(&p.id, p.version, &valid(&edit))
            .unwrap();
        let texts: Vec<String> = p
            .timeline
            .iter()
            .map(tisserand_domain::TimelineEntry::text_fr)
            .collect();
        assert_eq!(
            texts[1..],
            [
                "Mode : mécénat → pratiques responsables + mécénat.",
                "Action faite : Appeler la DRH (Léa)"
            ]
        );
        let p = s.complete_partnership_action(&p.id, 1).unwrap();
        assert!(p.next_actions[1].done);
        assert_eq!(
            p.timeline.last().unwrap().fact,
            TimelineFact::ActionDone {
                action: "Rédiger la convention".into(),
                owner: None
            }
        );
        assert!(matches!(
            s.complete_partnership_action(&p.id, 1),
            Err(StoreError::Rule(_))
        ));
        assert!(matches!(
            s.complete_partnership_action(&p.id, 9),
            Err(StoreError::NotFound {
                entity: Entity::Action,
                ..
            })
        ));
    }

    #[test]
    fn indicator_values_are_kept_in_date_order_and_noted() {
        let (mut s, a, b) = two_actors();
        let mut i = input("Billets", &a, &b);
        i.indicators = vec![tisserand_domain::Indicator {
            level: None,
            theme: None,
            name: "Enfants au spectacle".into(),
            unit: Some("enfants".into()),
            baseline: Some(0.0),
            target: Some(200.0),
            measures: vec![],
        }];
        let p = s.insert_partnership(&valid(&i)).unwrap();
        let june = "2026-06-01".parse().unwrap();
        let march = "2026-03-01".parse().unwrap();
        s.record_partnership_measure(&p.id, None, 0, Some(june), 150.0)
            .unwrap();
        let p = s
            .record_partnership_measure(&p.id, None, 0, Some(march), 40.5)
            .unwrap();
        let values: Vec<f64> = p.indicators[0].measures.iter().map(|m| m.value).collect();
        assert_eq!(values, [40.5, 150.0]);
        assert_eq!(
            p.timeline.last().unwrap().fact,
            TimelineFact::Measure {
                indicator: "Enfants au spectacle".into(),
                value: 40.5,
                unit: Some("enfants".into()),
                on: march
            }
        );
        assert_eq!(
            p.timeline.last().unwrap().text_fr(),
            "Indicateur « Enfants au spectacle » : 40,5 enfants au 01/03/2026."
        );
        assert!(matches!(
            s.record_partnership_measure(&p.id, None, 3, None, 1.0),
            Err(StoreError::NotFound {
                entity: Entity::Indicator,
                ..
            })
        ));
        assert!(matches!(
            s.record_partnership_measure(&p.id, None, 0, None, f64::INFINITY),
            Err(StoreError::Rule(_))
        ));
        // Today by default.
        let p = s
            .record_partnership_measure(&p.id, None, 0, None, 160.0)
            .unwrap();
        // Given the version it was read at, a stale measure is refused.
        assert!(matches!(
            s.record_partnership_measure(&p.id, Some(p.version - 1), 0, None, 1.0),
            Err(StoreError::Conflict { .. })
        ));
        let p = s
            .record_partnership_measure(&p.id, Some(p.version), 0, None, 170.0)
            .unwrap();
        assert_eq!(p.indicators[0].measures.len(), 4);
    }

    #[test]
    fn an_actor_in_a_live_partnership_cannot_be_deleted() {
        let (mut s, a, b) = two_actors();
        let p = s
            .insert_partnership(&valid(&input("Billets de cirque", &a, &b)))
            .unwrap();
        s.insert_partnership(&valid(&input("Atelier vélo", &b, &a)))
            .unwrap();
        let err = s.delete_actor(&a).unwrap_err();
        match err {
            StoreError::InUse { used_by, .. } => {
                assert_eq!(used_by, ["Atelier vélo", "Billets de cirque"]);
            }
            other => panic!("{other}"),
        }
        assert!(s.actor(&a).is_ok());
        // Once its partnerships are deleted, it can go; and a partnership
        // whose party is gone cannot come back.
        s.delete_partnership(&p.id).unwrap();
        let q = PartnershipQuery::default();
        let other = s.list_partnerships(&q).unwrap()[0].id.clone();
        s.delete_partnership(&other).unwrap();
        s.delete_actor(&a).unwrap();
        assert!(matches!(
            s.restore_partnership(&p.id),
            Err(StoreError::NotFound {
                entity: Entity::Actor,
                ..
            })
        ));
    }

    /// A partnership `title` between `a` and `b` at `stage`, with
    /// `facilitator`, `tags` and an action due on `due`.
    fn placed(
        s: &mut Store,
        title: &str,
        (a, b): (&str, &str),
        territory: &[&str],
        facilitator: Option<&str>,
        due: Option<&str>,
    ) -> String {
        let mut i = input(title, a, b);
        i.territory = territory.iter().map(|c| (*c).to_owned()).collect();
        i.facilitator = facilitator.map(Into::into);
        i.tags = vec!["culture".into()];
        i.next_actions = vec![NextAction {
            text: "Rappeler".into(),
            owner: None,
            due_on: due.map(|d| d.parse().unwrap()),
            done: false,
        }];
        s.insert_partnership(&valid(&i)).unwrap().id
    }

    #[test]
    fn the_board_pages_each_stage_and_filters_combine() {
        let (mut s, a, b) = two_actors();
        for n in 0..7 {
            placed(
                &mut s,
                &format!("Projet {n}"),
                (&a, &b),
                &["67462"],
                Some("Awa"),
                None,
            );
        }
        let late = placed(
            &mut s,
            "Zèbre en retard",
            (&a, &b),
            &["68066"],
            Some("Karim"),
            Some("2020-01-01"),
        );
        let later = placed(
            &mut s,
            "Atelier à venir",
            (&a, &b),
            &[],
            None,
            Some("2999-01-01"),
        );
        s.move_partnership(&late, Stage::Exploration, None).unwrap();
        let q = PartnershipQuery::default();
        let board = s.partnership_board(&q, 3).unwrap();
        assert_eq!(board.total, 9);
        assert_eq!(board.columns.len(), 8);
        let first = &board.columns[0];
        assert_eq!(
            (first.stage, first.total, first.cards.len()),
            (Stage::Rencontre, 8, 3)
        );
        assert_eq!(first.cards[0].title, "Atelier à venir");
        assert_eq!(first.cards[0].parties[1].actor_name, "Cirque du Ried");
        assert_eq!(board.columns[1].cards[0].title, "Zèbre en retard");
        // More of a column, in the same order.
        let rest = s
            .partnership_page(
                &PartnershipQuery {
                    stage: Some(Stage::Rencontre),
                    ..q.clone()
                },
                PartnershipSort::Stage,
                false,
                3,
                50,
            )
            .unwrap();
        assert_eq!(rest.total, 8);
        assert_eq!(rest.items[0].title, "Projet 2");
        fn titles(s: &Store, q: &PartnershipQuery) -> Vec<String> {
            s.list_partnerships(q)
                .unwrap()
                .into_iter()
                .map(|p| p.title)
                .collect()
        }
        let only = |f: fn(&mut PartnershipQuery)| {
            let mut q = PartnershipQuery::default();
            f(&mut q);
            q
        };
        assert_eq!(titles(&s, &only(|q| q.overdue = true)), ["Zèbre en retard"]);
        assert_eq!(
            titles(&s, &only(|q| q.departement = Some("68".into()))),
            ["Zèbre en retard"]
        );
        assert_eq!(
            titles(&s, &only(|q| q.commune = Some("68066".into()))),
            ["Zèbre en retard"]
        );
        assert_eq!(
            titles(&s, &only(|q| q.departement = Some(String::new()))),
            ["Atelier à venir"]
        );
        assert_eq!(
            titles(&s, &only(|q| q.facilitator = Some("karim".into()))),
            ["Zèbre en retard"]
        );
        assert_eq!(
            titles(&s, &only(|q| q.facilitator = Some(String::new()))),
            ["Atelier à venir"]
        );
        assert_eq!(
            titles(&s, &only(|q| q.text = Some("zebre RETARD".into()))),
            ["Zèbre en retard"]
        );
        assert_eq!(
            titles(&s, &only(|q| q.text = Some("100%".into()))),
            Vec::<String>::new()
        );
        assert_eq!(
            titles(&s, &only(|q| q.tag = Some("#Culture".into()))).len(),
            9
        );
        let both = PartnershipQuery {
            departement: Some("67".into()),
            overdue: true,
            ..PartnershipQuery::default()
        };
        assert!(titles(&s, &both).is_empty());
        // Completing the overdue action takes it off the overdue filter.
        s.complete_partnership_action(&late, 0).unwrap();
        assert!(titles(&s, &only(|q| q.overdue = true)).is_empty());
        // Sorted pages.
        let page = s
            .partnership_page(&q, PartnershipSort::NextDue, false, 0, 2)
            .unwrap();
        assert_eq!(page.total, 9);
        assert_eq!(page.items[0].title, "Atelier à venir");
        let page = s
            .partnership_page(&q, PartnershipSort::Title, true, 0, 1)
            .unwrap();
        assert_eq!(page.items[0].title, "Zèbre en retard");
        let _ = later;
    }

    #[test]
    fn the_overview_counts_by_mode_stage_place_and_facilitator() {
        let (mut s, a, b) = two_actors();
        placed(
            &mut s,
            "Un",
            (&a, &b),
            &["67462", "68066"],
            Some("Awa"),
            Some("2020-01-01"),
        );
        let two = placed(&mut s, "Deux", (&a, &b), &["67482"], Some("awa"), None);
        placed(&mut s, "Trois", (&a, &b), &[], None, None);
        s.move_partnership(&two, Stage::Exploration, None).unwrap();
        let o = s.partnership_overview().unwrap();
        assert_eq!(o.total, 3);
        assert_eq!(o.overdue, 1);
        let cell = |stage| {
            o.matrix
                .iter()
                .find(|c| c.mode == Some(RameauMode::Mecenat) && c.stage == stage)
                .map(|c| c.count)
        };
        assert_eq!(cell(Stage::Rencontre), Some(2));
        assert_eq!(cell(Stage::Exploration), Some(1));
        let deps: Vec<(&str, &str, u32)> = o
            .by_departement
            .iter()
            .map(|c| (c.code.as_str(), c.label.as_str(), c.count))
            .collect();
        assert_eq!(
            deps,
            [("67", "Bas-Rhin", 2), ("68", "Haut-Rhin", 1), ("", "", 1)]
        );
        assert_eq!(o.by_facilitator[0].count, 2, "{:?}", o.by_facilitator);
        assert_eq!(o.by_tag[0].code, "culture");
    }

    #[test]
    fn tags_and_facilitators_filter_and_count_however_typed() {
        let (mut s, a, b) = two_actors();
        let mut i = input("Fête du Cœur", &a, &b);
        i.tags = vec!["Économie sociale".into()];
        i.facilitator = Some("Élodie".into());
        s.insert_partnership(&valid(&i)).unwrap();
        let mut j = input("L’Œuvre d’été", &a, &b);
        j.tags = vec!["economie sociale".into()];
        j.facilitator = Some("elodie".into());
        s.insert_partnership(&valid(&j)).unwrap();
        let count = |q: PartnershipQuery| s.list_partnerships(&q).unwrap().len();
        for tag in [
            "Économie sociale",
            "economie sociale",
            "#ÉCONOMIE SOCIALE",
            "economie\u{a0}sociale",
        ] {
            let q = PartnershipQuery {
                tag: Some(tag.into()),
                ..PartnershipQuery::default()
            };
            assert_eq!(count(q), 2, "tag « {tag} »");
        }
        for who in ["Élodie", "ELODIE", "elodie"] {
            let q = PartnershipQuery {
                facilitator: Some(who.into()),
                ..PartnershipQuery::default()
            };
            assert_eq!(count(q), 2, "facilitator « {who} »");
        }
        for text in ["coeur", "Cœur", "l'oeuvre", "L’ŒUVRE D’ÉTÉ"] {
            let q = PartnershipQuery {
                text: Some(text.into()),
                ..PartnershipQuery::default()
            };
            assert_eq!(count(q), 1, "text « {text} »");
        }
        let o = s.partnership_overview().unwrap();
        let counts =
            |c: &[tisserand_domain::CountBy]| c.iter().map(|c| c.count).collect::<Vec<_>>();
        assert_eq!(counts(&o.by_tag), [2], "{:?}", o.by_tag);
        assert_eq!(counts(&o.by_facilitator), [2], "{:?}", o.by_facilitator);
        let q = PartnershipQuery {
            tag: Some(o.by_tag[0].code.clone()),
            facilitator: Some(o.by_facilitator[0].code.clone()),
            ..PartnershipQuery::default()
        };
        assert_eq!(count(q), 2);
    }

    #[test]
    fn essaimage_links_the_new_partnership_to_its_origin() {
        let (mut s, a, b) = two_actors();
        let origin = s
            .insert_partnership(&valid(&input("Billets de cirque", &a, &b)))
            .unwrap();
        let c = s
            .insert_actor(&actor(
                ActorKind::Association,
                "Cirque de Colmar",
                Some("68066"),
            ))
            .unwrap()
            .id;
        let plan = tisserand_domain::EssaimagePlan {
            title: "Billets de cirque — Colmar".into(),
            territory: vec!["68066".into()],
            actors: vec![a.clone(), c.clone()],
            facilitator: None,
        };
        let child_input = origin.essaimage_input(&plan).unwrap();
        let child = s
            .insert_spawned_partnership(&origin.id, &valid(&child_input))
            .unwrap();
        assert_eq!(child.spawned_from.as_deref(), Some(origin.id.as_str()));
        assert!(matches!(
            &child.timeline[0].fact,
            TimelineFact::SpawnedFrom { origin: o, .. } if *o == origin.title
        ));
        assert_eq!(child.contributions[0].value_cents, 0);
        let origin = s.partnership(&origin.id).unwrap();
        assert_eq!(
            origin.timeline.last().unwrap().fact,
            TimelineFact::Spawned {
                title: child.title.clone()
            }
        );
        let (up, children) = s.partnership_lineage(&origin.id, None).unwrap();
        assert!(up.is_none());
        assert_eq!(children.len(), 1);
        assert_eq!(children[0].places, ["Colmar"]);
        let (up, _) = s
            .partnership_lineage(&child.id, child.spawned_from.as_deref())
            .unwrap();
        assert_eq!(up.unwrap().title, "Billets de cirque");
        // A deleted origin cannot spread.
        s.delete_partnership(&origin.id).unwrap();
        assert!(matches!(
            s.insert_spawned_partnership(&origin.id, &valid(&child_input)),
            Err(StoreError::NotFound {
                entity: Entity::Partnership,
                ..
            })
        ));
    }

    #[test]
    fn the_agreement_text_is_versioned_with_its_partnership() {
        use tisserand_domain::agreement::{AgreementText, FreeClause};
        let (mut s, a, b) = two_actors();
        let p = s
            .insert_partnership(&valid(&input("Billets de cirque", &a, &b)))
            .unwrap();
        assert_eq!(
            s.partnership_agreement(&p.id).unwrap(),
            AgreementText::default()
        );
        let text = AgreementText {
            preamble: Some("Depuis 2019, le cirque…".into()),
            clauses: vec![FreeClause {
                title: "Assurance".into(),
                body: "Chaque partie s'assure.".into(),
            }],
        };
        let saved = s
            .set_partnership_agreement(&p.id, p.version, &text)
            .unwrap();
        assert_eq!(saved.version, p.version + 1);
        assert_eq!(s.partnership_agreement(&p.id).unwrap(), text);
        // A stale edit is refused and changes nothing.
        assert!(matches!(
            s.set_partnership_agreement(&p.id, p.version, &AgreementText::default()),
            Err(StoreError::Conflict { .. })
        ));
        assert_eq!(s.partnership_agreement(&p.id).unwrap(), text);
    }

    fn resourced(
        kind: ActorKind,
        name: &str,
        insee: &str,
        needs: &[(ResourceCategory, &str)],
        offers: &[(ResourceCategory, &str)],
    ) -> ValidActor {
        let res = |r: &[(ResourceCategory, &str)]| -> Vec<Resource> {
            r.iter()
                .map(|(category, text)| Resource {
                    category: *category,
                    subcategory: None,
                    text: (*text).to_owned(),
                })
                .collect()
        };
        ActorInput {
            kind: Some(kind),
            name: name.into(),
            commune_insee: Some(insee.into()),
            needs: res(needs),
            offers: res(offers),
            ..ActorInput::default()
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn possibilities_rank_needs_met_by_offers_near_first() {
        use ResourceCategory::{Achats, Locaux, Materiel};
        let mut s = store();
        let asso = s
            .insert_actor(&resourced(
                ActorKind::Association,
                "Théâtre du Ried",
                "67462",
                &[(Locaux, "Une salle de répétition")],
                &[(Achats, "Spectacles pour comités d'entreprise")],
            ))
            .unwrap()
            .id;
        let near = s
            .insert_actor(&resourced(
                ActorKind::Entreprise,
                "Hôtel de Sélestat",
                "67462",
                &[],
                &[(Locaux, "Une salle de séminaire")],
            ))
            .unwrap()
            .id;
        let far = s
            .insert_actor(&resourced(
                ActorKind::Entreprise,
                "Garage de Colmar",
                "68066",
                &[(Achats, "Des spectacles pour les salariés")],
                &[(Locaux, "Un auditorium pour des conférences")],
            ))
            .unwrap()
            .id;
        s.insert_actor(&resourced(
            ActorKind::Entreprise,
            "Sans rapport",
            "67462",
            &[(Materiel, "Des palettes")],
            &[(Materiel, "Des cartons")],
        ))
        .unwrap();
        let list = s.possibilities(&asso, 10).unwrap();
        let ids: Vec<&str> = list.iter().map(|p| p.actor_id.as_str()).collect();
        // Sélestat's room answers the need word for word and is in the same
        // commune; Colmar's auditorium is a room for rehearsals only through
        // the lexicon, and its need for shows meets the theatre's offer. The palettes and
        // cartons answer nothing.
        assert_eq!(ids, [near.as_str(), far.as_str()]);
        assert!(list[0].score > list[1].score, "{list:?}");
        assert!(
            list[0].reasons[0].ends_with("des locaux prêtés (salle, répétition ↔ séminaire)."),
            "{:?}",
            list[0].reasons
        );
        let words = |p: &tisserand_domain::Possibility| -> Vec<(String, String)> {
            p.matches
                .iter()
                .flat_map(|m| m.words.iter().map(|w| (w.need.clone(), w.offer.clone())))
                .collect()
        };
        assert!(
            words(&list[1]).contains(&("salle".to_owned(), "conférences".to_owned())),
            "{:?}",
            words(&list[1])
        );
        assert!(list[1]
            .matches
            .iter()
            .any(|m| !m.own_need && m.offer.starts_with("Spectacles")));
        assert_eq!(list[0].modes, [RameauMode::Mecenat]);
        assert_eq!(list[0].place.as_deref(), Some("Sélestat"));
        assert!(list[0].reasons.iter().any(|r| r.contains("même commune")));
        assert_eq!(list[0].shared_partnerships, 0);
        // Colmar's hangar lent to the theatre, the theatre's shows sold to Colmar.
        assert_eq!(
            list[1].modes,
            [RameauMode::Mecenat, RameauMode::CooperationEconomique]
        );
        // A partnership they share shows.
        let p = list[0].proposal.validate().unwrap();
        s.insert_partnership(&p).unwrap();
        assert_eq!(
            s.possibilities(&asso, 10).unwrap()[0].shared_partnerships,
            1
        );
        // Editing needs changes the masks: with no needs or offers, nothing.
        let bare = s
            .insert_actor(&resourced(
                ActorKind::Association,
                "Vide",
                "67462",
                &[],
                &[],
            ))
            .unwrap()
            .id;
        assert!(s.possibilities(&bare, 10).unwrap().is_empty());
        assert!(matches!(
            s.possibilities("nobody", 10),
            Err(StoreError::NotFound {
                entity: Entity::Actor,
                ..
            })
        ));
    }
}

#[test]
fn a_v2_file_gains_board_columns_masks_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite3");
    {
        let referential = dir.path().join("referential.sqlite3");
        let mut s = Store::open(&referential).unwrap();
        s.load_referential("test", &parse_referential(COMMUNES).unwrap())
            .unwrap();
        drop(s);
        // A version-2 file holding the same referential.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 2).unwrap();
        conn.execute("ATTACH DATABASE ?1 AS r", [referential.to_str().unwrap()])
            .unwrap();
        conn.execute_batch(
            "INSERT INTO regions SELECT * FROM r.regions; INSERT INTO departements SELECT * FROM r.departements;
             INSERT INTO epcis SELECT * FROM r.epcis; INSERT INTO communes SELECT * FROM r.communes;
             INSERT INTO meta SELECT * FROM r.meta; DETACH DATABASE r;",
        )
        .unwrap();
        let t = "'2025-01-01T00:00:00.000Z'";
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, kind, name, sort_key, needs, offers, created_at, updated_at) VALUES
               ('a1', 'association', 'Emmaüs', 'emmaus', '[{{\"category\":\"locaux\",\"text\":\"Une salle pour répéter\"}},{{\"category\":\"autre\",\"text\":\"y\"}}]', '[]', {t}, {t}),
               ('a2', 'entreprise', 'Kieffer', 'kieffer', '[]', '[{{\"category\":\"locaux\",\"text\":\"Une salle de réunion\"}}]', {t}, {t});
             INSERT INTO partnerships (id, title, sort_key, territory, parties, stage, stage_changed_at, next_actions, created_at, updated_at)
             VALUES ('p1', 'Salle', 'salle', '[\"67462\",\"68066\"]',
               '[{{\"actorId\":\"a1\",\"role\":\"porteur\"}},{{\"actorId\":\"a2\",\"role\":\"partenaire\"}}]',
               'rencontre', {t}, '[{{\"text\":\"a\",\"dueOn\":\"2020-02-01\",\"done\":false}},{{\"text\":\"b\",\"dueOn\":\"2019-01-01\",\"done\":true}}]', {t}, {t});"
        ))
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let masks: (i64, i64) = s
        .conn
        .query_row(
            "SELECT need_mask, offer_mask FROM actors WHERE id = 'a1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(masks, (2 | 128, 0));
    let due: String = s
        .conn
        .query_row("SELECT next_due_on FROM partnerships", [], |r| r.get(0))
        .unwrap();
    assert_eq!(due, "2020-02-01");
    let o = s.partnership_overview().unwrap();
    assert_eq!(o.by_departement.len(), 2);
    assert_eq!(o.overdue, 1);
    assert_eq!(s.possibilities("a1", 5).unwrap()[0].actor_id, "a2");
}

#[test]
fn a_v5_file_gets_its_french_timeline_sentences_read_back_as_data() {
    use tisserand_domain::{MergedEntity, Modes, RameauMode, Stage, TimelineFact};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 5).unwrap();
        let t = "'2025-01-01T00:00:00.000Z'";
        let entry = |kind: &str, text: &str| serde_json::json!({"kind": kind, "text": text, "at": "2026-01-02T10:00:00Z"});
        let timeline = serde_json::Value::Array(vec![
            entry(
                "created",
                "Partenariat créé (mode : mécénat + coopération économique).",
            ),
            entry("stage", "Rencontre → Mise en œuvre : tout de suite."),
            entry(
                "abandoned",
                "Abandonné à l'étape « Mise en œuvre » : Budget gelé.",
            ),
            entry("reopened", "Rouvert à l'étape « Préparation »."),
            entry(
                "modes",
                "Mode : à préciser → pratiques responsables + mécénat.",
            ),
            entry("note", "Réunion au siège : « Mode : ça → ça. »"),
            entry("action_done", "Action faite : Appeler la DRH (Léa)"),
            entry(
                "measure",
                "Indicateur « Enfants » : 40.5 enfants au 2026-03-01.",
            ),
            entry("essaimage", "Essaimé : « Cirque à Colmar »."),
            entry(
                "note",
                "Doublons fusionnés : le contact « Jean K. » a été fusionné dans « Jean Koenig ».",
            ),
            entry(
                "note",
                "Texte de la convention modifié (préambule, clauses).",
            ),
            entry("stage", "Étape : exploration → préparation"),
        ]);
        let lead = serde_json::json!([entry(
            "created",
            "Rencontre au speed-dating « Cafés RSE » (12 mars 2026), tour 2, table 5 : les deux ont coché « à revoir »."
        )]);
        // The meeting's participants are left out: only its link to the lead matters.
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, kind, name, sort_key, created_at, updated_at) VALUES
               ('a1', 'association', 'Emmaüs', 'emmaus', {t}, {t}), ('a2', 'entreprise', 'Kieffer', 'kieffer', {t}, {t});
             INSERT INTO partnerships (id, title, sort_key, territory, parties, stage, stage_changed_at, next_actions,
               timeline, created_at, updated_at)
             VALUES ('p1', 'Salle', 'salle', '[]', '[{{\"actorId\":\"a1\",\"role\":\"porteur\"}}]', 'preparation', {t},
               '[{{\"text\":\"Appeler la DRH\",\"owner\":\"Léa\",\"done\":true}}]', '{}', {t}, {t}),
               ('p2', 'Lead', 'lead', '[]', '[{{\"actorId\":\"a1\",\"role\":\"porteur\"}}]', 'rencontre', {t}, '[]', '{}', {t}, {t});
             INSERT INTO events (id, name, sort_key, date, start_time, round_minutes, changeover_minutes, rounds, tables,
               seated_side, created_at, updated_at)
             VALUES ('e1', 'Cafés RSE', 'cafes rse', '2026-03-12', '14:00', 7, 2, 8, 10, 'associations', {t}, {t});
             INSERT INTO event_meetings (event_rid, round, table_no, seated_rid, visitor_rid, partnership_rid)
             VALUES (1, 2, 5, 1, 2, (SELECT rid FROM partnerships WHERE id = 'p2'));",
            timeline.to_string().replace('\'', "''"),
            lead.to_string().replace('\'', "''"),
        ))
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let facts: Vec<TimelineFact> = s
        .partnership("p1")
        .unwrap()
        .timeline
        .into_iter()
        .map(|e| e.fact)
        .collect();
    let modes = |primary: Option<RameauMode>, secondary: Vec<RameauMode>| Modes {
        primary,
        secondary,
        mecenat_kinds: vec![],
    };
    let note = |text: &str| TimelineFact::Note { text: text.into() };
    assert_eq!(
        facts,
        [
            TimelineFact::Created {
                modes: modes(
                    Some(RameauMode::Mecenat),
                    vec![RameauMode::CooperationEconomique]
                )
            },
            TimelineFact::Stage {
                from: Stage::Rencontre,
                to: Stage::MiseEnOeuvre,
                reason: Some("tout de suite".into())
            },
            TimelineFact::Abandoned {
                from: Stage::MiseEnOeuvre,
                reason: Some("Budget gelé".into())
            },
            TimelineFact::Reopened {
                to: Stage::Preparation,
                reason: None
            },
            TimelineFact::Modes {
                from: modes(None, vec![]),
                to: modes(
                    Some(RameauMode::PratiquesResponsables),
                    vec![RameauMode::Mecenat]
                )
            },
            note("Réunion au siège : « Mode : ça → ça. »"),
            TimelineFact::ActionDone {
                action: "Appeler la DRH".into(),
                owner: Some("Léa".into())
            },
            TimelineFact::Measure {
                indicator: "Enfants".into(),
                value: 40.5,
                unit: Some("enfants".into()),
                on: "2026-03-01".parse().unwrap()
            },
            TimelineFact::Spawned {
                title: "Cirque à Colmar".into()
            },
            TimelineFact::Merged {
                entity: MergedEntity::Contact,
                from: "Jean K.".into(),
                into: "Jean Koenig".into()
            },
            TimelineFact::AgreementEdited,
            // Not a sentence this program wrote: kept as written.
            note("Étape : exploration → préparation"),
        ]
    );
    let p2 = s.partnership("p2").unwrap();
    assert_eq!(
        p2.timeline[0].fact,
        TimelineFact::EventLead {
            event: "Cafés RSE".into(),
            date: "2026-03-12".parse().unwrap(),
            round: 2,
            table: 5
        }
    );
    assert_eq!(p2.timeline[0].at.to_rfc3339(), "2026-01-02T10:00:00+00:00");
    assert_eq!(p2.version, 1, "reading entries back is not an edit");
}

#[test]
fn a_backup_of_an_older_version_is_restored_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&old).unwrap();
        schema::migrate_to(&mut conn, 3).unwrap();
        conn.execute(
            "INSERT INTO actors (id, kind, name, sort_key, created_at, updated_at)
             VALUES ('a1', 'association', 'Emmaüs', 'emmaus', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
    }
    assert_eq!(crate::check_backup(&old).unwrap().schema_version, 3);
    let mut s = Store::open(&dir.path().join("current.sqlite3")).unwrap();
    s.restore_from(&old, &mut |_, _| {}).unwrap();
    assert_eq!(s.actor("a1").unwrap().name, "Emmaüs");
    let v: i64 = s
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    // The imports table of the current schema is there and usable.
    assert!(s.imports(10).unwrap().is_empty());
}

#[test]
fn a_v5_file_gives_associations_the_regime_of_their_seat_and_keeps_rna_numbers() {
    use tisserand_domain::{AssociationRegime, RegisterCourt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        // 5: the last migration shipped before the regime of associations.
        schema::migrate_to(&mut conn, 5).unwrap();
        let t = "'2025-01-01T00:00:00.000Z'";
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, kind, name, sort_key, rna, commune_insee, created_at, updated_at) VALUES
               ('a1', 'association', 'Le Petit Chapiteau', 'petit chapiteau', 'W672001234', '67462', {t}, {t}),
               ('a2', 'association', 'Les Amis de Paris', 'amis de paris', NULL, '75056', {t}, {t}),
               ('a3', 'association', 'Sans siège', 'sans siege', 'W751234567', NULL, {t}, {t}),
               ('a4', 'association', 'Inconnue', 'inconnue', NULL, NULL, {t}, {t}),
               ('a5', 'entreprise', 'Boulangerie', 'boulangerie', NULL, '57463', {t}, {t});"
        ))
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let regime = |s: &Store, id: &str| {
        let a = s.actor(id).unwrap();
        (a.legal_regime, a.legal_regime_chosen, a.rna)
    };
    assert_eq!(
        regime(&s, "a1"),
        (
            Some(AssociationRegime::DroitLocal),
            false,
            Some("W672001234".to_owned())
        )
    );
    assert_eq!(regime(&s, "a2").0, Some(AssociationRegime::Loi1901));
    assert_eq!(regime(&s, "a3").0, Some(AssociationRegime::Loi1901));
    assert_eq!(regime(&s, "a4").0, None);
    assert_eq!(regime(&s, "a5").0, None);
    // The migration agrees with the domain's guess on every row.
    for id in ["a1", "a2", "a3", "a4"] {
        let a = s.actor(id).unwrap();
        let guess = tisserand_domain::register::guess_regime(
            a.commune.as_ref().map(|c| c.insee.as_str()),
            a.rna.is_some(),
            false,
        );
        assert_eq!(a.legal_regime, guess, "{id}");
    }

    // A register entry is stored, read back and found by its number.
    s.load_referential("test", &parse_referential(COMMUNES).unwrap())
        .unwrap();
    let mut input = s.actor("a1").unwrap().to_input();
    input.rna = None;
    input.register_court = Some(RegisterCourt::Colmar);
    input.register_volume = Some("42".into());
    input.register_folio = Some("17".into());
    input.register_number = Some("AM67-000123".into());
    let a = s.update_actor("a1", &input.validate().unwrap()).unwrap();
    assert_eq!(a.register_court, Some(RegisterCourt::Colmar));
    assert_eq!(a.register_volume.as_deref(), Some("42"));
    assert_eq!(a.register_folio.as_deref(), Some("17"));
    assert_eq!(a.legal_regime, Some(AssociationRegime::DroitLocal));
    assert!(!a.legal_regime_chosen);
    let page = s
        .list_actors(&ActorQuery {
            text: Some("AM67".into()),
            ..ActorQuery::default()
        })
        .unwrap();
    assert_eq!(names(&page), ["Le Petit Chapiteau"]);
}

#[test]
fn a_v8_file_keeps_its_partnerships_and_indicators_and_starts_with_no_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 8).unwrap();
        let t = "'2025-01-01T00:00:00.000Z'";
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, kind, name, sort_key, created_at, updated_at) VALUES
               ('a1', 'association', 'Emmaüs', 'emmaus', {t}, {t});
             INSERT INTO partnerships (id, title, sort_key, parties, indicators, stage, stage_changed_at,
               created_at, updated_at)
             VALUES ('p1', 'Salle', 'salle', '[{{\"actorId\":\"a1\",\"role\":\"porteur\"}}]',
               '[{{\"name\":\"Repas\",\"unit\":\"repas\",\"measures\":[{{\"on\":\"2025-06-01\",\"value\":40}}]}}]',
               'mise_en_oeuvre', {t}, {t}, {t});"
        ))
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let p = s.partnership("p1").unwrap();
    assert_eq!(p.title, "Salle");
    assert_eq!(p.indicators[0].measures[0].value, 40.0);
    assert_eq!(p.indicators[0].level, None);
    assert!(p.evaluations.is_empty());
    assert_eq!(
        p.evaluation_state(),
        tisserand_domain::impact::EvaluationState::NotEvaluated
    );
}
