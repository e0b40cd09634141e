// The Amazon Pay path of the emulator's payment page, clicked through by a real browser:
// Debian's Chromium (/usr/bin/chromium), headless, driven by playwright-core (which never
// downloads a browser here).
//
// 1. `gestpay sandbox --port 0` starts the emulator; its first stdout line is its base URL.
//    Its positive URL and its server-to-server URL point at a tiny merchant served by this test.
// 2. Encrypt through the CLI: `gestpay build Encrypt --http` describes the call, fetch sends
//    it, `gestpay parse Encrypt` reads the answer.
// 3. Chromium opens pagam.aspx and clicks sign in → address → wallet, and lands on the
//    merchant's URL with `a` and `b`; the merchant Decrypts `b` (CLI + fetch) and shows the
//    outcome, which must be OK. The notification must carry a `b` that decrypts to OK too.
// 4. Screenshots of every screen go to tests/browser/output/ (gitignored).
//
// Environment: GESTPAY_BIN (default: $CARGO_TARGET_DIR or ../../target, then debug/gestpay),
// CHROMIUM (default /usr/bin/chromium).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const targetDir = process.env.CARGO_TARGET_DIR
  ? resolve(root, process.env.CARGO_TARGET_DIR)
  : join(root, "target");
const GESTPAY = process.env.GESTPAY_BIN || join(targetDir, "debug", "gestpay");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const OUTPUT = join(here, "output");
const SHOP = "GESPAY65987";
const API_KEY = "browser-test-key";

