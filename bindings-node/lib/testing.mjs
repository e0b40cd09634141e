// `gestpay/testing`: helpers for a shop's own test suite (node:test, vitest, jest). They start
// the project's local gateway (`gestpay sandbox`, the emulator of docs/emulator.md) as a child
// process on a free port, and play the buyer on its payment page and Amazon Pay screens over
// plain HTTP, so that CI runs the whole flow without credentials, network or a browser. The
// child's stdin is a pipe held open (`--stop-on-stdin-eof`): however the test process ends,
// SIGKILL included, the gateway sees its end and exits. Its api key goes through the child's
// environment (GESTPAY_SANDBOX_API_KEY), never its command line.
//
// Node built-ins only. scripts/package.mjs bundles this file (esbuild) into the package's
// testing.js (CommonJS, `gestpay` imported as ./index.js) and writes testing.mjs over it, as for
// the main entry; the declarations are testing.d.ts / testing.d.mts. The Python binding has the
// same API (`gestpay.testing`): keep the names parallel.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { inspect } from 'node:util';

import { GestpayError, InvalidRequestError, TransportError } from 'gestpay';

import { invalidType, optionsArg, typeName } from '../../bindings-js-core/lib/args.js';

const INSTALL_HINT = 'install it with `npm install --save-dev gestpay-cli`, or set GESTPAY_BIN to the path of the `gestpay` binary';
const DEFAULT_START_TIMEOUT_MS = 10_000;
// The buyer's HTTP timeout per page (Python's `timeout`, 10 s).
const DEFAULT_PAGE_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 5_000;
const STDERR_KEEP = 16 * 1024;
// The longest delay setTimeout and AbortSignal.timeout honour (a longer one fires at once).
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
// The sandbox reads its api key from here (clap `env`): a process listing shows no secret.
const API_KEY_ENV = 'GESTPAY_SANDBOX_API_KEY';

// ---- argument checks (the package's own: bindings-js-core/lib/args.js) -------------------

function invalidValue(field, message) {
  return new InvalidRequestError(`invalid request: ${field}: ${message} [invalid_value]`, { code: 'invalid_value', field });
}

/** typeName (bindings-js-core/lib/args.js) without its "a undefined". */
function got(value) {
  return value === undefined ? 'undefined' : typeName(value);
}

function optionalString(value, field) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidType(field, `expected a string, got ${got(value)}`);
  return value;
}

/** A number of milliseconds: positive, finite, at most MAX_TIMEOUT_MS; `fallback` when absent. */
function optionalMs(value, field, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw invalidType(field, `expected a positive number of milliseconds (at most ${MAX_TIMEOUT_MS})`);
  }
  return value;
}

/** An array of strings (or, with `single`, one string). */
function optionalStrings(value, field, single = false) {
  if (value === undefined) return [];
  if (single && typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw invalidType(field, `expected an array of strings, got ${got(value)}`);
  value.forEach((item, i) => {
    if (typeof item !== 'string') throw invalidType(`${field}[${i}]`, `expected a string, got ${got(item)}`);
  });
  return [...value];
}

function optionalIndex(value, field) {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw invalidType(field, 'expected a non-negative integer');
  return value;
}

function urlArg(value, field) {
  if (value !== null && typeof value === 'object' && typeof value.href === 'string') value = value.href;
  if (typeof value !== 'string') throw invalidType(field, `expected a URL (a string or a URL), got ${got(value)}`);
  if (!URL.canParse(value)) throw invalidValue(field, 'not an absolute URL');
  const { protocol } = new URL(value);
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw invalidValue(field, `expected an http or https URL, got a ${JSON.stringify(protocol.slice(0, 20))} URL`);
  }
  return value;
}

// ---- finding the binary --------------------------------------------------------------------

function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** A path as given (with a separator) must exist; a bare name is looked up on PATH. */
function located(binary) {
  if (/[\\/]/.test(binary)) return isExecutable(binary) ? binary : null;
  return onPath(binary);
}

