//! The XML writer used by every builder: elements and escaped text written straight into one
//! buffer (the bytes quick-xml's writer would produce), invalid characters refused with the path
//! of the element that carried them.

use crate::error::{Error, ErrorCode, Result};
use crate::xml::chars::{is_ncname, is_xml_char};
use crate::xml::kept::{KeptAttribute, check_attribute_names};

/// Writes one document into memory.
pub struct XmlWriter {
    out: Vec<u8>,
    path: Vec<&'static str>,
    /// Kept attributes for the next element opened (see [`set_pending`](Self::set_pending)).
    pending: Option<Vec<KeptAttribute>>,
}

impl std::fmt::Debug for XmlWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The buffer may hold secrets: only its size is shown.
        f.debug_struct("XmlWriter")
            .field("bytes", &self.out.len())
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
            out: Vec::with_capacity(bytes),
            path: Vec::with_capacity(8),
            pending: None,
        }
    }

    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// `<?xml version="1.0" encoding="utf-8"?>`
    pub fn declaration(&mut self) -> Result<()> {
        self.out
            .extend_from_slice(br#"<?xml version="1.0" encoding="utf-8"?>"#);
        Ok(())
    }

    /// Writes `<name attrs` (the tag is left open), with the pending kept attributes and
    /// `kept` after the given ones.
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)], kept: &[KeptAttribute]) -> Result<()> {
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        for (key, value) in attrs {
            self.attribute(key, value)?;
        }
        let pending = self.pending.take();
        if pending.is_some() || !kept.is_empty() {
            let pending = pending.unwrap_or_default();
            let taken: Vec<&str> = attrs.iter().map(|(k, _)| *k).collect();
            let all: Vec<KeptAttribute> = pending.iter().chain(kept).cloned().collect();
            check_attribute_names(&all, &taken)
                .map_err(|m| self.invalid_at(name, ErrorCode::InvalidFormat, m))?;
            for a in &all {
                self.attribute(&a.name, &a.value)?;
            }
        }
        Ok(())
    }

    fn attribute(&mut self, key: &str, value: &str) -> Result<()> {
        if let Some(bad) = value.chars().find(|c| !is_xml_char(*c)) {
            return Err(Error::invalid(
                ErrorCode::InvalidXmlCharacter,
                self.field_path(key),
                format!(
                    "character U+{:04X} cannot be carried by XML 1.0",
                    bad as u32
                ),
            ));
        }
        self.out.push(b' ');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"=\"");
        escape_attribute_into(&mut self.out, value);
        self.out.push(b'"');
        Ok(())
    }

    fn open_tag(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.tag(name, attrs, &[])?;
        self.out.push(b'>');
        Ok(())
    }

    fn close_tag(&mut self, name: &str) {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
    }

    fn empty_tag(&mut self, name: &str) -> Result<()> {
        self.tag(name, &[], &[])?;
        self.out.extend_from_slice(b"/>");
        Ok(())
    }

    /// Sets the attributes kept from a parsed document for the next element opened (a known
    /// leaf or list wrapper, whose value has no room for them); `None` clears them. Set before
    /// a field is written and cleared after it, so that they land on that field's element.
    pub fn set_pending(&mut self, attributes: Option<&[KeptAttribute]>) {
        self.pending = attributes.filter(|a| !a.is_empty()).map(<[_]>::to_vec);
    }

    /// Writes `<name …/>` with the pending kept attributes, if the element they were set for
    /// was not written (an empty leaf is no value: it is written for its attributes only).
    pub fn flush_pending(&mut self, name: &str) -> Result<()> {
        if self.pending.is_none() {
            return Ok(());
        }
        self.tag(name, &[], &[])?;
        self.out.extend_from_slice(b"/>");
        Ok(())
    }

    /// Opens `name` with the given attributes.
    pub fn start_with(&mut self, name: &'static str, attrs: &[(&str, &str)]) -> Result<()> {
        self.path.push(name);
        self.open_tag(name, attrs)
    }

    /// Opens `name` with the given attributes, then those kept from a parsed document (a
    /// model's own element).
    pub fn start_kept(
        &mut self,
        name: &'static str,
        attrs: &[(&str, &str)],
        kept: &[KeptAttribute],
    ) -> Result<()> {
        self.path.push(name);
        self.tag(name, attrs, kept)?;
        self.out.push(b'>');
        Ok(())
    }

    /// Opens `name`.
    pub fn start(&mut self, name: &'static str) -> Result<()> {
        self.path.push(name);
        self.open_tag(name, &[])
    }

    /// Opens an element whose name is only known at run time (an unknown element kept from a
    /// parsed document), with its attributes; `empty` writes `<name …/>`, closed already.
    pub fn open_dynamic(&mut self, name: &str, attrs: &[KeptAttribute], empty: bool) -> Result<()> {
        if !is_ncname(name) {
            return Err(self.invalid_at(
                name,
                ErrorCode::InvalidFormat,
                "not a valid XML element name",
            ));
        }
        self.tag(name, &[], attrs)?;
        self.out
            .extend_from_slice(if empty { b"/>".as_slice() } else { b">" });
        Ok(())
    }

    /// Closes an element opened by [`open_dynamic`](Self::open_dynamic).
    pub fn close_dynamic(&mut self, name: &str) {
        self.close_tag(name);
    }

    /// Writes text content inside the element `name` being written (opened by
    /// [`open_dynamic`](Self::open_dynamic)).
    pub fn text_in(&mut self, name: &str, text: &str) -> Result<()> {
        escape_text_into(&mut self.out, text).map_err(|bad| {
            Error::invalid(
                ErrorCode::InvalidXmlCharacter,
                self.field_path(name),
                format!(
                    "character U+{:04X} cannot be carried by XML 1.0",
                    bad as u32
                ),
            )
        })
    }

    /// An invalid-request error at the element `leaf` under the elements being written.
    pub(crate) fn invalid_at(
        &self,
        leaf: &str,
        code: ErrorCode,
        message: impl Into<String>,
    ) -> Error {
        Error::invalid(code, self.field_path(leaf), message)
    }

    /// Closes `name`.
    pub fn end(&mut self, name: &'static str) -> Result<()> {
        self.path.pop();
        self.close_tag(name);
        Ok(())
    }

    /// Writes `<name/>`.
    pub fn empty(&mut self, name: &'static str) -> Result<()> {
        self.empty_tag(name)
    }

    /// Writes `<name>text</name>` (or `<name/>` for the empty string).
    pub fn text_element(&mut self, name: &'static str, text: &str) -> Result<()> {
        if text.is_empty() {
            return self.empty(name);
        }
        let mark = self.out.len();
        self.open_tag(name, &[])?;
        if let Err(bad) = escape_text_into(&mut self.out, text) {
            self.out.truncate(mark);
            return Err(self.invalid_char_at(name, bad));
        }
        self.close_tag(name);
        Ok(())
    }

    /// Writes text content inside the element being written (mixed content).
    pub fn text(&mut self, text: &str) -> Result<()> {
        escape_text_into(&mut self.out, text).map_err(|bad| self.invalid_char(bad))
    }

    /// Writes `<name attrs…>text</name>`.
    pub fn text_element_with(
        &mut self,
        name: &'static str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        let mark = self.out.len();
        self.open_tag(name, attrs)?;
        if let Err(bad) = escape_text_into(&mut self.out, text) {
            self.out.truncate(mark);
            return Err(self.invalid_char_at(name, bad));
        }
        self.close_tag(name);
        Ok(())
    }

    /// The error for a character XML 1.0 cannot carry, in the element `name` being written.
    fn invalid_char_at(&mut self, name: &'static str, bad: char) -> Error {
        self.path.push(name);
        let error = self.invalid_char(bad);
        self.path.pop();
        error
    }

    fn invalid_char(&self, bad: char) -> Error {
        Error::invalid(
            ErrorCode::InvalidXmlCharacter,
            self.field_path(""),
            format!(
                "character U+{:04X} cannot be carried by XML 1.0",
                bad as u32
            ),
        )
    }

    /// Like [`text_element`](Self::text_element) for an element whose name is only known at
    /// run time (unknown elements kept from a parsed document).
    pub fn dynamic_text_element(&mut self, name: &str, text: &str) -> Result<()> {
        if !is_ncname(name) {
            return Err(Error::invalid(
                ErrorCode::InvalidFormat,
                self.field_path(name),
                "not a valid XML element name",
            ));
        }
        let mark = self.out.len();
        self.open_tag(name, &[])?;
        if let Err(bad) = escape_text_into(&mut self.out, text) {
            self.out.truncate(mark);
            return Err(self.invalid_char(bad));
        }
        self.close_tag(name);
        Ok(())
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
}

