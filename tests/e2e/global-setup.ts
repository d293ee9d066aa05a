/**
 * E2E global setup: build the renderer once (vite build → dist/renderer), so
 * every E2E test drives the same production bundle the app ships.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default function setup(): void {
  const started = Date.now();
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`vite build of the renderer failed (exit ${result.status ?? result.signal}).`);
  if (!existsSync(join(projectRoot, 'dist', 'renderer', 'index.html'))) throw new Error('vite build produced no dist/renderer/index.html.');
  console.log(`[e2e] renderer built in ${Date.now() - started} ms`);
}
