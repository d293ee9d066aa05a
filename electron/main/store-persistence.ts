/**
 * Electron-backed persistence: settings and the sealed credential vault in two
 * electron-store files with JSON schemas generated from the shared zod schemas,
 * and a SecretCipher over safeStorage. Two files, so a damaged settings file
 * can be reset without losing credentials (and vice versa).
 *
 * A file that does not parse or does not match its schema is never cleared:
 * it is moved aside (`credentials.json.damaged-<time>`), a fresh one starts,
 * and the problem is reported so Settings can say where the old file is.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import Store, { type Options } from 'electron-store';
import { z } from 'zod';
import { PublicSettingsSchema, type PublicSettings } from '../../shared/settings';
import { SealedVaultSchema, type SealedVault, type SecretCipher, type VaultStore } from '../host/credential-vault';
import type { SettingsBackend } from '../host/settings';
import type { KeyValueStore } from '../host/library/key-value-store';

/** JSON schema for one store key; conf wraps it into its root object schema. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

interface StoreOptions {
  /** Folder for the files; electron-store defaults to the app's userData. */
  cwd?: string;
  /** Told when a damaged file was moved aside (never receives its contents). */
  onProblem?: (message: string) => void;
}

/** Opens a store; a damaged file is renamed out of the way (kept for recovery), then a fresh one is opened. */
function openStore<T extends Record<string, unknown>>(options: Options<T> & { name: string }, { cwd, onProblem = () => {} }: StoreOptions): Store<T> {
  const full: Options<T> = { ...options, ...(cwd ? { cwd } : {}), clearInvalidConfig: false };
  try {
    return new Store<T>(full);
  } catch (error) {
    const path = join(cwd ?? app.getPath('userData'), `${options.name}.json`);
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : 'it does not match what this version of Forewarn stores';
    onProblem(`${options.name}.json could not be read (${reason}); it was moved to ${aside} and a new one was started`);
    return new Store<T>(full);
  }
}

export function createElectronSettingsBackend(options: StoreOptions = {}): SettingsBackend {
  const store = openStore<{ settings?: PublicSettings }>({ name: 'settings', schema: { settings: jsonSchemaOf(PublicSettingsSchema) } }, options);
  return {
    load: () => store.get('settings'),
    save: (settings) => store.set('settings', settings),
  };
}

export function createElectronVaultStore(options: StoreOptions = {}): VaultStore {
  const store = openStore<{ vault?: SealedVault }>({ name: 'credentials', schema: { vault: jsonSchemaOf(SealedVaultSchema) } }, options);
  return {
    read: () => store.get('vault'),
    write: (vault) => store.set('vault', vault),
  };
}

/**
 * safeStorage as a SecretCipher. On Linux without a keyring Electron falls back
 * to 'basic_text', a hard-coded key: that is not encryption, so we report the
 * cipher unavailable and the vault keeps credentials for the session only.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** The scan library's index (clients, sites, scans); the scans themselves are files beside it. */
export function createElectronLibraryIndexStore(options: StoreOptions = {}): KeyValueStore {
  const store = openStore<Record<string, unknown>>({ name: 'library' }, options);
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
