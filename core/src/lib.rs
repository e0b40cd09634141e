//! # gestpay — a sans-IO core for the Axerve (ex-Gestpay) SOAP gateway
//!
//! **gestpay never opens a socket, reads a clock, spawns a thread, draws a random number or
//! reads the environment.** It turns each request into a plain description of an HTTP call
//! ([`HttpRequest`]: method, URL, headers, body bytes) and parses each response from
//! `(status, content type, body bytes)` into typed values. The caller, in any language, moves
//! the bytes — with whatever HTTP client, timeouts, retries and logging it already has.
//!
//! It is symmetric: every request can also be parsed from its envelope and every result built
//! into one, so tests and local emulators can play the gateway with the same types.
//!
//! ```
//! use gestpay::prelude::*;
//!
//! # fn main() -> gestpay::Result<()> {
//! // 1. Encrypt: register an Amazon Pay payment of 100.00 EUR.
//! let encrypt = Encrypt::new("9000001", Currency::EUR, Amount::from_minor(10_000, Currency::EUR), "ORD-42")
//!     .payment_types([PaymentType::AMAZONPAY])
//!     .amazon_pay_billing_agreement(AmazonPayBillingAgreement::PayNowAndRecurring);
//! let call = encrypt.to_http(&Environment::Test, SoapVersion::Soap11)?;
//! assert_eq!(call.url, "https://sandbox.gestpay.net/gestpay/GestPayWS/WsCryptDecrypt.asmx");
//! // … POST call.body to call.url with call.headers, then parse what came back:
//! # let body = EncryptResult { crypt_decrypt_string: Some("ABC123".into()), ..Default::default() }
//! #     .to_envelope(SoapVersion::Soap11)?;
//! let result = EncryptResult::from_http(200, Some("text/xml; charset=utf-8"), &body)?;
//!
//! // 2. Redirect the buyer to the payment page.
//! let url = payment_page_url(&Environment::Test, "9000001", result.crypt_decrypt_string.as_deref().unwrap_or(""), None)?;
//! assert!(url.starts_with("https://sandbox.gestpay.net/pagam/pagam.aspx?a=9000001&b="));
//!
//! // 3. The gateway calls back with `a` and `b`: Decrypt them.
//! let callback = Callback::parse("https://shop.example/ok?a=9000001&b=XYZ")?;
//! let decrypt = Decrypt::from_callback(&callback).to_http(&Environment::Test, SoapVersion::Soap11)?;
//! # let _ = decrypt;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod address;
pub mod amount;
mod charset;
pub mod codes;
pub mod cryptdecrypt;
pub mod custom_info;
#[cfg(feature = "json")]
pub mod dynamic;
pub mod error;
pub mod message;
pub mod models;
pub mod payload;
pub mod payment_page;
pub mod s2s;
#[cfg(feature = "schema")]
pub mod schema;
pub mod secret;
pub mod soap;
pub mod validate;
pub mod xml;
// The internal macros, at the paths their users name (`crate::xml_model!` …).
#[cfg(any(feature = "json", feature = "schema"))]
pub(crate) use message::with_operations;
pub(crate) use soap::operation;
pub(crate) use xml::{xml_model, xml_text_node};

pub use amount::Amount;
/// The text of a field: a string kept inline, without an allocation, up to 24 bytes (12 on
/// 32-bit targets), which most of the gateway's values are (codes, amounts, ids, names). It
/// dereferences to `str`, compares with `&str` and `String`, and is made with `.into()` or
/// `Text::from`; `.to_string()` gives a `String`. Serialised as a string.
///
/// **Why a third-party type in every field's signature** (`compact_str::CompactString`, rather
/// than `String`): nearly every field holds a short string, which a `String` would allocate
/// once per field and per parse; kept inline, a parse allocates only for long texts and lists.
/// Measured (docs/performance.md, "Second round"): with it, results and requests filled in
/// place and SIMD UTF-8 checks, the typed parse went from 1.59× to 1.51× the instructions of a
/// bare quick-xml scan on the corpus (1.66–1.67× to 1.43–1.48× on Encrypt documents), and a
/// parsed callReadTrxS2S retains 0.92–0.98× its document instead of 1.18–1.22×. It is the size
/// of a `String` and is serialised as one, so the JSON shapes and the bindings are unchanged.
pub type Text = compact_str::CompactString;
/// The crate of [`Text`], for its whole API (re-exported so that callers need not depend on
/// the same version themselves).
pub use compact_str;
pub use error::{Declined, Error, ErrorCode, Party, Result};
pub use message::{Outcome, Request, Response};
pub use secret::Secret;
pub use soap::{Environment, HttpRequest, HttpResponse, Service, SoapFault, SoapVersion};

/// Everything a typical integration needs, in one import.
pub mod prelude {
    pub use crate::address::Address;
    pub use crate::amount::Amount;
    pub use crate::codes::{Currency, Language, PaymentType, TransactionResult};
    pub use crate::cryptdecrypt::{
        AmazonPayBillingAgreement, Decrypt, DecryptResult, Encrypt, EncryptResult, RequestToken,
    };
    pub use crate::custom_info::CustomInfo;
    pub use crate::error::{Error, ErrorCode, Result};
    pub use crate::message::{Outcome, Request, Response};
    pub use crate::payment_page::{Callback, payment_page_url};
    pub use crate::secret::Secret;
    pub use crate::soap::{Environment, HttpRequest, HttpResponse, SoapVersion};
}
