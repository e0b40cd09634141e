// `gestpay/testing` against the real local gateway: the binary at GESTPAY_BIN (scripts/test.d/
// 30-node.sh builds it: cargo build -p gestpay-cli), else target/debug/gestpay of this checkout.
// Every payment is played through the helpers and checked with the package's own client:
// Decrypt, callReadTrxS2S, the Amazon addresses.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { after, before, describe, test } from 'node:test';

import gestpay from 'gestpay';
import { findGatewayBinary, startLocalGateway } from 'gestpay/testing';

const BIN = process.env.GESTPAY_BIN ?? fileURLToPath(new URL('../../target/debug/gestpay', import.meta.url));
if (!existsSync(BIN)) throw new Error(`no gateway binary at ${BIN}: run \`cargo build -p gestpay-cli\` or set GESTPAY_BIN`);

const SHOP = 'GESPAY65987';
const API_KEY = 'test-api-key-5f3c';
const SHOP_OK = 'http://127.0.0.1:9/shop/gestpay/ok';
const SHOP_KO = 'http://127.0.0.1:9/shop/gestpay/ko';

/** The thrown error, for assertions on its members. */
async function rejection(promiseOrFn) {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    return err;
  }
  assert.fail('expected an error');
}

/** Whether the process runs (a zombie, killed but not yet reaped by its new parent, does not). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code !== 'ESRCH';
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to `ms`, two seconds by default) for the process to be gone. */
async function gone(pid, ms = 2000) {
  for (let i = 0; i < ms / 50 && alive(pid); i++) await sleep(50);
  return !alive(pid);
}

/** A loopback HTTP server that counts its requests and never answers them (or answers with
 * `answer`): for the buyer's timeout and for "nothing was sent". */
