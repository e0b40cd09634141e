#!/usr/bin/env bash
# Prints what dist/ is built from: the git tree of the working tree as it is now (tracked and
# untracked files, .gitignore respected, uncommitted changes included), and the Rust toolchain.
# scripts/dist writes it to dist/.inputs; scripts/setup.d/60-dist.sh rebuilds when it differs.
# (It writes the working tree's files into .git's object store, as `git stash` would; git gc
# removes them.) Outside a git checkout it prints the time: every check then rebuilds.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "no git checkout: $(date +%s%N)"
  exit 0
fi
index=$(mktemp)
trap 'rm -f "$index"' EXIT
# A scratch index, so the user's staging area is untouched (none yet: git starts from empty).
rm -f "$index"
cp "$(git rev-parse --git-path index)" "$index" 2>/dev/null || true
GIT_INDEX_FILE=$index git add -A .
echo "tree $(GIT_INDEX_FILE=$index git write-tree)"
echo "rustc $(rustc --version)"
