//! Associations of Alsace-Moselle: in the Bas-Rhin (67), Haut-Rhin (68) and
//! Moselle (57) an association is governed by the local civil code
//! (articles 21 to 79), not by the law of 1 July 1901. It is « inscrite » at
//! the register of associations kept by the tribunal judiciaire of its
//! seat, identified there by a volume and a folio (and, since the register
//! went online, by a number of the electronic register), and has no RNA
//! number.
//!
//! What this module decides: which regime an association falls under when
//! the facilitator did not say (from its seat), which courts keep the
//! registers a seat can be inscribed at, and which court to suggest.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::fold;

/// Under which law an association is constituted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AssociationRegime {
    /// Declared at a préfecture under the law of 1 July 1901 (RNA number).
    #[serde(rename = "loi_1901")]
    Loi1901,
    /// « Association inscrite » of Alsace-Moselle, at a court's register.
    DroitLocal,
}

impl AssociationRegime {
    pub const ALL: [Self; 2] = [Self::DroitLocal, Self::Loi1901];

    /// The code used in JSON, SQL and on the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Loi1901 => "loi_1901",
            Self::DroitLocal => "droit_local",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Loi1901 => "Association loi 1901",
            Self::DroitLocal => "Association de droit local (Alsace-Moselle)",
        }
    }

    /// Reads a regime as people write it: the code, « loi 1901 »,
    /// « 1901 », « droit local », « Alsace-Moselle », « inscrite »…
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' ', '_', '.'], "");
        match t.as_str() {
            "loi1901"
            | "1901"
            | "association1901"
            | "associationloi1901"
            | "declaree"
            | "associationdeclaree"
            | "law1901" => Some(Self::Loi1901),
            "droitlocal"
            | "alsacemoselle"
            | "local"
            | "inscrite"
            | "associationinscrite"
            | "ccl"
            | "codecivillocal"
            | "localcivilcode"
            | "ev" => Some(Self::DroitLocal),
            _ => None,
        }
    }
}

/// Where an association's register is kept: the tribunaux judiciaires of
/// the three départements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RegisterCourt {
    Strasbourg,
    Saverne,
    Colmar,
    Mulhouse,
    Metz,
    Thionville,
    Sarreguemines,
}

/// The courts of Alsace (Bas-Rhin and Haut-Rhin, cour d'appel de Colmar).
const ALSACE: [RegisterCourt; 4] = [
    RegisterCourt::Strasbourg,
    RegisterCourt::Saverne,
    RegisterCourt::Colmar,
    RegisterCourt::Mulhouse,
];
/// The courts of Moselle (cour d'appel de Metz).
const MOSELLE: [RegisterCourt; 3] = [
    RegisterCourt::Metz,
    RegisterCourt::Thionville,
    RegisterCourt::Sarreguemines,
];

/// Towns whose court is known: the courts' seats and a few towns of their
/// districts (Sélestat and its neighbours belong to Colmar although they
/// are in the Bas-Rhin; the west of the Bas-Rhin to Saverne). Elsewhere
/// the facilitator chooses among the courts of the département.
const KNOWN_SEATS: [(&str, RegisterCourt); 17] = [
    ("67482", RegisterCourt::Strasbourg),
    ("67180", RegisterCourt::Strasbourg), // Haguenau
    ("67447", RegisterCourt::Strasbourg), // Schiltigheim
    ("67218", RegisterCourt::Strasbourg), // Illkirch-Graffenstaden
    ("67437", RegisterCourt::Saverne),
    ("67434", RegisterCourt::Saverne), // Sarre-Union
    ("67448", RegisterCourt::Saverne), // Schirmeck
    ("67300", RegisterCourt::Saverne), // Molsheim
    ("67462", RegisterCourt::Colmar),  // Sélestat
    ("67281", RegisterCourt::Colmar),  // Marckolsheim
    ("67507", RegisterCourt::Colmar),  // Villé
    ("67021", RegisterCourt::Colmar),  // Barr
    ("68066", RegisterCourt::Colmar),
    ("68224", RegisterCourt::Mulhouse),
    ("57463", RegisterCourt::Metz),
    ("57672", RegisterCourt::Thionville),
    ("57631", RegisterCourt::Sarreguemines),
];

