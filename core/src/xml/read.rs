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
use crate::xml::chars::{first_control_byte, is_xml_char};

mod attributes;
mod content;

pub(crate) use content::Content;

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
/// caller must read it (text, children) or [`skip`](XmlReader::skip) it. Its attributes are
/// read with [`XmlReader::attributes`].
#[derive(Debug, Clone, Copy)]
pub struct Child<'a> {
    /// The element's local name (prefix removed).
    pub local: &'a str,
    /// The element's namespace.
    pub ns: Ns,
    /// True for a self-closing element (`<x/>`), which has no content to read.
    pub empty: bool,
    /// The attribute list as written (after the name, up to `>` or `/>`); `""` when none.
    raw_attributes: &'a str,
    /// The name as written, prefix included (see [`XmlReader::resolve`]).
    qname: &'a str,
}

impl<'a> Child<'a> {
    /// True when the start tag carries attributes (namespace declarations included).
    pub fn has_attributes(&self) -> bool {
        !self.raw_attributes.trim().is_empty()
    }

    /// The element's name as written, prefix included (`soap12:Detail`).
    pub(crate) fn qname(&self) -> &'a str {
        self.qname
    }
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
    /// True once any event has been read: an XML declaration is only allowed before.
    started: bool,
    /// Heap the parsed values will hold, as charged by [`charge`](Self::charge).
    charged: usize,
    /// The most that may be charged: three times the document, plus 1 MiB.
    budget: usize,
}

/// `too_large` for a document over `limits.max_document_bytes`: checked before reading, and
/// before transcoding a document in another charset.
pub(crate) fn check_document_size(body: &[u8], limits: &Limits) -> Result<()> {
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
    Ok(())
}

impl<'a> XmlReader<'a> {
    /// Starts reading `body`, checking its size, encoding and characters first.
    pub fn new(body: &'a [u8], limits: Limits) -> Result<Self> {
        check_document_size(body, &limits)?;
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
            started: false,
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
        self.syntax_at(self.inner.error_position(), e)
    }

    fn syntax_at(&self, position: impl std::fmt::Display, e: impl std::fmt::Display) -> Error {
        Error::malformed(
            ErrorCode::XmlSyntax,
            format!("XML syntax error near byte {position}: {e}"),
        )
    }

    /// Where `s`, a slice of the document, starts (in bytes from the start of the text, after
    /// a BOM); `None` for a string that is not a slice of the document.
    fn offset_of(&self, s: &str) -> Option<usize> {
        let base = self.input.as_ptr() as usize;
        let off = (s.as_ptr() as usize).checked_sub(base)?;
        (off + s.len() <= self.input.len()).then_some(off)
    }

    // Inlined in each of the reader's loops, but in a build for size (`--cfg gestpay_small`,
    // the read-only WASM module: core/build.rs).
    #[cfg_attr(not(gestpay_small), inline(always))]
    fn next_event(&mut self) -> Result<Event<'a>> {
        if self.pending_pop {
            self.pop_bindings();
        }
        let started = std::mem::replace(&mut self.started, true);
        let at = self.inner.buffer_position();
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
            Ok(ev @ (Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) | Event::Eof)) => {
                Ok(ev)
            }
            other => self.other_event(other, started, at),
        }
    }

    /// The bindings of the element just closed go out of scope.
    #[inline(never)]
    fn pop_bindings(&mut self) {
        self.resolver.pop();
        self.pending_pop = false;
        self.refresh_default_ns();
    }

    /// The rare events of [`next_event`](Self::next_event) (declarations, comments, processing
    /// instructions, errors), out of line: `next_event` is inlined in every loop of the reader.
    #[inline(never)]
    fn other_event(
        &self,
        event: std::result::Result<Event<'a>, quick_xml::Error>,
        started: bool,
        at: u64,
    ) -> Result<Event<'a>> {
        match event {
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
            // The declaration is the document's very first bytes or nothing: after whitespace,
            // a comment or another declaration it is not XML.
            Ok(Event::Decl(_)) if started => Err(self.misplaced_declaration(at)),
            Ok(Event::PI(pi)) if pi.target().eq_ignore_ascii_case("xml") => {
                Err(self.misplaced_declaration(at))
            }
            Ok(ev) => Ok(ev),
            Err(e) => Err(self.syntax(e)),
        }
    }

    fn misplaced_declaration(&self, at: u64) -> Error {
        self.syntax_at(
            at,
            "an XML declaration is allowed only once, as the very start of the document",
        )
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
        // Positions are reported in the document: quick-xml's are relative to the tag.
        let tag = self.offset_of(start.name().0).unwrap_or(0);
        for attribute in start.attributes().with_checks(false) {
            let attribute = attribute.map_err(|e| self.attribute_error(tag, e))?;
            let key = attribute.key.into_inner();
            self.check_attribute_value(&attribute, tag)?;
            let Some(slot) = keys.get_mut(seen) else {
                seen += 1;
                break;
            };
            *slot = key;
            if keys.get(..seen).is_some_and(|before| before.contains(&key)) {
                return Err(self.syntax_at(
                    self.offset_of(key).unwrap_or(tag),
                    format!("the attribute `{key}` appears twice in one element"),
                ));
            }
            seen += 1;
        }
        if seen > keys.len() {
            for attribute in start.attributes().with_checks(true) {
                let attribute = attribute.map_err(|e| self.attribute_error(tag, e))?;
                self.check_attribute_value(&attribute, tag)?;
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
        let raw = start.attributes_raw();
        let raw_attributes = if raw.is_empty() {
            ""
        } else {
            self.reborrow(raw)
        };
        // Most names have no prefix: their namespace is the default one in scope, kept at hand.
        if !name.0.bytes().any(|b| b == b':') {
            let local = self.reborrow(name.0);
            return Child {
                local,
                ns: self.default_ns,
                empty,
                raw_attributes,
                qname: local,
            };
        }
        let (resolved, local) = self.resolver.resolve_element(name);
        let ns = Ns::classify(&resolved);
        let local = self.reborrow(local.into_inner());
        Child {
            local,
            ns,
            empty,
            raw_attributes,
            qname: self.reborrow(name.0),
        }
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

    /// Reads the text content of `child` (unescaped, CDATA included) up to its end tag. An
    /// element inside is refused (`mixed_content`, at `child`): `O<x/>K` is not the text `OK`.
    /// Comments and processing instructions are skipped.
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
        let mut mixed: Option<&'a str> = None;
        loop {
            match event {
                Event::Text(t) => append(&mut out, t.xml10_content()),
                Event::CData(c) => append(&mut out, c.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(c) = self.check_ref(&r)? {
                        out.to_mut().push(c);
                    }
                }
                // Refused once the leaf is read to its end, so that a document that is not
                // well-formed is reported as such first.
                Event::Start(s) => {
                    mixed = mixed.or(Some(self.child_of(&s, false).local));
                    self.enter()?;
                    self.skip_open()?;
                }
                Event::Empty(s) => mixed = mixed.or(Some(self.child_of(&s, true).local)),
                Event::End(_) => {
                    self.leave();
                    if let Some(inner) = mixed {
                        return Err(Error::malformed_at(
                            ErrorCode::MixedContent,
                            child.local,
                            format!(
                                "the element `{inner}` inside `{}`, which holds text",
                                child.local
                            ),
                        ));
                    }
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

/// Appends a run of text: the first run is kept borrowed, a second one makes the text owned.
fn append<'a>(out: &mut Cow<'a, str>, run: Cow<'a, str>) {
    if out.is_empty() {
        *out = run;
    } else {
        out.to_mut().push_str(&run);
    }
}
