// Hostile input and secrets through the public API (issue 8), for the napi addon and, with
// GESTPAY_TEST_WASM=1, the WASM build (the module comes from testing/module.mjs).
//
// * Every hostile document (DOCTYPE with internal or external entities, an external DTD,
//   billion laughs, 100,000-deep nesting, a 20 MB text node, invalid UTF-8, NUL bytes, two
//   roots, truncated documents, an HTML or JSON body) throws MalformedResponseError with its
//   stable `code`, through parseResponse, parseResult, parseRequest and parseFault.
// * Peak memory: the big cases run in a child `node` each, whose peak RSS (VmHWM) is reset just
//   before the parse; its growth stays within twice the input plus a fixed allowance, itself
//   measured with a tiny document. For the WASM build the growth of its linear memory is
//   reported too.
// * 10,000 random malformed documents in this one process: every call throws a typed
//   MalformedResponseError with a known code (fuzz.test.mjs also lets valid mutations parse;
//   here each input is malformed by construction).
// * Secrets (apiKey, cardNumber, expiry, cvv, paRes, tokenValue, returned tokens) never show in
//   util.inspect / console.log / util.format or error texts, yet are in the body sent, exactly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { format, inspect } from 'node:util';

import { cases } from '../testing/corpus.mjs';
import gestpay, { isWasm } from '../testing/module.mjs';
import { rng } from '../testing/random.mjs';

// A child measuring memory imports this file for its documents: it must not run the tests.
const CHILD = process.env.GESTPAY_HOSTILE_CHILD === '1';
const it = CHILD ? () => {} : test;
const group = CHILD ? () => {} : describe;

// --- the carriers: a valid document of each kind, in which the hostile part is put -----------

const RESULT_ENVELOPE = Buffer.from(
  gestpay.buildResponse('Decrypt', {
    transactionType: 'DECRYPT',
    transactionResult: 'OK',
    errorCode: 0,
    shopTransactionId: 'ORD-42',
  }).body,
);
const REQUEST_ENVELOPE = Buffer.from(gestpay.buildRequest('Decrypt', { shopLogin: '9000001', cryptedString: 'ABCDEF0123456789' }).body);
const FAULT_ENVELOPE = Buffer.from(gestpay.buildFault({ code: 'soap:Server', reason: 'Server was unable', detail: { text: 'the detail' } }).body);
const XML_DECL = '<?xml version="1.0" encoding="utf-8"?>';

const bytes = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

function carrier(name, valid, marker, field) {
  const at = valid.indexOf(marker);
  assert.ok(at >= 0, `${name}: ${marker}`);
  const cut = at + Buffer.byteLength(marker);
  return { name, valid, field, wrap: (inner) => bytes(valid.subarray(0, cut), inner, valid.subarray(cut)) };
}

export const RESULT = carrier('result', RESULT_ENVELOPE, '<GestPayCryptDecrypt xmlns="">', 'ErrorDescription');
export const REQUEST = carrier('request', REQUEST_ENVELOPE, '<Decrypt xmlns="https://ecomm.sella.it/">', 'CryptedString');
export const FAULT = carrier('fault', FAULT_ENVELOPE, '<detail>', 'Note');

// Every public parser, with the carrier it reads.
export const PARSERS = {
  parseResponse: [RESULT, (d, o) => gestpay.parseResponse('Decrypt', { status: 200, contentType: 'text/xml; charset=utf-8', body: d }, o)],
  parseResult: [RESULT, (d, o) => gestpay.parseResult('Decrypt', d, o)],
  parseRequest: [REQUEST, (d) => gestpay.parseRequest('Decrypt', d)],
  parseFault: [FAULT, (d, o) => gestpay.parseFault(d, o)],
};

// --- the hostile documents --------------------------------------------------------------------

const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
const BILLION_LAUGHS_DTD = `<!DOCTYPE soap:Envelope [<!ENTITY lol0 "lol">${lol}]>`;
const TWENTY_MB = 20 << 20;
const DEPTH = 100_000;

function withDtd(c, dtd, inner) {
  const body = inner ? c.wrap(inner) : c.valid;
  assert.ok(body.subarray(0, XML_DECL.length).toString() === XML_DECL);
  return bytes(XML_DECL, dtd, body.subarray(XML_DECL.length));
}
const inText = (c, raw) => c.wrap(bytes('<Note>before', raw, 'after</Note>'));
const deep = (depth) => '<a>'.repeat(depth) + '</a>'.repeat(depth);
const textNode = (c, size) => c.wrap(bytes(`<${c.field}>`, Buffer.alloc(size, 'x'), `</${c.field}>`));

