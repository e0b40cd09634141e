//! Heap measurements with a counting global allocator ([`peak_alloc`]): the peak of parsing a
//! document and what the parsed result retains, both against the input's size.
//!
//! The counters move only in a binary that installs the allocator
//! (`#[global_allocator] static A: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;`): the
//! `memory` binary (the report's table) and the `memory` test (the bounds, asserted). Measure
//! one document at a time, in one thread.

use gestpay::cryptdecrypt::{Decrypt, DecryptResult};
use gestpay::xml::Limits;
use gestpay::{Request, Response};
use peak_alloc::PeakAlloc;

/// What parsing one document cost.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The document.
    pub name: String,
    /// Its size in bytes.
    pub input: usize,
    /// The heap's peak while parsing, above what was allocated before (the input excluded).
    pub peak: usize,
    /// What the result keeps: its heap, plus its own size.
    pub retained: usize,
    /// Of `retained`, the result's own size (`size_of`, not on the heap).
    pub inline: usize,
    /// `ok`, or the error code.
    pub outcome: String,
}

impl Measured {
    /// `peak / input`.
    pub fn peak_ratio(&self) -> f64 {
        self.peak as f64 / self.input.max(1) as f64
    }

    /// `retained / input`.
    pub fn retained_ratio(&self) -> f64 {
        self.retained as f64 / self.input.max(1) as f64
    }
}

/// Parses `input` with `parse` and measures it.
pub fn measure<T>(
    name: &str,
    input: &[u8],
    parse: impl FnOnce(&[u8]) -> gestpay::Result<T>,
) -> Measured {
    let before = PeakAlloc.current_usage();
    PeakAlloc.reset_peak_usage();
    let result = parse(input);
    let peak = PeakAlloc.peak_usage().saturating_sub(before);
    let heap = PeakAlloc.current_usage().saturating_sub(before);
    let outcome = match &result {
        Ok(_) => "ok".to_owned(),
        Err(e) => e.code().to_owned(),
    };
    let inline = std::mem::size_of_val(&result);
    drop(result);
    Measured {
        name: name.to_owned(),
        input: input.len(),
        peak,
        retained: heap + inline,
        inline,
        outcome,
    }
}

fn envelope(payload: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><DecryptResponse xmlns="https://ecomm.sella.it/"><DecryptResult><GestPayCryptDecrypt xmlns="">{payload}</GestPayCryptDecrypt></DecryptResult></DecryptResponse></soap:Body></soap:Envelope>"#
    )
    .into_bytes()
}

const OK_PAYLOAD: &str = "<TransactionType>DECRYPT</TransactionType><TransactionResult>OK</TransactionResult><ShopTransactionID>A1</ShopTransactionID><Amount>10.00</Amount><Currency>242</Currency><ErrorCode>0</ErrorCode>";

fn deep(depth: usize) -> String {
    let mut inner = String::with_capacity(depth * 8);
    inner.push_str(&"<a>".repeat(depth));
    inner.push_str(&"</a>".repeat(depth));
    inner
}

fn decrypt_result(doc: &[u8], limits: Limits) -> gestpay::Result<DecryptResult> {
    DecryptResult::from_http_with_limits(200, Some("text/xml; charset=utf-8"), doc, limits)
}

