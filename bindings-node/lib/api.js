// The public API over the native functions: argument checks, JS conveniences (URLSearchParams,
// Uint8Array bodies, { custom } environments), the error classes, outcome helpers and
// redaction. `#native` is the backend, chosen when a package is bundled (scripts/bundle.mjs):
// the napi addon (binding.js) in `gestpay`, the wasm-bindgen module in `gestpay-wasm`; both
// export the same functions, so this file is the one API of both packages.
//
// What is parsed stays on the native side: parse functions return views (lib/view.js) whose
// fields cross when they are read. What is built crosses once, as JSON text in the core's
// serde shape (JSON.stringify here, serde_json there; a view gives its text natively):
// measured faster than converting property by property, and `undefined` members drop out as
// they should (absent = no value).

import native from '#native';

import { InvalidRequestError, DeclinedError, PendingError, fromNative, invalidType } from './errors.js';
import { redacted, HttpRequest, HttpResponse } from './redact.js';
import { createViews } from './view.js';

const isObject = (v) => v !== null && typeof v === 'object';

/** The environment as the native side reads it ('test', 'production' or a base URL), which
 * the core checks (invalid_env); `{ custom: url }` is the same as the URL. */
function envArg(env) {
  if (env === undefined || env === null) return 'test';
  if (typeof env === 'string') return env;
  if (isObject(env) && typeof env.custom === 'string') return env.custom;
  throw invalidType('env', 'expected "test", "production", an http(s) base URL or { custom: url }');
}

/** The SOAP version's name, which the core reads ("1.1" or "1.2", else invalid_value). */
function soapArg(soap) {
  if (soap === undefined || soap === null) return '1.1';
  if (typeof soap === 'string') return soap;
  throw invalidType('soap', `expected "1.1" or "1.2", got ${typeName(soap)}`);
}

function stringArg(value, field) {
  if (typeof value !== 'string') throw invalidType(field, `expected a string, got ${typeName(value)}`);
  return value;
}

function objectArg(value, field) {
  if (!isObject(value) || Array.isArray(value)) {
    throw invalidType(field, `expected an object, got ${typeName(value)}`);
  }
  return value;
}

function optionsArg(options) {
  if (options === undefined || options === null) return {};
  return objectArg(options, 'options');
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A document: a string, or bytes (Buffer, any Uint8Array / typed array / DataView, ArrayBuffer). */
function bodyArg(body, field) {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array && body.constructor === Uint8Array) return body;
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(body)) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw invalidType(field, `expected a string, a Buffer, a Uint8Array or an ArrayBuffer, got ${typeName(body)}`);
}

const U32_MAX = 0xffffffff;

function limitsArg(limits) {
  if (limits === undefined || limits === null) return undefined;
  objectArg(limits, 'limits');
  const out = {};
  for (const key of ['maxDocumentBytes', 'maxDepth', 'maxTextBytes']) {
    const v = limits[key];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 1 || v > U32_MAX) {
      throw invalidType(`limits.${key}`, 'expected a positive integer');
    }
    out[key] = v;
  }
  return out;
}

/** The JSON text of a message; a value JSON cannot carry (cycle, BigInt) is the caller's error. */
function jsonArg(value, field) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    const reason = String(err && err.message).split('\n')[0];
    throw invalidType(field, `cannot be written as JSON (${reason})`);
  }
  if (text === undefined) throw invalidType(field, `expected an object, got ${typeName(value)}`);
  return text;
}

function headersObject(pairs) {
  const headers = {};
  for (const [name, value] of pairs) headers[name] = value;
  return headers;
}

/** Calls a native function; its structured errors become the package's error classes. */
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (err) {
    const error = fromNative(err);
    if (Error.captureStackTrace) Error.captureStackTrace(error, call);
    throw error;
  }
}

const { Message, view, heldOf } = createViews(native);
const operations = Object.freeze(call(native.operations).map((op) => Object.freeze({ ...op })));
// For the `isOperation` type guard only: the native side looks names up itself.
const byName = new Map(operations.map((op) => [op.name, op]));

/** The operation's name; the core looks it up (exact wire names, else unknown_operation). */
function operationArg(operation) {
  if (typeof operation === 'string') return operation;
  throw invalidType('operation', `expected a string, got ${typeName(operation)}`);
}

/** A message to build, as JSON text: a view's own, or a plain object's. */
function messageArg(value, field) {
  if (value === undefined) return '{}';
  const held = heldOf(value);
  if (held !== undefined) return call(() => held.toJson());
  return jsonArg(objectArg(value, field), field);
}


// --- messages ----------------------------------------------------------------------------

