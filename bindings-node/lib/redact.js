'use strict';
// Secrets stay out of logs: `util.inspect` (and so console.log) of what this package returns
// shows API keys, card data, PARes and tokens as '[redacted]', while the values themselves stay
// plain data — JSON.stringify, spreading and property access give the wire value, because a
// request must be sent and a returned token must be stored.
//
// Results and parsed requests are plain objects: every object that holds a secret member, and
// the root, get a non-enumerable `util.inspect.custom` method (invisible to JSON.stringify,
// Object.keys, spreading and assert.deepStrictEqual). HTTP messages are small classes whose
// inspection shows the body's size only.

const SECRET_FIELDS = new Set(require('./secret-fields.js'));

// The well-known symbol, so that this file needs no Node module (browsers, WASM builds).
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const REDACTED = '[redacted]';

/** A deep copy of `value` with every non-empty secret replaced by '[redacted]'. */
function redacted(value) {
  if (Array.isArray(value)) return value.map(redacted);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_FIELDS.has(key) && v !== '' && v !== undefined && v !== null ? REDACTED : redacted(v);
  }
  return out;
}

// Returning a non-string makes util.inspect format the returned value with its own options.
function inspectRedacted() {
  return redacted(this);
}

const HOOK = { value: inspectRedacted, enumerable: false, writable: true, configurable: true };

/** Adds the redacting inspect hook to `root` and to every nested object that holds a secret. */
function protect(root) {
  if (root === null || typeof root !== 'object') return root;
  Object.defineProperty(root, INSPECT, HOOK);
  const stack = [root];
  while (stack.length > 0) {
    const obj = stack.pop();
    if (Array.isArray(obj)) {
      for (const item of obj) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    let holdsSecret = false;
    for (const key in obj) {
      const v = obj[key];
      if (v !== null && typeof v === 'object') stack.push(v);
      else if (SECRET_FIELDS.has(key)) holdsSecret = true;
    }
    if (holdsSecret && obj !== root) Object.defineProperty(obj, INSPECT, HOOK);
  }
  return root;
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

module.exports = { SECRET_FIELDS, REDACTED, redacted, protect, HttpRequest, HttpResponse };
