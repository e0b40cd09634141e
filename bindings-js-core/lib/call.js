// What the API's modules (reading.js, building.js) share: the call into the backend, whose
// structured errors become the package's classes (errors.js); the checks of JS arguments before
// they cross; and the views on parsed values (view.js). `#native` is the backend, chosen when a
// package is bundled (scripts/bundle.mjs): the napi addon (binding.js) in `gestpay`, the
// wasm-bindgen module in `gestpay-wasm`; both export the same functions.
//
// What is parsed stays on the native side: parse functions return views whose fields cross
// when they are read. What is built crosses once, as JSON text in the core's serde shape
// (JSON.stringify here; a view gives its text natively), which the core reads straight into
// the request type: measured faster than converting property by property, and `undefined`
// members drop out as they should (absent = no value).

import native from '#native';

import { GestpayError, InvalidRequestError, MalformedResponseError, SoapFaultError, DeclinedError, PendingError } from './errors.js';
import { invalidType, objectArg, optionsArg, stringArg, typeName } from './args.js';
import { isObject } from './redact.js';

export { invalidType, objectArg, optionsArg, stringArg, typeName };
import { createViews } from './view.js';

export { isObject };

/** The environment as the native side reads it ('test', 'production' or a base URL), which
 * the core checks (invalid_env); `{ custom: url }` is the same as the URL. */
export function envArg(env) {
  if (env === undefined || env === null) return 'test';
  if (typeof env === 'string') return env;
  if (isObject(env) && typeof env.custom === 'string') return env.custom;
  throw invalidType('env', 'expected "test", "production", an http(s) base URL or { custom: url }');
}

/** The SOAP version's name, which the core reads ("1.1" or "1.2", else invalid_value). */
export function soapArg(soap) {
  if (soap === undefined || soap === null) return '1.1';
  if (typeof soap === 'string') return soap;
  throw invalidType('soap', `expected "1.1" or "1.2", got ${typeName(soap)}`);
}


/** A document: a string, or bytes (Buffer, any Uint8Array / typed array / DataView, ArrayBuffer). */
export function bodyArg(body, field) {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array && body.constructor === Uint8Array) return body;
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(body)) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw invalidType(field, `expected a string, a Buffer, a Uint8Array or an ArrayBuffer, got ${typeName(body)}`);
}

export const U32_MAX = 0xffffffff;

export function limitsArg(limits) {
  if (limits === undefined || limits === null) return undefined;
  const known = ['maxDocumentBytes', 'maxDepth', 'maxTextBytes'];
  optionsArg(limits, known, 'limits');
  const out = {};
  for (const key of known) {
    const v = limits[key];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 1 || v > U32_MAX) {
      throw invalidType(`limits.${key}`, 'expected a positive integer');
    }
    out[key] = v;
  }
  return out;
}

/** The JSON text of a message. JSON.stringify would write NaN and Infinity as null and leave a
 * function or a symbol out: a value lost without a word, so they are refused (`invalid_type`,
 * named by their path). A value that holds itself, or one nested deeper than JSON.stringify
 * can go, is `too_deep`; a BigInt is `invalid_type`. */
export function jsonArg(value, field) {
  let text;
  try {
    text = JSON.stringify(value, refuseLost);
  } catch (err) {
    if (err instanceof Lost) throw invalidType(pathOf(value, err.holder, err.key) ?? field, err.reason);
    if (err instanceof RangeError || /circular/i.test(String(err && err.message))) {
      throw new InvalidRequestError(
        `invalid request: ${field}: nested too deep (or a value that holds itself) [too_deep]`,
        { code: 'too_deep', field },
      );
    }
    throw invalidType(field, `cannot be written as JSON (${String(err && err.message).split('\n')[0]})`);
  }
  if (text === undefined) throw invalidType(field, `expected an object, got ${typeName(value)}`);
  return text;
}

class Lost {
  constructor(holder, key, reason) {
    Object.assign(this, { holder, key, reason });
  }
}

