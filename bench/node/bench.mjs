// gestpay (the Node binding) vs the `soap` package driven by the gateway's WSDLs (docs/wsdl/)
// vs fast-xml-parser, on the same documents, in one process:
//   parse  the Amazon Pay answer of callReadTrxS2S (tests/fixtures/s2s/callReadTrxS2S/amazonpay-full)
//   build  a rich Encrypt (tests/fixtures/cryptdecrypt/Encrypt/amazonpay-full: every block)
// Candidates run interleaved, in rounds; each round times a batch per candidate in CPU time
// (process.cpuUsage: on a shared machine, wall time also counts the time other processes held
// the core); the report gives the median time per operation and the ratio to gestpay. A script,
// never a timed test.
//
//   node bench.mjs [--rounds 15] [--native path/to/native] [--json results.json] [--markdown results.md] [--summary summary.tsv]
//
// --native: the core's own time on the same bytes and values (bench/src/bin/native.rs, built by
// run.sh), and the binding's in wall time beside it: the ratios of the thin-binding targets.
//
// --markdown writes the table with the machine, load and method (bench/node/run.sh writes
// results.md); --summary one line per target (target, measured ratio, met) for bench/run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import * as gestpay from 'gestpay';

const require = createRequire(import.meta.url);
const soap = require('soap');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', 15));
const fixture = (path) => new URL(`../../tests/fixtures/${path}`, import.meta.url);
const wsdl = (name) => new URL(`../../docs/wsdl/${name}`, import.meta.url).pathname;

// --- the documents ---------------------------------------------------------------------------
const readXml = readFileSync(fixture('s2s/callReadTrxS2S/amazonpay-full.response.xml'));
const readXmlText = readXml.toString('utf8');
const encryptJson = JSON.parse(readFileSync(fixture('cryptdecrypt/Encrypt/amazonpay-full.request.json'), 'utf8'));
// soap and fast-xml-parser take the request with its wire names: the same document, read from
// the corpus's expected envelope.
const wireParser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: false });
const encryptWire = wireParser.parse(readFileSync(fixture('cryptdecrypt/Encrypt/amazonpay-full.request.xml'), 'utf8')).Envelope.Body.Encrypt;

// --- candidates --------------------------------------------------------------------------------
const s2sClient = await soap.createClientAsync(wsdl('WSs2s.wsdl'));
const cdClient = await soap.createClientAsync(wsdl('WSCryptDecrypt.reconstructed.wsdl'));
const encryptInput = cdClient.wsdl.definitions.bindings.WSCryptDecryptSoap.methods.Encrypt.input;
const ENVELOPE_START =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>';
const ENVELOPE_END = '</soap:Body></soap:Envelope>';

// soap's whole client call, with a transport stub that captures the envelope and answers at once.
let captured = '';
const cannedEncrypt = gestpay.buildResponse('Encrypt', { transactionResult: 'OK', cryptDecryptString: 'X' }).body;
cdClient.httpClient = {
  request(url, data, callback) {
    captured = data;
    callback(null, { statusCode: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, data: cannedEncrypt }, cannedEncrypt);
    return {};
  },
};

const fxpParser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });
const fxpBuilder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

const parse = {
  'gestpay parseResponse': () => gestpay.parseResponse('callReadTrxS2S', { status: 200, contentType: 'text/xml; charset=utf-8', body: readXml }),
  'soap (WSDL) xmlToObject': () => s2sClient.wsdl.xmlToObject(readXmlText),
  'fast-xml-parser parse': () => fxpParser.parse(readXmlText),
};
const build = {
  'gestpay buildRequest': () => gestpay.buildRequest('Encrypt', encryptJson).body,
  'soap (WSDL) serialise': () =>
    ENVELOPE_START +
    cdClient.wsdl.objectToDocumentXML(encryptInput.$name, encryptWire, encryptInput.targetNSAlias, encryptInput.targetNamespace, encryptInput.$type) +
    ENVELOPE_END,
  'fast-xml-parser build': () =>
    ENVELOPE_START + fxpBuilder.build({ Encrypt: { '@_xmlns': 'https://ecomm.sella.it/', ...encryptWire } }) + ENVELOPE_END,
};
const buildAsync = {
  'soap client.EncryptAsync (stub transport)': () => cdClient.EncryptAsync(encryptWire),
};

