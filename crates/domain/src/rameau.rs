//! Le RAMEAU's four modes of partnership, and the guided classification that
//! proposes a mode from a few yes/no questions.
//!
//! Modes are always listed in the order of the scale: from giving outside
//! one's core activity to changing one's own practices (mécénat, coopération
//! économique, innovation sociétale, pratiques responsables).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::fold;

/// One of Le RAMEAU's four modes, in the scale's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RameauMode {
    Mecenat,
    CooperationEconomique,
    InnovationSocietale,
    PratiquesResponsables,
}

impl RameauMode {
    /// The scale's order.
    pub const ALL: [Self; 4] = [
        Self::Mecenat,
        Self::CooperationEconomique,
        Self::InnovationSocietale,
        Self::PratiquesResponsables,
    ];

    /// The code used in JSON, SQL and on the command line.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Mecenat => "mecenat",
            Self::CooperationEconomique => "cooperation_economique",
            Self::InnovationSocietale => "innovation_societale",
            Self::PratiquesResponsables => "pratiques_responsables",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Mecenat => "mécénat",
            Self::CooperationEconomique => "coopération économique",
            Self::InnovationSocietale => "innovation sociétale",
            Self::PratiquesResponsables => "pratiques responsables",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Mecenat => "philanthropy",
            Self::CooperationEconomique => "economic cooperation",
            Self::InnovationSocietale => "societal innovation",
            Self::PratiquesResponsables => "responsible practices",
        }
    }

    /// Reads a mode from its code or its French words, accents optional.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Self::ALL
            .into_iter()
            .find(|m| m.code() == t || fold(m.label_fr()).replace(' ', "_") == t)
    }
}

/// What a mécénat gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MecenatKind {
    /// Money (numéraire).
    Financier,
    /// Goods, equipment.
    EnNature,
    /// Premises, transport.
    Logistique,
    /// Employees' time, usually their own trade.
    Competences,
}

impl MecenatKind {
    pub const ALL: [Self; 4] = [
        Self::Financier,
        Self::EnNature,
        Self::Logistique,
        Self::Competences,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Financier => "financier",
            Self::EnNature => "en_nature",
            Self::Logistique => "logistique",
            Self::Competences => "competences",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Financier => "financier",
            Self::EnNature => "en nature",
            Self::Logistique => "logistique",
            Self::Competences => "de compétences",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Financier => "money",
            Self::EnNature => "in kind",
            Self::Logistique => "logistics",
            Self::Competences => "skills",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|k| k.code() == t)
    }
}

/// The guided classification's questions. `Q1`…`Q4` point to a mode;
/// `Q5`…`Q8` say what a gift is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Question {
    /// The company gives resources to a project of general interest, with no direct return.
    Q1,
    /// The association brings its expertise to the company's own practices
    /// (disability, insertion, environment, CSR).
    Q2,
    /// They build a joint offer for a public or a territory, or a commercial
    /// relation (buying from an insertion enterprise…).
    Q3,
    /// They develop a new solution together (joint R&D).
    Q4,
    /// The gift is money.
    Q5,
    /// The gift is goods or equipment.
    Q6,
    /// The gift is premises or transport.
    Q7,
    /// The gift is employees' time.
    Q8,
}

