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

  it('skips entries it cannot decrypt without echoing them, and validates saved profiles', () => {
    const store = createMemoryVaultStore();
    createCredentialVault({ cipher: fakeCipher(), store }).save(office);
    const problems: string[] = [];
    const wrongKey: SecretCipher = { isAvailable: () => true, encrypt: (s) => s, decrypt: () => 'garbage{' };
    const vault = createCredentialVault({ cipher: wrongKey, store, onProblem: (p) => problems.push(p) });
    expect(vault.list()).toEqual([]);
    expect(problems).toEqual(['credential profile "Office switches" could not be decrypted and was skipped']);
    expect(() => vault.save({ id: '', name: 'x', credentials: { communities: [], v3Users: [] } })).toThrow();
  });
});
