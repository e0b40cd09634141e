// Type declarations of `gestpay-wasm`: those of the npm package `gestpay` (gestpay.d.ts and
// types/messages.d.ts are copies of bindings-js-core/index.d.ts and types/messages.d.ts), named
// and default, since both packages export the same API.
export * from './gestpay.js';
import * as gestpay from './gestpay.js';
export default gestpay;
