// Bad input of every kind: each is a GestpayError subclass with a stable code and the field,
// thrown before anything is sent; nothing reaches Node as a crash.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import gestpay from '../testing/module.mjs';

const encrypt = { shopLogin: '9000001', uicCode: 'EUR', amount: '49.90', shopTransactionId: 'ORD-42' };

function invalid(fn, code, field) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof gestpay.InvalidRequestError, `${err && err.name}: ${err && err.message}`);
    assert.ok(err instanceof gestpay.GestpayError && err instanceof Error);
    assert.equal(err.code, code, err.message);
    if (field !== undefined) assert.equal(err.field, field, err.message);
    assert.equal(err.party, 'caller');
    assert.equal(err.name, 'InvalidRequestError');
    return true;
  });
}

function malformed(fn, code) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof gestpay.MalformedResponseError, `${err && err.name}: ${err && err.message}`);
    assert.equal(err.code, code, err.message);
    assert.equal(err.party, 'remote');
    return true;
  });
}

describe('values JSON cannot carry', () => {
  test('NaN, Infinity, functions and symbols are refused by path, never dropped', () => {
    for (const lost of [NaN, Infinity, -Infinity, () => 1, Symbol('s')]) {
      invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, apiKey: lost }), 'invalid_type', 'apiKey');
      invalid(() => gestpay.validateRequest('Encrypt', { ...encrypt, orderDetails: { productDetails: [{}, { price: lost }] } }),
        'invalid_type', 'orderDetails.productDetails[1].price');
    }
  });

  test('a value holding itself, or nested past the stack, is too_deep; a BigInt invalid_type', () => {
    const cyclic = { ...encrypt };
    cyclic.orderDetails = cyclic;
    let deep = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    invalid(() => gestpay.buildRequest('Encrypt', cyclic), 'too_deep', 'request');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, paymentTypes: deep }), 'too_deep', 'request');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, amount: 10n }), 'invalid_type', 'request');
  });
});

describe('arguments that would be misread', () => {
  test('an unknown option is refused, never ignored', () => {
    invalid(() => gestpay.buildRequest('Encrypt', encrypt, { envv: 'production' }), 'unknown_field', 'options.envv');
    invalid(() => gestpay.paymentPageUrl('9000001', 'XYZ', { envv: 'production' }), 'unknown_field', 'options.envv');
    invalid(() => gestpay.parseResult('Encrypt', '<x/>', { limits: { depth: 3 } }), 'unknown_field', 'limits.depth');
    invalid(() => new gestpay.GestpayClient({ apiKey: 'K' }), 'unknown_field', 'options.apiKey');
  });

  test('a lone surrogate in a request is invalid_type at its path', () => {
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, shopTransactionId: 'T\uD800' }), 'invalid_type', 'shopTransactionId');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, orderDetails: { customerDetail: { firstName: '\uDC00' } } }),
      'invalid_type', 'orderDetails.customerDetail.firstName');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, orderDetails: { ['\uD800']: 'x' } }), 'invalid_type', 'orderDetails');
    assert.ok(gestpay.buildRequest('Encrypt', { ...encrypt, buyerName: 'Anna \u{1F600}' }).body.includes('\u{1F600}'));
  });

  test('a promise where a result or a request is expected (a missing await)', () => {
    const pending = Promise.resolve({ transactionResult: 'OK' });
    invalid(() => gestpay.assertOk(pending), 'invalid_type', 'result');
    invalid(() => gestpay.buildRequest('Encrypt', Promise.resolve(encrypt)), 'invalid_type', 'request');
  });

  test('redacted() ends on a value that holds itself', () => {
    const cyclic = { apiKey: 'K' };
    cyclic.self = cyclic;
    const shown = gestpay.redacted(cyclic);
    assert.equal(shown.apiKey, '[redacted]');
    assert.ok(!JSON.stringify(gestpay.redacted({ a: cyclic })).includes('"K"'));
  });

  test('an outcome error keeps its result out of JSON logs', () => {
    const result = { transactionResult: 'KO', errorCode: 74, token: 'TOKSECRET' };
    assert.throws(() => gestpay.assertOk(result), (err) => {
      assert.equal(err.result, result);
      assert.ok(!JSON.stringify(err).includes('TOKSECRET'));
      assert.ok(!Object.keys(err).includes('result'));
      return true;
    });
  });
});

