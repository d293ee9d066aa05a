import { afterEach, describe, expect, it } from 'vitest';
import { probeSnmp } from '../../../electron/engine/snmp/probe.js';
import { SYSTEM_GROUP_OID_LIST } from '../../../electron/engine/snmp/system-group.js';
import type { SnmpCredentials } from '../../../shared/credentials.js';
import { startFakeAgent, type FakeAgent, type FakeReply, type FakeRequest, type FakeValue } from './helpers/fake-agent.js';

const SECRET_A = 'Alpha-Secret-7x';
const SECRET_B = 'Bravo-Secret-9q';
const creds = (communities: string[], v3Users: SnmpCredentials['v3Users'] = []): SnmpCredentials => ({ communities, v3Users });

const agents: FakeAgent[] = [];
afterEach(async () => {
  for (const a of agents.splice(0)) await a.close();
});

/** An agent that answers the system group only for one version + community. */
async function agentFor(version: number, community: string, options?: { replyDelayMs?: number }) {
  const a = await startFakeAgent((req: FakeRequest): FakeReply => {
    if (req.version !== version || req.community !== community) return null;
    const values: Record<string, FakeValue> = {
      [SYSTEM_GROUP_OID_LIST[0]!]: { type: 'str', value: 'Fake agent <script>alert(1)</script>' },
      [SYSTEM_GROUP_OID_LIST[2]!]: { type: 'int', value: 123456 },
      [SYSTEM_GROUP_OID_LIST[4]!]: { type: 'str', value: 'fake-01\u0007' },
    };
    return { varbinds: req.oids.map((o) => [o, values[o] ?? { type: 'noSuchObject' }] as [string, FakeValue]) };
  }, options);
  agents.push(a);
  return a;
}

const run = (a: FakeAgent, c: SnmpCredentials, timeoutMs = 400) =>
  probeSnmp('127.0.0.1', c, { timeoutMs, signal: new AbortController().signal, port: a.port, transport: 'own-socket' });

