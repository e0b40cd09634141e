// Checks the built WebAssembly modules of pkg/ (CI, scripts/test.d/50-wasm.sh):
//   - the core stays sans-IO: every import comes from the wasm-bindgen glue (the module
//     `./gestpay_wasm_bg.js` / `./gestpay_read_bg.js` with wasm-bindgen 0.2.130; `wbg` /
//     `__wbindgen_placeholder__` with other versions), never from `env` (a C or libc
//     dependency), WASI or anything else;
//   - the size: raw and gzipped; the main module (gestpay_wasm_bg.wasm, the whole surface)
//     within --max-bytes, the read-only one (gestpay_read_bg.wasm) within --max-read-bytes,
//     300 000 bytes unless told (the issue's budget for a page).
//
// Usage: node scripts/check-module.mjs [--max-bytes N] [--max-read-bytes N] [pkg-dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: expected a positive integer`);
  return value;
}
const budgets = {
  gestpay_wasm_bg: option('--max-bytes', Infinity),
  gestpay_read_bg: option('--max-read-bytes', 300000),
};
const pkg = args[0] ?? fileURLToPath(new URL('../pkg', import.meta.url));
const GLUE = new Set([
  './gestpay_wasm_bg.js',
  './gestpay_read_bg.js',
  'wbg',
  '__wbindgen_placeholder__',
  '__wbindgen_externref_xform__',
]);

let failed = false;
const checks = Object.entries(budgets).flatMap(([name, maxBytes]) => ['web', 'node'].map((dir) => [name, dir, maxBytes]));
for (const [name, dir, maxBytes] of checks) {
  const path = join(pkg, dir, `${name}.wasm`);
  const bytes = readFileSync(path);
  const module = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(module);
  const foreign = imports.filter((i) => !GLUE.has(i.module));
  const modules = [...new Set(imports.map((i) => i.module))];
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `pkg/${dir}/${name}.wasm: ${bytes.length} bytes (${kb(bytes.length)}), gzip -9 ${gzipped} bytes (${kb(gzipped)}); ` +
      `${imports.length} imports from ${modules.join(', ')}; ${WebAssembly.Module.exports(module).length} exports`,
  );
  if (foreign.length > 0) {
    failed = true;
    console.error(`  imports from outside the wasm-bindgen glue (the core must stay sans-IO):`);
    for (const i of foreign) console.error(`    ${i.module}.${i.name} (${i.kind})`);
  }
  if (bytes.length > maxBytes) {
    failed = true;
    console.error(`  ${bytes.length} bytes is over the budget of ${maxBytes} bytes`);
  }
}
if (failed) process.exit(1);
const within = Object.entries(budgets)
  .filter(([, max]) => Number.isFinite(max))
  .map(([name, max]) => `${name}.wasm within ${max} bytes`);
console.log(`imports: only the wasm-bindgen glue${within.length > 0 ? `; ${within.join(', ')}` : ''}`);
