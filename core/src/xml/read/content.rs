//! Reading an element's content as it comes, text and elements mixed: for the elements the
//! gateway sends in either shape (`VbV`), and for walking a tree without recursion.

use std::borrow::Cow;

use quick_xml::events::Event;

use super::{Child, XmlReader};
use crate::error::{Error, ErrorCode, Result};

/// A piece of an element's content, as [`XmlReader::next_content`] reads it.
#[derive(Debug)]
pub enum Content<'a> {
    /// A run of text.
    Text(Cow<'a, str>),
    /// A child element (see [`Child::empty`]).
    Element(Child<'a>),
    /// The end of the element being read.
    End,
}

impl<'a> XmlReader<'a> {
    /// Reads an element that may hold text *or* child elements (the gateway uses both shapes
    /// for `VbV`): direct text is returned, each child element is handed to `on_child`, which
    /// must consume it.
    pub fn read_mixed(
        &mut self,
        child: &Child<'a>,
        mut on_child: impl FnMut(&mut Self, Child<'a>) -> Result<()>,
    ) -> Result<String> {
        self.read_mixed_dyn(child, &mut on_child)
    }

    /// [`read_mixed`](Self::read_mixed), not generic: one copy of the event loop for every
    /// caller (the WASM modules' size).
    fn read_mixed_dyn(
        &mut self,
        child: &Child<'a>,
        on_child: &mut dyn FnMut(&mut Self, Child<'a>) -> Result<()>,
    ) -> Result<String> {
        let mut out = String::new();
        if child.empty {
            return Ok(out);
        }
        loop {
            match self.next_content()? {
                Content::Text(t) => out.push_str(&t),
                Content::Element(c) => on_child(self, c)?,
                Content::End => {
                    self.charge(out.len())?;
                    return Ok(out);
                }
            }
            if out.len() > self.limits.max_text_bytes {
                return Err(self.text_too_large(child));
            }
        }
    }

    /// The next piece of content of the element being read: a run of text (references
    /// resolved, CDATA included), a child element (entered unless empty: its content comes
    /// next, up to its [`Content::End`]), or the end of the element being read. Comments and
    /// processing instructions are skipped. For readers that walk a tree without recursion.
    pub fn next_content(&mut self) -> Result<Content<'a>> {
        loop {
            match self.next_event()? {
                Event::Text(t) => return Ok(Content::Text(t.xml10_content())),
                Event::CData(c) => return Ok(Content::Text(c.xml10_content())),
                Event::GeneralRef(r) => {
                    if let Some(c) = self.check_ref(&r)? {
                        return Ok(Content::Text(Cow::Owned(c.to_string())));
                    }
                }
                Event::Start(s) => {
                    self.enter()?;
                    return Ok(Content::Element(self.child_of(&s, false)));
                }
                Event::Empty(s) => {
                    let child = self.child_of(&s, true);
                    // An empty element still counts for depth.
                    self.enter()?;
                    self.depth -= 1;
                    return Ok(Content::Element(child));
                }
                Event::End(_) => {
                    self.leave();
                    return Ok(Content::End);
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
    }

    /// The error for a text content of `element` beyond [`Limits::max_text_bytes`].
    pub(crate) fn text_limit(&self, element: &str, len: usize) -> Result<()> {
        if len > self.limits.max_text_bytes {
            return Err(Error::malformed_at(
                ErrorCode::TooLarge,
                element,
                format!(
                    "text content exceeds the limit of {} bytes",
                    self.limits.max_text_bytes
                ),
            ));
        }
        Ok(())
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
}
