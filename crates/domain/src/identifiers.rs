//! Legal identifiers and contact details: normalisation (forgiving what people
//! type) and validation (saying exactly what is wrong).
//!
//! Each `normalize_*` takes raw text and returns the canonical form, or a
//! `FieldError` for the given field name.

use crate::error::FieldError;

fn digits_only(raw: &str) -> Option<String> {
    let kept: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}' | '\u{202f}'))
        .collect();
    kept.chars().all(|c| c.is_ascii_digit()).then_some(kept)
}

/// Luhn checksum over ASCII digits.
#[must_use]
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

fn spaced(digits: &str, groups: &[usize]) -> String {
    let mut out = String::new();
    let mut start = 0;
    for g in groups {
        if start > 0 {
            out.push(' ');
        }
        out.push_str(&digits[start..start + g]);
        start += g;
    }
    out
}

/// SIREN: 9 digits whose Luhn key is right. Returns the 9 digits.
///
/// # Errors
/// A French and English message naming the typed value and the fault.
pub fn normalize_siren(field: &str, raw: &str) -> Result<String, FieldError> {
    let Some(d) = digits_only(raw) else {
        return Err(FieldError::new(
            field,
            format!("Le SIREN « {raw} » ne doit contenir que des chiffres (9 chiffres)."),
            format!("SIREN \"{raw}\" must contain digits only (9 digits)."),
        ));
    };
    if d.len() != 9 {
        return Err(FieldError::new(
            field,
            format!(
                "Le SIREN doit comporter 9 chiffres ; « {raw} » en a {}.",
                d.len()
            ),
            format!("A SIREN has 9 digits; \"{raw}\" has {}.", d.len()),
        ));
    }
    if !luhn_valid(&d) {
        let shown = spaced(&d, &[3, 3, 3]);
        return Err(FieldError::new(
            field,
            format!("Le SIREN {shown} est invalide : la clé de contrôle ne correspond pas."),
            format!("SIREN {shown} is invalid: its check digit does not match."),
        ));
    }
    Ok(d)
}

/// SIRET: 14 digits (SIREN + NIC) whose Luhn key is right; La Poste's
/// establishments (SIREN 356 000 000) use a sum-of-digits rule instead.
///
/// # Errors
/// A message naming the typed value and the fault.
pub fn normalize_siret(field: &str, raw: &str) -> Result<String, FieldError> {
    let Some(d) = digits_only(raw) else {
        return Err(FieldError::new(
            field,
            format!("Le SIRET « {raw} » ne doit contenir que des chiffres (14 chiffres)."),
            format!("SIRET \"{raw}\" must contain digits only (14 digits)."),
        ));
    };
    if d.len() != 14 {
        return Err(FieldError::new(
            field,
            format!(
                "Le SIRET doit comporter 14 chiffres ; « {raw} » en a {}.",
                d.len()
            ),
            format!("A SIRET has 14 digits; \"{raw}\" has {}.", d.len()),
        ));
    }
    let la_poste = d.starts_with("356000000");
    let ok = if la_poste {
        d.chars()
            .filter_map(|c| c.to_digit(10))
            .sum::<u32>()
            .is_multiple_of(5)
    } else {
        luhn_valid(&d)
    };
    if !ok {
        let shown = spaced(&d, &[3, 3, 3, 5]);
        return Err(FieldError::new(
            field,
            format!("Le SIRET {shown} est invalide : la clé de contrôle ne correspond pas."),
            format!("SIRET {shown} is invalid: its check digit does not match."),
        ));
    }
    Ok(d)
}

