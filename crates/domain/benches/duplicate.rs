//! Times the duplicate search on 100,000 synthetic actors and contacts.
//!
//! Run with `cargo bench -p tisserand-domain --bench duplicate`. Plain
//! `std::time::Instant`, no harness: prints the best of a few runs.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use tisserand_domain::duplicate::{
    find_contact_duplicates, find_org_duplicates, ContactCandidate, MatchReason, OrgCandidate,
};
use tisserand_domain::identifiers::luhn_valid;

const ACTORS: usize = 100_000;
const COMMUNES: usize = 1_000;
/// Actors in the biggest commune.
const BIG_COMMUNE: usize = 8_000;
/// One actor in fifty is a seeded duplicate of another.
const DUPLICATE_EVERY: u64 = 50;
const RUNS: usize = 3;

const ACTIVITIES: &[&str] = &[
    "Boulangerie",
    "Garage",
    "Pharmacie",
    "Cabinet",
    "Restaurant",
    "Café",
    "Atelier",
    "Association",
    "Club",
    "Amicale",
    "Ferme",
    "Menuiserie",
    "Plomberie",
    "Coiffure",
    "Librairie",
    "Épicerie",
    "Fromagerie",
    "Boucherie",
    "Transports",
    "Auto-école",
    "Crèche",
    "École de musique",
    "Compagnie",
    "Théâtre",
    "Jardins",
    "Maison",
    "Centre social",
    "Foyer",
    "Cercle",
    "Électricité",
    "Peinture",
    "Fleurs",
    "Hôtel",
    "Brasserie",
    "Imprimerie",
    "Cave",
    "Ébénisterie",
    "Studio",
    "Agence",
    "Laboratoire",
];

const SURNAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martinez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Leclercq",
    "Guillaume",
    "Lecomte",
    "Lopez",
    "Jean",
    "Dupuy",
    "Guillot",
    "Hubert",
    "Berger",
    "Carpentier",
    "Sanchez",
    "Dupuis",
    "Moulin",
    "Louis",
    "Deschamps",
    "Huet",
    "Vasseur",
    "Perez",
    "Boucher",
    "Fleury",
    "Royer",
    "Klein",
    "Jacquet",
    "Adam",
    "Paris",
    "Poirier",
    "Marty",
    "Aubry",
    "Guyot",
    "Carré",
    "Charles",
    "Renault",
    "Charpentier",
    "Ménard",
    "Maillard",
    "Baron",
    "Bertin",
    "Bailly",
    "Hervé",
    "Schneider",
    "Fernandez",
    "Le Gall",
    "Collet",
    "Léger",
    "Bouvier",
    "Julien",
    "Prévost",
    "Millet",
    "Perrot",
    "Daniel",
    "Le Roux",
    "Cousin",
    "Germain",
    "Breton",
    "Besson",
    "Langlois",
    "Rémy",
    "Le Goff",
    "Pelletier",
    "Lévêque",
    "Perrier",
    "Leblanc",
    "Barré",
    "Lebrun",
    "Marchal",
    "Weber",
    "Mallet",
    "Hamon",
    "Boulanger",
    "Jacob",
    "Monnier",
    "Michaud",
    "Rodriguez",
    "Guichard",
    "Gillet",
    "Étienne",
    "Grondin",
    "Poulain",
    "Tessier",
    "Chevallier",
    "Collin",
    "Chauvin",
    "Da Silva",
    "Bouchet",
    "Gay",
    "Lemaître",
    "Bénard",
    "Maréchal",
    "Humbert",
    "Reynaud",
    "Antoine",
    "Hoarau",
    "Perret",
    "Barthélemy",
    "Cordier",
    "Pichon",
    "Lejeune",
    "Gilbert",
    "Lamy",
    "Delaunay",
    "Pasquier",
    "Carlier",
    "Laporte",
    "Wagner",
    "Koenig",
    "Schaeffer",
];