/** Runs the CLI with `input` on stdin; resolves to stdout, rejects with stderr. */
function cli(args, input = "") {
  return new Promise((ok, fail) => {
    const child = execFile(GESTPAY, args, { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`gestpay ${args.join(" ")}: ${stderr || err.message}`));
      else ok(stdout);
    });
    // A command that does not read stdin may exit before the write: not an error.
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** Builds `op` from `request` with the CLI, sends it, parses the answer with the CLI. */
async function soap(base, op, request) {
  const call = JSON.parse(
    await cli(["build", op, "--http", "--env", base], JSON.stringify(request)),
  );
  const response = await fetch(call.url, {
    method: call.method,
    headers: call.headers,
    body: call.body,
  });
  const body = await response.text();
  const args = ["parse", op, "--status", String(response.status)];
  const contentType = response.headers.get("content-type");
  if (contentType) args.push("--content-type", contentType);
  return JSON.parse(await cli(args, body));
}

/** `gestpay sandbox --port 0 …`: the child and its base URL (the first stdout line). */
async function startSandbox(flags) {
  const child = spawn(GESTPAY, ["sandbox", "--port", "0", ...flags], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise((ok, fail) => {
    child.once("error", fail);
    child.once("exit", (code) => fail(new Error(`gestpay sandbox exited (${code})`)));
    lines.once("line", (line) => ok(line.trim()));
  });
  lines.on("line", () => {}); // keep draining stdout
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
  return { child, base };
}

/** The merchant: /ok and /ko Decrypt `b` and show the outcome; /notify records notifications. */
function startMerchant(state) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://merchant");
    const a = url.searchParams.get("a");
    const b = url.searchParams.get("b");
    if (!["/ok", "/ko", "/notify"].includes(url.pathname)) {
      res.statusCode = 404; // the browser's /favicon.ico
      res.end();
      return;
    }
    try {
      if (url.pathname === "/notify") {
        const result = await soap(state.base, "Decrypt", { shopLogin: a, cryptedString: b, apiKey: API_KEY });
        state.notifications.push({ a, b, result });
        res.end("OK");
        return;
      }
      const result = await soap(state.base, "Decrypt", { shopLogin: a, cryptedString: b, apiKey: API_KEY });
      state.landings.push({ path: url.pathname, a, b, result });
      const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shop — order ${esc(result.shopTransactionId)}</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}dd{font-family:monospace;word-break:break-all}</style></head>
<body><h1>Thank you: payment <span id="result">${esc(result.transactionResult)}</span></h1>
<dl><dt>a (shop)</dt><dd id="a">${esc(a)}</dd><dt>b (encrypted result)</dt><dd id="b">${esc(b)}</dd>
<dt>order</dt><dd id="order">${esc(result.shopTransactionId)}</dd><dt>bank transaction</dt><dd id="bank">${esc(result.bankTransactionId)}</dd>
<dt>amount</dt><dd id="amount">${esc(result.amount)} ${esc(result.currency)}</dd><dt>paid with</dt><dd>${esc(result.paymentMethod)}</dd></dl>
</body></html>`);
    } catch (e) {
      state.errors.push(String(e));
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const until = async (check, what) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`gave up waiting for ${what}`);
};

test("Amazon Pay on the payment page, in headless Chromium, lands on the merchant with a b that decrypts to OK", { timeout: 120_000 }, async (t) => {
  mkdirSync(OUTPUT, { recursive: true });
  const state = { base: "", landings: [], notifications: [], errors: [] };
  const merchant = await startMerchant(state);
  t.after(() => merchant.close());
  const shop = `http://127.0.0.1:${merchant.address().port}`;
  const sandbox = await startSandbox([
    "--success-url", `${shop}/ok`,
    "--failure-url", `${shop}/ko`,
    "--notify-url", `${shop}/notify`,
    "--api-key", API_KEY,
    "--shop-login", SHOP,
  ]);
  t.after(() => sandbox.child.kill());
  state.base = sandbox.base;

  const encrypted = await soap(sandbox.base, "Encrypt", {
    shopLogin: SHOP,
    uicCode: "EUR",
    amount: "49.90",
    shopTransactionId: "BROWSER-ORDER-1",
    paymentTypes: ["AMAZONPAY"],
    amazonPayBillingAgreementDescription: "paynowandrecurring",
    apiKey: API_KEY,
  });
  assert.equal(encrypted.transactionResult, "OK", JSON.stringify(encrypted));
  const pageUrl = (
    await cli(["url", "--shop-login", SHOP, "--encrypted", encrypted.cryptDecryptString, "--env", sandbox.base])
  ).trim();

  const profile = mkdtempSync(join(tmpdir(), "gestpay-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 900, height: 700 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  t.after(async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = browser.pages()[0] ?? (await browser.newPage());

  await page.goto(pageUrl);
  assert.equal(await page.locator("h1").innerText(), "Amazon Pay — Sign in");
  await page.screenshot({ path: join(OUTPUT, "1-sign-in.png") });
  await page.getByRole("button", { name: "Sign in" }).click();

  await page.waitForURL("**/pagam/amazonpay/signin");
  assert.equal(await page.locator("h1").innerText(), "Amazon Pay — Choose a shipping address");
  await page.locator('input[name="address"][value="1"]').check();
  await page.screenshot({ path: join(OUTPUT, "2-address.png") });
  await page.getByRole("button", { name: "Use this address" }).click();

  await page.waitForURL("**/pagam/amazonpay/address");
  assert.equal(await page.locator("h1").innerText(), "Amazon Pay — Choose a payment method");
  await page.locator('input[name="card"][value="0"]').check();
  await page.screenshot({ path: join(OUTPUT, "3-wallet.png") });
  await page.getByRole("button", { name: "Pay now" }).click();

  await page.waitForURL(`${shop}/ok?**`);
  const landed = new URL(page.url());
  assert.equal(landed.searchParams.get("a"), SHOP);
  const b = landed.searchParams.get("b");
  assert.ok(b && b.length > 0, "b is missing");
  assert.equal(await page.locator("#result").innerText(), "OK");
  assert.equal(await page.locator("#order").innerText(), "BROWSER-ORDER-1");
  await page.screenshot({ path: join(OUTPUT, "amazon-pay-merchant.png"), fullPage: true });

  // What the merchant decrypted behind that page.
  assert.deepEqual(state.errors, []);
  assert.equal(state.landings.length, 1);
  const { result } = state.landings[0];
  assert.equal(state.landings[0].b, b);
  assert.equal(result.transactionResult, "OK");
  assert.equal(result.errorCode, 0);
  assert.equal(result.shopTransactionId, "BROWSER-ORDER-1");
  assert.equal(result.amount, "49.90");
  assert.equal(result.currency, "EUR");
  assert.equal(result.paymentMethod, "AMAZONPAY");
  assert.ok(result.token, "the billing-agreement token is missing");

  // The server-to-server notification carried a decryptable b as well.
  await until(() => state.notifications.length > 0, "the notification");
  assert.equal(state.notifications[0].a, SHOP);
  assert.equal(state.notifications[0].result.transactionResult, "OK");
  assert.equal(state.notifications[0].result.bankTransactionId, result.bankTransactionId);

  // The address chosen in the browser is the one callReadTrxS2S reports.
  const read = await soap(sandbox.base, "callReadTrxS2S", {
    shopLogin: SHOP,
    bankTransactionId: result.bankTransactionId,
    apiKey: API_KEY,
  });
  const details = JSON.stringify(read);
  assert.ok(details.includes("Corso Buenos Aires 40"), details);
});
