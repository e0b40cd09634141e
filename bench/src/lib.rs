//! The documents and the references the benchmarks measure, shared by the criterion benches
//! (`benches/`), the memory measurement (`src/bin/memory.rs`) and the report (`src/bin/report.rs`).
//!
//! * The shared golden corpus (`tests/fixtures`): every result and request document that parses,
//!   and every typed value (`*.json`) that builds.
//! * Large synthetic documents at three sizes each: a callReadTrxS2S result with N events and
//!   Amazon Pay's `OrderReferenceDetails`, and a rich Encrypt (OrderDetails with customer, both
//!   addresses and N products; shipping details; a 3-D Secure 2 container).
//! * The references: [`bare_scan`], a bare quick-xml event loop over the same bytes (parsing can't
//!   do less work), and [`bare_write`], a bare quick-xml writer emitting the same envelope (same
//!   element names, attributes and texts).
#![allow(clippy::unwrap_used, clippy::panic)]

pub mod memory;

use std::fs;
use std::path::{Path, PathBuf};

use gestpay::cryptdecrypt::{Decrypt, DecryptResult, Encrypt, EncryptResult};
use gestpay::s2s::{CallReadTrxS2SResult, Event};
use gestpay::{Request, Response, SoapVersion};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event as XmlEvent};
use quick_xml::reader::Reader;

/// The sizes each synthetic document is measured at (events, products): linear cost is checked
/// across them.
pub const EVENT_SIZES: [usize; 3] = [50, 500, 5000];
/// The product counts of the rich Encrypt.
pub const PRODUCT_SIZES: [usize; 3] = [5, 50, 500];

/// The golden corpus shared by every language's suite.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// A document and the typed parse to measure on it.
#[derive(Debug)]
pub struct ParseCase {
    /// `service/operation/case.kind`.
    pub name: String,
    /// The document.
    pub bytes: Vec<u8>,
    /// The typed parse; `true` when it succeeded.
    pub parse: fn(&[u8]) -> bool,
    /// The typed parse, its result as JSON (or the error's code and message): for snapshots.
    pub parse_json: fn(&[u8]) -> String,
    /// The typed parse, measured (heap peak, retained result): see [`memory`].
    pub measure: fn(&str, &[u8]) -> memory::Measured,
}

impl ParseCase {
    /// The document as text (the bare scan's input).
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap()
    }
}

/// A typed value and its build to measure.
pub struct BuildCase {
    /// `service/operation/case.kind`.
    pub name: String,
    /// Builds the SOAP 1.1 envelope (validated, for requests).
    pub build: Box<dyn Fn() -> Vec<u8>>,
    /// Builds the SOAP 1.1 envelope without validation (requests only; results have none).
    pub build_unchecked: Box<dyn Fn() -> Vec<u8>>,
}

impl std::fmt::Debug for BuildCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildCase")
            .field("name", &self.name)
            .finish()
    }
}

/// Which side of an operation a corpus file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

fn request_build<R: Request + serde::de::DeserializeOwned + 'static>(json: &[u8]) -> BuildCase {
    let value: std::rc::Rc<R> = std::rc::Rc::new(serde_json::from_slice(json).unwrap());
    let unchecked = value.clone();
    BuildCase {
        name: String::new(),
        build: Box::new(move || value.to_envelope(SoapVersion::Soap11).unwrap()),
        build_unchecked: Box::new(move || {
            unchecked
                .to_envelope_unchecked(SoapVersion::Soap11)
                .unwrap()
        }),
    }
}

fn response_build<T: Response + serde::de::DeserializeOwned + 'static>(json: &[u8]) -> BuildCase {
    let value: std::rc::Rc<T> = std::rc::Rc::new(serde_json::from_slice(json).unwrap());
    let again = value.clone();
    BuildCase {
        name: String::new(),
        build: Box::new(move || value.to_envelope(SoapVersion::Soap11).unwrap()),
        build_unchecked: Box::new(move || again.to_envelope(SoapVersion::Soap11).unwrap()),
    }
}

