// WASM vs native Rust: parse the docs' Amazon Pay callReadTrxS2S answer
// (tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.xml) in Node through the WASM
// build (pkg/node), and natively with the core called directly (bench/native.rs, run through
// cargo). Medians of per-round means, same document. A benchmark script, never a timed test.
//
//   node bindings-wasm/bench/wasm.mjs [--rounds N] [--iterations N] [--no-native]
//
// Rows: `gestpay-wasm parseResult` is the public API (string in, plain object out, as a page
// calls it); `wasm export parseResult` is the module's own function (UTF-8 copy in, parse,
// JSON text out), the same work as the native `parse + JSON`; when the napi addon of
// bindings-node is built, its `parseResult` is shown too.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 21);
const iterations = arg('--iterations', 2000);
const native = !process.argv.includes('--no-native');

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

function medianNs(run) {
  for (let i = 0; i < iterations; i++) run();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) run();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

// The benchmark measures a successful parse, checked once before timing.
const parsed = JSON.parse(JSON.stringify(wasm.parseResult('callReadTrxS2S', xml)));
if (JSON.stringify(parsed) !== JSON.stringify(expected)) throw new Error('the WASM parse differs from the fixture');

const rows = [];
rows.push(['gestpay-wasm parseResult (public API, object out)', medianNs(() => wasm.parseResult('callReadTrxS2S', xml))]);
rows.push(['wasm export parseResult (parse + JSON text out)', medianNs(() => wasmNative.parseResult('callReadTrxS2S', xml, undefined))]);

const addon = `${root}bindings-node/binding.js`;
if (existsSync(addon) && existsSync(`${root}bindings-node/gestpay.linux-x64-gnu.node`)) {
  const napi = (await import(`${root}bindings-node/index.mjs`)).default;
  rows.push(['napi addon parseResult (public API, object out)', medianNs(() => napi.parseResult('callReadTrxS2S', xml))]);
}

let nativeResult = null;
if (native) {
  const run = spawnSync(
    'cargo',
    ['run', '--locked', '--release', '-q', '-p', 'gestpay-wasm', '--example', 'bench_native', '--', documentPath, String(rounds), String(iterations)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`bench_native failed (${run.status})`);
  nativeResult = JSON.parse(run.stdout.trim().split('\n').pop());
  rows.push(['native Rust core parse (from_xml)', nativeResult.parseNs]);
  rows.push(['native Rust parse + JSON text (serde_json)', nativeResult.parseJsonNs]);
}

const us = (ns) => `${(ns / 1000).toFixed(1)} µs`;
console.log(`document: ${documentPath.slice(root.length)} (${Buffer.byteLength(xml)} bytes); ${rounds} rounds × ${iterations}; Node ${process.version}`);
for (const [label, ns] of rows) console.log(`  ${label.padEnd(52)} ${us(ns).padStart(10)}`);
if (nativeResult) {
  const exportNs = rows[1][1];
  const apiNs = rows[0][1];
  console.log(`WASM / native, same work (parse + JSON text): ${(exportNs / nativeResult.parseJsonNs).toFixed(2)}×`);
  console.log(`WASM public API / native parse + JSON:         ${(apiNs / nativeResult.parseJsonNs).toFixed(2)}×`);
  console.log(`WASM public API / native core parse alone:     ${(apiNs / nativeResult.parseNs).toFixed(2)}×`);
}
