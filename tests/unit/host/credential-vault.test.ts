import { describe, expect, it } from 'vitest';
import type { CredentialProfile } from '../../../shared/credentials';
import {
  createCredentialVault,
  createMemoryCredentialVault,
  createMemoryVaultStore,
  type SecretCipher,
} from '../../../electron/host/credential-vault';

/** A reversible test cipher (XOR + base64): enough to prove nothing is stored in clear. */
const fakeCipher = (available = true): SecretCipher & { calls: number } => {
  const xor = (buf: Buffer) => Buffer.from(buf.map((b) => b ^ 0x5a));
  const cipher = {
    calls: 0,
    isAvailable: () => available,
    encrypt: (plain: string) => {
      cipher.calls += 1;
      return xor(Buffer.from(plain, 'utf8')).toString('base64');
    },
    decrypt: (sealed: string) => xor(Buffer.from(sealed, 'base64')).toString('utf8'),
  };
  return cipher;
};

const office: CredentialProfile = {
  id: 'office',
  name: 'Office switches',
  credentials: {
    communities: ['c0mmunity-Secret'],
    v3Users: [{ user: 'monitor', authProtocol: 'sha', authKey: 'AuthKey-Secret-1', privProtocol: 'aes', privKey: 'PrivKey-Secret-1' }],
  },
};
const printers: CredentialProfile = {
  id: 'printers',
  name: 'Printers',
  credentials: { communities: ['public', 'c0mmunity-Secret'], v3Users: [] },
};
const SECRETS = ['c0mmunity-Secret', 'AuthKey-Secret-1', 'PrivKey-Secret-1'];

describe('CredentialVault', () => {
  it('stores secrets only encrypted and reads them back in a new session', () => {
    const store = createMemoryVaultStore();
    const cipher = fakeCipher();
    const vault = createCredentialVault({ cipher, store });
    vault.save(office);
    const atRest = JSON.stringify(store.data);
    for (const secret of SECRETS) expect(atRest).not.toContain(secret);
    expect(atRest).toContain('Office switches');
    expect(cipher.calls).toBeGreaterThan(0);

    const reopened = createCredentialVault({ cipher: fakeCipher(), store });
    expect(reopened.resolve(['office'])).toEqual(office.credentials);
    expect(reopened.storageMode()).toBe('encrypted');
  });

  it('returns only public profiles: names and counts, never a secret', () => {
    const vault = createCredentialVault({ cipher: fakeCipher(), store: createMemoryVaultStore() });
    const listed = vault.save(office);
    expect(listed).toEqual([{ id: 'office', name: 'Office switches', communityCount: 1, v3UserNames: ['monitor'] }]);
    const everything = JSON.stringify([listed, vault.list(), vault.save(printers), vault.delete('nope')]);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it('resolves several profiles in order without duplicates and rejects unknown ids', () => {
    const vault = createMemoryCredentialVault();
    vault.save(office);
    vault.save(printers);
    expect(vault.resolve(['printers', 'office'])).toEqual({
      communities: ['public', 'c0mmunity-Secret'],
      v3Users: office.credentials.v3Users,
    });
    expect(() => vault.resolve(['office', 'ghost'])).toThrow('Unknown credential profile "ghost"');
  });

  it('deletes profiles and persists the deletion', () => {
    const store = createMemoryVaultStore();
    const vault = createCredentialVault({ cipher: fakeCipher(), store });
    vault.save(office);
    vault.save(printers);
    expect(vault.delete('office').map((p) => p.id)).toEqual(['printers']);
    expect(createCredentialVault({ cipher: fakeCipher(), store }).list().map((p) => p.id)).toEqual(['printers']);
  });

  it('without OS encryption keeps profiles for the session only and says so', () => {
    const store = createMemoryVaultStore();
    const problems: string[] = [];
    const vault = createCredentialVault({ cipher: fakeCipher(false), store, onProblem: (p) => problems.push(p) });
    vault.save(office);
    expect(vault.storageMode()).toBe('session-only');
    expect(vault.resolve(['office'])).toEqual(office.credentials);
    expect(store.data).toBeUndefined();
    expect(problems.join()).toMatch(/session only/);
  });

  it('keeps entries it cannot decrypt, locked and untouched, through later saves; never echoes them', () => {
    const store = createMemoryVaultStore();
    createCredentialVault({ cipher: fakeCipher(), store }).save(office);
    const sealedBefore = structuredClone(store.data);
    const problems: string[] = [];
    // One start with a locked keyring: nothing decrypts.
    const wrongKey: SecretCipher = { isAvailable: () => true, encrypt: (s) => Buffer.from(s).toString('base64'), decrypt: () => 'garbage{' };
    const vault = createCredentialVault({ cipher: wrongKey, store, onProblem: (p) => problems.push(p) });
    expect(vault.list()).toEqual([{ id: 'office', name: 'Office switches', communityCount: 0, v3UserNames: [], locked: true }]);
    expect(problems).toEqual(['credential profile "Office switches" could not be decrypted: it is kept, locked, until the keyring opens again']);
    expect(() => vault.resolve(['office'])).toThrow(/cannot be decrypted in this session.*delete the profile in Settings and add it again/);
    // A profile added in that session is saved beside the locked one, which is written back byte for byte.
    vault.save({ id: 'lab', name: 'Lab', credentials: { communities: ['lab'], v3Users: [] } });
    const written = store.data as { profiles: Array<{ id: string; sealed: string }> };
    expect(written.profiles.map((p) => p.id).sort()).toEqual(['lab', 'office']);
    expect(written.profiles.find((p) => p.id === 'office')).toEqual((sealedBefore as { profiles: unknown[] }).profiles[0]);
    expect(JSON.stringify(store.data)).not.toContain('garbage');
    // Next start, keyring open again: the old profile is back, with its secrets.
    const reopened = createCredentialVault({ cipher: fakeCipher(), store });
    expect(reopened.resolve(['office'])).toEqual(office.credentials);
    expect(() => vault.save({ id: '', name: 'x', credentials: { communities: [], v3Users: [] } })).toThrow();
  });

  it('replaces or deletes a locked profile when the technician says so', () => {
    const store = createMemoryVaultStore();
    createCredentialVault({ cipher: fakeCipher(), store }).save(office);
    const wrongKey: SecretCipher = { isAvailable: () => true, encrypt: (s) => Buffer.from(s).toString('base64'), decrypt: () => 'garbage{' };
    const vault = createCredentialVault({ cipher: wrongKey, store });
    vault.save({ ...office, credentials: { communities: ['typed-again'], v3Users: [] } });
    expect(vault.list()).toEqual([expect.objectContaining({ id: 'office', communityCount: 1 })]);
    expect(vault.list()[0]).not.toHaveProperty('locked');
    const other = createCredentialVault({ cipher: wrongKey, store: createMemoryVaultStore(structuredClone(store.data)) });
    other.delete('office');
    expect(other.list()).toEqual([]);
  });
});
