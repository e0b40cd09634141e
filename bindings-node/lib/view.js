// Parsed messages are views on the core's own value, which the native side holds (its `Held`
// class): a parse converts nothing to JS. The first field read of a message brings its level
// across in one native call (its fields, nested messages as handles, not read), and each field
// is converted once (the view keeps it); a nested message's level crosses when it is read.
//
// A view behaves as a frozen plain object of the core's JSON shape: its keys are the fields
// that hold a value (Object.keys, spreading, `in`, for…in, assert.deepEqual all see them), a
// nested message is a view on the same value, a list a frozen array. It is a Proxy over an
// empty object, so nothing is stored where util.inspect would look without asking: inspect
// (console.log) calls the view's own method, which shows its data with secrets redacted.
// `toJSON()` gives the whole value as plain data in one native call (JSON.stringify uses it).
// What a Proxy cannot be is cloned (structuredClone, postMessage): clone `view.toJSON()`.

import { shownAs, INSPECT } from './redact.js';

/** The views over one native module: `createViews(native)`. */
function createViews(native) {
  // view (the proxy) → its state; target (what util.inspect unwraps a proxy to) → its state.
  const states = new WeakMap();

  function toJSON() {
    return JSON.parse(states.get(this).held.toJson());
  }

  function inspectView(depth, options, inspect) {
    const { held } = states.get(this);
    const shown = shownAs(held.typeName, JSON.parse(held.toJson()));
    return typeof inspect === 'function' ? `${held.typeName} ${inspect(shown, options)}` : shown;
  }

  const frozen = () => {
    throw new TypeError('a parsed message is read-only: build a new one from view.toJSON()');
  };

  /** The field `key` (one of `state.keys`) of a view, converted once. */
  function read(state, key) {
    state.cache ??= new Map();
    let value = state.cache.get(key);
    if (value === undefined && !state.cache.has(key)) {
      if (state.level === undefined) state.level = state.held.fields();
      value = wrap(state.level[keysOf(state).get(key)]);
      state.cache.set(key, value);
    }
    return value;
  }

  /** Each key's place in the level, brought across at the first look at the view's keys. */
  function keysOf(state) {
    if (state.keys === undefined) state.keys = new Map(state.held.keys.map((key, i) => [key, i]));
    return state.keys;
  }

  const handler = {
    get(target, key, receiver) {
      if (typeof key !== 'string') return key === INSPECT ? inspectView : Reflect.get(target, key, receiver);
      const state = states.get(target);
      if (keysOf(state).has(key)) return read(state, key);
      return key === 'toJSON' ? toJSON : Reflect.get(target, key, receiver);
    },
    has: (target, key) => keysOf(states.get(target)).has(key) || Reflect.has(target, key),
    ownKeys: (target) => [...keysOf(states.get(target)).keys()],
    getOwnPropertyDescriptor(target, key) {
      const state = states.get(target);
      if (typeof key !== 'string' || !keysOf(state).has(key)) return undefined;
      return { value: read(state, key), writable: false, enumerable: true, configurable: true };
    },
    set: frozen,
    defineProperty: frozen,
    deleteProperty: frozen,
    setPrototypeOf: frozen,
    preventExtensions: frozen,
  };

  function wrap(value) {
    if (value instanceof native.Held) return view(value);
    if (Array.isArray(value)) return Object.freeze(value.map(wrap));
    return value;
  }

  /** The view of a held value (`null` stays `null`). */
  function view(held) {
    if (held === null || held === undefined) return null;
    const target = {};
    // What util.inspect finds on the target it unwraps the proxy to (never a field's value).
    Object.defineProperty(target, INSPECT, { value: inspectView, configurable: true });
    // Each part crosses or is made when first needed: a parse alone brings nothing across.
    const state = { held, keys: undefined, level: undefined, cache: undefined };
    const proxy = new Proxy(target, handler);
    states.set(target, state);
    states.set(proxy, state);
    return proxy;
  }

  const heldOf = (value) => states.get(value)?.held;

  /** `value instanceof Message`: a parsed message (a view). */
  class Message {
    constructor() {
      throw new TypeError('messages are made by the parse functions');
    }

    static [Symbol.hasInstance](value) {
      return states.has(value) && states.get(value).held instanceof native.Held;
    }
  }

  return { Message, view, heldOf };
}

export { createViews };
