/**
 * Composition root of the browser bridge: the same host pieces as Electron
 * main (EngineHost, API handlers, settings, credential vault) in plain Node,
 * with in-memory settings and credentials, behind the HTTP/SSE server.
 * Used by `start.ts` (development) and in-process by the E2E tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CredentialProfile } from '../../shared/credentials';
import type { UnsavedScan } from '../../shared/ipc-contract';
import { connectEngineEvents, createApiHandlers } from '../host/api-handlers';
import { createMemoryCredentialVault, type CredentialVault } from '../host/credential-vault';
import { resolveEngineEntry } from '../host/engine-entry';
import { EngineHost, type HostLogger } from '../host/engine-host';
import { createNodeEngineProcess } from '../host/engine-process';
import { createMemorySettingsRepository } from '../host/settings';
import { createJsonFileKeyValueStore } from '../host/library/key-value-store';
import { setUpLibrary } from '../host/library/setup';
import { projectDecoder } from '../host/library/decode-off-thread';
import { projectReportRenderer } from '../host/library/report-off-thread';
import { ENGINE_VERSION } from '../engine/version';
import { startBridgeServer, type BridgeServer } from './server';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_STATIC_DIR = join(PROJECT_ROOT, 'dist', 'renderer');

/** The lab's agents answer `public`; a fresh bridge can scan them without setup. */
export const DEFAULT_CREDENTIAL_PROFILE: CredentialProfile = {
  id: 'public',
  name: 'Default (public)',
  credentials: { communities: ['public'], v3Users: [] },
};

export interface BridgeAppOptions {
  port?: number;
  staticDir?: string;
  /** Wraps the engine process, e.g. ['ip', 'netns', 'exec', 'fw-tech'] to keep scans inside the lab. */
  engineCommandPrefix?: string[];
  /** Run the TypeScript engine through tsx (default) or the built dist-electron bundle. */
  engineBuild?: 'source' | 'built';
  engineStdio?: 'inherit' | 'ignore';
  log?: HostLogger;
  /** Where saved scans live; default: $FOREWARN_DATA_DIR, else a fresh temporary folder. */
  dataDir?: string;
  /** First wait before a failed save is retried (tests make it short). */
  saveRetryBaseMs?: number;
  /** The credential vault; default: session-only, with the lab's `public` profile. */
  vault?: CredentialVault;
  /** Problems with stored data to report in Settings (the app collects them at start). */
  storageProblems?: () => string[];
}

export interface BridgeApp {
  server: BridgeServer;
  engine: EngineHost;
  close(): Promise<void>;
}

export async function startBridgeApp(options: BridgeAppOptions = {}): Promise<BridgeApp> {
  const log = options.log ?? (() => {});
  const settings = createMemorySettingsRepository();
  const vault = options.vault ?? createMemoryCredentialVault();
  if (!options.vault) vault.save(DEFAULT_CREDENTIAL_PROFILE);

  const { entry, execArgv } = resolveEngineEntry(PROJECT_ROOT, options.engineBuild === 'built' ? 'built' : 'source');
  const engine = new EngineHost({
    createProcess: () =>
      createNodeEngineProcess({
        entry,
        execArgv,
        cwd: PROJECT_ROOT,
        stdio: options.engineStdio ?? 'inherit',
        ...(options.engineCommandPrefix?.length ? { commandPrefix: options.engineCommandPrefix } : {}),
      }),
    log,
  });

  const dataDir = options.dataDir ?? process.env.FOREWARN_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'forewarn-bridge-'));
  // The server (and its event sink) starts after the library: unsaved-scan news waits for it.
  let pushUnsaved: (unsaved: UnsavedScan[]) => void = () => {};
  const library = setUpLibrary({
    dataDir,
    index: createJsonFileKeyValueStore(join(dataDir, 'library-index.json')),
    engine,
    generatorVersion: ENGINE_VERSION,
    log,
    onUnsavedChange: (unsaved) => pushUnsaved(unsaved),
    decodeImport: projectDecoder(PROJECT_ROOT, options.engineBuild === 'built' ? {} : { prefer: 'source' }),
    renderPdf: projectReportRenderer(PROJECT_ROOT, options.engineBuild === 'built' ? {} : { prefer: 'source' }),
    ...(options.saveRetryBaseMs !== undefined ? { retryBaseMs: options.saveRetryBaseMs } : {}),
  });

  const handlers = createApiHandlers({
    engine,
    settings,
    vault,
    library: library.service,
    appInfo: { name: 'Forewarn', version: ENGINE_VERSION, platform: process.platform, shell: 'browser' },
    ...(options.storageProblems ? { storageProblems: options.storageProblems } : {}),
    openExternal: async (url) => {
      // Headless bridge: there is no system browser to hand the link to.
      throw new Error(`Links cannot be opened from the browser bridge; open ${url} yourself.`);
    },
  });

  const server = await startBridgeServer({
    staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    handlers,
    ...(options.port !== undefined ? { port: options.port } : {}),
    log: (message) => log('warn', message),
  });
  const disconnect = connectEngineEvents(engine, server.sink);
  pushUnsaved = (unsaved) => server.sink('library:unsaved', unsaved);

  return {
    server,
    engine,
    async close() {
      disconnect();
      await engine.stop();
      await library.recorder.flush();
      library.recorder.stop();
      await server.close();
    },
  };
}
