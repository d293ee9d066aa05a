/**
 * The server side of `window.forewarn`: one handler per invoke channel,
 * written once and served by both Electron's ipcMain and the browser bridge.
 * Arguments arrive already validated (see validated-invoke.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppInfo, ApiEventSink, ApiHandlers, OpenedFile, Unsubscribe } from '../../shared/ipc-contract';
import type { EngineScanRequest } from '../../shared/scan-request';
import type { RemoteSessionKind } from '../../shared/remote-sessions';
import type { UpdateStatus } from '../../shared/updates';
import type { CredentialVault } from './credential-vault';
import type { EngineHost } from './engine-host';
import type { SettingsRepository } from './settings';
import { createLibraryHandlers, type LibraryService } from './library/library-handlers';

export interface ApiServices {
  engine: EngineHost;
  settings: SettingsRepository;
  vault: CredentialVault;
  appInfo: Omit<AppInfo, 'credentialStorage' | 'storageProblems'>;
  /** Problems with the app's own files since start (see AppInfo.storageProblems). */
  storageProblems?: () => string[];
  /** Opens a URL in the system browser; only ever called with http(s) URLs. */
  openExternal: (url: string) => Promise<void>;
  /** Checks the update feed (update-check.ts); absent behind the bridge, which has nothing to update. */
  checkUpdates?: () => Promise<UpdateStatus>;
  /** The .forewarn files the OS opened the app with (opened-files.ts); absent behind the bridge, which has none. */
  takeOpenedFiles?: () => OpenedFile[];
  /** Starts an SSH or remote-desktop session in the system's client (remote-session-launch.ts); absent behind the bridge. */
  connectRemote?: (session: RemoteSessionKind, ip: string) => Promise<void>;
  newScanId?: () => string;
  /** Saved scans and reports (issue 7); without it the library channels say they are unavailable. */
  library?: LibraryService;
}

export function createApiHandlers(services: ApiServices): ApiHandlers {
  const { engine, settings, vault } = services;
  const newScanId = services.newScanId ?? randomUUID;

  return {
    'app:info': async () => ({ ...services.appInfo, credentialStorage: vault.storageMode(), storageProblems: services.storageProblems?.() ?? [] }),
    'app:open-external': async (url) => {
      if (!isWebUrl(url)) throw new Error('Only http(s) links can be opened.');
      await services.openExternal(url);
    },
    'app:take-opened-files': async () => services.takeOpenedFiles?.() ?? [],
    'app:check-updates': async () => services.checkUpdates?.() ?? { status: 'unavailable', reason: 'Updates are checked by the desktop app.' },
    'device:connect': async (session, ip) => {
      if (!services.connectRemote) throw new Error(`Remote sessions start from the desktop app; connect to ${ip} with your own client.`);
      await services.connectRemote(session, ip);
    },
    'scan:start': async (request) => {
      const scanId = newScanId();
      const current = settings.get();
      const { interfaceSampleMs, ...limits } = current.scan;
      const engineRequest: EngineScanRequest = {
        scanId,
        targets: request.targets,
        credentials: vault.resolve(request.credentialProfileIds),
        preset: request.preset,
        confirmations: request.confirmations,
        limits,
        // The user's rule thresholds and counter-sample interval reach the engine with every scan.
        thresholds: current.thresholds,
        ...(interfaceSampleMs !== undefined ? { interfaceSampleMs } : {}),
        ...(request.client !== undefined ? { client: request.client } : {}),
        ...(request.site !== undefined ? { site: request.site } : {}),
        ...(request.credentialProfileIds.length > 0 ? { credentialProfileIds: request.credentialProfileIds } : {}),
      };
      await engine.startScan(engineRequest);
      return { scanId };
    },
    'scan:cancel': (scanId) => engine.cancelScan(scanId),
    'scan:detect-targets': () => engine.detectTargets(),
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => settings.update(patch),
    'credentials:list': async () => vault.list(),
    'credentials:save': async (profile) => vault.save(profile),
    'credentials:delete': async (id) => vault.delete(id),
    'engine:status': async () => engine.status(),
    ...createLibraryHandlers(services.library, () => settings.get()),
  };
}

/** Forwards the engine's scan events and status changes to a UI transport. */
export function connectEngineEvents(engine: EngineHost, sink: ApiEventSink): Unsubscribe {
  const offEvents = engine.onScanEvent((event) => sink('scan:event', event));
  const offStatus = engine.onStatus((status) => sink('engine:status', status));
  return () => {
    offEvents();
    offStatus();
  };
}

export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
