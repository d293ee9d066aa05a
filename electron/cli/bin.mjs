#!/usr/bin/env node
// The `forewarn` command. `npm ci` builds a bundle (dist-cli/main.js) through
// the `prepare` script, which starts fast; when that bundle is missing or older
// than the sources (a developer's checkout), the sources run through tsx, so
// the command always runs the code that is on disk.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'dist-cli', 'main.js');

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return ['electron', 'shared'].every((dir) => newestSourceMtime(join(root, dir)) <= built);
}

// FOREWARN_FROM_SOURCE=1 forces the sources; FOREWARN_FROM_SOURCE=0 forces a bundle that exists
// (benchmarks that have just built it, while files are being edited elsewhere).
const source = process.env.FOREWARN_FROM_SOURCE;
let main;
if (source !== '1' && existsSync(bundle) && (source === '0' || bundleIsFresh())) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
const code = await main(process.argv.slice(2));
// Exit once output is flushed: a cancelled scan may leave probes that would
// otherwise keep the process alive until their own timeouts.
process.stdout.write('', () => process.exit(code));
