//! Operations chosen at run time, by their exact wire names: the one registry behind the CLI,
//! the bindings and the corpus runner. A request or a result crosses in the core's JSON shape
//! (the schema in `schema/gestpay.schema.json`), read with the input contract of [`json`].
//!
//! ```
//! use gestpay::dynamic::Operation;
//! use gestpay::{Environment, SoapVersion};
//!
//! # fn main() -> gestpay::Result<()> {
//! let op = Operation::from_name("callReadTrxS2S")?;
//! let request = op.request_from_json(r#"{"shopLogin": "GESPAY65987", "bankTransactionId": "7"}"#)?;
//! let call = request.to_http(&Environment::Test, SoapVersion::Soap11)?;
//! assert!(call.url.ends_with("/gestpay/gestpayws/WSs2s.asmx"));
//! assert_eq!(
//!     op.request_from_json(r#"{"shopLogin": "G", "apikey": "k"}"#).unwrap_err().code(),
//!     "unknown_field"
//! );
//! # Ok(()) }
//! ```

pub mod json;
mod leaf;
mod value;

pub use leaf::{Leaf, fields_at, leaf_at, tree_at};
pub use value::{AnyModel, MODEL_NAMES, Step, model_from_value};

use std::fmt;

use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};
use crate::message::{Request, Response};
use crate::soap::{Environment, HttpRequest, SoapVersion};
use crate::xml::Limits;

/// A request of any operation, as the registry hands it out.
pub trait AnyRequest: fmt::Debug + Send + Sync {
    /// The operation's wire name.
    fn operation(&self) -> Operation;
    /// [`Request::validate`].
    fn validate(&self) -> Result<()>;
    /// [`Request::to_envelope`] (validated).
    fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>>;
    /// [`Request::to_envelope_unchecked`].
    fn to_envelope_unchecked(&self, version: SoapVersion) -> Result<Vec<u8>>;
    /// [`Request::to_http`] (validated).
    fn to_http(&self, env: &Environment, version: SoapVersion) -> Result<HttpRequest>;
    /// [`Request::to_http_unchecked`].
    fn to_http_unchecked(&self, env: &Environment, version: SoapVersion) -> Result<HttpRequest>;
    /// The request as a serde value, for any serializer (a binding's own, without a JSON tree
    /// in between).
    fn as_serialize(&self) -> &dyn erased_serde::Serialize;
}

/// A result of any operation, as the registry hands it out.
pub trait AnyResult: fmt::Debug + Send + Sync {
    /// The operation's wire name.
    fn operation(&self) -> Operation;
    /// The result envelope (the gateway's side).
    fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>>;
    /// The success check ([`Outcome::ensure_ok`](crate::Outcome::ensure_ok)): `Ok` only for `OK`.
    fn ensure_ok(&self) -> Result<()>;
    /// [`Response::to_http_response`] (the gateway's side).
    fn to_http_response(&self, version: SoapVersion) -> Result<crate::soap::HttpResponse>;
    /// The result as a serde value, for any serializer.
    fn as_serialize(&self) -> &dyn erased_serde::Serialize;
    /// The `GestPayS2S` payload of a WsS2S result (what its derived values, such as
    /// [`GestPayS2S::amazon_addresses`](crate::s2s::GestPayS2S::amazon_addresses), read);
    /// `None` for Encrypt and Decrypt.
    fn payload(&self) -> Option<&crate::s2s::GestPayS2S>;
    /// The result itself, to downcast to its type.
    fn as_any(&self) -> &dyn std::any::Any;
}