fn json_of<T: serde::Serialize>(r: gestpay::Result<T>) -> String {
    match r {
        Ok(v) => serde_json::to_string(&v).unwrap(),
        Err(e) => format!("error {}: {e}", e.code()),
    }
}

macro_rules! operations {
    ($($service:literal / $op:literal => $req:ty, $res:ty;)*) => {
        #[allow(clippy::type_complexity)]
        fn parser(
            service: &str,
            op: &str,
            side: Side,
        ) -> Option<(fn(&[u8]) -> bool, fn(&[u8]) -> String, fn(&str, &[u8]) -> memory::Measured)> {
            match (service, op, side) {
                $(
                    ($service, $op, Side::Request) => Some((
                        |b| <$req as Request>::from_envelope(b).is_ok(),
                        |b| json_of(<$req as Request>::from_envelope(b)),
                        |n, b| memory::measure(n, b, <$req as Request>::from_envelope),
                    )),
                    ($service, $op, Side::Response) => Some((
                        |b| <$res as Response>::from_xml(b).is_ok(),
                        |b| json_of(<$res as Response>::from_xml(b)),
                        |n, b| memory::measure(n, b, <$res as Response>::from_xml),
                    )),
                )*
                _ => None,
            }
        }

        fn refusal(service: &str, op: &str, json: &[u8]) -> Option<String> {
            match (service, op) {
                $(
                    ($service, $op) => Some(
                        match serde_json::from_slice::<$req>(json).unwrap().to_envelope(SoapVersion::Soap11) {
                            Ok(_) => "accepted".to_owned(),
                            Err(e) => format!("{} {:?}: {e}", e.code(), e.field()),
                        },
                    ),
                )*
                _ => None,
            }
        }

        fn builder(service: &str, op: &str, side: Side, json: &[u8]) -> Option<BuildCase> {
            match (service, op, side) {
                $(
                    ($service, $op, Side::Request) => Some(request_build::<$req>(json)),
                    ($service, $op, Side::Response) => Some(response_build::<$res>(json)),
                )*
                _ => None,
            }
        }
    };
}

use gestpay::s2s::*;

