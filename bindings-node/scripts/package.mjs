// Assembles the JavaScript side of the npm package `gestpay` in bindings-node/, after
// `napi build` has written the addon and its loader binding.js (`npm run build` runs this as
// its postbuild step). Nothing here is a second copy to maintain (all of it is gitignored):
//
//   index.js              bindings-js-core/lib/index.js (the one API of `gestpay` and
//                         `gestpay-wasm`), bundled by esbuild as CommonJS over ./native.js
//                         (committed, by hand: napi-rs's ./binding.js with an error that names
//                         the missing platform package, `native_binding_missing`)
//   index.d.ts / .d.mts   bindings-js-core/index.d.ts and index.d.mts, copied
//   types/messages.d.ts   bindings-js-core/types/messages.d.ts (generated there), copied
//   testing.js            lib/testing.mjs (`gestpay/testing`, Node only), bundled by esbuild as
//                         CommonJS; its import of `gestpay` becomes require('./index.js'), so
//                         both entries share one instance of every class
//   testing.mjs           the ES module entry of `gestpay/testing`: testing.js's own objects
// (native.js, testing.d.ts and testing.d.mts are written by hand and committed.)
//
// Usage: node scripts/package.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundle, copyShared } from '../../bindings-js-core/scripts/bundle.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const by = 'bindings-node/scripts/package.mjs';

await bundle('index.js', join(pkg, 'index.js'), 'cjs', './native.js');
for (const name of ['index.d.ts', 'index.d.mts', 'types/messages.d.ts']) {
  copyShared(name, join(pkg, name), by);
}

// esbuild is bindings-js-core's dev dependency (the one that bundles index.js above).
const esbuild = createRequire(new URL('../../bindings-js-core/package.json', import.meta.url))('esbuild');
await esbuild.build({
  entryPoints: [join(pkg, 'lib/testing.mjs')],
  outfile: join(pkg, 'testing.js'),
  format: 'cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta.url (where gestpay-cli is looked for) is this file's own URL in CommonJS too.
  define: { 'import.meta.url': '__testingUrl' },
  banner: {
    js: `// Generated from bindings-node/lib/testing.mjs by ${by} (esbuild): do not edit.\nconst __testingUrl = require('node:url').pathToFileURL(__filename).href;`,
  },
  plugins: [
    {
      name: 'gestpay-self',
      setup(build) {
        build.onResolve({ filter: /^gestpay$/ }, () => ({ path: './index.js', external: true }));
        // The argument checks (bindings-js-core/lib/args.js) are bundled in, their error
        // classes are the main entry's: one InvalidRequestError for `instanceof`.
        build.onResolve({ filter: /^\.\/errors\.js$/ }, () => ({ path: './index.js', external: true }));
      },
    },
  ],
});
writeFileSync(
  join(pkg, 'testing.mjs'),
  `// Written by ${by}: do not edit. The ES module entry of \`gestpay/testing\`: the CommonJS\n` +
    `// entry's own objects (one set of gateways and of error classes for import and require).\nexport * from './testing.js';\n`,
);