async function silentServer(answer) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (answer) answer(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What `fn` writes on process.stderr (the forwarded gateway's lines), until `until` matches
 * (or two seconds). */
async function captureStderr(fn, until) {
  const original = process.stderr.write;
  let text = '';
  process.stderr.write = function write(chunk, ...rest) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  try {
    await fn();
    for (let i = 0; i < 40 && !until.test(text); i++) await sleep(50);
  } finally {
    process.stderr.write = original;
  }
  return text;
}

/** A fake `gestpay` binary: a shell script. */
function script(dir, name, body) {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}`);
  chmodSync(path, 0o755);
  return path;
}

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'gestpay-testing-'));
}

/** Runs `fn` with these environment variables (undefined: unset) and working directory. */
function withEnv(vars, cwd, fn) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const savedCwd = process.cwd();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (cwd) process.chdir(cwd);
  try {
    return fn();
  } finally {
    process.chdir(savedCwd);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('the local gateway of a shop test suite', () => {
  let gateway;
  let client;
  before(async () => {
    gateway = await startLocalGateway({
      binary: BIN,
      apiKey: API_KEY,
      shopLogins: [SHOP],
      successUrl: SHOP_OK,
      failureUrl: SHOP_KO,
    });
    client = new gestpay.GestpayClient({ env: gateway.url, timeoutMs: 10_000 });
  });
  after(() => gateway.close());

  async function pageFor(shopTransactionId, { amount = '49.90', amazon = true } = {}) {
    const encrypted = gestpay.assertOk(
      await client.encrypt({
        shopLogin: SHOP,
        apiKey: API_KEY,
        uicCode: 'EUR',
        amount,
        shopTransactionId,
        ...(amazon ? { paymentTypes: ['AMAZONPAY'], amazonPayBillingAgreementDescription: 'paynowandrecurring' } : {}),
      }),
    );
    return client.paymentPageUrl(SHOP, encrypted.cryptDecryptString);
  }

  const decrypt = (url) => client.decryptCallback(url, { apiKey: API_KEY });

  test('the gateway has a loopback URL and shows neither the api key nor its internals', () => {
    assert.match(gateway.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(alive(gateway.pid));
    const shown = inspect(gateway, { depth: 10, showHidden: true });
    assert.ok(!shown.includes(API_KEY), shown);
    assert.match(shown, /LocalGateway/);
    assert.ok(!JSON.stringify(gateway).includes(API_KEY));
    assert.deepEqual(Object.keys(gateway), ['url']);
  });

  test('Amazon Pay: Encrypt, payWithAmazon, the callback, Decrypt OK, callReadTrxS2S addresses', async () => {
    const page = await pageFor('ORD-AMZ-1');
    const back = await gateway.payWithAmazon(page, { address: 1, card: 1 });
    assert.ok(back.startsWith(`${SHOP_OK}?`), back);
    const callback = gestpay.parseCallback(back);
    assert.equal(callback.shopLogin, SHOP);
    assert.ok(callback.encryptedString);
    const result = gestpay.assertOk(await decrypt(back));
    assert.equal(result.shopTransactionId, 'ORD-AMZ-1');
    assert.equal(result.amount, '49.90');
    assert.ok(result.token, 'the billing agreement token');
    const read = gestpay.assertOk(
      await client.callReadTrxS2S({ shopLogin: SHOP, apiKey: API_KEY, bankTransactionId: result.bankTransactionId }),
    );
    const amazon = gestpay.amazonAddresses(read);
    // The second shipping address and the second card (whose billing address is in Roma).
    assert.equal(amazon.shipping.city, 'Milano');
    assert.equal(amazon.shipping.addressLine1, 'Corso Buenos Aires 40');
    assert.equal(amazon.billing.city, 'Roma');
    assert.equal(amazon.buyerEmail, 'marco.rossi@example.it');
  });

  test('Amazon Pay with the default choices: the first address, the first card', async () => {
    const back = await gateway.payWithAmazon(new URL(await pageFor('ORD-AMZ-2')), { email: 'someone@example.com' });
    const result = gestpay.assertOk(await decrypt(back));
    const read = await client.callReadTrxS2S({ shopLogin: SHOP, apiKey: API_KEY, bankTransactionId: result.bankTransactionId });
    const amazon = gestpay.amazonAddresses(read);
    assert.equal(amazon.shipping.city, 'Roma');
    assert.equal(amazon.billing.city, 'Berlin');
  });

  test('KO- and an amount ending in .13 are declined: the failure URL, KO 74', async () => {
    for (const [order, amount] of [['KO-ORD-3', '49.90'], ['ORD-4', '10.13']]) {
      const back = await gateway.payWithAmazon(await pageFor(order, { amount }));
      assert.ok(back.startsWith(`${SHOP_KO}?`), back);
      const result = await decrypt(back);
      assert.equal(result.transactionResult, 'KO', order);
      assert.equal(result.errorCode, 74, order);
      assert.throws(() => gestpay.assertOk(result), gestpay.DeclinedError);
    }
  });

  test('the buyer cancels on the Amazon Pay screen and on the card form: KO 1143', async () => {
    for (const amazon of [true, false]) {
      const back = await gateway.cancel(await pageFor(`ORD-CANCEL-${amazon}`, { amazon }));
      assert.ok(back.startsWith(`${SHOP_KO}?`), back);
      const result = await decrypt(back);
      assert.equal(result.transactionResult, 'KO');
      assert.equal(result.errorCode, 1143);
    }
  });

  test('the card form: the test card is authorised, 4000000000000002 declined', async () => {
    const ok = await gateway.payWithCard(await pageFor('ORD-CARD-1', { amazon: false }));
    assert.ok(ok.startsWith(`${SHOP_OK}?`), ok);
    const paid = gestpay.assertOk(await decrypt(ok));
    assert.equal(paid.shopTransactionId, 'ORD-CARD-1');
    const ko = await gateway.payWithCard(await pageFor('ORD-CARD-2', { amazon: false }), { cardNumber: '4000000000000002' });
    assert.ok(ko.startsWith(`${SHOP_KO}?`), ko);
    const declined = await decrypt(ko);
    assert.equal(declined.transactionResult, 'KO');
    assert.equal(declined.errorCode, 74);
  });

  test('XX- is pending until resolvePending: then OK, and KO with a code', async () => {
    const back = await gateway.payWithAmazon(await pageFor('XX-ORD-5'));
    assert.ok(back.startsWith(`${SHOP_OK}?`), 'a pending payment goes to the success URL');
    const pending = await decrypt(back);
    assert.equal(pending.transactionResult, 'XX');
    assert.throws(() => gestpay.assertOk(pending), gestpay.PendingError);

    const resolved = await gateway.resolvePending(pending.bankTransactionId);
    assert.deepEqual(Object.keys(resolved).sort(), ['b', 'bankTransactionId', 'transactionResult']);
    assert.equal(resolved.bankTransactionId, pending.bankTransactionId);
    assert.equal(resolved.transactionResult, 'OK');
    const now = gestpay.assertOk(await client.decrypt({ shopLogin: SHOP, apiKey: API_KEY, cryptedString: resolved.b }));
    assert.equal(now.shopTransactionId, 'XX-ORD-5');
    gestpay.assertOk(await decrypt(back)); // the old b too

    const again = await rejection(gateway.resolvePending(pending.bankTransactionId));
    assert.equal(again.code, 'unexpected_page');
    assert.equal(again.step, 'resolve');
    assert.equal(again.status, 409);
    assert.match(again.message, /not pending/);
    const unknown = await rejection(gateway.resolvePending('999999999'));
    assert.equal(unknown.status, 404);

    const other = await decrypt(await gateway.payWithCard(await pageFor('XX-ORD-6', { amazon: false })));
    assert.equal(other.transactionResult, 'XX');
    const ko = await gateway.resolvePending(Number(other.bankTransactionId), { result: 'KO', errorCode: 1143 });
    assert.equal(ko.transactionResult, 'KO');
    const final = await client.decrypt({ shopLogin: SHOP, apiKey: API_KEY, cryptedString: ko.b });
    assert.equal(final.transactionResult, 'KO');
    assert.equal(final.errorCode, 1143);

    assert.equal((await rejection(gateway.resolvePending('1', { result: 'ok' }))).code, 'invalid_value');
    assert.equal((await rejection(gateway.resolvePending('1', { result: 'OK', errorCode: 74 }))).field, 'options.errorCode');
  });

  test('FAULT- is a SOAP fault of the gateway', async () => {
    const err = await rejection(client.encrypt({ shopLogin: SHOP, apiKey: API_KEY, uicCode: 'EUR', amount: '1.00', shopTransactionId: 'FAULT-1' }));
    assert.ok(err instanceof gestpay.SoapFaultError);
    assert.equal(err.httpStatus, 500);
  });

  test('unexpected_page names the step and the status', async () => {
    // The card form where the Amazon Pay screens were expected.
    const cardPage = await pageFor('ORD-UP-1', { amazon: false });
    const wrong = await rejection(gateway.payWithAmazon(cardPage));
    assert.ok(wrong instanceof gestpay.GestpayError);
    assert.equal(wrong.code, 'unexpected_page');
    assert.equal(wrong.step, 'payment page');
    assert.equal(wrong.status, 200);
    assert.match(wrong.message, /payWithAmazon: payment page: expected the Amazon Pay sign-in screen, got HTTP 200 \("Payment"\) \[unexpected_page\]/);
    // A payment already paid: the page answers 400.
    const page = await pageFor('ORD-UP-2');
    await gateway.payWithAmazon(page);
    const used = await rejection(gateway.payWithAmazon(page));
    assert.equal(used.code, 'unexpected_page');
    assert.equal(used.status, 400);
    assert.match(used.message, /Unknown or already used payment/);
    assert.ok(!used.message.includes(new URL(page).searchParams.get('b')), 'no b in the message');
    // The Amazon Pay screens where the card form was expected; the card number is not shown.
    const amazonPage = await pageFor('ORD-UP-3');
    const card = await rejection(gateway.payWithCard(amazonPage, { cardNumber: '4242424242424242' }));
    assert.equal(card.code, 'unexpected_page');
    assert.equal(card.step, 'payment page');
    assert.ok(!card.message.includes('4242424242424242'));
    assert.ok(!inspect(card).includes('4242424242424242'));
    // An index the page does not offer is refused, not silently replaced by the first.
    const index = await rejection(gateway.payWithAmazon(amazonPage, { address: 2 }));
    assert.ok(index instanceof gestpay.InvalidRequestError);
    assert.equal(index.code, 'invalid_value');
    assert.equal(index.field, 'options.address');
  });

  test('the buyer methods refuse unknown options and bad arguments', async () => {
    const page = await pageFor('ORD-OPT-1');
    const unknown = await rejection(gateway.payWithAmazon(page, { adress: 1 }));
    assert.ok(unknown instanceof gestpay.InvalidRequestError);
    assert.equal(unknown.code, 'unknown_field');
    assert.equal(unknown.field, 'options.adress');
    assert.equal((await rejection(gateway.payWithCard(page, { card: '4111' }))).field, 'options.card');
    assert.equal((await rejection(gateway.payWithAmazon(page, { card: -1 }))).code, 'invalid_type');
    assert.equal((await rejection(gateway.payWithAmazon(42))).field, 'paymentPageUrl');
    assert.equal((await rejection(gateway.cancel('pagam.aspx?a=1'))).code, 'invalid_value');
    assert.equal((await rejection(gateway.resolvePending({}))).field, 'bankTransactionId');
    // Not http(s): the argument is refused, nothing is fetched ("fetch failed" before).
    for (const url of ['ftp://x/y', 'file:///etc/passwd', new URL('data:text/html,<form>')]) {
      for (const call of [() => gateway.payWithAmazon(url), () => gateway.payWithCard(url), () => gateway.cancel(url)]) {
        const err = await rejection(call);
        assert.ok(err instanceof gestpay.InvalidRequestError, String(url));
        assert.equal(err.code, 'invalid_value');
        assert.equal(err.field, 'paymentPageUrl');
        assert.match(err.message, /paymentPageUrl: expected an http or https URL/);
      }
    }
    // A missing argument is "got undefined", not "got a undefined".
    for (const err of [await rejection(gateway.payWithAmazon()), await rejection(gateway.resolvePending())]) {
      assert.equal(err.code, 'invalid_type');
      assert.match(err.message, /got undefined \[invalid_type\]/);
    }
    const item = await rejection(startLocalGateway({ binary: BIN, shopLogins: [undefined] }));
    assert.match(item.message, /options\.shopLogins\[0\]: expected a string, got undefined/);
  });
});

describe('starting and stopping', () => {
  test('close stops the process; a second close is harmless; asyncDispose closes', async () => {
    const gateway = await startLocalGateway({ binary: BIN });
    const { pid, url } = gateway;
    assert.ok(alive(pid));
    assert.equal((await fetch(`${url}/`)).status, 200);
    await gateway.close();
    assert.ok(!alive(pid), 'the process has exited');
    assert.equal(gateway.pid, undefined);
    await gateway.close();
    assert.match(inspect(gateway), /running: false/);
    await assert.rejects(fetch(`${url}/`));

    const disposed = await startLocalGateway({ binary: BIN });
    const second = disposed.pid;
    await disposed[Symbol.asyncDispose]();
    assert.ok(!alive(second));
  });

  test('the options become the flags: --shop-login, --merchant-url, --separate-settlement; the api key', async () => {
    const gateway = await startLocalGateway({
      binary: BIN,
      apiKey: 'k1',
      shopLogins: 'SHOP1',
      timeoutMs: 15_000,
      merchantUrl: 'http://127.0.0.1:9/back',
      separateSettlement: true,
      amazonOrderState: 'Closed',
      slowSeconds: 0.1,
      host: '127.0.0.1',
      extraArgs: ['--allowed-ip', '127.0.0.1'],
      startTimeoutMs: 20_000,
    });
    try {
      const client = new gestpay.GestpayClient({ env: gateway.url });
      const noKey = await client.encrypt({ shopLogin: 'SHOP1', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' });
      assert.equal(noKey.errorCode, 1169);
      const otherShop = await client.encrypt({ shopLogin: 'SHOP2', apiKey: 'k1', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' });
      assert.equal(otherShop.errorCode, 1131);
      const enc = gestpay.assertOk(
        await client.encrypt({ shopLogin: 'SHOP1', apiKey: 'k1', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'SLOW-1', paymentTypes: ['AMAZONPAY'] }),
      );
      const back = await gateway.payWithAmazon(client.paymentPageUrl('SHOP1', enc.cryptDecryptString));
      assert.ok(back.startsWith('http://127.0.0.1:9/back?'), back);
      const result = gestpay.assertOk(await client.decryptCallback(back, { apiKey: 'k1' }));
      const read = gestpay.assertOk(await client.callReadTrxS2S({ shopLogin: 'SHOP1', apiKey: 'k1', bankTransactionId: result.bankTransactionId }));
      assert.equal(read.transactionState, 'AUT', 'separate settlement');
    } finally {
      await gateway.close();
    }
  });

  test('a value that starts with "-" is a value, not a flag (--flag=value)', async () => {
    const gateway = await startLocalGateway({ binary: BIN, shopLogins: ['-S1', '--S2'], amazonOrderState: 'Closed' });
    try {
      const client = new gestpay.GestpayClient({ env: gateway.url });
      for (const shopLogin of ['-S1', '--S2']) {
        const ok = await client.encrypt({ shopLogin, uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' });
        assert.equal(ok.transactionResult, 'OK', shopLogin);
      }
      const other = await client.encrypt({ shopLogin: 'S1', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' });
      assert.equal(other.errorCode, 1131);
    } finally {
      await gateway.close();
    }
  });

  test('the api key goes in the environment (GESTPAY_SANDBOX_API_KEY), not on the command line', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
    const key = 'env-only-key-81c2';
    const gateway = await startLocalGateway({ binary: BIN, apiKey: key });
    try {
      const cmdline = readFileSync(`/proc/${gateway.pid}/cmdline`, 'utf8').split('\0');
      assert.ok(!cmdline.some((arg) => arg.includes(key)), cmdline.join(' '));
      assert.ok(cmdline.includes('--stop-on-stdin-eof') && cmdline.includes('--port=0'), cmdline.join(' '));
      const environ = readFileSync(`/proc/${gateway.pid}/environ`, 'utf8').split('\0');
      assert.ok(environ.includes(`GESTPAY_SANDBOX_API_KEY=${key}`));
      const client = new gestpay.GestpayClient({ env: gateway.url });
      const noKey = await client.encrypt({ shopLogin: 'S', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' });
      assert.equal(noKey.errorCode, 1169);
      gestpay.assertOk(await client.encrypt({ shopLogin: 'S', apiKey: key, uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' }));
    } finally {
      await gateway.close();
    }
    // Without apiKey, a GESTPAY_SANDBOX_API_KEY of the test process is not passed on.
    const saved = process.env.GESTPAY_SANDBOX_API_KEY;
    process.env.GESTPAY_SANDBOX_API_KEY = 'inherited';
    let open;
    try {
      open = await startLocalGateway({ binary: BIN });
    } finally {
      if (saved === undefined) delete process.env.GESTPAY_SANDBOX_API_KEY;
      else process.env.GESTPAY_SANDBOX_API_KEY = saved;
    }
    try {
      const environ = readFileSync(`/proc/${open.pid}/environ`, 'utf8');
      assert.ok(!environ.includes('GESTPAY_SANDBOX_API_KEY'));
      const client = new gestpay.GestpayClient({ env: open.url });
      gestpay.assertOk(await client.encrypt({ shopLogin: 'S', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'O1' }));
    } finally {
      await open.close();
    }
  });

  test('timeoutMs: the buyer waits that long for a page, then TransportError timeout', async () => {
    const silent = await silentServer();
    const gateway = await startLocalGateway({ binary: BIN, timeoutMs: 300 });
    try {
      const started = Date.now();
      const err = await rejection(gateway.payWithAmazon(`${silent.url}/pagam/pagam.aspx?a=S&b=secret-b`));
      assert.ok(err instanceof gestpay.TransportError);
      assert.equal(err.code, 'timeout');
      assert.match(err.message, /no answer within 300 ms/);
      assert.ok(!err.message.includes('secret-b'));
      assert.ok(Date.now() - started < 5000);
      assert.equal(silent.requests.length, 1);
    } finally {
      await gateway.close();
      await silent.close();
    }
  });

  test('after close(), or once its process is gone, the buyer is gateway_stopped and sends nothing', async () => {
    const server = await silentServer((req, res) => res.end('<html></html>'));
    try {
      const gateway = await startLocalGateway({ binary: BIN });
      const page = `${server.url}/pagam/pagam.aspx?a=S&b=x`;
      await gateway.close();
      for (const call of [
        () => gateway.payWithAmazon(page),
        () => gateway.payWithCard(page),
        () => gateway.cancel(page),
        () => gateway.resolvePending('1'),
      ]) {
        const err = await rejection(call);
        assert.ok(err instanceof gestpay.GestpayError);
        assert.ok(!(err instanceof gestpay.TransportError));
        assert.equal(err.code, 'gateway_stopped');
        assert.equal(err.party, 'caller');
        assert.match(err.message, /was closed .*\[gateway_stopped\]$/);
      }
      assert.deepEqual(server.requests, [], 'nothing was sent');

      // Killed behind its back: the same, once its exit is seen.
      const killed = await startLocalGateway({ binary: BIN });
      process.kill(killed.pid, 'SIGKILL');
      let err;
      for (let i = 0; i < 40; i++) {
        err = await rejection(killed.payWithCard(page));
        if (err.code === 'gateway_stopped') break;
        await sleep(50);
      }
      assert.equal(err.code, 'gateway_stopped');
      assert.equal(err.party, 'remote');
      assert.match(err.message, /killed by SIGKILL/);
      assert.match(inspect(killed), /running: false/);
      await killed.close();
    } finally {
      await server.close();
    }
  });

  test('its stderr is forwarded line by line, the api key masked, once it runs', async () => {
    const dir = tempDir();
    const key = 'stderr-key-9d0e';
    try {
      // A gateway that speaks on stderr before and after its URL, the key cut across writes,
      // and stops at the end of its stdin as the real one does.
      const fake = script(
        dir,
        'chatty',
        'printf "before %s\\n" "$GESTPAY_SANDBOX_API_KEY" >&2\n' +
          'echo http://127.0.0.1:9\n' +
          'printf "after %s" "${GESTPAY_SANDBOX_API_KEY%???}" >&2\n' +
          'sleep 0.2\n' +
          'printf "%s!\\n" "${GESTPAY_SANDBOX_API_KEY#"${GESTPAY_SANDBOX_API_KEY%???}"}" >&2\n' +
          'exec cat >/dev/null\n',
      );
      let gateway;
      const text = await captureStderr(async () => {
        gateway = await startLocalGateway({ binary: fake, apiKey: key });
      }, /after .*!\n/);
      assert.ok(!text.includes(key), text);
      assert.ok(!text.includes(key.slice(0, -3)), text);
      assert.equal(text, 'before [redacted]\nafter [redacted]!\n');
      const started = Date.now();
      await gateway.close();
      assert.ok(Date.now() - started < 4000, 'the end of stdin stopped it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown option is unknown_field, a wrong type invalid_type, before anything starts', async () => {
    const err = await rejection(startLocalGateway({ binary: BIN, apiKy: API_KEY }));
    assert.ok(err instanceof gestpay.InvalidRequestError, 'the package’s own class');
    assert.equal(err.code, 'unknown_field');
    assert.equal(err.field, 'options.apiKy');
    assert.ok(!err.message.includes(API_KEY));
    for (const [options, field] of [
      [{ apiKey: 42 }, 'options.apiKey'],
      [{ shopLogins: ['A', 1] }, 'options.shopLogins[1]'],
      [{ separateSettlement: 'yes' }, 'options.separateSettlement'],
      [{ slowSeconds: -1 }, 'options.slowSeconds'],
      [{ startTimeoutMs: 0 }, 'options.startTimeoutMs'],
      [{ startTimeoutMs: 2 ** 31 }, 'options.startTimeoutMs'],
      [{ timeoutMs: 0 }, 'options.timeoutMs'],
      [{ timeoutMs: -5 }, 'options.timeoutMs'],
      [{ timeoutMs: Number.NaN }, 'options.timeoutMs'],
      [{ timeoutMs: Infinity }, 'options.timeoutMs'],
      [{ timeoutMs: '1000' }, 'options.timeoutMs'],
      [{ timeoutMs: 2 ** 31 }, 'options.timeoutMs'],
      [{ extraArgs: '--x' }, 'options.extraArgs'],
    ]) {
      const e = await rejection(startLocalGateway({ binary: BIN, ...options }));
      assert.equal(e.code, 'invalid_type', field);
      assert.equal(e.field, field);
    }
    for (const apiKey of ['', 'a\nb', 'a\0b']) {
      const e = await rejection(startLocalGateway({ binary: BIN, apiKey }));
      assert.equal(e.code, 'invalid_value', JSON.stringify(apiKey));
      assert.equal(e.field, 'options.apiKey');
      assert.ok(!e.message.includes(apiKey) || apiKey === '');
    }
    assert.equal((await rejection(startLocalGateway('fast'))).code, 'invalid_type');
  });

  test('gateway_not_started: a binary that exits, one that prints no URL, one that is silent', async () => {
    const exits = await rejection(startLocalGateway({ binary: '/bin/false' }));
    assert.ok(exits instanceof gestpay.GestpayError);
    assert.equal(exits.code, 'gateway_not_started');
    assert.match(exits.message, /exited with status 1/);

    const dir = tempDir();
    try {
      const noisy = script(dir, 'noisy', 'echo "cannot start: $*" >&2\necho "key: $GESTPAY_SANDBOX_API_KEY" >&2\necho "not a URL"\nexec sleep 30\n');
      const forwarded = await captureStderr(async () => {
        const wrong = await rejection(startLocalGateway({ binary: noisy, apiKey: API_KEY, shopLogins: ['-S'], host: '127.0.0.1' }));
        assert.equal(wrong.code, 'gateway_not_started');
        assert.match(wrong.message, /printed "not a URL" instead of its URL/);
        assert.match(wrong.stderr, /^cannot start: sandbox --port=0 --stop-on-stdin-eof --host=127\.0\.0\.1 --shop-login=-S\nkey: \[redacted\]$/);
        assert.ok(!wrong.message.includes(API_KEY) && !wrong.stderr.includes(API_KEY), 'the api key is masked');
        assert.ok(!inspect(wrong).includes(API_KEY));
      }, /$^/);
      assert.equal(forwarded, '', 'a gateway that did not start has its stderr in the error, not forwarded');

      const silent = join(dir, 'silent');
      writeFileSync(silent, '#!/bin/sh\nexec sleep 30\n');
      chmodSync(silent, 0o755);
      const started = Date.now();
      const late = await rejection(startLocalGateway({ binary: silent, startTimeoutMs: 300 }));
      assert.equal(late.code, 'gateway_not_started');
      assert.match(late.message, /printed no URL within 300 ms/);
      assert.ok(Date.now() - started < 5000);

      const flag = await rejection(startLocalGateway({ binary: BIN, extraArgs: ['--no-such-flag'] }));
      assert.equal(flag.code, 'gateway_not_started');
      assert.match(flag.stderr, /no-such-flag/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('findGatewayBinary: explicit, GESTPAY_BIN, the gestpay-cli package, PATH, else gateway_not_found', () => {
    const dir = tempDir();
    try {
      assert.equal(findGatewayBinary(BIN), BIN);
      assert.equal(withEnv({ GESTPAY_BIN: BIN }, null, () => findGatewayBinary()), BIN);

      // Nothing anywhere.
      const none = withEnv({ GESTPAY_BIN: undefined, PATH: '' }, dir, () => {
        try {
          findGatewayBinary();
        } catch (err) {
          return err;
        }
        return null;
      });
      assert.ok(none instanceof gestpay.GestpayError);
      assert.equal(none.code, 'gateway_not_found');
      assert.match(none.message, /npm install --save-dev gestpay-cli/);
      assert.match(none.message, /GESTPAY_BIN/);

      const missing = join(dir, 'no-such-gestpay');
      assert.throws(() => findGatewayBinary(missing), { code: 'gateway_not_found' });
      assert.throws(() => withEnv({ GESTPAY_BIN: missing }, null, () => findGatewayBinary()), (err) => err.code === 'gateway_not_found' && /GESTPAY_BIN=/.test(err.message));
      assert.throws(() => findGatewayBinary(''), { code: 'invalid_type' });

      // On the PATH.
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(BIN, join(bin, 'gestpay'));
      assert.equal(withEnv({ GESTPAY_BIN: undefined, PATH: bin }, dir, () => findGatewayBinary()), join(bin, 'gestpay'));

      // The gestpay-cli package of the project (the working directory) comes before the PATH.
      const cli = join(dir, 'project', 'node_modules', 'gestpay-cli');
      mkdirSync(cli, { recursive: true });
      writeFileSync(join(cli, 'package.json'), JSON.stringify({ name: 'gestpay-cli', version: '0.0.0', main: 'index.js' }));
      writeFileSync(join(cli, 'index.js'), `exports.binaryPath = () => ${JSON.stringify(BIN)};\n`);
      assert.equal(withEnv({ GESTPAY_BIN: undefined, PATH: bin }, join(dir, 'project'), () => findGatewayBinary()), BIN);
      // A gestpay-cli whose platform package is missing (binaryPath throws) is passed over.
      const project = join(dir, 'project2');
      const broken = join(project, 'node_modules', 'gestpay-cli');
      mkdirSync(broken, { recursive: true });
      writeFileSync(join(broken, 'package.json'), JSON.stringify({ name: 'gestpay-cli', version: '0.0.0', main: 'index.js' }));
      writeFileSync(join(broken, 'index.js'), "exports.binaryPath = () => { throw new Error('no platform package'); };\n");
      assert.equal(withEnv({ GESTPAY_BIN: undefined, PATH: bin }, project, () => findGatewayBinary()), join(bin, 'gestpay'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('startLocalGateway without a binary anywhere is gateway_not_found', async () => {
    const dir = tempDir();
    try {
      const err = await withEnv({ GESTPAY_BIN: undefined, PATH: '' }, dir, () => rejection(startLocalGateway()));
      assert.equal(err.code, 'gateway_not_found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a gateway never closed keeps no process alive: the test process exits, the gateway dies', async () => {
    const script = `
      const { startLocalGateway } = require('gestpay/testing');
      startLocalGateway({ binary: ${JSON.stringify(BIN)} }).then((g) => console.log(g.pid));
    `;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const pid = Number(run.stdout.trim());
    assert.ok(pid > 0, run.stdout);
    assert.ok(await gone(pid), 'the exit hook killed the gateway');
  });

  test('a test process killed by SIGKILL leaves no gateway behind (the end of its stdin)', async () => {
    const script = `
      const { startLocalGateway } = require('gestpay/testing');
      startLocalGateway({ binary: ${JSON.stringify(BIN)} }).then((g) => console.log(g.pid));
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const pid = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no pid within 20 s: ${out}`)), 20_000);
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) {
            clearTimeout(timer);
            resolve(Number(out.trim()));
          }
        });
        child.once('exit', (code) => reject(new Error(`the child exited (${code}): ${out}`)));
      });
      assert.ok(pid > 0);
      assert.ok(alive(pid), 'the gateway runs');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      assert.ok(await gone(pid, 5000), 'the gateway saw the end of its stdin and exited');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  test('require and import give the same functions', async () => {
    const require = createRequire(import.meta.url);
    const cjs = require('gestpay/testing');
    const esm = await import('gestpay/testing');
    assert.deepEqual(Object.keys(cjs).sort(), ['findGatewayBinary', 'startLocalGateway']);
    assert.deepEqual(Object.keys(esm).sort(), ['findGatewayBinary', 'startLocalGateway']);
    assert.equal(esm.startLocalGateway, cjs.startLocalGateway);
    assert.equal(esm.findGatewayBinary, cjs.findGatewayBinary);
  });
});
