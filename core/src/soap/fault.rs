//! SOAP faults of both versions, whole: the code with its namespace, the SOAP 1.2 subcodes, the
//! reason with its language (and the other languages of a 1.2 `Reason`), the actor or role,
//! the node, the detail as an element tree, and the HTTP status it came with.
//!
//! A fault is read by the hardened [`XmlReader`], as every document is (limits, DTDs, entities,
//! characters, well-formedness, the memory budget), with its namespace resolver giving the
//! URIs of names and of QName-valued codes in the scope where they were read.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{HttpResponse, SoapVersion, close_body, content_type_plain, open_body};
use crate::error::{Error, ErrorCode, Result};
use crate::xml::{Child, Content, Limits, NS_SOAP11, NS_SOAP12, Ns, XmlReader, is_xml_char};

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
                let mut fault = SoapFault::default();
                read_fault(&mut r, &c, &mut fault)?;
                close_body(r)?;
                Ok(fault)
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

/// Reads the fault whose start, `fault` (the Body's first element), the reader has just
/// returned, up to its end tag. It is the hardened reader that reads it, so its limits,
/// refusals and memory budget apply as to any document; names are resolved by its namespace
/// resolver, in the scope of each element as it is read.
///
/// `out` (a default value) is filled where it stands.
pub(super) fn read_fault<'a>(
    r: &mut XmlReader<'a>,
    fault: &Child<'a>,
    out: &mut SoapFault,
) -> Result<()> {
    if fault.ns == Ns::Soap12 {
        out.version = SoapVersion::Soap12;
    }
    if fault.empty {
        return Ok(());
    }
    let mut reason_seen = false;
    while let Some(c) = r.next_child()? {
        match c.local {
            "faultcode" => {
                let code = qname(r, &c)?;
                (out.code, out.code_namespace, out.code_local) =
                    (code.value, code.namespace, code.local);
            }
            "faultstring" if !reason_seen => {
                reason_seen = true;
                out.reason_lang = lang(r, &c)?;
                out.reason = text(r, &c)?;
            }
            "faultactor" | "Role" => out.actor = Some(text(r, &c)?),
            "Node" => out.node = Some(text(r, &c)?),
            "detail" | "Detail" => out.detail = Some(element(r, &c)?),
            "Code" => {
                let mut codes = Vec::new();
                code(r, &c, &mut codes)?;
                let mut codes = codes.into_iter();
                let top = codes.next().unwrap_or_default();
                (out.code, out.code_namespace, out.code_local) =
                    (top.value, top.namespace, top.local);
                out.subcodes = codes.collect();
            }
            "Reason" if !c.empty => {
                while let Some(t) = r.next_child()? {
                    if t.local != "Text" {
                        r.skip(&t)?;
                        continue;
                    }
                    let reason = FaultReason {
                        lang: lang(r, &t)?,
                        text: text(r, &t)?,
                    };
                    if reason_seen {
                        out.other_reasons.push(reason);
                    } else {
                        reason_seen = true;
                        (out.reason, out.reason_lang) = (reason.text, reason.lang);
                    }
                }
            }
            _ => r.skip(&c)?,
        }
    }
    Ok(())
}

fn too_large() -> Error {
    Error::malformed(ErrorCode::TooLarge, "a fault text is too large")
}

/// The text of an element up to its end tag; nested elements are skipped.
fn text<'a>(r: &mut XmlReader<'a>, c: &Child<'a>) -> Result<String> {
    let mut out = String::new();
    if c.empty {
        return Ok(out);
    }
    loop {
        match r.next_content()? {
            Content::Text(t) => out.push_str(&t),
            Content::Element(e) => r.skip(&e)?,
            Content::End => break,
        }
        if out.len() > r.limits().max_text_bytes {
            return Err(too_large());
        }
    }
    r.charge(out.len())?;
    Ok(out)
}

/// A QName-valued element (`faultcode`, `Value`), resolved in the element's scope (its
/// bindings are still in force right after its end tag).
fn qname<'a>(r: &mut XmlReader<'a>, c: &Child<'a>) -> Result<FaultCode> {
    let value = text(r, c)?.trim().to_owned();
    let (namespace, local) = r.resolve(&value, false);
    let local = local.to_owned();
    Ok(FaultCode {
        namespace,
        local,
        value,
    })
}

/// `Code` or `Subcode`: its `Value`, then its subcodes', outermost first.
fn code<'a>(r: &mut XmlReader<'a>, c: &Child<'a>, out: &mut Vec<FaultCode>) -> Result<()> {
    if c.empty {
        out.push(FaultCode::default());
        return Ok(());
    }
    let (mut value, mut subs) = (FaultCode::default(), Vec::new());
    while let Some(c) = r.next_child()? {
        match c.local {
            "Value" => value = qname(r, &c)?,
            "Subcode" if subs.is_empty() => code(r, &c, &mut subs)?,
            _ => r.skip(&c)?,
        }
    }
    out.push(value);
    out.append(&mut subs);
    Ok(())
}

/// The `xml:lang` of an element.
fn lang<'a>(r: &mut XmlReader<'a>, c: &Child<'a>) -> Result<Option<String>> {
    Ok(attributes(r, c)?
        .into_iter()
        .find(|a| a.name == "lang" && a.namespace.as_deref() == Some(NS_XML))
        .map(|a| a.value))
}

/// The attributes of an element, namespace declarations left out, their names resolved.
fn attributes<'a>(r: &mut XmlReader<'a>, c: &Child<'a>) -> Result<Vec<XmlAttribute>> {
    let raw = r.attributes(c)?;
    Ok(raw
        .into_iter()
        .filter(|a| !a.is_namespace_declaration())
        .map(|a| {
            let (namespace, local) = r.resolve(&a.name, true);
            XmlAttribute {
                name: local.to_owned(),
                namespace,
                value: a.value,
            }
        })
        .collect())
}

/// An element whole.
fn element<'a>(r: &mut XmlReader<'a>, c: &Child<'a>) -> Result<XmlElement> {
    let (namespace, name) = r.resolve(c.qname(), false);
    let name = name.to_owned();
    let attributes = attributes(r, c)?;
    // The attributes' texts were charged as they were read.
    r.charge(
        std::mem::size_of::<XmlElement>()
            + name.len()
            + attributes.len() * std::mem::size_of::<XmlAttribute>(),
    )?;
    let mut out = XmlElement {
        name,
        namespace,
        attributes,
        ..XmlElement::default()
    };
    if c.empty {
        return Ok(out);
    }
    loop {
        match r.next_content()? {
            Content::Text(t) => out.text.push_str(&t),
            Content::Element(e) => out.children.push(element(r, &e)?),
            Content::End => break,
        }
        if out.text.len() > r.limits().max_text_bytes {
            return Err(too_large());
        }
    }
    if !out.children.is_empty() && out.text.trim().is_empty() {
        out.text.clear();
    }
    r.charge(out.text.len())?;
    Ok(out)
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