impl Question {
    pub const ALL: [Self; 8] = [
        Self::Q1,
        Self::Q2,
        Self::Q3,
        Self::Q4,
        Self::Q5,
        Self::Q6,
        Self::Q7,
        Self::Q8,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Q1 => "q1",
            Self::Q2 => "q2",
            Self::Q3 => "q3",
            Self::Q4 => "q4",
            Self::Q5 => "q5",
            Self::Q6 => "q6",
            Self::Q7 => "q7",
            Self::Q8 => "q8",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|q| q.code() == t)
    }

    #[must_use]
    pub fn text_fr(self) -> &'static str {
        match self {
            Self::Q1 => "L'entreprise donne des ressources à un projet d'intérêt général, sans contrepartie directe ?",
            Self::Q2 => "L'association apporte son expertise aux pratiques de l'entreprise (handicap, insertion, environnement, RSE) ?",
            Self::Q3 => "Construisent-ils une offre commune pour un public ou un territoire, ou une relation commerciale (achats à une entreprise d'insertion…) ?",
            Self::Q4 => "Développent-ils ensemble une solution nouvelle (R&D commune) ?",
            Self::Q5 => "Le don est-il de l'argent ?",
            Self::Q6 => "Le don est-il fait de biens ou de matériel ?",
            Self::Q7 => "Le don est-il fait de locaux ou de transport ?",
            Self::Q8 => "Le don est-il du temps de salariés ?",
        }
    }

    #[must_use]
    pub fn text_en(self) -> &'static str {
        match self {
            Self::Q1 => "Does the company give resources to a project of general interest, with no direct return?",
            Self::Q2 => "Does the association bring its expertise to the company's own practices (disability, insertion, environment, CSR)?",
            Self::Q3 => "Do they build a joint offer for a public or a territory, or a commercial relation (buying from an insertion enterprise…)?",
            Self::Q4 => "Do they develop a new solution together (joint R&D)?",
            Self::Q5 => "Is the gift money?",
            Self::Q6 => "Is the gift goods or equipment?",
            Self::Q7 => "Is the gift premises or transport?",
            Self::Q8 => "Is the gift employees' time?",
        }
    }

    /// The mécénat sub-kind a "yes" to this question means, if any.
    #[must_use]
    pub fn gift_kind(self) -> Option<MecenatKind> {
        match self {
            Self::Q5 => Some(MecenatKind::Financier),
            Self::Q6 => Some(MecenatKind::EnNature),
            Self::Q7 => Some(MecenatKind::Logistique),
            Self::Q8 => Some(MecenatKind::Competences),
            _ => None,
        }
    }
}

impl Question {
    /// The mode a "yes" to this question points to, if any (`Q1`…`Q4`).
    #[must_use]
    pub fn mode(self) -> Option<RameauMode> {
        PRIORITY.iter().find(|p| p.0 == self).map(|p| p.1)
    }

    /// The question that must be answered "yes" before this one is asked:
    /// what a gift is made of (`Q5`…`Q8`) only once there is a gift (`Q1`).
    #[must_use]
    pub fn asked_after(self) -> Option<Self> {
        self.gift_kind().map(|_| Self::Q1)
    }
}

/// One question of the guided classification, with what the window needs
/// to ask it: when it is asked and what a "yes" means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassificationQuestion {
    pub question: Question,
    /// Asked only once this question is answered "yes" (`None`: always).
    pub asked_after: Option<Question>,
    /// The mode a "yes" points to.
    pub mode: Option<RameauMode>,
    /// What a "yes" says the gift is made of.
    pub gift_kind: Option<MecenatKind>,
}

/// The guided classification's questions in the order they are asked.
#[must_use]
pub fn classification_questions() -> Vec<ClassificationQuestion> {
    Question::ALL
        .into_iter()
        .map(|q| ClassificationQuestion {
            question: q,
            asked_after: q.asked_after(),
            mode: q.mode(),
            gift_kind: q.gift_kind(),
        })
        .collect()
}

/// What the guided classification proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassificationProposal {
    /// `None` when no answer points to a mode yet.
    pub primary: Option<RameauMode>,
    /// Other modes the answers point to, in the scale's order.
    pub secondary: Vec<RameauMode>,
    /// What the gift is made of, when mécénat is among the modes.
    pub mecenat_kinds: Vec<MecenatKind>,
    /// One sentence saying why, in French.
    pub reason: String,
    pub reason_en: String,
}

/// Which mode a "yes" to each of the first four questions points to, with
/// why in French and English. The first one that applies, in this order, is
/// the primary mode: the more a mode touches each party's strategy, the more
/// it shapes the partnership (joint R&D, then a joint offer, then a change of
/// practices, then a gift).
const PRIORITY: [(Question, RameauMode, &str, &str); 4] = [
    (
        Question::Q4,
        RameauMode::InnovationSocietale,
        "les partenaires co-construisent une solution nouvelle",
        "the partners co-build a new solution",
    ),
    (
        Question::Q3,
        RameauMode::CooperationEconomique,
        "ils bâtissent une offre commune ou une relation commerciale",
        "they build a joint offer or a commercial relation",
    ),
    (
        Question::Q2,
        RameauMode::PratiquesResponsables,
        "l'association fait évoluer les pratiques de l'entreprise",
        "the association changes the company's own practices",
    ),
    (
        Question::Q1,
        RameauMode::Mecenat,
        "l'entreprise donne sans contrepartie directe",
        "the company gives with no direct return",
    ),
];

