//! An association's legal regime (loi 1901 or droit local d'Alsace-Moselle,
//! chosen or guessed from its seat) and its entry in a court's register of
//! associations, as `ActorInput::validate` checks them.

use super::validate::{check_length, clean};
use super::{ActorInput, ActorKind, REGISTER_NUMBER_MAX, REGISTER_PART_MAX};
use crate::error::{FieldError, ValidationErrors};
use crate::register::{guess_regime, is_alsace_moselle, AssociationRegime, RegisterCourt};

/// An association's regime and register entry, as validated.
#[derive(Default)]
pub(super) struct Register {
    pub(super) regime: Option<AssociationRegime>,
    pub(super) chosen: bool,
    pub(super) court: Option<RegisterCourt>,
    pub(super) volume: Option<String>,
    pub(super) folio: Option<String>,
    pub(super) number: Option<String>,
}

/// « le Bas-Rhin », for messages about a seat in Alsace-Moselle.
fn departement_fr(commune_insee: &str) -> &'static str {
    match commune_insee.get(..2) {
        Some("57") => "la Moselle",
        Some("67") => "le Bas-Rhin",
        _ => "le Haut-Rhin",
    }
}

impl ActorInput {
    /// The regime of an association (chosen, or guessed from its seat) and
    /// its entry in a court's register; a droit-local association has no RNA
    /// number, a loi-1901 one no register entry, and other kinds neither a
    /// regime nor a register entry.
    pub(super) fn check_register(
        &self,
        errors: &mut ValidationErrors,
        kind: ActorKind,
        has_rna: bool,
    ) -> Register {
        let volume = clean(self.register_volume.as_ref());
        let folio = clean(self.register_folio.as_ref());
        let number = clean(self.register_number.as_ref());
        check_entry_lengths(errors, &volume, &folio, &number);
        let court = self.register_court;
        let has_entry = court.is_some() || volume.is_some() || folio.is_some() || number.is_some();
        // The first register field filled in, for errors about the entry.
        let entry_field = if court.is_some() {
            "registerCourt"
        } else if volume.is_some() {
            "registerVolume"
        } else if folio.is_some() {
            "registerFolio"
        } else {
            "registerNumber"
        };
        if kind != ActorKind::Association {
            self.refuse_regime_and_entry(errors, has_entry, entry_field);
            return Register::default();
        }
        let seat = clean(self.commune_insee.as_ref());
        let chosen = self.legal_regime.is_some();
        let regime = self
            .legal_regime
            .or_else(|| guess_regime(seat.as_deref(), has_rna, has_entry));
        match regime {
            Some(AssociationRegime::DroitLocal) => {
                if has_rna {
                    refuse_rna_under_droit_local(errors, seat.as_deref(), chosen);
                }
                check_volume_and_folio(errors, volume.as_ref(), folio.as_ref());
                if let (Some(c), Some(s)) = (court, seat.as_deref()) {
                    check_court_of_seat(errors, c, s);
                }
            }
            Some(AssociationRegime::Loi1901) if has_entry => {
                errors.push(FieldError::new(
                    entry_field,
                    "Une association loi 1901 est déclarée en préfecture, pas inscrite au registre d'un tribunal : videz ces champs, ou choisissez le régime « droit local (Alsace-Moselle) ».",
                    "A 1901-law association is declared at a préfecture, not inscribed at a court's register: clear these fields, or choose the regime \"local law (Alsace-Moselle)\".",
                ));
            }
            _ => {}
        }
        Register {
            regime,
            chosen,
            court,
            volume,
            folio,
            number,
        }
    }

    /// Other kinds than associations have neither a regime nor a register entry.
    fn refuse_regime_and_entry(
        &self,
        errors: &mut ValidationErrors,
        has_entry: bool,
        entry_field: &str,
    ) {
        if self.legal_regime.is_some() {
            errors.push(FieldError::new(
                "legalRegime",
                "Le régime juridique (loi 1901 ou droit local) ne concerne que les associations : choisissez le type « Association » ou retirez le régime.",
                "The legal regime (1901 law or local law) only concerns associations: choose the kind \"Association\" or remove the regime.",
            ));
        }
        if has_entry {
            errors.push(FieldError::new(
                entry_field,
                "Seules les associations sont inscrites au registre des associations d'un tribunal : choisissez le type « Association » ou videz ces champs.",
                "Only associations are inscribed at a court's register of associations: choose the kind \"Association\" or clear these fields.",
            ));
        }
    }
}