const QUALIFIERS: &[&str] = &[
    "du Centre",
    "de la Gare",
    "des Vosges",
    "d'Alsace",
    "du Ried",
    "des Trois Rivières",
    "Bio",
    "& Fils",
    "Services",
    "Conseil",
    "Solidaire",
    "Sport",
    "Nature",
    "du Marché",
    "de l'Ill",
    "du Rhin",
    "Saint-Georges",
    "des Remparts",
    "du Parc",
    "Plus",
    "et Compagnie",
    "Frères",
    "Artisanale",
    "Tradition",
    "Express",
    "Pro",
    "Sud",
    "Nord",
    "Est",
    "Ouest",
    "des Halles",
    "du Château",
    "des Tilleuls",
    "Moderne",
    "Créations",
    "Développement",
    "Environnement",
    "Habitat",
    "Mobilité",
    "Culture",
];

const LEGAL_FORMS: &[&str] = &["SARL", "SAS", "S.A.R.L.", "EURL", "SA", "SCOP", "Sasu"];

/// SplitMix64.
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
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

struct Actor {
    id: String,
    name: String,
    siren: Option<String>,
    rna: Option<String>,
    commune: String,
}

fn siren(n: usize) -> String {
    let body = format!("{:08}", n % 100_000_000);
    (0..10)
        .map(|key| format!("{body}{key}"))
        .find(|s| luhn_valid(s))
        .unwrap_or_default()
}

fn random_name(rng: &mut Rng) -> String {
    let activity = rng.pick(ACTIVITIES);
    let surname = rng.pick(SURNAMES);
    let qualifier = rng.pick(QUALIFIERS);
    let mut name = match rng.below(4) {
        0 => format!("{activity} {surname}"),
        1 => format!("{activity} {qualifier}"),
        2 => format!("{activity} {surname} {qualifier}"),
        _ => format!("{surname} {} {activity}", rng.pick(SURNAMES)),
    };
    if rng.below(6) == 0 {
        let form = rng.pick(LEGAL_FORMS);
        name = if rng.below(2) == 0 {
            format!("{form} {name}")
        } else {
            format!("{name} {form}")
        };
    }
    name
}

/// `name` with `edits` random one-letter typos.
fn typo(rng: &mut Rng, name: &str, edits: usize) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    for _ in 0..edits {
        let at = rng.below(chars.len());
        let letter = char::from(b'a' + u8::try_from(rng.below(26)).unwrap_or(0));
        match rng.below(3) {
            0 => chars.insert(at, letter),
            1 if chars.len() > 1 => {
                chars.remove(at);
            }
            _ => chars[at] = letter,
        }
    }
    chars.into_iter().collect()
}

/// A commune picker: one commune holds `BIG_COMMUNE` actors, the others
/// follow a 1 / (rank + 10) law.
fn commune_picker() -> (Vec<String>, Vec<f64>) {
    let codes: Vec<String> = (0..COMMUNES).map(|i| format!("67{:03}", i + 1)).collect();
    let big = BIG_COMMUNE as f64 / ACTORS as f64;
    let rest: Vec<f64> = (1..COMMUNES).map(|i| 1.0 / (i as f64 + 10.0)).collect();
    let total: f64 = rest.iter().sum();
    let mut cumulative = Vec::with_capacity(COMMUNES);
    let mut acc = big;
    cumulative.push(acc);
    for w in rest {
        acc += w / total * (1.0 - big);
        cumulative.push(acc);
    }
    (codes, cumulative)
}

