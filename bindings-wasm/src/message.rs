//! `gestpay::message`: the operation-generic functions. Every request is built and every result
//! parsed through the core's `Request` / `Response` traits, dispatched by the exact wire name of
//! the operation (the core's list of the 19 operations, as in bindings-node/src/message.rs).

use gestpay::cryptdecrypt::{DecryptResult, EncryptResult};
use gestpay::{Request, Response};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{OrThrow, unknown_operation};
use crate::soap::{bytes, limits, service_name};
use crate::{Result, object, to_json};

/// Runs `$body` with `$req` / `$res` bound to the request and result types of the operation
/// named `$op`; an unknown name is an `unknown_operation` error. The list of operations is the
/// core's (`gestpay::with_operations!`).
macro_rules! with_operation {
    ($op:expr, |$req:ident, $res:ident| $body:expr) => {{
        gestpay::with_operations!(with_operation [@arms $op, $req, $res, $body;])
    }};
    (@arms $op:expr, $req:ident, $res:ident, $body:expr; $($name:literal => $rq:ty, $rs:ty;)*) => {
        match $op {
            $($name => {
                #[allow(dead_code)]
                type $req = $rq;
                #[allow(dead_code)]
                type $res = $rs;
                $body
            })*
            other => Err(unknown_operation(other)),
        }
    };
}

#[cfg(feature = "builders")]
pub(crate) use with_operation;

/// The wire names of the core's list, in its order (the schema's `x-operations`).
macro_rules! names {
    ($($name:literal => $req:ty, $res:ty;)*) => {
        [$($name),*]
    };
}
const NAMES: [&str; 19] = gestpay::with_operations!(names);

/// One operation of the gateway, with its wire names.
#[derive(Debug, Serialize)]
struct OperationInfo {
    name: &'static str,
    service: &'static str,
    action: &'static str,
    path: &'static str,
}

fn operation_info(op: &gestpay::soap::Operation) -> OperationInfo {
    OperationInfo {
        name: op.name,
        service: service_name(op.service),
        action: op.action,
        path: op.service.path(),
    }
}

/// The operations: `{ name, service, action, path }` each.
#[wasm_bindgen]
pub fn operations() -> Result<JsValue> {
    let infos: Vec<OperationInfo> = NAMES
        .iter()
        .filter_map(|name| {
            with_operation!(*name, |Req, Res| Ok(operation_info(
                &<Req as Request>::OPERATION
            )))
            .ok()
        })
        .collect();
    object(&infos)
}

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
#[wasm_bindgen(js_name = parseResult)]
pub fn parse_result(operation: String, body: JsValue, limits: JsValue) -> Result<String> {
    let limits = self::limits(&limits);
    let body = bytes(&body)?;
    let op = with_operation!(operation.as_str(), |Req, Res| Ok(
        <Res as Response>::OPERATION
    ))?;
    // The 17 WsS2S results are one payload: parsed by one function rather than 17 instances
    // of the generic one (the module's size, docs/wasm.md).
    if op.service == gestpay::soap::Service::S2s {
        let result = gestpay::s2s::GestPayS2S::from_xml_for(&op, &body, limits).or_throw()?;
        return to_json(&result);
    }
    match op.name {
        "Encrypt" => to_json(&EncryptResult::from_xml_with_limits(&body, limits).or_throw()?),
        "Decrypt" => to_json(&DecryptResult::from_xml_with_limits(&body, limits).or_throw()?),
        other => Err(unknown_operation(other)),
    }
}
