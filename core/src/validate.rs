//! The validation helpers requests share: each rule names the field and what was wrong, and
//! never echoes a secret value.

use crate::amount::Amount;
use crate::codes::Currency;
use crate::error::{Error, ErrorCode, Result};
use crate::models::EncryptTransDetails;
use crate::secret::Secret;

/// Longest amount text the gateway accepts.
const AMOUNT_MAX_CHARS: usize = 9;
/// Most decimals the gateway accepts in an amount.
const AMOUNT_MAX_DECIMALS: u8 = 2;

/// Collects the first broken rule of a request (used by the generated models' rules).
#[derive(Debug, Default)]
pub struct Check {
    first: Option<Error>,
}

impl Check {
    pub(crate) fn new() -> Self {
        Check::default()
    }

    pub(crate) fn fail(&mut self, code: ErrorCode, field: &str, message: impl Into<String>) {
        if self.first.is_none() {
            self.first = Some(Error::invalid(code, field, message));
        }
    }

    pub(crate) fn result(&mut self, result: Result<()>) {
        if let (None, Err(e)) = (&self.first, result) {
            self.first = Some(e);
        }
    }

    /// At most `max` characters (`n` counted by the caller, so secrets are never shown).
    pub fn max_len(&mut self, field: &str, n: usize, max: usize) {
        if n > max {
            self.fail(
                ErrorCode::TooLong,
                field,
                format!("{n} characters, at most {max}"),
            );
        }
    }

    pub(crate) fn finish(self) -> Result<()> {
        self.first.map_or(Ok(()), Err)
    }

    pub(crate) fn nonempty(&mut self, field: &str, value: &str) {
        if value.is_empty() {
            self.fail(ErrorCode::MissingField, field, "is mandatory");
        }
    }

    pub(crate) fn present<T>(&mut self, field: &str, value: Option<&T>) {
        if value.is_none() {
            self.fail(ErrorCode::MissingField, field, "is mandatory");
        }
    }

    /// At most `max` characters, when present.
    pub(crate) fn max(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            let n = v.chars().count();
            if n > max {
                self.fail(
                    ErrorCode::TooLong,
                    field,
                    format!("{n} characters, at most {max}"),
                );
            }
        }
    }

    /// Exactly `len` ASCII digits, when present; the value is never shown.
    pub(crate) fn digits_secret(&mut self, field: &str, value: Option<&Secret>, len: usize) {
        if let Some(v) = value {
            let s = v.expose();
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                self.fail(
                    ErrorCode::InvalidFormat,
                    field,
                    format!("expected {len} digits"),
                );
            }
        }
    }

    /// One of `allowed`, when present and non-empty.
    pub(crate) fn one_of(&mut self, field: &str, value: Option<&str>, allowed: &[&str]) {
        if let Some(v) = value.filter(|v| !v.is_empty())
            && !allowed.contains(&v)
        {
            self.fail(
                ErrorCode::InvalidFormat,
                field,
                format!("`{v}` is not one of {}", allowed.join(", ")),
            );
        }
    }

    /// The gateway's amount rules: at most 9 characters, at most 2 decimals, and exactly
    /// representable in the currency's minor unit (no decimals for JPY, KRW …).
    pub(crate) fn amount(&mut self, field: &str, amount: Amount, currency: Option<Currency>) {
        let text = amount.to_string();
        if text.len() > AMOUNT_MAX_CHARS {
            self.fail(
                ErrorCode::InvalidAmount,
                field,
                format!("`{text}` is longer than {AMOUNT_MAX_CHARS} characters"),
            );
        }
        if amount.exponent() > AMOUNT_MAX_DECIMALS {
            self.fail(
                ErrorCode::InvalidAmount,
                field,
                format!("`{text}` has more than 2 decimals"),
            );
        }
        if let Some(c) = currency
            && let Err(Error::InvalidRequest { message, .. }) = amount.to_minor_units(c)
        {
            self.fail(ErrorCode::InvalidAmount, field, message);
        }
    }

    /// Encrypt's `transDetails`: only the types Encrypt accepts, amounts well-formed.
    pub(crate) fn encrypt_trans_details(&mut self, td: &EncryptTransDetails) {
        self.one_of(
            "transDetails/type",
            td.r#type.as_deref(),
            &["01F", "03F", "EC", "NPA"],
        );
        if let Some(a) = td.authentication_amount.as_deref() {
            match Amount::parse(a) {
                Ok(amount) => self.amount("transDetails/authenticationAmount", amount, None),
                Err(_) => self.fail(
                    ErrorCode::InvalidAmount,
                    "transDetails/authenticationAmount",
                    "expected a decimal amount with `.` as separator",
                ),
            }
        }
    }
}
