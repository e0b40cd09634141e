//! SOAP faults of both versions, whole: the code with its namespace, the SOAP 1.2 subcodes, the
//! reason with its language (and the other languages of a 1.2 `Reason`), the actor or role,
//! the node, the detail as an element tree, and the HTTP status it came with.
//!
//! A fault is read in two passes. The first, by the hardened [`XmlReader`], checks the whole
//! document (limits, DTDs, entities, characters, well-formedness) as every parse does; the
//! second walks the checked text with quick-xml's namespace-aware reader to keep what the first
//! does not expose: namespace URIs, attributes, the bindings a QName-valued code is resolved
//! in. Faults are rare: the second pass costs nothing to the results' parse.

use std::fmt;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};
use serde::{Deserialize, Serialize};

use super::{HttpResponse, SoapVersion, close_body, content_type_plain, open_body};
use crate::error::{Error, ErrorCode, Result};
use crate::xml::{Limits, NS_SOAP11, NS_SOAP12, Ns, XmlReader, is_xml_char};

/// The namespace of the `xml:` prefix (`xml:lang`).
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

/// A SOAP fault, either version.
///
/// The code is kept as written (`soap:Client`) with the namespace its prefix was bound to
/// where it was read (`codeNamespace`) and its local part (`codeLocal`, derived from `code`:
/// ignored when building). SOAP 1.1 has no subcodes, other reason languages or node: building
/// a 1.1 envelope leaves them out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SoapFault {
    /// The SOAP version it arrived in.
    pub version: SoapVersion,
    /// `faultcode` (1.1) or `Code/Value` (1.2) as written, e.g. `soap:Client`, `soap:Receiver`.
    pub code: String,
    /// The namespace URI of the code's prefix (of the default namespace for an unprefixed
    /// code) where it was read; absent when unbound. When building, the prefix is declared
    /// with it where the envelope does not already bind it so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_namespace: Option<String>,
    /// The local part of the code (`Client`): derived from `code`, ignored when building.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code_local: String,
    /// `Code/Subcode/Value`, `Code/Subcode/Subcode/Value`, … (1.2 only), outermost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subcodes: Vec<FaultCode>,
    /// `faultstring` (1.1) or the first `Reason/Text` (1.2).
    pub reason: String,
    /// The `xml:lang` of the reason (always present in 1.2, where `en` is written when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_lang: Option<String>,
    /// The further `Reason/Text` elements of a 1.2 fault (the reason in other languages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_reasons: Vec<FaultReason>,
    /// `faultactor` (1.1) or `Role` (1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// `Node` (1.2 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The `detail` (1.1) / `Detail` (1.2) element as a tree (ASMX always sends an empty
    /// one). When building, it is written as the version's detail element whatever its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<XmlElement>,
    /// The HTTP status the fault came with (set by `from_http`; absent for a bare document).
    /// [`to_http_response`](SoapFault::to_http_response) answers with it (default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

/// A SOAP 1.2 subcode: a QName as written, with its namespace resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultCode {
    /// The `Value` as written (`gp:Down`).
    pub value: String,
    /// The namespace URI of its prefix where it was read; absent when unbound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The local part (`Down`): derived from `value`, ignored when building.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub local: String,
}

/// One `Reason/Text` of a SOAP 1.2 fault.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultReason {
    /// The text.
    pub text: String,
    /// Its `xml:lang`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// An XML element kept whole (a fault's detail): its name and namespace, its attributes, its
/// text and its child elements.
///
/// Namespaces are kept as URIs, not prefixes: built again, an element in a namespace declares
/// it as the default one (`xmlns="…"`), an attribute in one under a generated prefix. A
/// QName-valued text or attribute (`xsi:type="xsd:string"`) keeps its text, not the binding
/// of its prefix. `text` is the element's own character data; between child elements,
/// whitespace only (indentation) is dropped, and mixed text is written before the children.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XmlElement {
    /// The local name (may be left out for the detail element itself, whose name the SOAP
    /// version sets when building).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The namespace URI; absent for an element in no namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The attributes, in document order (namespace declarations excluded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<XmlAttribute>,
    /// The element's own text, unescaped.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The child elements, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<XmlElement>,
}