operations! {
    "cryptdecrypt" / "Encrypt" => Encrypt, EncryptResult;
    "cryptdecrypt" / "Decrypt" => Decrypt, DecryptResult;
    "s2s" / "callRefundS2S" => CallRefundS2S, CallRefundS2SResult;
    "s2s" / "callReadTrxS2S" => CallReadTrxS2S, CallReadTrxS2SResult;
    "s2s" / "callPagamS2S" => CallPagamS2S, CallPagamS2SResult;
    "s2s" / "callDeleteS2S" => CallDeleteS2S, CallDeleteS2SResult;
    "s2s" / "callSettleS2S" => CallSettleS2S, CallSettleS2SResult;
    "s2s" / "callVerifycardS2S" => CallVerifycardS2S, CallVerifycardS2SResult;
    "s2s" / "callCheckCartaS2S" => CallCheckCartaS2S, CallCheckCartaS2SResult;
    "s2s" / "callRenounce" => CallRenounce, CallRenounceResult;
    "s2s" / "CallRequestTokenS2S" => CallRequestTokenS2S, CallRequestTokenS2SResult;
    "s2s" / "callDeleteTokenS2S" => CallDeleteTokenS2S, CallDeleteTokenS2SResult;
    "s2s" / "CallUpdateTokenS2S" => CallUpdateTokenS2S, CallUpdateTokenS2SResult;
    "s2s" / "CallIdealListS2S" => CallIdealListS2S, CallIdealListS2SResult;
    "s2s" / "CallMyBankListS2S" => CallMyBankListS2S, CallMyBankListS2SResult;
    "s2s" / "CallUpdateCustomParamS2S" => CallUpdateCustomParamS2S, CallUpdateCustomParamS2SResult;
    "s2s" / "CallUpdateOrderS2S" => CallUpdateOrderS2S, CallUpdateOrderS2SResult;
    "s2s" / "callExchangeRateS2S" => CallExchangeRateS2S, CallExchangeRateS2SResult;
    "s2s" / "callDeviceActivation" => CallDeviceActivation, CallDeviceActivationResult;
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// Every corpus document that parses: `response.xml` with a `response.json` (results, any
/// wrapping), `request.xml` / `request12.xml` (request envelopes).
pub fn corpus_parse_cases() -> Vec<ParseCase> {
    let mut out = Vec::new();
    for service_dir in sorted_dirs(&fixtures_dir()) {
        let service = file_name(&service_dir);
        for op_dir in sorted_dirs(&service_dir) {
            let op = file_name(&op_dir);
            for file in sorted_files(&op_dir) {
                let name = file_name(&file);
                let Some((stem, kind)) = name.split_once('.') else {
                    continue;
                };
                let side = match kind {
                    "response.xml" if op_dir.join(format!("{stem}.response.json")).exists() => {
                        Side::Response
                    }
                    "request.xml" | "request12.xml" => Side::Request,
                    _ => continue,
                };
                let (parse, parse_json, measure) = parser(&service, &op, side)
                    .unwrap_or_else(|| panic!("no parser for {service}/{op}"));
                let bytes = fs::read(&file).unwrap();
                let case = ParseCase {
                    name: format!("{service}/{op}/{name}"),
                    bytes,
                    parse,
                    parse_json,
                    measure,
                };
                // A case with `http.json` may parse only with its headers (a charset in the
                // Content-Type): the benchmark reads bodies alone, so it leaves such a case out.
                let needs_headers = op_dir.join(format!("{stem}.http.json")).exists();
                if needs_headers && !(case.parse)(&case.bytes) {
                    continue;
                }
                assert!((case.parse)(&case.bytes), "{} does not parse", case.name);
                out.push(case);
            }
        }
    }
    out
}

/// Every corpus value that builds: `request.json` (validated requests) and `response.json`.
pub fn corpus_build_cases() -> Vec<BuildCase> {
    let mut out = Vec::new();
    for service_dir in sorted_dirs(&fixtures_dir()) {
        let service = file_name(&service_dir);
        for op_dir in sorted_dirs(&service_dir) {
            let op = file_name(&op_dir);
            for file in sorted_files(&op_dir) {
                let name = file_name(&file);
                let side = match name.split_once('.').map(|(_, k)| k) {
                    Some("request.json") => Side::Request,
                    Some("response.json") => Side::Response,
                    _ => continue,
                };
                let json = fs::read(&file).unwrap();
                let mut case = builder(&service, &op, side, &json)
                    .unwrap_or_else(|| panic!("no builder for {service}/{op}"));
                case.name = format!("{service}/{op}/{name}");
                out.push(case);
            }
        }
    }
    out
}

/// Every corpus request that validation must refuse (`invalid.json`), with the error it gives.
pub fn corpus_refusals() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for service_dir in sorted_dirs(&fixtures_dir()) {
        let service = file_name(&service_dir);
        for op_dir in sorted_dirs(&service_dir) {
            let op = file_name(&op_dir);
            for file in sorted_files(&op_dir) {
                let name = file_name(&file);
                if name.ends_with(".invalid.json") {
                    let error = refusal(&service, &op, &fs::read(&file).unwrap()).unwrap();
                    out.push((format!("{service}/{op}/{name}"), error));
                }
            }
        }
    }
    out
}

fn fixture_json<T: serde::de::DeserializeOwned>(path: &str) -> T {
    serde_json::from_slice(&fs::read(fixtures_dir().join(path)).unwrap()).unwrap()
}

/// A callReadTrxS2S result (Amazon Pay, with `OrderReferenceDetails`) carrying `events` events.
pub fn read_trx_result(events: usize) -> CallReadTrxS2SResult {
    let mut result: CallReadTrxS2SResult =
        fixture_json("s2s/callReadTrxS2S/amazonpay-full.response.json");
    let kinds = ["AUT", "MOV", "REQ", "STO"];
    result.events = (0..events)
        .map(|i| {
            let json = serde_json::json!({
                "eventType": kinds[i % kinds.len()],
                "eventAmount": format!("{}.{:02}", 10 + i % 90, i % 100),
                "eventDate": format!("{:02}/11/26 10:{:02}:{:02}", 1 + i % 28, i % 60, (i * 7) % 60),
                "eventArn": format!("7498751632800{i:010}"),
                "eventId": format!("{}", 1_000_000 + i),
            });
            serde_json::from_value::<Event>(json).unwrap()
        })
        .collect();
    result
}

