// The example shop against the local gateway (`gestpay sandbox`, started by `gestpay/testing`):
// the buyer is sent to the payment page, pays with Amazon Pay, comes back to the shop's own
// callback URL, and the shop Decrypts the result and reads the addresses. The unhappy paths are
// the gateway's test scenarios, chosen by the order itself: an amount ending in .13 or a KO-
// order is declined, an XX- order is pending, a FAULT- order a SOAP fault.
//
// The gateway binary: `npm install --save-dev gestpay-cli`, or GESTPAY_BIN=/path/to/gestpay, or
// `gestpay` on the PATH (findGatewayBinary in gestpay/testing).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';

import { GestpayClient } from 'gestpay';
import { startLocalGateway } from 'gestpay/testing';

import { createApp } from '../app.mjs';

const SHOP = 'GESPAY65987';
const API_KEY = 'example-api-key';

let gateway;
let server;
let base;
before(async () => {
  // The shop listens first, so that the gateway knows where to send the buyer back.
  server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  gateway = await startLocalGateway({
    apiKey: API_KEY,
    shopLogins: [SHOP],
    successUrl: `${base}/gestpay/ok`,
    failureUrl: `${base}/gestpay/ko`,
  });
  server.on('request', createApp({ shopLogin: SHOP, apiKey: API_KEY, env: gateway.url, timeoutMs: 10_000 }));
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await gateway.close();
});

/** GET /checkout: the redirect to the payment page. */
async function checkout(order, amount = '49.90') {
  const res = await fetch(`${base}/checkout?order=${encodeURIComponent(order)}&amount=${amount}`, { redirect: 'manual' });
  assert.equal(res.status, 302, `checkout of ${order}: ${res.status} ${await res.text()}`);
  return res.headers.get('location');
}

/** The shop's answer at the URL the gateway sent the buyer back to. */
async function backAtTheShop(url) {
  assert.ok(url.startsWith(`${base}/gestpay/`), url);
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

test('checkout redirects the buyer to the payment page', async () => {
  const location = new URL(await checkout('ORD-7'));
  assert.equal(`${location.origin}${location.pathname}`, `${gateway.url}/pagam/pagam.aspx`);
  assert.equal(location.searchParams.get('a'), SHOP);
  assert.ok(location.searchParams.get('b'));
});

test('the whole Amazon Pay flow: the shop ships to the address the buyer chose', async () => {
  const page = await checkout('ORD-8', '19.90');
  const back = await gateway.payWithAmazon(page, { address: 1 });
  assert.ok(back.startsWith(`${base}/gestpay/ok?`), back);
  const { status, body } = await backAtTheShop(back);
  assert.equal(status, 200);
  assert.equal(body.order, 'ORD-8');
  assert.equal(body.status, 'paid');
  assert.equal(body.amount, '19.90');
  assert.equal(body.currency, 'EUR');
  assert.match(body.bankTransactionId, /^\d+$/);
  assert.deepEqual(body.buyer, { name: 'Marco Rossi', email: 'marco.rossi@example.it' });
  assert.equal(body.shipTo.addressLine1, 'Corso Buenos Aires 40');
  assert.equal(body.shipTo.city, 'Milano');
  assert.equal(body.billTo.city, 'Berlin');
  assert.equal(body.billTo.addressLine2, 'Meininger Strasse 58');
});

test('a declined payment (amount .13, a KO- order) is answered 402; a cancelled one too', async () => {
  for (const [order, amount] of [['ORD-9', '10.13'], ['KO-ORD-10', '49.90']]) {
    const back = await gateway.payWithAmazon(await checkout(order, amount));
    assert.ok(back.startsWith(`${base}/gestpay/ko?`), back);
    const { status, body } = await backAtTheShop(back);
    assert.equal(status, 402, order);
    assert.equal(body.status, 'declined');
    assert.equal(body.code, 74);
    assert.equal(body.reason, 'Authorization denied');
  }
  const cancelled = await backAtTheShop(await gateway.cancel(await checkout('ORD-11')));
  assert.equal(cancelled.status, 402);
  assert.equal(cancelled.body.code, 1143);
});

test('a pending payment (XX- order) is not shipped until the bank resolves it', async () => {
  const back = await gateway.payWithAmazon(await checkout('XX-ORD-12'));
  const pending = await backAtTheShop(back);
  assert.equal(pending.status, 202);
  assert.deepEqual(pending.body, { order: 'XX-ORD-12', status: 'pending' });
  // The bank's answer, later (the shop would learn it from the server-to-server notification).
  const { bankTransactionId } = await new GestpayClient({ env: gateway.url }).decryptCallback(back, { apiKey: API_KEY });
  const resolved = await gateway.resolvePending(bankTransactionId);
  assert.equal(resolved.transactionResult, 'OK');
  const paid = await backAtTheShop(back);
  assert.equal(paid.status, 200);
  assert.equal(paid.body.status, 'paid');
});

test('a gateway fault (FAULT- order) and a refused order are errors, not crashes', async () => {
  const fault = await fetch(`${base}/checkout?order=FAULT-ORD-13&amount=49.90`, { redirect: 'manual' });
  assert.equal(fault.status, 502);
  assert.equal((await fault.json()).error, 'soap_fault');
  const invalid = await fetch(`${base}/checkout?order=&amount=1.00`, { redirect: 'manual' });
  assert.equal(invalid.status, 400);
  assert.equal((await invalid.json()).error, 'missing_field');
});

test('a bad callback is answered 400', async () => {
  const bad = await fetch(`${base}/gestpay/ok?a=${SHOP}`);
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: 'invalid_callback', field: 'b', message: 'invalid request: b: the parameter is missing [invalid_callback]' });
  const unknown = await fetch(`${base}/gestpay/ok?a=${SHOP}&b=UNKNOWN`);
  assert.equal(unknown.status, 402, 'the gateway answers KO for a b it never gave');
});
