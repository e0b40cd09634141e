// What reads the gateway's messages: parse functions (their results are views), the outcome
// checks, the payment page and callbacks, Amazon Pay addresses, code tables and amounts: all
// that the read-only WebAssembly module has (`gestpay-wasm/read`).
import native from '#native';

import { InvalidRequestError, DeclinedError, PendingError } from './errors.js';
import {
  isObject,
  envArg,
  stringArg,
  objectArg,
  optionsArg,
  typeName,
  bodyArg,
  U32_MAX,
  limitsArg,
  call,
  byName,
  operationArg,
  messageArg,
  LONE_SURROGATE,
  notUnicode,
  fromNative,
  invalidType,
  view,
  heldOf,
} from './call.js';

export { Message, operations } from './call.js';
export { redacted } from './redact.js';

export function parseResult(operation, body, options) {
  const opts = optionsArg(options, ['limits']);
  const result = call(native.parseResult, operationArg(operation), bodyArg(body, 'body'), limitsArg(opts.limits));
  return view(result);
}

export function parseFault(body, options) {
  const opts = optionsArg(options, ['limits']);
  return view(call(native.parseFault, bodyArg(body, 'body'), limitsArg(opts.limits)));
}

export const isOk = (result) => isObject(result) && result.transactionResult === 'OK';

export const isPending = (result) => isObject(result) && result.transactionResult === 'XX';

export const isDeclined = (result) => isObject(result) && result.transactionResult === 'KO';

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

export function declined(result) {
  return isDeclined(result) ? outcomeDetails(result) : null;
}

const PENDING = 'transaction pending (XX): the outcome is notified later; do not ship yet';

/** The success check (the core's Outcome::ensure_ok): the result when TransactionResult is
 * OK, the one answer an order may be shipped on; otherwise DeclinedError (KO), PendingError
 * (XX) or MalformedResponseError no_result (missing or empty) / unknown_result (any other). */
export function assertOk(result) {
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

/** A string that goes into a URL: no lone surrogate. */
function urlTextArg(value, field) {
  if (LONE_SURROGATE.test(stringArg(value, field))) throw notUnicode(field);
  return value;
}

export function paymentPageUrl(shopLogin, cryptDecryptString, options) {
  const opts = optionsArg(options, ['env', 'paymentType']);
  const paymentType = opts.paymentType === undefined ? undefined : urlTextArg(opts.paymentType, 'paymentType');
  return call(
    native.paymentPageUrl,
    envArg(opts.env),
    urlTextArg(shopLogin, 'shopLogin'),
    urlTextArg(cryptDecryptString, 'cryptDecryptString'),
    paymentType,
  );
}

export function threeDsPageUrl(shopLogin, vbvRisp, returnUrl, options) {
  const opts = optionsArg(options, ['env']);
  return call(
    native.threeDsPageUrl,
    envArg(opts.env),
    stringArg(shopLogin, 'shopLogin'),
    stringArg(vbvRisp, 'vbvRisp'),
    stringArg(returnUrl, 'returnUrl'),
  );
}

export function endpoints(env) {
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
export function parseCallback(input) {
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

/** Computed by the core on the parsed value; a plain object (the core's JSON shape) is read
 * first, where the module has the readers (not in gestpay-wasm/read). */
export function amazonAddresses(result) {
  const held = heldOf(result);
  if (held !== undefined) return view(call(native.amazonAddresses, held));
  if (native.amazonAddressesOf === undefined) {
    throw invalidType('result', 'expected a parsed result (this module reads no plain objects)');
  }
  return view(call(native.amazonAddressesOf, messageArg(result, 'result')));
}

const cache = new Map();

function table(key, make) {
  if (!cache.has(key)) cache.set(key, Object.freeze(make().map((row) => Object.freeze(row))));
  return cache.get(key);
}

export const currencies = () => table('currencies', () => JSON.parse(call(native.currencies)));

export const languages = () => table('languages', () => JSON.parse(call(native.languages)));

export const paymentTypes = () => table('paymentTypes', () => JSON.parse(call(native.paymentTypes)));

export const errorCodes = () => table('errorCodes', () => numericCodes(JSON.parse(call(native.errorCodes, false))));

export const alertCodes = () => table('alertCodes', () => numericCodes(JSON.parse(call(native.errorCodes, true))));

function numericCodes(rows) {
  return rows.map((row) => ({ code: Number(row.code), description: row.description }));
}

export function codeTable(name) {
  const key = `table:${stringArg(name, 'name')}`;
  return table(key, () => JSON.parse(call(native.codeTable, name)));
}

function codeArg(code, field) {
  if (!Number.isInteger(code) || code < 0 || code > U32_MAX) {
    throw invalidType(field, 'expected a non-negative integer');
  }
  return code;
}

export function errorDescription(code) {
  return call(native.describeCode, codeArg(code, 'code'), false) ?? null;
}

export function alertDescription(code) {
  return call(native.describeCode, codeArg(code, 'code'), true) ?? null;
}

export function currency(code) {
  if (typeof code === 'number' && Number.isInteger(code)) code = String(code);
  const row = call(native.currency, stringArg(code, 'code'));
  return row == null ? null : JSON.parse(row);
}

export function transactionTypeOf(operation) {
  return call(native.transactionTypeOf, stringArg(operation, 'operation')) ?? null;
}

/** An ISO code, or a UIC code as the core reads it (its decimal text). */
function currencyArg(value) {
  if (typeof value === 'string' || (Number.isInteger(value) && value >= 0 && value <= 65535)) {
    return String(value);
  }
  throw invalidType('currency', 'expected an ISO code or a UIC code');
}

export function amountFromMinor(minor, currencyCode) {
  let digits;
  if (typeof minor === 'bigint' && minor >= 0n) digits = minor.toString();
  else if (Number.isSafeInteger(minor) && minor >= 0) digits = String(minor);
  else throw invalidType('minor', 'expected a non-negative safe integer or bigint');
  return call(native.amountFromMinor, digits, currencyArg(currencyCode));
}

export function amountToMinor(amount, currencyCode) {
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
export function isOperation(name) {
  return typeof name === 'string' && byName.has(name);
}
