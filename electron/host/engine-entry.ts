/**
 * Where the engine worker lives: the built bundle when there is one (packaged
 * app, `npm start`), otherwise the TypeScript source run through tsx
 * (development, the browser bridge, tests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface EngineEntry {
  entry: string;
  execArgv: string[];
}

export const BUILT_ENGINE_WORKER = 'dist-electron/engine-worker.js';
export const SOURCE_ENGINE_WORKER = 'electron/engine/worker.ts';

export function resolveEngineEntry(projectRoot: string, prefer: 'built' | 'source' = 'built'): EngineEntry {
  const built = join(projectRoot, BUILT_ENGINE_WORKER);
  if (prefer === 'built' && existsSync(built)) return { entry: built, execArgv: [] };
  return { entry: join(projectRoot, SOURCE_ENGINE_WORKER), execArgv: ['--import', 'tsx'] };
}