function notFound(message) {
  return new GestpayError(`${message} [gateway_not_found]`, { code: 'gateway_not_found', party: 'caller' });
}

/** `require('gestpay-cli').binaryPath()`, resolved from the caller's project (the working
 * directory) and from this package's own place; null when it is not installed. */
function fromCliPackage() {
  const bases = [join(process.cwd(), 'package.json'), import.meta.url];
  for (const base of bases) {
    try {
      const path = createRequire(base)('gestpay-cli').binaryPath();
      if (typeof path === 'string' && isExecutable(path)) return path;
    } catch {
      // not installed, or its platform package is missing: the next place
    }
  }
  return null;
}

/**
 * The `gestpay` binary that runs the local gateway: `binary` if given, else the environment
 * variable GESTPAY_BIN, else the npm package `gestpay-cli` (`npm install --save-dev
 * gestpay-cli`), else `gestpay` on the PATH. Throws a GestpayError `gateway_not_found` when none
 * is there.
 */
export function findGatewayBinary(binary) {
  if (binary !== undefined) {
    if (typeof binary !== 'string' || binary === '') throw invalidType('binary', `expected a non-empty string, got ${got(binary)}`);
    const path = located(binary);
    if (!path) throw notFound(`the gateway binary ${JSON.stringify(binary)} does not exist or is not executable`);
    return path;
  }
  const env = process.env.GESTPAY_BIN;
  if (env) {
    const path = located(env);
    if (!path) throw notFound(`GESTPAY_BIN=${JSON.stringify(env)} does not exist or is not executable: ${INSTALL_HINT}`);
    return path;
  }
  const path = fromCliPackage() ?? onPath('gestpay');
  if (!path) throw notFound(`no \`gestpay\` binary found (no GESTPAY_BIN, no gestpay-cli package, none on the PATH): ${INSTALL_HINT}`);
  return path;
}

// ---- the child processes, killed if the test process exits without close() -----------------

const live = new Set();

function killAll() {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

function track(child) {
  if (live.size === 0) process.once('exit', killAll);
  live.add(child);
}

function untrack(child) {
  if (!live.delete(child)) return;
  if (live.size === 0) process.removeListener('exit', killAll);
}

// ---- starting the gateway ------------------------------------------------------------------

const START_OPTIONS = [
  'binary',
  'apiKey',
  'shopLogins',
  'merchantUrl',
  'successUrl',
  'failureUrl',
  'notifyUrl',
  'separateSettlement',
  'amazonOrderState',
  'slowSeconds',
  'host',
  'extraArgs',
  'startTimeoutMs',
  'timeoutMs',
];

/** The sandbox's command line. Every value goes as `--flag=value`: a value that starts with
 * '-' (a shop login, a URL) is never taken for a flag. The api key is not on it (apiKeyArg). */
function sandboxArgs(options) {
  const args = ['sandbox', '--port=0', '--stop-on-stdin-eof'];
  const flag = (name, value, field) => {
    if (optionalString(value, `options.${field}`) !== undefined) args.push(`${name}=${value}`);
  };
  flag('--host', options.host, 'host');
  for (const login of optionalStrings(options.shopLogins, 'options.shopLogins', true)) args.push(`--shop-login=${login}`);
  flag('--merchant-url', options.merchantUrl, 'merchantUrl');
  flag('--success-url', options.successUrl, 'successUrl');
  flag('--failure-url', options.failureUrl, 'failureUrl');
  flag('--notify-url', options.notifyUrl, 'notifyUrl');
  flag('--amazon-order-state', options.amazonOrderState, 'amazonOrderState');
  if (options.separateSettlement !== undefined) {
    if (typeof options.separateSettlement !== 'boolean') {
      throw invalidType('options.separateSettlement', `expected a boolean, got ${got(options.separateSettlement)}`);
    }
    if (options.separateSettlement) args.push('--separate-settlement');
  }
  if (options.slowSeconds !== undefined) {
    if (typeof options.slowSeconds !== 'number' || !Number.isFinite(options.slowSeconds) || options.slowSeconds < 0) {
      throw invalidType('options.slowSeconds', 'expected a non-negative number of seconds');
    }
    args.push(`--slow-seconds=${options.slowSeconds}`);
  }
  args.push(...optionalStrings(options.extraArgs, 'options.extraArgs'));
  return args;
}

/** The api key, for the child's environment (GESTPAY_SANDBOX_API_KEY), not its command line
 * (which `ps` shows). An environment variable cannot hold an empty value the sandbox would read
 * (clap takes an empty one as absent) nor a NUL; a line break would defeat the line-by-line
 * redaction of the gateway's stderr. */
function apiKeyArg(value) {
  if (optionalString(value, 'options.apiKey') === undefined) return undefined;
  if (value === '') throw invalidValue('options.apiKey', 'an empty api key (leave the option out to require none)');
  if (/[\0\r\n]/.test(value)) throw invalidValue('options.apiKey', 'holds a NUL or a line break');
  return value;
}

/** The child's environment: this process's, with the api key (or without any inherited one). */
function childEnv(apiKey) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // Windows' environment ignores case: any spelling of the name is the same variable there.
    if (key === API_KEY_ENV || (process.platform === 'win32' && key.toUpperCase() === API_KEY_ENV)) delete env[key];
  }
  if (apiKey !== undefined) env[API_KEY_ENV] = apiKey;
  return env;
}