/// A rich Encrypt: every block of the corpus' `amazonpay-full` request (customInfo, shipping
/// details, OrderDetails with customer and both addresses, a 3-D Secure 2 container), with
/// `products` products.
pub fn rich_encrypt(products: usize) -> Encrypt {
    let mut encrypt: Encrypt = fixture_json("cryptdecrypt/Encrypt/amazonpay-full.request.json");
    let details = encrypt.order_details.as_mut().unwrap();
    let template = details.product_details[0].clone();
    details.product_details = (0..products)
        .map(|i| {
            let mut p = template.clone();
            p.product_code = Some(format!("{}", 135_798_642 + i).into());
            p.sku = Some(format!("AB-{i:06}-WFG-4").into());
            p.name = Some(format!("Scale model n. {i} & accessories").into());
            p
        })
        .collect();
    encrypt
}

/// One synthetic document, built once, with what the references need.
#[derive(Debug)]
pub struct Synthetic {
    /// `read_trx_events` or `encrypt_products`.
    pub family: &'static str,
    /// The size parameter (events or products).
    pub size: usize,
    /// The SOAP 1.1 envelope.
    pub bytes: Vec<u8>,
    /// The same envelope as events, for the bare writer.
    pub events: Vec<OwnedEvent>,
}

/// The synthetic documents, every family at every size.
pub fn synthetic() -> Vec<Synthetic> {
    let mut out = Vec::new();
    for size in EVENT_SIZES {
        let bytes = read_trx_result(size)
            .to_envelope(SoapVersion::Soap11)
            .unwrap();
        out.push(Synthetic {
            family: "read_trx_events",
            size,
            events: owned_events(&bytes),
            bytes,
        });
    }
    for size in PRODUCT_SIZES {
        let bytes = rich_encrypt(size).to_envelope(SoapVersion::Soap11).unwrap();
        out.push(Synthetic {
            family: "encrypt_products",
            size,
            events: owned_events(&bytes),
            bytes,
        });
    }
    out
}

/// The typed parse of a synthetic family: what a client (results) or the gateway's side
/// (requests) does with the document.
pub fn synthetic_parse(family: &str) -> fn(&[u8]) -> bool {
    match family {
        "read_trx_events" => {
            |b| CallReadTrxS2SResult::from_http(200, Some("text/xml; charset=utf-8"), b).is_ok()
        }
        "encrypt_products" => |b| Encrypt::from_envelope(b).is_ok(),
        other => panic!("unknown family {other}"),
    }
}

/// The typed build of a synthetic family at `size`: `(validated, unchecked)`.
pub fn synthetic_build(family: &str, size: usize) -> BuildCase {
    match family {
        "read_trx_events" => {
            let json = serde_json::to_vec(&read_trx_result(size)).unwrap();
            response_build::<CallReadTrxS2SResult>(&json)
        }
        "encrypt_products" => {
            let json = serde_json::to_vec(&rich_encrypt(size)).unwrap();
            request_build::<Encrypt>(&json)
        }
        other => panic!("unknown family {other}"),
    }
}

/// The reference for parsing: a bare quick-xml event loop over the same text, touching each
/// element name and each text (end-of-line normalised, as XML requires).
pub fn bare_scan(xml: &str) -> usize {
    let mut reader = Reader::from_str(xml);
    let mut touched = 0usize;
    loop {
        match reader.read_event() {
            Ok(XmlEvent::Start(e)) | Ok(XmlEvent::Empty(e)) => touched += e.name().as_ref().len(),
            Ok(XmlEvent::Text(t)) => touched += t.xml10_content().len(),
            Ok(XmlEvent::GeneralRef(r)) => touched += r.len(),
            Ok(XmlEvent::CData(c)) => touched += c.len(),
            Ok(XmlEvent::Eof) | Err(_) => return touched,
            Ok(_) => {}
        }
    }
}

