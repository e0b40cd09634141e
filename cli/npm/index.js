'use strict';
// Where the `gestpay` binary of this machine is: in the platform package npm installed beside
// this one (an optional dependency per platform, as napi-rs and esbuild ship native code; npm
// skips the ones whose os/cpu/libc do not match).
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const PLATFORMS = require('./platforms.json');

function failure(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

let linuxAbiCache;

/** `gnu` or `musl`, as napi-rs tells them apart: musl's ldd says so; otherwise glibc reports
 * its version in the process report (taken without the network part, which can be slow). */
function linuxAbi() {
  if (linuxAbiCache) return linuxAbiCache;
  try {
    if (readFileSync('/usr/bin/ldd', 'latin1').includes('musl')) return (linuxAbiCache = 'musl');
  } catch {
    // no ldd to read: ask the process report
  }
  try {
    const report = process.report;
    const saved = report.excludeNetwork;
    report.excludeNetwork = true;
    try {
      linuxAbiCache = report.getReport().header.glibcVersionRuntime ? 'gnu' : 'musl';
    } finally {
      report.excludeNetwork = saved;
    }
  } catch {
    linuxAbiCache = 'gnu';
  }
  return linuxAbiCache;
}

/** The key of platforms.json for this process: `linux-x64-gnu`, `darwin-arm64`, … */
function platformKey() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === 'linux') return `${base}-${linuxAbi()}`;
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
