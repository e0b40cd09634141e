// Type declarations of the ES module entry of `gestpay/testing`: the same API as the CommonJS
// entry (testing.d.ts, with the doc comments).
export * from './testing.js';