/** `text` with every occurrence of the secret replaced: the api key never reaches an error. */
function scrub(text, secret) {
  return secret ? text.split(secret).join('[redacted]') : text;
}

/**
 * The gateway's stderr, line by line and redacted: kept (the last STDERR_KEEP characters) for
 * the error of a gateway that does not start, then, once it runs, forwarded to this process's
 * stderr (what it had said so far first), as the Python helper does, so that a test runner
 * shows a failed notification or a panic.
 */
class StderrLines {
  #kept = '';
  #forwarding = false;
  /** Resolves once the stream has ended (every line read). */
  ended;

  constructor(stream, secret) {
    stream.setEncoding('utf8');
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (line) => this.#line(scrub(line, secret)));
    this.ended = new Promise((resolve) => lines.once('close', resolve));
  }

  #line(line) {
    if (this.#forwarding) write(`${line}\n`);
    else this.#kept = `${this.#kept}${line}\n`.slice(-STDERR_KEEP);
  }

  /** What was said so far, trimmed (nothing is forwarded: it goes into the error). */
  get tail() {
    return this.#kept.trim();
  }

  forward() {
    this.#forwarding = true;
    const kept = this.#kept;
    this.#kept = '';
    if (kept) write(kept);
  }
}

/** Waits for `promise`, for `ms` at most. */
async function within(promise, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function write(text) {
  try {
    process.stderr.write(text);
  } catch {
    // a closed stderr: nothing to show it on
  }
}

/**
 * Starts `gestpay sandbox --port=0 --stop-on-stdin-eof` and resolves when it has printed its
 * base URL. See testing.d.ts for the options; an unknown option is `unknown_field`
 * (`options.<key>`), a binary that exits or prints no URL `gateway_not_started` (with its
 * stderr). The child's stdin is a pipe this process holds open: when it ends (close(), or this
 * process dies, even of SIGKILL) the gateway exits.
 */
export async function startLocalGateway(options) {
  options = optionsArg(options, START_OPTIONS);
  const args = sandboxArgs(options);
  const apiKey = apiKeyArg(options.apiKey);
  const startTimeoutMs = optionalMs(options.startTimeoutMs, 'options.startTimeoutMs', DEFAULT_START_TIMEOUT_MS);
  const timeoutMs = optionalMs(options.timeoutMs, 'options.timeoutMs', DEFAULT_PAGE_TIMEOUT_MS);
  const binary = findGatewayBinary(options.binary);
  const secret = apiKey;
  const shown = scrub(`${binary} ${args.join(' ')}`, secret);

  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], env: childEnv(apiKey), windowsHide: true });
  track(child);
  // The gateway gone, a write or the end of its stdin may fail (EPIPE): nothing to do.
  child.stdin.on('error', () => {});
  const stderr = new StderrLines(child.stderr, secret);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let url;
  try {
    url = await new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
      const timer = setTimeout(() => fail(`printed no URL within ${startTimeoutMs} ms`), startTimeoutMs);
      function done() {
        clearTimeout(timer);
        lines.removeListener('line', onLine);
        lines.close();
      }
      function fail(why, cause) {
        done();
        reject({ why, cause });
      }
      function onLine(line) {
        done();
        const first = line.trim();
        if (/^https?:\/\/\S+$/.test(first) && URL.canParse(first)) resolve(first.replace(/\/+$/, ''));
        else reject({ why: `printed ${JSON.stringify(scrub(first.slice(0, 200), secret))} instead of its URL` });
      }
      lines.on('line', onLine);
      child.once('error', (err) => fail(`could not be run (${err.code ?? err.message})`, err));
      // 'close', not 'exit': stdout and stderr have been read to their end.
      child.once('close', (code, signal) => fail(signal ? `was killed by ${signal}` : `exited with status ${code}`));
    });
  } catch (failure) {
    child.stdin.destroy();
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) child.kill('SIGKILL');
    // Wait for the process (if it was started at all) and the end of its stderr.
    if (child.pid !== undefined) await within(Promise.all([exited, stderr.ended]), CLOSE_TIMEOUT_MS);
    untrack(child);
    child.stdout.destroy();
    child.stderr.destroy();
    const tail = stderr.tail;
    const err = new GestpayError(
      `the local gateway did not start: \`${shown}\` ${failure.why}${tail ? `; its stderr:\n${tail}\n` : ' '}[gateway_not_started]`,
      { code: 'gateway_not_started', party: 'remote', cause: failure.cause },
    );
    Object.defineProperty(err, 'stderr', { value: tail, enumerable: true, configurable: true });
    throw err;
  }

  // Running: its stderr goes to ours, the rest of its stdout is read and dropped (a full pipe
  // would block the gateway), and neither the process nor its pipes keep the test process
  // alive (the 'exit' hook kills the child if close() is never called; if this process is
  // killed, its end of the stdin pipe closes and the gateway exits).
  stderr.forward();
  child.on('error', () => {});
  child.stdout.resume();
  child.unref();
  child.stdin.unref?.();
  child.stdout.unref?.();
  child.stderr.unref?.();
  return new LocalGateway(url, child, exited, timeoutMs);
}