// name -> [build the document for a carrier, the expected code]
export const HOSTILE = {
  'doctype-internal-entity': [(c) => withDtd(c, '<!DOCTYPE soap:Envelope [<!ENTITY e "expanded">]>', '<Note>&e;</Note>'), 'dtd_refused'],
  'doctype-external-entity': [(c) => withDtd(c, '<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '<Note>&xxe;</Note>'), 'dtd_refused'],
  'doctype-external-parameter-entity': [(c) => withDtd(c, '<!DOCTYPE soap:Envelope [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'), 'dtd_refused'],
  'doctype-external-dtd': [(c) => withDtd(c, '<!DOCTYPE soap:Envelope SYSTEM "http://127.0.0.1:9/x.dtd">'), 'dtd_refused'],
  'undeclared-entity-reference': [(c) => inText(c, '&xxe;'), 'dtd_refused'],
  'billion-laughs': [(c) => withDtd(c, BILLION_LAUGHS_DTD, '<Note>&lol9;</Note>'), 'dtd_refused'],
  'nesting-100000-deep': [(c) => c.wrap(deep(DEPTH)), 'too_deep'],
  'nesting-100000-deep-in-unknown-element': [(c) => c.wrap(`<Unknown>${deep(DEPTH)}</Unknown>`), 'too_deep'],
  'text-node-20MB': [(c) => textNode(c, TWENTY_MB), 'too_large'],
  // Under the 16 MiB document limit: refused by the 1 MiB text limit, while reading.
  'text-node-15MB': [(c) => textNode(c, 15 << 20), 'too_large'],
  'text-node-2MB': [(c) => textNode(c, 2 << 20), 'too_large'],
  'invalid-utf8-ff': [(c) => inText(c, Buffer.from([0xff])), 'invalid_utf8'],
  'invalid-utf8-overlong': [(c) => inText(c, Buffer.from([0xc0, 0xaf])), 'invalid_utf8'],
  'invalid-utf8-surrogate': [(c) => inText(c, Buffer.from([0xed, 0xa0, 0x80])), 'invalid_utf8'],
  'invalid-utf8-truncated-sequence': [(c) => inText(c, Buffer.from([0xe2, 0x82])), 'invalid_utf8'],
  'nul-byte-in-text': [(c) => inText(c, '\u0000'), 'xml_syntax'],
  'nul-byte-in-tag': [(c) => c.wrap('<No\u0000te>x</No\u0000te>'), 'xml_syntax'],
  'nul-character-reference': [(c) => inText(c, '&#0;'), 'xml_syntax'],
  'two-roots': [(c) => bytes(c.valid, '<soap:Envelope/>'), 'xml_syntax'],
  'two-roots-same-document': [(c) => bytes(c.valid, c.valid.subarray(XML_DECL.length)), 'xml_syntax'],
  'truncated-half': [(c) => c.valid.subarray(0, c.valid.length >> 1), 'xml_syntax'],
  'truncated-before-last-end-tag': [(c) => c.valid.subarray(0, c.valid.lastIndexOf('</')), 'xml_syntax'],
  'html-error-page': [() => bytes('<html><head><title>500 - Internal server error.</title></head><body><h1>Server Error</h1></body></html>'), 'not_soap'],
  'html-doctype-page': [() => bytes('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'), 'not_soap'],
  'json-body': [() => bytes('{"error": "not xml", "status": 500}'), 'not_soap'],
  'json-array-body': [() => bytes('[{"errorCode": 1142}]'), 'not_soap'],
  'empty-body': [() => Buffer.alloc(0), 'not_soap'],
};

// Where a parser reports the same document differently, and why.
const OTHER_CODES = {
  // parseRequest takes a bare wrapper element too: a well-formed <html> document is then the
  // request of another operation.
  'html-error-page parseRequest': 'unexpected_operation',
};

function assertMalformed(fn, code, label) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof gestpay.MalformedResponseError, `${label}: ${err && err.name}: ${err && err.message}`);
    assert.ok(err instanceof gestpay.GestpayError && err instanceof Error);
    assert.equal(err.name, 'MalformedResponseError');
    assert.equal(err.party, 'remote');
    assert.equal(err.code, code, `${label}: ${err.message}`);
    assert.ok(err.message.length < 1000, `${label}: the message never echoes the document`);
    return true;
  });
}

