import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createCredentialVault } from '../../../electron/host/credential-vault';
import { createSettingsRepository } from '../../../electron/host/settings';
import {
  createElectronSettingsBackend,
  createElectronVaultStore,
  createSafeStorageCipher,
} from '../../../electron/main/store-persistence';
import { resetElectronMock } from '../../mocks/electron';

const mockSafeStorage = safeStorage as unknown as { available: boolean; backend: string };

describe('electron-store persistence', () => {
  let cwd: string;
  beforeEach(() => {
    resetElectronMock();
    cwd = mkdtempSync(join(tmpdir(), 'forewarn-store-'));
  });

  it('persists validated settings across restarts', () => {
    const first = createSettingsRepository(createElectronSettingsBackend({ cwd }));
    first.update({ theme: 'dark' });
    const second = createSettingsRepository(createElectronSettingsBackend({ cwd }));
    expect(second.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('the store schema rejects invalid settings, and a damaged file falls back to defaults, moved aside, not erased', () => {
    const backend = createElectronSettingsBackend({ cwd });
    expect(() => backend.save({ ...DEFAULT_SETTINGS, theme: 'neon' as never })).toThrow(/schema/i);
    const damaged = JSON.stringify({ settings: { theme: 42 } });
    writeFileSync(join(cwd, 'settings.json'), damaged);
    const problems: string[] = [];
    expect(createSettingsRepository(createElectronSettingsBackend({ cwd, onProblem: (p) => problems.push(p) })).get()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(cwd).filter((f) => f.startsWith('settings.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(cwd, aside[0]!), 'utf8')).toBe(damaged);
    expect(problems).toEqual([expect.stringMatching(/^settings\.json could not be read \(it does not match what this version of Forewarn stores\); it was moved to .+settings\.json\.damaged-/)]);
  });

  it('a credentials file that is not JSON is moved aside with its sealed profiles, never cleared', () => {
    const vault = createCredentialVault({ cipher: createSafeStorageCipher('linux'), store: createElectronVaultStore({ cwd }) });
    vault.save({ id: 'o', name: 'Office', credentials: { communities: ['Pl41nCommunity'], v3Users: [] } });
    const good = readFileSync(join(cwd, 'credentials.json'), 'utf8');
    writeFileSync(join(cwd, 'credentials.json'), good.slice(0, good.length - 7));
    const problems: string[] = [];
    const reopened = createCredentialVault({ cipher: createSafeStorageCipher('linux'), store: createElectronVaultStore({ cwd, onProblem: (p) => problems.push(p) }) });
    expect(reopened.list()).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^credentials\.json could not be read \(it is not valid JSON\); it was moved to /)]);
    const aside = readdirSync(cwd).find((f) => f.startsWith('credentials.json.damaged-'))!;
    expect(readFileSync(join(cwd, aside), 'utf8')).toBe(good.slice(0, good.length - 7));
    // The new vault works, and saving in it does not touch the file moved aside.
    reopened.save({ id: 'n', name: 'New', credentials: { communities: ['x'], v3Users: [] } });
    expect(readFileSync(join(cwd, aside), 'utf8')).toContain('Office');
  });

  it('keeps credentials on disk only sealed by safeStorage', () => {
    const vault = createCredentialVault({ cipher: createSafeStorageCipher('linux'), store: createElectronVaultStore({ cwd }) });
    vault.save({ id: 'o', name: 'Office', credentials: { communities: ['Pl41nCommunity'], v3Users: [] } });
    const onDisk = readFileSync(join(cwd, 'credentials.json'), 'utf8');
    expect(onDisk).toContain('Office');
    expect(onDisk).not.toContain('Pl41nCommunity');
    const reopened = createCredentialVault({ cipher: createSafeStorageCipher('linux'), store: createElectronVaultStore({ cwd }) });
    expect(reopened.resolve(['o']).communities).toEqual(['Pl41nCommunity']);
  });

  it('treats Linux basic_text and missing encryption as no encryption (session only)', () => {
    mockSafeStorage.backend = 'basic_text';
    expect(createSafeStorageCipher('linux').isAvailable()).toBe(false);
    expect(createSafeStorageCipher('win32').isAvailable()).toBe(true);
    mockSafeStorage.backend = 'gnome_libsecret';
    expect(createSafeStorageCipher('linux').isAvailable()).toBe(true);
    mockSafeStorage.available = false;
    expect(createSafeStorageCipher('darwin').isAvailable()).toBe(false);
  });
});
