/**
 * SNMP credential profiles. Secrets are sealed with the OS cipher (Electron's
 * safeStorage in the app) before they touch disk; the renderer only ever gets
 * `PublicCredentialProfile`. When the OS offers no encryption, profiles live in
 * memory for this session only and the UI is told (see `storageMode`).
 */
import { z } from 'zod';
import {
  CredentialProfileSchema,
  SnmpCredentialsSchema,
  toPublicProfile,
  type CredentialProfile,
  type PublicCredentialProfile,
  type SnmpCredentials,
} from '../../shared/credentials';

export interface SecretCipher {
  /** False when the OS has no real secret store (e.g. Linux without a keyring). */
  isAvailable(): boolean;
  /** Returns base64 ciphertext. */
  encrypt(plain: string): string;
  decrypt(base64: string): string;
}

/** Persists the sealed vault (an electron-store key in the app). */
export interface VaultStore {
  read(): unknown;
  write(data: SealedVault): void;
}

export type CredentialStorageMode = 'encrypted' | 'session-only';

export interface CredentialVault {
  storageMode(): CredentialStorageMode;
  list(): PublicCredentialProfile[];
  save(profile: CredentialProfile): PublicCredentialProfile[];
  delete(id: string): PublicCredentialProfile[];
  /** Secrets of the given profiles, in order, without duplicates. Main side only. */
  resolve(ids: readonly string[]): SnmpCredentials;
}

const SealedProfileSchema = z.object({ id: z.string(), name: z.string(), sealed: z.string() });
export const SealedVaultSchema = z.object({ version: z.literal(1), profiles: z.array(SealedProfileSchema) });
export type SealedVault = z.infer<typeof SealedVaultSchema>;

export interface CredentialVaultOptions {
  cipher: SecretCipher;
  store: VaultStore;
  /** Told about unreadable entries; never receives a secret. */
  onProblem?: (message: string) => void;
}

export function createCredentialVault({ cipher, store, onProblem = () => {} }: CredentialVaultOptions): CredentialVault {
  const encrypted = cipher.isAvailable();
  const profiles = new Map<string, CredentialProfile>();
  if (encrypted) for (const profile of unseal(store.read(), cipher, onProblem)) profiles.set(profile.id, profile);
  else onProblem('the OS offers no secret storage: SNMP credentials are kept in memory for this session only');

  const persist = () => {
    if (!encrypted) return;
    store.write({
      version: 1,
      profiles: [...profiles.values()].map((p) => ({
        id: p.id,
        name: p.name,
        sealed: cipher.encrypt(JSON.stringify(p.credentials)),
      })),
    });
  };
  const list = () => [...profiles.values()].map(toPublicProfile);

  return {
    storageMode: () => (encrypted ? 'encrypted' : 'session-only'),
    list,
    save(profile) {
      const valid = CredentialProfileSchema.parse(profile);
      profiles.set(valid.id, structuredClone(valid));
      persist();
      return list();
    },
    delete(id) {
      if (profiles.delete(id)) persist();
      return list();
    },
    resolve(ids) {
      const communities: string[] = [];
      const v3Users: SnmpCredentials['v3Users'] = [];
      for (const id of ids) {
        const profile = profiles.get(id);
        if (!profile) throw new Error(`Unknown credential profile "${id}".`);
        for (const community of profile.credentials.communities) {
          if (!communities.includes(community)) communities.push(community);
        }
        for (const user of profile.credentials.v3Users) {
          if (!v3Users.some((u) => JSON.stringify(u) === JSON.stringify(user))) v3Users.push({ ...user });
        }
      }
      return { communities, v3Users };
    },
  };
}

function unseal(raw: unknown, cipher: SecretCipher, onProblem: (message: string) => void): CredentialProfile[] {
  if (raw === undefined || raw === null) return [];
  const vault = SealedVaultSchema.safeParse(raw);
  if (!vault.success) {
    onProblem('the stored credential vault is unreadable and was ignored');
    return [];
  }
  const out: CredentialProfile[] = [];
  for (const entry of vault.data.profiles) {
    try {
      const credentials = SnmpCredentialsSchema.parse(JSON.parse(cipher.decrypt(entry.sealed)));
      out.push({ id: entry.id, name: entry.name, credentials });
    } catch {
      // Wrong key (another OS user, a reset keychain) or damage: skip, never echo the blob.
      onProblem(`credential profile "${entry.name}" could not be decrypted and was skipped`);
    }
  }
  return out;
}

export function createMemoryVaultStore(initial?: unknown): VaultStore & { data: unknown } {
  const store = {
    data: initial,
    read: () => store.data,
    write: (data: SealedVault) => {
      store.data = structuredClone(data);
    },
  };
  return store;
}

/** A cipher that admits there is no encryption: the vault then keeps profiles for the session only. */
export const NO_CIPHER: SecretCipher = {
  isAvailable: () => false,
  encrypt: () => {
    throw new Error('no secret storage available');
  },
  decrypt: () => {
    throw new Error('no secret storage available');
  },
};

/** Session-only vault for the browser bridge and tests. */
export function createMemoryCredentialVault(): CredentialVault {
  return createCredentialVault({ cipher: NO_CIPHER, store: createMemoryVaultStore() });
}
