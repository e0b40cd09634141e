// ES module entry of `gestpay-wasm/read` for Node: the read-only module (gestpay_read_bg.wasm),
// with the API of the browser entry of the same name.
import './node-v8.mjs';

import { createRequire } from 'node:module';

import { createApi } from './lib.mjs';

const native = createRequire(import.meta.url)('./gestpay_read.js');

const gestpay = createApi(native);

export const { __NAMES__ } = gestpay;

export default { __NAMES__ };