// A string with a lone surrogate is not Unicode text: JSON.stringify writes it as an escape the
// core cannot read (it would say invalid_json of the whole request).
const wellFormed = (text) => !LONE_SURROGATE.test(text);
const NOT_TEXT = 'expected text, got a string with a lone surrogate (not Unicode text)';

function refuseLost(key, value) {
  const type = typeof value;
  // A key that is not text is refused where it stands (named by its object's path).
  if (!wellFormed(key)) throw new Lost(this, undefined, NOT_TEXT);
  if (type === 'string' && !wellFormed(value)) throw new Lost(this, key, NOT_TEXT);
  if (type === 'number' && !Number.isFinite(value)) throw new Lost(this, key, 'a number that is not finite');
  if (type === 'function' || type === 'symbol') throw new Lost(this, key, `expected a JSON value, got a ${type}`);
  return value;
}

/** The path of `holder[key]` (of `holder` itself without a key) inside `root`
 * (`orderDetails.productDetails[1].price`), found on the error path only: the same rule as
 * the core's paths. */
function pathOf(root, holder, key, path = '', seen = new Set()) {
  if (!isObject(root) || seen.has(root)) return undefined;
  seen.add(root);
  const step = (k) => (Array.isArray(root) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  if (root === holder) return key === undefined ? path || undefined : step(key);
  for (const [k, v] of Object.entries(root)) {
    const found = pathOf(v, holder, key, step(k), seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function headersObject(pairs) {
  const headers = {};
  for (const [name, value] of pairs) headers[name] = value;
  return headers;
}

/** Calls a native function; its structured errors become the package's error classes. */
export function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (err) {
    const error = fromNative(err);
    if (Error.captureStackTrace) Error.captureStackTrace(error, call);
    throw error;
  }
}

export const { Message, view, heldOf } = createViews(native);

export const operations = Object.freeze(call(native.operations).map((op) => Object.freeze({ ...op })));

// For the `isOperation` type guard only: the native side looks names up itself.
export const byName = new Map(operations.map((op) => [op.name, op]));

/** The operation's name; the core looks it up (exact wire names, else unknown_operation). */
export function operationArg(operation) {
  if (typeof operation === 'string') return operation;
  throw invalidType('operation', `expected a string, got ${typeName(operation)}`);
}

/** A message to build, as JSON text: a view's own, or a plain object's. */
export function messageArg(value, field) {
  if (value === undefined) return '{}';
  const held = heldOf(value);
  if (held !== undefined) return call(() => held.toJson());
  return jsonArg(objectArg(value, field), field);
}

export const LONE_SURROGATE = /\p{Surrogate}/u;

export function notUnicode(field) {
  return new InvalidRequestError(
    `invalid request: ${field}: contains a lone surrogate, which is not Unicode text [invalid_callback]`,
    { code: 'invalid_callback', field },
  );
}

function structured(message) {
  if (!message.startsWith('{')) return null;
  try {
    const payload = JSON.parse(message);
    return payload !== null && payload.gestpay === 1 ? payload : null;
  } catch {
    return null;
  }
}

/** The error thrown by a native call, as one of the classes above. */
export function fromNative(err) {
  const message = err && typeof err.message === 'string' ? err.message : String(err);
  const payload = structured(message);
  if (payload === null) {
    // A panic (caught at the boundary) or a conversion the wrapper should have prevented:
    // either is a bug of this package.
    return new GestpayError(`internal error in the gestpay binding: ${message}`, {
      code: 'internal',
      party: 'caller',
      cause: err,
    });
  }
  const details = { code: payload.code, field: payload.field ?? null };
  // The success check's (assertOk adds the result's details to both).
  switch (payload.kind) {
    case 'pending':
      return new PendingError(payload.message, {});
    case 'declined':
      return new DeclinedError(payload.message, { errorCode: null, description: null, knownDescription: null });
    case 'invalid_request':
      return new InvalidRequestError(payload.message, details);
    case 'malformed_response':
      return new MalformedResponseError(payload.message, details);
    case 'soap_fault':
      return new SoapFaultError(payload.message, payload.fault ?? { version: '1.1', code: '', reason: '' });
    default:
      return new GestpayError(payload.message, { ...details, party: 'caller' });
  }
}

