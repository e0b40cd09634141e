// Parsed messages are views on the core's own value, which the native side holds (its `Held`
// class): a parse converts nothing to JS. The first field read of a message brings its level
// across in one native call (its fields, nested messages as handles, not read), and each field
// is converted once (the view keeps it); a nested message's level crosses when it is read.
//
// A view behaves as a frozen plain object of the core's JSON shape: its keys are the fields
// that hold a value (Object.keys, spreading, `in`, for…in, assert.deepEqual all see them), a
// nested message is a view on the same value, a list a frozen array. It is a Proxy over an
// object whose only content is a private field, so nothing is stored where util.inspect would
// look without asking: inspect (console.log) calls the view's own method, which shows its data
// with secrets redacted.
// `toJSON()` gives the whole value as plain data in one native call (JSON.stringify uses it).
// What a Proxy cannot be is cloned (structuredClone, postMessage): clone `view.toJSON()`.

import { isObject, shownAs, INSPECT } from './redact.js';

/** The views over one native module: `createViews(native)`. */
function createViews(native) {
  // A view's state, kept in a private field of its proxy's target: nothing that util.inspect
  // (which unwraps a proxy to its target) or anything else outside this file can read. The
  // symbol reads it, on the target or through the proxy (module-private, so no user key).
  const STATE = Symbol('gestpay view state');

  class Target {
    #state;

    constructor(held) {
      // Each part crosses or is made when first needed: a parse alone brings nothing across.
      this.#state = { held, keys: undefined, level: undefined, cache: undefined };
    }

    get [STATE]() {
      return this.#state;
    }

    /** What util.inspect (console.log) shows: the data with its secrets redacted. */
    [INSPECT](depth, options, inspect) {
      const { held } = this[STATE];
      const shown = shownAs(held.typeName, JSON.parse(held.toJson()));
      return typeof inspect === 'function' ? `${held.typeName} ${inspect(shown, options)}` : shown;
    }
  }

  function toJSON() {
    return JSON.parse(this[STATE].held.toJson());
  }

  const frozen = () => {
    throw new TypeError('a parsed message is read-only: build a new one from view.toJSON()');
  };

  /** The field `key` (one of the view's keys) of a view, converted once. */
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
    get(target, key) {
      if (typeof key !== 'string') return Reflect.get(target, key);
      const state = target[STATE];
      if (keysOf(state).has(key)) return read(state, key);
      return key === 'toJSON' ? toJSON : Reflect.get(Object.prototype, key);
    },
    has: (target, key) => keysOf(target[STATE]).has(key) || Reflect.has(Object.prototype, key),
    ownKeys: (target) => [...keysOf(target[STATE]).keys()],
    getOwnPropertyDescriptor(target, key) {
      const state = target[STATE];
      if (typeof key !== 'string' || !keysOf(state).has(key)) return undefined;
      return { value: read(state, key), writable: false, enumerable: true, configurable: true };
    },
    // A view reads as a plain object (assert.deepStrictEqual compares prototypes too).
    getPrototypeOf: () => Object.prototype,
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
    return new Proxy(new Target(held), handler);
  }

  const heldOf = (value) => (isObject(value) ? value[STATE]?.held : undefined);

  /** `value instanceof Message`: a parsed message (a view). */
  class Message {
    constructor() {
      throw new TypeError('messages are made by the parse functions');
    }

    static [Symbol.hasInstance](value) {
      return heldOf(value) instanceof native.Held;
    }
  }

  return { Message, view, heldOf };
}

export { createViews };
