//! The second level of the resource categories: what kind of premises,
//! equipment, skills or money. Chosen by the facilitator, or guessed from
//! the words when left empty (`ResourceSubcategory::guess`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ResourceCategory;
use crate::possibles::words::{stemmer, words};

/// What exactly a need or an offer of a category is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceSubcategory {
    // Locaux
    Stockage,
    Reunion,
    Bureaux,
    Ateliers,
    Terrains,
    // Matériel
    Vehicules,
    Informatique,
    Mobilier,
    Outillage,
    Materiaux,
    Alimentaire,
    Equipements,
    // Compétences
    Comptables,
    Juridiques,
    Numeriques,
    Communication,
    Rh,
    Formation,
    Techniques,
    // Financement
    Dons,
    Prets,
}

/// Each sub-category with its category, labels and the words that suggest
/// it (as written; stemmed when first used).
const TABLE: &[(ResourceSubcategory, ResourceCategory, &str, &str, &str)] = {
    use ResourceCategory as C;
    use ResourceSubcategory as S;
    &[
        (S::Stockage, C::Locaux, "Stockage", "Storage", "stockage stocker entrepôt hangar dépôt quai entreposer garage cave"),
        (S::Reunion, C::Locaux, "Salles de réunion et d'activité", "Meeting and activity rooms", "salle réunion répétition séminaire conférence caveau fêtes lieu"),
        (S::Bureaux, C::Locaux, "Bureaux", "Offices", "bureau bureaux coworking domiciliation permanence"),
        (S::Ateliers, C::Locaux, "Ateliers et cuisines", "Workshops and kitchens", "atelier ateliers cuisine laboratoire fablab"),
        (S::Terrains, C::Locaux, "Terrains et jardins", "Land and gardens", "terrain parcelle jardin potager friche verger"),
        (S::Vehicules, C::Materiel, "Véhicules", "Vehicles", "véhicule utilitaire camionnette fourgon camion voiture minibus remorque scooter vélo vélos attelage"),
        (S::Informatique, C::Materiel, "Informatique", "Computers", "ordinateur ordinateurs informatique informatiques pc portable portables tablette tablettes imprimante écran numérique"),
        (S::Mobilier, C::Materiel, "Mobilier", "Furniture", "mobilier meuble meubles bureau bureaux caisson armoire chaise chaises siège table tables étagère fauteuil"),
        (S::Outillage, C::Materiel, "Outillage et machines", "Tools and machines", "outillage outil outils machine machines tronçonneuse débroussailleuse chariot transpalette filmeuse plieuse"),
        (S::Materiaux, C::Materiel, "Matériaux", "Materials", "bois planche panneaux acier inox métal tissu tissus textile textiles carton cartons papier chutes coupons emballage emballages"),
        (S::Alimentaire, C::Materiel, "Produits alimentaires", "Food", "alimentaire denrée denrées fromage fromages lait légume légumes fruit fruits pain viennoiserie invendu invendus repas frais drêche drêches"),
        (S::Equipements, C::Materiel, "Équipements", "Equipment", "sonorisation sono équipement équipements barnum maillot ballon fauteuil instrument instruments hygiène"),
        (S::Comptables, C::Competences, "Comptables et financières", "Accounting and finance", "comptabilité comptable comptables expert-comptable trésorerie trésorier budget comptes financier financière"),
        (S::Juridiques, C::Competences, "Juridiques", "Legal", "juridique juriste juristes avocat droit statuts contrat contrats convention"),
        (S::Numeriques, C::Competences, "Numériques", "Digital", "numérique informatique site web développeur développeurs logiciel digital"),
        (S::Communication, C::Competences, "Communication", "Communication", "communication visuelle logo charte graphisme affiche vidéo réseaux"),
        (S::Rh, C::Competences, "Ressources humaines et inclusion", "Human resources and inclusion", "recrutement recruter recruteurs embauche emploi employeur employeurs apprenti apprentis alternance handicap insertion salarié stage"),
        (S::Formation, C::Competences, "Formation et animation", "Training and workshops", "formation former formateur formateurs initiation sensibilisation sensibiliser animation cours"),
        (S::Techniques, C::Competences, "Techniques et environnement", "Technical and environment", "énergétique énergie mécanique mécanicien réparation réparations répare ingénieur ingénieurs diagnostic biodiversité déchets tri soudeur soudeurs"),
        (S::Dons, C::Financement, "Dons et subventions", "Gifts and grants", "don dons subvention subventions mécénat bourse bourses appel fonds dotation"),
        (S::Prets, C::Financement, "Prêts et investissement", "Loans and investment", "prêt prêts garantie garanties crédit investissement tickets épargne préfinancement"),
    ]
};

fn stemmed_keywords() -> &'static [(ResourceSubcategory, Vec<String>)] {
    static KEYWORDS: OnceLock<Vec<(ResourceSubcategory, Vec<String>)>> = OnceLock::new();
    KEYWORDS.get_or_init(|| {
        let s = stemmer();
        TABLE
            .iter()
            .map(|(sub, _, _, _, kw)| (*sub, words(&s, kw).into_iter().map(|w| w.stem).collect()))
            .collect()
    })
}

impl ResourceSubcategory {
    pub const ALL: [Self; 21] = [
        Self::Stockage,
        Self::Reunion,
        Self::Bureaux,
        Self::Ateliers,
        Self::Terrains,
        Self::Vehicules,
        Self::Informatique,
        Self::Mobilier,
        Self::Outillage,
        Self::Materiaux,
        Self::Alimentaire,
        Self::Equipements,
        Self::Comptables,
        Self::Juridiques,
        Self::Numeriques,
        Self::Communication,
        Self::Rh,
        Self::Formation,
        Self::Techniques,
        Self::Dons,
        Self::Prets,
    ];

