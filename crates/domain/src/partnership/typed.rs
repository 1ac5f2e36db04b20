//! What a person typed in a partnership row dialog (an amount « 1 234,50 »,
//! hours « 1,5 », a decimal « 12,25 », a date « 26/11/2026 »), read into
//! the values the row stores, or field errors naming what is wrong.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{parse_euros, parse_hours};
use crate::error::FieldError;
use crate::text::parse_date;

/// The typed fields of one row dialog; a field the dialog lacks is absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct TypedRow {
    /// An amount in euros (field `valueCents`); empty is 0.
    #[ts(optional)]
    pub amount: Option<String>,
    /// A number of hours (field `minutes`); empty is 0.
    #[ts(optional)]
    pub hours: Option<String>,
    /// An indicator's starting value; empty is none.
    #[ts(optional)]
    pub baseline: Option<String>,
    /// An indicator's target; empty is none.
    #[ts(optional)]
    pub target: Option<String>,
    /// A next action's due date; empty is none.
    #[ts(optional)]
    pub due_on: Option<String>,
    /// A measure's date; empty is none (the core then dates it today).
    #[ts(optional)]
    pub on: Option<String>,
    /// A measured value: required.
    #[ts(optional)]
    pub value: Option<String>,
}

/// The values read from a [`TypedRow`]; `None` where the field was absent,
/// empty (when that means none) or unreadable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowValues {
    #[ts(type = "number | null")]
    pub value_cents: Option<i64>,
    #[ts(type = "number | null")]
    pub minutes: Option<i64>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub due_on: Option<NaiveDate>,
    pub on: Option<NaiveDate>,
    pub value: Option<f64>,
}

/// A typed row read: its values, and the errors by field (none when every
/// field was readable).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReadRow {
    pub values: RowValues,
    pub errors: Vec<FieldError>,
}

/// Reads a number as people type it in France ("1 234,5", "12.25", "-3",
/// ",5"). `None` when it is not a number.
#[must_use]
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect::<String>()
        .replace(',', ".");
    let digits = t.strip_prefix('-').unwrap_or(&t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let readable = !(int.is_empty() && frac.is_empty())
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit());
    if readable {
        t.parse().ok()
    } else {
        None
    }
}

/// Reads every typed field of a row dialog.
#[must_use]
pub fn parse_row(typed: &TypedRow) -> ReadRow {
    let mut errors = Vec::new();
    let values = RowValues {
        value_cents: read_amount(typed.amount.as_deref(), &mut errors),
        minutes: read_hours(typed.hours.as_deref(), &mut errors),
        baseline: read_decimal("baseline", typed.baseline.as_deref(), &mut errors),
        target: read_decimal("target", typed.target.as_deref(), &mut errors),
        due_on: read_date("dueOn", typed.due_on.as_deref(), &mut errors),
        on: read_date("on", typed.on.as_deref(), &mut errors),
        value: read_measure(typed.value.as_deref(), &mut errors),
    };
    ReadRow { values, errors }
}

