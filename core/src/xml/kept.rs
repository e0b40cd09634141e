//! What a result keeps beyond the fields it knows, so that nothing the gateway sends is lost:
//! unknown elements as trees ([`UnknownElement`]), the attributes of its own element and of its
//! known leaves ([`KeptAttribute`], [`ChildAttributes`]), all written back when the value is
//! built again.
//!
//! `Debug` of these types shows names, never values: an unknown `<CardNumber>` may carry a
//! card number.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode, Result};
use crate::xml::chars::{is_ncname, is_qname};
use crate::xml::model::reserve_one;
use crate::xml::read::{Child, Content, XmlReader};
use crate::xml::write::XmlWriter;

/// A list of what a value keeps beyond its known fields: one pointer while empty, which it
/// almost always is (results are read in place, and lists of them are charged to the parse's
/// memory budget: three such lists per model must not make every model larger). In JSON, a
/// plain list. It reads as a slice; [`to_mut`](KeptList::to_mut) gives the `Vec`.
// A `Vec` costs three words; boxed, one: the extra allocation is made only for a list that
// holds something, which a result's almost never does.
#[allow(clippy::box_collection)]
pub struct KeptList<T>(Option<Box<Vec<T>>>);

impl<T> KeptList<T> {
    /// An empty list (no allocation).
    pub const fn new() -> Self {
        KeptList(None)
    }

    /// True when the list holds nothing.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|v| v.is_empty())
    }

    /// The items, as a slice.
    pub fn as_slice(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The list as a `Vec`, to change it (allocated on first use).
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        self.0.get_or_insert_with(Box::default)
    }

    /// Adds an item.
    pub fn push(&mut self, item: T) {
        self.to_mut().push(item);
    }

    /// The items, as a `Vec`.
    pub fn into_vec(self) -> Vec<T> {
        self.0.map(|v| *v).unwrap_or_default()
    }
}

impl<T> Default for KeptList<T> {
    fn default() -> Self {
        KeptList(None)
    }
}

impl<T: Clone> Clone for KeptList<T> {
    fn clone(&self) -> Self {
        self.as_slice().to_vec().into()
    }
}

impl<T> std::ops::Deref for KeptList<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: PartialEq> PartialEq for KeptList<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for KeptList<T> {}

impl<T: std::hash::Hash> std::hash::Hash for KeptList<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<T: fmt::Debug> fmt::Debug for KeptList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<T> From<Vec<T>> for KeptList<T> {
    fn from(items: Vec<T>) -> Self {
        KeptList((!items.is_empty()).then(|| Box::new(items)))
    }
}

impl<T> FromIterator<T> for KeptList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<T>>().into()
    }
}

impl<'a, T> IntoIterator for &'a KeptList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T: Serialize> Serialize for KeptList<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for KeptList<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Vec::<T>::deserialize(d).map(KeptList::from)
    }
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for KeptList<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        <Vec<T>>::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        <Vec<T>>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<T>>::json_schema(generator)
    }
}

/// One attribute kept from a document: its qualified name as written (`DateFormat`,
/// `xsi:type`) and its value (references resolved).
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeptAttribute {
    /// The qualified name as written.
    pub name: String,
    /// The value.
    pub value: String,
}

impl fmt::Debug for KeptAttribute {
    // Names only: a value may be sensitive.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeptAttribute")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The attributes a known leaf (or list wrapper) carried, kept by the element that holds it:
/// a leaf's value is plain text, with no room of its own for them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChildAttributes {
    /// The child's name as written (`ShopTransactionID`, or the spelling read).
    pub element: String,
    /// Its attributes, in document order.
    pub attributes: Vec<KeptAttribute>,
}

/// An element of a payload that this version of the library does not know, kept whole: its
/// attributes, and either its text or its child elements (themselves kept whole). Written back
/// as it came when the value is built again.
///
/// An unknown element holds text *or* elements: text beside child elements (other than the
/// whitespace that indents them) is refused as `mixed_content`. Its text is kept verbatim
/// (escaped CDATA is not unwrapped here).
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnknownElement {
    /// The element's local name.
    pub name: String,
    /// Its attributes as written, namespace declarations included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<KeptAttribute>,
    /// Its child elements, in order (empty for a leaf).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<UnknownElement>,
    /// Its text, unescaped (empty when it has children, or for an empty element).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl UnknownElement {
    /// A leaf: `<name>text</name>`.
    pub fn leaf(name: impl Into<String>, text: impl Into<String>) -> Self {
        UnknownElement {
            name: name.into(),
            text: text.into(),
            ..UnknownElement::default()
        }
    }

    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&UnknownElement> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The value of the attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_str())
    }
}

