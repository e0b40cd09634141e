#!/usr/bin/env bash
# Clean-room install tests of the packages in dist/ (built by scripts/dist; scripts/setup.d/
# 60-dist.sh rebuilds them when the sources changed), installed the way a shop installs them,
# in an environment with no Rust toolchain: `env -i`, a fresh HOME, a PATH of node, npm and npx
# (linked into the room), /usr/bin and /bin only (checked: no cargo, no rustc), nothing of the
# repository importable. (The browser step runs the repository's page test, with its
# playwright-core, on the installed package: only the package comes from the room.)
#
#   Python   a fresh venv; pip install the gestpay and gestpay-cli wheels of dist/, then the
#            Django example's requirements.txt from PyPI; the example, copied out of the
#            repository, runs its tests against the local gateway that gestpay.testing starts
#            from the installed `gestpay` command
#   Node     a fresh directory with the Express example and the TypeScript example copied in;
#            npm install the tarballs of dist/ (gestpay, gestpay-cli and their linux-x64-gnu
#            platform packages) and express, typescript, @types/node from the registry; the
#            Express tests and the compiled TypeScript example run against the local gateway
#            that gestpay/testing starts from gestpay-cli's binary
#   Browser  npm install the gestpay-wasm tarball; the example page's test in headless Chromium
#            loads that installed package (GESTPAY_WASM_PACKAGE) instead of bindings-wasm/pkg
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
step() { printf '\n--- dist: %s\n' "$*"; }
t0=$SECONDS
[ -f dist/.inputs ] && [ "$(bash scripts/tools/dist-inputs.sh)" = "$(cat dist/.inputs)" ] \
  || { echo "dist/ is missing or older than the sources: run bash scripts/dist (or scripts/setup.d/60-dist.sh)"; exit 1; }
versions=$(bash scripts/tools/dist-version.sh)
read -r version pyversion <<<"$versions"
dist="$root/dist"

room=$(mktemp -d "${TMPDIR:-/tmp}/gestpay-clean-room.XXXXXX")
trap 'rm -rf "$room"' EXIT
mkdir -p "$room/home" "$room/bin"
# Node wherever it is installed (/usr/bin here, /usr/local/bin or nvm elsewhere), and only it.
for tool in node npm npx; do ln -s "$(command -v "$tool")" "$room/bin/$tool"; done
# The user's download caches only (pip's wheels, npm's tarballs): nothing that builds.
pip_cache=$(python3 -m pip cache dir 2>/dev/null || echo "$room/home/.cache/pip")
npm_cache=$(npm config get cache 2>/dev/null || echo "$room/home/.npm")
clean() {
  env -i HOME="$room/home" PATH="$room/bin:/usr/bin:/bin" LANG=C.UTF-8 TMPDIR="$room" \
    PIP_CACHE_DIR="$pip_cache" PIP_DISABLE_PIP_VERSION_CHECK=1 npm_config_cache="$npm_cache" \
    npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false "$@"
}

step "no Rust toolchain is reachable in the clean room"
if clean sh -c 'command -v cargo || command -v rustc || command -v rustup'; then
  echo "a Rust tool is on the clean room's PATH (node's directory, /usr/bin, /bin): the clean room cannot prove anything here"
  exit 1
fi
echo "cargo, rustc, rustup: not found (PATH=$room/bin:/usr/bin:/bin)"

step "Python: a fresh venv, the wheels of dist/, the Django example's requirements"
python=$(python3 -c 'import sys; print(sys.executable)')
clean "$python" -m venv "$room/py"
clean "$room/py/bin/pip" install -q --no-index "$dist"/gestpay-"$pyversion"-*.whl "$dist"/gestpay_cli-"$pyversion"-*.whl
cp -r bindings-python/examples/django_amazon_pay "$room/django-shop"
find "$room/django-shop" \( -name __pycache__ -o -name .pytest_cache \) -prune -exec rm -rf {} +
clean "$room/py/bin/pip" install -q -r "$room/django-shop/requirements.txt"
(cd "$room" && clean "$room/py/bin/python" - "$room/py" <<'EOF'
import shutil, subprocess, sys, sysconfig
import gestpay, gestpay.testing
venv = sys.argv[1]
assert gestpay.__file__.startswith(venv), gestpay.__file__  # the wheel, not the repository
binary = gestpay.testing.find_gateway_binary()
assert binary.startswith(venv), binary                      # the gestpay-cli wheel's binary
print("gestpay", gestpay.__version__, "from", gestpay.__file__)
print(subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.strip(), "at", binary)
EOF
)
step "Python: the Django example's tests against the installed local gateway"
(cd "$room/django-shop" && clean "$room/py/bin/python" -m pytest -q -p no:cacheprovider)

step "Node: a fresh directory, the tarballs of dist/, the Express and TypeScript examples"
shop="$room/node-shop"
cp -r bindings-node/examples/express-amazon-pay "$shop"
rm -rf "$shop/node_modules" "$shop/package-lock.json"
cp -r bindings-node/examples/typescript "$shop/typescript"
rm -rf "$shop/typescript/dist"
(cd "$shop" && clean npm pkg delete dependencies.gestpay \
  && clean npm install --loglevel=error "$dist/gestpay-$version.tgz" "$dist/gestpay-linux-x64-gnu-$version.tgz" \
       "$dist/gestpay-cli-$version.tgz" "$dist/gestpay-cli-linux-x64-gnu-$version.tgz" \
  && clean npm install --loglevel=error --save-dev \
       "typescript@$(node -p "require('$root/bindings-node/package.json').devDependencies.typescript")" \
       "@types/node@$(node -p "require('$root/bindings-node/package.json').devDependencies['@types/node']")")
(cd "$shop" && clean node -e '
  const gestpay = require("gestpay");
  const cli = require("gestpay-cli");
  const { findGatewayBinary } = require("gestpay/testing");
  const here = process.cwd() + "/node_modules/";
  if (!require.resolve("gestpay").startsWith(here)) throw new Error("gestpay is not the installed package");
  if (findGatewayBinary() !== cli.binaryPath() || !cli.binaryPath().startsWith(here)) throw new Error("the binary is not gestpay-cli'"'"'s");
  console.log("gestpay", require("gestpay/package.json").version, "and", cli.binaryPath());
' && clean ./node_modules/.bin/gestpay --version)
step "Node: the Express example's tests against the installed local gateway"
(cd "$shop" && clean node --test test/)
step "Node: the TypeScript example, type-checked, compiled and run"
(cd "$shop" && clean ./node_modules/.bin/tsc -p typescript/tsconfig.json \
  && clean ./node_modules/.bin/tsc -p typescript/tsconfig.build.json \
  && clean node typescript/dist/local-gateway.js)

step "Browser: the example page's test loads the installed gestpay-wasm tarball"
mkdir -p "$room/web" && echo '{"private": true}' > "$room/web/package.json"
(cd "$room/web" && clean npm install --loglevel=error "$dist/gestpay-wasm-$version.tgz")
[ -d bindings-wasm/test/node_modules/playwright-core ] || bash scripts/setup.d/50-wasm.sh
(cd bindings-wasm/test && GESTPAY_WASM_PACKAGE="$room/web/node_modules/gestpay-wasm" npm test)

printf '\ndist suite done in %ss\n' "$((SECONDS - t0))"