/// The text with its blanks trimmed, `None` when absent or empty.
fn filled(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// `value`, or `None` with the error `refusal` gives recorded.
fn or_refused<T>(
    value: Option<T>,
    errors: &mut Vec<FieldError>,
    refusal: impl FnOnce() -> FieldError,
) -> Option<T> {
    if value.is_none() {
        errors.push(refusal());
    }
    value
}

fn read_amount(text: Option<&str>, errors: &mut Vec<FieldError>) -> Option<i64> {
    text?;
    let Some(t) = filled(text) else {
        return Some(0);
    };
    or_refused(parse_euros(t), errors, || {
        FieldError::new(
            "valueCents",
            "Écrivez un montant en euros, par exemple 1 234,56 (deux décimales au plus).",
            "Write an amount in euros, for example 1 234,56 (at most two decimals).",
        )
    })
}

fn read_hours(text: Option<&str>, errors: &mut Vec<FieldError>) -> Option<i64> {
    text?;
    let Some(t) = filled(text) else {
        return Some(0);
    };
    let t = t
        .strip_suffix('h')
        .or_else(|| t.strip_suffix('H'))
        .unwrap_or(t);
    or_refused(parse_hours(t), errors, || {
        FieldError::new(
            "minutes",
            "Écrivez un nombre d'heures, par exemple 12 ou 1,5.",
            "Write a number of hours, for example 12 or 1,5.",
        )
    })
}

fn number_unreadable(field: &str) -> FieldError {
    FieldError::new(
        field,
        "Écrivez un nombre, par exemple 1 234,5.",
        "Write a number, for example 1 234,5.",
    )
}

fn read_decimal(field: &str, text: Option<&str>, errors: &mut Vec<FieldError>) -> Option<f64> {
    let t = filled(text)?;
    or_refused(parse_decimal(t), errors, || number_unreadable(field))
}

fn read_measure(text: Option<&str>, errors: &mut Vec<FieldError>) -> Option<f64> {
    text?;
    let Some(t) = filled(text) else {
        errors.push(FieldError::new(
            "value",
            "Écrivez la valeur mesurée.",
            "Write the measured value.",
        ));
        return None;
    };
    read_decimal("value", Some(t), errors)
}

fn read_date(field: &str, text: Option<&str>, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let t = filled(text)?;
    parse_date(field, t).map_err(|e| errors.push(e)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The core's reading of a row with only the fields `fill` types.
    fn typed(fill: impl FnOnce(&mut TypedRow)) -> ReadRow {
        let mut row = TypedRow::default();
        fill(&mut row);
        parse_row(&row)
    }

    fn fields(read: &ReadRow) -> Vec<&str> {
        read.errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn an_amount_typed_the_french_way_is_read_in_cents() {
        let cases = [
            ("1 234,50", 123_450),
            ("1\u{a0}234,56 €", 123_456),
            ("1\u{202f}234,56 €", 123_456),
            ("1234,5", 123_450),
            ("987\u{a0}654\u{a0}321", 98_765_432_100),
            ("  42 € ", 4_200),
            ("0,07", 7),
            ("", 0),
        ];
        for (text, cents) in cases {
            let read = typed(|t| t.amount = Some(text.into()));
            assert_eq!(read.values.value_cents, Some(cents), "{text}");
            assert!(read.errors.is_empty(), "{text}");
        }
        for text in ["12,345", "1,2,3", "€", "douze"] {
            let read = typed(|t| t.amount = Some(text.into()));
            assert_eq!(read.values.value_cents, None, "{text}");
            assert_eq!(fields(&read), ["valueCents"], "{text}");
        }
    }

    #[test]
    fn hours_may_end_with_h_and_empty_hours_are_zero() {
        let hours = |text: &str| typed(|t| t.hours = Some(text.into()));
        assert_eq!(hours("12 h").values.minutes, Some(720));
        assert_eq!(hours("").values.minutes, Some(0));
        assert_eq!(fields(&hours("beaucoup")), ["minutes"]);
    }

    #[test]
    fn decimals_are_read_with_a_comma_or_a_point() {
        assert_eq!(parse_decimal("1 234,5"), Some(1234.5));
        assert_eq!(parse_decimal("12.25"), Some(12.25));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal("1.2.3"), None);
        let read = parse_row(&TypedRow {
            baseline: Some(String::new()),
            target: Some("abc".into()),
            ..TypedRow::default()
        });
        assert_eq!(read.values.baseline, None);
        assert_eq!(fields(&read), ["target"]);
    }

    #[test]
    fn dates_are_read_as_typed_and_impossible_ones_refused() {
        let date = |text: &str| typed(|t| t.due_on = Some(text.into()));
        let nov_26 = NaiveDate::from_ymd_opt(2026, 11, 26);
        assert_eq!(date("26/11/2026").values.due_on, nov_26);
        assert_eq!(date("2026-11-26").values.due_on, nov_26);
        assert_eq!(date("").values.due_on, None);
        assert!(date("").errors.is_empty());
        assert_eq!(fields(&date("31/02/2026")), ["dueOn"]);
        assert_eq!(fields(&date("demain")), ["dueOn"]);
    }

    #[test]
    fn a_measure_needs_its_value() {
        let read = parse_row(&TypedRow {
            on: Some(String::new()),
            value: Some(" ".into()),
            ..TypedRow::default()
        });
        assert_eq!(fields(&read), ["value"]);
        assert_eq!(read.errors[0].message, "Écrivez la valeur mesurée.");
        let read = parse_row(&TypedRow {
            on: Some("1/2/2026".into()),
            value: Some("12,5".into()),
            ..TypedRow::default()
        });
        assert_eq!(read.values.value, Some(12.5));
        assert_eq!(read.values.on, NaiveDate::from_ymd_opt(2026, 2, 1));
        assert!(read.errors.is_empty());
    }
}