// --- the same work: a sanity check before timing -----------------------------------------------
const ours = parse['gestpay parseResponse']();
const theirs = parse['soap (WSDL) xmlToObject']().Body.callReadTrxS2SResponse.callReadTrxS2SResult.GestPayS2S;
if (ours.bankTransactionId !== theirs.BankTransactionID || ours.orderReferenceDetails.destination.physicalDestination.city !== theirs.OrderReferenceDetails.Destination.PhysicalDestination.City) {
  throw new Error('the parsers disagree on the document');
}
for (const [name, fn] of Object.entries(build)) {
  const xml = fn();
  for (const needle of ['AMZ-2024-000119', '90.40', 'paynowandrecurring']) {
    if (!xml.includes(needle)) throw new Error(`${name} lost ${needle}`);
  }
}
await buildAsync['soap client.EncryptAsync (stub transport)']();
if (!captured.includes('AMZ-2024-000119')) throw new Error('soap client sent another document');

// --- timing ------------------------------------------------------------------------------------
/** CPU microseconds (user + system) since `start`. */
function cpuSince(start) {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function batchSize(fn) {
  let n = 1;
  for (;;) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    if (cpuSince(t) > 30_000 || n > 1e6) return n;
    n *= 2;
  }
}

async function batchSizeAsync(fn) {
  let n = 1;
  for (;;) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) await fn();
    if (cpuSince(t) > 30_000 || n > 1e6) return n;
    n *= 2;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run(group, sync, async = {}) {
  const sizes = {};
  for (const [name, fn] of Object.entries(sync)) sizes[name] = batchSize(fn);
  for (const [name, fn] of Object.entries(async)) sizes[name] = await batchSizeAsync(fn);
  const samples = Object.fromEntries(Object.keys(sizes).map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(sync)) {
      const n = sizes[name];
      const t = process.cpuUsage();
      for (let i = 0; i < n; i++) fn();
      samples[name].push(cpuSince(t) / n);
    }
    for (const [name, fn] of Object.entries(async)) {
      const n = sizes[name];
      const t = process.cpuUsage();
      for (let i = 0; i < n; i++) await fn();
      samples[name].push(cpuSince(t) / n);
    }
  }
  const base = median(samples[Object.keys(sync)[0]]);
  return Object.entries(samples).map(([name, xs]) => ({ group, name, medianMicros: median(xs), ratio: median(xs) / base }));
}

const started = new Date();
const loadBefore = os.loadavg()[0];
const results = [...(await run('parse', parse)), ...(await run('build', build, buildAsync))];

