// What builds (and what needs the core's builders): requests, responses and faults, the
// strict parse of an HTTP response, request identification, callback queries and address
// normalization: not in the read-only WebAssembly module.
import native from '#native';

import { HttpRequest, HttpResponse } from './redact.js';
import {
  isObject,
  envArg,
  soapArg,
  stringArg,
  objectArg,
  optionsArg,
  bodyArg,
  limitsArg,
  jsonArg,
  headersObject,
  call,
  operationArg,
  messageArg,
  LONE_SURROGATE,
  notUnicode,
  invalidType,
  view,
  heldOf,
} from './call.js';

export { HttpRequest, HttpResponse } from './redact.js';

export function buildRequest(operation, request, options) {
  const opts = optionsArg(options, ['env', 'soap', 'validate']);
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

export function validateRequest(operation, request) {
  call(native.validateRequest, operationArg(operation), messageArg(request, 'request'));
}

export function parseResponse(operation, response, options) {
  objectArg(response, 'response');
  const { status, contentType, body } = response;
  if (!Number.isInteger(status) || status < 0 || status > 65535) {
    throw invalidType('status', 'expected an integer HTTP status');
  }
  if (contentType !== undefined && contentType !== null && typeof contentType !== 'string') {
    throw invalidType('contentType', 'expected a string');
  }
  const opts = optionsArg(options, ['limits']);
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

export function parseRequest(operation, body) {
  return view(call(native.parseRequest, operationArg(operation), bodyArg(body, 'body')));
}

export function buildResponse(operation, result, options) {
  const opts = optionsArg(options, ['soap']);
  const http = call(native.buildResponse, operationArg(operation), messageArg(result, 'result'), soapArg(opts.soap));
  return new HttpResponse(http.status, headersObject(http.headers), http.body);
}

export function buildFault(fault, options) {
  const opts = optionsArg(options, ['soap']);
  const soap = soapArg(opts.soap);
  objectArg(fault, 'fault');
  const value = { version: soap, ...fault };
  const http = call(native.buildFault, jsonArg(value, 'fault'), soap);
  return new HttpResponse(http.status, headersObject(http.headers), http.body);
}

export function identifyRequest(body, options) {
  const opts = optionsArg(options, ['limits']);
  const info = call(native.identifyRequest, bodyArg(body, 'body'), limitsArg(opts.limits));
  const out = { soap: info.soap, operation: info.operation };
  if (info.service !== undefined && info.service !== null) out.service = info.service;
  return out;
}

export function callbackQuery(callback) {
  if (isObject(callback) && heldOf(callback) === undefined) {
    for (const field of ['shopLogin', 'encryptedString']) {
      const value = callback[field];
      if (typeof value === 'string' && LONE_SURROGATE.test(value)) throw notUnicode(field);
    }
  }
  return call(native.callbackQuery, messageArg(callback, 'callback'));
}

export function normalizeAddress(kind, value) {
  return view(call(native.normalizeAddress, stringArg(kind, 'kind'), messageArg(value, 'address')));
}
