use std::collections::{BTreeSet, HashMap};

use super::close_names::bounded_levenshtein;
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
    let unordered = |pairs: Vec<DuplicatePair>| -> BTreeSet<(String, String, Vec<MatchReason>)> {
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
