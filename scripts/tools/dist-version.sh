#!/usr/bin/env bash
# Prints the version every package of dist/ carries, twice: as the workspace writes it (Cargo,
# npm: 0.2.0-rc.1) and as the Python artifacts spell it (PEP 440: 0.2.0rc1). Fails when the
# workspace's crates do not share one version. Used by scripts/dist and the dist suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
versions=$(cargo metadata --locked --no-deps --format-version 1 \
  | python3 -c 'import json,sys; print(" ".join(sorted({p["version"] for p in json.load(sys.stdin)["packages"]})))')
case "$versions" in
  *" "*|"") echo "the workspace's crates do not share one version: $versions" >&2; exit 1 ;;
esac
python3 -c 'import sys; from pip._vendor.packaging.version import Version; print(sys.argv[1], Version(sys.argv[1]))' "$versions"
