//! French typography: spacing around punctuation, amounts and dates.

use chrono::{NaiveDate, NaiveTime, Timelike};

/// Narrow no-break space (espace fine insécable).
pub const NNBSP: char = '\u{202F}';
/// No-break space.
pub const NBSP: char = '\u{A0}';

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP || c == '\t'
}

/// Applies French spacing: a narrow no-break space before « : ; ! ? » and
/// inside « », replacing an ordinary space there or adding one. A colon
/// inside a word or a number (« https://… », « 14:30 ») and a run of
/// punctuation (« ?! ») are left as they are.
#[must_use]
pub fn french_spacing(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ':' | ';' | '!' | '?' => {
                let next = chars.get(i + 1).copied();
                let ends_word = next.is_none_or(|n| n.is_whitespace() || ":;!?».,)\"'".contains(n));
                // Trailing spaces already written before the mark.
                let trimmed = out.trim_end_matches(is_space).len();
                let had_space = trimmed < out.len();
                out.truncate(trimmed);
                let prev = out.chars().next_back();
                let after_mark = prev.is_some_and(|p| ":;!?".contains(p));
                if after_mark {
                    if had_space {
                        out.push(' ');
                    }
                } else if had_space || (prev.is_some() && ends_word) {
                    out.push(NNBSP);
                }
                out.push(c);
            }
            '«' => {
                out.push('«');
                out.push(NNBSP);
                while chars.get(i + 1).copied().is_some_and(is_space) {
                    i += 1;
                }
            }
            '»' => {
                let trimmed = out.trim_end_matches(is_space).len();
                out.truncate(trimmed);
                if !out.is_empty() {
                    out.push(NNBSP);
                }
                out.push('»');
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// An amount in cents as « 1 234,56 € »: the domain's format with a
/// no-break space before the euro sign.
#[must_use]
pub fn euros(cents: i64) -> String {
    tisserand_domain::partnership::format_euros(cents).replace(" €", "\u{A0}€")
}

/// An amount in cents rounded to whole euros, as reports print totals:
/// « 12 500 € ».
#[must_use]
pub fn euros_whole(cents: i64) -> String {
    let whole = (cents as f64 / 100.0).round();
    format!("{}\u{A0}€", number(whole))
}

/// Minutes as whole hours, as reports print totals: « 1 250 h » (rounded
/// to the nearest hour).
#[must_use]
pub fn hours_whole(minutes: i64) -> String {
    format!("{}\u{A0}h", number((minutes as f64 / 60.0).round()))
}

/// Minutes as hours, « 12 h » or « 1 h 30 ».
#[must_use]
pub fn hours(minutes: i64) -> String {
    let h = minutes / 60;
    let m = minutes % 60;
    let h = tisserand_domain::text::group_digits(usize::try_from(h).unwrap_or(0));
    if m == 0 {
        format!("{h}\u{A0}h")
    } else {
        format!("{h}\u{A0}h\u{A0}{m:02}")
    }
}

/// A time of day as printed on a timetable: « 14 h 30 », « 9 h 05 »,
/// « 14 h 00 » (minutes always written, so times line up in a column).
#[must_use]
pub fn clock(t: NaiveTime) -> String {
    format!("{}\u{A0}h\u{A0}{:02}", t.hour(), t.minute())
}

/// « 26 nov. 2026 ».
#[must_use]
pub fn date_short(d: NaiveDate) -> String {
    // No-break spaces: a date is never split across two lines.
    tisserand_domain::text::date_short_fr(d).replace(' ', "\u{A0}")
}

/// « 26 novembre 2026 ».
#[must_use]
pub fn date_long(d: NaiveDate) -> String {
    tisserand_domain::text::date_long_fr(d)
}

/// A number the French way: « 1 234,5 » (at most two decimals, no
/// trailing zeros).
#[must_use]
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc();
    let cents = ((abs - whole) * 100.0).round() as u64;
    // Magnitudes beyond u64 are not plausible indicator values; clamp.
    let whole = if whole >= 1.8e19 {
        u64::MAX
    } else {
        whole as u64
    };
    let mut s = tisserand_domain::text::group_digits(usize::try_from(whole).unwrap_or(usize::MAX));
    if cents > 0 {
        let frac = format!("{cents:02}");
        s.push(',');
        s.push_str(frac.trim_end_matches('0'));
    }
    if negative && (whole > 0 || cents > 0) {
        s.insert(0, '-');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_before_high_punctuation() {
        assert_eq!(french_spacing("Objet : test"), "Objet\u{202F}: test");
        assert_eq!(french_spacing("Objet: test"), "Objet\u{202F}: test");
        assert_eq!(french_spacing("Vraiment ?"), "Vraiment\u{202F}?");
        assert_eq!(french_spacing("Oui!"), "Oui\u{202F}!");
        assert_eq!(french_spacing("a ; b"), "a\u{202F}; b");
        assert_eq!(french_spacing("Quoi ?!"), "Quoi\u{202F}?!");
        assert_eq!(french_spacing(" ; suite"), "\u{202F}; suite");
    }

    #[test]
    fn spacing_inside_guillemets() {
        assert_eq!(
            french_spacing("le « Petit Cirque » joue"),
            "le «\u{202F}Petit Cirque\u{202F}» joue"
        );
        assert_eq!(french_spacing("«Oui»"), "«\u{202F}Oui\u{202F}»");
    }

    #[test]
    fn urls_times_and_lone_marks_are_kept() {
        assert_eq!(french_spacing("https://exemple.fr"), "https://exemple.fr");
        assert_eq!(french_spacing("à 14:30"), "à 14:30");
        assert_eq!(french_spacing("?"), "?");
        assert_eq!(french_spacing(""), "");
    }

    #[test]
    fn amounts_and_numbers() {
        assert_eq!(euros(123_456), "1\u{202F}234,56\u{A0}€");
        assert_eq!(euros(0), "0,00\u{A0}€");
        assert_eq!(number(1234.5), "1\u{202F}234,5");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-3.25), "-3,25");
        assert_eq!(hours(90), "1\u{A0}h\u{A0}30");
        assert_eq!(hours(600), "10\u{A0}h");
        assert_eq!(euros_whole(1_250_049), "12\u{202F}500\u{A0}€");
        assert_eq!(euros_whole(-150), "-2\u{A0}€");
        assert_eq!(hours_whole(75_010), "1\u{202F}250\u{A0}h");
        assert_eq!(hours_whole(29), "0\u{A0}h");
    }

    #[test]
    fn times_of_day() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("time");
        assert_eq!(clock(t(14, 30)), "14\u{A0}h\u{A0}30");
        assert_eq!(clock(t(9, 5)), "9\u{A0}h\u{A0}05");
        assert_eq!(clock(t(14, 0)), "14\u{A0}h\u{A0}00");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        assert_eq!(date_short(d), "26\u{A0}nov.\u{A0}2026");
        assert_eq!(date_long(d), "26 novembre 2026");
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        assert_eq!(date_long(first), "1er janvier 2026");
    }
}