/// An attribute of an [`XmlElement`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XmlAttribute {
    /// The local name.
    pub name: String,
    /// The namespace URI (`http://www.w3.org/XML/1998/namespace` for `xml:lang`); absent for
    /// an unprefixed attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The value, unescaped and normalised.
    pub value: String,
}

impl fmt::Display for SoapFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SOAP fault {}: {}", self.code, self.reason)
    }
}

impl SoapFault {
    /// Parses a fault from a whole envelope (`Err` if the document holds no fault). The
    /// charset is the XML declaration's (UTF-8 when none).
    pub fn from_envelope(body: &[u8], limits: Limits) -> Result<SoapFault> {
        let text = crate::charset::to_utf8(body, None, limits)?;
        let mut r = XmlReader::new(&text, limits)?;
        let (_, first) = open_body(&mut r)?;
        match first {
            Some(c) if c.local == "Fault" && matches!(c.ns, Ns::Soap11 | Ns::Soap12) => {
                r.skip(&c)?;
                close_body(r)?;
                read_checked(&text, limits)
            }
            _ => Err(Error::malformed(
                ErrorCode::MissingResult,
                "the envelope holds no SOAP fault",
            )),
        }
    }

    /// Builds the fault envelope (the gateway's side), as ASMX would. SOAP 1.1 has no place
    /// for `subcodes`, `otherReasons` and `node`: they are left out of a 1.1 envelope.
    pub fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>> {
        let mut w = Out::default();
        w.raw(r#"<?xml version="1.0" encoding="utf-8"?>"#);
        let (p, ns) = match version {
            SoapVersion::Soap11 => ("soap", NS_SOAP11),
            SoapVersion::Soap12 => ("soap12", NS_SOAP12),
        };
        w.raw(&format!(
            "<{p}:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
             xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:{p}=\"{ns}\"><{p}:Body><{p}:Fault>"
        ));
        let env = (p, ns);
        match version {
            SoapVersion::Soap11 => {
                w.qname_element("faultcode", &self.code, self.code_namespace.as_deref(), env)?;
                let lang = self.reason_lang.as_deref().map(|l| ("xml:lang", l));
                w.text_element("faultstring", lang, &self.reason)?;
                if let Some(actor) = &self.actor {
                    w.text_element("faultactor", None, actor)?;
                }
                if let Some(detail) = &self.detail {
                    w.element("detail", detail, None, "detail")?;
                }
            }
            SoapVersion::Soap12 => {
                w.raw("<soap12:Code>");
                let value = "soap12:Value";
                w.qname_element(value, &self.code, self.code_namespace.as_deref(), env)?;
                for sub in &self.subcodes {
                    w.raw("<soap12:Subcode>");
                    w.qname_element(value, &sub.value, sub.namespace.as_deref(), env)?;
                }
                for _ in &self.subcodes {
                    w.raw("</soap12:Subcode>");
                }
                w.raw("</soap12:Code><soap12:Reason>");
                let first = FaultReason {
                    text: self.reason.clone(),
                    lang: Some(self.reason_lang.clone().unwrap_or_else(|| "en".to_owned())),
                };
                for reason in std::iter::once(&first).chain(&self.other_reasons) {
                    let lang = reason.lang.as_deref().unwrap_or("en");
                    w.text_element("soap12:Text", Some(("xml:lang", lang)), &reason.text)?;
                }
                w.raw("</soap12:Reason>");
                if let Some(node) = &self.node {
                    w.text_element("soap12:Node", None, node)?;
                }
                if let Some(role) = &self.actor {
                    w.text_element("soap12:Role", None, role)?;
                }
                if let Some(detail) = &self.detail {
                    w.element("soap12:Detail", detail, None, "detail")?;
                }
            }
        }
        w.raw(&format!("</{p}:Fault></{p}:Body></{p}:Envelope>"));
        Ok(w.0)
    }

    /// The HTTP response the gateway sends for this fault: status
    /// [`http_status`](SoapFault::http_status), 500 when absent.
    pub fn to_http_response(&self, version: SoapVersion) -> Result<HttpResponse> {
        Ok(HttpResponse {
            status: self.http_status.unwrap_or(500),
            headers: vec![("Content-Type".to_owned(), content_type_plain(version))],
            body: self.to_envelope(version)?,
        })
    }
}

// --- reading ---------------------------------------------------------------------------------

/// Reads the fault of a document the [`XmlReader`] has checked whole (UTF-8, its BOM allowed).
pub(super) fn read_checked(text: &[u8], limits: Limits) -> Result<SoapFault> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let text = std::str::from_utf8(text)
        .map_err(|_| Error::malformed(ErrorCode::InvalidUtf8, "invalid UTF-8"))?;
    let mut t = Tree::new(text, limits);
    let (_, envelope_empty) = t.root()?;
    let mut body = None;
    if !envelope_empty {
        while let Some((start, empty)) = t.next_child()? {
            if t.name(&start).1 == "Body" {
                body = Some(empty);
                break;
            }
            t.skip(empty)?;
        }
    }
    let no_fault =
        || Error::malformed(ErrorCode::MissingResult, "the envelope holds no SOAP fault");
    if body != Some(false) {
        return Err(no_fault());
    }
    let (fault, empty) = t.next_child()?.ok_or_else(no_fault)?;
    let version = match t.name(&fault).0.as_deref() {
        Some(NS_SOAP12) => SoapVersion::Soap12,
        _ => SoapVersion::Soap11,
    };
    let mut out = SoapFault {
        version,
        ..SoapFault::default()
    };
    if empty {
        return Ok(out);
    }
    let mut reason_seen = false;
    while let Some((c, empty)) = t.next_child()? {
        match t.name(&c).1.as_str() {
            "faultcode" => {
                let code = t.qname(empty)?;
                (out.code, out.code_namespace, out.code_local) =
                    (code.value, code.namespace, code.local);
            }
            "faultstring" if !reason_seen => {
                reason_seen = true;
                out.reason_lang = t.lang(&c)?;
                out.reason = t.text(empty)?;
            }
            "faultactor" | "Role" => out.actor = Some(t.text(empty)?),
            "Node" => out.node = Some(t.text(empty)?),
            "detail" | "Detail" => out.detail = Some(t.element(&c, empty)?),
            "Code" => {
                let mut codes = Vec::new();
                t.code(empty, &mut codes)?;
                let mut codes = codes.into_iter();
                let top = codes.next().unwrap_or_default();
                (out.code, out.code_namespace, out.code_local) =
                    (top.value, top.namespace, top.local);
                out.subcodes = codes.collect();
            }
            "Reason" if !empty => {
                while let Some((text, empty)) = t.next_child()? {
                    if t.name(&text).1 != "Text" {
                        t.skip(empty)?;
                        continue;
                    }
                    let reason = FaultReason {
                        lang: t.lang(&text)?,
                        text: t.text(empty)?,
                    };
                    if reason_seen {
                        out.other_reasons.push(reason);
                    } else {
                        reason_seen = true;
                        (out.reason, out.reason_lang) = (reason.text, reason.lang);
                    }
                }
            }
            _ => t.skip(empty)?,
        }
    }
    Ok(out)
}

