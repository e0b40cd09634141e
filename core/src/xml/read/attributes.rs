//! The attributes of an element: checked when the element is read (syntax, duplicates, values),
//! read on demand ([`XmlReader::attributes`]).

use quick_xml::events::attributes::{AttrError, Attribute};

use super::{Child, XmlReader};
use crate::error::{Error, ErrorCode, Result};
use crate::xml::chars::is_xml_char;

/// One attribute of an element, as [`XmlReader::attributes`] reads it. `Debug` shows its name
/// only.
#[derive(Clone, PartialEq, Eq)]
pub struct RawAttribute {
    /// The qualified name as written (`DateFormat`, `xsi:nil`, `xmlns:p`).
    pub name: String,
    /// The value, references resolved and normalised as XML 1.0 requires (tab, CR and LF
    /// written literally become spaces; written as character references they stay).
    pub value: String,
}

impl std::fmt::Debug for RawAttribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawAttribute")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl RawAttribute {
    /// True for a namespace declaration (`xmlns`, `xmlns:p`).
    pub fn is_namespace_declaration(&self) -> bool {
        self.name == "xmlns" || self.name.starts_with("xmlns:")
    }
}

impl<'a> XmlReader<'a> {
    /// The namespace URI of a qualified name in the scope of the element just read (its own
    /// bindings included, until the next event after its end), and its local part: for the
    /// name of `child` ([`Child::qname`]), a QName-valued text (`soap:Client`), or an attribute
    /// name (`attribute`: an unprefixed one is in no namespace, not the default one). `None`
    /// for no namespace or an unbound prefix.
    pub(crate) fn resolve<'n>(&self, qname: &'n str, attribute: bool) -> (Option<String>, &'n str) {
        let name = quick_xml::name::QName(qname);
        let (resolved, local) = if attribute {
            self.resolver.resolve_attribute(name)
        } else {
            self.resolver.resolve_element(name)
        };
        let namespace = match resolved {
            quick_xml::name::ResolveResult::Bound(ns) if !ns.into_inner().is_empty() => {
                Some(ns.into_inner().to_owned())
            }
            _ => None,
        };
        (namespace, local.into_inner())
    }

    /// Refuses an attribute value that is not well-formed: a raw `<`, an undeclared entity, a
    /// reference to a character XML cannot carry (values without `&` or `<`, almost all of
    /// them, are not looked into further).
    pub(super) fn check_attribute_value(
        &self,
        attribute: &Attribute<'_>,
        tag: usize,
    ) -> Result<()> {
        let raw = &*attribute.value;
        if !raw.bytes().any(|b| b == b'&' || b == b'<') {
            return Ok(());
        }
        let at = self.offset_of(raw).unwrap_or(tag);
        let name = attribute.key.into_inner();
        if raw.contains('<') {
            return Err(self.syntax_at(at, format!("`<` in the value of the attribute `{name}`")));
        }
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| match e {
                quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(
                    _,
                    entity,
                )) => Error::malformed(
                    ErrorCode::DtdRefused,
                    format!("undeclared entity reference &{entity}; (entities are not accepted)"),
                ),
                other => self.syntax_at(at, format!("the attribute `{name}`: {other}")),
            })?;
        if value.chars().any(|c| !is_xml_char(c)) {
            return Err(self.syntax_at(
                at,
                format!("the attribute `{name}` holds a character XML 1.0 cannot carry"),
            ));
        }
        Ok(())
    }

    /// A malformed attribute list, at its place in the document (`tag`: where the element's
    /// name starts, to which quick-xml's positions are relative).
    pub(super) fn attribute_error(&self, tag: usize, e: AttrError) -> Error {
        let at = match e {
            AttrError::ExpectedEq(p)
            | AttrError::ExpectedValue(p)
            | AttrError::UnquotedValue(p)
            | AttrError::ExpectedQuote(p, _)
            | AttrError::Duplicated(p, _) => tag + p,
        };
        self.syntax_at(at, quick_xml::Error::InvalidAttr(e))
    }

    /// The attributes of `child`, in document order, namespace declarations included: names as
    /// written, values with their references resolved and normalised (XML 1.0 §3.3.3).
    /// Refuses what text content refuses (an undeclared entity, a character reference to a
    /// character XML cannot carry). The list was checked for syntax and duplicates when the
    /// element was read. The values are charged to the parse's memory budget.
    pub fn attributes(&mut self, child: &Child<'a>) -> Result<Vec<RawAttribute>> {
        let mut out = Vec::new();
        if !child.has_attributes() {
            return Ok(out);
        }
        let mut list = quick_xml::events::attributes::Attributes::new(child.raw_attributes, 0);
        list.with_checks(false);
        for attribute in list {
            let attribute = attribute.map_err(|e| self.syntax(quick_xml::Error::InvalidAttr(e)))?;
            let name = attribute.key.into_inner();
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| attribute_value_error(child.local, name, &e))?;
            if let Some(bad) = value.chars().find(|c| !is_xml_char(*c)) {
                return Err(Error::malformed_at(
                    ErrorCode::XmlSyntax,
                    child.local,
                    format!(
                        "the attribute `{name}` holds U+{:04X}, which XML 1.0 cannot carry",
                        bad as u32
                    ),
                ));
            }
            self.charge(name.len() + value.len() + std::mem::size_of::<RawAttribute>())?;
            out.push(RawAttribute {
                name: name.to_owned(),
                value: value.into_owned(),
            });
        }
        Ok(out)
    }
}

/// The error for an attribute value whose references cannot be resolved: an undeclared entity
/// is refused as in text (no DTD), anything else is a syntax error.
fn attribute_value_error(element: &str, name: &str, e: &quick_xml::Error) -> Error {
    match e {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, entity)) => {
            Error::malformed_at(
                ErrorCode::DtdRefused,
                element,
                format!(
                    "undeclared entity reference &{entity}; in the attribute `{name}` (entities are not accepted)"
                ),
            )
        }
        other => Error::malformed_at(
            ErrorCode::XmlSyntax,
            element,
            format!("the attribute `{name}` has an invalid value: {other}"),
        ),
    }
}
