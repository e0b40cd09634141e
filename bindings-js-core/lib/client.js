// A small transport over the sans-IO API: builds the request, POSTs it with the global `fetch`
// (Node >= 20, or any fetch you pass), bounds every call with a timeout through AbortSignal,
// and parses the answer. It logs nothing; its errors carry the URL, never a body.

import { buildRequest, parseResponse } from './building.js';
import { endpoints, operations, parseCallback, paymentPageUrl } from './reading.js';
import { TransportError } from './errors.js';
import { invalidType, optionsArg } from './call.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** `Encrypt` → `encrypt`, `callReadTrxS2S` → `callReadTrxS2S`, `CallRequestTokenS2S` → `callRequestTokenS2S`. */
const methodName = (operation) => operation[0].toLowerCase() + operation.slice(1);

function timeoutArg(value, field) {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) throw invalidType(field, 'expected a positive number of milliseconds');
  return value;
}

export class GestpayClient {
  /**
   * @param {{env?: unknown, soap?: '1.1' | '1.2', timeoutMs?: number, validate?: boolean,
   *          limits?: object, fetch?: typeof fetch}} [options]
   */
  constructor(options = {}) {
    optionsArg(options, ['env', 'soap', 'timeoutMs', 'validate', 'limits', 'fetch']);
    // Checked now, so that a bad configuration fails at start-up rather than on the first call.
    endpoints(options.env);
    this.env = options.env ?? 'test';
    this.soap = options.soap ?? '1.1';
    if (this.soap !== '1.1' && this.soap !== '1.2') throw invalidType('soap', 'expected "1.1" or "1.2"');
    this.timeoutMs = timeoutArg(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS;
    this.validate = options.validate ?? true;
    this.limits = options.limits;
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== 'function') throw invalidType('fetch', 'no fetch function (Node >= 20 has one)');
    Object.defineProperty(this, 'fetch', { value: fetchFn, enumerable: false });
  }

  /** Sends one operation and parses its result (a KO is a result: see assertOk). */
  async call(operation, request, options = {}) {
    optionsArg(options, ['timeoutMs', 'signal']);
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw invalidType('signal', 'expected an AbortSignal');
    }
    const http = buildRequest(operation, request, { env: this.env, soap: this.soap, validate: this.validate });
    const timeoutMs = timeoutArg(options.timeoutMs, 'timeoutMs') ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let status;
    let contentType;
    let body;
    try {
      const res = await this.fetch(http.url, {
        method: http.method,
        headers: http.headers,
        body: http.body,
        signal,
        redirect: 'manual',
      });
      status = res.status;
      contentType = res.headers.get('content-type');
      body = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw transportError(err, http, timeoutMs, timeout, options.signal);
    }
    return parseResponse(operation, { status, contentType, body }, { limits: this.limits });
  }

  /** Decrypts the callback the gateway made to your URL (a URL, query string, URLSearchParams or query object). */
  async decryptCallback(input, options = {}) {
    const { apiKey, ...sending } = optionsArg(options, ['apiKey', 'timeoutMs', 'signal']);
    const callback = parseCallback(input);
    const request = { shopLogin: callback.shopLogin, cryptedString: callback.encryptedString };
    if (apiKey !== undefined) request.apiKey = apiKey;
    return this.call('Decrypt', request, sending);
  }

  /** The payment page URL of this client's environment. */
  paymentPageUrl(shopLogin, cryptDecryptString, options = {}) {
    return paymentPageUrl(shopLogin, cryptDecryptString, { ...options, env: this.env });
  }
}

for (const { name } of operations) {
  Object.defineProperty(GestpayClient.prototype, methodName(name), {
    value: function operationMethod(request, options) {
      return this.call(name, request, options);
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

function transportError(err, http, timeoutMs, timeout, userSignal) {
  const where = `${http.method} ${http.url}`;
  if (timeout.aborted && !(userSignal && userSignal.aborted)) {
    return new TransportError(`${where}: no answer within ${timeoutMs} ms`, { code: 'timeout', url: http.url, cause: err });
  }
  if (userSignal && userSignal.aborted) {
    return new TransportError(`${where}: aborted`, { code: 'aborted', url: http.url, cause: err });
  }
  const reason = err && err.cause && err.cause.code ? `${err.message} (${err.cause.code})` : String(err && err.message);
  return new TransportError(`${where}: ${reason}`, { code: 'network', url: http.url, cause: err });
}

export { methodName };