function buildRequest(operation, request, options) {
  const opts = optionsArg(options);
  const validate = opts.validate === undefined ? true : opts.validate;
  if (typeof validate !== 'boolean') throw invalidType('validate', 'expected a boolean');
  const http = call(
    native.buildRequest,
    operationArg(operation),
    messageArg(request, 'request'),
    envArg(opts.env),
    soapArg(opts.soap),
    validate,
  );
  return new HttpRequest(http.method, http.url, headersObject(http.headers), http.body);
}

function validateRequest(operation, request) {
  call(native.validateRequest, operationArg(operation), messageArg(request, 'request'));
}

function parseResponse(operation, response, options) {
  objectArg(response, 'response');
  const { status, contentType, body } = response;
  if (!Number.isInteger(status) || status < 0 || status > 65535) {
    throw invalidType('status', 'expected an integer HTTP status');
  }
  if (contentType !== undefined && contentType !== null && typeof contentType !== 'string') {
    throw invalidType('contentType', 'expected a string');
  }
  const opts = optionsArg(options);
  const result = call(
    native.parseResponse,
    operationArg(operation),
    status,
    contentType ?? undefined,
    bodyArg(body, 'body'),
    limitsArg(opts.limits),
  );
  return view(result);
}

function parseResult(operation, body, options) {
  const opts = optionsArg(options);
  const result = call(native.parseResult, operationArg(operation), bodyArg(body, 'body'), limitsArg(opts.limits));
  return view(result);
}

function parseRequest(operation, body) {
  return view(call(native.parseRequest, operationArg(operation), bodyArg(body, 'body')));
}

function buildResponse(operation, result, options) {
  const opts = optionsArg(options);
  const http = call(native.buildResponse, operationArg(operation), messageArg(result, 'result'), soapArg(opts.soap));
  return new HttpResponse(http.status, headersObject(http.headers), http.body);
}

function buildFault(fault, options) {
  const opts = optionsArg(options);
  const soap = soapArg(opts.soap);
  objectArg(fault, 'fault');
  const value = { version: soap, ...fault };
  const http = call(native.buildFault, jsonArg(value, 'fault'), soap);
  return new HttpResponse(http.status, headersObject(http.headers), http.body);
}

function parseFault(body, options) {
  const opts = optionsArg(options);
  return view(call(native.parseFault, bodyArg(body, 'body'), limitsArg(opts.limits)));
}

function identifyRequest(body, options) {
  const opts = optionsArg(options);
  const info = call(native.identifyRequest, bodyArg(body, 'body'), limitsArg(opts.limits));
  const out = { soap: info.soap, operation: info.operation };
  if (info.service !== undefined && info.service !== null) out.service = info.service;
  return out;
}

// --- outcome ----------------------------------------------------------------------------

const isOk = (result) => isObject(result) && result.transactionResult === 'OK';
const isPending = (result) => isObject(result) && result.transactionResult === 'XX';
const isDeclined = (result) => isObject(result) && result.transactionResult === 'KO';

const codeOf = (value) =>
  Number.isInteger(value) && value >= 0 && value <= U32_MAX ? value : null;
const textOf = (value) => (typeof value === 'string' ? value : null);

/** The error code and descriptions of a result (KO or XX): `errorCode`, or
 * `transactionErrorCode` (callCheckCartaS2S, CallRequestTokenS2S) when only it came —
 * `errorCode` wins when both did, as in the core's Outcome — and the description that goes
 * with the code chosen, else the other one. */
function outcomeDetails(result) {
  const main = codeOf(result.errorCode);
  const other = codeOf(result.transactionErrorCode);
  const errorCode = main ?? other;
  const [first, second] =
    main !== null || other === null
      ? [result.errorDescription, result.transactionErrorDescription]
      : [result.transactionErrorDescription, result.errorDescription];
  return {
    errorCode,
    description: textOf(first) ?? textOf(second),
    knownDescription: errorCode === null ? null : errorDescription(errorCode),
  };
}

function declined(result) {
  return isDeclined(result) ? outcomeDetails(result) : null;
}

const PENDING = 'transaction pending (XX): the outcome is notified later; do not ship yet';

/** The success check (the core's Outcome::ensure_ok): the result when TransactionResult is
 * OK, the one answer an order may be shipped on; otherwise DeclinedError (KO), PendingError
 * (XX) or MalformedResponseError no_result (missing or empty) / unknown_result (any other). */
function assertOk(result) {
  objectArg(result, 'result');
  const tr = result.transactionResult;
  if (tr !== undefined && tr !== null && typeof tr !== 'string') {
    throw invalidType('transactionResult', `expected a string, got ${typeName(tr)}`);
  }
  const details = outcomeDetails(result);
  try {
    native.ensureOk(tr ?? null, details.errorCode, details.description);
  } catch (err) {
    const error = fromNative(err);
    let thrown = error;
    if (error instanceof DeclinedError) thrown = new DeclinedError(error.message, { ...details, result });
    else if (error instanceof PendingError) thrown = new PendingError(PENDING, { ...details, result });
    if (Error.captureStackTrace) Error.captureStackTrace(thrown, assertOk);
    throw thrown;
  }
  return result;
}

