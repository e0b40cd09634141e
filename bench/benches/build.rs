//! Typed building against a bare quick-xml writer emitting the same envelope, in the same run.
//!
//! Groups: `build_corpus` (every corpus value that builds, one iteration = the whole corpus)
//! and one group per synthetic family with the size as parameter. `typed` is what a caller runs
//! (`Request::to_envelope`, validation included; `Response::to_envelope` for results),
//! `unchecked` the request without validation (`to_envelope_unchecked`), `bare_writer` the
//! reference; `bench/run` reports `typed / bare_writer` and `unchecked / bare_writer`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gestpay_bench::{
    OwnedEvent, bare_write, corpus_build_cases, owned_events, synthetic, synthetic_build,
};

fn corpus(c: &mut Criterion) {
    let cases = corpus_build_cases();
    let built: Vec<Vec<u8>> = cases.iter().map(|k| (k.build)()).collect();
    let events: Vec<Vec<OwnedEvent>> = built.iter().map(|b| owned_events(b)).collect();
    let bytes: usize = built.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("build_corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::new("typed", cases.len()), |b| {
        b.iter(|| {
            for case in &cases {
                black_box((case.build)());
            }
        })
    });
    g.bench_function(BenchmarkId::new("unchecked", cases.len()), |b| {
        b.iter(|| {
            for case in &cases {
                black_box((case.build_unchecked)());
            }
        })
    });
    g.bench_function(BenchmarkId::new("bare_writer", cases.len()), |b| {
        b.iter(|| {
            for ev in &events {
                black_box(bare_write(black_box(ev), 1024));
            }
        })
    });
    g.finish();
}

fn synthetic_docs(c: &mut Criterion) {
    for doc in synthetic() {
        let mut g = c.benchmark_group(format!("build_{}", doc.family));
        g.throughput(Throughput::Bytes(doc.bytes.len() as u64));
        let case = synthetic_build(doc.family, doc.size);
        assert_eq!((case.build)(), doc.bytes);
        g.bench_function(BenchmarkId::new("typed", doc.size), |b| {
            b.iter(|| black_box((case.build)()))
        });
        g.bench_function(BenchmarkId::new("unchecked", doc.size), |b| {
            b.iter(|| black_box((case.build_unchecked)()))
        });
        g.bench_function(BenchmarkId::new("bare_writer", doc.size), |b| {
            b.iter(|| black_box(bare_write(black_box(&doc.events), 1024)))
        });
        g.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! { name = benches; config = config(); targets = corpus, synthetic_docs }
criterion_main!(benches);