// ---- the gateway object and the buyer --------------------------------------------------------

function decodeEntities(text) {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (m, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()];
  });
}

function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The forms of a page: `{ action, inputs: [{ name, type, value, checked }] }`. */
function formsOf(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1]);
    const inputs = [...m[2].matchAll(/<input\b([^>]*)>/gi)].map((i) => {
      const a = attributes(i[1].replace(/\/$/, ''));
      return { name: a.name, type: (a.type ?? 'text').toLowerCase(), value: a.value ?? '', checked: 'checked' in a };
    });
    forms.push({ action: attrs.action ?? '', inputs });
  }
  return forms;
}

/** What a browser would submit: every named field with its value, the checked radio of each group. */
function fieldsOf(form) {
  const fields = {};
  for (const input of form.inputs) {
    if (!input.name || input.type === 'submit' || input.type === 'button') continue;
    if (input.type === 'radio' || input.type === 'checkbox') {
      if (input.checked) fields[input.name] = input.value;
    } else {
      fields[input.name] = input.value;
    }
  }
  return fields;
}

/** A short description of a page for an error: its title and its error paragraph. */
function describePage(html) {
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.replace(/\s+—\s+gestpay emulator\s*$/, '');
  const error = /<p class="error">([\s\S]*?)<\/p>/i.exec(html)?.[1];
  const text = [title, error].filter(Boolean).map((t) => decodeEntities(t.replace(/<[^>]*>/g, '').trim())).join(': ');
  return text ? ` (${JSON.stringify(text.slice(0, 200))})` : '';
}

