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
  // tsx is a development dependency: without it (an install without devDependencies), an existing
  // bundle still runs, with a word that it may be older than the sources.
  const tsx = await import('tsx/esm/api').catch(() => null);
  if (tsx) {
    tsx.register();
    ({ main } = await import('./main.ts'));
  } else if (existsSync(bundle)) {
    process.stderr.write('forewarn: the sources are newer than dist-cli/main.js and tsx is not installed; running the bundle (npm run build:cli rebuilds it).\n');
    ({ main } = await import(bundle));
  } else {
    process.stderr.write('forewarn: no dist-cli/main.js and no tsx to run the sources: run npm ci (or npm run build:cli).\n');
    process.exit(1);
  }
}
const code = await main(process.argv.slice(2));
// Exit once output is flushed: a cancelled scan may leave probes that would
// otherwise keep the process alive until their own timeouts.
process.stdout.write('', () => process.exit(code));
