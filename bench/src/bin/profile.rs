//! Runs one benchmark workload in a loop, for a profiler (`valgrind --tool=callgrind`,
//! `perf record`): `profile (parse|scan|scan_owned|build|unchecked|write)
//! (read_trx_events|encrypt_products|corpus) [size] [iterations]`. Each iteration runs inside
//! `profile::measured` (never inlined): `--toggle-collect='profile::measured*'` counts the
//! workload alone, its results' drop included, without the set-up.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::hint::black_box;

use gestpay_bench::{
    bare_scan, bare_write, corpus_build_cases, corpus_parse_cases, owned_events, synthetic,
    synthetic_build, synthetic_parse,
};

/// One iteration of the workload: the function callgrind's `--toggle-collect` names.
#[inline(never)]
fn measured(f: impl FnOnce()) {
    f()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("parse", String::as_str);
    let family = args.get(1).map_or("read_trx_events", String::as_str);
    let size: usize = args.get(2).map_or(500, |s| s.parse().unwrap());
    let iterations: usize = args.get(3).map_or(100, |s| s.parse().unwrap());
    if family == "corpus" {
        let parse = corpus_parse_cases();
        let build = corpus_build_cases();
        let events: Vec<_> = build.iter().map(|c| owned_events(&(c.build)())).collect();
        for _ in 0..iterations {
            match what {
                "parse" => measured(|| {
                    parse.iter().for_each(|c| {
                        black_box((c.parse)(&c.bytes));
                    })
                }),
                "scan" => measured(|| {
                    parse.iter().for_each(|c| {
                        black_box(bare_scan(c.text()));
                    })
                }),
                "build" => measured(|| {
                    build.iter().for_each(|c| {
                        black_box((c.build)());
                    })
                }),
                "write" => measured(|| {
                    events.iter().for_each(|e| {
                        black_box(bare_write(e, 1024));
                    })
                }),
                other => panic!("unknown workload {other}"),
            }
        }
        return;
    }
    let doc = synthetic()
        .into_iter()
        .find(|d| d.family == family && d.size == size)
        .unwrap_or_else(|| panic!("no synthetic document {family} {size}"));
    let parse = synthetic_parse(family);
    let build = synthetic_build(family, size);
    let text = std::str::from_utf8(&doc.bytes).unwrap();
    for _ in 0..iterations {
        match what {
            "parse" => measured(|| {
                black_box(parse(&doc.bytes));
            }),
            "scan" => measured(|| {
                black_box(bare_scan(text));
            }),
            "scan_owned" => measured(|| {
                black_box(gestpay_bench::bare_scan_owned(text));
            }),
            "build" => measured(|| {
                black_box((build.build)());
            }),
            "unchecked" => measured(|| {
                black_box((build.build_unchecked)());
            }),
            "write" => measured(|| {
                black_box(bare_write(&doc.events, 1024));
            }),
            other => panic!("unknown workload {other}"),
        }
    }
}
