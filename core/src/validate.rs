//! The validation helpers requests share: each rule names the field and what was wrong, with one
//! error code per rule, and never echoes the value (card numbers, CVVs, keys — and, for
//! uniformity and short messages, every other value too).
//!
//! The rules and their codes (docs/protocol.md):
//!
//! | rule | code | source |
//! | --- | --- | --- |
//! | a mandatory field is missing or empty | `missing_field` | the M columns of §2–§3 |
//! | longer than the documented maximum | `too_long` | the len columns of §2–§4 |
//! | amount: at most 9 characters, at most 2 decimals, no more decimals than the currency's minor unit (none for JPY) | `invalid_amount` | §1.7; ISO 4217 exponents (`core/data/currency_exponents.csv`) |
//! | card number: digits only, at least 12 (longer than the field's documented maximum, 50 in callPagamS2S and 20 elsewhere: `too_long`) | `invalid_format` | §3.1, §3.6–§3.8 document the maximum only; the minimum 12 is ISO/IEC 7812's |
//! | expiry month `01`–`12`, expiry year two digits | `invalid_format` | §1.7, §3.1, §3.6 |
//! | CVV: 3 or 4 digits (longer than 4: `too_long`) | `invalid_format` | §3.1 (`cvv` 4), §3.6 (`CVV2` 4); 3 digits for most cards, 4 for AMEX |
//! | a value outside its documented list (`transDetails/type`, `itemType`, `recurrent`, …) | `invalid_format` | per field |
//! | a payment type that is not in the table, unless marked unlisted | `invalid_format` | §4.11, [`PaymentType`] |
//! | a `Y`/`N` flag (`withAuth`, `withAut`, `chargeBackFraud`): `Y`, `N` or `0` | `invalid_format` | §1.7; `0` answered OK by the sandbox for `withAuth` |
//! | fields that exclude each other, or need each other | `conflicting_fields` | §3.1, §5.4, §5.5 |
//! | customInfo syntax | `forbidden_character`, `too_long`, `missing_field` | §1.8, §5.1 |

use crate::amount::Amount;
use crate::codes::{Currency, PaymentType};
use crate::error::{Error, ErrorCode, Result};
use crate::models::EncryptTransDetails;
use crate::secret::Secret;