impl RegisterCourt {
    pub const ALL: [Self; 7] = [
        Self::Strasbourg,
        Self::Saverne,
        Self::Colmar,
        Self::Mulhouse,
        Self::Metz,
        Self::Thionville,
        Self::Sarreguemines,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Strasbourg => "strasbourg",
            Self::Saverne => "saverne",
            Self::Colmar => "colmar",
            Self::Mulhouse => "mulhouse",
            Self::Metz => "metz",
            Self::Thionville => "thionville",
            Self::Sarreguemines => "sarreguemines",
        }
    }

    /// The town the court sits in.
    #[must_use]
    pub fn city(self) -> &'static str {
        match self {
            Self::Strasbourg => "Strasbourg",
            Self::Saverne => "Saverne",
            Self::Colmar => "Colmar",
            Self::Mulhouse => "Mulhouse",
            Self::Metz => "Metz",
            Self::Thionville => "Thionville",
            Self::Sarreguemines => "Sarreguemines",
        }
    }

    /// « tribunal judiciaire de Colmar ».
    #[must_use]
    pub fn label_fr(self) -> String {
        format!("tribunal judiciaire de {}", self.city())
    }

    /// Reads a court from its code or its town, with or without « tribunal
    /// judiciaire de », « TJ », accents or case.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim());
        let t = t
            .trim_start_matches("tribunal judiciaire de ")
            .trim_start_matches("tribunal judiciaire ")
            .trim_start_matches("tribunal d'instance de ")
            .trim_start_matches("tj de ")
            .trim_start_matches("tj ")
            .trim();
        Self::ALL.into_iter().find(|c| c.code() == t)
    }

    /// The courts whose registers take associations seated in `departement`
    /// (Alsace's four for 67 and 68, Moselle's three for 57), or every court
    /// elsewhere.
    #[must_use]
    pub fn for_departement(departement: Option<&str>) -> &'static [Self] {
        match departement {
            Some("67" | "68") => &ALSACE,
            Some("57") => &MOSELLE,
            _ => &Self::ALL,
        }
    }

    /// The court of a seat when it is one of the towns whose court is known.
    #[must_use]
    pub fn suggested_for(commune_insee: Option<&str>) -> Option<Self> {
        let code = commune_insee?.trim();
        KNOWN_SEATS
            .iter()
            .find(|(insee, _)| *insee == code)
            .map(|(_, c)| *c)
    }
}

/// The département of a commune from its INSEE code (its first two
/// characters; the overseas codes' three are not needed here).
fn departement_of(commune_insee: &str) -> Option<&str> {
    commune_insee.trim().get(..2)
}

/// Whether a commune lies in the Bas-Rhin, the Haut-Rhin or the Moselle.
#[must_use]
pub fn is_alsace_moselle(commune_insee: &str) -> bool {
    matches!(departement_of(commune_insee), Some("57" | "67" | "68"))
}

/// The regime of an association whose facilitator did not choose one: an
/// entry in a court's register means droit local; otherwise its seat says
/// (droit local in 57, 67 and 68, the 1901 law elsewhere); with no seat, an
/// RNA number means the 1901 law; otherwise it is unknown.
#[must_use]
pub fn guess_regime(
    commune_insee: Option<&str>,
    has_rna: bool,
    has_register_entry: bool,
) -> Option<AssociationRegime> {
    if has_register_entry {
        return Some(AssociationRegime::DroitLocal);
    }
    match commune_insee.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) if is_alsace_moselle(c) => Some(AssociationRegime::DroitLocal),
        Some(_) => Some(AssociationRegime::Loi1901),
        None if has_rna => Some(AssociationRegime::Loi1901),
        None => None,
    }
}

