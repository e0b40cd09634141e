//! Prints the memory tables of docs/performance.md: the heap peak of parsing each hostile
//! document and the retained size of each benchmark document's typed result, against the input.
#![allow(clippy::unwrap_used)]

use gestpay_bench::memory::{hostile, retained, table};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

fn main() {
    println!("{}", table("hostile document", &hostile()));
    println!("{}", table("benchmark document", &retained()));
}
