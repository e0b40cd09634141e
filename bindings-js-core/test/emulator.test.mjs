// The whole Amazon Pay flow against the project's gateway emulator (`gestpay sandbox --port 0`,
// built by `cargo build -p gestpay-cli`): Encrypt, the emulated payment page, the callback,
// Decrypt, callReadTrxS2S and the Amazon addresses. Skipped when the binary is not built
// (GESTPAY_BIN overrides where it is looked for).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import gestpay from '../testing/module.mjs';

const BIN = process.env.GESTPAY_BIN ?? fileURLToPath(new URL('../../target/debug/gestpay', import.meta.url));
const SHOP = 'GESPAY65987';

async function form(url, pairs) {
  return fetch(url, { method: 'POST', body: new URLSearchParams(pairs), redirect: 'manual' });
}

describe('against the emulator (gestpay sandbox)', { skip: !existsSync(BIN) && `no ${BIN}` }, () => {
  let child;
  let base;
  before(async () => {
    child = spawn(BIN, ['sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    base = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`gestpay sandbox exited with ${code}`)));
      setTimeout(() => reject(new Error('gestpay sandbox did not start')), 10_000);
    });
  });
  after(() => child && child.kill());

  test('Amazon Pay: Encrypt, payment page, callback, Decrypt, callReadTrxS2S, addresses', async () => {
    const client = new gestpay.GestpayClient({ env: base, timeoutMs: 10_000 });
    const encrypted = gestpay.assertOk(
      await client.encrypt({
        shopLogin: SHOP,
        uicCode: 'EUR',
        amount: '49.90',
        shopTransactionId: 'ORD-NODE-1',
        paymentTypes: ['AMAZONPAY'],
        amazonPayBillingAgreementDescription: 'paynowandrecurring',
      }),
    );
    const b = encrypted.cryptDecryptString;
    const page = await fetch(client.paymentPageUrl(SHOP, b), { redirect: 'manual' });
    assert.equal(page.status, 200);
    await page.text();
    await (await form(`${base}/pagam/amazonpay/signin`, { b, email: 'marco.rossi@example.it' })).text();
    await (await form(`${base}/pagam/amazonpay/address`, { b, address: '0' })).text();
    const paid = await form(`${base}/pagam/amazonpay/pay`, { b, address: '0', card: '0' });
    const location = paid.headers.get('location');
    assert.ok(location, `expected a redirect, got ${paid.status}`);
    const decrypted = gestpay.assertOk(await client.decryptCallback(location));
    assert.equal(decrypted.shopTransactionId, 'ORD-NODE-1');
    const read = gestpay.assertOk(await client.callReadTrxS2S({ shopLogin: SHOP, bankTransactionId: decrypted.bankTransactionId }));
    const amazon = gestpay.amazonAddresses(read);
    assert.ok(amazon && amazon.shipping && amazon.shipping.city, 'a shipping address');
    assert.ok(amazon.billing, 'a billing address');
  });
});
