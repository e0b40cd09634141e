// No panic reaches Node: thousands of random and mutated inputs through every entry point end
// in a value or a GestpayError with a stable code, never an abort nor an `internal` error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { cases } from '../testing/corpus.mjs';
import gestpay from '../testing/module.mjs';
import { rng } from '../testing/random.mjs';

const SEED = Number(process.env.GESTPAY_FUZZ_SEED ?? 20261128);
const random = rng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);

const corpus = cases();
const documents = corpus.flatMap((c) => Object.entries(c.files).filter(([k]) => k.endsWith('.xml')).map(([, p]) => readFileSync(p)));
const requests = corpus.flatMap((c) => (c.files['request.json'] ? [[c.operation, JSON.parse(readFileSync(c.files['request.json'], 'utf8'))]] : []));
const names = gestpay.operations.map((o) => o.name);
const FRAGMENTS = ['<', '>', '&', '&#0;', '&#x110000;', '&amp;', ']]>', '<!DOCTYPE x>', '<![CDATA[', '\u0000', '\uFFFF', '\uD800', 'é', '<?xml?>', '</', '/>', 'xmlns=""', 'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"'];

function mutateBytes(doc) {
  const bytes = Buffer.from(doc);
  const n = 1 + int(8);
  for (let i = 0; i < n && bytes.length > 0; i++) {
    const at = int(bytes.length);
    switch (int(4)) {
      case 0: bytes[at] = int(256); break;
      case 1: return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(FRAGMENTS)), bytes.subarray(at)]);
      case 2: return bytes.subarray(0, at);
      default: bytes.copyWithin(at, int(bytes.length));
    }
  }
  return bytes;
}

const SAMPLES = [undefined, null, true, 0, -1, 1.5, 2 ** 53, NaN, '', 'x', '\u0000', 'é'.repeat(100), [], [null], {}, { a: 1 }, [[]], 'EUR', '49.90'];

function mutateJson(value, depth = 0) {
  if (depth > 4 || random() < 0.15) return pick(SAMPLES);
  if (Array.isArray(value)) return value.map((v) => mutateJson(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (random() > 0.1) out[k] = random() < 0.3 ? mutateJson(v, depth + 1) : v;
    if (random() < 0.2) out[pick(['unknown', 'zz', 'amount', 'customInfo', 'orderDetails'])] = pick(SAMPLES);
    return out;
  }
  return random() < 0.5 ? pick(SAMPLES) : value;
}

function survive(fn) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof gestpay.GestpayError, `not a GestpayError (seed ${SEED}): ${err && err.stack}`);
    assert.notEqual(err.code, 'internal', `internal error (seed ${SEED}): ${err.message}`);
    assert.equal(typeof err.code, 'string');
  }
}

test('thousands of mutated documents through every parser', () => {
  for (let i = 0; i < 4000; i++) {
    const body = mutateBytes(pick(documents));
    const op = pick(names);
    survive(() => gestpay.parseResponse(op, { status: pick([200, 500, 404]), contentType: pick([null, 'text/xml', 'text/html']), body }));
    survive(() => gestpay.parseResult(op, body));
    survive(() => gestpay.parseRequest(op, body));
    if (i % 4 === 0) {
      survive(() => gestpay.identifyRequest(body));
      survive(() => gestpay.parseFault(body));
    }
  }
});

test('thousands of random byte strings', () => {
  for (let i = 0; i < 3000; i++) {
    const body = Buffer.alloc(int(200));
    for (let j = 0; j < body.length; j++) body[j] = random() < 0.5 ? int(128) : int(256);
    survive(() => gestpay.parseResult(pick(names), body));
    survive(() => gestpay.parseCallback(body.toString('latin1')));
  }
});

test('thousands of mutated requests through the builders', () => {
  for (let i = 0; i < 3000; i++) {
    const [op, json] = pick(requests);
    const request = mutateJson(json);
    survive(() => gestpay.buildRequest(random() < 0.9 ? op : pick(names), request, { soap: pick(['1.1', '1.2']), validate: random() < 0.8 }));
    if (i % 3 === 0) {
      survive(() => gestpay.buildResponse(op, mutateJson({ transactionResult: 'OK', errorCode: 0, customInfo: [{ key: 'a', value: 'b' }] })));
      survive(() => gestpay.amazonAddresses(mutateJson({ orderReferenceDetails: { destination: { physicalDestination: { name: 'x' } } } })));
      survive(() => gestpay.parseCallback(mutateJson({ a: '1', b: '2' })));
    }
  }
});

test('deeply nested input is refused, not a stack overflow', () => {
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { orderDetails: deep };
  survive(() => gestpay.buildRequest('Encrypt', deep));
  survive(() => gestpay.parseResult('Encrypt', '<a>'.repeat(200000)));
  // The instance still works afterwards.
  assert.equal(gestpay.paymentPageUrl('1', '2'), 'https://sandbox.gestpay.net/pagam/pagam.aspx?a=1&b=2');
});