// --- against the core itself (--native) ----------------------------------------------------------
// Wall time on both sides, the native side's method (bench/src/bin/native.rs): the median of
// ROUNDS loops of about 20 ms each, after a warm-up.
function wallMedian(fn) {
  for (let i = 0; i < 100; i++) fn();
  let loops = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < 20_000_000n) {
    fn();
    loops++;
  }
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < loops; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t) / loops / 1000);
  }
  return median(samples);
}
const readResponse = { status: 200, contentType: 'text/xml; charset=utf-8', body: readXml };
const readAll = (value) => {
  if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) readAll(value[key]);
};
// [name, target (× native), the native workload, what is timed]
const AGAINST_NATIVE = [
  ['parseResponse', 1.5, 'parse', () => gestpay.parseResponse('callReadTrxS2S', readResponse), '`parseResponse`: the typed result as objects'],
  ['parseResponse, every field read', null, 'parse', () => readAll(gestpay.parseResponse('callReadTrxS2S', readResponse)), 'and every key of every level read (`Object.keys`, recursively)'],
  ['buildRequest from a plain object', 2, 'build', () => gestpay.buildRequest('Encrypt', encryptJson).body, '`buildRequest(op, object)`: `JSON.stringify`, the core reads and validates it, builds the envelope'],
];
const nativeRows = [];
const nativeBin = arg('native');
if (nativeBin) {
  const native = (...args) => JSON.parse(execFileSync(nativeBin, args, { env: { ...process.env, ROUNDS: String(ROUNDS) } }).toString()).median_ns / 1000;
  const encryptFile = fixture('cryptdecrypt/Encrypt/amazonpay-full.request.json').pathname;
  const core = {
    parse: native('parse', 'callReadTrxS2S', fixture('s2s/callReadTrxS2S/amazonpay-full.response.xml').pathname, readResponse.contentType),
    build: native('build', 'Encrypt', encryptFile),
  };
  for (const [name, target, workload, fn, what] of AGAINST_NATIVE) {
    const micros = wallMedian(fn);
    nativeRows.push({ name, target, workload, micros, core: core[workload], ratio: micros / core[workload], what });
  }
}
const loadAfter = os.loadavg()[0];

console.log(`node ${process.version}, ${ROUNDS} rounds, median CPU time per operation (ratio = candidate / gestpay)\n`);
for (const group of ['parse', 'build']) {
  console.log(group === 'parse' ? `parse: callReadTrxS2S Amazon Pay answer (${readXml.length} bytes)` : `build: rich Encrypt (${gestpay.buildRequest('Encrypt', encryptJson).body.length} bytes)`);
  for (const r of results.filter((x) => x.group === group)) {
    console.log(`  ${r.name.padEnd(44)} ${r.medianMicros.toFixed(1).padStart(9)} µs   ${r.ratio.toFixed(2).padStart(6)}×`);
  }
  console.log();
}
for (const r of nativeRows) {
  console.log(`  ${r.name.padEnd(36)} ${r.micros.toFixed(1).padStart(9)} µs   ${r.ratio.toFixed(2).padStart(6)}× native ${r.workload} (${r.core.toFixed(1)} µs)`);
}
const jsonPath = arg('json');
if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify({ node: process.version, rounds: ROUNDS, results, nativeRows }, null, 2)}\n`);

// --- Markdown and summary (bench/node/run.sh) ----------------------------------------------------
// The issue's targets: gestpay this many times faster than soap's WSDL-driven code.
const TARGETS = { 'soap (WSDL) xmlToObject': ['parse', 20], 'soap (WSDL) serialise': ['build', 50] };
const WHAT = {
  'gestpay parseResponse': "`gestpay.parseResponse('callReadTrxS2S', { status, contentType, body })`: typed, validated camelCase object",
  'soap (WSDL) xmlToObject': '`client.wsdl.xmlToObject(text)`: what the soap client runs on every answer (WSDL-driven)',
  'fast-xml-parser parse': '`XMLParser.parse(text)`: an untyped tree, no SOAP or schema handling',
  'gestpay buildRequest': "`gestpay.buildRequest('Encrypt', request).body`: validated, escaped envelope",
  'soap (WSDL) serialise': '`wsdl.objectToDocumentXML(...)` in an envelope: what the soap client sends',
  'fast-xml-parser build': '`XMLBuilder.build(...)` in an envelope: no validation, no schema',
  'soap client.EncryptAsync (stub transport)': "soap's whole `client.EncryptAsync` with a transport stub that answers at once",
};
const verdict = (r) => {
  const [group, times] = TARGETS[r.name] ?? [];
  return group === r.group ? { times, met: r.ratio >= times } : null;
};
const fmt = (x, digits) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pkgVersion = (dir) => JSON.parse(readFileSync(new URL(`node_modules/${dir}/package.json`, import.meta.url), 'utf8')).version;

const markdownPath = arg('markdown');
if (markdownPath) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const rows = results.map((r) => {
    const v = verdict(r);
    const target = v ? `≥ ${v.times}×: ${v.met ? 'met' : 'missed'}` : '';
    return `| ${r.group} | ${r.name} | ${fmt(r.medianMicros, 1)} | ${r.ratio.toFixed(2)} | ${target} | ${WHAT[r.name] ?? ''} |`;
  });
  // The first line marks the file generated (bench/run drops it from the report).
  const md = `<!-- Generated by bench/node/run.sh (bench/node/bench.mjs) — do not edit; run \`bash bench/node/run.sh\`. -->
# Node binding benchmark

Generated by \`bench/node/run.sh\` (\`bench/node/bench.mjs\`).

* date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC
* machine: ${os.cpus().length} CPUs (available parallelism ${os.availableParallelism()}), ${cpu}, ${os.type()} ${os.release()}; 1-minute load average ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end
* software: Node ${process.version}, gestpay ${pkgVersion('gestpay')}, soap ${pkgVersion('soap')}, fast-xml-parser ${pkgVersion('fast-xml-parser')}
* method: ${ROUNDS} interleaved rounds per operation, each sample a batch of calls of at least
  30 ms of CPU, after a warm-up (the batch sizing); the median of the per-call times is shown, in
  CPU time of the process (\`process.cpuUsage\`, user + system, so the garbage collector's helper
  threads count too). Ratio = the implementation's median / gestpay's (above 1: gestpay is
  faster); CPU time because the machine is shared (wall time also counts the waits for a core).
* parse: tests/fixtures/s2s/callReadTrxS2S/amazonpay-full.response.xml (${readXml.length} bytes) into objects
* build: tests/fixtures/cryptdecrypt/Encrypt/amazonpay-full.request.json into the envelope (${gestpay.buildRequest('Encrypt', encryptJson).body.length} bytes)

| operation | implementation | median CPU µs | ratio (× gestpay) | target | what is timed |
| --- | --- | ---: | ---: | --- | --- |
${rows.join('\n')}

Targets (the issue's): parse ≥ 20× faster than soap, build ≥ 50× faster than soap (its WSDL-driven
serialisation; the whole client call is shown beside it). See README.md beside this file.
${nativeRows.length === 0 ? '' : `
## Against the core itself

