//! Turns one run of the criterion benches into the Markdown tables of docs/performance.md:
//! `report <criterion dir> [instructions.tsv]`. Medians per benchmark, the ratios against the
//! references of the same run, and the cost per KB across sizes (linearity). With the optional
//! file of callgrind instruction counts (`bench/run --instructions`), a load-independent table
//! of the same ratios.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// `group/function/parameter` → (median ns, bytes per iteration).
type Medians = BTreeMap<(String, String, String), (f64, Option<u64>)>;

fn read_json(path: &Path) -> Option<serde_json::Value> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

fn medians(dir: &Path) -> Medians {
    let mut out = Medians::new();
    let Ok(groups) = fs::read_dir(dir) else {
        return out;
    };
    for group in groups.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        for function in fs::read_dir(&group).unwrap().flatten().map(|e| e.path()) {
            let Ok(params) = fs::read_dir(&function) else {
                continue;
            };
            for param in params.flatten().map(|e| e.path()) {
                let new: PathBuf = param.join("new");
                let (Some(estimates), Some(benchmark)) = (
                    read_json(&new.join("estimates.json")),
                    read_json(&new.join("benchmark.json")),
                ) else {
                    continue;
                };
                let median = estimates["median"]["point_estimate"].as_f64().unwrap();
                let bytes = benchmark["throughput"]["Bytes"].as_u64();
                let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
                out.insert(
                    (name(&group), name(&function), name(&param)),
                    (median, bytes),
                );
            }
        }
    }
    out
}

fn time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

fn params(m: &Medians, group: &str) -> Vec<String> {
    let mut ps: Vec<String> = m
        .keys()
        .filter(|(g, _, _)| g == group)
        .map(|(_, _, p)| p.clone())
        .collect();
    ps.sort_by_key(|p| p.parse::<u64>().unwrap_or(0));
    ps.dedup();
    ps
}

fn get(m: &Medians, group: &str, function: &str, param: &str) -> Option<(f64, Option<u64>)> {
    m.get(&(group.to_owned(), function.to_owned(), param.to_owned()))
        .copied()
}

fn label(group: &str, param: &str) -> String {
    match group.split_once('_').map(|(_, rest)| rest) {
        Some("corpus") => format!("corpus ({param} documents)"),
        Some("read_trx_events") => format!("callReadTrxS2S, {param} events"),
        Some("encrypt_products") => format!("Encrypt, {param} products"),
        _ => format!("{group} {param}"),
    }
}

const FAMILIES: [&str; 3] = ["corpus", "read_trx_events", "encrypt_products"];

fn parse_table(m: &Medians) -> String {
    let mut s = String::from(
        "| document | bytes | typed parse | bare quick-xml scan | **typed / scan** (target ≤ 1.5) | scan + owned texts | typed / (scan + owned) | typed µs per KB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for family in FAMILIES {
        let group = format!("parse_{family}");
        for p in params(m, &group) {
            let (Some((typed, bytes)), Some((scan, _))) =
                (get(m, &group, "typed", &p), get(m, &group, "bare_scan", &p))
            else {
                continue;
            };
            let owned = get(m, &group, "bare_scan_owned", &p);
            let bytes = bytes.unwrap_or(0);
            s.push_str(&format!(
                "| {} | {bytes} | {} | {} | **{:.2}** | {} | {} | {:.2} |\n",
                label(&group, &p),
                time(typed),
                time(scan),
                typed / scan,
                owned.map_or("–".into(), |(o, _)| time(o)),
                owned.map_or("–".into(), |(o, _)| format!("{:.2}", typed / o)),
                typed / 1e3 / (bytes.max(1) as f64 / 1024.0),
            ));
        }
    }
    s
}

fn build_table(m: &Medians) -> String {
    let mut s = String::from(
        "| document | bytes | typed build (validated) | unchecked build | bare quick-xml writer | **typed / writer** (target ≤ 1.0) | unchecked / writer | typed µs per KB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for family in FAMILIES {
        let group = format!("build_{family}");
        for p in params(m, &group) {
            let (Some((typed, bytes)), Some((unchecked, _)), Some((writer, _))) = (
                get(m, &group, "typed", &p),
                get(m, &group, "unchecked", &p),
                get(m, &group, "bare_writer", &p),
            ) else {
                continue;
            };
            let bytes = bytes.unwrap_or(0);
            s.push_str(&format!(
                "| {} | {bytes} | {} | {} | {} | **{:.2}** | {:.2} | {:.2} |\n",
                label(&group, &p),
                time(typed),
                time(unchecked),
                time(writer),
                typed / writer,
                unchecked / writer,
                typed / 1e3 / (bytes.max(1) as f64 / 1024.0),
            ));
        }
    }
    s
}

/// `workload family size instructions` lines, from `bench/run --instructions`.
fn instructions_table(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let mut ir: BTreeMap<(String, String, String), f64> = BTreeMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if let [workload, family, size, count] = f[..] {
            ir.insert(
                (workload.into(), family.into(), size.into()),
                count.parse().unwrap(),
            );
        }
    }
    let mut s = String::from(
        "| document | typed parse / scan | scan + owned texts / scan | typed build / writer | unchecked build / writer |\n| --- | ---: | ---: | ---: | ---: |\n",
    );
    let mut docs: Vec<(String, String)> =
        ir.keys().map(|(_, f, z)| (f.clone(), z.clone())).collect();
    docs.sort_by_key(|(f, z)| (f != "corpus", f.clone(), z.parse::<u64>().unwrap_or(0)));
    docs.dedup();
    for (family, size) in docs {
        let v = |w: &str| {
            ir.get(&(w.to_owned(), family.clone(), size.clone()))
                .copied()
        };
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => format!("{:.2}", a / b),
            _ => "–".to_owned(),
        };
        let name = if family == "corpus" {
            "corpus (every document)".to_owned()
        } else {
            label(&format!("x_{family}"), &size)
        };
        s.push_str(&format!(
            "| {name} | {} | {} | {} | {} |\n",
            ratio(v("parse"), v("scan")),
            ratio(v("scan_owned"), v("scan")),
            ratio(v("build"), v("write")),
            ratio(v("unchecked"), v("write")),
        ));
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .expect("usage: report <criterion dir> [instructions]"),
    );
    let m = medians(&dir);
    assert!(
        !m.is_empty(),
        "no criterion results under {}",
        dir.display()
    );
    println!("#### Parsing: typed result vs a bare quick-xml scan of the same bytes\n");
    println!("{}", parse_table(&m));
    println!(
        "#### Building: typed envelope vs a bare quick-xml writer emitting the same envelope\n"
    );
    println!("{}", build_table(&m));
    if let Some(path) = args.get(1) {
        println!(
            "#### The same ratios in instructions (callgrind: independent of the machine's load)\n"
        );
        println!("{}", instructions_table(Path::new(path)));
    }
}
