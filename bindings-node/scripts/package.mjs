// Assembles the JavaScript side of the npm package `gestpay` in bindings-node/, after
// `napi build` has written the addon and its loader binding.js (`npm run build` runs this as
// its postbuild step). Nothing here is a second copy to maintain (all of it is gitignored):
//
//   index.js              bindings-js-core/lib/index.js (the one API of `gestpay` and
//                         `gestpay-wasm`), bundled by esbuild as CommonJS over ./binding.js
//   index.d.ts / .d.mts   bindings-js-core/index.d.ts and index.d.mts, copied
//   types/messages.d.ts   bindings-js-core/types/messages.d.ts (generated there), copied
//
// Usage: node scripts/package.mjs
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundle, copyShared } from '../../bindings-js-core/scripts/bundle.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const by = 'bindings-node/scripts/package.mjs';

await bundle('index.js', join(pkg, 'index.js'), 'cjs', './binding.js');
for (const name of ['index.d.ts', 'index.d.mts', 'types/messages.d.ts']) {
  copyShared(name, join(pkg, name), by);
}
