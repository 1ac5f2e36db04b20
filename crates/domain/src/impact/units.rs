//! Standard units, so that the same indicator adds up across partnerships:
//! « pers. », « personnes » and « Personnes » are one unit, « t » and
//! « tonnes » another.

use crate::text::fold;

/// A unit indicators are encouraged to use, with the spellings it absorbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandardUnit {
    pub code: &'static str,
    /// French plural, as totals print it.
    pub fr: &'static str,
    pub en: &'static str,
    /// Folded spellings read as this unit, beside `code`, `fr` and `en`.
    pub spellings: &'static [&'static str],
}

/// The unit a beneficiaries figure sums.
pub const BENEFICIAIRES: &str = "beneficiaires";

pub const STANDARD_UNITS: &[StandardUnit] = &[
    StandardUnit {
        code: BENEFICIAIRES,
        fr: "bénéficiaires",
        en: "beneficiaries",
        spellings: &["beneficiaire", "benef", "beneficiary"],
    },
    StandardUnit {
        code: "personnes",
        fr: "personnes",
        en: "people",
        spellings: &["personne", "pers", "pers.", "person", "persons"],
    },
    StandardUnit {
        code: "emplois",
        fr: "emplois",
        en: "jobs",
        spellings: &["emploi", "job", "postes", "poste"],
    },
    StandardUnit {
        code: "jeunes",
        fr: "jeunes",
        en: "young people",
        spellings: &["jeune"],
    },
    StandardUnit {
        code: "enfants",
        fr: "enfants",
        en: "children",
        spellings: &["enfant", "child"],
    },
    StandardUnit {
        code: "familles",
        fr: "familles",
        en: "families",
        spellings: &["famille", "foyers", "foyer", "family"],
    },
    StandardUnit {
        code: "heures",
        fr: "heures",
        en: "hours",
        spellings: &["heure", "h", "hr", "hrs", "hour"],
    },
    StandardUnit {
        code: "jours",
        fr: "jours",
        en: "days",
        spellings: &["jour", "j", "day"],
    },
    StandardUnit {
        code: "tonnes",
        fr: "tonnes",
        en: "tonnes",
        spellings: &["tonne", "t", "tons", "ton"],
    },
    StandardUnit {
        code: "kilogrammes",
        fr: "kilogrammes",
        en: "kilograms",
        spellings: &["kilogramme", "kg", "kilos", "kilo", "kilograms"],
    },
    StandardUnit {
        code: "repas",
        fr: "repas",
        en: "meals",
        spellings: &["meal"],
    },
    StandardUnit {
        code: "kilometres",
        fr: "kilomètres",
        en: "kilometres",
        spellings: &["kilometre", "km", "kilometers"],
    },
    StandardUnit {
        code: "euros",
        fr: "euros",
        en: "euros",
        spellings: &["euro", "eur", "€"],
    },
    StandardUnit {
        code: "evenements",
        fr: "événements",
        en: "events",
        spellings: &["evenement", "event", "manifestations", "manifestation"],
    },
    StandardUnit {
        code: "ateliers",
        fr: "ateliers",
        en: "workshops",
        spellings: &["atelier", "workshop", "seances", "seance"],
    },
    StandardUnit {
        code: "objets",
        fr: "objets",
        en: "items",
        spellings: &["objet", "pieces", "piece", "item", "unites", "unite"],
    },
];

/// The standard unit `text` names, if any (case, accents, a final « s » and
/// a final full stop ignored).
#[must_use]
pub fn standard_unit(text: &str) -> Option<&'static StandardUnit> {
    let t = fold(text.trim());
    if t.is_empty() {
        return None;
    }
    let bare = t.trim_end_matches('.');
    STANDARD_UNITS.iter().find(|u| {
        let all = [u.code, u.fr, u.en];
        all.iter().any(|s| fold(s) == t || fold(s) == bare)
            || u.spellings.iter().any(|s| *s == t || *s == bare)
    })
}

/// The key totals group an indicator's unit by: the standard unit's code,
/// else the unit folded (so « Arbres plantés » and « arbres plantés » add
/// up), else an empty key for « no unit ».
#[must_use]
pub fn unit_key(unit: Option<&str>) -> String {
    match unit.map(str::trim) {
        None | Some("") => String::new(),
        Some(u) => standard_unit(u).map_or_else(|| fold(u), |s| s.code.to_owned()),
    }
}

/// How a total's unit is printed in French: the standard unit's French
/// plural, else the unit as first written.
#[must_use]
pub fn unit_label_fr(key: &str, as_written: &str) -> String {
    STANDARD_UNITS
        .iter()
        .find(|u| u.code == key)
        .map_or_else(|| as_written.trim().to_owned(), |u| u.fr.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_unit_share_one_key() {
        for s in ["personnes", "Personne", "pers.", "PERS"] {
            assert_eq!(unit_key(Some(s)), "personnes", "{s}");
        }
        assert_eq!(unit_key(Some("t")), "tonnes");
        assert_eq!(unit_key(Some("Tonnes")), "tonnes");
        assert_eq!(unit_key(Some("bénéficiaires")), BENEFICIAIRES);
        assert_eq!(unit_key(Some(" Arbres plantés ")), "arbres plantes");
        assert_eq!(unit_key(Some("  ")), "");
        assert_eq!(unit_key(None), "");
        assert_eq!(unit_label_fr("kilometres", "km"), "kilomètres");
        assert_eq!(
            unit_label_fr("arbres plantes", "Arbres plantés"),
            "Arbres plantés"
        );
    }

    #[test]
    fn every_spelling_is_folded_and_belongs_to_one_unit() {
        for u in STANDARD_UNITS {
            for s in u.spellings {
                assert_eq!(fold(s), *s, "{s} must be written folded");
                assert_eq!(standard_unit(s).map(|x| x.code), Some(u.code), "{s}");
            }
            assert_eq!(standard_unit(u.fr).map(|x| x.code), Some(u.code));
        }
    }
}