fn generate() -> Vec<Actor> {
    let mut rng = Rng(20_260_101);
    let (codes, cumulative) = commune_picker();
    let mut actors: Vec<Actor> = Vec::with_capacity(ACTORS);
    let mut next_siren = 10_000_000;
    let mut next_rna = 1;
    while actors.len() < ACTORS {
        let id = format!("act-{:06}", actors.len());
        if actors.len() > 100 && rng.next().is_multiple_of(DUPLICATE_EVERY) {
            let original = &actors[rng.below(actors.len())];
            let (name, siren, rna, commune) = match rng.below(5) {
                // Same SIREN, written another way, legal form added.
                0 => (
                    format!("{} SARL", original.name.to_uppercase()),
                    original.siren.clone(),
                    None,
                    original.commune.clone(),
                ),
                // Same name, no identifier, another commune.
                1 => (
                    original.name.to_lowercase(),
                    None,
                    None,
                    codes[rng.below(COMMUNES)].clone(),
                ),
                // One typo, same commune.
                2 => (
                    typo(&mut rng, &original.name, 1),
                    None,
                    None,
                    original.commune.clone(),
                ),
                // Two typos, same commune.
                3 => (
                    typo(&mut rng, &original.name, 2),
                    None,
                    None,
                    original.commune.clone(),
                ),
                // Same RNA, another name.
                _ => (
                    format!("Association {}", original.name),
                    None,
                    original.rna.clone(),
                    original.commune.clone(),
                ),
            };
            actors.push(Actor {
                id,
                name,
                siren,
                rna,
                commune,
            });
            continue;
        }
        let draw = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let commune = codes[cumulative.partition_point(|&c| c < draw).min(COMMUNES - 1)].clone();
        let (siren, rna) = match rng.below(10) {
            0..=5 => {
                next_siren += 1;
                (Some(siren(next_siren)), None)
            }
            6 => {
                next_rna += 1;
                (None, Some(format!("W67{next_rna:07}")))
            }
            _ => (None, None),
        };
        actors.push(Actor {
            id,
            name: random_name(&mut rng),
            siren,
            rna,
            commune,
        });
    }
    actors
}

fn best_of<T>(mut run: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = black_box(run());
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.unwrap_or_else(run))
}

fn main() {
    let actors = generate();
    let mut per_commune: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &actors {
        *per_commune.entry(a.commune.as_str()).or_default() += 1;
    }
    let biggest = per_commune.values().max().copied().unwrap_or(0);
    println!(
        "{} actors in {} communes (biggest: {biggest} actors)",
        actors.len(),
        per_commune.len()
    );

    let cands: Vec<OrgCandidate> = actors
        .iter()
        .map(|a| OrgCandidate {
            id: &a.id,
            name: &a.name,
            siren: a.siren.as_deref(),
            rna: a.rna.as_deref(),
            commune_insee: Some(&a.commune),
        })
        .collect();
    let (took, pairs) = best_of(|| find_org_duplicates(&cands));
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    for p in &pairs {
        for r in &p.reasons {
            let key = match r {
                MatchReason::CloseName { distance } => format!("closeName({distance})"),
                other => format!("{other:?}"),
            };
            *by_reason.entry(key).or_default() += 1;
        }
    }
    println!(
        "find_org_duplicates: {:.1} ms (best of {RUNS}), {} pairs",
        took.as_secs_f64() * 1000.0,
        pairs.len()
    );
    for (reason, count) in &by_reason {
        println!("  {reason}: {count}");
    }

    // Contacts: two per actor, with shared addresses and homonyms.
    let mut rng = Rng(7);
    let people: Vec<(String, String, String, Option<String>, String)> = (0..ACTORS)
        .map(|i| {
            let actor = &actors[rng.below(actors.len())];
            let first = rng
                .pick(&["Marie", "Jean", "Anne", "Paul", "Julie", "Luc"])
                .to_owned();
            let last = rng.pick(SURNAMES).to_owned();
            let email = (rng.below(4) != 0).then(|| {
                format!(
                    "{}.{}{}@exemple.fr",
                    first.to_lowercase(),
                    last.to_lowercase(),
                    rng.below(200)
                )
            });
            (format!("ct-{i:06}"), first, last, email, actor.id.clone())
        })
        .collect();
    let contacts: Vec<ContactCandidate> = people
        .iter()
        .map(|(id, first, last, email, actor)| ContactCandidate {
            id,
            first_name: first,
            last_name: last,
            email: email.as_deref(),
            actor_id: Some(actor),
        })
        .collect();
    let (took, pairs) = best_of(|| find_contact_duplicates(&contacts));
    println!(
        "find_contact_duplicates: {:.1} ms (best of {RUNS}), {} pairs over {} contacts",
        took.as_secs_f64() * 1000.0,
        pairs.len(),
        contacts.len()
    );
}