/// RNA (répertoire national des associations): `W` followed by 9 characters,
/// digits except a Corsican département code (2A, 2B) after the W.
///
/// # Errors
/// A message naming the typed value and the expected shape.
pub fn normalize_rna(field: &str, raw: &str) -> Result<String, FieldError> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let rest = compact.strip_prefix('W');
    let ok = rest.is_some_and(|r| {
        r.len() == 9
            && r.char_indices().all(|(i, c)| {
                c.is_ascii_digit() || (i == 1 && (c == 'A' || c == 'B') && r.starts_with('2'))
            })
    });
    if ok {
        Ok(compact)
    } else {
        Err(FieldError::new(
            field,
            format!("Le numéro RNA « {raw} » est invalide : il s'écrit W suivi de 9 chiffres (ex. W672001234)."),
            format!("RNA number \"{raw}\" is invalid: it is W followed by 9 digits (e.g. W672001234)."),
        ))
    }
}

/// E-mail: trimmed, lower-cased domain; one `@`, a local part, a domain with
/// a dot and no spaces.
///
/// # Errors
/// A message naming the typed value.
pub fn normalize_email(field: &str, raw: &str) -> Result<String, FieldError> {
    let trimmed = raw.trim();
    let bad = || {
        FieldError::new(
            field,
            format!("L'adresse e-mail « {trimmed} » est invalide : elle doit ressembler à prenom.nom@exemple.fr."),
            format!("E-mail address \"{trimmed}\" is invalid: it should look like name@example.org."),
        )
    };
    let (local, domain) = trimmed.split_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.contains('@')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().count() >= 2);
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"<>()[],;:\"\\".contains(c));
    if domain_ok && local_ok {
        Ok(format!("{local}@{}", domain.to_lowercase()))
    } else {
        Err(bad())
    }
}

/// Phone: French numbers as `03 88 12 34 56` (from `0388123456`,
/// `+33 3 88…`, `0033 3 88…`, with dots or dashes); other international
/// numbers as `+` and 8 to 15 digits.
///
/// # Errors
/// A message naming the typed value.
pub fn normalize_phone(field: &str, raw: &str) -> Result<String, FieldError> {
    let trimmed = raw.trim();
    let plus = trimmed.starts_with('+');
    let digits: String = trimmed
        .chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '.' | '-' | '(' | ')' | '/' | '+' | '\u{a0}' | '\u{202f}'
            )
        })
        .collect();
    let bad = || {
        FieldError::new(
            field,
            format!("Le numéro de téléphone « {trimmed} » est invalide : 10 chiffres (03 88 12 34 56) ou un numéro international (+49 …)."),
            format!("Phone number \"{trimmed}\" is invalid: 10 digits (03 88 12 34 56) or an international number (+49 …)."),
        )
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let international = if plus {
        Some(digits.clone())
    } else {
        digits.strip_prefix("00").map(str::to_owned)
    };
    let national = match international {
        Some(intl) => match intl.strip_prefix("33") {
            Some(fr) if fr.len() == 9 && !fr.starts_with('0') => format!("0{fr}"),
            Some(fr) if fr.len() == 10 && fr.starts_with('0') => fr.to_owned(),
            _ if (8..=15).contains(&intl.len()) => return Ok(format!("+{intl}")),
            _ => return Err(bad()),
        },
        None => digits,
    };
    if national.len() == 10 && national.starts_with('0') && !national.starts_with("00") {
        Ok(spaced(&national, &[2, 2, 2, 2, 2]))
    } else {
        Err(bad())
    }
}

/// Website: trimmed; `https://` is added when no scheme was typed.
///
/// # Errors
/// A message naming the typed value.
pub fn normalize_website(field: &str, raw: &str) -> Result<String, FieldError> {
    let trimmed = raw.trim();
    let with_scheme = if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let host = with_scheme
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let ok = !trimmed.chars().any(char::is_whitespace)
        && host.contains('.')
        && host.split('.').all(|l| !l.is_empty())
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == ':');
    if ok {
        Ok(with_scheme)
    } else {
        Err(FieldError::new(
            field,
            format!("L'adresse du site « {trimmed} » est invalide : par exemple www.exemple.fr."),
            format!("Website \"{trimmed}\" is invalid: for example www.example.org."),
        ))
    }
}

