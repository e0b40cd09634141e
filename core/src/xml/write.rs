//! The XML writer used by every builder: quick-xml's writer, text escaped, invalid characters
//! refused with the path of the element that carried them.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::error::{Error, ErrorCode, Result};
use crate::xml::read::is_xml_char;

/// Writes one document into memory.
pub struct XmlWriter {
    inner: Writer<Vec<u8>>,
    path: Vec<&'static str>,
}

impl std::fmt::Debug for XmlWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The buffer may hold secrets: only its size is shown.
        f.debug_struct("XmlWriter")
            .field("bytes", &self.inner.get_ref().len())
            .finish()
    }
}

impl Default for XmlWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl XmlWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::with_capacity(1024)
    }

    /// An empty writer with room for `bytes` of output.
    pub fn with_capacity(bytes: usize) -> Self {
        XmlWriter {
            inner: Writer::new(Vec::with_capacity(bytes)),
            path: Vec::with_capacity(8),
        }
    }

    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.inner.into_inner()
    }

    fn io(e: std::io::Error) -> Error {
        // Writing into a Vec cannot fail; keep a typed error rather than a panic all the same.
        Error::invalid(
            ErrorCode::InvalidFormat,
            "",
            format!("XML writer failure: {e}"),
        )
    }

    /// `<?xml version="1.0" encoding="utf-8"?>`
    pub fn declaration(&mut self) -> Result<()> {
        self.inner
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
            .map_err(Self::io)
    }

    /// Opens `name` with the given attributes.
    pub fn start_with(&mut self, name: &'static str, attrs: &[(&str, &str)]) -> Result<()> {
        let mut start = BytesStart::new(name);
        for attr in attrs {
            start.push_attribute(*attr);
        }
        self.path.push(name);
        self.inner
            .write_event(Event::Start(start))
            .map_err(Self::io)
    }

    /// Opens `name`.
    pub fn start(&mut self, name: &'static str) -> Result<()> {
        self.path.push(name);
        self.inner
            .write_event(Event::Start(BytesStart::new(name)))
            .map_err(Self::io)
    }

    /// Closes `name`.
    pub fn end(&mut self, name: &'static str) -> Result<()> {
        self.path.pop();
        self.inner
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(Self::io)
    }

    /// Writes `<name/>`.
    pub fn empty(&mut self, name: &'static str) -> Result<()> {
        self.inner
            .write_event(Event::Empty(BytesStart::new(name)))
            .map_err(Self::io)
    }

    /// Writes `<name>text</name>` (or `<name/>` for the empty string).
    pub fn text_element(&mut self, name: &'static str, text: &str) -> Result<()> {
        if text.is_empty() {
            return self.empty(name);
        }
        let escaped = self.escape_at(name, text)?;
        self.inner
            .write_event(Event::Start(BytesStart::new(name)))
            .map_err(Self::io)?;
        self.inner
            .write_event(Event::Text(BytesText::from_escaped(escaped)))
            .map_err(Self::io)?;
        self.inner
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(Self::io)
    }

    /// Writes `<name attrs…>text</name>`.
    pub fn text_element_with(
        &mut self,
        name: &'static str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        self.start_with(name, attrs)?;
        self.path.pop();
        let escaped = self.escape_at(name, text)?;
        self.path.push(name);
        self.inner
            .write_event(Event::Text(BytesText::from_escaped(escaped)))
            .map_err(Self::io)?;
        self.end(name)
    }

    fn escape_at<'t>(&mut self, name: &'static str, text: &'t str) -> Result<Cow<'t, str>> {
        self.path.push(name);
        let escaped = self.escape(text);
        self.path.pop();
        escaped
    }

    /// Like [`text_element`](Self::text_element) for an element whose name is only known at
    /// run time (unknown elements kept from a parsed document).
    pub fn dynamic_text_element(&mut self, name: &str, text: &str) -> Result<()> {
        if !is_xml_name(name) {
            return Err(Error::invalid(
                ErrorCode::InvalidFormat,
                self.field_path(name),
                "not a valid XML element name",
            ));
        }
        let escaped = self.escape(text)?;
        self.inner
            .write_event(Event::Start(BytesStart::new(name)))
            .map_err(Self::io)?;
        self.inner
            .write_event(Event::Text(BytesText::from_escaped(escaped)))
            .map_err(Self::io)?;
        self.inner
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(Self::io)
    }

    fn field_path(&self, leaf: &str) -> String {
        // The envelope levels (Envelope, Body, the wrapper) are not part of a field's name.
        let skip = self
            .path
            .iter()
            .position(|p| *p == "Body" || p.ends_with(":Body"))
            .map_or(0, |i| i + 2);
        let mut parts: Vec<&str> = self.path.iter().skip(skip).copied().collect();
        if !leaf.is_empty() {
            parts.push(leaf);
        }
        parts.join("/")
    }

    /// Escapes text for element content: `&`, `<`, `>` by quick-xml, and CR as a character
    /// reference so that it survives end-of-line normalisation. Characters XML 1.0 cannot carry
    /// are refused.
    fn escape<'t>(&self, text: &'t str) -> Result<Cow<'t, str>> {
        if let Some(bad) = text.chars().find(|c| !is_xml_char(*c)) {
            return Err(Error::invalid(
                ErrorCode::InvalidXmlCharacter,
                self.field_path(""),
                format!(
                    "character U+{:04X} cannot be carried by XML 1.0",
                    bad as u32
                ),
            ));
        }
        let escaped = quick_xml::escape::partial_escape(text);
        if escaped.contains('\r') {
            return Ok(Cow::Owned(escaped.replace('\r', "&#xD;")));
        }
        Ok(escaped)
    }
}

/// A conservative check of an element name (letters, digits, `_`, `-`, `.`; no prefix).
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}