/// How [`escape_text_into`] treats each byte of text content.
const PLAIN: u8 = 0;
/// `&`, `<`, `>`, CR: written as a reference.
const ESCAPED: u8 = 1;
/// A C0 control but tab, LF and CR: XML 1.0 cannot carry it.
const CONTROL: u8 = 2;
/// `0xEF`: the first byte of U+FFFE / U+FFFF (`EF BF BE`, `EF BF BF`), which XML 1.0 cannot
/// carry either (a Rust string holds no surrogate: these are all the characters it refuses).
const MAYBE_NONCHAR: u8 = 3;

static TEXT_BYTES: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = CONTROL;
        b += 1;
    }
    table[b'\t' as usize] = PLAIN;
    table[b'\n' as usize] = PLAIN;
    table[b'\r' as usize] = ESCAPED;
    table[b'&' as usize] = ESCAPED;
    table[b'<' as usize] = ESCAPED;
    table[b'>' as usize] = ESCAPED;
    table[0xEF] = MAYBE_NONCHAR;
    table
};

/// Appends text content escaped as quick-xml escapes it (`&amp;`, `&lt;`, `&gt;`, and `&#13;`
/// for CR, which must survive end-of-line normalisation), in one pass that also refuses the
/// characters XML 1.0 cannot carry (`Err` holds the first; the output is then incomplete).
fn escape_text_into(out: &mut Vec<u8>, text: &str) -> std::result::Result<(), char> {
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement: &[u8] = match TEXT_BYTES[usize::from(b)] {
            PLAIN => continue,
            ESCAPED => match b {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                _ => b"&#13;",
            },
            CONTROL => return Err(char::from(b)),
            _ => {
                if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
                {
                    return Err(text
                        .get(i..)
                        .and_then(|r| r.chars().next())
                        .unwrap_or('\u{FFFE}'));
                }
                continue;
            }
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(replacement);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    Ok(())
}

/// Appends an attribute value escaped as quick-xml escapes it: `&`, `<`, `>`, `'`, `"`, and CR,
/// LF, tab as character references (attribute-value normalisation would turn them into spaces).
fn escape_attribute_into(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement: &[u8] = match b {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            b'\'' => b"&apos;",
            b'"' => b"&quot;",
            b'\r' => b"&#13;",
            b'\n' => b"&#10;",
            b'\t' => b"&#9;",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(replacement);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
}
