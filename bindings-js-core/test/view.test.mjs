// Parsed messages are views on the value the native side holds (lib/view.js): they read as
// frozen plain objects of the core's JSON shape, convert a field once, and keep secrets out of
// util.inspect. Runs against the napi addon and, with GESTPAY_TEST_WASM=1, the WASM build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inspect } from 'node:util';

import gestpay from '../testing/module.mjs';

const fixture = (path) => readFileSync(new URL(`../../tests/fixtures/${path}`, import.meta.url));
const amazonXml = fixture('s2s/callReadTrxS2S/amazonpay-full.response.xml');
const amazonJson = JSON.parse(fixture('s2s/callReadTrxS2S/amazonpay-full.response.json'));
const read = () => gestpay.parseResult('callReadTrxS2S', amazonXml);

test('a view reads as the plain data: keys, spreading, equality, JSON', () => {
  const result = read();
  assert.deepEqual(result, amazonJson);
  assert.deepEqual(result.toJSON(), amazonJson);
  assert.deepEqual(Object.keys(result), Object.keys(amazonJson));
  assert.deepEqual({ ...result }.orderReferenceDetails, amazonJson.orderReferenceDetails);
  assert.equal(JSON.stringify(result), JSON.stringify(amazonJson));
  assert.ok('transactionResult' in result && !('token' in result));
  assert.equal(result.token, undefined);
  assert.equal(result.noSuchField, undefined);
  assert.ok(result instanceof gestpay.Message && result.orderReferenceDetails instanceof gestpay.Message);
  assert.ok(!(amazonJson instanceof gestpay.Message));
  assert.throws(() => new gestpay.Message(), TypeError);
});

test('a field is converted once: nested views and lists keep their identity', () => {
  const result = read();
  assert.equal(result.orderReferenceDetails, result.orderReferenceDetails);
  assert.equal(result.orderReferenceDetails.destination, result.orderReferenceDetails.destination);
  const { events } = result;
  assert.ok(Array.isArray(events) && Object.isFrozen(events) && events === result.events);
  assert.equal(events[0], result.events[0]);
  assert.deepEqual(events, amazonJson.events);
});

test('a view is read-only, loudly', () => {
  const result = read();
  assert.throws(() => {
    result.transactionResult = 'KO';
  }, TypeError);
  assert.throws(() => {
    delete result.transactionResult;
  }, TypeError);
  assert.throws(() => Object.defineProperty(result, 'x', { value: 1 }), TypeError);
  assert.throws(() => result.events.push(1), TypeError);
  assert.equal(result.transactionResult, amazonJson.transactionResult);
  // A proxy cannot be cloned: the data can.
  assert.throws(() => structuredClone(result));
  assert.deepEqual(structuredClone(result.toJSON()), amazonJson);
});

test('a view goes back into the builders as its own value', () => {
  const result = read();
  assert.equal(gestpay.buildResponse('callReadTrxS2S', result).body, gestpay.buildResponse('callReadTrxS2S', amazonJson).body);
  const request = gestpay.parseRequest('callReadTrxS2S', gestpay.buildRequest('callReadTrxS2S', { shopLogin: 'S', bankTransactionId: '7' }).body);
  assert.equal(gestpay.buildRequest('callReadTrxS2S', request).body, gestpay.buildRequest('callReadTrxS2S', request.toJSON()).body);
});

test('derived values are computed by the core on the held value, and equal those of the data', () => {
  const result = read();
  const fromView = gestpay.amazonAddresses(result);
  assert.ok(fromView instanceof gestpay.Message);
  assert.deepEqual(fromView, gestpay.amazonAddresses(amazonJson));
  assert.equal(fromView.shipping.city, amazonJson.orderReferenceDetails.destination.physicalDestination.city.trim());
  assert.throws(() => gestpay.amazonAddresses(result.orderReferenceDetails), { code: 'invalid_type', field: 'result' });
  const encrypt = gestpay.parseResult('Encrypt', '<GestPayCryptDecrypt><TransactionResult>OK</TransactionResult></GestPayCryptDecrypt>');
  assert.throws(() => gestpay.amazonAddresses(encrypt), { code: 'invalid_type', field: 'result' });
});

test('inspect shows the type and the data, secrets redacted, even on what was read', () => {
  const body = gestpay.buildResponse('Decrypt', { transactionResult: 'OK', token: 'TOKEN-SECRET-42', buyer: { buyerName: 'Marco' } }).body;
  const result = gestpay.parseResult('Decrypt', body);
  assert.equal(result.token, 'TOKEN-SECRET-42');
  for (const options of [{}, { showProxy: true }, { depth: Infinity }]) {
    const shown = inspect(result, options);
    assert.ok(!shown.includes('TOKEN-SECRET-42'), shown);
  }
  assert.match(inspect(result), /^DecryptResult \{/);
  assert.match(inspect(result), /token: '\[redacted\]'/);
  assert.match(inspect(result.buyer), /buyerName: 'Marco'/);
});
