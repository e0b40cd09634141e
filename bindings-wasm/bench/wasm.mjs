// WASM vs native Rust: parse the docs' Amazon Pay callReadTrxS2S answer
// (tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.xml) in Node through the WASM
// build (pkg/node), and natively with the core called directly (bench/native.rs, run through
// cargo). Medians of per-round means, same document. A benchmark script, never a timed test.
//
//   node bindings-wasm/bench/wasm.mjs [--repeat N] [--rounds N] [--iterations N] [--no-native] [--json FILE]
//
// --json FILE also writes the rows and the ratios as JSON (bench/wasm/run.sh makes its report
// from it).
//
// Rows: `gestpay-wasm parseResult` is the public API (string in, a view on the parsed value
// out, as a page calls it); `wasm export parseResult` is the module's own function (UTF-8 copy
// in, parse, a handle out, freed at once), the same work as the native typed parse; when the
// napi addon of bindings-node is built, its `parseResult` is shown too. The loop yields to the
// event loop between rounds, as a page or a server does, so that the values of dropped views
// are freed (wasm-bindgen's finalizers run between tasks): a synchronous loop of 100,000
// parses would only measure a heap that grows.
import { deepStrictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 21);
const iterations = arg('--iterations', 2000);
const repeat = arg('--repeat', 5);
const native = !process.argv.includes('--no-native');
const jsonIndex = process.argv.indexOf('--json');
const jsonPath = jsonIndex > 0 ? process.argv[jsonIndex + 1] : null;

const root = fileURLToPath(new URL('../../', import.meta.url));
const documentPath = `${root}tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.xml`;
const xml = readFileSync(documentPath, 'utf8');
const expected = JSON.parse(readFileSync(documentPath.replace('.xml', '.json'), 'utf8'));

const pkgNode = `${root}bindings-wasm/pkg/node/`;
if (!existsSync(`${pkgNode}index.mjs`)) {
  console.error('bindings-wasm/pkg is not built: run bash bindings-wasm/scripts/build.sh');
  process.exit(1);
}
const wasm = (await import(`${pkgNode}index.mjs`)).default;
const wasmNative = createRequire(pkgNode)('./gestpay_wasm.js');

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function medianNs(run) {
  for (let i = 0; i < iterations; i++) run();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    await turn();
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) run();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

// The benchmark measures a successful parse, checked once before timing.
const parsed = JSON.parse(JSON.stringify(wasm.parseResult('callReadTrxS2S', xml)));
deepStrictEqual(parsed, expected, 'the WASM parse differs from the fixture');

const addonBuilt = existsSync(`${root}bindings-node/binding.js`) && existsSync(`${root}bindings-node/gestpay.linux-x64-gnu.node`);
const napi = addonBuilt ? (await import(`${root}bindings-node/index.mjs`)).default : null;

let nativeBinary = null;
if (native) {
  const build = spawnSync('cargo', ['build', '--locked', '--release', '-q', '-p', 'gestpay-wasm', '--example', 'bench_native'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`cargo build --example bench_native failed (${build.status})`);
  const target = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
  nativeBinary = join(target, 'release', 'examples', 'bench_native');
}

// The machine may be shared: WASM and native runs alternate, `repeat` times, and each row's
// figure is the median of its runs.
const started = new Date();
const loadBefore = os.loadavg()[0];
const runs = new Map();
const record = (label, ns) => runs.set(label, [...(runs.get(label) ?? []), ns]);
for (let k = 0; k < repeat; k++) {
  record('gestpay-wasm parseResult (public API, view out)', await medianNs(() => wasm.parseResult('callReadTrxS2S', xml)));
  record('wasm export parseResult (parse, handle out)', await medianNs(() => wasmNative.parseResult('callReadTrxS2S', xml, undefined).free()));
  if (napi) record('napi addon parseResult (public API, view out)', await medianNs(() => napi.parseResult('callReadTrxS2S', xml)));
  if (nativeBinary) {
    const run = spawnSync(nativeBinary, [documentPath, String(rounds), String(iterations)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bench_native failed (${run.status}): ${run.stderr}`);
    const result = JSON.parse(run.stdout.trim());
    record('native Rust core parse (from_xml)', result.parseNs);
    record('native Rust parse + JSON text (serde_json)', result.parseJsonNs);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [...runs].map(([label, xs]) => [label, median(xs)]);
const row = (label) => rows.find(([l]) => l.startsWith(label))?.[1];

const loadAfter = os.loadavg()[0];

const us = (ns) => `${(ns / 1000).toFixed(1)} µs`;
console.log(
  `document: ${documentPath.slice(root.length)} (${Buffer.byteLength(xml)} bytes); ${repeat} × ${rounds} rounds × ${iterations}; Node ${process.version}`,
);
for (const [label, ns] of rows) console.log(`  ${label.padEnd(52)} ${us(ns).padStart(10)}`);
if (nativeBinary) {
  const nativeParse = row('native Rust core parse');
  console.log(`WASM / native, same work (typed parse): ${(row('wasm export') / nativeParse).toFixed(2)}×`);
  console.log(`WASM public API / native typed parse:   ${(row('gestpay-wasm') / nativeParse).toFixed(2)}×`);
}
if (jsonPath) {
  const nativeParse = row('native Rust core parse');
  const ratio = (label, base) => row(label) / row(base);
  const report = {
    date: started.toISOString(),
    node: process.version,
    document: documentPath.slice(root.length),
    bytes: Buffer.byteLength(xml),
    repeat,
    rounds,
    iterations,
    load: [loadBefore, loadAfter],
    rows: [...runs].map(([label, xs]) => ({ label, medianNs: median(xs), runsNs: xs })),
    ratios: nativeParse
      ? {
          sameWork: ratio('wasm export', 'native Rust core parse'),
          publicApi: ratio('gestpay-wasm', 'native Rust core parse'),
        }
      : null,
  };
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
}
