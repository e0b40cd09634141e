// ES module entry of `gestpay-wasm` for browsers and bundlers. Importing it fetches and
// instantiates gestpay_wasm_bg.wasm (next to this file, `new URL(…, import.meta.url)`) before
// the module's exports are ready (top-level await), so every function is synchronous.
//
// The API is the npm package `gestpay`'s own (bindings-node/lib/api.js, bundled into lib.js at
// build time): createApi() over this module's native functions, which have the napi addon's
// names, arguments, JSON-text boundary and error payload.
import init, * as native from './gestpay_wasm.js';
import { createApi, createClient } from './lib.js';

await init();

const api = createApi(native);
const gestpay = { ...api, GestpayClient: createClient(api) };

export const { __NAMES__ } = gestpay;

export default gestpay;
