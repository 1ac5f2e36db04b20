//! `Valid<T>`: an input that passed its validation, when the validated value
//! has the same shape as the input (texts trimmed, empty ones absent, lists
//! deduplicated) and a second struct would only repeat every field.

use std::ops::Deref;

/// A `T` that passed validation. Only the crate's `validate` functions make
/// one, so a function taking a `Valid<T>` knows the rules were applied; the
/// fields are read through `Deref`.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// Wraps a value its validation has just normalised and accepted.
    pub(crate) fn new(value: T) -> Self {
        Self(value)
    }

    /// The validated value itself.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
