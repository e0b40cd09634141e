// The callback, exact: one rule for `+` and percent-encoding whichever form parseCallback gets
// (URL, query string, URLSearchParams, pairs, req.query), URLs that read back exactly, and bad
// encodings or lone surrogates refused as invalid_callback (never a silent U+FFFD). Runs against
// the napi addon and, with GESTPAY_TEST_WASM=1, the WASM build (the same lib/).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import gestpay from '../testing/module.mjs';

const refused = (fn, field) =>
  assert.throws(fn, (err) => {
    assert.ok(err instanceof gestpay.InvalidRequestError, String(err));
    assert.equal(err.code, 'invalid_callback');
    assert.equal(err.field, field);
    return true;
  });

/** Deterministic values: the characters that matter, and any well-formed Unicode text. */
function values() {
  const out = ['A+B/C=', 'A B', '+', ' ', '%', '%2B', 'a&b=c#d?', '7XsMjm*2ZBmcs+S1Pu9/==', 'é😀', '\0\r\n', '\uFFFD', '~*-._', 'A'.repeat(5000)];
  let seed = 14;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pool = ['+', ' ', '%', '&', '=', '#', '?', '/', '*', '~', 'a', 'Z', '0', 'é', '€', '😀', '\0', '\uFFFD'];
  for (let i = 0; i < 200; i++) {
    let s = '';
    const n = 1 + Math.floor(next() * 20);
    for (let j = 0; j < n; j++) {
      if (next() < 0.6) {
        s += pool[Math.floor(next() * pool.length)];
      } else {
        const ranges = [[0x20, 0x7e], [0xa0, 0xd7ff], [0xe000, 0x10ffff]];
        const [lo, hi] = ranges[Math.floor(next() * ranges.length)];
        s += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
      }
    }
    out.push(s);
  }
  return out;
}

describe('the callback rule', () => {
  test('a raw `+` is a space, `%2B` a plus: the same through URLSearchParams and req.query', () => {
    const expected = { shopLogin: '9000001', encryptedString: 'A B+C' };
    const url = 'https://shop/url?a=9000001&b=A+B%2BC';
    assert.deepEqual(gestpay.parseCallback(url), expected);
    assert.deepEqual(gestpay.parseCallback(new URL(url)), expected);
    assert.deepEqual(gestpay.parseCallback(new URL(url).searchParams), expected);
    assert.deepEqual(gestpay.parseCallback(Object.fromEntries(new URL(url).searchParams)), expected);
    // Decoded pairs are taken as they are, never decoded again.
    assert.equal(gestpay.parseCallback({ a: '1', b: 'A+B%2BC' }).encryptedString, 'A+B%2BC');
  });

  test('paymentPageUrl and callbackQuery round-trip any value exactly', () => {
    for (const value of values()) {
      const url = gestpay.paymentPageUrl('GES PAY+1', value);
      assert.ok(!/[ +]/.test(new URL(url).search) && /^[\x21-\x7e]*$/.test(url), url);
      const expected = { shopLogin: 'GES PAY+1', encryptedString: value };
      assert.deepEqual(gestpay.parseCallback(url), expected);
      const params = new URL(url).searchParams;
      assert.equal(params.get('b'), value);
      assert.deepEqual(gestpay.parseCallback(params), expected);
      // An RFC 3986 decoder (no `+` rule) reads the same.
      assert.equal(decodeURIComponent(new URL(url).search.split('&')[1].slice(2)), value);
      const query = gestpay.callbackQuery(expected);
      assert.deepEqual(gestpay.parseCallback(query), expected);
      assert.deepEqual(gestpay.parseCallback(new URLSearchParams(query)), expected);
    }
  });

  test('bad percent-encodings in a or b are invalid_callback, elsewhere ignored', () => {
    for (const [input, field] of [
      ['a=9000001&b=%FF%FE', 'b'],
      ['a=9000001&b=ABC%4', 'b'],
      ['a=%&b=X', 'a'],
      ['a=1&b=%G1', 'b'],
      ['a=1&b=AB%C3', 'b'],
      ['a=1&b=%ED%A0%80', 'b'],
    ]) {
      refused(() => gestpay.parseCallback(input), field);
    }
    assert.deepEqual(gestpay.parseCallback('a=1&b=X&c=%FF&%FF=1&d=%4'), { shopLogin: '1', encryptedString: 'X' });
  });
});

describe('lone surrogates', () => {
  test('in a raw URL or query: invalid_callback naming a or b; elsewhere ignored', () => {
    refused(() => gestpay.parseCallback('https://shop/ok?a=1&b=X\uD800'), 'b');
    refused(() => gestpay.parseCallback('a=\uDFFF&b=X'), 'a');
    refused(() => gestpay.parseCallback('a=1&b=\uDC00\uD800'), 'b'); // reversed pair: two lone halves
    assert.deepEqual(gestpay.parseCallback('https://shop/\uD800?a=1&b=X&c=\uDFFF#\uD800'), {
      shopLogin: '1',
      encryptedString: 'X',
    });
  });

  test('in pairs or a query object: invalid_callback naming a or b; elsewhere ignored', () => {
    refused(() => gestpay.parseCallback({ a: '1', b: 'X\uD800' }), 'b');
    refused(() => gestpay.parseCallback({ a: ['\uDC00'], b: 'X' }), 'a');
    refused(() => gestpay.parseCallback([['a', '1'], ['b', '\uD800']]), 'b');
    refused(() => gestpay.parseCallback(new Map([['a', '\uD800'], ['b', 'X']])), 'a');
    assert.deepEqual(gestpay.parseCallback({ a: '1', b: 'X', c: '\uD800', '\uD800': 'y' }), {
      shopLogin: '1',
      encryptedString: 'X',
    });
  });

  test('in paymentPageUrl: invalid_callback naming the argument', () => {
    refused(() => gestpay.paymentPageUrl('\uD800', 'X'), 'shopLogin');
    refused(() => gestpay.paymentPageUrl('1', 'X\uDFFF'), 'cryptDecryptString');
    refused(() => gestpay.paymentPageUrl('1', 'X', { paymentType: '\uD800' }), 'paymentType');
    // A well-formed pair (an astral character) is text like any other.
    assert.ok(gestpay.paymentPageUrl('1', '😀').endsWith('b=%F0%9F%98%80'));
  });

  test('in callbackQuery: invalid_callback naming the member', () => {
    refused(() => gestpay.callbackQuery({ shopLogin: '1', encryptedString: '\uD800' }), 'encryptedString');
    refused(() => gestpay.callbackQuery({ shopLogin: 'X\uDBFF', encryptedString: 'Y' }), 'shopLogin');
  });
});