impl fmt::Debug for UnknownElement {
    // Names only, never values: an unknown `<CardNumber>` must not reach a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("UnknownElement");
        s.field("name", &self.name);
        if !self.attributes.is_empty() {
            let names: Vec<&str> = self.attributes.iter().map(|a| a.name.as_str()).collect();
            s.field("attributes", &names);
        }
        if !self.children.is_empty() {
            s.field("children", &self.children);
        }
        if !self.text.is_empty() {
            s.field(
                "text",
                &format_args!("<{} bytes, redacted>", self.text.len()),
            );
        }
        s.finish()
    }
}

/// Reads an unknown child into `unknown`, whole (see [`UnknownElement`]). Every element kept is
/// charged to the parse's memory budget, which bounds what unknown content can cost.
pub(crate) fn keep_unknown<'a>(
    unknown: &mut KeptList<UnknownElement>,
    r: &mut XmlReader<'a>,
    child: &Child<'a>,
) -> Result<()> {
    let element = read_unknown(r, child)?;
    if unknown.0.is_none() {
        r.charge(std::mem::size_of::<Vec<UnknownElement>>())?;
    }
    let list = unknown.to_mut();
    reserve_one(r, list)?;
    list.push(element);
    Ok(())
}

/// Reads an unknown element whole, without recursion (its depth is the document's, bounded by
/// [`Limits::max_depth`](crate::xml::Limits::max_depth) only).
fn read_unknown<'a>(r: &mut XmlReader<'a>, child: &Child<'a>) -> Result<UnknownElement> {
    // The elements open, innermost last; each one's `text` gathers all its text until it
    // closes (see `close_unknown`).
    let mut stack = vec![open_unknown(r, child)?];
    if child.empty {
        return Ok(stack.pop().unwrap_or_default());
    }
    loop {
        let done = match r.next_content()? {
            Content::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t);
                    r.text_limit(&top.name, top.text.len())?;
                }
                continue;
            }
            Content::Element(c) => {
                let opened = open_unknown(r, &c)?;
                if !c.empty {
                    stack.push(opened);
                    continue;
                }
                opened
            }
            Content::End => match stack.pop() {
                Some(open) => open,
                None => return Err(Error::malformed(ErrorCode::XmlSyntax, "unbalanced element")),
            },
        };
        let done = close_unknown(r, done)?;
        match stack.last_mut() {
            Some(top) => {
                reserve_one(r, &mut top.children)?;
                top.children.push(done);
            }
            None => return Ok(done),
        }
    }

    fn open_unknown<'a>(r: &mut XmlReader<'a>, child: &Child<'a>) -> Result<UnknownElement> {
        // quick-xml does not check names: a name that is not one is not XML (and could not be
        // written back).
        if !is_ncname(child.local) {
            return Err(Error::malformed_at(
                ErrorCode::XmlSyntax,
                child.local,
                "not a valid XML element name",
            ));
        }
        r.charge(std::mem::size_of::<UnknownElement>() + child.local.len())?;
        Ok(UnknownElement {
            name: child.local.to_owned(),
            attributes: attributes_of(r, child, &|_| true)?,
            ..UnknownElement::default()
        })
    }

    /// Its text, if it holds no element; whitespace between elements is indentation.
    fn close_unknown(r: &mut XmlReader<'_>, mut element: UnknownElement) -> Result<UnknownElement> {
        if element.children.is_empty() {
            r.charge(element.text.len())?;
        } else if element.text.trim().is_empty() {
            element.text = String::new();
        } else {
            return Err(Error::malformed_at(
                ErrorCode::MixedContent,
                element.name.as_str(),
                format!(
                    "the unknown element `{}` holds both text and elements",
                    element.name
                ),
            ));
        }
        Ok(element)
    }
}

/// The attributes of `child` that `keep` selects, as kept values. Not generic: it is reached
/// from every field of every model (the WASM modules' size).
fn attributes_of<'a>(
    r: &mut XmlReader<'a>,
    child: &Child<'a>,
    keep: &dyn Fn(&str) -> bool,
) -> Result<Vec<KeptAttribute>> {
    if !child.has_attributes() {
        return Ok(Vec::new());
    }
    Ok(r.attributes(child)?
        .into_iter()
        .filter(|a| keep(&a.name))
        .map(|a| KeptAttribute {
            name: a.name,
            value: a.value,
        })
        .collect())
}

/// The attributes of a known element worth keeping: all but namespace declarations (the
/// writer declares the namespaces it writes).
pub(crate) fn kept_attributes<'a>(
    r: &mut XmlReader<'a>,
    child: &Child<'a>,
) -> Result<KeptList<KeptAttribute>> {
    attributes_of(r, child, &|name| !is_namespace_declaration(name)).map(KeptList::from)
}

