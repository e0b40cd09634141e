// The API surface beyond the corpus: HTTP descriptions, environments, SOAP versions, the
// gateway's side, outcome helpers, payment page, callbacks, addresses, code tables, amounts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { FIXTURES, plain } from '../testing/corpus.mjs';
import gestpay from '../testing/module.mjs';

const encrypt = { shopLogin: '9000001', uicCode: 'EUR', amount: '49.90', shopTransactionId: 'ORD-42' };
const amazonXml = readFileSync(`${FIXTURES}/s2s/callReadTrxS2S/amazonpay-full.response.xml`);

describe('buildRequest', () => {
  test('describes the HTTP call of SOAP 1.1', () => {
    const call = gestpay.buildRequest('Encrypt', encrypt);
    assert.ok(call instanceof gestpay.HttpRequest);
    assert.equal(call.method, 'POST');
    assert.equal(call.url, 'https://sandbox.gestpay.net/gestpay/GestPayWS/WsCryptDecrypt.asmx');
    assert.deepEqual(call.headers, {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '"https://ecomm.sella.it/Encrypt"',
    });
    assert.match(call.body, /^<\?xml version="1.0" encoding="utf-8"\?><soap:Envelope /);
    assert.match(call.body, /<shopLogin>9000001<\/shopLogin><uicCode>242<\/uicCode><amount>49.90<\/amount>/);
  });

  test('SOAP 1.2 carries the action in the Content-Type and has no SOAPAction', () => {
    const call = gestpay.buildRequest('callReadTrxS2S', { shopLogin: '9000001', bankTransactionId: '1' }, { soap: '1.2' });
    assert.deepEqual(call.headers, {
      'Content-Type': 'application/soap+xml; charset=utf-8; action="https://ecomms2s.sella.it/callReadTrxS2S"',
    });
    assert.equal(call.url, 'https://sandbox.gestpay.net/gestpay/gestpayws/WSs2s.asmx');
    assert.match(call.body, /soap12:Envelope/);
  });

  test('environments: test, production, a base URL, { custom }', () => {
    const url = (env) => gestpay.buildRequest('Encrypt', encrypt, { env }).url;
    assert.equal(url('production'), 'https://ecomms2s.sella.it/gestpay/GestPayWS/WsCryptDecrypt.asmx');
    assert.equal(url('http://127.0.0.1:8480/'), 'http://127.0.0.1:8480/gestpay/GestPayWS/WsCryptDecrypt.asmx');
    assert.equal(url({ custom: 'https://proxy.example/gp' }), 'https://proxy.example/gp/gestpay/GestPayWS/WsCryptDecrypt.asmx');
    assert.deepEqual(gestpay.endpoints('production'), {
      soapBase: 'https://ecomms2s.sella.it',
      pagesBase: 'https://ecomm.sella.it',
    });
  });

  test('validate: false sends what validation would refuse', () => {
    assert.throws(() => gestpay.buildRequest('Encrypt', { shopLogin: '9000001' }), gestpay.InvalidRequestError);
    const call = gestpay.buildRequest('Encrypt', { shopLogin: '9000001' }, { validate: false });
    assert.match(call.body, /<Encrypt xmlns="https:\/\/ecomm.sella.it\/"><shopLogin>9000001<\/shopLogin>/);
  });

  test('undefined members are no value; a request can be a class instance', () => {
    const call = gestpay.buildRequest('Encrypt', { ...encrypt, buyerName: undefined, buyerEmail: undefined });
    assert.doesNotMatch(call.body, /buyerName/);
    class Order {
      constructor() {
        Object.assign(this, encrypt);
      }
    }
    assert.equal(gestpay.buildRequest('Encrypt', new Order()).body, gestpay.buildRequest('Encrypt', encrypt).body);
  });

  test('the 19 operations, with their exact wire names', () => {
    const names = gestpay.operations.map((o) => o.name);
    assert.equal(names.length, 19);
    assert.ok(names.includes('CallRequestTokenS2S') && names.includes('callDeleteTokenS2S'));
    assert.ok(gestpay.isOperation('callReadTrxS2S'));
    assert.ok(!gestpay.isOperation('callreadtrxs2s'));
    assert.deepEqual(gestpay.operations[0], {
      name: 'Encrypt',
      service: 'WsCryptDecrypt',
      action: 'https://ecomm.sella.it/Encrypt',
      path: '/gestpay/GestPayWS/WsCryptDecrypt.asmx',
    });
    assert.ok(Object.isFrozen(gestpay.operations));
  });
});