/// Proposes a primary mode, secondary ones and the mécénat sub-kinds from
/// the questions answered "yes". A gift's nature (Q5–Q8) implies mécénat
/// even when Q1 was not answered.
#[must_use]
pub fn classify(yes: &[Question]) -> ClassificationProposal {
    let said = |q: Question| yes.contains(&q);
    let mut kinds: Vec<MecenatKind> = yes.iter().filter_map(|q| q.gift_kind()).collect();
    kinds.sort();
    kinds.dedup();
    let gives = said(Question::Q1) || !kinds.is_empty();
    let applies: Vec<&(Question, RameauMode, &str, &str)> = PRIORITY
        .iter()
        .filter(|(q, mode, _, _)| said(*q) || (*mode == RameauMode::Mecenat && gives))
        .collect();
    let Some(first) = applies.first() else {
        return ClassificationProposal {
            primary: None,
            secondary: Vec::new(),
            mecenat_kinds: Vec::new(),
            reason: "Aucune réponse ne désigne encore un mode : précisez ce que chacun apporte pendant l'exploration.".into(),
            reason_en: "No answer points to a mode yet: clarify what each party brings during exploration.".into(),
        };
    };
    let primary = first.1;
    let mut secondary: Vec<RameauMode> = applies[1..].iter().map(|a| a.1).collect();
    secondary.sort();
    let mecenat = primary == RameauMode::Mecenat || secondary.contains(&RameauMode::Mecenat);
    let mecenat_kinds = if mecenat { kinds } else { Vec::new() };
    let mut reason = format!("Mode principal : {}, car {}", primary.label_fr(), first.2);
    let mut reason_en = format!("Primary mode: {}, because {}", primary.label_en(), first.3);
    if !secondary.is_empty() {
        let also: Vec<String> = secondary
            .iter()
            .filter_map(|m| applies.iter().find(|a| a.1 == *m))
            .map(|a| format!("{} ({})", a.1.label_fr(), a.2))
            .collect();
        let also_en: Vec<String> = secondary
            .iter()
            .filter_map(|m| applies.iter().find(|a| a.1 == *m))
            .map(|a| format!("{} ({})", a.1.label_en(), a.3))
            .collect();
        reason.push_str(&format!(" ; aussi : {}", also.join(", ")));
        reason_en.push_str(&format!("; also: {}", also_en.join(", ")));
    }
    if mecenat {
        if mecenat_kinds.is_empty() {
            reason.push_str(" ; précisez la nature du don");
            reason_en.push_str("; say what the gift is made of");
        } else {
            let fr: Vec<&str> = mecenat_kinds.iter().map(|k| k.label_fr()).collect();
            let en: Vec<&str> = mecenat_kinds.iter().map(|k| k.label_en()).collect();
            reason.push_str(&format!(" ; mécénat {}", fr.join(", ")));
            reason_en.push_str(&format!("; gift: {}", en.join(", ")));
        }
    }
    reason.push('.');
    reason_en.push('.');
    ClassificationProposal {
        primary: Some(primary),
        secondary,
        mecenat_kinds,
        reason,
        reason_en,
    }
}

#[cfg(test)]
mod tests {
    use super::MecenatKind::{Competences, EnNature, Financier, Logistique};
    use super::Question::{Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8};
    use super::RameauMode::{
        CooperationEconomique as Coop, InnovationSocietale as Innov, Mecenat,
        PratiquesResponsables as Prat,
    };
    use super::*;