group('hostile documents', () => {
  it('each carrier parses when not hostile', () => {
    for (const [name, [c, parse]] of Object.entries(PARSERS)) {
      assert.ok(parse(c.valid), name);
      assert.ok(parse(c.wrap('<Note>before after</Note>')), name);
    }
  });

  for (const [name, [build, code]] of Object.entries(HOSTILE)) {
    it(`${name}: ${code} from every parser`, () => {
      for (const [parser, [c, parse]] of Object.entries(PARSERS)) {
        const expected = OTHER_CODES[`${name} ${parser}`] ?? code;
        assertMalformed(() => parse(build(c)), expected, `${name} through ${parser}`);
      }
    });
  }

  it('an HTML or JSON body at any status and content type', () => {
    for (const name of ['html-error-page', 'json-body', 'empty-body']) {
      const body = HOSTILE[name][0](RESULT);
      for (const status of [200, 500, 502]) {
        for (const contentType of ['text/html', 'application/json', null]) {
          // An HTML or JSON content type says it: not SOAP. A non-200 status with no such
          // content type and no SOAP body is reported as the HTTP status it is.
          const code = status === 200 || contentType !== null ? 'not_soap' : 'http_status';
          assertMalformed(() => gestpay.parseResponse('Decrypt', { status, contentType, body }), code, `${name} ${status} ${contentType}`);
        }
      }
    }
  });

  it('a string body cannot carry invalid UTF-8: a lone surrogate becomes U+FFFD', () => {
    // JavaScript strings are UTF-16; their UTF-8 encoding (napi, TextEncoder) replaces a lone
    // surrogate. Invalid UTF-8 reaches the parser only as bytes (the cases above, Buffers).
    const text = RESULT_ENVELOPE.toString().replace('ORD-42', 'ORD-\ud800');
    assert.equal(gestpay.parseResult('Decrypt', text).shopTransactionId, 'ORD-\ufffd');
    assert.equal(gestpay.parseResponse('Decrypt', { status: 200, body: text }).shopTransactionId, 'ORD-\ufffd');
    assertMalformed(() => gestpay.parseResult('Decrypt', RESULT.wrap(Buffer.from([0xed, 0xa0, 0x80]))), 'invalid_utf8', 'the same as bytes');
  });

  it('a malformed attribute list is a syntax error', () => {
    for (const attrs of ['xmlns=:"x"', 'foo="x" =bar', 'a a a', '=""', 'a="1" a="2"']) {
      const doc = Buffer.from(RESULT_ENVELOPE.toString().replace('<TransactionResult>', `<TransactionResult ${attrs}>`));
      assertMalformed(() => gestpay.parseResult('Decrypt', doc), 'xml_syntax', attrs);
    }
  });

  it('every truncation is a typed error', () => {
    for (const [parser, [c, parse]] of Object.entries(PARSERS)) {
      const end = c.valid.lastIndexOf('>');
      const codes = new Map();
      for (let length = 0; length < end; length++) {
        assert.throws(() => parse(c.valid.subarray(0, length)), (err) => {
          assert.ok(err instanceof gestpay.MalformedResponseError, `${parser} at ${length}: ${err && err.message}`);
          codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
          return true;
        });
      }
      // Nothing or the XML declaration only: not SOAP; anything longer: unclosed elements.
      assert.deepEqual([...codes.keys()].sort(), ['not_soap', 'xml_syntax'], parser);
    }
  });

  it('the limits: a caller can raise them, each still holds on its own', () => {
    const doc = HOSTILE['text-node-20MB'][0](RESULT);
    const documentRaised = { limits: { maxDocumentBytes: 64 << 20 } };
    const bothRaised = { limits: { maxDocumentBytes: 64 << 20, maxTextBytes: 32 << 20 } };
    for (const parser of ['parseResponse', 'parseResult']) {
      const parse = PARSERS[parser][1];
      assertMalformed(() => parse(doc), 'too_large', `${parser}, default limits`);
      assertMalformed(() => parse(doc, documentRaised), 'too_large', `${parser}, the text limit`);
      assert.equal(parse(doc, bothRaised).errorDescription.length, TWENTY_MB, parser);
      const deep200 = RESULT.wrap(deep(200));
      assertMalformed(() => parse(deep200), 'too_deep', `${parser}, default depth`);
      assert.equal(parse(deep200, { limits: { maxDepth: 1000 } }).transactionResult, 'OK', parser);
    }
  });
});

// --- peak memory, in a child process per case -------------------------------------------------

const READ_TRX_OK = Buffer.from(gestpay.buildResponse('callReadTrxS2S', { transactionResult: 'OK' }).body);
const EVENT = '<event><eventtype>AUT</eventtype><eventamount>10.00</eventamount><eventdate>19/08/16 16:13:14</eventdate><eventID>1</eventID></event>';
const decryptHttp = PARSERS.parseResponse[1];
const RAISED = { limits: { maxDocumentBytes: 64 << 20, maxTextBytes: 32 << 20 } };

// Small documents of every shape, then medium ones a few times: the WASM engine compiles a hot
// function again, optimised (tier-up), a few MB once per process that no input size explains.
const MEDIUM = [RESULT.wrap(deep(10_000)), REQUEST.wrap(`<Unknown>${deep(10_000)}</Unknown>`), RESULT.wrap('<Extra>x</Extra>'.repeat(20_000)), textNode(RESULT, 200_000)];
export const WARM_UP = [RESULT_ENVELOPE, REQUEST_ENVELOPE, FAULT_ENVELOPE, READ_TRX_OK, Buffer.from('<x/>'), Buffer.from('<a>'.repeat(100)), Buffer.from('{}'), ...MEDIUM, ...MEDIUM, ...MEDIUM];

// name -> [parser, expected outcome]
export const MEMORY_CASES = {
  'tiny valid document': [decryptHttp, 'ok'],
  'control: a parser that copies its input 3 times': [(d) => [Buffer.from(d), Buffer.from(d), Buffer.from(d)], 'ok'],
  'text-node-20MB': [decryptHttp, 'too_large'],
  'text-node-20MB, limits raised: accepted': [(d) => decryptHttp(d, RAISED), 'ok'],
  'text-node-15MB': [decryptHttp, 'too_large'],
  'billion-laughs': [decryptHttp, 'dtd_refused'],
  'nesting-100000-deep': [decryptHttp, 'too_deep'],
  'nesting-100000-deep-in-unknown-element': [PARSERS.parseRequest[1], 'too_deep'],
  '16 MB valid document: 16 text nodes of 1,000,000 bytes': [decryptHttp, 'ok'],
  // Unknown elements are all kept (none dropped), charged to the parse's memory budget: this
  // many exhausts it before the truncation is reached.
  '15 MB of one-field elements, truncated': [decryptHttp, 'too_large'],
  '13 MB valid callReadTrxS2S answer: 100,000 events': [(d) => gestpay.parseResponse('callReadTrxS2S', { status: 200, body: d }), 'ok'],
};

