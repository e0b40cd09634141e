//! Prints every output the benchmarks exercise, to compare two versions of the core byte for
//! byte: each corpus document's parse (as JSON, or the error), each corpus value's built
//! envelope, and each synthetic document's envelope and parse. `snapshot > a.txt`, change the
//! core, `snapshot > b.txt`, `cmp a.txt b.txt`.
#![allow(clippy::unwrap_used)]

use std::io::Write;

use gestpay_bench::{
    corpus_build_cases, corpus_parse_cases, corpus_refusals, synthetic, synthetic_build,
};

fn main() {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for case in corpus_parse_cases() {
        writeln!(
            out,
            "parse {}: {}",
            case.name,
            (case.parse_json)(&case.bytes)
        )
        .unwrap();
        // Every truncation and a byte flipped at every position: the error paths too.
        for len in (0..case.bytes.len()).step_by(7) {
            writeln!(
                out,
                "  cut {len}: {}",
                (case.parse_json)(&case.bytes[..len])
            )
            .unwrap();
        }
    }
    for case in corpus_build_cases() {
        let built = (case.build)();
        writeln!(
            out,
            "build {}: {}",
            case.name,
            String::from_utf8_lossy(&built)
        )
        .unwrap();
        let unchecked = (case.build_unchecked)();
        writeln!(out, "unchecked {}: {}", case.name, unchecked == built).unwrap();
    }
    for (name, error) in corpus_refusals() {
        writeln!(out, "refused {name}: {error}").unwrap();
    }
    for doc in synthetic() {
        let case = synthetic_build(doc.family, doc.size);
        let built = (case.build)();
        writeln!(
            out,
            "synthetic {} {}: {}",
            doc.family,
            doc.size,
            String::from_utf8_lossy(&built)
        )
        .unwrap();
    }
}
