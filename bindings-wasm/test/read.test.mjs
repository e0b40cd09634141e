// The read-only module (`gestpay-wasm/read`, gestpay_read_bg.wasm: built without the
// `builders` feature, under 300 KB): it exports the API of `gestpay-wasm` less what needs the
// builders, and what it has behaves exactly as the main module — checked here on every result
// document of the shared corpus, on the Amazon Pay addresses, the payment page and callbacks,
// the code tables, and bad input.
//
//   node --test bindings-wasm/test/read.test.mjs        (needs bindings-wasm/pkg)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = `${root}bindings-wasm/pkg/node/`;
const readNative = createRequire(pkg)('./gestpay_read.js');
const readEntry = await import(`${pkg}read.mjs`);
const read = readEntry.default;
const full = (await import(`${pkg}index.mjs`)).default;
const fixtures = `${root}tests/fixtures`;
const amazonXml = readFileSync(`${fixtures}/s2s/callReadTrxS2S/docs-amazonpay.response.xml`, 'utf8');

const plain = (value) => JSON.parse(JSON.stringify(value));

/** The `#[wasm_bindgen(js_name = …)]` names only the main module has: those of builders.rs,
 * and those under `#[cfg(feature = "builders")]` elsewhere. */
function builderExports() {
  const src = `${root}bindings-wasm/src/`;
  const names = (source, pattern) => [...source.matchAll(pattern)].map((m) => m[1]);
  return readdirSync(src).flatMap((file) => {
    const source = readFileSync(`${src}${file}`, 'utf8');
    if (file === 'builders.rs') return names(source, /#\[wasm_bindgen\(js_name = (\w+)\)\]/g);
    return names(source, /#\[cfg\(feature = "builders"\)\]\n#\[wasm_bindgen\(js_name = (\w+)\)\]/g);
  });
}

/** What a call gives: its value, or its error's class, code, field and message. */
function outcome(fn) {
  try {
    return { value: plain(fn()) };
  } catch (err) {
    assert.ok(!(err instanceof WebAssembly.RuntimeError), `trapped: ${err.message}`);
    return { error: err.constructor.name, code: err.code, field: err.field, message: err.message };
  }
}

test('the module has the main one native functions less those of src/builders.rs', () => {
  const names = (native) =>
    Object.keys(native)
      .filter((n) => typeof native[n] === 'function' && !n.startsWith('__') && n !== 'initSync')
      .sort();
  const fullNative = createRequire(pkg)('./gestpay_wasm.js');
  const builders = builderExports();
  for (const name of ['buildRequest', 'parseResponse', 'normalizeAddress', 'amazonAddressesOf']) assert.ok(builders.includes(name), builders.join());
  assert.deepEqual(names(readNative), names(fullNative).filter((n) => !builders.includes(n)));
});

test('the entry exports every name of gestpay-wasm whose natives it has, and no other', () => {
  const exported = Object.keys(readEntry).filter((n) => n !== 'default').sort();
  assert.deepEqual(Object.keys(read).sort(), exported);
  const missing = ['buildRequest', 'validateRequest', 'parseResponse', 'parseRequest', 'buildResponse', 'buildFault', 'identifyRequest', 'callbackQuery', 'normalizeAddress', 'GestpayClient'];
  for (const name of missing) assert.equal(read[name], undefined, name);
  for (const name of exported) assert.equal(typeof read[name], typeof full[name], name);
  assert.ok(exported.includes('parseResult') && exported.includes('amazonAddresses'));
});

test('every XML document of the corpus parses (or is refused) as in the main module', () => {
  let documents = 0;
  for (const service of ['cryptdecrypt', 's2s']) {
    for (const operation of readdirSync(`${fixtures}/${service}`)) {
      for (const file of readdirSync(`${fixtures}/${service}/${operation}`)) {
        // Every XML document: answers parse, requests and docs' sources give the same error.
        if (!file.endsWith('.xml')) continue;
        const body = readFileSync(`${fixtures}/${service}/${operation}/${file}`);
        const label = `${operation}/${file}`;
        assert.deepEqual(outcome(() => read.parseResult(operation, body)), outcome(() => full.parseResult(operation, body)), label);
        assert.deepEqual(outcome(() => read.parseFault(body)), outcome(() => full.parseFault(body)), `fault ${label}`);
        documents++;
      }
    }
  }
  assert.ok(documents > 200, `${documents} documents`);
});

test('the Amazon Pay addresses, as in the main module', () => {
  const result = read.parseResult('callReadTrxS2S', amazonXml);
  const addresses = read.amazonAddresses(result);
  assert.deepEqual(plain(addresses), plain(full.amazonAddresses(result)));
  assert.equal(addresses.shipping.name, 'Marco Rossi');
  assert.equal(addresses.shipping.city, 'BIELLA');
  assert.equal(addresses.billing.name, 'Liam Barker');
  assert.equal(addresses.billing.countryCode, 'DE');
  const none = read.parseResult('callReadTrxS2S', '<GestPayS2S><TransactionResult>OK</TransactionResult></GestPayS2S>');
  assert.equal(read.amazonAddresses(none), null);
});

test('addresses come from a parsed result: this module reads no plain objects', () => {
  const refused = (value) =>
    assert.throws(() => read.amazonAddresses(value), (err) => err instanceof read.InvalidRequestError && err.code === 'invalid_type' && err.field === 'result');
  refused({ transactionResult: 'OK' });
  refused(JSON.parse(JSON.stringify(read.parseResult('callReadTrxS2S', amazonXml))));
  refused(read.parseResult('Encrypt', '<GestPayCryptDecrypt><TransactionResult>OK</TransactionResult></GestPayCryptDecrypt>'));
  refused(read.parseResult('callReadTrxS2S', amazonXml).orderReferenceDetails);
});

test('page URLs, callbacks, code tables and amounts, as in the main module', () => {
  const same = (label, call) => assert.deepEqual(outcome(() => call(read)), outcome(() => call(full)), label);
  same('paymentPageUrl', (g) => g.paymentPageUrl('9000001', 'AB+/=', { env: 'test', paymentType: 'AMAZONPAY' }));
  same('threeDsPageUrl', (g) => g.threeDsPageUrl('9000001', 'VBV', 'https://shop.example/3ds?x=1', { env: 'production' }));
  same('parseCallback', (g) => g.parseCallback('https://shop.example/ok?a=9000001&b=A%2BB'));
  same('parseCallback pairs', (g) => g.parseCallback([['a', '1'], ['b', '2']]));
  same('parseCallback bad', (g) => g.parseCallback('?a=1'));
  same('endpoints', (g) => g.endpoints('production'));
  same('operations', (g) => g.operations);
  for (const table of ['currencies', 'languages', 'paymentTypes', 'errorCodes', 'alertCodes']) same(table, (g) => g[table]());
  same('errorDescription', (g) => g.errorDescription(1131));
  same('amountToMinor', (g) => g.amountToMinor('49.90', 'EUR'));
  same('amountFromMinor', (g) => g.amountFromMinor('4990', 'JPY'));
  same('amount bad', (g) => g.amountToMinor('49.999', 'EUR'));
});

test('after bad input the instance keeps working', () => {
  const bad = [
    () => read.parseResult('callReadTrxS2S', '<a>'),
    () => read.parseResult('callReadTrxS2S', new Uint8Array([0xff, 0xfe, 0x00])),
    () => read.parseResult('nope', amazonXml),
    () => read.parseResult('callReadTrxS2S', 42),
    () => read.amazonAddresses('x'),
    () => read.parseFault(''),
    () => read.paymentPageUrl('', ''),
    () => read.parseCallback({ a: 1 }),
  ];
  for (const call of bad) {
    assert.throws(call, (err) => err instanceof read.GestpayError && err.code !== 'internal');
    assert.equal(read.parseResult('callReadTrxS2S', amazonXml).shopTransactionId, 'af22');
  }
});
