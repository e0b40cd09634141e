// ES module entry of `gestpay-wasm/read` for browsers and bundlers: the read-only module
// (gestpay_read_bg.wasm, under 300 KB), for pages that parse and show what their server hands
// them and build payment page URLs. The API is the one of `gestpay-wasm` (bindings-node/lib/api.js),
// less what needs the builders: requests, whole HTTP responses, the gateway's side, the client.
import init, * as native from './gestpay_read.js';
import { createApi } from './lib.js';

await init();

const gestpay = createApi(native);

export const { __NAMES__ } = gestpay;

export default { __NAMES__ };
