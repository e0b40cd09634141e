// The one place the suite loads the package from, so the same files test both backends
// (the commands run in bindings-js-core/; the paths are relative to this file):
//   node --test test/                          → the napi package `gestpay`
//                                               (../../bindings-node/index.mjs, once built)
//   GESTPAY_TEST_WASM=1 node --test test/      → the WASM build, at GESTPAY_WASM_MODULE or
//                                               ../../bindings-wasm/pkg/node/index.mjs
// (as lightningcss does with TEST_WASM). Both must export the same names and shapes.
import { pathToFileURL } from 'node:url';

export const isWasm = process.env.GESTPAY_TEST_WASM === '1';

const target = isWasm
  ? process.env.GESTPAY_WASM_MODULE
    ? pathToFileURL(process.env.GESTPAY_WASM_MODULE).href
    : new URL('../../bindings-wasm/pkg/node/index.mjs', import.meta.url).href
  : new URL('../../bindings-node/index.mjs', import.meta.url).href;

const gestpay = await import(target);

export default gestpay.default ?? gestpay;
