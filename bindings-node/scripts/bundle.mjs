// Bundles the one JS API (lib/, ES modules) with esbuild, for a package and a backend: the
// import `#native` (lib/call.js, reading.js, building.js) becomes an import of the backend's module, left as it is.
//   node scripts/bundle.mjs    → index.js: the CommonJS entry of `gestpay` over ./binding.js
// bindings-wasm/scripts/package.mjs calls bundle() for the ES modules of `gestpay-wasm`.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as esbuild from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/**
 * lib/`entry` into `outfile` as `format` ('cjs' or 'esm'), with `#native` imported from
 * `native` (a path relative to `outfile`). An ES module also has all of its names as its
 * default export (`import gestpay from 'gestpay-wasm'`), as `gestpay`'s CommonJS exports are.
 */
export async function bundle(entry, outfile, format, native) {
  const lib = join(pkg, 'lib');
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
    banner: { js: `// Generated from bindings-node/lib/${entry} by bindings-node/scripts/bundle.mjs (esbuild): do not edit.` },
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundle('index.js', join(pkg, 'index.js'), 'cjs', './binding.js');
}
