// Walks the shared golden corpus (tests/fixtures/<service>/<operation>/<case>.<kind>); see
// tests/fixtures/README.md for the file kinds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

/** Every case: { service, operation, name, files: { kind: path } }, in a stable order. */
export function cases() {
  const out = [];
  for (const service of readdirSync(FIXTURES).sort()) {
    const serviceDir = join(FIXTURES, service);
    if (!statSync(serviceDir).isDirectory()) continue;
    for (const operation of readdirSync(serviceDir).sort()) {
      const opDir = join(serviceDir, operation);
      if (!statSync(opDir).isDirectory()) continue;
      const byName = new Map();
      for (const file of readdirSync(opDir).sort()) {
        const dot = file.indexOf('.');
        if (dot < 0) continue;
        const name = file.slice(0, dot);
        if (!byName.has(name)) byName.set(name, {});
        byName.get(name)[file.slice(dot + 1)] = join(opDir, file);
      }
      for (const [name, files] of byName) out.push({ service, operation, name, files });
    }
  }
  return out;
}

export const readBytes = (path) => readFileSync(path);
export const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** A JSON copy (drops what JSON does not carry: the redaction hooks, undefined members). */
export const plain = (value) => JSON.parse(JSON.stringify(value));
