// A small static server on 127.0.0.1 for the browser example and its test: serves the
// repository's bindings-wasm/ (the page, the built package) and tests/fixtures/ (the sample the
// page can load), with the MIME types module scripts and WebAssembly streaming need. Nothing
// else of the repository is served. With GESTPAY_WASM_PACKAGE=DIR (an installed gestpay-wasm,
// e.g. node_modules/gestpay-wasm from the packed tarball: the clean-room test) the page's
// package path, /bindings-wasm/pkg/, is served from DIR instead of the build folder.
//
//   node bindings-wasm/test/serve.mjs [port]   → http://127.0.0.1:8000/bindings-wasm/examples/browser/
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVED = ['bindings-wasm/', 'tests/fixtures/'];
const PKG = join('bindings-wasm', 'pkg') + sep;
export const PACKAGE = process.env.GESTPAY_WASM_PACKAGE || join(ROOT, PKG);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/** The file a URL path names, or null when it is outside what is served. */
function fileOf(pathname) {
  let path;
  try {
    path = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  } catch {
    return null;
  }
  if (path.split(sep).includes('..') || !SERVED.some((dir) => path.startsWith(dir))) return null;
  if (path.split(sep).includes('node_modules')) return null;
  let file = path.startsWith(PKG) ? join(PACKAGE, path.slice(PKG.length)) : join(ROOT, path);
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Starts the server; resolves to { url, close }. */
export function serve(port = 0) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileOf(url.pathname) : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(done);
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.argv[2] ?? 8000));
  console.log(`serving on ${url}/bindings-wasm/examples/browser/ (Ctrl-C to stop)`);
}
