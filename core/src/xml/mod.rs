//! XML plumbing shared by every message: a bounded reader that refuses DTDs and entities, an
//! escaping writer, and the traits and macro that map typed models to elements.
//!
//! Most users never touch this module; it is public for the bindings, the emulator and anyone
//! who needs to read or write a model outside its envelope.

mod chars;
mod kept;
mod macros;
mod model;
mod read;
mod write;

pub use chars::is_xml_char;
pub use kept::{
    ChildAttributes, KeptAttribute, KeptList, UnknownElement, child_attributes_for,
    keep_child_attributes, keep_own_attributes, keep_unknown, kept_attributes,
    unwrap_escaped_cdata, write_unknown,
};
pub use model::{
    Absent, DynField, DynModel, FieldOut, Seen, XmlField, XmlModel, XmlNode, XmlText,
    check_max_len, is_default, read_field_of, read_model_children, read_model_in, read_model_into,
    read_model_node, read_text_node, write_fields,
};
pub use read::{Child, Content, Limits, Ns, RawAttribute, XmlReader};
pub(crate) use read::{NS_CRYPTDECRYPT, NS_S2S, NS_SOAP11, NS_SOAP12, check_document_size};
pub use write::XmlWriter;