// Refused documents and accepted ones, in both builds: a parse makes the core's values and
// nothing in JavaScript (a result is a view on them, lib/view.js).
const REFUSED = ['text-node-20MB', 'text-node-15MB', 'billion-laughs', 'nesting-100000-deep', 'nesting-100000-deep-in-unknown-element'];
// Unknown elements are kept as values (issue 15), so a document of nothing else is refused only
// when its values reach the core's amplification budget: three times the input plus 1 MiB, the
// bound of the Rust memory test's amplification cases (bench/tests/memory.rs); WASM's linear
// memory also holds the input's copy.
const AMPLIFIED = ['15 MB of one-field elements, truncated'];
const ACCEPTED = ['text-node-20MB, limits raised: accepted', '16 MB valid document: 16 text nodes of 1,000,000 bytes'];
const EVENTS = '13 MB valid callReadTrxS2S answer: 100,000 events';
const BOUNDED = [...REFUSED, ...ACCEPTED];
// Known gaps, pinned so that a fix shows: in WASM, 100,000 events (small values, each with its
// allocation) in a linear memory that grows to fit and never shrinks, beside the input's copy.
const KNOWN_GAPS = isWasm ? [EVENTS] : [];
// Measured and reported, not bounded: 100,000 event objects, ~2.4x with napi.
const REPORTED = isWasm ? [] : [EVENTS];

export function memoryDocument(name) {
  if (name === 'tiny valid document') return RESULT_ENVELOPE;
  if (name.startsWith('control')) return Buffer.concat(Array(40_000).fill(RESULT_ENVELOPE));
  if (name.startsWith('text-node-20MB, limits raised')) return HOSTILE['text-node-20MB'][0](RESULT);
  if (name.startsWith('16 MB valid')) {
    return RESULT.wrap(bytes(...Array.from({ length: 16 }, (_, i) => bytes(`<Extra${i}>`, Buffer.alloc(1_000_000, 'e'), `</Extra${i}>`))));
  }
  if (name.startsWith('15 MB of one-field')) {
    const doc = RESULT.wrap('<Extra>1</Extra>'.repeat(950_000));
    return doc.subarray(0, doc.lastIndexOf('</GestPayCryptDecrypt>'));
  }
  if (name.startsWith('13 MB valid callReadTrxS2S')) {
    const marker = '<GestPayS2S xmlns="">';
    const at = READ_TRX_OK.indexOf(marker) + marker.length;
    return bytes(READ_TRX_OK.subarray(0, at), `<Events>${EVENT.repeat(100_000)}</Events>`, READ_TRX_OK.subarray(at));
  }
  const c = MEMORY_CASES[name][0] === PARSERS.parseRequest[1] ? REQUEST : RESULT;
  return HOSTILE[name][0](c);
}

// What a child runs: capture the WebAssembly instance (if any) as it is created, import this
// file for its parsers, read the document (one allocation: building it here would leave freed,
// still resident memory for the parse to reuse unseen), warm the parser up, reset the peak RSS,
// parse, report the growth of the peak (and of the WASM linear memory), with the allocator's
// default settings.
const CHILD_SOURCE = `
const instances = [];
const Instance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(Instance, {
  construct(target, args) { const i = Reflect.construct(target, args); instances.push(i); return i; },
});
const { readFileSync, writeFileSync } = await import('node:fs');
const t = await import(process.argv[1]);
const [name, path] = process.argv.slice(2);
const hwm = () => Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const memories = () => instances.map((i) => Object.values(i.exports).find((e) => e instanceof WebAssembly.Memory)).filter(Boolean);
const wasmBytes = () => memories().reduce((n, m) => n + m.buffer.byteLength, 0);
const doc = readFileSync(path);
const [parse] = t.MEMORY_CASES[name];
for (const warm of t.WARM_UP) { try { parse(warm); } catch {} }
globalThis.gc();
writeFileSync('/proc/self/clear_refs', '5');
const before = hwm();
const wasmBefore = wasmBytes();
let outcome = 'ok';
let kept;
try { kept = parse(doc); } catch (err) { outcome = err.code ?? String(err); }
const growth = hwm() - before;
console.log(JSON.stringify({ input: doc.length, growth, outcome, wasm: memories().length > 0, wasmGrowth: wasmBytes() - wasmBefore, wasmSize: wasmBytes() }));
`;

// The fixed allowance above 2x the input: what V8 and the allocator may make resident in one
// call whatever the input (the result's objects, an Error and its stack, a few pages of the
// heap), and the kernel's RSS counters' slack (~100 KB either way). Measured with the tiny
// document: 0 to 4 KB here, and kept below a quarter of this by 'the allowance is honest'.
const ALLOWANCE = 1 << 20;

