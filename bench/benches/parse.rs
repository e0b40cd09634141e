//! Typed parsing against the bare quick-xml scan of the same bytes, in the same run.
//!
//! Groups: `parse_corpus` (every corpus document that parses, one iteration = the whole corpus)
//! and one group per synthetic family with the size as parameter. In each, `typed` is the
//! library's parse and `bare_scan` the reference; `bench/run` reports `typed / bare_scan`.
//! `bare_scan_owned` (synthetic documents) also copies each text into a `String`: the share of
//! the gap that owned values cost by themselves.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gestpay_bench::{bare_scan, bare_scan_owned, corpus_parse_cases, synthetic, synthetic_parse};

fn corpus(c: &mut Criterion) {
    let cases = corpus_parse_cases();
    let bytes: usize = cases.iter().map(|k| k.bytes.len()).sum();
    let mut g = c.benchmark_group("parse_corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::new("typed", cases.len()), |b| {
        b.iter(|| {
            for case in &cases {
                black_box((case.parse)(black_box(&case.bytes)));
            }
        })
    });
    g.bench_function(BenchmarkId::new("bare_scan", cases.len()), |b| {
        b.iter(|| {
            for case in &cases {
                black_box(bare_scan(black_box(case.text())));
            }
        })
    });
    g.finish();
}

fn synthetic_docs(c: &mut Criterion) {
    for doc in synthetic() {
        let mut g = c.benchmark_group(format!("parse_{}", doc.family));
        g.throughput(Throughput::Bytes(doc.bytes.len() as u64));
        let parse = synthetic_parse(doc.family);
        let text = std::str::from_utf8(&doc.bytes).unwrap();
        g.bench_function(BenchmarkId::new("typed", doc.size), |b| {
            b.iter(|| black_box(parse(black_box(&doc.bytes))))
        });
        g.bench_function(BenchmarkId::new("bare_scan", doc.size), |b| {
            b.iter(|| black_box(bare_scan(black_box(text))))
        });
        g.bench_function(BenchmarkId::new("bare_scan_owned", doc.size), |b| {
            b.iter(|| black_box(bare_scan_owned(black_box(text))))
        });
        g.finish();
    }
}

fn config() -> Criterion {
    // Short windows: the machine has 2 cores shared with other work; the ratios are taken
    // between benchmarks of the same run.
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! { name = benches; config = config(); targets = corpus, synthetic_docs }
criterion_main!(benches);
