//! A bounded, DTD-free pull reader over one XML document held in memory.
//!
//! Built on quick-xml's reader and namespace resolver. It refuses what this protocol never needs and an
//! attacker would love: DOCTYPE declarations and entity references other than the five predefined
//! ones and character references; nesting deeper than [`Limits::max_depth`]; documents larger than
//! [`Limits::max_document_bytes`]; text nodes larger than [`Limits::max_text_bytes`]; control
//! characters XML 1.0 cannot carry; invalid UTF-8; a second root; a truncated document.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, QName, ResolveResult};
use quick_xml::reader::Reader;

use crate::error::{Error, ErrorCode, Result};

/// Bounds applied to every document parsed. The defaults admit real responses of several MB;
/// raise them for exceptional cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted document, in bytes (default 16 MiB).
    pub max_document_bytes: usize,
    /// Deepest accepted element nesting, the root counting as 1 (default 64).
    pub max_depth: usize,
    /// Largest accepted text content of one element, in bytes (default 1 MiB).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 16 << 20,
            max_depth: 64,
            max_text_bytes: 1 << 20,
        }
    }
}

/// What a parse may hold beyond three times the document's size (see [`XmlReader::charge`]).
const AMPLIFICATION_FLOOR: usize = 1 << 20;

/// The namespaces this protocol cares about; everything else is [`Ns::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// No namespace (the payloads, after `xmlns=""`).
    None,
    /// `http://schemas.xmlsoap.org/soap/envelope/`
    Soap11,
    /// `http://www.w3.org/2003/05/soap-envelope`
    Soap12,
    /// `https://ecomm.sella.it/` (WsCryptDecrypt)
    CryptDecrypt,
    /// `https://ecomms2s.sella.it/` (WsS2S)
    S2s,
    /// Any other namespace, or an unbound prefix.
    Other,
}

pub(crate) const NS_SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub(crate) const NS_SOAP12: &str = "http://www.w3.org/2003/05/soap-envelope";
pub(crate) const NS_CRYPTDECRYPT: &str = "https://ecomm.sella.it/";
pub(crate) const NS_S2S: &str = "https://ecomms2s.sella.it/";

impl Ns {
    fn classify(resolved: &ResolveResult<'_>) -> Ns {
        match resolved {
            ResolveResult::Unbound => Ns::None,
            ResolveResult::Bound(ns) => match ns.into_inner() {
                "" => Ns::None,
                NS_SOAP11 => Ns::Soap11,
                NS_SOAP12 => Ns::Soap12,
                NS_CRYPTDECRYPT => Ns::CryptDecrypt,
                NS_S2S => Ns::S2s,
                _ => Ns::Other,
            },
            ResolveResult::Unknown(_) => Ns::Other,
        }
    }
}

/// An element start met by [`XmlReader::next_child`]. Its content has not been read yet: the
/// caller must read it (text, children) or [`skip`](XmlReader::skip) it.
#[derive(Debug, Clone, Copy)]
pub struct Child<'a> {
    /// The element's local name (prefix removed).
    pub local: &'a str,
    /// The element's namespace.
    pub ns: Ns,
    /// True for a self-closing element (`<x/>`), which has no content to read.
    pub empty: bool,
}

/// The reader. See the module docs for what it refuses.
#[derive(Debug)]
pub struct XmlReader<'a> {
    inner: Reader<&'a [u8]>,
    /// The namespace bindings in scope. Only elements that carry attributes can declare one:
    /// the others are not pushed (quick-xml's `NsReader` pushes every element).
    resolver: NamespaceResolver,
    /// Elements open, and the levels among them whose bindings were pushed.
    open: usize,
    pushed: Vec<usize>,
    /// Bindings to pop when the next event is read (after an empty element, or an end tag).
    pending_pop: bool,
    /// The namespace of unprefixed names in scope.
    default_ns: Ns,
    input: &'a str,
    depth: usize,
    limits: Limits,
    root_done: bool,
    /// Heap the parsed values will hold, as charged by [`charge`](Self::charge).
    charged: usize,
    /// The most that may be charged: three times the document, plus 1 MiB.
    budget: usize,
}

