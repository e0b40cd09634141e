//! The browser side: the payment page URL the buyer is redirected to, and the callback the
//! gateway makes to the merchant's URLs with `a` (shopLogin) and `b` (the encrypted result).

use percent_encoding::percent_decode_str;
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

fn build_url(env: &Environment, path: &str, pairs: &[(&str, &str)]) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{}{path}?{query}", env.pages_base())
}

/// `pagam.aspx?a=<shopLogin>&b=<CryptDecryptString>[&paymentType=<code>]`, URL-encoded.
///
/// `payment_type` pre-selects a method the way the REST API's links do; with SOAP the usual way
/// is a single `paymentTypes` entry in Encrypt, which makes the page jump to that method.
pub fn payment_page_url(
    env: &Environment,
    shop_login: &str,
    crypt_decrypt_string: &str,
    payment_type: Option<&PaymentType>,
) -> Result<String> {
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Callback {
    /// `a`: the shop login.
    pub shop_login: String,
    /// `b`: the encrypted string, to pass to Decrypt as `CryptedString`.
    pub encrypted_string: String,
}

impl Callback {
    /// Parses a full URL (`https://shop.example/ok?a=…&b=…`), a query string with or without
    /// its leading `?`, or a path with a query.
    ///
    /// Values are percent-decoded once. A literal `+` is kept as `+` (not turned into a space):
    /// the encrypted string never contains spaces, but may contain `+` when not encoded. `a` and
    /// `b` must each appear exactly once and be non-empty; other parameters are ignored.
    pub fn parse(input: &str) -> Result<Callback> {
        let query = match input.split_once('?') {
            Some((_, q)) => q,
            None if input.contains("://") => "",
            None => input,
        };
        let query = query.split('#').next().unwrap_or("");
        Self::from_pairs(query.split('&').filter(|s| !s.is_empty()).map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        }))
    }

    /// Builds a callback from already decoded query pairs (a framework's request.GET, a
    /// URLSearchParams), with the same rules as [`parse`](Callback::parse).
    pub fn from_pairs<K: AsRef<str>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Callback> {
        let mut a: Option<String> = None;
        let mut b: Option<String> = None;
        for (k, v) in pairs {
            let slot = match k.as_ref() {
                "a" => &mut a,
                "b" => &mut b,
                _ => continue,
            };
            if slot.is_some() {
                return Err(Error::invalid(
                    ErrorCode::InvalidCallback,
                    k.as_ref(),
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

    /// The query string the gateway would send (`a=…&b=…`), URL-encoded (the emulator's side).
    pub fn to_query(&self) -> String {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("a", &self.shop_login)
            .append_pair("b", &self.encrypted_string)
            .finish()
    }
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}