function measure(name) {
  const dir = mkdtempSync(join(tmpdir(), 'gestpay-hostile-'));
  const path = join(dir, 'document.xml');
  writeFileSync(path, memoryDocument(name));
  const out = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD_SOURCE, import.meta.url, name, path], {
    env: { ...process.env, GESTPAY_HOSTILE_CHILD: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(out.status, 0, out.stderr);
  const m = JSON.parse(out.stdout.trim().split('\n').pop());
  assert.equal(m.outcome, MEMORY_CASES[name][1], `${name}: ${JSON.stringify(m)}`);
  const wasm = m.wasm ? `, WASM linear memory +${m.wasmGrowth} B (now ${m.wasmSize} B)` : '';
  console.log(`# ${isWasm ? 'wasm' : 'napi'} ${name}: input ${m.input} B, outcome ${m.outcome}, peak RSS growth ${m.growth} B, ratio ${(m.growth / m.input).toFixed(3)}${wasm}`);
  return m;
}

const canMeasure = existsSync('/proc/self/clear_refs');
const measured = canMeasure ? it : (name) => it(name, { skip: 'needs Linux /proc/self/clear_refs' }, () => {});

group('peak memory', () => {
  measured('the allowance is honest: a tiny document', () => {
    const m = measure('tiny valid document');
    assert.ok(m.growth <= ALLOWANCE / 4, JSON.stringify(m));
  });

  measured('the harness sees what a parse makes resident (control)', () => {
    const m = measure('control: a parser that copies its input 3 times');
    assert.ok(m.growth >= 2.5 * m.input && m.growth > 2 * m.input + ALLOWANCE, JSON.stringify(m));
  });

  // Refused documents: the bound of the issue, for the process and the WASM linear memory.
  // Peak RSS can also over-count, by what V8 makes resident on its own schedule (compiled code,
  // heap growth: seen once at 5.6 MB for a 0.7 MB document on a loaded machine, the WASM linear
  // memory staying within bounds): that noise only adds, so the lowest of up to three runs is the
  // parse's own peak.
  for (const name of BOUNDED) {
    measured(`${name}: within twice the input`, () => {
      let m = measure(name);
      for (let run = 1; run < 3 && m.growth > 2 * m.input + ALLOWANCE; run++) {
        const again = measure(name);
        if (again.growth < m.growth) m = again;
      }
      assert.ok(m.growth <= 2 * m.input + ALLOWANCE, JSON.stringify(m));
      if (m.wasm) assert.ok(m.wasmGrowth <= 2 * m.input + ALLOWANCE, JSON.stringify(m));
    });
  }

  for (const name of AMPLIFIED) {
    measured(`${name}: within the amplification budget`, () => {
      const m = measure(name);
      assert.ok(m.growth <= 3 * m.input + 2 * ALLOWANCE, JSON.stringify(m));
      if (m.wasm) assert.ok(m.wasmGrowth <= 4 * m.input + 2 * ALLOWANCE, JSON.stringify(m));
    });
  }

  // Known gaps (see KNOWN_GAPS), then move the case to BOUNDED. RSS can under-count a peak (memory freed earlier and still resident is reused), never
  // over-count it by more than the allowance: the highest of up to three runs is the peak.
  for (const name of KNOWN_GAPS) {
    measured(`known gap: ${name}: above twice the input`, () => {
      let m = measure(name);
      for (let run = 1; run < 3 && m.growth <= 2 * m.input + ALLOWANCE; run++) {
        const again = measure(name);
        if (again.growth > m.growth) m = again;
      }
      assert.ok(m.growth > 2 * m.input + ALLOWANCE, `fixed? move it to BOUNDED: ${JSON.stringify(m)}`);
    });
  }

  for (const name of REPORTED) measured(`${name} (reported)`, () => measure(name));

  it('the memory documents are what they say', () => {
    const size = (name) => memoryDocument(name).length;
    assert.ok(size('text-node-20MB') > TWENTY_MB);
    assert.ok(size('text-node-15MB') > 15 << 20 && size('text-node-15MB') < 16 << 20);
    assert.ok(size('16 MB valid document: 16 text nodes of 1,000,000 bytes') > 16_000_000);
    assert.ok(size('13 MB valid callReadTrxS2S answer: 100,000 events') > 13_000_000);
    assert.ok(memoryDocument('billion-laughs').includes('<!DOCTYPE'));
  });
});

// --- 10,000 random malformed documents in one process ----------------------------------------

const FUZZ_SEED = 20261128;
const FUZZ_COUNT = 10_000;
const KNOWN_CODES = new Set(['not_soap', 'xml_syntax', 'invalid_utf8', 'dtd_refused', 'too_deep', 'too_large', 'missing_result', 'unexpected_operation', 'invalid_value', 'missing_field', 'invalid_encoding', 'unsupported_charset', 'duplicate_element', 'mixed_content']);
const INVALID_UTF8 = [[0xff], [0xfe], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80]].map((b) => Buffer.from(b));
const DOCTYPES = ['<!DOCTYPE x [<!ENTITY e "e">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">', BILLION_LAUGHS_DTD, '<!DOCTYPE html>', '<!DOCTYPE x [<!ENTITY % p "x"> %p;]>'];
const REFERENCES = ['&xxe;', '&#0;', '&#x0;', '&#x110000;', '&#xD800;', '&lol9;', '&;', '&#;'];
const BODIES = ['<html><body>500</body></html>', '{"error":"x"}', '[]', 'null', 'OK', '<!DOCTYPE html><html/>', 'Service Unavailable', '\u0000\u0001\u0002'];
const KINDS = ['truncated', 'invalid_utf8', 'nul', 'doctype', 'two_roots', 'reference', 'deep', 'mismatched_end_tag', 'not_xml', 'random_bytes'];

