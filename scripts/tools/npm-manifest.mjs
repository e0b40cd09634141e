// Edits the package.json of a package staged by scripts/dist (never one of the repository's):
//
//   node npm-manifest.mjs stamp DIR VERSION [--optional NAME ...] [--drop-file PATTERN ...]
//       sets "version" to the workspace's, adds each NAME as an optional dependency of that
//       version (the platform packages, the way napi-rs's pre-publish step does), removes
//       PATTERN from "files" (the main package of a native addon carries no binary) and adds
//       the licence files to "files"
//   node npm-manifest.mjs platform DIR NAME VERSION KEY PLATFORMS_JSON DESCRIPTION
//       writes the package.json of the platform package NAME for KEY of PLATFORMS_JSON
//       (cli/npm/platforms.json): os, cpu, libc, the binary as its only file
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [command, dir, ...rest] = process.argv.slice(2);
const manifestPath = join(dir ?? '.', 'package.json');
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const LICENCES = ['LICENSE-MIT', 'LICENSE-APACHE'];
const write = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function stamp([version, ...flags]) {
  const manifest = read(manifestPath);
  manifest.version = version;
  for (let i = 0; i < flags.length; i += 2) {
    const [flag, value] = [flags[i], flags[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--optional') {
      manifest.optionalDependencies = { ...manifest.optionalDependencies, [value]: version };
    } else if (flag === '--drop-file') {
      manifest.files = (manifest.files ?? []).filter((file) => file !== value);
    } else {
      throw new Error(`unknown flag ${flag}`);
    }
  }
  // npm always packs a README and a LICENSE, but not LICENSE-MIT / LICENSE-APACHE: list them.
  if (manifest.files) {
    for (const name of LICENCES) if (!manifest.files.includes(name)) manifest.files.push(name);
  }
  write(manifestPath, manifest);
}

function platform([name, version, key, platformsPath, description]) {
  const entry = read(platformsPath)[key];
  if (!entry || key === '//') throw new Error(`${key} is not in ${platformsPath}`);
  write(manifestPath, {
    name,
    version,
    description,
    license: 'MIT OR Apache-2.0',
    os: [entry.os],
    cpu: [entry.cpu],
    ...(entry.libc ? { libc: [entry.libc] } : {}),
    files: [entry.binary, ...LICENCES],
    preferUnplugged: true,
  });
}

if (command === 'stamp') stamp(rest);
else if (command === 'platform') platform(rest);
else {
  console.error('usage: npm-manifest.mjs stamp|platform DIR ...');
  process.exit(2);
}
