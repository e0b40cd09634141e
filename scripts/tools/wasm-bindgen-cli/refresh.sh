#!/usr/bin/env bash
# Re-pins wasm-bindgen-cli (Cargo.toml and Cargo.lock beside this file) to the version of the
# wasm-bindgen crate in the workspace's Cargo.lock. The new lock starts from the one the tool's
# crate ships (the versions its authors tested), pruned by cargo to what this build uses (no
# default features, no dev-dependencies). Why not `cargo install --locked`: the registry here
# lacked a crate that the shipped lock pins (webpki-roots 1.0.11 for 0.2.130), although the
# build without default features never uses it; this lock leaves such crates out.
# If `cargo fetch --locked` below then names a crate the registry lacks, move it on purpose with
# `cargo update -p NAME --precise VERSION` and say so in the commit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
[ -n "$wanted" ] || { echo "the workspace's Cargo.lock has no wasm-bindgen"; exit 1; }
cd "$here"
sed -i -E "s/^wasm-bindgen-cli = \{ version = \"=[^\"]+\"/wasm-bindgen-cli = { version = \"=$wanted\"/" Cargo.toml
rm -f Cargo.lock
cargo fetch -q   # downloads the crate's source (and a fresh resolution, replaced below)
manifest=$(cargo metadata -q --format-version 1 \
  | python3 -c 'import json,sys; print(next(p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "wasm-bindgen-cli"))')
cp "$(dirname "$manifest")/Cargo.lock" Cargo.lock
cargo metadata -q --format-version 1 >/dev/null   # prunes the shipped lock to this build
cargo fetch --locked -q                           # every pinned crate is in the registry
echo "wasm-bindgen-cli pinned at $wanted ($(grep -c '^name = ' Cargo.lock) crates)"