/// The second pass: quick-xml's namespace-aware reader over a checked document, with the
/// memory bound of the first (three times the document, plus 1 MiB).
struct Tree<'a> {
    r: NsReader<&'a [u8]>,
    limits: Limits,
    budget: usize,
}

impl<'a> Tree<'a> {
    fn new(text: &'a str, limits: Limits) -> Self {
        let mut r = NsReader::from_str(text);
        r.config_mut().expand_empty_elements = false;
        Tree {
            r,
            limits,
            budget: text.len().saturating_mul(3).saturating_add(1 << 20),
        }
    }

    fn charge(&mut self, bytes: usize) -> Result<()> {
        self.budget = self.budget.checked_sub(bytes).ok_or_else(|| {
            Error::malformed(
                ErrorCode::TooLarge,
                "the fault's detail would take more than three times the document in memory",
            )
        })?;
        Ok(())
    }

    fn event(&mut self) -> Result<Event<'a>> {
        self.r
            .read_event()
            .map_err(|e| Error::malformed(ErrorCode::XmlSyntax, format!("XML syntax error: {e}")))
    }

    fn root(&mut self) -> Result<(BytesStart<'a>, bool)> {
        loop {
            match self.event()? {
                Event::Start(s) => return Ok((s, false)),
                Event::Empty(s) => return Ok((s, true)),
                Event::Eof => return Err(Error::malformed(ErrorCode::NotSoap, "no root element")),
                _ => {}
            }
        }
    }

    /// The next child element of the element being read; `None` at its end tag.
    fn next_child(&mut self) -> Result<Option<(BytesStart<'a>, bool)>> {
        loop {
            match self.event()? {
                Event::Start(s) => return Ok(Some((s, false))),
                Event::Empty(s) => return Ok(Some((s, true))),
                Event::End(_) | Event::Eof => return Ok(None),
                _ => {}
            }
        }
    }

    fn skip(&mut self, empty: bool) -> Result<()> {
        if empty {
            return Ok(());
        }
        let mut depth = 1usize;
        while depth > 0 {
            match self.event()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// An element's namespace and local name (in the scope of the element just read).
    fn name(&self, start: &BytesStart<'_>) -> (Option<String>, String) {
        let (ns, local) = self.r.resolver().resolve_element(start.name());
        (namespace(&ns), local.into_inner().to_owned())
    }

    /// The text of an element up to its end tag; nested elements are skipped.
    fn text(&mut self, empty: bool) -> Result<String> {
        let mut out = String::new();
        if empty {
            return Ok(out);
        }
        loop {
            match self.event()? {
                Event::Text(t) => out.push_str(&t.xml10_content()),
                Event::CData(c) => out.push_str(&c.xml10_content()),
                Event::GeneralRef(r) => out.push(reference(&r)?),
                Event::Start(_) => self.skip(false)?,
                Event::End(_) | Event::Eof => break,
                _ => {}
            }
            if out.len() > self.limits.max_text_bytes {
                return Err(Error::malformed(
                    ErrorCode::TooLarge,
                    "a fault text is too large",
                ));
            }
        }
        self.charge(out.len())?;
        Ok(out)
    }

    /// A QName-valued element (`faultcode`, `Value`), resolved in the element's scope (its
    /// bindings are still in force right after its end tag).
    fn qname(&mut self, empty: bool) -> Result<FaultCode> {
        let value = self.text(empty)?.trim().to_owned();
        let (ns, local) = self.r.resolver().resolve_element(QName(&value));
        Ok(FaultCode {
            namespace: namespace(&ns),
            local: local.into_inner().to_owned(),
            value,
        })
    }

    /// `Code` or `Subcode`: its `Value`, then its subcodes', outermost first.
    fn code(&mut self, empty: bool, out: &mut Vec<FaultCode>) -> Result<()> {
        if empty {
            out.push(FaultCode::default());
            return Ok(());
        }
        let (mut value, mut subs) = (FaultCode::default(), Vec::new());
        while let Some((c, empty)) = self.next_child()? {
            match self.name(&c).1.as_str() {
                "Value" => value = self.qname(empty)?,
                "Subcode" if subs.is_empty() => self.code(empty, &mut subs)?,
                _ => self.skip(empty)?,
            }
        }
        out.push(value);
        out.append(&mut subs);
        Ok(())
    }

    /// The `xml:lang` of an element.
    fn lang(&self, start: &BytesStart<'_>) -> Result<Option<String>> {
        Ok(self
            .attributes(start)?
            .into_iter()
            .find(|a| a.name == "lang" && a.namespace.as_deref() == Some(NS_XML))
            .map(|a| a.value))
    }

    fn attributes(&self, start: &BytesStart<'_>) -> Result<Vec<XmlAttribute>> {
        let mut out = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| {
                Error::malformed(ErrorCode::XmlSyntax, format!("XML syntax error: {e}"))
            })?;
            let key = attribute.key;
            if key.as_namespace_binding().is_some() {
                continue;
            }
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| {
                    Error::malformed(ErrorCode::DtdRefused, format!("in an attribute value: {e}"))
                })?;
            let (ns, local) = self.r.resolver().resolve_attribute(key);
            out.push(XmlAttribute {
                name: local.into_inner().to_owned(),
                namespace: namespace(&ns),
                value: value.into_owned(),
            });
        }
        Ok(out)
    }

    /// An element whole.
    fn element(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<XmlElement> {
        let (namespace, name) = self.name(start);
        let attributes = self.attributes(start)?;
        self.charge(
            std::mem::size_of::<XmlElement>()
                + name.len()
                + attributes
                    .iter()
                    .map(|a| std::mem::size_of::<XmlAttribute>() + a.name.len() + a.value.len())
                    .sum::<usize>(),
        )?;
        let mut out = XmlElement {
            name,
            namespace,
            attributes,
            ..XmlElement::default()
        };
        if empty {
            return Ok(out);
        }
        loop {
            match self.event()? {
                Event::Text(t) => out.text.push_str(&t.xml10_content()),
                Event::CData(c) => out.text.push_str(&c.xml10_content()),
                Event::GeneralRef(r) => out.text.push(reference(&r)?),
                Event::Start(s) => out.children.push(self.element(&s, false)?),
                Event::Empty(s) => out.children.push(self.element(&s, true)?),
                Event::End(_) | Event::Eof => break,
                _ => {}
            }
            if out.text.len() > self.limits.max_text_bytes {
                return Err(Error::malformed(
                    ErrorCode::TooLarge,
                    "a fault text is too large",
                ));
            }
        }
        if !out.children.is_empty() && out.text.trim().is_empty() {
            out.text.clear();
        }
        self.charge(out.text.len())?;
        Ok(out)
    }
}