macro_rules! impl_any {
    ($($name:literal => $req:ty, $res:ty;)*) => {
        /// Every operation's exact wire name, in the registry's order.
        pub const OPERATION_NAMES: &[&str] = &[$($name),*];

        /// The wire names of every operation, in the registry's order.
        const WIRE: &[crate::soap::Operation] = &[$(<$req as Request>::OPERATION),*];

        $(
            impl AnyRequest for $req {
                fn operation(&self) -> Operation {
                    Operation(&<$req as Request>::OPERATION)
                }
                fn validate(&self) -> Result<()> {
                    Request::validate(self)
                }
                fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>> {
                    Request::to_envelope(self, version)
                }
                fn to_envelope_unchecked(&self, version: SoapVersion) -> Result<Vec<u8>> {
                    Request::to_envelope_unchecked(self, version)
                }
                fn to_http(&self, env: &Environment, version: SoapVersion) -> Result<HttpRequest> {
                    Request::to_http(self, env, version)
                }
                fn to_http_unchecked(&self, env: &Environment, version: SoapVersion) -> Result<HttpRequest> {
                    Request::to_http_unchecked(self, env, version)
                }
                fn as_serialize(&self) -> &dyn erased_serde::Serialize {
                    self
                }
            }

            impl AnyResult for $res {
                fn operation(&self) -> Operation {
                    Operation(&<$req as Request>::OPERATION)
                }
                fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>> {
                    Response::to_envelope(self, version)
                }
                fn ensure_ok(&self) -> Result<()> {
                    crate::message::Outcome::ensure_ok(self)
                }
                fn to_http_response(&self, version: SoapVersion) -> Result<crate::soap::HttpResponse> {
                    Response::to_http_response(self, version)
                }
                fn as_serialize(&self) -> &dyn erased_serde::Serialize {
                    self
                }
                fn payload(&self) -> Option<&crate::s2s::GestPayS2S> {
                    crate::s2s::PayloadOf::payload(self)
                }
                fn as_any(&self) -> &dyn std::any::Any {
                    self
                }
            }
        )*

        impl Operation {
            /// The request in the core's JSON shape (text or value), read with the input
            /// contract.
            pub fn request_from<S: json::JsonSource>(self, source: S) -> Result<Box<dyn AnyRequest>> {
                match self.name() {
                    $($name => Ok(Box::new(source.read::<$req>("request")?)),)*
                    _ => Err(unknown_operation(self.name())),
                }
            }

            /// A result in the core's JSON shape (the gateway's side), read with the input
            /// contract.
            pub fn result_from<S: json::JsonSource>(self, source: S) -> Result<Box<dyn AnyResult>> {
                match self.name() {
                    $($name => Ok(Box::new(source.read::<$res>("result")?)),)*
                    _ => Err(unknown_operation(self.name())),
                }
            }

            /// Parses a response body (see [`Response::from_xml`]; with `http`, strictly as an
            /// HTTP response, see [`Response::from_http`]).
            pub fn parse_result(
                self,
                body: &[u8],
                http: Option<(u16, Option<&str>)>,
            ) -> Result<Box<dyn AnyResult>> {
                self.parse_result_with_limits(body, http, Limits::default())
            }

            /// [`parse_result`](Operation::parse_result) with explicit parser limits.
            pub fn parse_result_with_limits(
                self,
                body: &[u8],
                http: Option<(u16, Option<&str>)>,
                limits: Limits,
            ) -> Result<Box<dyn AnyResult>> {
                match self.name() {
                    $($name => Ok(Box::new(match http {
                        Some((status, content_type)) => <$res as Response>::from_http_with_limits(status, content_type, body, limits)?,
                        None => <$res as Response>::from_xml_with_limits(body, limits)?,
                    })),)*
                    _ => Err(unknown_operation(self.name())),
                }
            }

            /// The name of the operation's request type, as in the schema (`CallPagamS2S`).
            pub fn request_type(self) -> &'static str {
                match self.name() {
                    $($name => short_type_name(std::any::type_name::<$req>()),)*
                    _ => "",
                }
            }

            /// The name of the operation's result type, as in the schema (`CallPagamS2SResult`).
            pub fn result_type(self) -> &'static str {
                match self.name() {
                    $($name => short_type_name(std::any::type_name::<$res>()),)*
                    _ => "",
                }
            }

            /// Parses a request envelope or its bare wrapper element (the gateway's side).
            pub fn parse_request(self, body: &[u8]) -> Result<Box<dyn AnyRequest>> {
                match self.name() {
                    $($name => Ok(Box::new(<$req as Request>::from_xml(body)?)),)*
                    _ => Err(unknown_operation(self.name())),
                }
            }

            /// Parses a whole request envelope (strict; see [`Request::from_envelope`]).
            pub fn parse_request_envelope(self, body: &[u8]) -> Result<Box<dyn AnyRequest>> {
                match self.name() {
                    $($name => Ok(Box::new(<$req as Request>::from_envelope(body)?)),)*
                    _ => Err(unknown_operation(self.name())),
                }
            }

            /// Parses a whole result envelope (strict; see [`Response::from_envelope`]).
            pub fn parse_result_envelope(self, body: &[u8]) -> Result<Box<dyn AnyResult>> {
                match self.name() {
                    $($name => Ok(Box::new(<$res as Response>::from_envelope(body)?)),)*
                    _ => Err(unknown_operation(self.name())),
                }
            }
        }
    };
}

