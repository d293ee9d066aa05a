/**
 * Benchmarks time the command as users run it: the bundle `npm ci` builds
 * through `prepare`, never the tsx path a developer's edited checkout falls
 * back to (slower to start, and 50–100 MB larger). Built once per bench run,
 * then forced, so files edited meanwhile cannot switch it back.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let built: Promise<void> | null = null;

export function useShippedCli(): Promise<void> {
  built ??= promisify(execFile)('npx', ['vite', 'build', '--mode', 'cli', '--logLevel', 'warn'], { cwd: ROOT }).then(() => {
    process.env.FOREWARN_FROM_SOURCE = '0';
  });
  return built;
}