fn namespace(resolved: &ResolveResult<'_>) -> Option<String> {
    match resolved {
        ResolveResult::Bound(ns) if !ns.into_inner().is_empty() => Some(ns.into_inner().to_owned()),
        _ => None,
    }
}

/// A character or predefined entity reference (the first pass refused any other).
fn reference(r: &quick_xml::events::BytesRef<'_>) -> Result<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Ok(c);
    }
    match &**r {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        _ => Err(Error::malformed(
            ErrorCode::DtdRefused,
            "an entity reference (entities are not accepted)",
        )),
    }
}

// --- writing ---------------------------------------------------------------------------------

/// The fault's writer: names are the fault's own or checked, text and attributes escaped,
/// characters XML 1.0 cannot carry refused with the field that held them.
#[derive(Default)]
struct Out(Vec<u8>);

impl Out {
    fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    fn escaped(&mut self, field: &str, text: &str, attribute: bool) -> Result<()> {
        for c in text.chars() {
            match c {
                '&' => self.raw("&amp;"),
                '<' => self.raw("&lt;"),
                '>' => self.raw("&gt;"),
                '\r' => self.raw("&#13;"),
                '"' if attribute => self.raw("&quot;"),
                '\n' if attribute => self.raw("&#10;"),
                '\t' if attribute => self.raw("&#9;"),
                c if is_xml_char(c) => {
                    let mut buf = [0; 4];
                    self.raw(c.encode_utf8(&mut buf));
                }
                c => {
                    return Err(Error::invalid(
                        ErrorCode::InvalidXmlCharacter,
                        field,
                        format!("character U+{:04X} cannot be carried by XML 1.0", c as u32),
                    ));
                }
            }
        }
        Ok(())
    }

