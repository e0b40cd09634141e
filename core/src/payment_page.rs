//! The browser side: the payment page URL the buyer is redirected to, and the callback the
//! gateway makes to the merchant's URLs with `a` (shopLogin) and `b` (the encrypted result).
//!
//! # The one rule for `+` and percent-encoding
//!
//! Every path gives Decrypt the same `b`, whether the merchant hands the raw URL or a mapping a
//! framework has already decoded:
//!
//! * **A raw URL or query string** ([`Callback::parse`]) is read as
//!   `application/x-www-form-urlencoded` (URL Standard §5.1, the HTML form encoding), exactly as
//!   Django's `request.GET`, Flask, Starlette, `urllib.parse.parse_qs`, Express's `req.query`
//!   and `URLSearchParams` read it: pairs split on `&`, names and values split on the first
//!   `=`, then `+` is a space, `%XX` is the byte `XX`, and the bytes are UTF-8.
//! * **A mapping already decoded** ([`Callback::from_decoded_pairs`]) is taken as it is: a `+`
//!   or a `%2B` in its values is a literal `+` or `%2B`, never decoded a second time. (A
//!   framework that decodes leniently has already turned bad bytes into U+FFFD, which nothing
//!   can tell from a real one: hand the raw query to `parse` to have them refused.)
//! * **What this crate writes** ([`payment_page_url`], [`three_ds_page_url`],
//!   [`Callback::to_query`]) percent-encodes every byte but ASCII letters, digits and `*-._`:
//!   a `+` as `%2B`, a space as `%20` (not `+`). So any value reads back exactly through
//!   `parse`, through a framework, and through a plain RFC 3986 percent-decoder alike.
//!
//! Stricter than the frameworks, on purpose: in `a` or `b`, a `%` not followed by two
//! hexadecimal digits, or bytes that are not UTF-8 once decoded, are
//! [`ErrorCode::InvalidCallback`] (a framework would keep the `%` or put U+FFFD in, and Decrypt
//! would get a string the gateway never sent). Other parameters are ignored, whatever they hold.
//!
//! Why this rule (see also the protocol reference, §2.5): the encrypted string is base64-like.
//! It may hold `+`, `/`, `=` and `*` (a Decrypt fixture of this repository carries
//! `7XsMjm*2ZBmcs…+S1Pu9qk…==`; the docs' iFrame sample has `,` `/` `*`), and never a space. In
//! a query a `+` means a space to every framework, so a `+` of `b` arrives intact only written
//! `%2B`; and the gateway's own sample response page (`gestpay/php5-gestpay-starter`,
//! `response.php`) passes PHP's form-decoded `$_GET["b"]` straight to Decrypt, which works only
//! if the callback is form-encoded that way. A sender that leaves a `+` raw makes every
//! framework read a space, and `parse` too: the answer never depends on which path the merchant
//! took.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};

use crate::codes::PaymentType;
use crate::error::{Error, ErrorCode, Result};
use crate::soap::Environment;

/// The path of the payment page under [`Environment::pages_base`].
pub const PAYMENT_PAGE_PATH: &str = "/pagam/pagam.aspx";
/// The path of the 3-D Secure page (server-to-server flow).
pub const THREE_DS_PAGE_PATH: &str = "/pagam/pagam3d.aspx";

fn require(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(
            ErrorCode::MissingField,
            field,
            "must not be empty",
        ));
    }
    Ok(())
}

/// The bytes written as themselves in a query value: ASCII letters and digits and `*-._` (the
/// byte set of `application/x-www-form-urlencoded`); every other byte is `%XX`, a space too.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'*')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_');

/// `name=value` pairs joined by `&`, each value percent-encoded (see the module's rule).
fn write_query(out: &mut String, pairs: &[(&str, &str)]) {
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(utf8_percent_encode(name, QUERY_VALUE));
        out.push('=');
        out.extend(utf8_percent_encode(value, QUERY_VALUE));
    }
}

fn build_url(env: &Environment, path: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = format!("{}{path}?", env.pages_base());
    write_query(&mut url, pairs);
    url
}