// --- payment page -------------------------------------------------------------------------
//
// The callback rule is the core's (core/src/payment_page.rs): a raw URL or query is form
// decoded (`+` is a space, `%XX` a byte, UTF-8 or invalid_callback), a mapping
// (URLSearchParams, req.query) is taken as decoded, and URLs are written with `+` as `%2B`
// and a space as `%20`. One thing is JavaScript's own: a lone surrogate (half of a UTF-16
// pair) is not Unicode text, and the conversion to the native side would silently make it
// U+FFFD. So it never gets there as such: in `a`, `b` or an argument of paymentPageUrl or
// callbackQuery it is an invalid_callback error (elsewhere in a callback, ignored as the
// core ignores any other parameter).

const LONE_SURROGATE = /\p{Surrogate}/u;

function notUnicode(field) {
  return new InvalidRequestError(
    `invalid request: ${field}: contains a lone surrogate, which is not Unicode text [invalid_callback]`,
    { code: 'invalid_callback', field },
  );
}

/** A string that goes into a URL: no lone surrogate. */
function urlTextArg(value, field) {
  if (LONE_SURROGATE.test(stringArg(value, field))) throw notUnicode(field);
  return value;
}

function paymentPageUrl(shopLogin, cryptDecryptString, options) {
  const opts = optionsArg(options);
  const paymentType = opts.paymentType === undefined ? undefined : urlTextArg(opts.paymentType, 'paymentType');
  return call(
    native.paymentPageUrl,
    envArg(opts.env),
    urlTextArg(shopLogin, 'shopLogin'),
    urlTextArg(cryptDecryptString, 'cryptDecryptString'),
    paymentType,
  );
}

function threeDsPageUrl(shopLogin, vbvRisp, returnUrl, options) {
  const opts = optionsArg(options);
  return call(
    native.threeDsPageUrl,
    envArg(opts.env),
    stringArg(shopLogin, 'shopLogin'),
    stringArg(vbvRisp, 'vbvRisp'),
    stringArg(returnUrl, 'returnUrl'),
  );
}

function endpoints(env) {
  return call(native.endpoints, envArg(env));
}

/** One decoded pair of a mapping; a or b with a lone surrogate is invalid_callback (another
 * parameter is ignored by the core, whatever it holds). */
function callbackPairs(keys, values, key, value) {
  if (Array.isArray(value)) {
    for (const v of value) callbackPairs(keys, values, key, v);
  } else if (typeof value === 'string') {
    if ((key === 'a' || key === 'b') && LONE_SURROGATE.test(value)) throw notUnicode(key);
    keys.push(key);
    values.push(value);
  } else if (value !== undefined) {
    throw invalidType(key, `expected a string, got ${typeName(value)}`);
  }
}

/** A raw URL or query with each lone surrogate written as the bytes WTF-8 gives it
 * (`%ED%A0%80` for U+D800): bytes that are not UTF-8, so the core's rule applies to them as
 * to any such bytes (invalid_callback naming `a` or `b`; ignored in another parameter). */
function rawCallbackArg(input) {
  if (!LONE_SURROGATE.test(input)) return input;
  const hex = (byte) => `%${byte.toString(16).toUpperCase()}`;
  return input.replace(/\p{Surrogate}/gu, (unit) => {
    const u = unit.charCodeAt(0);
    return hex(0xed) + hex(0x80 | ((u >> 6) & 0x3f)) + hex(0x80 | (u & 0x3f));
  });
}

/** From a URL (string or URL), a query string, URLSearchParams, pairs, or a query object. */
function parseCallback(input) {
  if (typeof input === 'string') return view(call(native.parseCallback, rawCallbackArg(input)));
  const keys = [];
  const values = [];
  if (isObject(input) && typeof input.href === 'string' && isObject(input.searchParams)) {
    return view(call(native.parseCallback, input.href));
  }
  if (isObject(input) && typeof input[Symbol.iterator] === 'function') {
    // URLSearchParams, an array of pairs, a Map …
    for (const pair of input) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        throw invalidType('input', 'expected [key, value] pairs');
      }
      callbackPairs(keys, values, pair[0], pair[1]);
    }
  } else if (isObject(input)) {
    for (const [k, v] of Object.entries(input)) callbackPairs(keys, values, k, v);
  } else {
    throw invalidType('input', 'expected a URL, a query string, URLSearchParams, pairs or a query object');
  }
  return view(call(native.callbackFromPairs, keys, values));
}