The binding against the core's own work on the same bytes and values (\`bench/src/bin/native.rs\`:
typed parse of the HTTP response, \`Operation::parse_result\`; validated envelope of the typed
request, \`to_envelope\`), wall time on both sides, median of ${ROUNDS} loops of about 20 ms.

| what | median wall µs | core µs | ratio (× core) | target | what is timed |
| --- | ---: | ---: | ---: | --- | --- |
${nativeRows.map((r) => `| ${r.name} | ${fmt(r.micros, 1)} | ${fmt(r.core, 1)} | ${r.ratio.toFixed(2)} | ${r.target ? `≤ ${r.target}×: ${r.ratio <= r.target ? 'met' : 'missed'}` : ''} | ${r.what} |`).join('\n')}
`}`;
  writeFileSync(markdownPath, md);
}
const summaryPath = arg('summary');
if (summaryPath) {
  const lines = results.filter(verdict).map((r) => {
    const v = verdict(r);
    return `Node ${r.group} ≥ ${v.times}× soap\t${r.ratio.toFixed(2)}×\t${v.met ? 'met' : 'missed'}\n`;
  });
  for (const r of nativeRows.filter((x) => x.target)) {
    lines.push(`Node ${r.name} ≤ ${r.target}× native\t${r.ratio.toFixed(2)}×\t${r.ratio <= r.target ? 'met' : 'missed'}\n`);
  }
  writeFileSync(summaryPath, lines.join(''));
}
