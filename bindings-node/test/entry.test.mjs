// The napi package's own entries (the shared suite, bindings-js-core/test, tests the API of
// both backends): `gestpay` loads with `require` and with `import`, both give the same objects,
// its manifest points at files that exist once `npm run build` has run, and its loader
// (native.js, over napi-rs's binding.js) names the platform package when the addon is missing.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

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

/** native.js copied into a temporary folder with this binding.js (and these other files). */
function nativeIn(files) {
  const dir = mkdtempSync(join(tmpdir(), 'gestpay-native-'));
  copyFileSync(fileURLToPath(new URL('../native.js', import.meta.url)), join(dir, 'native.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'gestpay', version: '9.8.7' }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** What napi-rs calls this machine (package.json napi.targets' names): the expected package. */
function thisTarget() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === 'linux') return `${base}-${process.report.getReport().header.glibcVersionRuntime ? 'gnu' : 'musl'}`;
  return process.platform === 'win32' ? `${base}-msvc` : base;
}

const NAPI_LOADER_ERROR = `
  const err = new Error('Cannot find native binding. npm has a bug related to optional dependencies (wasm32-wasi)');
  err.cause = new Error('Cannot find module ./gestpay.${thisTarget()}.node');
  throw err;
`;

test('native.js: a missing platform package is native_binding_missing, naming the package to install', () => {
  const dir = nativeIn({ 'binding.js': NAPI_LOADER_ERROR });
  try {
    const require = createRequire(join(dir, 'x.js'));
    let err;
    try {
      require('./native.js');
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof Error, 'it throws');
    assert.equal(err.code, 'native_binding_missing');
    const name = `gestpay-${thisTarget()}`;
    assert.equal(err.packageName, name);
    assert.ok(err.message.includes(`npm install ${name}@9.8.7`), err.message);
    assert.match(err.message, /--omit=optional/);
    assert.match(err.message, /\[native_binding_missing\]$/);
    assert.doesNotMatch(err.message, /wasm32-wasi|npm has a bug/);
    assert.match(err.cause.message, /^Cannot find native binding/, 'the loader’s own error is the cause');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('native.js: an addon that is there but does not load says so, with the loader’s reason', () => {
  const dir = nativeIn({
    'binding.js': `
      const err = new Error('Cannot find native binding. npm has a bug');
      err.cause = new Error('/x/gestpay.node: invalid ELF header');
      err.cause.cause = new Error('Cannot find module gestpay-${thisTarget()}');
      throw err;
    `,
    [`gestpay.${thisTarget()}.node`]: 'not an addon',
  });
  try {
    const require = createRequire(join(dir, 'x.js'));
    const err = (() => {
      try {
        require('./native.js');
      } catch (e) {
        return e;
      }
      return null;
    })();
    assert.equal(err.code, 'native_binding_missing');
    assert.match(err.message, /is installed but could not be loaded \(\/x\/gestpay\.node: invalid ELF header\)/);
    assert.ok(err.cause);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('native.js: a binding that loads is exported as it is; its names are package.json napi.targets', () => {
  const dir = nativeIn({ 'binding.js': 'module.exports = { loaded: 42 };\n' });
  try {
    assert.deepEqual(createRequire(join(dir, 'x.js'))('./native.js'), { loaded: 42 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // napi-rs's names of the targets (gestpay-<platform>-<arch>[-<abi>]) are native.js's list.
  const require = createRequire(import.meta.url);
  const pkg = require('../package.json');
  const platforms = { linux: 'linux', apple: 'darwin', windows: 'win32' };
  const arches = { x86_64: 'x64', aarch64: 'arm64' };
  const names = pkg.napi.targets.map((triple) => {
    const [arch, , os, abi] = triple.split('-');
    const platform = platforms[os === 'darwin' ? 'apple' : os];
    return [platform, arches[arch], platform === 'darwin' ? null : abi].filter(Boolean).join('-');
  });
  const source = readFileSync(new URL('../native.js', import.meta.url), 'utf8');
  const listed = /const TARGETS = \[([^\]]*)\]/.exec(source)[1].match(/'[^']+'/g).map((s) => s.slice(1, -1));
  assert.deepEqual(listed.sort(), names.sort());
  // The package's own entry loads through native.js.
  assert.match(readFileSync(new URL('../index.js', import.meta.url), 'utf8'), /require\("\.\/native\.js"\)/);
  assert.ok(pkg.files.includes('native.js'));
});