/** [document, parser name, parser] for every corpus document and parser that accepts it. */
function fuzzBases() {
  const bases = [];
  const names = new Set(gestpay.operations.map((o) => o.name));
  for (const c of cases()) {
    if (!names.has(c.operation)) continue;
    for (const [kind, path] of Object.entries(c.files)) {
      if (!kind.endsWith('.xml') || kind === 'source.xml') continue;
      const op = c.operation;
      const parsers = kind === 'response.xml'
        ? [[`parseResponse ${op}`, (d) => gestpay.parseResponse(op, { status: 200, body: d })], [`parseResult ${op}`, (d) => gestpay.parseResult(op, d)]]
        : [[`parseRequest ${op}`, (d) => gestpay.parseRequest(op, d)]];
      const doc = readFileSync(path);
      // The mutations are UTF-8's (the charset cases: tests/fixtures/README.md).
      if (!Buffer.from(doc.toString('utf8'), 'utf8').equals(doc)) continue;
      for (const [name, parse] of parsers) {
        try {
          parse(doc);
        } catch {
          continue;
        }
        bases.push([doc, name, parse]);
      }
    }
  }
  bases.push([FAULT_ENVELOPE, 'parseFault', (d) => gestpay.parseFault(d)]);
  return bases;
}

/** Offsets inside a comment, CDATA section or processing instruction (only text there). */
function inMarkup(doc) {
  const text = doc.toString('latin1');
  const spans = [...text.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g)].map((m) => [m.index, m.index + m[0].length]);
  return (at) => spans.some(([start, end]) => start < at && at < end);
}

function offsets(doc, predicate) {
  const out = [];
  for (let i = 0; i < doc.length; i++) if (predicate(i)) out.push(i);
  return out;
}

/** A defect that no document may have, at a random place: the result is malformed. */
function malform(random, doc) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const kind = pick(KINDS);
  let at = int(doc.length + 1);
  const insert = (piece) => bytes(doc.subarray(0, at), piece, doc.subarray(at));
  switch (kind) {
    case 'truncated':
      return [kind, doc.subarray(0, int(Math.max(doc.lastIndexOf('>'), 1)))];
    case 'invalid_utf8':
      return [kind, insert(pick(INVALID_UTF8))];
    case 'nul':
      return [kind, insert('\u0000')];
    case 'doctype': {
      at = doc.subarray(0, 5).toString() === '<?xml' && doc.indexOf('?>') >= 0 ? doc.indexOf('?>') + 2 : 0;
      return [kind, insert(pick(DOCTYPES))];
    }
    case 'two_roots':
      return [kind, bytes(doc, pick(['<x/>', '<soap:Envelope/>', doc]))];
    case 'reference': {
      const inside = inMarkup(doc);
      const texts = offsets(doc, (i) => i > 0 && doc[i - 1] === 0x3e && doc[i] !== 0x3c && !inside(i));
      if (texts.length > 0) at = pick(texts);
      return [kind, insert(pick(REFERENCES))];
    }
    case 'deep': {
      const depth = 65 + int(3000 - 65);
      const inside = inMarkup(doc);
      const ends = offsets(doc, (i) => i > 0 && doc[i - 1] === 0x3e && !inside(i));
      if (ends.length > 2) at = pick(ends.slice(1, -1));
      return [kind, insert('<a>'.repeat(depth) + '</a>'.repeat(depth))];
    }
    case 'mismatched_end_tag': {
      const inside = inMarkup(doc);
      const ends = offsets(doc, (i) => doc[i] === 0x3c && doc[i + 1] === 0x2f && !inside(i));
      if (ends.length > 0) at = pick(ends) + 2;
      return [kind, insert('</Zz>')];
    }
    case 'not_xml':
      return [kind, bytes(pick(BODIES), Buffer.from(Array.from({ length: int(8) }, () => int(256))))];
    default:
      return [kind, bytes(pick(['{', 'x', '\u0000', Buffer.from([0xff])]), Buffer.from(Array.from({ length: 1 + int(299) }, () => int(256))))];
  }
}

/**
 * Up to three random byte changes in text content (before the defect, which they cannot undo).
 * Not in tags: a change in a tag can make the defect part of an attribute value or turn the
 * document into another operation's answer. ASCII only, never '<' (which would start a tag): a byte above 0x7F
 * could complete an inserted invalid UTF-8 sequence into a valid one.
 */
function noise(random, doc) {
  const out = Buffer.from(doc);
  const inside = inMarkup(doc);
  const texts = [];
  let inTag = false;
  for (let i = 0; i < doc.length; i++) {
    if (doc[i] === 0x3c) inTag = true;
    else if (doc[i] === 0x3e) inTag = false;
    else if (!inTag && !inside(i)) texts.push(i);
  }
  const n = Math.floor(random() * 4);
  for (let i = 0; i < n && texts.length > 0; i++) {
    const byte = 1 + Math.floor(random() * 126);
    out[texts[Math.floor(random() * texts.length)]] = byte >= 0x3c ? byte + 1 : byte;
  }
  return out;
}

