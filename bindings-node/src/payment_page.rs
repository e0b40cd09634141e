//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback the
//! gateway makes to the merchant's URLs.

use gestpay_js_core::page as shared;
use napi_derive::napi;

use crate::error::{OrThrow, Result};
use crate::held::Held;

/// `pagam.aspx?a=<shopLogin>&b=<cryptDecryptString>[&paymentType=<code>]` of `env`.
#[napi(catch_unwind)]
pub fn payment_page_url(
    env: String,
    shop_login: String,
    crypt_decrypt_string: String,
    payment_type: Option<String>,
) -> Result<String> {
    shared::payment_page_url(&env, &shop_login, &crypt_decrypt_string, payment_type).or_throw()
}

/// `pagam3d.aspx?a=<shopLogin>&b=<vbvRisp>&c=<returnUrl>` of `env`.
#[napi(catch_unwind)]
pub fn three_ds_page_url(
    env: String,
    shop_login: String,
    vbv_risp: String,
    return_url: String,
) -> Result<String> {
    shared::three_ds_page_url(&env, &shop_login, &vbv_risp, &return_url).or_throw()
}

/// The callback in a URL, a path with a query, or a query string (with or without `?`).
#[napi(catch_unwind)]
pub fn parse_callback(input: String) -> Result<Held> {
    Held::root(shared::parse_callback(&input).or_throw()?)
}

/// The callback in already decoded query pairs (`keys[i]` = `values[i]`).
#[napi(catch_unwind)]
pub fn callback_from_pairs(keys: Vec<String>, values: Vec<String>) -> Result<Held> {
    Held::root(shared::callback_from_pairs(keys, values).or_throw()?)
}

/// The query string the gateway sends for a callback (`a=…&b=…`), URL-encoded.
#[napi(catch_unwind)]
pub fn callback_query(callback: String) -> Result<String> {
    shared::callback_query(&callback).or_throw()
}