    #[test]
    fn classification_table() {
        #[allow(clippy::type_complexity)]
        let cases: &[(
            &[Question],
            Option<RameauMode>,
            &[RameauMode],
            &[MecenatKind],
        )] = &[
            (&[], None, &[], &[]),
            (&[Q1], Some(Mecenat), &[], &[]),
            (&[Q1, Q5], Some(Mecenat), &[], &[Financier]),
            (&[Q8], Some(Mecenat), &[], &[Competences]),
            (&[Q1, Q7, Q6], Some(Mecenat), &[], &[EnNature, Logistique]),
            (&[Q2], Some(Prat), &[], &[]),
            (&[Q3], Some(Coop), &[], &[]),
            (&[Q4], Some(Innov), &[], &[]),
            (&[Q1, Q2, Q5], Some(Prat), &[Mecenat], &[Financier]),
            (&[Q3, Q4], Some(Innov), &[Coop], &[]),
            (
                &[Q1, Q2, Q3, Q4, Q8],
                Some(Innov),
                &[Mecenat, Coop, Prat],
                &[Competences],
            ),
            (&[Q2, Q3], Some(Coop), &[Prat], &[]),
            // A gift's nature without mécénat among the modes is not kept.
            (&[Q4, Q5], Some(Innov), &[Mecenat], &[Financier]),
            (&[Q5, Q5, Q1], Some(Mecenat), &[], &[Financier]),
        ];
        for (yes, primary, secondary, kinds) in cases {
            let p = classify(yes);
            assert_eq!(p.primary, *primary, "{yes:?}");
            assert_eq!(p.secondary, *secondary, "{yes:?}");
            assert_eq!(p.mecenat_kinds, *kinds, "{yes:?}");
            assert!(p.reason.ends_with('.'), "{}", p.reason);
            assert!(!p.reason_en.is_empty());
            if let Some(m) = primary {
                assert!(p.reason.contains(m.label_fr()), "{}", p.reason);
                assert!(!p.secondary.contains(m));
            }
        }
    }

    #[test]
    fn q1_to_q4_point_to_a_mode_and_q5_to_q8_are_asked_after_a_gift() {
        let questions = classification_questions();
        let asked: Vec<Question> = questions.iter().map(|q| q.question).collect();
        assert_eq!(asked, Question::ALL);
        let always: Vec<Question> = questions
            .iter()
            .filter(|q| q.asked_after.is_none())
            .map(|q| q.question)
            .collect();
        assert_eq!(always, [Q1, Q2, Q3, Q4]);
        for q in &questions[4..] {
            assert_eq!(q.asked_after, Some(Q1), "{:?}", q.question);
            assert_eq!(q.mode, None);
        }
        let modes: Vec<_> = questions.iter().map(|q| q.mode).collect();
        assert_eq!(
            modes[..4],
            [Some(Mecenat), Some(Prat), Some(Coop), Some(Innov)]
        );
        let kinds: Vec<_> = questions.iter().filter_map(|q| q.gift_kind).collect();
        assert_eq!(kinds, [Financier, EnNature, Logistique, Competences]);
        // A "yes" alone proposes the mode the question points to.
        for q in &questions[..4] {
            assert_eq!(classify(&[q.question]).primary, q.mode);
        }
    }

    #[test]
    fn the_reason_is_one_french_sentence() {
        let p = classify(&[Q1, Q2, Q8]);
        assert_eq!(
            p.reason,
            "Mode principal : pratiques responsables, car l'association fait évoluer les pratiques de \
             l'entreprise ; aussi : mécénat (l'entreprise donne sans contrepartie directe) ; mécénat de compétences."
        );
        assert!(classify(&[Q1]).reason.contains("précisez la nature du don"));
    }

    #[test]
    fn modes_parse_and_keep_the_scale_order() {
        let codes: Vec<&str> = RameauMode::ALL.iter().map(|m| m.code()).collect();
        assert_eq!(
            codes,
            [
                "mecenat",
                "cooperation_economique",
                "innovation_societale",
                "pratiques_responsables"
            ]
        );
        for m in RameauMode::ALL {
            assert_eq!(RameauMode::parse(m.code()), Some(m));
            assert_eq!(
                serde_json::to_value(m).unwrap(),
                serde_json::Value::String(m.code().into())
            );
        }
        assert_eq!(RameauMode::parse("Mécénat"), Some(Mecenat));
        assert_eq!(RameauMode::parse("innovation sociétale"), Some(Innov));
        assert_eq!(RameauMode::parse("banane"), None);
        assert_eq!(Question::parse("Q3"), Some(Q3));
        assert_eq!(MecenatKind::parse("en nature"), Some(EnNature));
    }
}