export function* fuzzInputs(seed = FUZZ_SEED, count = FUZZ_COUNT) {
  const random = rng(seed);
  const bases = fuzzBases();
  for (let i = 0; i < count; i++) {
    const [doc, name, parse] = bases[Math.floor(random() * bases.length)];
    const [kind, bad] = malform(random, noise(random, doc));
    yield { kind, name, doc: bad, parse };
  }
}

group('random malformed documents', () => {
  it('10,000 in one process: every call throws a typed MalformedResponseError', () => {
    let calls = 0;
    let thrown = 0;
    const codes = {};
    const kinds = {};
    const distinct = new Set();
    for (const { kind, name, doc, parse } of fuzzInputs()) {
      calls++;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      distinct.add(doc.toString('latin1'));
      let accepted = false;
      try {
        parse(doc);
        accepted = true;
      } catch (err) {
        assert.ok(err instanceof gestpay.MalformedResponseError, `${name} ${kind}: ${err && err.name} ${err && err.code}: ${err && err.message}`);
        assert.ok(KNOWN_CODES.has(err.code), `${name} ${kind}: ${err.code} ${err.message}`);
        assert.ok(!(err instanceof WebAssembly.RuntimeError));
        thrown++;
        codes[err.code] = (codes[err.code] ?? 0) + 1;
      }
      assert.ok(!accepted, `${name} accepted a malformed document (${kind}): ${JSON.stringify(doc.subarray(0, 200).toString('latin1'))}`);
    }
    console.log(`# ${isWasm ? 'wasm' : 'napi'}: ${calls} calls, ${distinct.size} distinct documents, every one threw: ${JSON.stringify(codes)}; defects ${JSON.stringify(kinds)}`);
    assert.equal(calls, FUZZ_COUNT);
    assert.equal(thrown, FUZZ_COUNT);
    assert.ok(distinct.size >= FUZZ_COUNT * 0.9, `${distinct.size} distinct`);
    assert.ok(Math.min(...Object.values(kinds)) >= FUZZ_COUNT / 20, JSON.stringify(kinds));
    // The instance is still sound: a good document parses after 10,000 bad ones.
    assert.equal(gestpay.parseResponse('Decrypt', { status: 200, body: RESULT_ENVELOPE }).transactionResult, 'OK');
  });

  it('the inputs are deterministic', () => {
    const take = (seed) => [...fuzzInputs(seed, 50)].map((x) => x.doc.toString('latin1'));
    assert.deepEqual(take(FUZZ_SEED), take(FUZZ_SEED));
    assert.notDeepEqual(take(FUZZ_SEED), take(FUZZ_SEED + 1));
  });
});

// --- secrets ----------------------------------------------------------------------------------

const API_KEY = 'APIKEY-S3CR3T-0123456789';
const CARD = '4111111111111111';
const PARES = 'eJzVWNuyokgS/RW+PARES+S3CR3T/VALUE==';
const TOKEN = 'TOKEN-S3CR3T-4242';
const RETURNED_TOKEN = 'RETTOKEN-S3CR3T-77';
const LONG_SECRETS = [API_KEY, CARD, PARES, TOKEN, RETURNED_TOKEN];

const cardPayment = (over = {}) => ({
  shopLogin: '9000001',
  uicCode: 'EUR',
  amount: '10.00',
  shopTransactionId: 'ORD-1',
  cardNumber: CARD,
  expiryMonth: '09',
  expiryYear: '47',
  cvv: '987',
  transKey: 'TK-1',
  paRes: PARES,
  apiKey: API_KEY,
  ...over,
});
const tokenPayment = (over = {}) => ({ shopLogin: '9000001', uicCode: 'EUR', amount: '10.00', shopTransactionId: 'ORD-2', tokenValue: TOKEN, apiKey: API_KEY, ...over });

/** Every way a value is turned into text for a log (JSON.stringify is the wire shape, by design). */
function logViews(value) {
  const lines = [];
  const original = console.log;
  console.log = (...args) => lines.push(format(...args));
  try {
    console.log('value:', value);
  } finally {
    console.log = original;
  }
  return {
    inspect: inspect(value, { depth: Infinity }),
    'inspect, nested': inspect({ wrapper: [value] }, { depth: Infinity }),
    'console.log': lines.join('\n'),
    'format %s': format('%s', value),
    'format %o': format('%o', value),
    'format %O': format('%O', value),
    'template string': `${value}`,
  };
}

function assertHidden(value, label, secrets = LONG_SECRETS) {
  const views = logViews(value);
  for (const [view, text] of Object.entries(views)) {
    for (const s of secrets) assert.ok(!text.includes(s), `${view} of ${label} shows ${s}:\n${text}`);
  }
  return views;
}