describe('parsing', () => {
  test('a callReadTrxS2S Amazon Pay answer, its addresses', () => {
    const result = gestpay.parseResponse('callReadTrxS2S', { status: 200, contentType: 'text/xml; charset=utf-8', body: amazonXml });
    assert.equal(result.transactionResult, 'OK');
    assert.equal(result.currency, 'EUR');
    const amazon = gestpay.amazonAddresses(result);
    assert.equal(amazon.shipping.city, 'Neunkirchen');
    assert.equal(amazon.shipping.county, 'Landkreis Neunkirchen');
    assert.equal(amazon.billing.addressLine1, 'Meininger Strasse 58');
    assert.equal(amazon.buyerEmail, 'juergen.muessig@example.de');
    assert.equal(gestpay.amazonAddresses({ transactionResult: 'OK' }), null);
  });

  test('bodies as string, Buffer, Uint8Array, ArrayBuffer, DataView, other typed arrays', () => {
    const expected = plain(gestpay.parseResult('callReadTrxS2S', amazonXml));
    const ab = amazonXml.buffer.slice(amazonXml.byteOffset, amazonXml.byteOffset + amazonXml.byteLength);
    for (const body of [amazonXml.toString('utf8'), new Uint8Array(amazonXml), ab, new DataView(ab), new Uint16Array(ab.slice(0, ab.byteLength - (ab.byteLength % 2)))]) {
      if (body instanceof Uint16Array && amazonXml.byteLength % 2) continue;
      assert.deepEqual(plain(gestpay.parseResult('callReadTrxS2S', body)), expected);
    }
  });

  test('a SOAP fault is a SoapFaultError with its fields', () => {
    const fault = gestpay.buildFault({
      code: 'soap:Receiver',
      codeNamespace: 'http://www.w3.org/2003/05/soap-envelope',
      subcodes: [{ value: 'gp:Down', namespace: 'urn:example:gp' }],
      reason: 'Service unavailable',
      reasonLang: 'en',
      otherReasons: [{ text: 'Servizio non disponibile', lang: 'it' }],
      node: 'urn:example:node',
      actor: 'urn:example:role',
      detail: { text: 'retry later', children: [{ name: 'After', namespace: 'urn:example:gp', text: '60' }] },
      httpStatus: 503,
    }, { soap: '1.2' });
    assert.equal(fault.status, 503);
    assert.equal(fault.headers['Content-Type'], 'application/soap+xml; charset=utf-8');
    assert.throws(
      () => gestpay.parseResponse('Encrypt', { status: fault.status, contentType: fault.headers['Content-Type'], body: fault.body }),
      (err) => {
        assert.ok(err instanceof gestpay.SoapFaultError && err instanceof gestpay.GestpayError);
        assert.equal(err.code, 'soap_fault');
        assert.equal(err.party, 'remote');
        assert.equal(err.faultCode, 'soap:Receiver');
        assert.equal(err.codeLocal, 'Receiver');
        assert.equal(err.codeNamespace, 'http://www.w3.org/2003/05/soap-envelope');
        assert.equal(err.subcode, 'gp:Down');
        assert.deepEqual(err.subcodes, [{ value: 'gp:Down', namespace: 'urn:example:gp', local: 'Down' }]);
        assert.equal(err.reason, 'Service unavailable');
        assert.equal(err.reasonLang, 'en');
        assert.deepEqual(err.otherReasons, [{ text: 'Servizio non disponibile', lang: 'it' }]);
        assert.equal(err.node, 'urn:example:node');
        assert.equal(err.actor, 'urn:example:role');
        assert.equal(err.detail.text, 'retry later');
        assert.deepEqual(err.detail.children, [{ name: 'After', namespace: 'urn:example:gp', text: '60' }]);
        assert.equal(err.httpStatus, 503);
        assert.equal(err.soapVersion, '1.2');
        assert.deepEqual(err.fault, { ...gestpay.parseFault(fault.body), httpStatus: 503 });
        return true;
      },
    );
  });

  test('the answer to another operation is refused', () => {
    const answer = gestpay.buildResponse('Decrypt', { transactionResult: 'OK' });
    assert.throws(() => gestpay.parseResponse('Encrypt', { status: 200, body: answer.body }), { code: 'unexpected_operation' });
  });

  test('limits can be lowered and raised', () => {
    assert.throws(() => gestpay.parseResult('callReadTrxS2S', amazonXml, { limits: { maxDepth: 4 } }), { code: 'too_deep' });
    assert.throws(() => gestpay.parseResult('callReadTrxS2S', amazonXml, { limits: { maxDocumentBytes: 100 } }), { code: 'too_large' });
    const big = `<GestPayS2S><ErrorDescription>${'x'.repeat(2 << 20)}</ErrorDescription></GestPayS2S>`;
    assert.throws(() => gestpay.parseResult('callReadTrxS2S', big), { code: 'too_large' });
    assert.equal(gestpay.parseResult('callReadTrxS2S', big, { limits: { maxTextBytes: 4 << 20 } }).errorDescription.length, 2 << 20);
  });

  test('the gateway side: identify, parse and answer a request', () => {
    const call = gestpay.buildRequest('CallRequestTokenS2S', { shopLogin: '9000001', requestToken: 'MASKEDPAN', withAuth: 'N', cardNumber: '4111111111111111', expiryMonth: '12', expiryYear: '30' }, { soap: '1.2' });
    assert.deepEqual(gestpay.identifyRequest(call.body), { soap: '1.2', service: 'WsS2S', operation: 'CallRequestTokenS2S' });
    const request = gestpay.parseRequest('CallRequestTokenS2S', call.body);
    assert.equal(request.cardNumber, '4111111111111111');
    // Every element under its own name: the gateway's `Token` and `TransactionErrorCode` for
    // this operation are `mixedCaseToken` and `transactionErrorCode`.
    const answer = gestpay.buildResponse('CallRequestTokenS2S', { transactionResult: 'OK', mixedCaseToken: '4111XXXXXXXX1111', transactionErrorCode: 0 }, { soap: '1.2' });
    assert.match(answer.body, /<TransactionErrorCode>0<\/TransactionErrorCode>/);
    assert.match(answer.body, /<Token>4111XXXXXXXX1111<\/Token>/);
    const parsed = gestpay.parseResponse('CallRequestTokenS2S', { status: 200, body: answer.body });
    assert.equal(parsed.mixedCaseToken, '4111XXXXXXXX1111');
    assert.equal(parsed.token, undefined);
  });
});