function callbackQuery(callback) {
  if (isObject(callback) && heldOf(callback) === undefined) {
    for (const field of ['shopLogin', 'encryptedString']) {
      const value = callback[field];
      if (typeof value === 'string' && LONE_SURROGATE.test(value)) throw notUnicode(field);
    }
  }
  return call(native.callbackQuery, messageArg(callback, 'callback'));
}

// --- addresses ----------------------------------------------------------------------------

/** Computed by the core on the parsed value; a plain object (the core's JSON shape) is read
 * first, where the module has the readers (not in gestpay-wasm/read). */
function amazonAddresses(result) {
  const held = heldOf(result);
  if (held !== undefined) return view(call(native.amazonAddresses, held));
  if (native.amazonAddressesOf === undefined) {
    throw invalidType('result', 'expected a parsed result (this module reads no plain objects)');
  }
  return view(call(native.amazonAddressesOf, messageArg(result, 'result')));
}

function normalizeAddress(kind, value) {
  return view(call(native.normalizeAddress, stringArg(kind, 'kind'), messageArg(value, 'address')));
}

// --- codes and amounts --------------------------------------------------------------------

const cache = new Map();
function table(key, make) {
  if (!cache.has(key)) cache.set(key, Object.freeze(make().map((row) => Object.freeze(row))));
  return cache.get(key);
}

const currencies = () => table('currencies', () => call(native.currencies));
const languages = () => table('languages', () => call(native.languages));
const paymentTypes = () => table('paymentTypes', () => call(native.paymentTypes));
const errorCodes = () => table('errorCodes', () => numericCodes(call(native.errorCodes, false)));
const alertCodes = () => table('alertCodes', () => numericCodes(call(native.errorCodes, true)));

function numericCodes(rows) {
  return rows.map((row) => ({ code: Number(row.code), description: row.description }));
}

function codeTable(name) {
  const key = `table:${stringArg(name, 'name')}`;
  return table(key, () => call(native.codeTable, name));
}

function codeArg(code, field) {
  if (!Number.isInteger(code) || code < 0 || code > U32_MAX) {
    throw invalidType(field, 'expected a non-negative integer');
  }
  return code;
}

function errorDescription(code) {
  return call(native.describeCode, codeArg(code, 'code'), false) ?? null;
}

function alertDescription(code) {
  return call(native.describeCode, codeArg(code, 'code'), true) ?? null;
}

function currency(code) {
  if (typeof code === 'number' && Number.isInteger(code)) code = String(code);
  return call(native.currency, stringArg(code, 'code')) ?? null;
}

function transactionTypeOf(operation) {
  return call(native.transactionTypeOf, stringArg(operation, 'operation')) ?? null;
}

/** An ISO code, or a UIC code as the core reads it (its decimal text). */
function currencyArg(value) {
  if (typeof value === 'string' || (Number.isInteger(value) && value >= 0 && value <= 65535)) {
    return String(value);
  }
  throw invalidType('currency', 'expected an ISO code or a UIC code');
}

function amountFromMinor(minor, currencyCode) {
  let digits;
  if (typeof minor === 'bigint' && minor >= 0n) digits = minor.toString();
  else if (Number.isSafeInteger(minor) && minor >= 0) digits = String(minor);
  else throw invalidType('minor', 'expected a non-negative safe integer or bigint');
  return call(native.amountFromMinor, digits, currencyArg(currencyCode));
}

function amountToMinor(amount, currencyCode) {
  const digits = call(native.amountToMinor, stringArg(amount, 'amount'), currencyArg(currencyCode));
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) {
    throw new InvalidRequestError('invalid request: amount: too large for a safe integer [invalid_amount]', {
      code: 'invalid_amount',
      field: 'amount',
    });
  }
  return minor;
}

/** Whether `name` is an operation's wire name (a type guard; the core looks names up itself). */
function isOperation(name) {
  return typeof name === 'string' && byName.has(name);
}

export {
  operations,
  isOperation,
  buildRequest,
  validateRequest,
  parseResponse,
  parseResult,
  parseRequest,
  buildResponse,
  buildFault,
  parseFault,
  identifyRequest,
  isOk,
  isPending,
  isDeclined,
  declined,
  assertOk,
  paymentPageUrl,
  threeDsPageUrl,
  endpoints,
  parseCallback,
  callbackQuery,
  amazonAddresses,
  normalizeAddress,
  currencies,
  currency,
  languages,
  paymentTypes,
  errorCodes,
  alertCodes,
  codeTable,
  errorDescription,
  alertDescription,
  transactionTypeOf,
  amountFromMinor,
  amountToMinor,
  redacted,
  Message,
  HttpRequest,
  HttpResponse,
};