group('secrets', () => {
  it('are in the request body, exactly, and read back as sent', () => {
    const card = gestpay.buildRequest('callPagamS2S', cardPayment()).body;
    for (const element of [`<cardNumber>${CARD}</cardNumber>`, '<expiryMonth>09</expiryMonth>', '<expiryYear>47</expiryYear>', '<cvv>987</cvv>', `<PARes>${PARES}</PARes>`, `<apikey>${API_KEY}</apikey>`]) {
      assert.ok(card.includes(element), element);
    }
    const token = gestpay.buildRequest('callPagamS2S', tokenPayment()).body;
    assert.ok(token.includes(`<tokenValue>${TOKEN}</tokenValue>`) && token.includes(`<apikey>${API_KEY}</apikey>`));
    const parsed = gestpay.parseRequest('callPagamS2S', card);
    assert.deepEqual([parsed.cardNumber, parsed.expiryMonth, parsed.expiryYear, parsed.cvv, parsed.paRes, parsed.apiKey], [CARD, '09', '47', '987', PARES, API_KEY]);
    assert.equal(gestpay.parseRequest('callPagamS2S', token).tokenValue, TOKEN);
    const del = gestpay.buildRequest('callDeleteTokenS2S', { shopLogin: '9000001', tokenValue: TOKEN, apiKey: API_KEY }).body;
    assert.ok(del.includes(`<tokenValue>${TOKEN}</tokenValue>`));
  });

  it('never show in inspect, console.log or util.format', () => {
    for (const [op, request] of [['callPagamS2S', cardPayment()], ['callPagamS2S', tokenPayment()], ['callDeleteTokenS2S', { shopLogin: '9000001', tokenValue: TOKEN, apiKey: API_KEY }], ['Encrypt', { shopLogin: '9000001', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'X', apiKey: API_KEY }]]) {
      const http = gestpay.buildRequest(op, request);
      assertHidden(http, `HttpRequest of ${op}`);
      const views = assertHidden(gestpay.parseRequest(op, http.body), `parsed ${op}`);
      assert.match(views.inspect, /apiKey: '\[redacted\]'/);
    }
    for (const op of ['Decrypt', 'CallRequestTokenS2S']) {
      const http = gestpay.buildResponse(op, { transactionResult: 'OK', token: RETURNED_TOKEN });
      assert.ok(http.body.toLowerCase().includes(`<token>${RETURNED_TOKEN}</token>`.toLowerCase()), op);
      assertHidden(http, `HttpResponse of ${op}`);
      assertHidden(gestpay.parseResponse(op, { status: 200, body: http.body }), `result of ${op}`);
      assertHidden(gestpay.parseResult(op, http.body), `result of ${op} (parseResult)`);
    }
  });

  it('expiry and cvv (too short to search for) do not change what is shown', () => {
    const one = gestpay.buildRequest('callPagamS2S', cardPayment());
    const other = gestpay.buildRequest('callPagamS2S', cardPayment({ expiryMonth: '11', expiryYear: '38', cvv: '123' }));
    assert.notEqual(one.body, other.body);
    assert.deepEqual(logViews(one), logViews(other));
    assert.deepEqual(logViews(gestpay.parseRequest('callPagamS2S', one.body)), logViews(gestpay.parseRequest('callPagamS2S', other.body)));
    // The check can fail: a plain field is shown.
    const plainChanged = gestpay.parseRequest('callPagamS2S', gestpay.buildRequest('callPagamS2S', cardPayment({ shopTransactionId: 'ORD-9' })).body);
    assert.notDeepEqual(logViews(gestpay.parseRequest('callPagamS2S', one.body)), logViews(plainChanged));
  });

  // Each call fails because of a secret field's value; the error must not hold it.
  const SECRET_ERRORS = {
    'apiKey: control character': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ apiKey: `${v}\u0001` })), API_KEY],
    'apiKey: wrong type': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ apiKey: [v] })), API_KEY],
    'cardNumber: too long': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ cardNumber: v + '0'.repeat(40) })), CARD],
    'cardNumber: control character': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ cardNumber: `${v}\u0001` })), CARD],
    'cardNumber: wrong type': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ cardNumber: Number(v) })), CARD],
    'expiryMonth: too long': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ expiryMonth: v })), '0912345'],
    'expiryYear: too long': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ expiryYear: v })), '4712345'],
    'cvv: too long': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ cvv: v })), '98765432'],
    'paRes: control character': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ paRes: `${v}\u0002` })), PARES],
    'tokenValue: too long': [(v) => gestpay.buildRequest('callPagamS2S', tokenPayment({ tokenValue: v + 'X'.repeat(20) })), TOKEN],
    'tokenValue: with card data': [(v) => gestpay.buildRequest('callPagamS2S', cardPayment({ tokenValue: v })), TOKEN],
    'tokenValue: control character (callDeleteTokenS2S)': [(v) => gestpay.buildRequest('callDeleteTokenS2S', { shopLogin: 'a', tokenValue: `${v}\u0001` }), TOKEN],
  };

  for (const [label, [fail, value]] of Object.entries(SECRET_ERRORS)) {
    it(`an error about a secret never holds it: ${label}`, () => {
      assert.throws(
        () => fail(value),
        (err) => {
          assert.ok(err instanceof gestpay.InvalidRequestError, `${label}: ${err && err.message}`);
          assert.ok(err.code && err.field, label);
          const texts = [err.message, String(err), err.stack, inspect(err, { depth: Infinity }), JSON.stringify(err), format('%s %o', err, err), String(err.field)];
          for (const text of texts) assert.ok(!text.includes(value), `${label}: ${text}`);
          return true;
        },
      );
    });
  }
});
