#!/usr/bin/env bash
# Checks what scripts/dist built (usage: check-dist.sh DIST VERSION STAGE PYVERSION, the last
# the version as the Python artifacts spell it, PEP 440): every artifact is
# there at VERSION; the Python wheel is abi3 and both wheels are manylinux_2_17 by auditwheel's
# own reading of their symbols; the addon and the binary need nothing newer than glibc 2.17;
# the npm tarballs carry the right names and versions, the main packages no binary; the sdist
# holds the core it builds from.
set -euo pipefail
dist=$1 version=$2 stage=$3 pyversion=$4
# To stderr: `fail` also runs inside $(…), whose stdout is the caller's variable.
fail() { echo "dist check failed: $*" >&2; exit 1; }
one() { # the one file matching a glob
  local matches=("$dist"/$1)
  [ "${#matches[@]}" = 1 ] && [ -f "${matches[0]}" ] || fail "expected one $1 in $dist, found: ${matches[*]}"
  echo "${matches[0]}"
}

wheel=$(one "gestpay-$pyversion-cp39-abi3-manylinux*_x86_64.whl")
cli_wheel=$(one "gestpay_cli-$pyversion-py3-none-manylinux*_x86_64.whl")
for w in "$wheel" "$cli_wheel"; do
  report=$(auditwheel show "$w")
  grep -q '"manylinux_2_17_x86_64"' <<<"$report" || fail "auditwheel does not place $(basename "$w") in manylinux_2_17: $report"
done
echo "wheels: $(basename "$wheel"), $(basename "$cli_wheel"): manylinux_2_17_x86_64 (auditwheel)"
for w in "$wheel" "$cli_wheel"; do
  python3 - "$w" <<'EOF' || fail "$(basename "$w") lacks its licence files or its License-Expression"
import sys, zipfile
wheel = zipfile.ZipFile(sys.argv[1])
names = wheel.namelist()
meta = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
assert "License-Expression: MIT OR Apache-2.0" in meta
for licence in ("LICENSE-MIT", "LICENSE-APACHE"):
    assert any(n.endswith("/licenses/" + licence) for n in names), licence
EOF
done

max_glibc() { { objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' || true; } | sed 's/GLIBC_//' | sort -V | tail -1; }
for binary in "$stage/napi/gestpay.linux-x64-gnu.node" "$stage/bin/gestpay"; do
  need=$(max_glibc "$binary")
  [ -n "$need" ] || fail "$binary references no versioned glibc symbol: not the build expected"
  [ "$(printf '%s\n2.17\n' "$need" | sort -V | tail -1)" = 2.17 ] || fail "$binary needs glibc $need (> 2.17)"
  echo "$(basename "$binary"): glibc $need or newer"
done

check_npm() { # tarball name-in-manifest [must-not-contain] (and every package has the licences)
  local tarball listing
  tarball=$(one "$1-$version.tgz")
  [ "$(tar -xzOf "$tarball" package/package.json | node -e 'const m=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(m.name+" "+m.version)')" = "$1 $version" ] \
    || fail "$tarball is not $1 $version"
  listing=$(tar -tzf "$tarball")
  grep -qx 'package/LICENSE-MIT' <<<"$listing" && grep -qx 'package/LICENSE-APACHE' <<<"$listing" \
    || fail "$tarball lacks LICENSE-MIT or LICENSE-APACHE"
  if [ -n "${2:-}" ] && grep -q -- "$2" <<<"$listing"; then fail "$tarball contains $2"; fi
  echo "$(basename "$tarball"): $(wc -l <<<"$listing") files"
}
check_npm gestpay '\.node$'
check_npm gestpay-linux-x64-gnu
check_npm gestpay-wasm
check_npm gestpay-cli 'package/gestpay$'
check_npm gestpay-cli-linux-x64-gnu
# (The listings are read whole before grep: `grep -q` closing the pipe early fails pipefail.)
modes=$(tar -tzvf "$(one "gestpay-cli-linux-x64-gnu-$version.tgz")")
grep -q '^-rwx.*package/gestpay$' <<<"$modes" || fail "the binary of gestpay-cli-linux-x64-gnu is not executable in its tarball"

sdist=$(one "gestpay-$pyversion.tar.gz")
grep -q '/core/src/lib.rs$' <<<"$(tar -tzf "$sdist")" || fail "$sdist does not hold the core's sources"
grep -qx "Version: $pyversion" <<<"$(tar -xzOf "$sdist" "gestpay-$pyversion/PKG-INFO")" || fail "$sdist is not version $pyversion"
archive=$(one "gestpay-cli-$version-x86_64-unknown-linux-gnu.tar.gz")
[ "$(tar -tzf "$archive" | sort | tr '\n' ' ')" = "gestpay-cli-$version-x86_64-unknown-linux-gnu/ gestpay-cli-$version-x86_64-unknown-linux-gnu/LICENSE-APACHE gestpay-cli-$version-x86_64-unknown-linux-gnu/LICENSE-MIT gestpay-cli-$version-x86_64-unknown-linux-gnu/README.md gestpay-cli-$version-x86_64-unknown-linux-gnu/gestpay " ] \
  || fail "$archive holds: $(tar -tzf "$archive" | tr '\n' ' ')"
echo "sdist and archive: $(basename "$sdist"), $(basename "$archive")"