describe('invalid requests', () => {
  test('documented rules name the wire field', () => {
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, shopLogin: undefined }), 'missing_field', 'shopLogin');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, amount: '10.123' }), 'invalid_amount', 'amount');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, buyerName: 'x'.repeat(51) }), 'too_long', 'buyerName');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, customInfo: [{ key: 'A', value: 'a b' }] }), 'forbidden_character', 'customInfo[0].value');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, buyerName: 'a\u0001b' }), 'invalid_xml_character');
    invalid(() => gestpay.buildRequest('callReadTrxS2S', { shopLogin: '9000001' }), 'missing_field', 'bankTransactionId');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, ppSellerProtection: '1' }), 'conflicting_fields', 'shippingDetails');
    invalid(() => gestpay.validateRequest('Encrypt', {}), 'missing_field');
  });

  test('shape errors name the JSON path', () => {
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, amount: 49.9 }), 'invalid_amount', 'amount');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, languageId: 'it' }), 'invalid_type', 'languageId');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, languageId: 256 }), 'invalid_value', 'languageId');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, paymentTypes: 'AMAZONPAY' }), 'invalid_type', 'paymentTypes');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, orderDetails: { productDetails: [{ price: 5 }] } }), 'invalid_type', 'orderDetails.productDetails[0].price');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, customInfo: [{ key: 'A' }] }), 'missing_field', 'customInfo[0].value');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, uicCode: {} }), 'invalid_type', 'uicCode');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, paymentTypes: null }), 'invalid_type', 'paymentTypes');
  });

  test('a buyer name with spaces and accents is fine (nothing the gateway accepts is refused)', () => {
    assert.match(gestpay.buildRequest('Encrypt', { ...encrypt, buyerName: 'Nicolò De Santis' }).body, /Nicolò De Santis/);
  });

  test('arguments of the wrong kind', () => {
    invalid(() => gestpay.buildRequest('encrypt', encrypt), 'unknown_operation', 'operation');
    invalid(() => gestpay.buildRequest(42, encrypt), 'invalid_type', 'operation');
    invalid(() => gestpay.buildRequest('Encrypt', 'shopLogin=1'), 'invalid_type', 'request');
    invalid(() => gestpay.buildRequest('Encrypt', [encrypt]), 'invalid_type', 'request');
    invalid(() => gestpay.buildRequest('Encrypt', null), 'invalid_type', 'request');
    invalid(() => gestpay.buildRequest('Encrypt', encrypt, { env: 'staging' }), 'invalid_env', 'env');
    invalid(() => gestpay.buildRequest('Encrypt', encrypt, { env: { custom: 'ftp://x' } }), 'invalid_env', 'env');
    invalid(() => gestpay.buildRequest('Encrypt', encrypt, { soap: 1.1 }), 'invalid_type', 'soap');
    invalid(() => gestpay.buildRequest('Encrypt', encrypt, { validate: 'no' }), 'invalid_type', 'validate');
    invalid(() => gestpay.buildRequest('Encrypt', encrypt, 'test'), 'invalid_type', 'options');
    invalid(() => gestpay.buildRequest('Encrypt', { ...encrypt, amount: 10n }), 'invalid_type', 'request');
    invalid(() => gestpay.parseResponse('Encrypt', { status: 200, body: 42 }), 'invalid_type', 'body');
    invalid(() => gestpay.parseResponse('Encrypt', { status: 200 }), 'invalid_type', 'body');
    invalid(() => gestpay.parseResponse('Encrypt', { status: '200', body: '' }), 'invalid_type', 'status');
    invalid(() => gestpay.parseResponse('Encrypt', { status: 200.5, body: '' }), 'invalid_type', 'status');
    invalid(() => gestpay.parseResponse('Encrypt', { status: 200, contentType: 5, body: '' }), 'invalid_type', 'contentType');
    invalid(() => gestpay.parseResponse('Encrypt', '<xml/>'), 'invalid_type', 'response');
    invalid(() => gestpay.parseResult('Encrypt', '<x/>', { limits: { maxDepth: 0 } }), 'invalid_type', 'limits.maxDepth');
    invalid(() => gestpay.parseResult('Encrypt', '<x/>', { limits: { maxDepth: 2 ** 40 } }), 'invalid_type', 'limits.maxDepth');
    invalid(() => gestpay.paymentPageUrl(9000001, 'X'), 'invalid_type', 'shopLogin');
    invalid(() => gestpay.errorDescription(-1), 'invalid_type', 'code');
    invalid(() => gestpay.codeTable('colours'), 'invalid_type', 'name');
    invalid(() => gestpay.buildFault({ reason: 'x' }), 'missing_field', 'code');
  });
});

describe('malformed responses', () => {
  test('every kind of bad document', () => {
    const op = 'Encrypt';
    const parse = (body, status = 200, contentType = 'text/xml') => () => gestpay.parseResponse(op, { status, contentType, body });
    malformed(parse(''), 'not_soap');
    malformed(parse('{"error": "nope"}', 200, null), 'not_soap');
    malformed(parse('<html><body>500</body></html>', 500, 'text/html'), 'not_soap');
    malformed(parse('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 'dtd_refused');
    malformed(parse('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'), 'xml_syntax');
    malformed(parse(Buffer.from([0x3c, 0x61, 0xe0, 0x3e])), 'invalid_utf8');
    const env = (inner) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
    const payload = (inner) => env(`<EncryptResponse xmlns="https://ecomm.sella.it/"><EncryptResult><GestPayCryptDecrypt xmlns="">${inner}</GestPayCryptDecrypt></EncryptResult></EncryptResponse>`);
    malformed(parse(payload('<a>'.repeat(100) + '</a>'.repeat(100))), 'too_deep');
    malformed(parse('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>'), 'missing_result');
    malformed(parse(gestpay.buildResponse('Encrypt', { transactionResult: 'OK' }).body, 503), 'http_status');
    malformed(() => gestpay.parseResult('Encrypt', '<GestPayCryptDecrypt><ErrorCode>abc</ErrorCode></GestPayCryptDecrypt>'), 'invalid_value');
    malformed(() => gestpay.parseFault(gestpay.buildResponse('Encrypt', {}).body), 'missing_result');
    malformed(() => gestpay.parseRequest('Encrypt', gestpay.buildRequest('Decrypt', { shopLogin: 'x', cryptedString: 'y' }).body), 'unexpected_operation');
  });
});
