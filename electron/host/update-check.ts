/**
 * Checks the MSP's update feed (electron-builder's "generic" provider: an
 * HTTPS folder with latest.yml and the installers) through electron-updater,
 * which the main side injects; plain Node here, so it is tested with a fake.
 * A newer build downloads in the background and installs when the app quits:
 * a technician mid-scan is never restarted.
 */
import type { UpdateStatus } from '../../shared/updates';
import type { HostLogger } from './engine-host';

/** The part of electron-updater's autoUpdater this uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
}

export interface UpdateCheckDeps {
  /** Loads electron-updater (only when a check runs: it is not needed to start). */
  load: () => Promise<Updater>;
  feedUrl: () => string | undefined;
  /** A packaged build: development builds have nothing to update. */
  isPackaged: boolean;
  currentVersion: string;
  log: HostLogger;
}

export function createUpdateCheck(deps: UpdateCheckDeps): () => Promise<UpdateStatus> {
  return async () => {
    const url = deps.feedUrl();
    if (!url) return { status: 'not-configured' };
    if (!deps.isPackaged) return { status: 'unavailable', reason: 'This is a development build: updates are checked by installed builds only.' };
    try {
      const updater = await deps.load();
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.setFeedURL({ provider: 'generic', url });
      const result = await updater.checkForUpdates();
      const version = result?.updateInfo.version ?? deps.currentVersion;
      const status: UpdateStatus = result?.isUpdateAvailable ? { status: 'available', version } : { status: 'up-to-date', version: deps.currentVersion };
      deps.log('info', `update check at ${url}: ${status.status}${status.status === 'available' ? ` ${version}` : ''}`);
      return status;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log('warn', `update check at ${url} failed: ${message}`);
      return { status: 'failed', message };
    }
  };
}