describe('probeSnmp', () => {
  it('sends the v2c gets for all communities at once and never waits for v1 when v2c answers', async () => {
    const a = await agentFor(1, SECRET_B, { replyDelayMs: 100 });
    const t0 = performance.now();
    const result = await run(a, creds([SECRET_A, SECRET_B]), 2000);
    const elapsed = performance.now() - t0;
    expect(result.outcome?.version).toBe('v2c');
    expect(result.outcome?.credentialLabel).toBe('community #2');
    expect(result.outcome?.defaultCommunity).toBeUndefined();
    expect(result.outcome?.system).toMatchObject({ sysName: 'fake-01\u0007', uptimeSeconds: 1234, sysContact: null });
    expect(a.requests.map((r) => [r.version, r.community])).toEqual([
      [1, SECRET_A],
      [1, SECRET_B],
    ]);
    // Sequential probing would have waited out community #1's 2 s timeout first.
    expect(elapsed).toBeLessThan(1500);
    result.outcome?.close();
  });

  it('flags a factory-default community that answered, for the security rule', async () => {
    const a = await agentFor(1, 'public');
    const result = await run(a, creds([SECRET_A, 'public']));
    expect(result.outcome).toMatchObject({ credentialLabel: 'public', defaultCommunity: 'public' });
    result.outcome?.close();
  });

  it('falls back to v1 for old agents, after every v2c community', async () => {
    const a = await agentFor(0, SECRET_A);
    const result = await run(a, creds([SECRET_A, SECRET_B]));
    expect(result.outcome?.version).toBe('v1');
    expect(result.outcome?.credentialLabel).toBe('community #1');
    const versions = a.requests.map((r) => r.version);
    expect(versions.slice(0, 2)).toEqual([1, 1]);
    expect(versions.slice(2).every((v) => v === 0)).toBe(true);
    // The v1 agent gets a full answer although it misses sysContact (noSuchName handling).
    expect(result.outcome?.system.sysDescr).toContain('<script>');
    result.outcome?.close();
  });

  it('keeps a credential the agent answers with an empty system group (restricted view)', async () => {
    const a = await startFakeAgent((req) =>
      req.community === SECRET_B ? { varbinds: req.oids.map((o) => [o, { type: 'noSuchObject' }] as [string, FakeValue]) } : null,
    );
    agents.push(a);
    const result = await run(a, creds([SECRET_A, SECRET_B]), 200);
    expect(result.outcome?.credentialLabel).toBe('community #2');
    expect(result.outcome?.system).toEqual({ sysDescr: null, sysObjectID: null, uptimeSeconds: null, sysContact: null, sysName: null, sysLocation: null });
    result.outcome?.close();
  });

  it('returns the live source, ready for walks with the winning credential', async () => {
    const a = await agentFor(1, SECRET_A);
    const result = await run(a, creds([SECRET_A]));
    const again = await result.outcome!.source.get([SYSTEM_GROUP_OID_LIST[4]!]);
    expect(again[0]?.type).toBe('octets');
    result.outcome!.close();
  });

  it('reports timeout when nothing answers, with secret-free labels and messages', async () => {
    const a = await startFakeAgent(() => null);
    agents.push(a);
    const result = await run(a, creds([SECRET_A, SECRET_B]), 150);
    expect(result.outcome).toBeNull();
    expect(result.reason).toBe('timeout');
    expect(result.errors).toHaveLength(4); // 2 communities × (v2c, v1)
    expect(result.errors.map((e) => e.code)).toEqual(Array(4).fill('snmp-timeout'));
    const text = JSON.stringify(result);
    expect(text).not.toContain(SECRET_A);
    expect(text).not.toContain(SECRET_B);
    expect(text).toContain('community #2');
  });

  it('reports malformed when the agent answers garbage', async () => {
    const a = await startFakeAgent(() => ({ raw: Buffer.from([0x30, 0x05, 0x02, 0x01, 0x01, 0x04, 0xff]) }));
    agents.push(a);
    const result = await run(a, creds([SECRET_A]), 150);
    expect(result.outcome).toBeNull();
    expect(result.reason).toBe('malformed');
  });

  it('redacts secrets the agent echoes back in an error', async () => {
    // Answers with a different community: net-snmp's error message quotes both communities.
    const a = await startFakeAgent((req) => {
      const reply = { version: req.version, community: `${SECRET_A}-echo`, requestId: req.requestId };
      return { raw: encodeResponse(reply, [[req.oids[0]!, { type: 'int', value: 1 }]]) };
    });
    agents.push(a);
    const result = await run(a, creds([SECRET_A]), 150);
    expect(result.outcome).toBeNull();
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]?.message).toMatch(/Community '••••' in request does not match community '••••-echo'/);
    expect(JSON.stringify(result)).not.toContain(SECRET_A);
  });

  it('labels v3 users by name and never shows their keys', async () => {
    const a = await startFakeAgent(() => null);
    agents.push(a);
    const user = { user: 'ops', authProtocol: 'sha' as const, authKey: 'AuthKey-Very-Secret', privProtocol: 'aes' as const, privKey: 'PrivKey-Very-Secret' };
    const result = await run(a, creds([], [user]), 150);
    expect(result.outcome).toBeNull();
    expect(result.errors[0]?.message).toContain('v3 user ops');
    expect(JSON.stringify(result)).not.toMatch(/Very-Secret/);
  });

  it('says so when there are no credentials, and rejects on abort', async () => {
    const a = await startFakeAgent(() => null);
    agents.push(a);
    expect(await run(a, creds([]))).toMatchObject({ outcome: null, reason: 'no-credentials' });
    const ac = new AbortController();
    const pending = probeSnmp('127.0.0.1', creds([SECRET_A]), { timeoutMs: 10_000, signal: ac.signal, port: a.port });
    setTimeout(() => ac.abort(new Error('cancelled')), 50);
    const t0 = performance.now();
    await expect(pending).rejects.toThrow('cancelled');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

import { encodeResponse } from './helpers/fake-agent.js';
