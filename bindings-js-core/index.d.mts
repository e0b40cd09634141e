// Type declarations of the ES module entry: the same API as the CommonJS entry.
export * from './index.js';
import * as gestpay from './index.js';
export default gestpay;