/// INSEE commune code: 5 characters, digits, or 2A/2B followed by 3 digits.
#[must_use]
pub fn is_insee_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && (b[..2].iter().all(u8::is_ascii_digit)
            || (b[0] == b'2' && (b[1] == b'A' || b[1] == b'B')))
        && b[2..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siren_key_is_checked() {
        // Real SIREN numbers (public registry): Danone 552 032 534, SNCF 552 049 447.
        assert_eq!(
            normalize_siren("siren", "552 032 534").unwrap(),
            "552032534"
        );
        assert_eq!(normalize_siren("siren", "552049447").unwrap(), "552049447");
        let e = normalize_siren("siren", "123 456 789").unwrap_err();
        assert_eq!(
            e.message,
            "Le SIREN 123 456 789 est invalide : la clé de contrôle ne correspond pas."
        );
        assert!(normalize_siren("siren", "12345")
            .unwrap_err()
            .message
            .contains("en a 5"));
        assert!(normalize_siren("siren", "55203253A")
            .unwrap_err()
            .message
            .contains("chiffres"));
    }

    #[test]
    fn siret_key_is_checked() {
        assert_eq!(
            normalize_siret("siret", "552 032 534 00018").unwrap(),
            "55203253400018"
        );
        assert!(normalize_siret("siret", "55203253400013").is_err());
        assert!(normalize_siret("siret", "5520325340001")
            .unwrap_err()
            .message
            .contains("14 chiffres"));
        // La Poste: sum of digits divisible by 5.
        assert!(normalize_siret("siret", "35600000000001").is_ok());
    }

    #[test]
    fn rna_is_w_and_nine_digits() {
        assert_eq!(normalize_rna("rna", "w672001234").unwrap(), "W672001234");
        assert_eq!(normalize_rna("rna", "W2A1001234").unwrap(), "W2A1001234");
        assert!(normalize_rna("rna", "672001234").is_err());
        assert!(normalize_rna("rna", "W67200123").is_err());
        assert!(normalize_rna("rna", "WX72001234").is_err());
    }

    #[test]
    fn emails_are_forgiven_but_checked() {
        assert_eq!(
            normalize_email("email", "  Anne.Muller@Exemple.FR ").unwrap(),
            "Anne.Muller@exemple.fr"
        );
        assert!(normalize_email("email", "anne@").is_err());
        assert!(normalize_email("email", "anne muller@exemple.fr").is_err());
        assert!(normalize_email("email", "anne@exemple").is_err());
        assert!(normalize_email("email", "anne@@exemple.fr").is_err());
        assert!(normalize_email("email", "élodie@mairie-sélestat.fr").is_ok());
    }

    #[test]
    fn phones_are_normalised() {
        assert_eq!(
            normalize_phone("phone", "0388123456").unwrap(),
            "03 88 12 34 56"
        );
        assert_eq!(
            normalize_phone("phone", "+33 3 88 12 34 56").unwrap(),
            "03 88 12 34 56"
        );
        assert_eq!(
            normalize_phone("phone", "0033 (0)3.88.12.34.56").unwrap(),
            "03 88 12 34 56"
        );
        assert_eq!(
            normalize_phone("phone", "+49 761 123456").unwrap(),
            "+49761123456"
        );
        assert!(normalize_phone("phone", "12 34").is_err());
        assert!(normalize_phone("phone", "03 88 AB 34 56").is_err());
    }

    #[test]
    fn websites_get_a_scheme() {
        assert_eq!(
            normalize_website("website", "www.exemple.fr").unwrap(),
            "https://www.exemple.fr"
        );
        assert_eq!(
            normalize_website("website", "http://a.fr/x").unwrap(),
            "http://a.fr/x"
        );
        assert!(normalize_website("website", "pas un site").is_err());
        assert!(normalize_website("website", "localhost").is_err());
    }

    #[test]
    fn insee_codes() {
        assert!(is_insee_code("67462"));
        assert!(is_insee_code("2A004"));
        assert!(!is_insee_code("6746"));
        assert!(!is_insee_code("2C004"));
    }
}
