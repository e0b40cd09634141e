// The example shop against a loopback gateway answering with the binding's own builders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import * as gestpay from 'gestpay';

import { startGateway } from '../../../../bindings-js-core/testing/gateway.mjs';
import { createApp } from '../app.mjs';

const SHOP = 'GESPAY65987';
const API_KEY = 'example-api-key';
// The Amazon Pay answer of the shared corpus, as the gateway would send it for our transaction.
const amazonRead = gestpay.parseResult(
  'callReadTrxS2S',
  readFileSync(new URL('../../../../tests/fixtures/s2s/callReadTrxS2S/amazonpay-full.response.xml', import.meta.url)),
);

let gateway;
let shop;
let base;
before(async () => {
  const orders = new Map();
  gateway = await startGateway(gestpay, {
    Encrypt: (req) => {
      if (req.apiKey !== API_KEY) return { fault: { code: 'soap:Client', reason: 'bad apikey' } };
      if (req.amount === '0.00') return { transactionResult: 'KO', errorCode: 1131, errorDescription: 'Importo non valido' };
      const b = `ENC-${req.shopTransactionId}`;
      orders.set(b, req);
      return { transactionType: 'ENCRYPT', transactionResult: 'OK', cryptDecryptString: b, errorCode: 0 };
    },
    Decrypt: (req) => {
      if (req.cryptedString === 'PENDING') return { transactionType: 'DECRYPT', transactionResult: 'XX', shopTransactionId: 'ORD-P', errorCode: 0 };
      if (req.cryptedString === 'NORESULT') return { transactionType: 'DECRYPT', shopTransactionId: 'ORD-N' };
      const order = orders.get(req.cryptedString);
      if (!order) return { transactionType: 'DECRYPT', transactionResult: 'KO', errorCode: 1142, errorDescription: 'Chiamata non accettata' };
      return {
        transactionType: 'DECRYPT',
        transactionResult: 'OK',
        shopTransactionId: order.shopTransactionId,
        bankTransactionId: '8754102',
        amount: order.amount,
        currency: 'EUR',
        errorCode: 0,
      };
    },
    callReadTrxS2S: (req) => ({ ...amazonRead, bankTransactionId: req.bankTransactionId }),
  });
  const app = createApp({ shopLogin: SHOP, apiKey: API_KEY, env: gateway.url, timeoutMs: 5000 });
  shop = await new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
  base = `http://127.0.0.1:${shop.address().port}`;
});
after(async () => {
  shop.closeAllConnections();
  await new Promise((resolve) => shop.close(resolve));
  await gateway.close();
});

test('checkout redirects the buyer to the payment page', async () => {
  const res = await fetch(`${base}/checkout?order=ORD-7&amount=49.90`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  const location = new URL(res.headers.get('location'));
  assert.equal(`${location.origin}${location.pathname}`, `${gateway.url}/pagam/pagam.aspx`);
  assert.equal(location.searchParams.get('a'), SHOP);
  assert.equal(location.searchParams.get('b'), 'ENC-ORD-7');
  const encrypt = gateway.calls.find((c) => c.operation === 'Encrypt' && c.request.shopTransactionId === 'ORD-7');
  assert.deepEqual(encrypt.request.paymentTypes, ['AMAZONPAY']);
});

test('the callback decrypts the result and reads the Amazon addresses', async () => {
  await fetch(`${base}/checkout?order=ORD-8&amount=19.90`, { redirect: 'manual' });
  const res = await fetch(`${base}/gestpay/ok?a=${SHOP}&b=ENC-ORD-8`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.order, 'ORD-8');
  assert.equal(body.status, 'paid');
  assert.equal(body.amount, '19.90');
  assert.equal(body.buyer.email, 'juergen.muessig@example.de');
  assert.equal(body.shipTo.city, 'Neunkirchen');
  assert.equal(body.shipTo.addressLine2, 'Hauptstraße 12');
  assert.equal(body.billTo.addressLine1, 'Meininger Strasse 58');
  const read = gateway.calls.find((c) => c.operation === 'callReadTrxS2S');
  assert.equal(read.request.bankTransactionId, '8754102');
  assert.equal(read.request.apiKey, API_KEY);
});

test('a declined payment and a bad callback are answered, not crashed on', async () => {
  const ko = await fetch(`${base}/gestpay/ko?a=${SHOP}&b=UNKNOWN`);
  assert.equal(ko.status, 402);
  assert.equal((await ko.json()).code, 1142);
  const bad = await fetch(`${base}/gestpay/ok?a=${SHOP}`);
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: 'invalid_callback', field: 'b', message: 'invalid request: b: the parameter is missing [invalid_callback]' });
  const refused = await fetch(`${base}/checkout?order=ORD-9&amount=0.00`, { redirect: 'manual' });
  assert.equal(refused.status, 502);
  assert.equal((await refused.json()).error, 'declined');
  const invalid = await fetch(`${base}/checkout?order=&amount=1.00`, { redirect: 'manual' });
  assert.equal(invalid.status, 400);
  assert.equal((await invalid.json()).error, 'missing_field');
});

test('a pending payment is neither paid nor declined; no result is an error', async () => {
  const reads = gateway.calls.filter((c) => c.operation === 'callReadTrxS2S').length;
  const pending = await fetch(`${base}/gestpay/ok?a=${SHOP}&b=PENDING`);
  assert.equal(pending.status, 202);
  assert.deepEqual(await pending.json(), { order: 'ORD-P', status: 'pending' });
  const none = await fetch(`${base}/gestpay/ok?a=${SHOP}&b=NORESULT`);
  assert.equal(none.status, 502);
  assert.equal((await none.json()).error, 'no_result');
  assert.equal(gateway.calls.filter((c) => c.operation === 'callReadTrxS2S').length, reads, 'nothing read, nothing shipped');
});