crate::with_operations!(impl_any);

/// `gestpay::s2s::CallPagamS2S` → `CallPagamS2S`.
fn short_type_name(path: &'static str) -> &'static str {
    path.rsplit("::").next().unwrap_or(path)
}

/// Parses a request envelope of any operation (the gateway's side, e.g. an emulator): the
/// operation is the one the envelope's wrapper names; a wrapper that names none of the
/// gateway's operations is `unexpected_operation`.
pub fn parse_any_request(body: &[u8]) -> Result<Box<dyn AnyRequest>> {
    let info = crate::soap::identify_request(body, Limits::default())?;
    let op = Operation::from_name(&info.operation).map_err(|_| Error::MalformedResponse {
        code: ErrorCode::UnexpectedOperation,
        field: None,
        message: "the envelope's wrapper names none of the gateway's operations".to_owned(),
    })?;
    op.parse_request_envelope(body)
}

/// The core's types serialise to JSON without failing (string keys, no non-finite floats).
// The JSON shape of a request or a result, through its `as_serialize`: not trait methods, so
// that no binary holds a typed JSON serialisation of every message type it never writes as
// JSON (the WASM module's size).
macro_rules! json_methods {
    ($($trait:ident: $what:literal),*) => {$(
        impl dyn $trait {
            #[doc = concat!("The ", $what, " in the core's JSON shape.")]
            pub fn to_json_value(&self) -> Value {
                serde_json::to_value(self.as_serialize()).unwrap_or(Value::Null)
            }
            #[doc = concat!("The ", $what, " as JSON text, fields in wire order (pretty: indented).")]
            pub fn to_json_text(&self, pretty: bool) -> String {
                json_text(self.as_serialize(), pretty)
            }
        }
    )*};
}

json_methods!(AnyRequest: "request", AnyResult: "result");

fn json_text<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.unwrap_or_else(|_| "null".to_owned())
}

/// One of the 19 operations, found by its exact wire name: a handle on its wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operation(&'static crate::soap::Operation);

impl Operation {
    /// The operation with this exact wire name (`Encrypt`, `callReadTrxS2S`,
    /// `CallRequestTokenS2S`): names are case-sensitive, as on the wire. Else `unknown_operation`.
    pub fn from_name(name: &str) -> Result<Operation> {
        WIRE.iter()
            .find(|known| known.name == name)
            .map(Operation)
            .ok_or_else(|| unknown_operation(name))
    }

    /// The wire name.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The operation's wire names: service, SOAPAction, Response and Result elements.
    pub fn wire(self) -> &'static crate::soap::Operation {
        self.0
    }

    /// The service it belongs to.
    pub fn service(self) -> crate::soap::Service {
        self.wire().service
    }

    /// Every operation.
    pub fn all() -> impl Iterator<Item = Operation> {
        WIRE.iter().map(Operation)
    }

    /// The request from JSON text (see [`json`] for the contract).
    pub fn request_from_json(self, text: &str) -> Result<Box<dyn AnyRequest>> {
        self.request_from(text)
    }

    /// The request from a JSON value.
    pub fn request_from_value(self, value: &Value) -> Result<Box<dyn AnyRequest>> {
        self.request_from(value)
    }

    /// A result from JSON text (the gateway's side).
    pub fn result_from_json(self, text: &str) -> Result<Box<dyn AnyResult>> {
        self.result_from(text)
    }

    /// A result from a JSON value (the gateway's side).
    pub fn result_from_value(self, value: &Value) -> Result<Box<dyn AnyResult>> {
        self.result_from(value)
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

fn unknown_operation(name: &str) -> Error {
    let folded = name.to_ascii_lowercase();
    let hint = OPERATION_NAMES
        .iter()
        .find(|known| known.to_ascii_lowercase() == folded)
        .map(|known| format!(" (did you mean `{known}`? names are case-sensitive)"))
        .unwrap_or_default();
    Error::invalid(
        ErrorCode::UnknownOperation,
        "operation",
        format!(
            "no operation has this name; the names are the exact wire names, e.g. `Encrypt`, \
             `callReadTrxS2S`{hint}"
        ),
    )
}
