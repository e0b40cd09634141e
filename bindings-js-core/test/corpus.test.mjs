// The whole shared corpus through the binding: builders (JSON → envelope compared element for
// element, both SOAP versions, and back), parsers (strict HTTP and lenient, JSON equality,
// error codes and fields), and the round trip of every parsed result through buildResponse.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { assertSameDocument } from '../testing/xml-tree.mjs';
import { cases, plain, readBytes, readJson } from '../testing/corpus.mjs';
import gestpay from '../testing/module.mjs';

const all = cases();

function expectError(fn, expected) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof gestpay.GestpayError, `not a GestpayError: ${err && err.stack}`);
    assert.equal(err.code, expected.code, `code (${err.message})`);
    if (typeof expected.field === 'string') assert.equal(err.field, expected.field, `field (${err.message})`);
    return true;
  });
}

/** The text of a document, decoded as its BOM or XML declaration says (UTF-8 otherwise). */
function decoded(body) {
  const boms = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];
  for (const [bom, label] of boms) {
    if (bom.every((b, i) => body[i] === b)) return new TextDecoder(label).decode(body);
  }
  const declared = /^\s*<\?xml[^>]*encoding=["']([^"']+)/.exec(body.toString('latin1'));
  return new TextDecoder(declared ? declared[1] : 'utf-8').decode(body);
}

function runRequest(op, files) {
  if (files['invalid.json']) {
    assert.ok(files['error.json'], 'invalid.json without error.json');
    const expected = readJson(files['error.json']);
    expectError(() => gestpay.buildRequest(op, readJson(files['invalid.json'])), expected);
    expectError(() => gestpay.validateRequest(op, readJson(files['invalid.json'])), expected);
    return;
  }
  if (!files['request.json']) return;
  const json = readJson(files['request.json']);
  // JSON → type → JSON: the built envelope parses back to the same JSON.
  const built = gestpay.buildRequest(op, json);
  assert.deepEqual(plain(gestpay.parseRequest(op, built.body)), json, 'request.json → envelope → JSON');
  for (const [kind, soap] of [['request.xml', '1.1'], ['request12.xml', '1.2']]) {
    if (!files[kind]) continue;
    const expectedXml = readBytes(files[kind]);
    const call = gestpay.buildRequest(op, json, { soap });
    assertSameDocument(call.body, expectedXml);
    assert.deepEqual(plain(gestpay.parseRequest(op, expectedXml)), json, `${kind} → JSON`);
  }
  if (files['source.xml']) {
    assert.deepEqual(plain(gestpay.parseRequest(op, readBytes(files['source.xml']))), json, 'source.xml → JSON');
  }
}

function runResponse(op, files) {
  if (!files['response.xml']) return;
  const body = readBytes(files['response.xml']);
  const parse = () => {
    if (files['http.json']) {
      const http = readJson(files['http.json']);
      return gestpay.parseResponse(op, { status: http.status ?? 200, contentType: http.contentType, body });
    }
    return gestpay.parseResult(op, body);
  };
  if (files['error.json']) {
    expectError(parse, readJson(files['error.json']));
    if (files['fault.json']) {
      // The whole fault, on the error as the core reads it.
      try {
        parse();
      } catch (err) {
        assert.deepEqual(plain(err.fault), readJson(files['fault.json']), 'the fault');
        assert.equal(err.httpStatus, err.fault.httpStatus ?? null);
      }
    }
    return;
  }
  assert.ok(files['response.json'], 'response.xml without response.json or error.json');
  const expected = readJson(files['response.json']);
  const result = parse();
  assert.deepEqual(plain(result), expected, 'response.xml → JSON');
  // The same document as a string (text already, whatever charset its declaration names) and
  // as a plain Uint8Array parses the same.
  if (!files['http.json']) {
    assert.deepEqual(plain(gestpay.parseResult(op, decoded(body))), expected, 'as a string');
    assert.deepEqual(plain(gestpay.parseResult(op, new Uint8Array(body))), expected, 'as a Uint8Array');
  }
  for (const soap of ['1.1', '1.2']) {
    const answer = gestpay.buildResponse(op, result, { soap });
    assert.equal(answer.status, 200);
    const again = gestpay.parseResponse(op, {
      status: answer.status,
      contentType: answer.headers['Content-Type'],
      body: answer.body,
    });
    assert.deepEqual(plain(again), expected, `round trip (SOAP ${soap})`);
  }
}

describe('golden corpus', () => {
  test('has cases of both services and every operation', () => {
    const ops = new Set(all.map((c) => c.operation));
    assert.ok(all.length > 200, `only ${all.length} cases`);
    for (const op of gestpay.operations) assert.ok(ops.has(op.name), `no case for ${op.name}`);
    assert.deepEqual([...new Set(all.map((c) => c.service))].sort(), ['cryptdecrypt', 's2s']);
  });

  for (const { service, operation, name, files } of all) {
    test(`${service}/${operation}/${name}`, () => {
      assert.ok(gestpay.isOperation(operation), `no operation named ${operation}`);
      runRequest(operation, files);
      runResponse(operation, files);
    });
  }
});