    fn open(&mut self, tag: &str, attrs: &[(String, &str)], field: &str) -> Result<()> {
        self.raw("<");
        self.raw(tag);
        for (key, value) in attrs {
            self.raw(" ");
            self.raw(key);
            self.raw("=\"");
            self.escaped(field, value, true)?;
            self.raw("\"");
        }
        Ok(())
    }

    fn text_element(&mut self, tag: &str, attr: Option<(&str, &str)>, text: &str) -> Result<()> {
        let field = tag.rsplit(':').next().unwrap_or(tag);
        let attrs: Vec<(String, &str)> = attr.map(|(k, v)| (k.to_owned(), v)).into_iter().collect();
        self.open(tag, &attrs, field)?;
        if text.is_empty() {
            self.raw("/>");
            return Ok(());
        }
        self.raw(">");
        self.escaped(field, text, false)?;
        self.raw(&format!("</{tag}>"));
        Ok(())
    }

    /// A QName-valued element; its prefix is declared on it unless the envelope binds it to the
    /// same namespace.
    fn qname_element(
        &mut self,
        tag: &str,
        value: &str,
        namespace: Option<&str>,
        envelope: (&str, &str),
    ) -> Result<()> {
        let field = if tag == "faultcode" {
            "code"
        } else {
            "subcodes"
        };
        let prefix = value.trim().split_once(':').map(|(p, _)| p);
        let declaration = match (prefix, namespace) {
            (_, None) => None,
            (Some(p), Some(ns)) if (p, ns) == envelope => None,
            (Some(p), Some(ns)) => Some((format!("xmlns:{}", checked_name(field, p)?), ns)),
            (None, Some(ns)) => Some(("xmlns".to_owned(), ns)),
        };
        self.open(tag, declaration.as_slice(), field)?;
        self.raw(">");
        self.escaped(field, value, false)?;
        self.raw(&format!("</{tag}>"));
        Ok(())
    }