/// `pagam.aspx?a=<shopLogin>&b=<CryptDecryptString>[&paymentType=<code>]`, URL-encoded: every
/// byte but ASCII letters, digits and `*-._` is `%XX` (`+` is `%2B`, a space `%20`), so both
/// values read back exactly, through [`Callback::parse`] or a framework (see the module's rule).
///
/// `payment_type` pre-selects a method the way the REST API's links do; with SOAP the usual way
/// is a single `paymentTypes` entry in Encrypt, which makes the page jump to that method.
pub fn payment_page_url(
    env: &Environment,
    shop_login: &str,
    crypt_decrypt_string: &str,
    payment_type: Option<&PaymentType>,
) -> Result<String> {
    env.check()?;
    require("a", shop_login)?;
    require("b", crypt_decrypt_string)?;
    let mut pairs = vec![("a", shop_login), ("b", crypt_decrypt_string)];
    if let Some(pt) = payment_type {
        pairs.push(("paymentType", pt.as_str()));
    }
    Ok(build_url(env, PAYMENT_PAGE_PATH, &pairs))
}

/// `pagam3d.aspx?a=<shopLogin>&b=<VbVRisp>&c=<return URL>`: where the buyer authenticates when
/// callPagamS2S answers error 8006.
pub fn three_ds_page_url(
    env: &Environment,
    shop_login: &str,
    vbv_risp: &str,
    return_url: &str,
) -> Result<String> {
    env.check()?;
    require("a", shop_login)?;
    require("b", vbv_risp)?;
    require("c", return_url)?;
    Ok(build_url(
        env,
        THREE_DS_PAGE_PATH,
        &[("a", shop_login), ("b", vbv_risp), ("c", return_url)],
    ))
}

/// What the gateway sends to the merchant's response URLs (browser redirect and
/// server-to-server notification): the shop login and the encrypted result to Decrypt.
///
/// Read it from the raw URL with [`parse`](Callback::parse) or from the parameters a framework
/// has already decoded with [`from_decoded_pairs`](Callback::from_decoded_pairs): both follow
/// the module's one rule, and give Decrypt the same `b`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Callback {
    /// `a`: the shop login.
    pub shop_login: String,
    /// `b`: the encrypted string, to pass to Decrypt as `CryptedString`.
    pub encrypted_string: String,
}

