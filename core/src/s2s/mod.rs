//! WsS2S: the 17 server-to-server operations (docs/protocol.md §3), Amazon Pay's
//! `OrderReferenceDetails`, and the result payload `GestPayS2S` they all answer with.
//!
//! Operation names keep the gateway's irregular case on the wire (`CallRequestTokenS2S` but
//! `callDeleteTokenS2S`, `callVerifycardS2S`); Rust type names capitalise the first letter.

mod amazon;
mod parts;
mod requests;
mod result;

pub use amazon::*;
pub use parts::*;
pub use requests::*;
pub use result::*;
