// The error classes of the package, split by who is at fault, as in the core:
//
//   GestpayError                 every error of this package: `code`, `field`, `party`, message
//   ├─ InvalidRequestError       the caller's input (nothing was sent)
//   ├─ MalformedResponseError    what came back is not a usable answer
//   ├─ SoapFaultError            the gateway answered with a SOAP fault (`fault` + its fields)
//   ├─ DeclinedError             a business KO, only when asked for (assertOk)
//   ├─ PendingError              a XX (pending) result, only from assertOk: code 'pending'
//   └─ TransportError            fetch failed, timed out or was aborted (the client only)
//
// assertOk is the success check: it passes only TransactionResult OK. KO is DeclinedError
// ('declined'), XX PendingError ('pending'), a missing or empty TransactionResult
// MalformedResponseError 'no_result', any other value MalformedResponseError 'unknown_result'
// (field 'TransactionResult'): the core's Outcome::ensure_ok.
//
// The native side throws a JSON payload (see bindings-js-core/src/error.rs); `fromNative`
// (call.js) turns it into one of these classes. Messages never contain a secret value.

import * as errors from './errors.js';

class GestpayError extends Error {
  /**
   * @param {string} message
   * @param {{code: string, field?: string | null, party?: string, cause?: unknown}} details
   */
  constructor(message, details) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.field = details.field ?? null;
    this.party = details.party ?? 'caller';
  }
}

class InvalidRequestError extends GestpayError {
  constructor(message, details) {
    super(message, { ...details, party: 'caller' });
  }
}

class MalformedResponseError extends GestpayError {
  constructor(message, details) {
    super(message, { ...details, party: 'remote' });
  }
}

class SoapFaultError extends GestpayError {
  /**
   * The fault whole, as the core reads it (`fault`), and its fields at hand. `subcode` is the
   * first of `subcodes`' values (SOAP 1.2), `detail` the detail element as a tree
   * (`{name, namespace?, attributes?, text?, children?}`), `httpStatus` the status it came
   * with (absent for a bare document).
   * @param {import('../index').SoapFault} fault
   */
  constructor(message, fault) {
    super(message, { code: 'soap_fault', field: null, party: 'remote' });
    this.fault = fault;
    this.soapVersion = fault.version;
    this.faultCode = fault.code;
    this.codeNamespace = fault.codeNamespace ?? null;
    this.codeLocal = fault.codeLocal ?? null;
    this.subcodes = fault.subcodes ?? [];
    this.subcode = this.subcodes.length > 0 ? this.subcodes[0].value : null;
    this.reason = fault.reason;
    this.reasonLang = fault.reasonLang ?? null;
    this.otherReasons = fault.otherReasons ?? [];
    this.actor = fault.actor ?? null;
    this.node = fault.node ?? null;
    this.detail = fault.detail ?? null;
    this.httpStatus = fault.httpStatus ?? null;
  }
}

/** The result an outcome error was thrown for, readable but not enumerable: a JSON logger
 * (pino's error serialiser, JSON.stringify) copies enumerable members, and a result's token or
 * card data must not reach the logs that way. */
function hideResult(error, result) {
  Object.defineProperty(error, 'result', { value: result, enumerable: false, configurable: true });
}

class DeclinedError extends GestpayError {
  constructor(message, details) {
    super(message, { code: 'declined', field: 'ErrorCode', party: 'business' });
    this.errorCode = details.errorCode;
    this.description = details.description;
    this.knownDescription = details.knownDescription;
    hideResult(this, details.result);
  }
}

/** A XX (pending) result, thrown only by assertOk: neither paid nor declined, the final outcome
 * is notified later. Not a DeclinedError on purpose: code that lets the buyer pay again after a
 * decline would charge twice. */
class PendingError extends GestpayError {
  constructor(message, details) {
    super(message, { code: 'pending', field: 'TransactionResult', party: 'business' });
    this.errorCode = details.errorCode ?? null;
    this.description = details.description ?? null;
    this.knownDescription = details.knownDescription ?? null;
    hideResult(this, details.result);
  }
}

class TransportError extends GestpayError {
  constructor(message, details) {
    super(message, { ...details, party: 'remote' });
    this.url = details.url ?? null;
  }
}

// On the prototype, so that `name` is not an own enumerable property of every error (every
// class this module exports, read from its own namespace).
for (const cls of Object.values(errors)) {
  Object.defineProperty(cls.prototype, 'name', {
    value: cls.name,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

export {
  GestpayError,
  InvalidRequestError,
  MalformedResponseError,
  SoapFaultError,
  DeclinedError,
  PendingError,
  TransportError,
};
