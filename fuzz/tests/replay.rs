//! Replays the committed seed corpus (`seeds/<target>/*`) through every target: the CI smoke
//! test of the fuzz targets, without libFuzzer (`cargo test --no-default-features`).

use std::fs;
use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("results", gestpay_fuzz::results),
    ("requests", gestpay_fuzz::requests),
    ("envelope", gestpay_fuzz::envelope),
    ("callback", gestpay_fuzz::callback),
    ("amount", gestpay_fuzz::amount),
    ("custom_info", gestpay_fuzz::custom_info),
    ("roundtrip", gestpay_fuzz::roundtrip),
];

#[test]
fn every_seed_of_every_target_passes() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for (name, target) in TARGETS {
        let dir = seeds.join(name);
        let mut count = 0;
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a seed").path();
            let data = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            target(&data);
            count += 1;
        }
        assert!(count > 0, "no seed for target `{name}`");
        println!("{name}: {count} seeds replayed");
    }
}
