//! The fuzz targets of the gestpay core, one function per parser entry point. Each takes the raw
//! input of one execution; the libFuzzer binaries (`fuzz_targets/`) call them, and so does the
//! seed replay (`tests/replay.rs`). A target fails by panicking: every parser must return a
//! typed value or a typed error, never panic, and the invariants checked here must hold.

mod roundtrip;

use gestpay::cryptdecrypt::{Decrypt, DecryptResult, Encrypt, EncryptResult};
use gestpay::custom_info::CustomInfo;
use gestpay::payment_page::Callback;
use gestpay::s2s::*;
use gestpay::soap::{self, SoapFault};
use gestpay::xml::Limits;
use gestpay::{Amount, Request, Response, SoapVersion};

pub use roundtrip::roundtrip;

/// Small limits, so that the fuzzer reaches every limit check quickly.
const SMALL: Limits = Limits {
    max_document_bytes: 64 << 10,
    max_depth: 16,
    max_text_bytes: 256,
};

/// Every way of parsing a result of type `T`, and what must hold when one succeeds: the value
/// builds, and the built envelope parses back to the same value.
fn result_of<T: Response + std::fmt::Debug>(doc: &[u8], mode: u8) {
    let parsed = match mode % 4 {
        0 => T::from_xml(doc),
        1 => T::from_envelope(doc),
        2 => T::from_http(200, Some("text/xml; charset=utf-8"), doc),
        _ => T::from_xml_with_limits(doc, SMALL),
    };
    let _ = T::from_http(500, None, doc);
    if let Ok(value) = parsed {
        for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
            // A parsed value may hold text XML cannot carry only if the parser let it through:
            // building must then succeed and give the same value back.
            let built = value
                .to_envelope(version)
                .unwrap_or_else(|e| panic!("a parsed result does not build: {e}"));
            let again = T::from_envelope(&built)
                .unwrap_or_else(|e| panic!("a rebuilt result does not parse: {e}"));
            assert!(again == value, "round trip differs:\n{value:?}\n{again:?}");
        }
    }
}

/// Every way of parsing a request of type `R`, and what must hold when one succeeds: the value
/// builds (unchecked: parsed values need not pass validation) and parses back the same.
fn request_of<R: Request + std::fmt::Debug>(doc: &[u8], mode: u8) {
    let parsed = match mode % 3 {
        0 => R::from_envelope(doc),
        1 => R::from_xml(doc),
        _ => R::from_envelope_with_limits(doc, SMALL),
    };
    if let Ok(value) = parsed {
        let _ = value.validate();
        let built = value
            .to_envelope_unchecked(SoapVersion::Soap11)
            .unwrap_or_else(|e| panic!("a parsed request does not build: {e}"));
        let again = R::from_envelope(&built)
            .unwrap_or_else(|e| panic!("a rebuilt request does not parse: {e}"));
        assert!(again == value, "round trip differs:\n{value:?}\n{again:?}");
    }
}

/// Splits the selector byte from the document.
fn split(data: &[u8]) -> Option<(u8, &[u8])> {
    let (&selector, doc) = data.split_first()?;
    Some((selector, doc))
}

macro_rules! dispatch {
    ($f:ident, $selector:expr, $doc:expr, $($ty:ty),* $(,)?) => {{
        let types: &[fn(&[u8], u8)] = &[$($f::<$ty>),*];
        let selector = usize::from($selector);
        types[selector % types.len()]($doc, ($selector / 32) as u8);
    }};
}

/// Target `results`: the first byte picks one of the 19 result parsers (Encrypt, Decrypt and
/// the 17 WsS2S results) and the way of calling it; the rest is the document.
pub fn results(data: &[u8]) {
    let Some((selector, doc)) = split(data) else {
        return;
    };
    dispatch!(
        result_of,
        selector,
        doc,
        EncryptResult,
        DecryptResult,
        CallRefundS2SResult,
        CallReadTrxS2SResult,
        CallPagamS2SResult,
        CallDeleteS2SResult,
        CallSettleS2SResult,
        CallVerifycardS2SResult,
        CallCheckCartaS2SResult,
        CallRenounceResult,
        CallRequestTokenS2SResult,
        CallDeleteTokenS2SResult,
        CallUpdateTokenS2SResult,
        CallIdealListS2SResult,
        CallMyBankListS2SResult,
        CallUpdateCustomParamS2SResult,
        CallUpdateOrderS2SResult,
        CallExchangeRateS2SResult,
        CallDeviceActivationResult,
    );
}

