'use strict';
// Where the `gestpay` binary of this machine is: in the platform package npm installed beside
// this one (an optional dependency per platform, as napi-rs and esbuild ship native code; npm
// skips the ones whose os/cpu/libc do not match).
const { dirname, join } = require('node:path');

const PLATFORMS = require('./platforms.json');

function failure(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

/** The key of platforms.json for this process: `linux-x64-gnu`, `darwin-arm64`, … */
function platformKey() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === 'linux') {
    // glibc reports its version in the process report; musl does not.
    const header = process.report?.getReport?.().header;
    return `${base}-${header?.glibcVersionRuntime ? 'gnu' : 'musl'}`;
  }
  return process.platform === 'win32' ? `${base}-msvc` : base;
}

/** The absolute path of the `gestpay` executable of this platform. */
function binaryPath() {
  const key = platformKey();
  if (!Object.hasOwn(PLATFORMS, key)) {
    throw failure('unsupported_platform', `gestpay-cli has no binary for ${key}: build it from the gestpay repository (\`cargo install --locked --path cli\`) and set GESTPAY_BIN to its path`);
  }
  const name = `gestpay-cli-${key}`;
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), PLATFORMS[key].binary);
  } catch {
    throw failure('platform_package_missing', `the package ${name} is not installed (npm skipped the optional dependency of gestpay-cli): reinstall with optional dependencies`);
  }
}

module.exports = { binaryPath, platformKey };
