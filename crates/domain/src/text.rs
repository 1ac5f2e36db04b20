//! Text folding shared by sorting, duplicate detection and search: lower case,
//! no accents, ligatures spelt out.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use chrono::NaiveDate;

use crate::error::FieldError;

/// Lower-cases `s` and removes diacritics, so that "Sélestat" and "SELESTAT"
/// fold to the same "selestat". Ligatures œ and æ become "oe" and "ae".
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The key a list is sorted by: folded, with leading punctuation and spaces
/// ignored, so « Les Restos » sorts under L and "  Zèbre" under Z.
#[must_use]
pub fn sort_key(s: &str) -> String {
    let folded = fold(s);
    folded
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// Number of characters (not bytes) in `s`, as a person would count them.
#[must_use]
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// Formats a count with French digit grouping (a narrow no-break space):
/// 10000 -> "10 000".
#[must_use]
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// Reads a date as a person writes it in France (`26/11/2026`, `1/2/2026`)
/// or in ISO form (`2026-11-26`).
///
/// # Errors
/// A message naming the typed text and the expected form.
pub fn parse_date(field: &str, raw: &str) -> Result<NaiveDate, FieldError> {
    let text = raw.trim();
    ["%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| {
            FieldError::new(
                field,
                format!("La date « {text} » n'est pas valide : écrivez-la jj/mm/aaaa (par exemple 26/11/2026)."),
                format!("Date \"{text}\" is not valid: write it dd/mm/yyyy (for example 26/11/2026)."),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Sélestat"), "selestat");
        assert_eq!(fold("ŒUVRE Éducative"), "oeuvre educative");
        assert_eq!(fold("Ça"), "ca");
    }

    #[test]
    fn sort_key_ignores_leading_punctuation() {
        assert_eq!(sort_key("« Les Restos »"), "les restos »");
        assert_eq!(sort_key("Été"), "ete");
    }

    #[test]
    fn digits_are_grouped_the_french_way() {
        assert_eq!(group_digits(10_000), "10\u{202f}000");
        assert_eq!(group_digits(200), "200");
        assert_eq!(group_digits(1_234_567), "1\u{202f}234\u{202f}567");
    }
}