impl<'a> XmlReader<'a> {
    /// Starts reading `body`, checking its size, encoding and characters first.
    pub fn new(body: &'a [u8], limits: Limits) -> Result<Self> {
        if body.len() > limits.max_document_bytes {
            return Err(Error::malformed(
                ErrorCode::TooLarge,
                format!(
                    "document of {} bytes exceeds the limit of {} bytes",
                    body.len(),
                    limits.max_document_bytes
                ),
            ));
        }
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        // SIMD validation: the whole document is checked once, up front (a sixth of a parse's
        // instructions with `std::str::from_utf8`).
        let text = simdutf8::compat::from_utf8(body).map_err(|e| {
            Error::malformed(
                ErrorCode::InvalidUtf8,
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            )
        })?;
        if let Some(pos) = first_control_byte(body) {
            return Err(Error::malformed(
                ErrorCode::XmlSyntax,
                format!(
                    "control character 0x{:02X} at byte {pos} is not allowed in XML 1.0",
                    body[pos]
                ),
            ));
        }
        let mut inner = Reader::from_str(text);
        let config = inner.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Ok(XmlReader {
            inner,
            resolver: NamespaceResolver::default(),
            open: 0,
            pushed: Vec::new(),
            pending_pop: false,
            default_ns: Ns::None,
            input: text,
            depth: 0,
            limits,
            root_done: false,
            charged: 0,
            budget: body
                .len()
                .saturating_mul(3)
                .saturating_add(AMPLIFICATION_FLOOR),
        })
    }

