//! Text folding shared by sorting, duplicate detection and search: lower case,
//! no accents, ligatures spelt out.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use chrono::NaiveDate;

use crate::error::FieldError;

/// The one folding of text that is compared rather than shown: the search
/// index and its queries, sort keys, tag and commune keys, duplicate
/// detection, filters. Two texts a person reads as the same word fold to the
/// same string:
///
/// - lower case, accents removed (« É » → « e »), compatibility forms spelt
///   out (ligatures « ﬁ » « ﬂ » → « fi » « fl », « ᵉʳ » → « er », full-width
///   letters → ASCII);
/// - « œ » « æ » « ß » « ẞ » → « oe » « ae » « ss », and « ø » « ł » « đ » « ı »
///   « þ » → « o » « l » « d » « i » « th »;
/// - apostrophes ’ ‘ ʼ ´ ` and the prime ′ → ';
/// - hyphens and dashes ‐ ‑ ‒ – — ― − → -;
/// - every space (no-break, narrow no-break, thin, tab, line break) → one
///   space, runs of them → one, none at the start or the end;
/// - soft hyphens and zero-width characters removed.
///
/// The search index stores folded text (`store`), so changing what this
/// returns needs a migration that marks the derived text stale (see
/// `crates/store/migrations/0006_search_folding.sql`).
#[must_use]
pub fn fold(s: &str) -> String {
    fold_into(s, None)
}

/// `fold(s)`, and for each byte of it the byte offset in `s` of the
/// character it comes from (a space folded from a run of spaces: the
/// character after the run). Finds folded text in the original, to show or
/// replace it (the erasure of a person's name in notes).
#[must_use]
pub fn fold_with_offsets(s: &str) -> (String, Vec<usize>) {
    let mut offsets = Vec::with_capacity(s.len());
    let text = fold_into(s, Some(&mut offsets));
    (text, offsets)
}

fn fold_into(s: &str, offsets: Option<&mut Vec<usize>>) -> String {
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        space: false,
        offsets,
        at: 0,
    };
    for (at, c) in s.char_indices() {
        out.at = at;
        if c.is_ascii() {
            out.push(c);
        } else if c == '\u{b4}' {
            // The acute accent alone, typed for an apostrophe: its
            // decomposition would leave a space.
            out.push('\'');
        } else {
            decompose_compatible(c, |d| out.push(d));
        }
    }
    out.text
}

/// The folded text being built: `space` is a space seen and not yet written
/// (written only before the next character, so none is left at the end);
/// `offsets`, when asked for, the source offset of each byte written, `at`
/// that of the character being folded.
struct Folded<'a> {
    text: String,
    space: bool,
    offsets: Option<&'a mut Vec<usize>>,
    at: usize,
}

impl Folded<'_> {
    /// Appends one character of the compatibility decomposition.
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            if c.is_whitespace() {
                self.space = true;
            } else if c == '`' {
                self.word(|t| t.push('\''));
            } else {
                self.word(|t| t.push(c.to_ascii_lowercase()));
            }
            return;
        }
        match c {
            _ if is_combining_mark(c) => {}
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            _ if c.is_whitespace() => self.space = true,
            'œ' | 'Œ' => self.word(|t| t.push_str("oe")),
            'æ' | 'Æ' => self.word(|t| t.push_str("ae")),
            'ß' | 'ẞ' => self.word(|t| t.push_str("ss")),
            'þ' | 'Þ' => self.word(|t| t.push_str("th")),
            'ø' | 'Ø' => self.word(|t| t.push('o')),
            'ł' | 'Ł' => self.word(|t| t.push('l')),
            'đ' | 'Đ' | 'ð' | 'Ð' => self.word(|t| t.push('d')),
            'ı' => self.word(|t| t.push('i')),
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => {
                self.word(|t| t.push('\''));
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' => self.word(|t| t.push('-')),
            _ => self.word(|t| t.extend(c.to_lowercase())),
        }
    }

    /// Writes a pending space (unless at the start), then what `f` writes.
    fn word(&mut self, f: impl FnOnce(&mut String)) {
        if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.space = false;
        f(&mut self.text);
        if let Some(offsets) = self.offsets.as_deref_mut() {
            offsets.resize(self.text.len(), self.at);
        }
    }
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

const MONTHS_LONG_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_SHORT_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// The day of the month as French writes it: « 1er », « 2 »…
fn day_of_month_fr(d: NaiveDate) -> String {
    use chrono::Datelike;
    if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    }
}

/// « 1er mars 2026 », « 26 novembre 2026 » (plain spaces).
#[must_use]
pub fn date_long_fr(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        day_of_month_fr(d),
        MONTHS_LONG_FR[d.month0() as usize],
        d.year()
    )
}

