// Checks the built WebAssembly modules of pkg/ (CI, scripts/test.d/50-wasm.sh):
//   - the core stays sans-IO: every import comes from the wasm-bindgen glue (the module
//     `./gestpay_wasm_bg.js` with wasm-bindgen 0.2.130; `wbg` / `__wbindgen_placeholder__` with
//     other versions), never from `env` (a C or libc dependency), WASI or anything else;
//   - the size: raw and gzipped, and the raw size within the budget.
//
// Usage: node scripts/check-module.mjs [--max-bytes N] [pkg-dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
let maxBytes = Infinity;
const at = args.indexOf('--max-bytes');
if (at >= 0) {
  maxBytes = Number(args[at + 1]);
  args.splice(at, 2);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new Error('--max-bytes: expected a positive integer');
}
const pkg = args[0] ?? fileURLToPath(new URL('../pkg', import.meta.url));
const GLUE = new Set(['./gestpay_wasm_bg.js', 'wbg', '__wbindgen_placeholder__', '__wbindgen_externref_xform__']);

let failed = false;
for (const dir of ['web', 'node']) {
  const path = join(pkg, dir, 'gestpay_wasm_bg.wasm');
  const bytes = readFileSync(path);
  const module = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(module);
  const foreign = imports.filter((i) => !GLUE.has(i.module));
  const modules = [...new Set(imports.map((i) => i.module))];
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `pkg/${dir}/gestpay_wasm_bg.wasm: ${bytes.length} bytes (${kb(bytes.length)}), gzip -9 ${gzipped} bytes (${kb(gzipped)}); ` +
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
console.log(`imports: only the wasm-bindgen glue${Number.isFinite(maxBytes) ? `; size within ${maxBytes} bytes` : ''}`);
