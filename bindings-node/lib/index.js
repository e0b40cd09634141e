// The API of the npm packages `gestpay` (napi) and `gestpay-wasm` (WebAssembly): this folder is
// its one source, bundled per package and backend by scripts/bundle.mjs (esbuild). The names
// exported here are the packages' names.
export * from './api.js';
export { GestpayClient } from './client.js';
export {
  GestpayError,
  InvalidRequestError,
  MalformedResponseError,
  SoapFaultError,
  DeclinedError,
  PendingError,
  TransportError,
} from './errors.js';