    /// Re-borrows a name that quick-xml handed out with a short lifetime from the input it points
    /// into, so that it can outlive the event. Names always point into the input with a slice
    /// reader; anything else (never expected) maps to the empty name, which
    /// matches nothing.
    fn reborrow(&self, s: &str) -> &'a str {
        let base = self.input.as_ptr() as usize;
        let start = s.as_ptr() as usize;
        match start.checked_sub(base) {
            Some(off) if off + s.len() <= self.input.len() => {
                self.input.get(off..off + s.len()).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Counts `bytes` of heap that the parsed value will hold (texts, list storage while it
    /// grows), and refuses a document whose values would take more than three times its size
    /// plus 1 MiB: a small element can become a large value (a one-field `<ProductDetail>` of 40
    /// bytes is a struct of 576), and this bound keeps the memory of a parse proportional to its
    /// input. Real documents stay well below it (a list of structs costs 1.2–1.6× its XML, 2.5×
    /// for a moment while the list grows).
    pub(crate) fn charge(&mut self, bytes: usize) -> Result<()> {
        self.charged = self.charged.saturating_add(bytes);
        if self.charged > self.budget {
            return Err(Error::malformed(
                ErrorCode::TooLarge,
                format!(
                    "the values of this document would take more than three times its size (+{} KiB) in memory",
                    AMPLIFICATION_FLOOR >> 10
                ),
            ));
        }
        Ok(())
    }

    /// True when [`charge`](Self::charge) would accept `bytes` more.
    pub(crate) fn has_room(&self, bytes: usize) -> bool {
        self.charged.saturating_add(bytes) <= self.budget
    }

    /// Gives back what [`charge`](Self::charge) counted for storage that has been freed.
    pub(crate) fn release(&mut self, bytes: usize) {
        self.charged = self.charged.saturating_sub(bytes);
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn syntax(&self, e: impl std::fmt::Display) -> Error {
        Error::malformed(
            ErrorCode::XmlSyntax,
            format!(
                "XML syntax error near byte {}: {e}",
                self.inner.error_position()
            ),
        )
    }

    #[inline(always)]
    fn next_event(&mut self) -> Result<Event<'a>> {
        if self.pending_pop {
            self.resolver.pop();
            self.pending_pop = false;
            self.refresh_default_ns();
        }
        match self.inner.read_event() {
            Ok(Event::Start(s)) => {
                self.open += 1;
                if !s.attributes_raw().is_empty() {
                    self.push_bindings(&s)?;
                    self.pushed.push(self.open);
                }
                Ok(Event::Start(s))
            }
            Ok(Event::Empty(s)) => {
                if !s.attributes_raw().is_empty() {
                    self.push_bindings(&s)?;
                    self.pending_pop = true;
                }
                Ok(Event::Empty(s))
            }
            Ok(Event::End(e)) => {
                if self.pushed.last() == Some(&self.open) {
                    self.pushed.pop();
                    self.pending_pop = true;
                }
                self.open = self.open.saturating_sub(1);
                Ok(Event::End(e))
            }
            Ok(Event::DocType(d)) if d.trim_start().to_ascii_lowercase().starts_with("html") => {
                Err(Error::malformed(
                    ErrorCode::NotSoap,
                    "expected a SOAP envelope, got an HTML page",
                ))
            }
            Ok(Event::DocType(_)) => Err(Error::malformed(
                ErrorCode::DtdRefused,
                "a DOCTYPE declaration is not accepted (no DTDs, no entities)",
            )),
            Ok(ev) => Ok(ev),
            Err(e) => Err(self.syntax(e)),
        }
    }

    /// Adds the namespace bindings an element declares (its `xmlns` attributes).
    fn push_bindings(&mut self, start: &BytesStart<'_>) -> Result<()> {
        // quick-xml reads attributes lazily: a malformed list (`a=:"x"`, `a a`, a duplicate)
        // is only seen when iterated, so every list is, once, whatever the element is.
        // Duplicates are looked for among the first keys without quick-xml's per-element list
        // (an allocation per element, 1 % of a small document's parse); a longer list gets
        // quick-xml's own check.
        let mut keys: [&str; 8] = [""; 8];
        let mut seen = 0;
        for attribute in start.attributes().with_checks(false) {
            let attribute = attribute.map_err(|e| self.syntax(quick_xml::Error::InvalidAttr(e)))?;
            let key = attribute.key.into_inner();
            let Some(slot) = keys.get_mut(seen) else {
                seen += 1;
                break;
            };
            *slot = key;
            if keys.get(..seen).is_some_and(|before| before.contains(&key)) {
                return Err(self.syntax(format!(
                    "the attribute `{key}` appears twice in one element"
                )));
            }
            seen += 1;
        }
        if seen > keys.len() {
            for attribute in start.attributes().with_checks(true) {
                attribute.map_err(|e| self.syntax(quick_xml::Error::InvalidAttr(e)))?;
            }
        }
        self.resolver
            .push(start)
            .map_err(|e| self.syntax(quick_xml::Error::Namespace(e)))?;
        self.refresh_default_ns();
        Ok(())
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(Error::malformed(
                ErrorCode::TooDeep,
                format!(
                    "elements nested deeper than the limit of {}",
                    self.limits.max_depth
                ),
            ));
        }
        Ok(())
    }

    fn child_of(&self, start: &quick_xml::events::BytesStart<'a>, empty: bool) -> Child<'a> {
        let name = start.name();
        // Most names have no prefix: their namespace is the default one in scope, kept at hand.
        if !name.0.bytes().any(|b| b == b':') {
            let local = self.reborrow(name.0);
            return Child {
                local,
                ns: self.default_ns,
                empty,
            };
        }
        let (resolved, local) = self.resolver.resolve_element(name);
        let ns = Ns::classify(&resolved);
        let local = self.reborrow(local.into_inner());
        Child { local, ns, empty }
    }

    /// Recomputes the default namespace after the bindings changed.
    fn refresh_default_ns(&mut self) {
        let (resolved, _) = self.resolver.resolve_element(QName("x"));
        self.default_ns = Ns::classify(&resolved);
    }

    /// The document's root element. Leading declaration, comments and whitespace are skipped.
    pub fn root(&mut self) -> Result<Child<'a>> {
        loop {
            match self.next_event()? {
                Event::Start(s) => {
                    self.enter()?;
                    return Ok(self.child_of(&s, false));
                }
                Event::Empty(s) => {
                    self.root_done = true;
                    return Ok(self.child_of(&s, true));
                }
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => {
                    return Err(Error::malformed(
                        ErrorCode::NotSoap,
                        "the document is empty",
                    ));
                }
                _ => {
                    return Err(Error::malformed(
                        ErrorCode::NotSoap,
                        "the document does not start with an XML element",
                    ));
                }
            }
        }
    }

    /// The next child element of the element being read, or `None` at its end tag. Text between
    /// children (whitespace, or placeholder text in hand-written examples), comments and
    /// processing instructions are skipped.
    pub fn next_child(&mut self) -> Result<Option<Child<'a>>> {
        loop {
            match self.next_event()? {
                Event::Start(s) => {
                    self.enter()?;
                    return Ok(Some(self.child_of(&s, false)));
                }
                Event::Empty(s) => {
                    let child = self.child_of(&s, true);
                    // An empty element still counts for depth.
                    self.enter()?;
                    self.depth -= 1;
                    return Ok(Some(child));
                }
                Event::End(_) => {
                    self.leave();
                    return Ok(None);
                }
                Event::GeneralRef(r) => {
                    self.check_ref(&r)?;
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.root_done = true;
        }
    }

    fn truncated(&self) -> Error {
        Error::malformed(
            ErrorCode::XmlSyntax,
            "the document is truncated (unexpected end)",
        )
    }

    fn check_ref(&self, r: &quick_xml::events::BytesRef<'_>) -> Result<Option<char>> {
        if r.is_char_ref() {
            return match r.resolve_char_ref() {
                Ok(Some(c)) if is_xml_char(c) => Ok(Some(c)),
                _ => Err(Error::malformed(
                    ErrorCode::XmlSyntax,
                    format!("invalid character reference &{};", &**r),
                )),
            };
        }
        match &**r {
            "amp" => Ok(Some('&')),
            "lt" => Ok(Some('<')),
            "gt" => Ok(Some('>')),
            "apos" => Ok(Some('\'')),
            "quot" => Ok(Some('"')),
            other => Err(Error::malformed(
                ErrorCode::DtdRefused,
                format!("undeclared entity reference &{other}; (entities are not accepted)"),
            )),
        }
    }

    /// Reads the text content of `child` (unescaped, CDATA included) up to its end tag. Nested
    /// elements are skipped; their text is not included.
    pub fn read_text(&mut self, child: &Child<'a>) -> Result<String> {
        self.read_text_cow(child).map(Cow::into_owned)
    }

    /// [`read_text`](Self::read_text), borrowing from the document when the text is one plain
    /// run (no reference, no CDATA, no CR): what most leaves are, read without a copy.
    pub fn read_text_cow(&mut self, child: &Child<'a>) -> Result<Cow<'a, str>> {
        if child.empty {
            return Ok(Cow::Borrowed(""));
        }
        // The usual leaf, one run of text and the end tag, without the general loop.
        let event = self.next_event()?;
        let Event::Text(t) = event else {
            return self.read_text_rest(child, Cow::Borrowed(""), event);
        };
        let first = t.xml10_content();
        if first.len() > self.limits.max_text_bytes {
            return Err(self.text_too_large(child));
        }
        let event = self.next_event()?;
        if let Event::End(_) = event {
            self.leave();
            self.charge(first.len())?;
            return Ok(first);
        }
        self.read_text_rest(child, first, event)
    }

    fn text_too_large(&self, child: &Child<'a>) -> Error {
        Error::malformed_at(
            ErrorCode::TooLarge,
            child.local,
            format!(
                "text content exceeds the limit of {} bytes",
                self.limits.max_text_bytes
            ),
        )
    }

    /// The general case of [`read_text_cow`](Self::read_text_cow), from `event` on.
    fn read_text_rest(
        &mut self,
        child: &Child<'a>,
        mut out: Cow<'a, str>,
        mut event: Event<'a>,
    ) -> Result<Cow<'a, str>> {
        loop {
            match event {
                Event::Text(t) => append(&mut out, t.xml10_content()),
                Event::CData(c) => append(&mut out, c.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(c) = self.check_ref(&r)? {
                        out.to_mut().push(c);
                    }
                }
                Event::Start(_) => {
                    self.enter()?;
                    self.skip_open()?;
                }
                Event::End(_) => {
                    self.leave();
                    self.charge(out.len())?;
                    return Ok(out);
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
            if out.len() > self.limits.max_text_bytes {
                return Err(self.text_too_large(child));
            }
            event = self.next_event()?;
        }
    }

    /// Reads an element that may hold text *or* child elements (the gateway uses both shapes
    /// for `VbV`): direct text is returned, each child element is handed to `on_child`, which
    /// must consume it.
    pub fn read_mixed(
        &mut self,
        child: &Child<'a>,
        mut on_child: impl FnMut(&mut Self, Child<'a>) -> Result<()>,
    ) -> Result<String> {
        let mut out = String::new();
        if child.empty {
            return Ok(out);
        }
        loop {
            match self.next_event()? {
                Event::Text(t) => out.push_str(&t.xml10_content()),
                Event::CData(c) => out.push_str(&c.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(c) = self.check_ref(&r)? {
                        out.push(c);
                    }
                }
                Event::Start(s) => {
                    self.enter()?;
                    let c = self.child_of(&s, false);
                    on_child(self, c)?;
                }
                Event::Empty(s) => {
                    let c = self.child_of(&s, true);
                    on_child(self, c)?;
                }
                Event::End(_) => {
                    self.leave();
                    self.charge(out.len())?;
                    return Ok(out);
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
            if out.len() > self.limits.max_text_bytes {
                return Err(self.text_too_large(child));
            }
        }
    }

    /// Reads all the text under `child`, its descendants' included (for unknown elements).
    pub fn read_all_text(&mut self, child: &Child<'a>) -> Result<String> {
        let mut out = String::new();
        if child.empty {
            return Ok(out);
        }
        let start_depth = self.depth;
        loop {
            match self.next_event()? {
                Event::Text(t) => out.push_str(&t.xml10_content()),
                Event::CData(c) => out.push_str(&c.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(c) = self.check_ref(&r)? {
                        out.push(c);
                    }
                }
                Event::Start(_) => self.enter()?,
                Event::End(_) => {
                    self.leave();
                    if self.depth < start_depth {
                        self.charge(out.len())?;
                        return Ok(out);
                    }
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
            if out.len() > self.limits.max_text_bytes {
                return Err(self.text_too_large(child));
            }
        }
    }

    /// Skips `child` and everything inside it, still enforcing every limit.
    pub fn skip(&mut self, child: &Child<'a>) -> Result<()> {
        if child.empty {
            return Ok(());
        }
        self.skip_open()
    }

    /// Skips up to the end tag of the element most recently entered.
    fn skip_open(&mut self) -> Result<()> {
        let start_depth = self.depth;
        loop {
            match self.next_event()? {
                Event::Start(_) => self.enter()?,
                Event::End(_) => {
                    self.leave();
                    if self.depth < start_depth {
                        return Ok(());
                    }
                }
                Event::GeneralRef(r) => {
                    self.check_ref(&r)?;
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
    }

    /// Skips the rest of the element being read (all remaining children) up to its end tag.
    pub fn skip_rest(&mut self) -> Result<()> {
        self.skip_open()
    }

    /// Checks that nothing but whitespace, comments and processing instructions follows the root.
    pub fn finish(mut self) -> Result<()> {
        if !self.root_done {
            return Err(self.truncated());
        }
        loop {
            match self.next_event()? {
                Event::Eof => return Ok(()),
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::Start(_) | Event::Empty(_) => {
                    return Err(Error::malformed(
                        ErrorCode::XmlSyntax,
                        "more than one root element",
                    ));
                }
                _ => {
                    return Err(Error::malformed(
                        ErrorCode::XmlSyntax,
                        "unexpected content after the root element",
                    ));
                }
            }
        }
    }
}

/// The position of the first C0 control byte other than tab, LF and CR. Eight bytes at a time:
/// a word is looked into only when one of its bytes is below 0x20.
fn first_control_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let is_control = |b: &u8| *b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r');
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // Non-zero exactly when some byte of the word is below 0x20.
        if word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0
            && let Some(i) = chunk.iter().position(is_control)
        {
            return Some(offset + i);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(is_control)
        .map(|i| offset + i)
}

/// Appends a run of text: the first run is kept borrowed, a second one makes the text owned.
fn append<'a>(out: &mut Cow<'a, str>, run: Cow<'a, str>) {
    if out.is_empty() {
        *out = run;
    } else {
        out.to_mut().push_str(&run);
    }
}

/// True for an XML name without a prefix (`NCName` of Namespaces in XML 1.0): what an element's
/// local name must be, and what an element kept from a document can be written back as.
pub(crate) fn is_ncname(name: &str) -> bool {
    let start = |c: char| {
        matches!(c, 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
            | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
            | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
            | '\u{10000}'..='\u{EFFFF}')
    };
    let mut chars = name.chars();
    chars.next().is_some_and(start)
        && chars.all(|c| {
            start(c)
                || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}'
                    | '\u{203F}'..='\u{2040}')
        })
}

/// True for characters XML 1.0 documents may contain.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::first_control_byte;

    fn naive(bytes: &[u8]) -> Option<usize> {
        bytes
            .iter()
            .position(|b| *b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r'))
    }

    /// The word-at-a-time search agrees with the byte-by-byte one for every byte value at
    /// every position of a word, among text, whitespace and high bytes (borrows between bytes
    /// are where such tricks go wrong).
    #[test]
    fn word_search_matches_the_byte_search() {
        let fillers: [&[u8]; 4] = [
            b"abcdefgh",
            b"\n\t\r \n\t\r ",
            b"\xc3\xa9\xff\x80\x1f\x20\x7f\x00",
            b"\r\n\r\n\r\n\r\n",
        ];
        for filler in fillers {
            for len in 0..24 {
                let base: Vec<u8> = filler.iter().copied().cycle().take(len).collect();
                assert_eq!(first_control_byte(&base), naive(&base), "{base:?}");
                for at in 0..len {
                    for value in 0..=255u8 {
                        let mut bytes = base.clone();
                        bytes[at] = value;
                        assert_eq!(first_control_byte(&bytes), naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }
}
