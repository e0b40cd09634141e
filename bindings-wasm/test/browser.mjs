// gestpay-wasm in a real browser: Debian's Chromium (/usr/bin/chromium), headless, driven by
// playwright-core (which never downloads a browser), opens the example page
// (bindings-wasm/examples/browser/, served from 127.0.0.1 by serve.mjs), which loads the ES
// module build (pkg/web). Like a person, the test pastes the docs' Amazon Pay callReadTrxS2S
// answer, picks the operation and parses it; the page must show the buyer's shipping and
// billing addresses. A malformed document must show an error (class, code), and the next valid
// parse must work again: an error leaves the WebAssembly instance usable. Screenshots go to
// bindings-wasm/test/output/ (gitignored).
//
// Environment: CHROMIUM (default /usr/bin/chromium); GESTPAY_WASM_PACKAGE (serve.mjs: the
// installed package to load instead of bindings-wasm/pkg, built by scripts/build.sh).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { PACKAGE, serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUTPUT = join(here, 'output');
const SAMPLE = join(root, 'tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.xml');

test('the example page parses the Amazon Pay answer in headless Chromium and shows the addresses', { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(join(PACKAGE, 'web/index.js')), `${PACKAGE} has no package: run scripts/build.sh`);
  mkdirSync(OUTPUT, { recursive: true });
  const server = await serve(0);
  t.after(() => server.close());

  const profile = mkdtempSync(join(tmpdir(), 'gestpay-wasm-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  t.after(async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  const wasmResponses = [];
  page.on('response', (res) => {
    if (res.url().endsWith('.wasm')) wasmResponses.push(res);
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });

  await page.goto(`${server.url}/bindings-wasm/examples/browser/`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
  assert.equal(await page.getByTestId('status').innerText(), 'ready');
  assert.equal(wasmResponses.length, 1, 'the page fetched the .wasm module once');
  assert.equal(await wasmResponses[0].headerValue('content-type'), 'application/wasm');
  // The module the page runs is the package's (the packed one under GESTPAY_WASM_PACKAGE).
  const served = await wasmResponses[0].body();
  assert.ok(served.equals(readFileSync(join(PACKAGE, 'web', basename(new URL(wasmResponses[0].url()).pathname)))));
  assert.equal(await page.getByTestId('operation').locator('option').count(), 19);

  // 1. Paste the docs' answer, pick callReadTrxS2S, parse.
  const xml = readFileSync(SAMPLE, 'utf8');
  await page.getByTestId('operation').selectOption('callReadTrxS2S');
  await page.getByTestId('xml').fill(xml);
  await page.getByTestId('parse').click();
  await expectAddresses(page);
  assert.equal(await page.getByTestId('error').isVisible(), false);
  assert.equal(await page.getByTestId('outcome').innerText(), 'OK');
  const summary = await page.getByTestId('summary').innerText();
  assert.match(summary, /Bank transaction\s+117/);
  assert.match(summary, /State\s+MOV/);
  const json = JSON.parse(await page.getByTestId('json').textContent());
  assert.equal(json.orderReferenceDetails.amazonOrderReferenceId, 'S02-0319513-4657042');
  await page.screenshot({ path: join(OUTPUT, 'amazon-pay-addresses.png'), fullPage: true });

  // 2. A malformed document: an error, shown clearly, and no stale result.
  await page.getByTestId('xml').fill(xml.replace('</OrderReferenceDetails>', '</OrderReferenceDetail>'));
  await page.getByTestId('parse').click();
  await page.getByTestId('error').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('result').isVisible(), false);
  assert.match(await page.getByTestId('error-title').innerText(), /^MalformedResponseError: /);
  assert.equal(await page.getByTestId('error-code').innerText(), 'xml_syntax');
  assert.match(await page.getByTestId('error-message').innerText(), /\[xml_syntax\]/);
  await page.screenshot({ path: join(OUTPUT, 'malformed-error.png'), fullPage: true });

  // Input that is not XML at all, and an operation whose result it is not.
  await page.getByTestId('xml').fill('{"this": "is JSON"}');
  await page.getByTestId('parse').click();
  await page.getByTestId('error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('error-title').innerText(), /^MalformedResponseError: /);

  // 3. The instance is still usable: the next valid parse works, through the sample button too.
  await page.getByTestId('clear').click();
  await page.getByTestId('sample').click();
  await expectAddresses(page);
  assert.equal(await page.getByTestId('error').isVisible(), false);
  assert.equal(await page.getByTestId('xml').inputValue(), xml);

  assert.deepEqual(problems, [], 'no page errors and no console errors');
});

async function expectAddresses(page) {
  await page.getByTestId('addresses').waitFor({ state: 'visible' });
  const shipping = (await page.getByTestId('shipping').innerText()).split('\n');
  const billing = (await page.getByTestId('billing').innerText()).split('\n');
  assert.deepEqual(shipping, ['Marco Rossi', 'via Gobe 15', '13900 BIELLA (BI)', 'IT', '☎ 33333333']);
  assert.deepEqual(billing, ['Liam Barker', 'Meininger Strasse 58', '66538 Neunkirchen', 'DE']);
  const buyer = await page.getByTestId('buyer').innerText();
  assert.match(buyer, /marco\.rossi@email\.it/);
}
