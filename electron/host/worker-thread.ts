/**
 * Starting a worker thread from the built app or from the checkout: the
 * packaged app ships each worker as a built .js file; the browser bridge and
 * the tests run the TypeScript source through tsx. Work that would stall the
 * thread serving the window (decoding a stranger's file, laying out a PDF)
 * runs in one of these.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerFactory = () => Worker;

export interface WorkerFiles {
  /** Relative to the project root: the bundle (dist-electron/…) and its source. */
  built: string;
  source: string;
}

export function builtWorker(workerFile: string, resourceLimits?: ResourceLimits): WorkerFactory {
  return () => new Worker(workerFile, resourceLimits ? { resourceLimits } : {});
}

/** The built worker when there is one (unless `prefer: 'source'`), else its TypeScript source through tsx. */
export function projectWorker(projectRoot: string, files: WorkerFiles, options: { prefer?: 'built' | 'source'; resourceLimits?: ResourceLimits } = {}): WorkerFactory {
  const built = join(projectRoot, files.built);
  if (options.prefer !== 'source' && existsSync(built)) return builtWorker(built, options.resourceLimits);
  // require.resolve answers with the package's CommonJS build; the worker needs its ES module beside it.
  const tsxApi = createRequire(join(projectRoot, 'package.json')).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(tsxApi).href;
  const source = pathToFileURL(join(projectRoot, files.source)).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  return () => new Worker(boot, { eval: true, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
}
