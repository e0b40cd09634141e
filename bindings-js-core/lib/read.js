// The API of `gestpay-wasm/read`, over the read-only WebAssembly module (no builders).
// bindings-wasm/test/read.test.mjs checks that every other export of the full API needs one.
export * from './reading.js';
export * from './errors.js';