/// « 1er mars 2026 », « 26 nov. 2026 » (plain spaces).
#[must_use]
pub fn date_short_fr(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        day_of_month_fr(d),
        MONTHS_SHORT_FR[d.month0() as usize],
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_french_way() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(date_long_fr(d(2026, 11, 26)), "26 novembre 2026");
        assert_eq!(date_long_fr(d(2026, 3, 1)), "1er mars 2026");
        assert_eq!(date_short_fr(d(2026, 2, 1)), "1er févr. 2026");
        assert_eq!(date_short_fr(d(2026, 12, 7)), "7 déc. 2026");
    }

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Sélestat"), "selestat");
        assert_eq!(fold("ŒUVRE Éducative"), "oeuvre educative");
        assert_eq!(fold("Ça"), "ca");
    }

    /// The hard cases of French and Alsatian text: each left side folds to
    /// its right side, and folding again changes nothing.
    #[test]
    fn fold_table_of_hard_cases() {
        let table: &[(&str, &str)] = &[
            // œ, Œ, æ, Æ, ß, ẞ inside words and capitalised
            ("Les Restos du Cœur du Ried", "les restos du coeur du ried"),
            ("CŒUR", "coeur"),
            ("Œuvre", "oeuvre"),
            ("Kœnig", "koenig"),
            ("Schœller", "schoeller"),
            ("Lætitia", "laetitia"),
            ("ÆSOPE", "aesope"),
            ("Straße", "strasse"),
            ("STRAẞE", "strasse"),
            // capital accented letters, composed or decomposed
            ("ÉCOLE ÀÇÈÉÊËÎÏÔÙÛÜŸ", "ecole aceeeeiiouuuy"),
            ("Se\u{301}lestat", "selestat"),
            ("Île-de-France", "ile-de-france"),
            // apostrophes: ’ ‘ ʼ ´ ` ′ and ' are one
            ("L’Œuvre", "l'oeuvre"),
            ("l‘école", "l'ecole"),
            ("lʼécole", "l'ecole"),
            ("l´école", "l'ecole"),
            ("l`école", "l'ecole"),
            ("l′école", "l'ecole"),
            ("l'école", "l'ecole"),
            // hyphens and dashes: ‐ ‑ ‒ – — ― − and - are one
            ("Saint\u{2010}Louis", "saint-louis"),
            ("Saint\u{2011}Louis", "saint-louis"),
            ("Saint–Louis", "saint-louis"),
            ("Colmar — Centre", "colmar - centre"),
            ("Colmar ― Centre", "colmar - centre"),
            ("\u{2212}5 \u{2012} 6", "-5 - 6"),
            // every space is one space; none at the ends
            ("14\u{a0}h\u{202f}30", "14 h 30"),
            ("«\u{a0}Les\u{2009}Restos\u{a0}»", "« les restos »"),
            ("  Les \t Restos\n du\r\nCœur  ", "les restos du coeur"),
            // ligatures and other compatibility forms
            ("ﬁnance ﬂeur eﬀort", "finance fleur effort"),
            ("Ĳssel", "ijssel"),
            ("1ᵉʳ", "1er"),
            ("ＡＢＣ", "abc"),
            // letters NFKD leaves alone
            ("Øster Łódź Đakovo Þór", "oster lodz dakovo thor"),
            // invisible characters
            ("Stras\u{ad}bourg", "strasbourg"),
            ("Col\u{200b}mar\u{feff}", "colmar"),
            ("", ""),
            (" \u{a0} ", ""),
        ];
        for (raw, expected) in table {
            assert_eq!(fold(raw), *expected, "folding « {raw} »");
            assert_eq!(fold(expected), *expected, "folding « {expected} » again");
        }
    }

    #[test]
    fn the_same_word_typed_differently_folds_the_same() {
        for group in [
            &["Cœur", "coeur", "CŒUR", "COEUR", "cœur"][..],
            &["Sélestat", "SELESTAT", "Se\u{301}lestat", "SÉLESTAT"],
            &["l’Œuvre", "l'oeuvre", "L'OEUVRE", "l´Œuvre"],
            &["Saint‑Louis", "Saint-Louis", "SAINT–LOUIS"],
            &["ﬁnance", "finance", "FINANCE"],
            &["Grand\u{a0}Est", "Grand Est", "grand  est"],
        ] {
            for w in group {
                assert_eq!(fold(w), fold(group[0]), "« {w} » and « {} »", group[0]);
            }
        }
    }

    #[test]
    fn offsets_point_back_to_the_original_characters() {
        let text = "  L’Œuvre\u{a0}\u{a0}ﬁne";
        let (folded, offsets) = fold_with_offsets(text);
        assert_eq!(folded, fold(text));
        assert_eq!(folded, "l'oeuvre fine");
        assert_eq!(offsets.len(), folded.len());
        let source = |i: usize| text[offsets[i]..].chars().next().unwrap();
        let seen: String = (0..folded.len()).map(source).collect();
        // « Œ » gives two bytes, « ﬁ » two, the spaces one (counted with
        // what follows them), « ’ » one.
        assert_eq!(seen, "L’ŒŒuvreﬁﬁﬁne");
    }

    #[test]
    fn sort_key_ignores_leading_punctuation() {
        assert_eq!(sort_key("« Les Restos »"), "les restos »");
        assert_eq!(sort_key("Été"), "ete");
        assert_eq!(sort_key("«\u{a0}Œuvre\u{a0}»"), "oeuvre »");
    }

    #[test]
    fn digits_are_grouped_the_french_way() {
        assert_eq!(group_digits(10_000), "10\u{202f}000");
        assert_eq!(group_digits(200), "200");
        assert_eq!(group_digits(1_234_567), "1\u{202f}234\u{202f}567");
    }
}