/// [`bare_scan`] that also keeps each text as an owned `String` (what a parse into owned
/// values must at least add: one allocation and copy per text). Informational: it tells the
/// allocation floor apart from the typed layer's own cost.
pub fn bare_scan_owned(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut texts = Vec::new();
    loop {
        match reader.read_event() {
            Ok(XmlEvent::Text(t)) => texts.push(t.xml10_content().into_owned()),
            Ok(XmlEvent::Eof) | Err(_) => return texts,
            Ok(_) => {}
        }
    }
}

/// One event of an envelope, owned, for [`bare_write`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnedEvent {
    /// The XML declaration.
    Decl,
    /// An element start with its attributes.
    Start(String, Vec<(String, String)>),
    /// An empty element.
    Empty(String),
    /// Text content, unescaped.
    Text(String),
    /// An element end.
    End(String),
}

/// The events of a document, with adjacent text and references merged into unescaped text.
pub fn owned_events(bytes: &[u8]) -> Vec<OwnedEvent> {
    let mut reader = Reader::from_str(std::str::from_utf8(bytes).unwrap());
    let mut out = Vec::new();
    let mut text = String::new();
    let attrs = |s: &BytesStart<'_>| -> Vec<(String, String)> {
        s.attributes()
            .map(|a| {
                let a = a.unwrap();
                let key = a.key.as_ref().to_owned();
                (
                    key,
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect()
    };
    loop {
        let ev = reader.read_event().unwrap();
        if !matches!(ev, XmlEvent::Text(_) | XmlEvent::GeneralRef(_)) && !text.is_empty() {
            out.push(OwnedEvent::Text(std::mem::take(&mut text)));
        }
        match ev {
            XmlEvent::Decl(_) => out.push(OwnedEvent::Decl),
            XmlEvent::Start(s) => {
                out.push(OwnedEvent::Start(s.name().as_ref().to_owned(), attrs(&s)))
            }
            XmlEvent::Empty(s) => out.push(OwnedEvent::Empty(s.name().as_ref().to_owned())),
            XmlEvent::End(e) => out.push(OwnedEvent::End(e.name().as_ref().to_owned())),
            XmlEvent::Text(t) => text.push_str(&t.xml10_content()),
            XmlEvent::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => text.push(c),
                None => text.push_str(&quick_xml::escape::unescape(&format!("&{};", &*r)).unwrap()),
            },
            XmlEvent::Eof => return out,
            _ => {}
        }
    }
}

/// The reference for building: a bare quick-xml writer emitting the same events, text escaped
/// (`&`, `<`, `>`) as any writer must.
pub fn bare_write(events: &[OwnedEvent], capacity: usize) -> Vec<u8> {
    let mut w = Writer::new(Vec::with_capacity(capacity));
    for ev in events {
        let r = match ev {
            OwnedEvent::Decl => {
                w.write_event(XmlEvent::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
            }
            OwnedEvent::Start(name, attrs) => {
                let mut s = BytesStart::new(name.as_str());
                for (k, v) in attrs {
                    s.push_attribute((k.as_str(), v.as_str()));
                }
                w.write_event(XmlEvent::Start(s))
            }
            OwnedEvent::Empty(name) => {
                w.write_event(XmlEvent::Empty(BytesStart::new(name.as_str())))
            }
            OwnedEvent::Text(t) => w.write_event(XmlEvent::Text(BytesText::from_escaped(
                quick_xml::escape::partial_escape(t),
            ))),
            OwnedEvent::End(name) => w.write_event(XmlEvent::End(BytesEnd::new(name.as_str()))),
        };
        r.unwrap();
    }
    w.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bare_writer_emits_the_same_envelope() {
        for doc in synthetic() {
            let again = bare_write(&doc.events, doc.bytes.len());
            assert_eq!(
                String::from_utf8(again).unwrap(),
                String::from_utf8(doc.bytes.clone()).unwrap(),
                "{} {}",
                doc.family,
                doc.size
            );
        }
    }

    #[test]
    fn the_corpus_parses_and_builds() {
        assert!(corpus_parse_cases().len() > 100);
        for case in corpus_build_cases() {
            assert!(!(case.build)().is_empty(), "{}", case.name);
        }
    }
}