    fn row(
        self,
    ) -> &'static (
        Self,
        ResourceCategory,
        &'static str,
        &'static str,
        &'static str,
    ) {
        TABLE.iter().find(|r| r.0 == self).unwrap_or(&TABLE[0])
    }

    /// The category it belongs to.
    #[must_use]
    pub fn category(self) -> ResourceCategory {
        self.row().1
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        self.row().2
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        self.row().3
    }

    /// The sub-categories of `category`, in display order.
    #[must_use]
    pub fn of(category: ResourceCategory) -> Vec<Self> {
        Self::ALL
            .into_iter()
            .filter(|s| s.category() == category)
            .collect()
    }

    /// The sub-category of `category` whose words come first in `text`, if
    /// any does.
    #[must_use]
    pub fn guess(category: ResourceCategory, text: &str) -> Option<Self> {
        if Self::of(category).is_empty() {
            return None;
        }
        let stems: Vec<String> = words(&stemmer(), text)
            .into_iter()
            .map(|w| w.stem)
            .collect();
        Self::guess_from_stems(category, &stems)
    }

    /// `guess` from the text's stems, in order (`possibles::words`).
    #[must_use]
    pub fn guess_from_stems(category: ResourceCategory, stems: &[String]) -> Option<Self> {
        let candidates: Vec<&(Self, Vec<String>)> = stemmed_keywords()
            .iter()
            .filter(|(s, _)| s.category() == category)
            .collect();
        stems.iter().find_map(|stem| {
            candidates
                .iter()
                .find(|(_, kw)| kw.contains(stem))
                .map(|(s, _)| *s)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ResourceCategory as C;
    use ResourceSubcategory as S;

    #[test]
    fn every_sub_category_has_a_row_and_a_parent() {
        for s in S::ALL {
            assert_eq!(s.row().0, s, "{s:?}");
        }
        assert_eq!(TABLE.len(), S::ALL.len());
        assert_eq!(S::Vehicules.category(), C::Materiel);
        assert_eq!(S::of(C::Locaux).len(), 5);
        assert!(S::of(C::Benevolat).is_empty());
    }

    #[test]
    fn the_words_suggest_the_sub_category() {
        let cases = [
            (
                C::Materiel,
                "Un véhicule utilitaire d'occasion avec attelage.",
                Some(S::Vehicules),
            ),
            (
                C::Materiel,
                "Fromages et produits laitiers à date courte",
                Some(S::Alimentaire),
            ),
            (
                C::Materiel,
                "Chutes de bois massif et de panneaux",
                Some(S::Materiaux),
            ),
            (
                C::Materiel,
                "Une quarantaine d'ordinateurs portables",
                Some(S::Informatique),
            ),
            (
                C::Locaux,
                "Un local de 100 m² pour stocker le matériel",
                Some(S::Stockage),
            ),
            (
                C::Locaux,
                "Salle de dégustation de 60 places pour des réunions",
                Some(S::Reunion),
            ),
            (
                C::Competences,
                "Un appui en comptabilité analytique",
                Some(S::Comptables),
            ),
            (
                C::Competences,
                "Relecture gratuite de statuts",
                Some(S::Juridiques),
            ),
            (
                C::Financement,
                "Des prêts solidaires et des garanties",
                Some(S::Prets),
            ),
            (C::Benevolat, "Des bénévoles le mardi", None),
            (C::Materiel, "Quelque chose", None),
        ];
        for (category, text, expected) in cases {
            assert_eq!(S::guess(category, text), expected, "{text}");
        }
    }
}

/// The sub-categories of each category with their labels, written as a
/// TypeScript constant next to the ts-rs bindings by `cargo test`, so the
/// window's resource editor lists what the core knows.
#[cfg(test)]
mod window {
    use super::*;

    fn typescript() -> String {
        let mut out = String::from(
            "// Written by `cargo test` (crates/domain/src/actor/subcategory.rs): the sub-categories of each\n\
             // resource category, in order, with their labels. Do not edit.\n\
             import type { ResourceCategory } from \"./ResourceCategory\";\n\
             import type { ResourceSubcategory } from \"./ResourceSubcategory\";\n\
             \n\
             export type SubcategoryLabel = { code: ResourceSubcategory; fr: string; en: string };\n\
             \n\
             export const SUBCATEGORIES: Record<ResourceCategory, readonly SubcategoryLabel[]> = {\n",
        );
        for c in ResourceCategory::ALL {
            let subs: Vec<String> = ResourceSubcategory::of(c)
                .into_iter()
                .map(|s| {
                    format!(
                        "{{ code: {}, fr: {}, en: {} }}",
                        serde_json::to_string(&s).unwrap_or_default(),
                        serde_json::to_string(s.label_fr()).unwrap_or_default(),
                        serde_json::to_string(s.label_en()).unwrap_or_default()
                    )
                })
                .collect();
            out.push_str(&format!("  {}: [{}],\n", c.code(), subs.join(", ")));
        }
        out.push_str("};\n");
        out
    }

    #[test]
    fn the_window_gets_the_sub_categories_with_their_labels() {
        let text = typescript();
        assert!(text.contains(r#"{ code: "vehicules", fr: "Véhicules", en: "Vehicles" }"#));
        assert!(text.contains("  benevolat: [],\n"));
        if let Some(dir) = std::env::var_os("TS_RS_EXPORT_DIR") {
            let path = std::path::Path::new(&dir).join("subcategories.ts");
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, text).expect("the bindings folder is writable");
            }
        }
    }
}
