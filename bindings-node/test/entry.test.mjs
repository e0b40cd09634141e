// The napi package's own entries (the shared suite, bindings-js-core/test, tests the API of
// both backends): `gestpay` loads with `require` and with `import`, both give the same objects,
// and its manifest points at files that exist once `npm run build` has run.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

test('require and import export the same names and the same objects', async () => {
  const require = createRequire(import.meta.url);
  const cjs = require('gestpay');
  const esm = await import('gestpay');
  const names = Object.keys(cjs).sort();
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), names);
  for (const name of names) assert.equal(esm[name], cjs[name], name);
  assert.equal(esm.default, cjs);
  // TypeScript's `import gestpay from 'gestpay'` compiled to CommonJS reads `.default`.
  assert.equal(cjs.default, cjs);
  const err = (() => {
    try {
      cjs.buildRequest('Encrypt', {});
    } catch (e) {
      return e;
    }
    return null;
  })();
  assert.ok(err instanceof esm.InvalidRequestError);
});

test('the package manifest points at what exists', async () => {
  const require = createRequire(import.meta.url);
  const pkg = require('../package.json');
  assert.equal(pkg.name, 'gestpay');
  for (const entry of ['.', './testing']) {
    const { import: esm, require: cjs } = pkg.exports[entry];
    for (const file of [esm.default, esm.types, cjs.default, cjs.types]) {
      assert.doesNotThrow(() => require.resolve(`../${file}`), file);
      assert.ok(pkg.files.includes(file.slice(2)), `${file} is in files`);
    }
  }
  for (const file of [pkg.main, pkg.types]) assert.doesNotThrow(() => require.resolve(`../${file}`), file);
});