impl Callback {
    /// Parses a full URL (`https://shop.example/ok?a=…&b=…`), a path with a query, or a query
    /// string with or without its leading `?`; a `#fragment` is not part of the query.
    ///
    /// The query is `application/x-www-form-urlencoded`, read as every framework reads it: `+`
    /// is a space, `%XX` a byte, and the bytes UTF-8 (so `b=A+B%2BC` is `A B+C`, as in
    /// `request.GET`). In `a` and `b`, a `%` without two hexadecimal digits after it, or bytes
    /// that are not UTF-8, are [`ErrorCode::InvalidCallback`], never U+FFFD. `a` and `b` must
    /// each appear exactly once and be non-empty; other parameters are ignored. For every
    /// query `q` this accepts, `parse(q)` equals [`from_decoded_pairs`] of a framework's
    /// decoding of `q`.
    ///
    /// [`from_decoded_pairs`]: Callback::from_decoded_pairs
    pub fn parse(input: &str) -> Result<Callback> {
        let input = input.split_once('#').map_or(input, |(before, _)| before);
        let query = match input.split_once('?') {
            Some((_, q)) => q,
            None if has_scheme(input) => "",
            None => input,
        };
        let mut pairs: Vec<(&'static str, String)> = Vec::with_capacity(2);
        for segment in query.split('&').filter(|s| !s.is_empty()) {
            let (name, value) = segment.split_once('=').unwrap_or((segment, ""));
            // A name that does not decode is not `a` or `b` for a framework either.
            let name = match form_decode(name) {
                Ok(n) if n == "a" => "a",
                Ok(n) if n == "b" => "b",
                _ => continue,
            };
            let value = form_decode(value)
                .map_err(|e| Error::invalid(ErrorCode::InvalidCallback, name, e.message()))?;
            pairs.push((name, value.into_owned()));
        }
        Self::from_decoded_pairs(pairs)
    }

    /// Builds a callback from query parameters a framework has already decoded (Django's
    /// `request.GET`, Starlette's `query_params`, `parse_qs`, Express's `req.query`,
    /// `URLSearchParams`): every pair, repeated names included. Values are taken as they are,
    /// never decoded again (a `+` stays a `+`). `a` and `b` must each appear exactly once and
    /// be non-empty; other names are ignored.
    pub fn from_decoded_pairs<K: AsRef<str>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Callback> {
        let mut a: Option<String> = None;
        let mut b: Option<String> = None;
        for (k, v) in pairs {
            let (name, slot) = match k.as_ref() {
                "a" => ("a", &mut a),
                "b" => ("b", &mut b),
                _ => continue,
            };
            if slot.is_some() {
                return Err(Error::invalid(
                    ErrorCode::InvalidCallback,
                    name,
                    "the parameter appears more than once",
                ));
            }
            *slot = Some(v.into());
        }
        let take = |name: &str, v: Option<String>| match v {
            Some(v) if !v.is_empty() => Ok(v),
            Some(_) => Err(Error::invalid(
                ErrorCode::InvalidCallback,
                name,
                "the parameter is empty",
            )),
            None => Err(Error::invalid(
                ErrorCode::InvalidCallback,
                name,
                "the parameter is missing",
            )),
        };
        Ok(Callback {
            shop_login: take("a", a)?,
            encrypted_string: take("b", b)?,
        })
    }

    /// The same as [`from_decoded_pairs`](Callback::from_decoded_pairs).
    pub fn from_pairs<K: AsRef<str>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Callback> {
        Self::from_decoded_pairs(pairs)
    }

    /// The query string the gateway would send (`a=…&b=…`, the emulator's side), written by the
    /// module's rule (`+` as `%2B`, a space as `%20`): [`parse`](Callback::parse) and every
    /// framework read it back as this callback, whatever its values.
    pub fn to_query(&self) -> String {
        let mut out = String::new();
        write_query(
            &mut out,
            &[("a", &self.shop_login), ("b", &self.encrypted_string)],
        );
        out
    }
}

/// `scheme://…`: a URL (without a query), not a query string whose value holds `://`.
fn has_scheme(input: &str) -> bool {
    input.split_once("://").is_some_and(|(scheme, _)| {
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Why a name or value of the query does not decode.
enum BadEncoding {
    Escape,
    NotUtf8,
}

impl BadEncoding {
    fn message(&self) -> &'static str {
        match self {
            BadEncoding::Escape => "a `%` is not followed by two hexadecimal digits",
            BadEncoding::NotUtf8 => "not UTF-8 text once percent-decoded (e.g. `%FF`)",
        }
    }
}

/// `application/x-www-form-urlencoded` decoding of one name or value: `+` is a space, `%XX` the
/// byte `XX`; strict where the URL Standard is lenient (a bad `%` escape, bytes that are not
/// UTF-8).
fn form_decode(s: &str) -> std::result::Result<Cow<'_, str>, BadEncoding> {
    if !s.bytes().any(|c| c == b'+' || c == b'%') {
        return Ok(Cow::Borrowed(s));
    }
    let mut bytes = Vec::with_capacity(s.len());
    let mut rest = s.as_bytes();
    while let Some((&c, tail)) = rest.split_first() {
        rest = tail;
        match c {
            b'+' => bytes.push(b' '),
            b'%' => {
                let (hi, lo) = match rest {
                    [hi, lo, ..] => (hex(*hi), hex(*lo)),
                    _ => (None, None),
                };
                let (Some(hi), Some(lo)) = (hi, lo) else {
                    return Err(BadEncoding::Escape);
                };
                bytes.push(hi << 4 | lo);
                rest = rest.get(2..).unwrap_or_default();
            }
            _ => bytes.push(c),
        }
    }
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|_| BadEncoding::NotUtf8)
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}
