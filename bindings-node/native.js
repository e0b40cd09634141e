// The native addon of `gestpay`, as index.js loads it (scripts/package.mjs bundles index.js
// over this file, not over binding.js). Written by hand and committed; binding.js is napi-rs's
// generated loader. When the addon does not load (typically: `npm install --omit=optional`, or a
// lockfile made on another platform, left out the platform package such as
// `gestpay-linux-x64-gnu`), napi-rs's own message talks of an npm bug and of wasm32-wasi; this
// one names the package this machine needs and how to install it. The error has
// `code: 'native_binding_missing'` and the loader's error as `cause`. CommonJS, Node built-ins
// only: the package's classes (GestpayError) are not loaded yet at this point.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

// napi-rs's names of package.json's napi.targets (test/entry.test.mjs checks they match):
// `gestpay-<platform>-<arch>[-<abi>]` for the package, `gestpay.<same>.node` for the addon.
const TARGETS = [
  'linux-x64-gnu',
  'linux-arm64-gnu',
  'linux-x64-musl',
  'linux-arm64-musl',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64-msvc',
];

/** glibc or musl, from the process report (what napi-rs's loader also reads). */
function linuxAbi() {
  try {
    const report = process.report;
    const saved = report.excludeNetwork;
    report.excludeNetwork = true;
    try {
      return report.getReport().header.glibcVersionRuntime ? 'gnu' : 'musl';
    } finally {
      report.excludeNetwork = saved;
    }
  } catch {
    return 'gnu';
  }
}

/** This machine's target, as napi-rs names it (`linux-x64-gnu`, `darwin-arm64`, `win32-x64-msvc`). */
function target() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === 'linux') return `${base}-${linuxAbi()}`;
  if (process.platform === 'win32') return `${base}-msvc`;
  return base;
}

function version() {
  try {
    return require('./package.json').version;
  } catch {
    return undefined;
  }
}

/** Whether the addon of `name` is there (beside this file, or its package resolvable). */
function present(name, triple) {
  if (existsSync(join(__dirname, `gestpay.${triple}.node`))) return true;
  try {
    require.resolve(name, { paths: [__dirname] });
    return true;
  } catch {
    return false;
  }
}

/** The first line of the first error in the loader's chain (`cause`, `cause.cause`, …) that
 * says more than "Cannot find module …" (e.g. an ELF or symbol error). */
function reason(cause) {
  for (let err = cause, depth = 0; err && depth < 32; err = err.cause, depth++) {
    let text;
    try {
      text = String(typeof err.message === 'string' ? err.message : err).split('\n')[0];
    } catch {
      continue;
    }
    if (text && !/^Cannot find (module|native binding)/.test(text)) return text.slice(0, 300);
  }
  return undefined;
}

function missing(cause) {
  const triple = target();
  const name = `gestpay-${triple}`;
  const at = version() ? `${name}@${version()}` : name;
  let message;
  if (!TARGETS.includes(triple)) {
    message =
      `gestpay: no prebuilt native addon for this platform (${triple}; there are: ${TARGETS.join(', ')}): ` +
      'build it from source (bindings-node/ in the gestpay repository: `npm run build`)';
  } else if (present(name, triple)) {
    const why = reason(cause);
    message =
      `gestpay: the native addon for this machine (${name}) is installed but could not be loaded ` +
      `(${why ?? 'see the cause'}): reinstall it with \`npm install ${at}\``;
  } else {
    message =
      `gestpay: the native addon for this machine is missing: install its package, \`npm install ${at}\` ` +
      '(npm leaves it out with --omit=optional or --no-optional, or with a lockfile made on another ' +
      'platform: reinstall without them)';
  }
  const err = new Error(`${message} [native_binding_missing]`, { cause });
  err.code = 'native_binding_missing';
  err.packageName = name;
  return err;
}

let binding;
try {
  binding = require('./binding.js');
} catch (err) {
  throw missing(err);
}
module.exports = binding;