/// The volume, the folio and the number of the entry within their limits.
fn check_entry_lengths(
    errors: &mut ValidationErrors,
    volume: &Option<String>,
    folio: &Option<String>,
    number: &Option<String>,
) {
    for (field, label_fr, label_en, value, max) in [
        (
            "registerVolume",
            "Le volume",
            "The volume",
            volume,
            REGISTER_PART_MAX,
        ),
        (
            "registerFolio",
            "Le folio",
            "The folio",
            folio,
            REGISTER_PART_MAX,
        ),
        (
            "registerNumber",
            "Le numéro au registre",
            "The register number",
            number,
            REGISTER_NUMBER_MAX,
        ),
    ] {
        check_length(errors, field, label_fr, label_en, value.as_deref(), max);
    }
}

/// A droit-local association has no RNA number; the message names the
/// département when the regime was guessed from a seat in Alsace-Moselle.
fn refuse_rna_under_droit_local(errors: &mut ValidationErrors, seat: Option<&str>, chosen: bool) {
    let (fr, en) = match seat.filter(|s| is_alsace_moselle(s) && !chosen) {
        Some(s) => (
            format!(
                "Le siège de l'association est dans {} : elle relève du droit local d'Alsace-Moselle, est inscrite au registre des associations du tribunal judiciaire et n'a pas de numéro RNA. Retirez ce numéro et indiquez son inscription au registre, ou choisissez le régime « loi 1901 » si elle n'a pas encore transféré son siège.",
                departement_fr(s)
            ),
            "The association's seat is in Alsace-Moselle: it falls under local law, is inscribed at the court's register of associations and has no RNA number. Remove this number and give its register entry, or choose the regime \"1901 law\" if it has not moved its seat yet.".to_owned(),
        ),
        None => (
            "Une association de droit local est inscrite au registre des associations d'un tribunal judiciaire et n'a pas de numéro RNA : retirez ce numéro, ou choisissez le régime « loi 1901 ».".to_owned(),
            "A local-law association is inscribed at a court's register of associations and has no RNA number: remove this number, or choose the regime \"1901 law\".".to_owned(),
        ),
    };
    errors.push(FieldError::new("rna", fr, en));
}

/// A paper register's entry gives both its volume and its folio.
fn check_volume_and_folio(
    errors: &mut ValidationErrors,
    volume: Option<&String>,
    folio: Option<&String>,
) {
    match (volume, folio) {
        (Some(_), None) => errors.push(FieldError::new(
            "registerFolio",
            "Indiquez aussi le folio de l'inscription au registre.",
            "Give the folio of the register entry too.",
        )),
        (None, Some(_)) => errors.push(FieldError::new(
            "registerVolume",
            "Indiquez aussi le volume de l'inscription au registre.",
            "Give the volume of the register entry too.",
        )),
        _ => {}
    }
}

/// The court keeps the register of the seat's département (in Alsace-Moselle).
fn check_court_of_seat(errors: &mut ValidationErrors, court: RegisterCourt, seat: &str) {
    if is_alsace_moselle(seat) && !RegisterCourt::for_departement(seat.get(..2)).contains(&court) {
        let courts: Vec<&str> = RegisterCourt::for_departement(seat.get(..2))
            .iter()
            .map(|c| c.city())
            .collect();
        errors.push(FieldError::new(
            "registerCourt",
            format!(
                "Le tribunal judiciaire de {} ne tient pas le registre des associations dont le siège est dans {} : choisissez parmi {}.",
                court.city(),
                departement_fr(seat),
                courts.join(", ")
            ),
            format!(
                "The court of {} does not keep the register of associations seated in this département: choose among {}.",
                court.city(),
                courts.join(", ")
            ),
        ));
    }
}
