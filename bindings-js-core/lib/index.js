// The API of the npm packages `gestpay` (napi) and `gestpay-wasm` (WebAssembly): this folder is
// its one source, bundled per package and backend by scripts/bundle.mjs (esbuild), with the
// backend as the import `#native`. The names exported here are the packages' names.
export * from './reading.js';
export * from './building.js';
export * from './errors.js';
export { GestpayClient } from './client.js';
