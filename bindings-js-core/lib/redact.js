// Secrets stay out of logs: `util.inspect` (and so console.log) of what this package returns
// shows API keys, card data, PARes and tokens as '[redacted]', while the values themselves stay
// plain data — JSON.stringify and property access give the wire value, because a request must
// be sent and a returned token must be stored.
//
// Parsed messages are views (lib/view.js) whose class's inspect method shows `redacted(data)`:
// nothing is done when a message is made. HTTP messages are small classes whose inspection
// shows the body's size only.
//
// What a result keeps beyond its known fields may carry anything the gateway adds, a card number
// included: unknown elements (`unknown`) show their names, their attributes' names and their
// children, never their text; kept attributes (`attributes`, `childAttributes`) show their names,
// never their values. The values stay plain data there too.

import secretFields from './secret-fields.js';

const SECRET_FIELDS = new Set(secretFields);
// The members that hold what a result keeps: names shown, values redacted.
const KEPT_FIELDS = new Set(['unknown', 'attributes', 'childAttributes']);

// The well-known symbol, so that this file needs no Node module (browsers, WASM builds).
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const REDACTED = '[redacted]';

const isObject = (v) => v !== null && typeof v === 'object';

/** An attribute kept from a document, its value redacted. */
function attributeNames(a) {
  if (!isObject(a)) return a;
  const out = { ...a };
  if ('value' in out) out.value = REDACTED;
  return out;
}

/** An unknown element: names only, its text redacted, its children likewise. */
function unknownNames(u) {
  if (!isObject(u) || Array.isArray(u)) return u;
  const out = { name: u.name };
  if (Array.isArray(u.attributes) && u.attributes.length > 0) out.attributes = u.attributes.map(attributeNames);
  if (Array.isArray(u.children) && u.children.length > 0) out.children = u.children.map(unknownNames);
  if (u.text !== undefined && u.text !== null && u.text !== '') out.text = REDACTED;
  return out;
}

/** The kept member `key` (see KEPT_FIELDS), names only. */
function keptNames(key, value) {
  if (!Array.isArray(value)) return redacted(value);
  if (key === 'unknown') return value.map(unknownNames);
  if (key === 'attributes') return value.map(attributeNames);
  return value.map((c) =>
    isObject(c) && Array.isArray(c.attributes) ? { ...c, attributes: c.attributes.map(attributeNames) } : redacted(c),
  );
}

/** A deep copy of `value` (plain data, or a message view's) with every non-empty secret
 * replaced by '[redacted]', and what a result keeps shown by its names only. */
function redacted(value, depth = 0) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.toJSON === 'function') {
    value = value.toJSON();
  }
  if (value === null || typeof value !== 'object') return value;
  // Bounded like the parsers (64 levels): a value that holds itself ends here too.
  if (depth >= 64) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redacted(item, depth + 1));
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (KEPT_FIELDS.has(key)) out[key] = keptNames(key, v);
    else if (SECRET_FIELDS.has(key) && v !== '' && v !== undefined && v !== null) out[key] = REDACTED;
    else out[key] = redacted(v, depth + 1);
  }
  return out;
}

/** What util.inspect shows of a message view of type `name`, given its data: a kept element or
 * attribute on its own shows its names only, as it does inside a result. */
function shownAs(name, data) {
  if (name === 'UnknownElement') return unknownNames(data);
  if (name === 'KeptAttribute') return attributeNames(data);
  if (name === 'ChildAttributes') return keptNames('childAttributes', [data])[0];
  return redacted(data);
}

function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function describeBody(body) {
  return `<${typeof body === 'string' ? utf8Length(body) : 0} bytes, redacted>`;
}

function labelled(label, shown, options, inspect) {
  return typeof inspect === 'function' ? `${label} ${inspect(shown, options)}` : shown;
}

/** A request to send: `fetch(request.url, request)` works as is. */
class HttpRequest {
  constructor(method, url, headers, body) {
    /** Always `POST`. */
    this.method = method;
    /** The endpoint. */
    this.url = url;
    /** `Content-Type` (and `SOAPAction` for SOAP 1.1). */
    this.headers = headers;
    /** The SOAP envelope (UTF-8 text). It holds the API key and any card data. */
    this.body = body;
  }

  [INSPECT](depth, options, inspect) {
    const shown = { method: this.method, url: this.url, headers: this.headers, body: describeBody(this.body) };
    return labelled('HttpRequest', shown, options, inspect);
  }
}

/** A response as the gateway sends it (the gateway's side: tests, emulators). */
class HttpResponse {
  constructor(status, headers, body) {
    /** 200 for a result, 500 for a SOAP fault. */
    this.status = status;
    /** `Content-Type`. */
    this.headers = headers;
    /** The SOAP envelope (UTF-8 text). It may hold tokens. */
    this.body = body;
  }

  [INSPECT](depth, options, inspect) {
    const shown = { status: this.status, headers: this.headers, body: describeBody(this.body) };
    return labelled('HttpResponse', shown, options, inspect);
  }
}

export { isObject, INSPECT, SECRET_FIELDS, KEPT_FIELDS, REDACTED, redacted, shownAs, HttpRequest, HttpResponse };
