//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback the
//! gateway makes to the merchant's URLs.
//!
//! The rule for `+` and percent-encoding is the core's (core/src/payment_page.rs): a raw URL or
//! query is form decoded (`+` is a space; bad escapes and bytes that are not UTF-8 in `a`/`b` are
//! `invalid_callback`), decoded pairs are taken as they are, and URLs are written with `+` as
//! `%2B` and a space as `%20`. The strings arrive here already converted from JS, where a lone
//! surrogate would have become U+FFFD: bindings-js-core/lib/reading.js refuses or re-encodes those
//! before the call (shared by the napi addon and the WASM module).

use gestpay::codes::PaymentType;
use gestpay::payment_page::{
    Callback, payment_page_url as core_url, three_ds_page_url as core_3ds,
};

use crate::held::Held;
use crate::soap::environment;
use crate::{Result, invalid_type};

/// `pagam.aspx?a=<shopLogin>&b=<cryptDecryptString>[&paymentType=<code>]` of `env`.
pub fn payment_page_url(
    env: &str,
    shop_login: &str,
    crypt_decrypt_string: &str,
    payment_type: Option<String>,
) -> Result<String> {
    let env = environment(env)?;
    let payment_type = payment_type.map(PaymentType::new);
    Ok(core_url(
        &env,
        shop_login,
        crypt_decrypt_string,
        payment_type.as_ref(),
    )?)
}

/// `pagam3d.aspx?a=<shopLogin>&b=<vbvRisp>&c=<returnUrl>` of `env`.
pub fn three_ds_page_url(
    env: &str,
    shop_login: &str,
    vbv_risp: &str,
    return_url: &str,
) -> Result<String> {
    let env = environment(env)?;
    Ok(core_3ds(&env, shop_login, vbv_risp, return_url)?)
}

/// The callback in a URL, a path with a query, or a query string (with or without `?`), form
/// decoded.
pub fn parse_callback(input: &str) -> Result<Held> {
    Ok(Held::value(Callback::parse(input)?))
}

/// The callback in already decoded query pairs (`keys[i]` = `values[i]`), taken as they are
/// (URLSearchParams, `req.query`: never decoded again).
pub fn callback_from_pairs(keys: Vec<String>, values: Vec<String>) -> Result<Held> {
    if keys.len() != values.len() {
        return Err(invalid_type("pairs", "every key needs a value"));
    }
    Ok(Held::value(Callback::from_decoded_pairs(
        keys.into_iter().zip(values),
    )?))
}

/// The query string the gateway sends for a callback (`a=…&b=…`), URL-encoded (`+` as `%2B`, a
/// space as `%20`).
#[cfg(feature = "builders")]
pub fn callback_query(callback: &str) -> Result<String> {
    let callback: Callback = crate::from_json(callback, "callback")?;
    Ok(callback.to_query())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// bindings-js-core/lib/reading.js writes a lone surrogate of a raw URL as its WTF-8 bytes
    /// (`%ED%A0%80`): refused in `a`/`b`, ignored elsewhere.
    #[test]
    fn surrogate_bytes_are_invalid_callback_in_a_and_b_only() {
        let err = parse_callback("https://shop/ok?a=1&b=X%ED%A0%80").unwrap_err();
        assert_eq!(err.code(), "invalid_callback");
        assert_eq!(err.field(), Some("b"));
        let err = parse_callback("a=%ED%BF%BF&b=X").unwrap_err();
        assert_eq!(err.field(), Some("a"));
        let ok = parse_callback("a=1&b=X&c=%ED%A0%80").unwrap();
        assert_eq!(
            ok.to_json().unwrap(),
            r#"{"shopLogin":"1","encryptedString":"X"}"#
        );
    }

    #[test]
    fn plus_is_a_space_in_a_query_and_literal_in_pairs() {
        assert_eq!(
            parse_callback("a=1&b=A+B%2BC").unwrap().to_json().unwrap(),
            r#"{"shopLogin":"1","encryptedString":"A B+C"}"#
        );
        let pairs =
            callback_from_pairs(vec!["a".into(), "b".into()], vec!["1".into(), "A+B".into()]);
        assert_eq!(
            pairs.unwrap().to_json().unwrap(),
            r#"{"shopLogin":"1","encryptedString":"A+B"}"#
        );
    }
}
