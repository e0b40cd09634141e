// Secrets never show in util.inspect / console.log of what the package returns, while the
// values stay plain data for JSON.stringify, spreading and property access.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { test } from 'node:test';

import gestpay from '../testing/module.mjs';

const SECRETS = ['APIKEY-SECRET-1', '4111111111111111', 'PARES-SECRET', 'TOKEN-SECRET-42', 'KSN-SECRET'];

function assertHidden(value, label) {
  const shown = inspect(value, { depth: Infinity });
  for (const s of SECRETS) assert.ok(!shown.includes(s), `${label} shows ${s}:\n${shown}`);
  return shown;
}

const pagam = {
  shopLogin: '9000001',
  uicCode: 'EUR',
  amount: '10.00',
  shopTransactionId: 'ORD-1',
  cardNumber: '4111111111111111',
  expiryMonth: '09',
  expiryYear: '47',
  cvv: '987',
  paRes: 'PARES-SECRET',
  transKey: 'TK-1',
  apiKey: 'APIKEY-SECRET-1',
  cardReaderPayments: { deviceProvidedInfo: { ksn: 'KSN-SECRET', deviceId: 'DEV-1' } },
};

test('a built request shows its body size only', () => {
  const call = gestpay.buildRequest('callPagamS2S', pagam);
  const shown = assertHidden(call, 'HttpRequest');
  assert.match(shown, /^HttpRequest \{/);
  assert.match(shown, /body: '<\d+ bytes, redacted>'/);
  assert.match(shown, /url: 'https:\/\/sandbox\.gestpay\.net/);
  // … while the wire value is all there.
  assert.ok(call.body.includes('4111111111111111') && call.body.includes('APIKEY-SECRET-1'));
  assert.ok(JSON.stringify(call).includes('4111111111111111'));
  assertHidden(gestpay.buildResponse('Decrypt', { transactionResult: 'OK', token: 'TOKEN-SECRET-42' }), 'HttpResponse');
});

test('a parsed request shows every secret redacted, nested ones too', () => {
  const parsed = gestpay.parseRequest('callPagamS2S', gestpay.buildRequest('callPagamS2S', pagam).body);
  const shown = assertHidden(parsed, 'request');
  for (const key of ['cardNumber', 'expiryMonth', 'expiryYear', 'cvv', 'paRes', 'apiKey']) {
    assert.match(shown, new RegExp(`${key}: '\\[redacted\\]'`), key);
  }
  assert.match(shown, /deviceId: 'DEV-1'/);
  assertHidden(parsed.cardReaderPayments.deviceProvidedInfo, 'nested object');
  assertHidden([parsed], 'array holding it');
  assertHidden({ wrapper: parsed }, 'object holding it');
  assert.equal(parsed.cardNumber, '4111111111111111');
  assert.equal(parsed.cardReaderPayments.deviceProvidedInfo.ksn, 'KSN-SECRET');
  assert.deepEqual(Object.keys(parsed).includes('cardNumber'), true);
  assert.ok(JSON.stringify(parsed).includes('PARES-SECRET'));
  assert.ok({ ...parsed }.paRes === 'PARES-SECRET');
});

test('a parsed result shows its token redacted; console.log goes through inspect', () => {
  const body = gestpay.buildResponse('Decrypt', { transactionResult: 'OK', token: 'TOKEN-SECRET-42', tokenExpiryMonth: '04', buyer: { buyerName: 'Marco' } }).body;
  const result = gestpay.parseResponse('Decrypt', { status: 200, body });
  const shown = assertHidden(result, 'result');
  assert.match(shown, /buyerName: 'Marco'/);
  assert.equal(result.token, 'TOKEN-SECRET-42');
  const lines = [];
  const original = console.log;
  console.log = (...args) => lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  try {
    console.log('result:', result);
  } finally {
    console.log = original;
  }
  assert.ok(!lines.join('\n').includes('TOKEN-SECRET-42'));
});

test('an empty secret stays empty, redaction hooks are invisible to equality and keys', () => {
  const result = gestpay.parseResult('Decrypt', '<GestPayCryptDecrypt><TransactionResult>OK</TransactionResult></GestPayCryptDecrypt>');
  assert.deepEqual(result, { transactionResult: 'OK' });
  assert.deepEqual(Object.keys(result), ['transactionResult']);
  assert.equal(JSON.stringify(result), '{"transactionResult":"OK"}');
});

test('errors never carry a secret', () => {
  try {
    gestpay.buildRequest('callPagamS2S', { ...pagam, cardNumber: '4111111111111111\u0001' });
    assert.fail('accepted');
  } catch (err) {
    assertHidden(err, 'error');
    assert.ok(!err.message.includes('4111111111111111'));
  }
  try {
    gestpay.buildRequest('callPagamS2S', { ...pagam, cardNumber: 4111111111111111 });
    assert.fail('accepted');
  } catch (err) {
    assert.equal(err.code, 'invalid_type');
    assert.ok(!err.message.includes('4111111111111111'), err.message);
  }
});

test('redacted(): a copy for JSON logs, every secret replaced, the rest and the original intact', () => {
  const request = gestpay.parseRequest('callPagamS2S', gestpay.buildRequest('callPagamS2S', pagam).body);
  const logged = JSON.stringify(gestpay.redacted({ request, note: 'kept', list: [request] }));
  for (const s of [...SECRETS, '987']) assert.ok(!logged.includes(s), `the log line shows ${s}: ${logged}`);
  for (const key of ['cardNumber', 'expiryMonth', 'expiryYear', 'cvv', 'paRes', 'apiKey', 'ksn']) {
    assert.ok(logged.includes(`"${key}":"[redacted]"`), `${key}: ${logged}`);
  }
  assert.ok(logged.includes('"deviceId":"DEV-1"') && logged.includes('"note":"kept"') && logged.includes('"transKey":"TK-1"'));
  assert.equal(request.cvv, '987', 'the original is not changed');
  const result = gestpay.parseResult('Decrypt', gestpay.buildResponse('Decrypt', { transactionResult: 'OK', token: 'TOKEN-SECRET-42' }).body);
  assert.deepEqual(gestpay.redacted(result), { transactionResult: 'OK', token: '[redacted]' });
  assert.equal(gestpay.redacted(null), null);
  assert.equal(gestpay.redacted('plain'), 'plain');
});

test('what a result keeps shows its names, never its values', () => {
  const body =
    "<GestPayCryptDecrypt><CardNumber>4111111111111111</CardNumber><Holder pin='PIN-SECRET'><Name>NAME-SECRET</Name></Holder>" +
    "<Buyer verified='ATTR-SECRET'><BuyerName lang='LANG-SECRET'>M</BuyerName></Buyer></GestPayCryptDecrypt>";
  const result = gestpay.parseResult('Decrypt', body);
  const hidden = ['4111111111111111', 'PIN-SECRET', 'NAME-SECRET', 'ATTR-SECRET', 'LANG-SECRET'];
  for (const [label, value] of [
    ['result', result],
    ['unknown', result.unknown],
    ['one unknown element', result.unknown[1]],
    ['its child', result.unknown[1].children[0]],
    ['buyer', result.buyer],
    ['child attributes', result.buyer.childAttributes],
  ]) {
    const shown = inspect(value, { depth: Infinity });
    for (const s of hidden) assert.ok(!shown.includes(s), `${label} shows ${s}:\n${shown}`);
  }
  const shown = inspect(result, { depth: Infinity });
  for (const name of ['CardNumber', 'Holder', 'pin', 'Name', 'verified', 'lang']) assert.ok(shown.includes(name), name);
  // The values stay plain data.
  assert.equal(result.unknown[0].text, '4111111111111111');
  assert.equal(result.unknown[1].attributes[0].value, 'PIN-SECRET');
  assert.equal(result.buyer.childAttributes[0].attributes[0].value, 'LANG-SECRET');
  assert.ok(JSON.stringify(result).includes('NAME-SECRET'));
});