/// The hostile documents of `core/tests/hostile.rs`, each with the limits it is parsed with,
/// measured through the Decrypt result parser (and the Decrypt request parser for random
/// damage).
pub fn hostile() -> Vec<Measured> {
    let default = Limits::default();
    let raised_document = Limits {
        max_document_bytes: 64 << 20,
        ..default
    };
    let raised_both = Limits {
        max_document_bytes: 64 << 20,
        max_text_bytes: 32 << 20,
        ..default
    };
    let big = "x".repeat(20 << 20);
    let huge_text = envelope(&format!("<ErrorDescription>{big}</ErrorDescription>"));
    drop(big);
    let mut invalid_utf8 = envelope(OK_PAYLOAD);
    let at = invalid_utf8.len() / 2;
    invalid_utf8.insert(at, 0xFF);
    let mut two_roots = envelope(OK_PAYLOAD);
    two_roots.extend_from_slice(b"<soap:Envelope/>");
    let full = envelope(OK_PAYLOAD);
    let truncated = full[..full.len() / 2].to_vec();
    let docs: Vec<(&str, Vec<u8>, Limits)> = vec![
        ("billion laughs (DOCTYPE with internal entities)", br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&lol3;</soap:Body></soap:Envelope>"#.to_vec(), default),
        ("external entity (DOCTYPE SYSTEM)", br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#.to_vec(), default),
        ("undeclared entity reference", envelope("<TransactionType>&xxe;</TransactionType>"), default),
        ("100,000-deep nesting", envelope(&deep(100_000)), default),
        ("100,000-deep nesting inside a skipped element", envelope(&format!("<Unknown>{}</Unknown>", deep(100_000))), default),
        ("20 MB text node (default limits)", huge_text.clone(), default),
        ("20 MB text node (document limit raised)", huge_text.clone(), raised_document),
        ("20 MB text node (both limits raised: accepted)", huge_text, raised_both),
        ("amplification: 4 MB of unknown elements (kept as values)", envelope(&format!("{OK_PAYLOAD}{}", "<Extra>some value that the gateway added</Extra>".repeat(90_000))), default),
        ("invalid UTF-8", invalid_utf8, default),
        ("NUL byte", envelope("<TransactionType>A\u{0}B</TransactionType>"), default),
        ("NUL character reference", envelope("<TransactionType>A&#0;B</TransactionType>"), default),
        ("two roots", two_roots, default),
        ("truncated document", truncated, default),
        ("HTML body", b"<html><head><title>500 - Internal server error.</title></head><body><h1>Server Error</h1></body></html>".to_vec(), default),
        ("JSON body", br#"{"error": "not xml"}"#.to_vec(), default),
    ];
    let mut out: Vec<Measured> = docs
        .iter()
        .map(|(name, doc, limits)| measure(name, doc, |d| decrypt_result(d, *limits)))
        .collect();
    // Amplification: small elements that become large values (a list item is a whole struct).
    let events = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><callReadTrxS2SResponse xmlns="https://ecomms2s.sella.it/"><callReadTrxS2SResult><GestPayS2S xmlns=""><Events>{}</Events></GestPayS2S></callReadTrxS2SResult></callReadTrxS2SResponse></soap:Body></soap:Envelope>"#,
        "<event><eventID>1</eventID></event>".repeat(250_000)
    );
    out.push(measure(
        "amplification: 8 MB of one-field events (callReadTrxS2S)",
        events.as_bytes(),
        |d| gestpay::s2s::CallReadTrxS2SResult::from_http(200, None, d),
    ));
    let products = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Encrypt xmlns="https://ecomm.sella.it/"><shopLogin>S</shopLogin><OrderDetails><ProductDetails>{}</ProductDetails></OrderDetails></Encrypt></soap:Body></soap:Envelope>"#,
        "<ProductDetail><SKU>1</SKU></ProductDetail>".repeat(200_000)
    );
    out.push(measure(
        "amplification: 8 MB of one-field products (Encrypt request)",
        products.as_bytes(),
        gestpay::cryptdecrypt::Encrypt::from_envelope,
    ));
    let realistic = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Encrypt xmlns="https://ecomm.sella.it/"><shopLogin>S</shopLogin><OrderDetails><ProductDetails>{}</ProductDetails></OrderDetails></Encrypt></soap:Body></soap:Envelope>"#,
        "<ProductDetail><SKU>1</SKU></ProductDetail>".repeat(1_000)
    );
    out.push(measure(
        "amplification: 1,000 one-field products (40 KB, accepted)",
        realistic.as_bytes(),
        gestpay::cryptdecrypt::Encrypt::from_envelope,
    ));
    // Random damage (as the hostile test's generator), through both parsers.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut worst: Option<Measured> = None;
    for _ in 0..200 {
        let mut doc = full.clone();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state as usize) % doc.len();
            doc[at] = (state >> 32) as u8;
        }
        for m in [
            measure("random damage", &doc, |d| decrypt_result(d, default)),
            measure("random damage", &doc, Decrypt::from_envelope),
        ] {
            if worst.as_ref().is_none_or(|w| m.peak > w.peak) {
                worst = Some(m);
            }
        }
    }
    out.extend(worst.map(|mut w| {
        w.name = "random damage (worst of 400)".to_owned();
        w
    }));
    out
}

/// The benchmark documents: the retained size of each typed result (synthetic documents at
/// every size, and the whole corpus summed).
pub fn retained() -> Vec<Measured> {
    let mut out = Vec::new();
    for doc in crate::synthetic() {
        let name = format!("{} {}", doc.family, doc.size);
        out.push(match doc.family {
            "read_trx_events" => measure(&name, &doc.bytes, |b| {
                gestpay::s2s::CallReadTrxS2SResult::from_http(200, None, b)
            }),
            _ => measure(
                &name,
                &doc.bytes,
                gestpay::cryptdecrypt::Encrypt::from_envelope,
            ),
        });
    }
    let cases = crate::corpus_parse_cases();
    let mut total = Measured {
        name: format!("corpus ({} documents, summed)", cases.len()),
        input: 0,
        peak: 0,
        retained: 0,
        inline: 0,
        outcome: "ok".to_owned(),
    };
    for case in &cases {
        let m = (case.measure)(&case.name, &case.bytes);
        total.input += m.input;
        total.peak = total.peak.max(m.peak);
        total.retained += m.retained;
        total.inline += m.inline;
    }
    out.push(total);
    out
}

/// A Markdown table of measurements.
pub fn table(title: &str, rows: &[Measured]) -> String {
    let mut s = format!(
        "| {title} | input (bytes) | outcome | peak heap | peak / input | retained (heap + value) | retained / input | heap only / input |\n| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for m in rows {
        // An error retains nothing of the document: only a result's size is reported.
        let (retained, ratio, heap) = if m.outcome == "ok" {
            (
                m.retained.to_string(),
                format!("{:.2}", m.retained_ratio()),
                format!(
                    "{:.2}",
                    (m.retained - m.inline) as f64 / m.input.max(1) as f64
                ),
            )
        } else {
            ("–".to_owned(), "–".to_owned(), "–".to_owned())
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {:.2} | {retained} | {ratio} | {heap} |\n",
            m.name,
            m.input,
            m.outcome,
            m.peak,
            m.peak_ratio(),
        ));
    }
    s
}
