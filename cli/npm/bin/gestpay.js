#!/usr/bin/env node
'use strict';
// `gestpay` on the PATH of npm scripts: runs the platform binary with the same arguments,
// stdio and exit status, and passes on the signals that stop it (so stopping this process
// also stops a `gestpay sandbox` it started).
const { spawn } = require('node:child_process');
const { constants } = require('node:os');
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
  // On Windows the console gives Ctrl-C to the child itself (kill() would terminate it at
  // once): only keep this process alive until the child has stopped.
  process.on(signal, () => process.platform !== 'win32' && child.kill(signal));
}
child.on('error', (error) => {
  console.error(`gestpay: cannot run ${binary}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  // A child ended by a signal: the shell's convention, 128 + its number (re-raising it here
  // would not work for the signals Node handles itself, SIGPIPE and SIGUSR1).
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
