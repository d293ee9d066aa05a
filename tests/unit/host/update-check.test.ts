import { describe, expect, it, vi } from 'vitest';
import { createUpdateCheck, type Updater } from '../../../electron/host/update-check';
import { PublicSettingsSchema, DEFAULT_SETTINGS } from '../../../shared/settings';
import { updateStatusText } from '../../../shared/updates';

function fakeUpdater(result: Awaited<ReturnType<Updater['checkForUpdates']>> | Error): Updater & { feeds: unknown[] } {
  const feeds: unknown[] = [];
  return {
    feeds,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: (options) => void feeds.push(options),
    checkForUpdates: async () => {
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const FEED = 'https://updates.example.com/forewarn/';
const deps = (updater: Updater, over: Partial<Parameters<typeof createUpdateCheck>[0]> = {}) => ({
  load: async () => updater,
  feedUrl: () => FEED,
  isPackaged: true,
  currentVersion: '1.2.0',
  log: vi.fn(),
  ...over,
});

describe('update checks (electron/host/update-check.ts)', () => {
  it('asks the generic feed set in Settings, and lets a newer build download and install on quit', async () => {
    const updater = fakeUpdater({ isUpdateAvailable: true, updateInfo: { version: '1.3.0' } });
    const result = await createUpdateCheck(deps(updater))();
    expect(result).toEqual({ status: 'available', version: '1.3.0' });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    expect(updateStatusText(result)).toBe('Forewarn 1.3.0 is available: it downloads now and installs when Forewarn quits.');
  });

  it('says the build is the newest, that no feed is set, that a development build has nothing to update, or why the check failed', async () => {
    expect(await createUpdateCheck(deps(fakeUpdater({ isUpdateAvailable: false, updateInfo: { version: '1.2.0' } })))()).toEqual({ status: 'up-to-date', version: '1.2.0' });
    const load = vi.fn();
    expect(await createUpdateCheck(deps(fakeUpdater(null), { feedUrl: () => undefined, load }))()).toEqual({ status: 'not-configured' });
    expect((await createUpdateCheck(deps(fakeUpdater(null), { isPackaged: false, load }))()).status).toBe('unavailable');
    // Neither asks electron-updater anything.
    expect(load).not.toHaveBeenCalled();
    const log = vi.fn();
    expect(await createUpdateCheck(deps(fakeUpdater(new Error('HttpError: 404')), { log }))()).toEqual({ status: 'failed', message: 'HttpError: 404' });
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('HttpError: 404'));
  });

  it('accepts only an https feed in the settings', () => {
    const with_ = (feedUrl: string) => PublicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, updates: { feedUrl } }).success;
    expect(with_(FEED)).toBe(true);
    expect(with_('http://updates.example.com/')).toBe(false);
    expect(with_('not a url')).toBe(false);
    expect(PublicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, updates: {} }).success).toBe(true);
  });
});