function unexpected(method, step, status, expected, detail = '') {
  const err = new GestpayError(
    `${method}: ${step}: expected ${expected}, got HTTP ${status}${detail} [unexpected_page]`,
    { code: 'unexpected_page', field: null, party: 'remote' },
  );
  Object.defineProperties(err, {
    step: { value: step, enumerable: true, configurable: true },
    status: { value: status, enumerable: true, configurable: true },
  });
  return err;
}

/** The path of a URL, for messages: no query (it holds the payment's `b`). */
function pathOf(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** One page, within `timeoutMs` (headers and body). */
async function request(url, init, timeoutMs) {
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(Math.ceil(timeoutMs)) });
    const body = await res.text();
    return { status: res.status, location: res.headers.get('location'), body };
  } catch (err) {
    const timedOut = err && err.name === 'TimeoutError';
    const reason = timedOut
      ? `no answer within ${timeoutMs} ms (the timeoutMs option)`
      : err && err.cause && err.cause.code ? `${err.message} (${err.cause.code})` : String(err && err.message);
    throw new TransportError(`${init.method ?? 'GET'} ${pathOf(url)}: ${reason}`, {
      code: timedOut ? 'timeout' : 'network',
      url: pathOf(url),
      cause: err,
    });
  }
}

/** Where a form posts, resolved against the page it is on. */
const target = (form, page) => new URL(form.action, page).href;

const SCREENS = {
  signIn: { action: '/pagam/amazonpay/signin', name: 'the Amazon Pay sign-in screen' },
  address: { action: '/pagam/amazonpay/address', name: 'the Amazon Pay shipping address screen' },
  wallet: { action: '/pagam/amazonpay/pay', name: 'the Amazon Pay payment method screen' },
  card: { action: '/pagam/card/pay', name: 'the card form' },
};
// The cancel forms: on the Amazon Pay sign-in screen and on the card form.
const CANCELS = ['/pagam/amazonpay/cancel', '/pagam/card/cancel'];

/** The form of `screen` on a page answered 200, or unexpected_page naming the step. */
function expectForm(method, step, page, screen) {
  const form = page.status === 200 ? formsOf(page.body).find((f) => f.action.toLowerCase() === screen.action) : undefined;
  if (!form) throw unexpected(method, step, page.status, screen.name, describePage(page.body));
  return form;
}

/** The redirect back to the shop (`a` and `b` in its query), or unexpected_page. */
function expectRedirect(method, step, answer, base) {
  if (answer.status < 300 || answer.status > 399 || !answer.location) {
    throw unexpected(method, step, answer.status, 'the redirect back to the shop', describePage(answer.body));
  }
  return URL.canParse(answer.location) ? answer.location : new URL(answer.location, base).href;
}

/** An index among the radios `name` of a form; the emulator would fall back to the first. */
function choose(method, form, name, index, field) {
  const count = form.inputs.filter((i) => i.name === name && i.type === 'radio').length;
  if (index >= count) throw invalidValue(field, `${method}: the page offers ${count} choice(s), index ${index} is out of range`);
  return String(index);
}

class LocalGateway {
  #child;
  #exited;
  #timeoutMs;
  #closing = null;

  constructor(url, child, exited, timeoutMs) {
    /** The base URL: what a shop passes as `env`. */
    Object.defineProperty(this, 'url', { value: url, enumerable: true });
    this.#child = child;
    this.#exited = exited;
    this.#timeoutMs = timeoutMs;
  }

