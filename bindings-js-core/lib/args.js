// The checks of JS arguments before they cross to the native side, and their errors: used by
// the API's modules (call.js re-exports them) and by bindings-node's `gestpay/testing`, whose
// bundle takes the error classes from the package's main entry (scripts/package.mjs), so that
// there is one set of classes.
import { InvalidRequestError } from './errors.js';
import { isObject } from './redact.js';

/** An argument of the wrong shape, caught on the JS side before the native call. */
export function invalidType(field, message) {
  return new InvalidRequestError(`invalid request: ${field}: ${message} [invalid_type]`, {
    code: 'invalid_type',
    field,
  });
}

export function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function objectArg(value, field) {
  if (!isObject(value) || Array.isArray(value)) {
    throw invalidType(field, `expected an object, got ${typeName(value)}`);
  }
  if (typeof value.then === 'function') throw invalidType(field, 'expected an object, got a Promise (a missing await?)');
  return value;
}

/** An options object, of the `known` keys only: a key it does not know is `unknown_field`
 * (a typo such as `envv` would otherwise send the call to the default environment). */
export function optionsArg(options, known, field = 'options') {
  if (options === undefined || options === null) return {};
  objectArg(options, field);
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const path = `${field}.${key.length > 64 ? `${key.slice(0, 64)}…` : key}`;
    throw new InvalidRequestError(
      `invalid request: ${path}: no such option (known: ${known.join(', ')}) [unknown_field]`,
      { code: 'unknown_field', field: path },
    );
  }
  return options;
}

export function stringArg(value, field) {
  if (typeof value !== 'string') throw invalidType(field, `expected a string, got ${typeName(value)}`);
  return value;
}
