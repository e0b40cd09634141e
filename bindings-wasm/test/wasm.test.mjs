// What is particular to the WASM build (the shared behaviour is the shared suite,
// bindings-js-core/test, run against it with GESTPAY_TEST_WASM=1): the module exports exactly
// the napi addon's native functions, its errors carry the same structured payload, and no bad
// input breaks the instance — WebAssembly cannot unwind, so a panic would trap; every call
// after bad input of every kind must still work.
//
//   node --test bindings-wasm/test/wasm.test.mjs        (needs bindings-wasm/pkg)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const native = createRequire(`${root}bindings-wasm/pkg/node/`)('./gestpay_wasm.js');
const gestpay = (await import(`${root}bindings-wasm/pkg/node/index.mjs`)).default;
const xml = readFileSync(`${root}tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.xml`, 'utf8');
const expected = JSON.parse(readFileSync(`${root}tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.json`, 'utf8'));

/** The native functions of the napi addon, from its sources: `#[napi…] pub fn snake_case`. */
function napiFunctions() {
  const dir = `${root}bindings-node/src`;
  const names = [];
  for (const file of readdirSync(dir)) {
    const source = readFileSync(`${dir}/${file}`, 'utf8');
    // Module functions (a method is indented) and classes.
    for (const m of source.matchAll(/^#\[napi\([^)]*\)\]\s*pub fn (\w+)/gm)) {
      names.push(m[1].replace(/_([a-z])/g, (_, c) => c.toUpperCase()));
    }
    for (const m of source.matchAll(/^#\[napi\]\s*(?:#\[derive\([^)]*\)\]\s*)?pub struct (\w+)/gm)) names.push(m[1]);
  }
  return names.sort();
}

const plain = (value) => JSON.parse(JSON.stringify(value));

test('the module exports the napi addon native functions, no more, no fewer', () => {
  const exported = Object.keys(native)
    .filter((name) => typeof native[name] === 'function' && !name.startsWith('__') && name !== 'initSync')
    .sort();
  assert.deepEqual(exported, napiFunctions());
});

test('errors cross the boundary as the structured payload of the napi addon', () => {
  assert.throws(
    () => native.buildRequest('Encrypt', '{}', 'test', '1.1', true),
    (err) => {
      assert.ok(err instanceof Error);
      assert.deepEqual(JSON.parse(err.message), {
        gestpay: 1,
        kind: 'invalid_request',
        code: 'missing_field',
        field: 'shopLogin',
        message: 'invalid request: shopLogin: is mandatory [missing_field]',
      });
      return true;
    },
  );
  assert.throws(
    () => gestpay.buildRequest('Encrypt', { shopLogin: 9000001 }),
    (err) => err instanceof gestpay.InvalidRequestError && err.code === 'invalid_type' && err.field === 'shopLogin',
  );
});

test('results are plain objects, None members left out, as napi gives them', () => {
  const http = native.buildFault(JSON.stringify({ version: '1.1', code: 'soap:Client', reason: 'x' }), '1.1');
  assert.deepEqual(Object.keys(http).sort(), ['body', 'headers', 'status']);
  assert.deepEqual(http.headers, [['Content-Type', 'text/xml; charset=utf-8']]);
  assert.equal(native.currency('XXXX') ?? null, null); // napi gives null, wasm-bindgen undefined: lib/ reads both
  assert.equal(native.describeCode(999999, false), null);
  assert.deepEqual(native.identifyRequest(http.body, undefined), { soap: '1.1', operation: 'Fault' });
  assert.equal(native.amazonAddressesOf('{}'), null);
});

// Bad input of every kind, each followed by a good parse.
const BAD = [
  ['truncated XML', () => gestpay.parseResult('callReadTrxS2S', xml.slice(0, 1000))],
  ['not XML', () => gestpay.parseResult('callReadTrxS2S', '\u0000\u0001{}')],
  ['invalid UTF-8', () => gestpay.parseResult('callReadTrxS2S', new Uint8Array([0x3c, 0x61, 0xe0, 0x3e]))],
  ['a DTD', () => gestpay.parseResult('callReadTrxS2S', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')],
  ['too deep', () => gestpay.parseResult('callReadTrxS2S', '<a>'.repeat(5000))],
  ['too large', () => gestpay.parseResult('callReadTrxS2S', xml, { limits: { maxDocumentBytes: 100 } })],
  ['an HTML error page', () => gestpay.parseResponse('callReadTrxS2S', { status: 502, contentType: 'text/html', body: '<html/>' })],
  ['an unknown operation', () => native.parseResult('nope', xml, undefined)],
  ['a body of the wrong type', () => native.parseResult('callReadTrxS2S', 42, undefined)],
  ['JSON that is not JSON', () => native.buildRequest('Encrypt', '{', 'test', '1.1', true)],
  ['a request of the wrong shape', () => native.buildRequest('Encrypt', '[1,2]', 'test', '1.1', true)],
  ['a huge amount', () => gestpay.amountToMinor('9'.repeat(400), 'EUR')],
  ['a bad currency', () => native.amountFromMinor('12', 'ZZZ')],
  ['minor units out of range', () => native.amountFromMinor('99999999999999999999999', 'EUR')],
  ['pairs without values', () => native.callbackFromPairs(['a', 'b'], ['x'])],
  ['a callback without b', () => gestpay.parseCallback('?a=1')],
  ['a bad environment', () => native.endpoints('ftp://x')],
  ['a bad code table', () => native.codeTable('nope')],
  ['a bad address kind', () => native.normalizeAddress('nope', '{}')],
  ['a fault that is none', () => gestpay.parseFault(xml)],
];

test('after bad input of every kind the instance keeps working', () => {
  for (const [label, bad] of BAD) {
    assert.throws(bad, (err) => {
      assert.ok(err instanceof Error, label);
      if (err instanceof gestpay.GestpayError) assert.notEqual(err.code, 'internal', `${label}: ${err.message}`);
      assert.ok(!(err instanceof WebAssembly.RuntimeError), `${label} trapped: ${err.message}`);
      return true;
    });
    assert.deepEqual(plain(gestpay.parseResult('callReadTrxS2S', xml)), expected, `parse after ${label}`);
  }
  const addresses = gestpay.amazonAddresses(gestpay.parseResult('callReadTrxS2S', xml));
  assert.equal(addresses.shipping.name, 'Marco Rossi');
  assert.equal(addresses.billing.city, 'Neunkirchen');
});

test('large documents and many calls do not exhaust the instance', () => {
  const big = xml.replace('<ShopTransactionID>', `<ShopTransactionID>${'x'.repeat(500_000)}`);
  assert.equal(gestpay.parseResult('callReadTrxS2S', big).shopTransactionId.length, 500_000 + 'af22'.length);
  for (let i = 0; i < 2000; i++) gestpay.parseResult('callReadTrxS2S', xml);
  assert.deepEqual(plain(gestpay.parseResult('callReadTrxS2S', xml)), expected);
});