/// Longest amount text the gateway accepts (docs/protocol.md §1.7).
const AMOUNT_MAX_CHARS: usize = 9;
/// Most decimals the gateway accepts in an amount (docs/protocol.md §1.7).
const AMOUNT_MAX_DECIMALS: u8 = 2;
/// Fewest digits of a card number (PAN): ISO/IEC 7812-1 (the docs give no minimum). The most
/// is the field's documented length (docs/protocol.md §3.1: 50 in callPagamS2S; §3.6–§3.8: 20
/// elsewhere), checked by the declared length rule (`too_long`) — not ISO's 19, so as not to
/// refuse what the documented field takes.
const CARD_MIN_DIGITS: usize = 12;
/// The values of a `Y`/`N` flag: `Y` and `N` as documented (docs/protocol.md §1.7), and `0`,
/// which the sandbox answered OK for `withAuth` (a recorded exchange beats the docs). `1` is
/// not accepted: nobody has seen the gateway take it, and should it read every value but `Y`
/// as "no", a `1` meant as "yes" would silently skip the authorisation.
pub const FLAG_VALUES: &[&str] = &["Y", "N", "0"];

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

    /// A secret of digits whose count is in `digits`, when present and non-empty (an empty
    /// value is the presence rules' business) and at most `longest` characters long (a longer
    /// value breaks the field's declared length rule, `too_long`, which reports it). The value
    /// is never shown.
    fn digits_secret(
        &mut self,
        field: &str,
        value: Option<&Secret>,
        digits: std::ops::RangeInclusive<usize>,
        longest: usize,
        expected: &str,
    ) -> bool {
        let Some(s) = value.map(Secret::expose) else {
            return false;
        };
        if s.is_empty() || s.chars().count() > longest {
            return false;
        }
        if !digits.contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            self.fail(
                ErrorCode::InvalidFormat,
                field,
                format!("expected {expected}"),
            );
            return false;
        }
        true
    }

    /// A card number (PAN): digits only (no spaces or dashes), at least 12 (ISO/IEC 7812). Its
    /// maximum is the field's documented length (`max_len`: 50 in callPagamS2S, 20 elsewhere),
    /// the declared length rule (`too_long`).
    pub(crate) fn card_number(&mut self, field: &str, value: Option<&Secret>, max_len: usize) {
        let expected = "a card number of digits only, at least 12";
        self.digits_secret(field, value, CARD_MIN_DIGITS..=max_len, max_len, expected);
    }

    /// An expiry month: two digits, `01` to `12`.
    pub(crate) fn expiry_month(&mut self, field: &str, value: Option<&Secret>) {
        let expected = "a month of two digits, 01 to 12";
        if self.digits_secret(field, value, 2..=2, usize::MAX, expected)
            && let Some(v) = value.map(Secret::expose)
            && !("01"..="12").contains(&v)
        {
            self.fail(
                ErrorCode::InvalidFormat,
                field,
                format!("expected {expected}"),
            );
        }
    }

    /// An expiry year: two digits (`29` for 2029).
    pub(crate) fn expiry_year(&mut self, field: &str, value: Option<&Secret>) {
        self.digits_secret(field, value, 2..=2, usize::MAX, "a year of two digits");
    }

    /// A card verification value (`cvv`, `CVV2`): 3 or 4 digits. Longer than 4 characters is
    /// the fields' declared length rule (`too_long`).
    pub(crate) fn cvv(&mut self, field: &str, value: Option<&Secret>) {
        self.digits_secret(field, value, 3..=4, 4, "3 or 4 digits");
    }

    /// One of `allowed`, when present and non-empty (`invalid_format`).
    pub(crate) fn one_of(&mut self, field: &str, value: Option<&str>, allowed: &[&str]) {
        if let Some(v) = value.filter(|v| !v.is_empty())
            && !allowed.contains(&v)
        {
            self.fail(
                ErrorCode::InvalidFormat,
                field,
                format!("expected one of {}", allowed.join(", ")),
            );
        }
    }

    /// A `Y`/`N` flag, when present and non-empty: one of [`FLAG_VALUES`].
    pub(crate) fn flag(&mut self, field: &str, value: Option<&str>) {
        self.one_of(field, value, FLAG_VALUES);
    }

    /// `paymentTypes/paymentType`: every code in the table, or marked unlisted
    /// ([`PaymentType::unlisted`]). The length rule (25) is the field's declared one.
    pub(crate) fn payment_types(&mut self, types: &[PaymentType]) {
        if let Some(i) = types.iter().position(|pt| !pt.is_accepted()) {
            self.fail(
                ErrorCode::InvalidFormat,
                &format!("paymentTypes/paymentType[{i}]"),
                "not a documented payment type; write a newer one as \"unlisted:CODE\"",
            );
        }
    }

    /// The gateway's amount rules (docs/protocol.md §1.7): at most 9 characters, and at most as
    /// many decimals as the currency's minor unit has, 2 at most (`10.00` is refused in JPY,
    /// which has none; `10` is fine everywhere). Without a currency, 2.
    pub(crate) fn amount(&mut self, field: &str, amount: Amount, currency: Option<Currency>) {
        if amount.to_string().len() > AMOUNT_MAX_CHARS {
            self.fail(
                ErrorCode::InvalidAmount,
                field,
                format!("longer than {AMOUNT_MAX_CHARS} characters"),
            );
        }
        let max = currency.map_or(AMOUNT_MAX_DECIMALS, |c| {
            c.exponent().min(AMOUNT_MAX_DECIMALS)
        });
        if amount.exponent() > max {
            let message = match (max, currency) {
                (0, Some(c)) => format!("no decimals in {}", currency_name(c)),
                (_, Some(c)) => format!("at most {max} decimals in {}", currency_name(c)),
                (_, None) => format!("at most {max} decimals"),
            };
            self.fail(ErrorCode::InvalidAmount, field, message);
        }
    }

    /// An amount carried as text (`authenticationAmount`), with the rules of [`Check::amount`].
    pub(crate) fn amount_text(
        &mut self,
        field: &str,
        text: Option<&str>,
        currency: Option<Currency>,
    ) {
        if let Some(text) = text {
            match Amount::parse(text) {
                Ok(amount) => self.amount(field, amount, currency),
                Err(_) => self.fail(
                    ErrorCode::InvalidAmount,
                    field,
                    "expected a decimal amount with `.` as separator",
                ),
            }
        }
    }

    /// Encrypt's `transDetails`: only the types Encrypt accepts (docs/protocol.md §2.1, §4.17),
    /// amounts well-formed in the request's currency.
    pub(crate) fn encrypt_trans_details(
        &mut self,
        td: &EncryptTransDetails,
        currency: Option<Currency>,
    ) {
        self.one_of(
            "transDetails/type",
            td.r#type.as_deref(),
            &["01F", "03F", "EC", "NPA"],
        );
        self.amount_text(
            "transDetails/authenticationAmount",
            td.authentication_amount.as_deref(),
            currency,
        );
    }
}

/// `JPY`, or `UIC 999` for a currency the tables lack.
fn currency_name(c: Currency) -> String {
    match c.iso_alpha() {
        Some(alpha) => alpha.to_owned(),
        None => format!("UIC {}", c.uic_code()),
    }
}
