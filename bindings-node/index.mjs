// ES module entry of `gestpay`: the CommonJS entry's own objects (one instance of the native
// addon and of every class, so `instanceof` works across `import` and `require`).
export * from './index.js';
export { default } from './index.js';