    /// An element of a detail tree; `tag` is its name as written, `default_ns` the default
    /// namespace in scope.
    fn element(
        &mut self,
        tag: &str,
        el: &XmlElement,
        default_ns: Option<&str>,
        field: &str,
    ) -> Result<()> {
        let mut attrs: Vec<(String, &str)> = Vec::new();
        // The detail element itself is the version's, whatever the tree says.
        let own_ns = if field == "detail" {
            default_ns
        } else {
            if el.namespace.as_deref() != default_ns {
                attrs.push(("xmlns".to_owned(), el.namespace.as_deref().unwrap_or("")));
            }
            el.namespace.as_deref()
        };
        let mut prefixes: Vec<&str> = Vec::new();
        let mut named = Vec::new();
        for a in &el.attributes {
            let name = checked_name(field, &a.name)?;
            let key = match a.namespace.as_deref() {
                None => name.to_owned(),
                Some(NS_XML) => format!("xml:{name}"),
                Some(ns) => {
                    let i = match prefixes.iter().position(|p| *p == ns) {
                        Some(i) => i,
                        None => {
                            prefixes.push(ns);
                            attrs.push((format!("xmlns:a{}", prefixes.len() - 1), ns));
                            prefixes.len() - 1
                        }
                    };
                    format!("a{i}:{name}")
                }
            };
            named.push((key, a.value.as_str()));
        }
        attrs.extend(named);
        self.open(tag, &attrs, field)?;
        if el.text.is_empty() && el.children.is_empty() {
            self.raw("/>");
            return Ok(());
        }
        self.raw(">");
        self.escaped(field, &el.text, false)?;
        for child in &el.children {
            let name = checked_name(field, &child.name)?;
            let path = format!("{field}/{name}");
            self.element(name, child, own_ns, &path)?;
        }
        self.raw(&format!("</{tag}>"));
        Ok(())
    }
}

/// `name` when it is an XML name without a prefix (an NCName), else `invalid_format`.
fn checked_name<'n>(field: &str, name: &'n str) -> Result<&'n str> {
    let start = |c: char| c == '_' || c.is_alphabetic();
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(start)
        && chars.all(|c| start(c) || c.is_alphanumeric() || matches!(c, '-' | '.' | '\u{B7}'));
    if ok {
        Ok(name)
    } else {
        Err(Error::invalid(
            ErrorCode::InvalidFormat,
            field,
            "not a valid XML name (a local name without a prefix)",
        ))
    }
}
