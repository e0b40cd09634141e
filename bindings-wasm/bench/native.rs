//! The native side of the WASM benchmark (bindings-wasm/bench/wasm.mjs runs it): parses one
//! callReadTrxS2S answer with the core directly, as native code, and prints the median time per
//! parse as JSON — the core's parse alone, and the parse plus the JSON text the bindings return
//! (what the WASM module's `parseResult` does inside). A benchmark, never a test.
//!
//! Usage: bench_native <response.xml> [rounds] [iterations per round]

use std::time::Instant;

use gestpay::Response;
use gestpay::s2s::CallReadTrxS2SResult;

fn median_ns(rounds: usize, iterations: usize, mut run: impl FnMut()) -> f64 {
    for _ in 0..iterations {
        run();
    }
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                run();
            }
            start.elapsed().as_nanos() as f64 / iterations as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: bench_native <response.xml> [rounds] [iterations]")?;
    let rounds: usize = args.next().map_or(Ok(21), |s| s.parse())?;
    let iterations: usize = args.next().map_or(Ok(2000), |s| s.parse())?;
    let xml = std::fs::read(&path)?;
    // The document must parse: a benchmark of an error path would measure nothing useful.
    let parsed = CallReadTrxS2SResult::from_xml(&xml)?;
    let json_bytes = serde_json::to_string(&parsed)?.len();

    let parse = median_ns(rounds, iterations, || {
        std::hint::black_box(CallReadTrxS2SResult::from_xml(std::hint::black_box(&xml)).ok());
    });
    let parse_json = median_ns(rounds, iterations, || {
        let result = CallReadTrxS2SResult::from_xml(std::hint::black_box(&xml));
        std::hint::black_box(result.ok().and_then(|r| serde_json::to_string(&r).ok()));
    });
    println!(
        "{{\"document\":{path:?},\"bytes\":{},\"jsonBytes\":{json_bytes},\"rounds\":{rounds},\"iterations\":{iterations},\"parseNs\":{parse:.1},\"parseJsonNs\":{parse_json:.1}}}",
        xml.len()
    );
    Ok(())
}