/// Target `requests`: the first byte picks one of the 19 request parsers (the gateway's side).
pub fn requests(data: &[u8]) {
    let Some((selector, doc)) = split(data) else {
        return;
    };
    dispatch!(
        request_of,
        selector,
        doc,
        Encrypt,
        Decrypt,
        CallRefundS2S,
        CallReadTrxS2S,
        CallPagamS2S,
        CallDeleteS2S,
        CallSettleS2S,
        CallVerifycardS2S,
        CallCheckCartaS2S,
        CallRenounce,
        CallRequestTokenS2S,
        CallDeleteTokenS2S,
        CallUpdateTokenS2S,
        CallIdealListS2S,
        CallMyBankListS2S,
        CallUpdateCustomParamS2S,
        CallUpdateOrderS2S,
        CallExchangeRateS2S,
        CallDeviceActivation,
    );
}

/// Target `envelope`: the SOAP fault parser and the request identification (a dispatching
/// server's first step). A parsed fault builds and parses back the same.
pub fn envelope(data: &[u8]) {
    let _ = soap::identify_request(data, Limits::default());
    let _ = soap::identify_request(data, SMALL);
    if let Ok(fault) = SoapFault::from_envelope(data, Limits::default()) {
        let built = fault
            .to_envelope(fault.version)
            .unwrap_or_else(|e| panic!("a parsed fault does not build: {e}"));
        let again = SoapFault::from_envelope(&built, Limits::default())
            .unwrap_or_else(|e| panic!("a rebuilt fault does not parse: {e}"));
        assert_eq!(again, fault);
    }
}

/// Target `callback`: the payment page's callback URL or query string. A parsed callback's
/// query parses back the same.
pub fn callback(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    if let Ok(cb) = Callback::parse(&input) {
        assert!(!cb.shop_login.is_empty() && !cb.encrypted_string.is_empty());
        let again = Callback::parse(&cb.to_query())
            .unwrap_or_else(|e| panic!("a callback's own query does not parse: {e}"));
        // The query decodes `+` as a literal `+`: the round trip holds for values without a
        // space (form encoding writes a space as `+`).
        if !cb.shop_login.contains(' ') && !cb.encrypted_string.contains(' ') {
            assert_eq!(again, cb);
        }
    }
    let pairs = input
        .split('&')
        .map(|p| p.split_once('=').unwrap_or((p, "")));
    let _ = Callback::from_pairs(pairs);
}

/// Target `amount`: `Amount::parse` and the exchange-rate parser. A parsed amount prints and
/// parses back the same, and converts to minor units without panicking.
pub fn amount(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    if let Ok(a) = Amount::parse(&input) {
        // Written with the decimals it was read with (leading zeros of the integer part go).
        let again = Amount::parse(&a.to_string()).expect("an amount's own text parses");
        assert_eq!((again.minor(), again.exponent()), (a.minor(), a.exponent()));
        for code in [1u16, 71, 242] {
            let _ = a.to_minor_units(gestpay::codes::Currency::from_uic(code));
        }
        for e in 0..=10 {
            let _ = a.rescale(e);
        }
    }
    if let Ok(rate) = Rate::parse(&input) {
        assert_eq!(Rate::parse(rate.as_str()).ok(), Some(rate.clone()));
        let _ = rate.to_decimal_point();
    }
}

/// Target `custom_info`: the request form (`CustomInfo::parse_wire`, `validate`, `to_wire`) and
/// the returned, URL-encoded form, read through a Decrypt result.
pub fn custom_info(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let info = CustomInfo::parse_wire(&input);
    if info.validate().is_ok() {
        // What validation accepts is written and read back unchanged.
        assert_eq!(CustomInfo::parse_wire(&info.to_wire()), info);
    }
    let mut doc = String::from("<GestPayCryptDecrypt><CustomInfo>");
    for c in input.chars() {
        match c {
            '<' => doc.push_str("&lt;"),
            '&' => doc.push_str("&amp;"),
            c => doc.push(c),
        }
    }
    doc.push_str("</CustomInfo></GestPayCryptDecrypt>");
    if let Ok(result) = DecryptResult::from_xml(doc.as_bytes()) {
        let _ = result.custom_info.as_ref().map(|c| c.len());
    }
}
