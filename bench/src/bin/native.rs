//! The core's own time on the bytes and values a binding benchmark uses, for its ratios:
//! `native parse <operation> <response file> <content type>` times the typed parse of an HTTP
//! response (`Operation::parse_result` with status 200); `native build <operation> <request
//! JSON file>` reads the request once and times its validated envelope (`to_envelope`);
//! `native from_value <operation> <request JSON file>` times reading the request from its JSON
//! tree with the input contract (`Operation::request_from_value`); `native from_json …` the same
//! from the JSON text (`Operation::request_from_json`: what the JS bindings hand the core).
//! Prints one JSON object: `{"median_ns": …, "rounds": …, "loops": …}`. The rounds and the
//! loop of each round are those of the binding benchmarks: 41 rounds (`ROUNDS`), each a loop
//! of about 20 ms.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::hint::black_box;
use std::time::Instant;

use gestpay::SoapVersion;
use gestpay::dynamic::Operation;

fn median_ns(mut f: impl FnMut()) -> (f64, usize, usize) {
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(41);
    for _ in 0..100 {
        f(); // warm-up
    }
    let start = Instant::now();
    let mut calibration = 0usize;
    while start.elapsed().as_secs_f64() < 0.02 {
        f();
        calibration += 1;
    }
    let loops = calibration.max(1);
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..loops {
                f();
            }
            t.elapsed().as_nanos() as f64 / loops as f64
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    (samples[samples.len() / 2], rounds, loops)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let op = Operation::from_name(&args[1]).unwrap();
    let (median, rounds, loops) = match args[0].as_str() {
        "parse" => {
            let body = std::fs::read(&args[2]).unwrap();
            let content_type = args[3].clone();
            median_ns(|| {
                black_box(
                    op.parse_result(black_box(&body), Some((200, Some(&content_type))))
                        .unwrap(),
                );
            })
        }
        "build" => {
            let request = op
                .request_from_json(&std::fs::read_to_string(&args[2]).unwrap())
                .unwrap();
            median_ns(|| {
                black_box(request.to_envelope(SoapVersion::Soap11).unwrap());
            })
        }
        "from_value" => {
            let text = std::fs::read_to_string(&args[2]).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            median_ns(|| {
                black_box(op.request_from_value(black_box(&value)).unwrap());
            })
        }
        "from_json" => {
            let text = std::fs::read_to_string(&args[2]).unwrap();
            median_ns(|| {
                black_box(op.request_from_json(black_box(&text)).unwrap());
            })
        }
        other => panic!("unknown workload {other}: parse, build, from_value or from_json"),
    };
    println!("{{\"median_ns\": {median:.1}, \"rounds\": {rounds}, \"loops\": {loops}}}");
}
