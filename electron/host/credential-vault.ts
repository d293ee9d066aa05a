/**
 * SNMP credential profiles. Secrets are sealed with the OS cipher (Electron's
 * safeStorage in the app) before they touch disk; the renderer only ever gets
 * `PublicCredentialProfile`. When the OS offers no encryption, profiles live in
 * memory for this session only and the UI is told (see `storageMode`).
 *
 * A sealed entry this session cannot decrypt (a locked or reset keyring) is
 * kept as it is and written back unchanged with every save: one bad start
 * must not wipe the technician's credentials. It is listed as `locked`.
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
type SealedProfile = z.infer<typeof SealedProfileSchema>;
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
  /** Sealed entries this session could not open, in their stored form. */
  const locked = new Map<string, SealedProfile>();
  if (encrypted) {
    const { readable, unreadable } = unseal(store.read(), cipher, onProblem);
    for (const profile of readable) profiles.set(profile.id, profile);
    for (const entry of unreadable) locked.set(entry.id, entry);
  } else onProblem('the OS offers no secret storage: SNMP credentials are kept in memory for this session only');

  const persist = () => {
    if (!encrypted) return;
    store.write({
      version: 1,
      profiles: [
        ...[...profiles.values()].map((p) => ({ id: p.id, name: p.name, sealed: cipher.encrypt(JSON.stringify(p.credentials)) })),
        ...locked.values(),
      ],
    });
  };
  const list = (): PublicCredentialProfile[] => [
    ...[...profiles.values()].map(toPublicProfile),
    ...[...locked.values()].map((e) => ({ id: e.id, name: e.name, communityCount: 0, v3UserNames: [], locked: true as const })),
  ];

  return {
    storageMode: () => (encrypted ? 'encrypted' : 'session-only'),
    list,
    save(profile) {
      const valid = CredentialProfileSchema.parse(profile);
      // Saving under a locked profile's id replaces it: the technician typed the secrets again.
      locked.delete(valid.id);
      profiles.set(valid.id, structuredClone(valid));
      persist();
      return list();
    },
    delete(id) {
      if (profiles.delete(id) || locked.delete(id)) persist();
      return list();
    },
    resolve(ids) {
      const communities: string[] = [];
      const v3Users: SnmpCredentials['v3Users'] = [];
      for (const id of ids) {
        const profile = profiles.get(id);
        const sealed = locked.get(id);
        if (sealed) {
          throw new Error(
            `The credential profile "${sealed.name}" cannot be decrypted in this session (the system keyring is locked, was reset, or belongs to another user). Unlock the keyring and restart Forewarn, or delete the profile in Settings and add it again.`,
          );
        }
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

function unseal(raw: unknown, cipher: SecretCipher, onProblem: (message: string) => void): { readable: CredentialProfile[]; unreadable: SealedProfile[] } {
  const readable: CredentialProfile[] = [];
  const unreadable: SealedProfile[] = [];
  if (raw === undefined || raw === null) return { readable, unreadable };
  const vault = SealedVaultSchema.safeParse(raw);
  if (!vault.success) {
    // The store layer moves a damaged file aside before it gets here (store-persistence.ts).
    onProblem('the stored credential vault is unreadable and was ignored');
    return { readable, unreadable };
  }
  for (const entry of vault.data.profiles) {
    try {
      const credentials = SnmpCredentialsSchema.parse(JSON.parse(cipher.decrypt(entry.sealed)));
      readable.push({ id: entry.id, name: entry.name, credentials });
    } catch {
      // Wrong key (another OS user, a reset keychain) or damage: keep it sealed, never echo the blob.
      onProblem(`credential profile "${entry.name}" could not be decrypted: it is kept, locked, until the keyring opens again`);
      unreadable.push(entry);
    }
  }
  return { readable, unreadable };
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
