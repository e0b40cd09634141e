//! XML plumbing shared by every message: a bounded reader that refuses DTDs and entities, an
//! escaping writer, and the traits and macro that map typed models to elements.
//!
//! Most users never touch this module; it is public for the bindings, the emulator and anyone
//! who needs to read or write a model outside its envelope.

mod model;
mod read;
mod write;

pub use model::{
    UnknownElement, XmlField, XmlModel, XmlNode, XmlText, check_max_len, is_default, keep_unknown,
    read_model_into, read_model_node, read_text_node, write_unknown,
};
pub use read::{Child, Limits, Ns, XmlReader, is_xml_char};
pub(crate) use read::{NS_CRYPTDECRYPT, NS_S2S, NS_SOAP11, NS_SOAP12};
pub use write::XmlWriter;
