//! One answer per document: the checks of the walk from the envelope down to a result's payload
//! and back up ([`super::parse_payload`]).
//!
//! * Strict parsing (`from_http`, `from_envelope`) wants the `…Response` and `…Result` wrappers
//!   in the service's namespace and the payload in no namespace or the service's (D2); the
//!   lenient `from_xml` matches them by local name in any namespace.
//! * Either way, every wrapper holds one thing: a second `Body`, a second element in the
//!   `Body`, a second `…Result` in the `…Response`, a second payload in the `…Result` is
//!   refused (`duplicate_element`, field: the second element's name).

use super::{Operation, Wrapping};
use crate::error::{Error, ErrorCode, Result};
use crate::xml::{Child, Ns, XmlReader};

/// An element opened above the payload: what may follow the child the walk went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    /// The envelope: after its `Body`, the trailers SOAP 1.1 allows, but no second `Body`.
    Envelope(Ns),
    /// `Body`, `…Response`, `…Result`: nothing more.
    Single(&'static str),
}

/// Checks, for strict parsing, that the wrapper `el` (`…Response` or `…Result`) is in the
/// service's namespace.
pub(super) fn check_wrapper_ns(op: &Operation, el: &Child<'_>, wrapping: Wrapping) -> Result<()> {
    if wrapping == Wrapping::Envelope && el.ns != op.service.ns() {
        return Err(Error::malformed(
            ErrorCode::UnexpectedOperation,
            format!(
                "`{}` is not in the service's namespace `{}`: not the answer of `{}`",
                el.local,
                op.service.namespace(),
                op.name
            ),
        ));
    }
    Ok(())
}

/// Checks, for strict parsing, that the payload is in no namespace or the service's.
pub(super) fn check_payload_ns(op: &Operation, el: &Child<'_>, wrapping: Wrapping) -> Result<()> {
    if wrapping == Wrapping::Envelope && el.ns != Ns::None && el.ns != op.service.ns() {
        return Err(Error::malformed(
            ErrorCode::UnexpectedOperation,
            format!(
                "the payload `{}` is in a foreign namespace: not the answer of `{}`",
                el.local, op.name
            ),
        ));
    }
    Ok(())
}

/// Reads what is left of the elements opened above the payload, innermost first (`levels` in
/// the order they were opened), refusing a second answer.
pub(super) fn close_levels(r: &mut XmlReader<'_>, levels: &[Level]) -> Result<()> {
    for level in levels.iter().rev() {
        while let Some(c) = r.next_child()? {
            match level {
                Level::Envelope(ns) if !(c.local == "Body" && c.ns == *ns) => r.skip(&c)?,
                Level::Envelope(_) => return Err(second("Body", &c, "Envelope")),
                Level::Single(name) => return Err(second(c.local, &c, name)),
            }
        }
    }
    Ok(())
}

fn second(what: &str, c: &Child<'_>, container: &str) -> Error {
    Error::malformed_at(
        ErrorCode::DuplicateElement,
        c.local,
        format!("a second `{what}` in `{container}`, which holds one answer"),
    )
}
