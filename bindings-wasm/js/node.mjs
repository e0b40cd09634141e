// ES module entry of `gestpay-wasm` for Node (`wasm-bindgen --target nodejs`: the CommonJS glue
// reads gestpay_wasm_bg.wasm synchronously). The same API as the browser entry and as the npm
// package `gestpay` (bindings-node/lib/api.js, bundled into lib.mjs at build time).
import './node-v8.mjs';

import { createRequire } from 'node:module';

import { createApi, createClient } from './lib.mjs';

const native = createRequire(import.meta.url)('./gestpay_wasm.js');

const api = createApi(native);
const gestpay = { ...api, GestpayClient: createClient(api) };

export const { __NAMES__ } = gestpay;

export default gestpay;
