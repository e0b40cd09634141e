// The conformance table (tests/fixtures/conformance, format in its README): every case gives
// the same answer here as in Rust, the CLI and Python — success, or an error with the same
// `code` and `field`. Run against the napi addon and, with GESTPAY_TEST_WASM=1, the WASM build.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import gestpay, { isWasm } from '../testing/module.mjs';

const lang = isWasm ? 'wasm' : 'node';
const dir = new URL('../../tests/fixtures/conformance/', import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')))
  .filter((c) => !c.only || c.only.includes(lang));

const callback = (cb) => ({ shopLogin: cb.shopLogin, encryptedString: cb.encryptedString });

const entries = {
  build: (c) => ({ url: gestpay.buildRequest(c.operation, c.input, { env: c.env, soap: c.soap }).url }),
  validate: (c) => (gestpay.validateRequest(c.operation, c.input), {}),
  // The endpoint of WsCryptDecrypt: the environment's SOAP base and the service's path.
  env: (c) => ({
    url: gestpay.endpoints(c.env ?? 'test').soapBase + gestpay.operations.find((o) => o.name === 'Encrypt').path,
  }),
  payment_page_url: (c) => ({
    url: gestpay.paymentPageUrl(c.input.shopLogin ?? '', c.input.encryptedString ?? '', {
      env: c.env,
      paymentType: c.input.paymentType,
    }),
  }),
  callback_url: (c) => callback(gestpay.parseCallback(c.input)),
  callback_mapping: (c) => callback(gestpay.parseCallback(c.input)),
  outcome: (c) => (gestpay.assertOk(c.input), {}),
  // The row as a plain object: members that are absent stay absent.
  currency: (c) => {
    const row = gestpay.currency(c.input);
    return { row: row === null ? null : JSON.parse(JSON.stringify(row)) };
  },
};

for (const c of cases) {
  test(c.id, () => {
    const entry = entries[c.entry];
    assert.ok(entry, `the ${lang} runner has no entry ${c.entry}`);
    const expect = c.differs?.[lang]?.expect ?? c.expect;
    if (expect.code !== undefined) {
      assert.throws(
        () => entry(c),
        (err) => {
          assert.ok(err instanceof gestpay.GestpayError, `not a GestpayError: ${err && err.stack}`);
          assert.deepEqual([err.code, err.field ?? null], [expect.code, expect.field ?? null], err.message);
          assert.ok(err.message.length <= 400, 'the message is bounded');
          return true;
        },
      );
    } else {
      const got = entry(c);
      for (const [key, want] of Object.entries(expect)) {
        if (key !== 'ok') assert.deepEqual(got[key], want, key);
      }
    }
  });
}

test('the table is large enough', () => {
  assert.ok(cases.length >= 150, `${cases.length} cases`);
});
