import { describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../../shared/ipc-contract';
import { INVOKE_CHANNELS } from '../../../shared/ipc-channels';
import { invokeValidated } from '../../../electron/host/validated-invoke';

function spyHandlers() {
  const calls: Array<{ channel: string; args: unknown[] }> = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [channel, vi.fn(async (...args: unknown[]) => void calls.push({ channel, args }))]),
  ) as unknown as ApiHandlers;
  return { handlers, calls };
}

describe('invokeValidated', () => {
  it('rejects unknown channels and non-array arguments without calling anything', async () => {
    const { handlers, calls } = spyHandlers();
    await expect(invokeValidated(handlers, 'shell:exec', [])).rejects.toThrow('Unknown channel');
    await expect(invokeValidated(handlers, '__proto__', [])).rejects.toThrow('Unknown channel');
    await expect(invokeValidated(handlers, 42, [])).rejects.toThrow('Unknown channel');
    await expect(invokeValidated(handlers, 'settings:get', 'x')).rejects.toThrow('must be an array');
    expect(calls).toEqual([]);
  });

  it('rejects arguments that do not match the channel schema', async () => {
    const { handlers, calls } = spyHandlers();
    await expect(invokeValidated(handlers, 'scan:cancel', [])).rejects.toThrow('Invalid arguments for scan:cancel');
    await expect(invokeValidated(handlers, 'scan:cancel', [''])).rejects.toThrow('Invalid arguments');
    await expect(invokeValidated(handlers, 'settings:get', ['extra'])).rejects.toThrow('Invalid arguments');
    await expect(invokeValidated(handlers, 'app:open-external', ['not a url'])).rejects.toThrow('Invalid arguments');
    // A session is only ever started for a known kind and a plain IPv4 address: nothing a shell could read more into.
    for (const args of [['telnet', '192.0.2.1'], ['ssh', '192.0.2.1 & calc'], ['ssh', '-oProxyCommand=x'], ['rdp', '300.1.1.1'], ['ssh', 'host.example']]) {
      await expect(invokeValidated(handlers, 'device:connect', args)).rejects.toThrow('Invalid arguments');
    }
    await expect(
      invokeValidated(handlers, 'scan:start', [{ targets: 'everything', credentialProfileIds: [], preset: 'quick', confirmations: {} }]),
    ).rejects.toThrow(/0\.targets/);
    expect(calls).toEqual([]);
  });

  it('never echoes rejected values (they may be secrets)', async () => {
    const { handlers } = spyHandlers();
    const secret = 'Very-Secret-Community';
    const error = await invokeValidated(handlers, 'credentials:save', [
      { id: 'x', name: 'x', credentials: { communities: [secret, 7], v3Users: [] } },
    ]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain(secret);
  });

  it('refuses an SNMPv3 user the RFC 3414 rules refuse (a 3-character key), naming the rule and not the key', async () => {
    const { handlers, calls } = spyHandlers();
    const user = { user: 'ops', authProtocol: 'sha', authKey: 'k3y', privProtocol: 'none', privKey: '' };
    const error = await invokeValidated(handlers, 'credentials:save', [{ id: 'p', name: 'Office', credentials: { communities: [], v3Users: [user] } }]).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/credentials\.v3Users\.0\.authKey: the auth passphrase must be at least 8 characters \(RFC 3414\)/);
    expect((error as Error).message).not.toContain('k3y');
    const privWithoutAuth = { ...user, authProtocol: 'none', authKey: '', privProtocol: 'aes', privKey: 'longenough' };
    await expect(invokeValidated(handlers, 'credentials:save', [{ id: 'p', name: 'Office', credentials: { communities: [], v3Users: [privWithoutAuth] } }])).rejects.toThrow('privacy needs authentication');
    expect(calls).toEqual([]);
  });

  it('calls the handler with parsed arguments, defaults applied', async () => {
    const { handlers, calls } = spyHandlers();
    await invokeValidated(handlers, 'scan:start', [
      { targets: ['10.0.0.0/24'], credentialProfileIds: ['p1'], preset: 'quick', confirmations: {}, smuggled: true },
    ]);
    expect(calls).toEqual([
      {
        channel: 'scan:start',
        args: [{ targets: ['10.0.0.0/24'], credentialProfileIds: ['p1'], preset: 'quick', confirmations: { allowLarge: false, allowPublic: false } }],
      },
    ]);
  });
});
