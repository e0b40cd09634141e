//! The XML parser's limits, and the kept-content types that appear in the models' fields.
//!
//! The XML machinery itself (a bounded reader that refuses DTDs and entities, an escaping
//! writer, and the traits and macro that map typed models to elements) is private: every
//! message is read and written through [`Request`](crate::Request) and
//! [`Response`](crate::Response) (`to_envelope`, `from_xml`, `from_http` …).

mod chars;
mod kept;
mod macros;
mod model;
mod read;
#[cfg(test)]
mod tests;
mod write;

pub use kept::{ChildAttributes, KeptAttribute, KeptList, UnknownElement};
pub use read::Limits;

pub(crate) use chars::is_xml_char;
pub(crate) use kept::{
    child_attributes_for, keep_child_attributes, keep_own_attributes, keep_unknown,
    unwrap_escaped_cdata, write_unknown,
};
pub(crate) use macros::xml_model;
pub(crate) use model::{
    Absent, DynField, FieldOut, Seen, XmlField, XmlModel, XmlNode, XmlText, check_max_len,
    read_field_of, read_model_in, read_model_into, read_model_node, read_text_node, write_fields,
    xml_text_node,
};
pub(crate) use read::{
    Child, Content, NS_CRYPTDECRYPT, NS_S2S, NS_SOAP11, NS_SOAP12, Ns, XmlReader,
    check_document_size,
};
pub(crate) use write::XmlWriter;
