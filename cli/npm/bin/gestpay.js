#!/usr/bin/env node
'use strict';
// `gestpay` on the PATH of npm scripts: runs the platform binary with the same arguments,
// stdio and exit status, and passes on the signals that stop it (so stopping this process
// also stops a `gestpay sandbox` it started).
const { spawn } = require('node:child_process');
const { binaryPath } = require('..');

let binary;
try {
  binary = binaryPath();
} catch (error) {
  console.error(`gestpay: ${error.message}`);
  process.exit(1);
}
const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`gestpay: cannot run ${binary}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
});
