#!/usr/bin/env bash
# The Python binding (bindings-python/): the generated files are up to date; the package builds
# and installs into .venv the way a user's `pip install ./bindings-python` does (PEP 517 through
# maturin); then pytest (the binding, with the whole shared corpus, and the Django example),
# mypy --strict (package, tests, example) and stubtest. Needs scripts/setup.d/20-python.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
py="$root/.venv/bin/python"
[ -x "$py" ] || { echo ".venv is missing: run bash scripts/setup.d/20-python.sh"; exit 1; }
step() { printf '\n--- python: %s\n' "$*"; }
t0=$SECONDS

step "generated files (generate.py --check)"
"$py" bindings-python/generate.py --check

step "pip install ./bindings-python"
"$py" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./bindings-python
"$py" -c 'import gestpay, sys; print("gestpay", gestpay.__version__, "from", gestpay.__file__)'

step "the emulator for the end-to-end tests (gestpay sandbox)"
cargo build --locked -q -p gestpay-cli
export GESTPAY_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/gestpay"

cd "$root/bindings-python"
step "pytest: the binding"
"$py" -m pytest -q tests
step "pytest: the Django example"
(cd examples/django_amazon_pay && "$py" -m pytest -q)

step "mypy --strict"
(cd python && "$py" -m mypy --strict -p gestpay)
"$py" -m mypy --strict tests
"$py" -m mypy --strict examples/django_amazon_pay

step "stubtest (the installed package against its annotations and _gestpay.pyi)"
(cd "$(mktemp -d)" && "$py" -m mypy.stubtest gestpay --allowlist "$root/bindings-python/stubtest-allowlist.txt")

printf '\npython suite done in %ss\n' "$((SECONDS - t0))"
