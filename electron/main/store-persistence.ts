/**
 * Electron-backed persistence: settings and the sealed credential vault in two
 * electron-store files with JSON schemas generated from the shared zod schemas,
 * and a SecretCipher over safeStorage. Two files, so a damaged settings file
 * can be reset without losing credentials (and vice versa).
 */
import { safeStorage } from 'electron';
import Store from 'electron-store';
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
}

export function createElectronSettingsBackend(options: StoreOptions = {}): SettingsBackend {
  const store = new Store<{ settings?: PublicSettings }>({
    name: 'settings',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    schema: { settings: jsonSchemaOf(PublicSettingsSchema) },
    // A hand-edited or damaged file falls back to defaults instead of a crash at startup.
    clearInvalidConfig: true,
  });
  return {
    load: () => store.get('settings'),
    save: (settings) => store.set('settings', settings),
  };
}

export function createElectronVaultStore(options: StoreOptions = {}): VaultStore {
  const store = new Store<{ vault?: SealedVault }>({
    name: 'credentials',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    schema: { vault: jsonSchemaOf(SealedVaultSchema) },
    clearInvalidConfig: true,
  });
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
  const store = new Store<Record<string, unknown>>({ name: 'library', ...(options.cwd ? { cwd: options.cwd } : {}), clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