  /** gateway_stopped when the gateway is closed or its process has exited: its port may be
   * another process's by now, so nothing is sent. */
  #running(method) {
    const child = this.#child;
    let why;
    if (this.#closing) why = 'the local gateway was closed (close())';
    else if (child.signalCode !== null) why = `the local gateway's process was killed by ${child.signalCode}`;
    else if (child.exitCode !== null) why = `the local gateway's process exited with status ${child.exitCode}`;
    else return;
    throw new GestpayError(`${method}: ${why}: start another one [gateway_stopped]`, {
      code: 'gateway_stopped',
      party: this.#closing ? 'caller' : 'remote',
    });
  }

  #get(method, url) {
    this.#running(method);
    return request(url, {}, this.#timeoutMs);
  }

  #post(method, url, fields) {
    this.#running(method);
    return request(url, { method: 'POST', body: new URLSearchParams(fields) }, this.#timeoutMs);
  }

  /** The gateway process's id (undefined once closed). */
  get pid() {
    return this.#closing ? undefined : this.#child.pid;
  }

  /** Stops the gateway and waits for its process to exit. Idempotent. */
  close() {
    if (!this.#closing) {
      const child = this.#child;
      this.#closing = (async () => {
        // The end of its stdin stops the gateway (--stop-on-stdin-eof); SIGTERM in case not.
        child.stdin.end();
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          let timer;
          const late = new Promise((resolve) => {
            timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, CLOSE_TIMEOUT_MS);
          });
          await Promise.race([this.#exited, late]);
          clearTimeout(timer);
          await this.#exited;
        }
        untrack(child);
        child.stdin.destroy();
        child.stdout.destroy();
        child.stderr.destroy();
      })();
    }
    return this.#closing;
  }

  /**
   * Plays the buyer on the Amazon Pay screens of the payment page `paymentPageUrl` (what
   * `paymentPageUrl(shopLogin, cryptDecryptString)` gives for an Encrypt with AMAZONPAY): signs
   * in, chooses the shipping address `address` and the wallet's card `card` (indexes, 0 the
   * first), pays, and returns the URL the gateway sends the buyer back to (the shop's, with `a`
   * and `b`).
   */
  async payWithAmazon(paymentPageUrl, options) {
    const method = 'payWithAmazon';
    const pageUrl = urlArg(paymentPageUrl, 'paymentPageUrl');
    const { email } = optionsArg(options, ['email', 'address', 'card']);
    optionalString(email, 'options.email');
    const address = optionalIndex(options?.address, 'options.address');
    const card = optionalIndex(options?.card, 'options.card');

    const page = await this.#get(method, pageUrl);
    const signIn = expectForm(method, 'payment page', page, SCREENS.signIn);
    const signInFields = fieldsOf(signIn);
    if (email !== undefined) signInFields.email = email;

    const addressPage = await this.#post(method, target(signIn, pageUrl), signInFields);
    const addressForm = expectForm(method, 'sign-in', addressPage, SCREENS.address);
    const addressFields = { ...fieldsOf(addressForm), address: choose(method, addressForm, 'address', address, 'options.address') };

    const walletPage = await this.#post(method, target(addressForm, pageUrl), addressFields);
    const wallet = expectForm(method, 'shipping address', walletPage, SCREENS.wallet);
    const walletFields = { ...fieldsOf(wallet), card: choose(method, wallet, 'card', card, 'options.card') };

    const paid = await this.#post(method, target(wallet, pageUrl), walletFields);
    return expectRedirect(method, 'payment method', paid, pageUrl);
  }

  /**
   * Pays on the card form of the payment page (an Encrypt without AMAZONPAY) with `cardNumber`
   * (the form's own test card by default; 4000000000000002 is declined) and returns the URL
   * the buyer is sent back to.
   */
  async payWithCard(paymentPageUrl, options) {
    const method = 'payWithCard';
    const pageUrl = urlArg(paymentPageUrl, 'paymentPageUrl');
    const { cardNumber } = optionsArg(options, ['cardNumber']);
    optionalString(cardNumber, 'options.cardNumber');
    const page = await this.#get(method, pageUrl);
    const form = expectForm(method, 'payment page', page, SCREENS.card);
    const fields = fieldsOf(form);
    if (cardNumber !== undefined) fields.card = cardNumber;
    const paid = await this.#post(method, target(form, pageUrl), fields);
    return expectRedirect(method, 'card form', paid, pageUrl);
  }

  /** The buyer cancels on the payment page (Amazon Pay or card): returns the URL the buyer
   * is sent back to (the failure URL; Decrypt gives KO 1143). */
  async cancel(paymentPageUrl) {
    const method = 'cancel';
    const pageUrl = urlArg(paymentPageUrl, 'paymentPageUrl');
    const page = await this.#get(method, pageUrl);
    const forms = page.status === 200 ? formsOf(page.body) : [];
    const cancel = forms.find((f) => CANCELS.includes(f.action.toLowerCase()));
    if (!cancel) throw unexpected(method, 'payment page', page.status, 'the Amazon Pay sign-in screen or the card form', describePage(page.body));
    const answer = await this.#post(method, target(cancel, pageUrl), fieldsOf(cancel));
    return expectRedirect(method, 'cancel', answer, pageUrl);
  }

  /**
   * Gives a pending (XX) payment its outcome, as the bank eventually does
   * (`POST /emulator/transactions/{id}/resolve`): `result` 'OK' (default) or 'KO' with
   * `errorCode` (74 by default). Resolves to the emulator's answer, whose `b` Decrypt reads.
   */
  async resolvePending(bankTransactionId, options) {
    const method = 'resolvePending';
    if (typeof bankTransactionId === 'number' && Number.isInteger(bankTransactionId)) bankTransactionId = String(bankTransactionId);
    if (typeof bankTransactionId !== 'string' || bankTransactionId === '') {
      throw invalidType('bankTransactionId', `expected a non-empty string, got ${got(bankTransactionId)}`);
    }
    const { result = 'OK', errorCode } = optionsArg(options, ['result', 'errorCode']);
    if (result !== 'OK' && result !== 'KO') throw invalidValue('options.result', 'expected "OK" or "KO"');
    const fields = { result };
    if (errorCode !== undefined) {
      if (!Number.isInteger(errorCode) || errorCode < 0) throw invalidType('options.errorCode', 'expected a non-negative integer');
      if (result !== 'KO') throw invalidValue('options.errorCode', 'only with result "KO"');
      fields.errorCode = String(errorCode);
    }
    const url = `${this.url}/emulator/transactions/${encodeURIComponent(bankTransactionId)}/resolve`;
    const answer = await this.#post(method, url, fields);
    if (answer.status !== 200) {
      const text = answer.body.trim().slice(0, 200);
      throw unexpected(method, 'resolve', answer.status, 'the resolved payment', text ? ` (${JSON.stringify(text)})` : '');
    }
    try {
      const json = JSON.parse(answer.body);
      return { bankTransactionId: json.bankTransactionId, transactionResult: json.transactionResult, b: json.b };
    } catch {
      throw unexpected(method, 'resolve', answer.status, 'a JSON answer', '');
    }
  }

  [inspect.custom](depth, opts, insp = inspect) {
    const child = this.#child;
    const running = !this.#closing && child.exitCode === null && child.signalCode === null;
    return `LocalGateway ${insp({ url: this.url, running }, opts)}`;
  }
}

if (typeof Symbol.asyncDispose === 'symbol') {
  Object.defineProperty(LocalGateway.prototype, Symbol.asyncDispose, {
    value: function asyncDispose() {
      return this.close();
    },
    writable: true,
    configurable: true,
  });
}
