// The success check (assertOk): only TransactionResult OK passes. KO is DeclinedError, XX
// PendingError, a missing or empty result MalformedResponseError no_result, any other value
// MalformedResponseError unknown_result — the core's Outcome::ensure_ok, the same answers as
// Python's raise_for_ko (tests/fixtures/conformance/outcome.json holds the shared cases).
// Runs against the napi addon and, with GESTPAY_TEST_WASM=1, the WASM build.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import gestpay from '../testing/module.mjs';

const base = { errorCode: 1142, errorDescription: 'Chiamata non accettata: indirizzo IP non valido' };

/** Asserts that assertOk(result) throws an error of `cls` with `code` and `field`. */
function refused(result, cls, code, field) {
  assert.throws(
    () => gestpay.assertOk(result),
    (err) => {
      assert.ok(err instanceof cls, `${err && err.constructor.name}: ${err && err.message}`);
      assert.ok(err instanceof gestpay.GestpayError);
      assert.equal(err.code, code);
      assert.equal(err.field, field);
      assert.ok(err.message.length <= 400);
      return true;
    },
  );
}

describe('assertOk passes only OK', () => {
  test('OK passes, and returns the result itself', () => {
    const ok = { transactionResult: 'OK', ...base };
    assert.equal(gestpay.assertOk(ok), ok);
    const bare = { transactionResult: 'OK' };
    assert.equal(gestpay.assertOk(bare), bare);
  });

  test('KO: DeclinedError, with the error code and the result', () => {
    const ko = { transactionResult: 'KO', ...base };
    refused(ko, gestpay.DeclinedError, 'declined', 'ErrorCode');
    try {
      gestpay.assertOk(ko);
    } catch (err) {
      assert.equal(err.party, 'business');
      assert.equal(err.errorCode, 1142);
      assert.equal(err.description, base.errorDescription);
      assert.equal(err.knownDescription, gestpay.errorDescription(1142));
      assert.equal(err.result, ko);
      assert.match(err.message, /^transaction declined: error 1142 \(/);
    }
  });

  test('XX: PendingError, which is not a DeclinedError', () => {
    const xx = { transactionResult: 'XX', ...base };
    refused(xx, gestpay.PendingError, 'pending', 'TransactionResult');
    try {
      gestpay.assertOk(xx);
    } catch (err) {
      assert.ok(!(err instanceof gestpay.DeclinedError));
      assert.ok(!(err instanceof gestpay.MalformedResponseError));
      assert.equal(err.name, 'PendingError');
      assert.equal(err.party, 'business');
      assert.equal(err.errorCode, 1142);
      assert.equal(err.knownDescription, gestpay.errorDescription(1142));
      assert.equal(err.result, xx);
      assert.match(err.message, /^transaction pending \(XX\)/);
    }
    refused({ transactionResult: 'XX' }, gestpay.PendingError, 'pending', 'TransactionResult');
  });

  test('a missing or empty TransactionResult: no_result', () => {
    for (const result of [{}, { ...base }, { transactionResult: undefined }, { transactionResult: null }, { transactionResult: '' }, { transactionResult: '   ' }]) {
      refused(result, gestpay.MalformedResponseError, 'no_result', 'TransactionResult');
    }
  });

  test('any other value: unknown_result (no case folding, no trimming)', () => {
    for (const value of ['ok', 'Ok', 'OK ', ' OK', 'YY', 'OKK', 'K0', '\u0000OK', 'OK\ud800']) {
      refused({ transactionResult: value, ...base }, gestpay.MalformedResponseError, 'unknown_result', 'TransactionResult');
    }
  });

  test('a value that is not a result is the caller\'s error', () => {
    for (const value of [undefined, null, 'OK', 1, [], true]) {
      refused(value, gestpay.InvalidRequestError, 'invalid_type', 'result');
    }
    refused({ transactionResult: 1 }, gestpay.InvalidRequestError, 'invalid_type', 'transactionResult');
  });

  test('an error code out of range is dropped, not thrown', () => {
    for (const errorCode of [-1, 2 ** 32, 1.5, '1142', NaN]) {
      assert.throws(() => gestpay.assertOk({ transactionResult: 'KO', errorCode }), (err) => {
        assert.ok(err instanceof gestpay.DeclinedError);
        assert.equal(err.errorCode, null);
        return true;
      });
    }
  });

  test('parsed results: an XX from the gateway does not pass', () => {
    const body = gestpay.parseResult(
      'Decrypt',
      '<GestPayCryptDecrypt><TransactionType>DECRYPT</TransactionType><TransactionResult>XX</TransactionResult>' +
        '<ErrorCode>0</ErrorCode><ErrorDescription>Transazione in attesa</ErrorDescription></GestPayCryptDecrypt>',
    );
    assert.ok(gestpay.isPending(body));
    refused(body, gestpay.PendingError, 'pending', 'TransactionResult');
    const none = gestpay.parseResult('Decrypt', '<GestPayCryptDecrypt><ErrorCode>0</ErrorCode></GestPayCryptDecrypt>');
    refused(none, gestpay.MalformedResponseError, 'no_result', 'TransactionResult');
  });

  test('PendingError is exported and named like the other classes', () => {
    assert.equal(typeof gestpay.PendingError, 'function');
    const err = new gestpay.PendingError('pending', { result: {} });
    assert.equal(err.code, 'pending');
    assert.equal(err.errorCode, null);
    assert.ok(!Object.keys(err).includes('name'));
  });
});

test('TransactionErrorCode answers the outcome when ErrorCode is absent; ErrorCode wins', () => {
  const only = { transactionResult: 'KO', transactionErrorCode: 1142, transactionErrorDescription: 'No' };
  assert.deepEqual(
    { ...gestpay.declined(only), knownDescription: null },
    { errorCode: 1142, description: 'No', knownDescription: null },
  );
  const both = { transactionResult: 'KO', errorCode: 99, errorDescription: 'E', transactionErrorCode: 0, transactionErrorDescription: 'OK' };
  assert.equal(gestpay.declined(both).errorCode, 99);
  assert.equal(gestpay.declined(both).description, 'E');
  assert.throws(() => gestpay.assertOk(only), (err) => err instanceof gestpay.DeclinedError && err.errorCode === 1142);
});
