// Bundles the one JS API (lib/, ES modules) with esbuild, for a package and a backend: the
// import `#native` (lib/call.js, reading.js, building.js) becomes an import of the backend's module, left as it is.
// Each backend's packaging script calls bundle(): bindings-node/scripts/package.mjs for the
// CommonJS entry of `gestpay`, bindings-wasm/scripts/package.mjs for the ES modules of `gestpay-wasm`;
// both copy the shared declarations into their package with copyShared().
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const core = fileURLToPath(new URL('..', import.meta.url));
const lib = join(core, 'lib');

/**
 * lib/`entry` into `outfile` as `format` ('cjs' or 'esm'), with `#native` imported from
 * `native` (a path relative to `outfile`). An ES module also has all of its names as its
 * default export (`import gestpay from 'gestpay-wasm'`), as `gestpay`'s CommonJS exports are
 * (and as their `default` member, for compiled TypeScript).
 */
export async function bundle(entry, outfile, format, native) {
  const withDefault = `import * as api from './${entry}';\nexport * from './${entry}';\nexport default { ...api };\n`;
  await esbuild.build({
    ...(format === 'esm'
      ? { stdin: { contents: withDefault, resolveDir: lib, sourcefile: 'entry.js' } }
      : { entryPoints: [join(lib, entry)] }),
    outfile,
    format,
    bundle: true,
    platform: format === 'cjs' ? 'node' : 'neutral',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: `// Generated from bindings-js-core/lib/${entry} by bindings-js-core/scripts/bundle.mjs (esbuild): do not edit.` },
    // CommonJS marked as an ES module (`__esModule`) gets a `default` too: TypeScript's
    // `import gestpay from 'gestpay'` compiled to CommonJS reads `require('gestpay').default`.
    ...(format === 'cjs' ? { footer: { js: "Object.defineProperty(module.exports, 'default', { value: module.exports });" } } : {}),
    plugins: [
      {
        name: 'native',
        setup(build) {
          build.onResolve({ filter: /^#native$/ }, () => ({ path: native, external: true }));
        },
      },
    ],
  });
}

/**
 * Copies bindings-js-core/`name` (index.d.ts, types/messages.d.ts, …) to `dest`, `edit`ed, under
 * a first line that says so: a published package must hold its declarations, and they are
 * written at every build from the one source here, never edited in the package.
 */
export function copyShared(name, dest, by, edit = (text) => text) {
  mkdirSync(dirname(dest), { recursive: true });
  const text = edit(readFileSync(join(core, name), 'utf8'));
  writeFileSync(dest, `// Copied from bindings-js-core/${name} by ${by}: do not edit.\n${text}`);
}