/// What the actor form needs to know of a seat: the regime it implies, the
/// courts an association seated there can be inscribed at, and the court to
/// suggest when one is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RegisterHint {
    pub regime: Option<AssociationRegime>,
    pub courts: Vec<RegisterCourt>,
    pub suggested_court: Option<RegisterCourt>,
}

/// The hint for an association seated in `commune_insee` (none: unknown).
#[must_use]
pub fn register_hint(commune_insee: Option<&str>) -> RegisterHint {
    let insee = commune_insee.map(str::trim).filter(|c| !c.is_empty());
    RegisterHint {
        regime: guess_regime(insee, false, false),
        courts: RegisterCourt::for_departement(insee.and_then(departement_of)).to_vec(),
        suggested_court: RegisterCourt::suggested_for(insee),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AssociationRegime::{DroitLocal, Loi1901};

    #[test]
    fn the_seat_decides_the_regime() {
        for (insee, rna, register, expected) in [
            (Some("67482"), false, false, Some(DroitLocal)), // Strasbourg
            (Some("68066"), true, false, Some(DroitLocal)),  // Colmar, even with an RNA
            (Some("57463"), false, false, Some(DroitLocal)), // Metz
            (Some("54395"), false, false, Some(Loi1901)),    // Nancy
            (Some("75056"), false, false, Some(Loi1901)),    // Paris
            (Some("2A004"), false, false, Some(Loi1901)),    // Ajaccio
            (Some("75056"), false, true, Some(DroitLocal)),  // an entry says it
            (None, true, false, Some(Loi1901)),
            (None, false, true, Some(DroitLocal)),
            (None, false, false, None),
            (Some("  "), false, false, None),
        ] {
            assert_eq!(
                guess_regime(insee, rna, register),
                expected,
                "{insee:?} rna {rna} register {register}"
            );
        }
    }

    #[test]
    fn courts_are_those_of_the_seat() {
        let h = register_hint(Some("67462"));
        assert_eq!(h.regime, Some(DroitLocal));
        assert_eq!(h.courts, ALSACE);
        assert_eq!(h.suggested_court, Some(RegisterCourt::Colmar));
        let h = register_hint(Some("57227"));
        assert_eq!(h.courts, MOSELLE);
        assert_eq!(h.suggested_court, None);
        let h = register_hint(Some("75056"));
        assert_eq!(h.regime, Some(Loi1901));
        assert_eq!(h.courts, RegisterCourt::ALL);
        assert_eq!(register_hint(None).regime, None);
    }

    #[test]
    fn courts_and_regimes_parse_from_words_people_write() {
        assert_eq!(
            RegisterCourt::parse("Tribunal judiciaire de Colmar"),
            Some(RegisterCourt::Colmar)
        );
        assert_eq!(RegisterCourt::parse("TJ Metz"), Some(RegisterCourt::Metz));
        assert_eq!(
            RegisterCourt::parse(" SARREGUEMINES "),
            Some(RegisterCourt::Sarreguemines)
        );
        assert_eq!(RegisterCourt::parse("Nancy"), None);
        for c in RegisterCourt::ALL {
            assert_eq!(RegisterCourt::parse(c.code()), Some(c));
            assert_eq!(RegisterCourt::parse(c.city()), Some(c));
        }
        assert_eq!(AssociationRegime::parse("Loi 1901"), Some(Loi1901));
        assert_eq!(AssociationRegime::parse("droit local"), Some(DroitLocal));
        assert_eq!(AssociationRegime::parse("Alsace-Moselle"), Some(DroitLocal));
        assert_eq!(AssociationRegime::parse("banane"), None);
        for r in AssociationRegime::ALL {
            assert_eq!(AssociationRegime::parse(r.code()), Some(r));
            // JSON and the window use the same code as SQL and the CLI.
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::from(r.code())
            );
        }
    }

    #[test]
    fn known_seats_are_in_their_courts_departements() {
        for (insee, court) in KNOWN_SEATS {
            assert!(
                RegisterCourt::for_departement(departement_of(insee)).contains(&court),
                "{insee} {court:?}"
            );
        }
    }
}
