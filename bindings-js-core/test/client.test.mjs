// End to end: the fetch client against a loopback gateway (node:http) that answers with
// envelopes built by the binding's own builders; timeouts, aborts and network errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startGateway } from '../testing/gateway.mjs';
import gestpay from '../testing/module.mjs';

const encrypt = { shopLogin: '9000001', uicCode: 'EUR', amount: '49.90', shopTransactionId: 'ORD-42', apiKey: 'K-SECRET' };

describe('GestpayClient against a loopback gateway', () => {
  let gateway;
  let client;
  before(async () => {
    gateway = await startGateway(gestpay, {
      Encrypt: (req) =>
        req.amount === '0.01'
          ? { transactionResult: 'KO', errorCode: 1142, errorDescription: 'Chiamata non accettata' }
          : { transactionType: 'ENCRYPT', transactionResult: 'OK', cryptDecryptString: `CDS-${req.shopTransactionId}`, errorCode: 0 },
      Decrypt: (req) => ({ transactionResult: 'OK', shopTransactionId: req.cryptedString.replace('CDS-', ''), token: 'TOK-1' }),
      callReadTrxS2S: () => ({ transactionResult: 'OK', transactionState: 'AUT', bankTransactionId: '77' }),
      callDeleteS2S: () => ({ fault: { code: 'soap:Server', reason: 'Server was unable to process request.' } }),
      callSettleS2S: () => ({ raw: { status: 502, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' } }),
    });
    client = new gestpay.GestpayClient({ env: gateway.url, timeoutMs: 5000 });
  });
  after(() => gateway.close());

  test('Encrypt, redirect, callback, Decrypt', async () => {
    const encrypted = gestpay.assertOk(await client.encrypt(encrypt));
    assert.equal(encrypted.cryptDecryptString, 'CDS-ORD-42');
    const page = client.paymentPageUrl('9000001', encrypted.cryptDecryptString);
    assert.equal(page, `${gateway.url}/pagam/pagam.aspx?a=9000001&b=CDS-ORD-42`);
    const decrypted = await client.decryptCallback(new URL(`https://shop.example/ok?a=9000001&b=${encrypted.cryptDecryptString}`), { apiKey: 'K-SECRET' });
    assert.equal(decrypted.shopTransactionId, 'ORD-42');
    const seen = gateway.calls.at(-1);
    assert.equal(seen.operation, 'Decrypt');
    assert.equal(seen.request.apiKey, 'K-SECRET');
    assert.equal(seen.headers.soapaction, '"https://ecomm.sella.it/Decrypt"');
    assert.equal(seen.url, '/gestpay/GestPayWS/WsCryptDecrypt.asmx');
  });

  test('every operation has a method; SOAP 1.2 works as well', async () => {
    for (const { name } of gestpay.operations) {
      const method = name[0].toLowerCase() + name.slice(1);
      assert.equal(typeof client[method], 'function', method);
    }
    const soap12 = new gestpay.GestpayClient({ env: { custom: gateway.url }, soap: '1.2' });
    const read = await soap12.callReadTrxS2S({ shopLogin: '9000001', bankTransactionId: '77' });
    assert.equal(read.transactionState, 'AUT');
    assert.match(gateway.calls.at(-1).headers['content-type'], /^application\/soap\+xml; charset=utf-8; action=/);
  });

  test('a KO is a value until assertOk', async () => {
    const result = await client.call('Encrypt', { ...encrypt, amount: '0.01' });
    assert.equal(result.transactionResult, 'KO');
    assert.throws(() => gestpay.assertOk(result), gestpay.DeclinedError);
  });

  test('a SOAP fault and an HTML error page are errors', async () => {
    await assert.rejects(client.callDeleteS2S({ shopLogin: '9000001', bankTransactionId: '1' }), (err) => {
      assert.ok(err instanceof gestpay.SoapFaultError);
      assert.equal(err.faultCode, 'soap:Server');
      return true;
    });
    await assert.rejects(client.callSettleS2S({ shopLogin: '9000001', bankTransId: '1', amount: '1.00', uicCode: 'EUR' }), {
      name: 'MalformedResponseError',
      code: 'not_soap',
    });
  });

  test('an invalid request fails before anything is sent', async () => {
    const before = gateway.calls.length;
    await assert.rejects(client.encrypt({ shopLogin: '9000001' }), { name: 'InvalidRequestError', code: 'missing_field' });
    assert.equal(gateway.calls.length, before);
  });
});

describe('GestpayClient transport failures', () => {
  test('a slow gateway times out with a TransportError', async () => {
    const slow = await startGateway(gestpay, { Encrypt: () => ({ transactionResult: 'OK' }) }, { delayMs: 2000 });
    try {
      const client = new gestpay.GestpayClient({ env: slow.url, timeoutMs: 100 });
      const started = Date.now();
      await assert.rejects(client.encrypt(encrypt), (err) => {
        assert.ok(err instanceof gestpay.TransportError && err instanceof gestpay.GestpayError);
        assert.equal(err.code, 'timeout');
        assert.equal(err.url, `${slow.url}/gestpay/GestPayWS/WsCryptDecrypt.asmx`);
        assert.ok(!err.message.includes('K-SECRET'));
        return true;
      });
      assert.ok(Date.now() - started < 1500);
      await assert.rejects(client.encrypt(encrypt, { timeoutMs: 50 }), { code: 'timeout' });
    } finally {
      await slow.close();
    }
  });

  test("the caller's AbortSignal aborts", async () => {
    const slow = await startGateway(gestpay, { Encrypt: () => ({ transactionResult: 'OK' }) }, { delayMs: 2000 });
    try {
      const client = new gestpay.GestpayClient({ env: slow.url });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(client.encrypt(encrypt, { signal: controller.signal }), { name: 'TransportError', code: 'aborted' });
    } finally {
      await slow.close();
    }
  });

  test('nobody listening is a network error', async () => {
    const gone = await startGateway(gestpay, {});
    await gone.close();
    const client = new gestpay.GestpayClient({ env: gone.url });
    await assert.rejects(client.encrypt(encrypt), { name: 'TransportError', code: 'network' });
  });

  test('a custom fetch is used, and nothing is logged', async () => {
    const seen = [];
    const logged = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
    for (const k of Object.keys(original)) console[k] = (...args) => logged.push(args);
    try {
      const client = new gestpay.GestpayClient({
        fetch: async (url, init) => {
          seen.push({ url, init });
          const body = gestpay.buildResponse('Encrypt', { transactionResult: 'OK', cryptDecryptString: 'X' }).body;
          return new Response(body, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
        },
      });
      const result = await client.encrypt(encrypt);
      assert.equal(result.cryptDecryptString, 'X');
    } finally {
      Object.assign(console, original);
    }
    assert.equal(seen.length, 1);
    assert.equal(seen[0].url, 'https://sandbox.gestpay.net/gestpay/GestPayWS/WsCryptDecrypt.asmx');
    assert.equal(seen[0].init.method, 'POST');
    assert.deepEqual(logged, []);
  });

  test('bad client options fail at construction', () => {
    assert.throws(() => new gestpay.GestpayClient({ env: 'staging' }), { code: 'invalid_env', field: 'env' });
    assert.throws(() => new gestpay.GestpayClient({ timeoutMs: -1 }), { code: 'invalid_type', field: 'timeoutMs' });
    assert.throws(() => new gestpay.GestpayClient({ fetch: 'no' }), { code: 'invalid_type', field: 'fetch' });
  });
});
