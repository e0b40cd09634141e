#!/usr/bin/env bash
# The Python binding's toolchain: a virtualenv at .venv with the pinned tools of
# bindings-python/requirements-dev.txt. Idempotent: a no-op when .venv already has them.
set -euo pipefail
cd "$(dirname "$0")/../.."

python="${PYTHON:-python3}"
command -v "$python" >/dev/null || { echo "$python is missing: install Python 3.9 or newer with venv and pip (or set PYTHON=/path/to/python3)"; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 9))' \
  || { echo "$("$python" --version) is too old: Python 3.9 or newer is required (set PYTHON=...)"; exit 1; }
requirements=bindings-python/requirements-dev.txt
stamp=.venv/.gestpay-requirements

if [ ! -x .venv/bin/python ]; then
  echo "creating .venv with $("$python" --version)"
  "$python" -m venv .venv || { echo "$python -m venv failed: install the venv module (Debian: apt-get install python3-venv)"; exit 1; }
fi
if [ -f "$stamp" ] && cmp -s "$requirements" "$stamp"; then
  echo "python tools already installed in .venv"
  exit 0
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
.venv/bin/python -m pip list --disable-pip-version-check 2>/dev/null \
  | grep -i -E '^(maturin|pytest|mypy|httpx|django|django-stubs) '