/// [`kept_attributes`] of a model's own element, into `kept` (what the models declared by
/// [`xml_model!`](crate::xml_model) that keep what they do not know do, in one function).
pub(crate) fn keep_own_attributes<'a>(
    kept: &mut KeptList<KeptAttribute>,
    r: &mut XmlReader<'a>,
    element: &Child<'a>,
) -> Result<()> {
    if element.has_attributes() {
        *kept = kept_attributes(r, element)?;
    }
    Ok(())
}

fn is_namespace_declaration(name: &str) -> bool {
    name == "xmlns" || name.starts_with("xmlns:")
}

/// Keeps the attributes of a known child that its own value does not keep (`owns` says which
/// it keeps), in its parent's `child_attributes`. Nothing is added for a child without any.
pub(crate) fn keep_child_attributes<'a>(
    kept: &mut KeptList<ChildAttributes>,
    r: &mut XmlReader<'a>,
    child: &Child<'a>,
    owns: impl Fn(&str) -> bool,
) -> Result<()> {
    keep_child_attributes_dyn(kept, r, child, &owns)
}

#[inline(never)]
fn keep_child_attributes_dyn<'a>(
    kept: &mut KeptList<ChildAttributes>,
    r: &mut XmlReader<'a>,
    child: &Child<'a>,
    owns: &dyn Fn(&str) -> bool,
) -> Result<()> {
    if !child.has_attributes() {
        return Ok(());
    }
    let attributes = attributes_of(r, child, &|name| {
        !is_namespace_declaration(name) && !owns(name)
    })?;
    if !attributes.is_empty() {
        let kept = kept.to_mut();
        reserve_one(r, kept)?;
        kept.push(ChildAttributes {
            element: child.local.to_owned(),
            attributes,
        });
    }
    Ok(())
}

/// The attributes kept for the child written under one of `names` (a field's name and its
/// aliases), to hand to [`XmlWriter::set_pending`] before the child is written.
pub(crate) fn child_attributes_for<'k>(
    kept: &'k [ChildAttributes],
    names: &[&str],
) -> Option<&'k [KeptAttribute]> {
    kept.iter()
        .find(|k| names.contains(&k.element.as_str()))
        .map(|k| k.attributes.as_slice())
}

/// Writes the kept unknown elements back, as they came.
pub(crate) fn write_unknown(unknown: &[UnknownElement], w: &mut XmlWriter) -> Result<()> {
    unknown.iter().try_for_each(|u| write_unknown_element(u, w))
}

fn write_unknown_element(u: &UnknownElement, w: &mut XmlWriter) -> Result<()> {
    if !u.children.is_empty() && !u.text.is_empty() {
        return Err(w.invalid_at(
            &u.name,
            ErrorCode::InvalidFormat,
            "an unknown element holds text or child elements, not both",
        ));
    }
    let empty = u.children.is_empty() && u.text.is_empty();
    w.open_dynamic(&u.name, &u.attributes, empty)?;
    if empty {
        return Ok(());
    }
    if u.children.is_empty() {
        w.text_in(&u.name, &u.text)?;
    } else {
        write_unknown(&u.children, w)?;
    }
    w.close_dynamic(&u.name);
    Ok(())
}

/// Checks the attributes about to be written: qualified names, each once.
pub(crate) fn check_attribute_names(
    attributes: &[KeptAttribute],
    taken: &[&str],
) -> std::result::Result<(), String> {
    for (i, a) in attributes.iter().enumerate() {
        if !is_qname(&a.name) {
            return Err(format!("`{}` is not a valid XML attribute name", a.name));
        }
        if taken.contains(&a.name.as_str()) || attributes[..i].iter().any(|b| b.name == a.name) {
            return Err(format!("the attribute `{}` is given twice", a.name));
        }
    }
    Ok(())
}

/// A text value that is exactly one *escaped* CDATA section — the text `<![CDATA[Test]]>`,
/// sent as `&lt;![CDATA[Test]]&gt;` (the gateway's sandbox does so for `BuyerName` and
/// `BuyerEmail`) — is the section's content (`Test`); any other text is returned unchanged.
/// Exactly: nothing before `<![CDATA[` or after `]]>`, and no `]]>` inside.
pub(crate) fn unwrap_escaped_cdata(text: Cow<'_, str>) -> Cow<'_, str> {
    const OPEN: &str = "<![CDATA[";
    const CLOSE: &str = "]]>";
    let inner = text
        .strip_prefix(OPEN)
        .and_then(|rest| rest.strip_suffix(CLOSE))
        .filter(|inner| !inner.contains(CLOSE))
        .map(|inner| OPEN.len()..OPEN.len() + inner.len());
    match (inner, text) {
        (None, text) => text,
        (Some(range), Cow::Borrowed(s)) => Cow::Borrowed(s.get(range).unwrap_or(s)),
        (Some(range), Cow::Owned(s)) => Cow::Owned(s.get(range).unwrap_or(&s).to_owned()),
    }
}
