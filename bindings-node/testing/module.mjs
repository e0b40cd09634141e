// The one place the suite loads the package from, so the same files test the WASM build:
//   node --test test/                          → this package (../index.mjs, the napi addon)
//   GESTPAY_TEST_WASM=1 node --test test/      → the WASM build, at GESTPAY_WASM_MODULE or
//                                               ../../bindings-wasm/pkg/node/index.mjs
// (as lightningcss does with TEST_WASM). Both must export the same names and shapes.
import { pathToFileURL } from 'node:url';

export const isWasm = process.env.GESTPAY_TEST_WASM === '1';

const target = isWasm
  ? process.env.GESTPAY_WASM_MODULE
    ? pathToFileURL(process.env.GESTPAY_WASM_MODULE).href
    : new URL('../../bindings-wasm/pkg/node/index.mjs', import.meta.url).href
  : new URL('../index.mjs', import.meta.url).href;

const gestpay = await import(target);

export default gestpay.default ?? gestpay;