describe('outcome', () => {
  const ko = { transactionResult: 'KO', errorCode: 1142, errorDescription: 'Chiamata non accettata' };
  test('OK, KO and XX', () => {
    assert.ok(gestpay.isOk({ transactionResult: 'OK' }));
    assert.ok(gestpay.isPending({ transactionResult: 'XX' }));
    assert.ok(gestpay.isDeclined(ko));
    assert.equal(gestpay.declined({ transactionResult: 'OK' }), null);
    assert.deepEqual(gestpay.declined(ko), {
      errorCode: 1142,
      description: 'Chiamata non accettata',
      knownDescription: gestpay.errorDescription(1142),
    });
  });

  test('assertOk returns an OK result, throws DeclinedError on KO (and PendingError on XX)', () => {
    const ok = { transactionResult: 'OK' };
    assert.equal(gestpay.assertOk(ok), ok);
    assert.throws(() => gestpay.assertOk({ transactionResult: 'XX' }), gestpay.PendingError);
    assert.throws(() => gestpay.assertOk(ko), (err) => {
      assert.ok(err instanceof gestpay.DeclinedError && err instanceof gestpay.GestpayError);
      assert.equal(err.code, 'declined');
      assert.equal(err.field, 'ErrorCode');
      assert.equal(err.party, 'business');
      assert.equal(err.errorCode, 1142);
      assert.equal(err.result, ko);
      assert.match(err.message, /^transaction declined: error 1142 \(/);
      return true;
    });
  });
});

describe('payment page and callback', () => {
  test('payment page and 3-D Secure URLs, encoded', () => {
    assert.equal(
      gestpay.paymentPageUrl('9000001', 'A+B/C=', { paymentType: 'AMAZONPAY' }),
      'https://sandbox.gestpay.net/pagam/pagam.aspx?a=9000001&b=A%2BB%2FC%3D&paymentType=AMAZONPAY',
    );
    assert.equal(gestpay.paymentPageUrl('9000001', 'X', { env: 'production' }), 'https://ecomm.sella.it/pagam/pagam.aspx?a=9000001&b=X');
    assert.equal(
      gestpay.threeDsPageUrl('9000001', 'VBV', 'https://shop.example/3ds?x=1'),
      'https://sandbox.gestpay.net/pagam/pagam3d.aspx?a=9000001&b=VBV&c=https%3A%2F%2Fshop.example%2F3ds%3Fx%3D1',
    );
    assert.throws(() => gestpay.paymentPageUrl('', 'X'), { code: 'missing_field', field: 'a' });
  });

  test('callback from a URL, a URL object, a query string, URLSearchParams, pairs, a query object', () => {
    const expected = { shopLogin: '9000001', encryptedString: 'A+B/C=' };
    const query = 'a=9000001&b=A%2BB%2FC%3D';
    for (const input of [
      `https://shop.example/ok?${query}`,
      new URL(`https://shop.example/ok?${query}#x`),
      `?${query}`,
      query,
      `/ok?${query}`,
      new URLSearchParams(query),
      [['a', '9000001'], ['b', 'A+B/C=']],
      new Map([['a', '9000001'], ['b', 'A+B/C=']]),
      { a: '9000001', b: 'A+B/C=', other: 'x' },
      { a: ['9000001'], b: 'A+B/C=' },
    ]) {
      assert.deepEqual(gestpay.parseCallback(input), expected, String(input));
    }
    assert.equal(gestpay.callbackQuery(expected), query);
  });

  test('a bad callback names the parameter', () => {
    assert.throws(() => gestpay.parseCallback('a=1'), { code: 'invalid_callback', field: 'b' });
    assert.throws(() => gestpay.parseCallback(new URLSearchParams('a=1&a=2&b=3')), { code: 'invalid_callback', field: 'a' });
    assert.throws(() => gestpay.parseCallback({ a: ['1', '2'], b: '3' }), { code: 'invalid_callback', field: 'a' });
    assert.throws(() => gestpay.parseCallback({ a: '', b: '3' }), { code: 'invalid_callback', field: 'a' });
    assert.throws(() => gestpay.parseCallback({ a: 1, b: '3' }), { code: 'invalid_type', field: 'a' });
    assert.throws(() => gestpay.parseCallback(42), { code: 'invalid_type', field: 'input' });
  });
});

describe('addresses', () => {
  test('normalised from every model', () => {
    assert.deepEqual(gestpay.normalizeAddress('amazon', { name: ' Marco Rossi ', addressLine1: 'via Gobe 15', city: '', postalCode: '13900' }), {
      name: 'Marco Rossi',
      addressLine1: 'via Gobe 15',
      postalCode: '13900',
    });
    assert.deepEqual(gestpay.normalizeAddress('shippingAddress', { firstName: 'Marco', lastName: 'Rossi', streetName: 'via Gobe', houseNumber: '15', city: 'Biella', email: 'm@example.it' }), {
      name: 'Marco Rossi',
      addressLine1: 'via Gobe 15',
      city: 'Biella',
      email: 'm@example.it',
    });
    assert.equal(gestpay.normalizeAddress('billingAddress', { streetName: 'Main St', streetNumber: '1' }).addressLine1, 'Main St 1');
    assert.equal(gestpay.normalizeAddress('shippingDetails', { shipToName: 'M R', shipToCity: 'Biella' }).city, 'Biella');
    assert.throws(() => gestpay.normalizeAddress('paypal', {}), { code: 'invalid_type', field: 'kind' });
  });
});

describe('code tables and amounts', () => {
  test('currencies, languages, payment types', () => {
    const eur = gestpay.currencies().find((c) => c.isoAlpha === 'EUR');
    assert.deepEqual({ ...eur }, { uicCode: 242, isoAlpha: 'EUR', isoNumeric: 978, description: 'Euro', exponent: 2, known: true });
    assert.equal(gestpay.currency('jpy').exponent, 0);
    assert.equal(gestpay.currency(1).isoAlpha, 'USD');
    assert.equal(gestpay.currency('XXX'), null);
    // The core's one lookup rule (Python answers the same): an unknown UIC code is a currency.
    assert.deepEqual({ ...gestpay.currency(999) }, { uicCode: 999, exponent: 2, known: false });
    assert.equal(gestpay.languages().find((l) => l.id === 2).iso639_1, 'en');
    assert.ok(gestpay.paymentTypes().some((p) => p.code === 'AMAZONPAY'));
    assert.ok(Object.isFrozen(gestpay.currencies()) && Object.isFrozen(gestpay.currencies()[0]));
  });

  test('error and alert codes, open code sets, transaction types', () => {
    assert.equal(gestpay.errorDescription(0), 'Transaction correctly processed');
    assert.equal(gestpay.errorDescription(999999), null);
    assert.equal(typeof gestpay.alertDescription(2000), 'string');
    assert.ok(gestpay.errorCodes().some((c) => c.code === 1142));
    assert.ok(gestpay.alertCodes().every((c) => Number.isInteger(c.code)));
    assert.deepEqual(gestpay.codeTable('transactionResult').map((r) => r.code), ['OK', 'KO', 'XX']);
    for (const name of ['transactionState', 'eventType', 'riskResponseCode', 'authenticationLevel', 'transDetailsType']) {
      assert.ok(gestpay.codeTable(name).length > 0, name);
    }
    assert.equal(gestpay.transactionTypeOf('callPagamS2S'), 'PAGAM');
    assert.equal(gestpay.transactionTypeOf('nothing'), null);
  });

  test('amounts in minor units, never floats', () => {
    assert.equal(gestpay.amountFromMinor(4990, 'EUR'), '49.90');
    assert.equal(gestpay.amountFromMinor(500n, 'JPY'), '500');
    assert.equal(gestpay.amountFromMinor(5, 242), '0.05');
    assert.equal(gestpay.amountToMinor('49.90', 'EUR'), 4990);
    assert.equal(gestpay.amountToMinor('49.9', 'EUR'), 4990);
    assert.throws(() => gestpay.amountToMinor('12.345', 'EUR'), { code: 'invalid_amount' });
    assert.throws(() => gestpay.amountToMinor('1,5', 'EUR'), { code: 'invalid_amount' });
    assert.throws(() => gestpay.amountFromMinor(1.5, 'EUR'), { code: 'invalid_type', field: 'minor' });
    assert.throws(() => gestpay.amountFromMinor(-1, 'EUR'), { code: 'invalid_type', field: 'minor' });
  });
});
