import { afterEach, describe, expect, it } from 'vitest';
import { LiveSnmpSource } from '../../../electron/engine/snmp/live-source.js';
import { SharedUdpTransport } from '../../../electron/engine/snmp/shared-socket.js';
import type { RateLimiter } from '../../../electron/engine/util/pacing.js';
import { startFakeAgent, type FakeAgent, type FakeReply, type FakeRequest, type FakeValue } from './helpers/fake-agent.js';

const PDU = { get: 0xa0, getNext: 0xa1, getBulk: 0xa5 };
const agents: FakeAgent[] = [];
const sources: LiveSnmpSource[] = [];

afterEach(async () => {
  for (const s of sources.splice(0)) s.close();
  for (const a of agents.splice(0)) await a.close();
});

async function agent(handler: (req: FakeRequest) => FakeReply, options?: { replyDelayMs?: number }) {
  const a = await startFakeAgent(handler, options);
  agents.push(a);
  return a;
}

function live(a: FakeAgent, extra: Partial<ConstructorParameters<typeof LiveSnmpSource>[0]> = {}) {
  const s = new LiveSnmpSource({ host: '127.0.0.1', port: a.port, version: 'v2c', community: 'public', timeoutMs: 1500, retries: 0, ...extra });
  sources.push(s);
  return s;
}

/** An endless table under 1.3.6.1.4.1.9999: row n is `root.n`, value n. */
function endlessTable(req: FakeRequest): FakeReply {
  const start = Number(req.oids[0]!.split('.')[7] ?? 0);
  const count = req.pduType === PDU.getBulk ? req.maxRepetitions : 1;
  return { varbinds: Array.from({ length: count }, (_, i) => [`1.3.6.1.4.1.9999.${start + i + 1}`, { type: 'int', value: start + i + 1 } as FakeValue]) };
}

const countingLimiter = () => {
  const limiter = { taken: 0, take: async () => void limiter.taken++ } satisfies RateLimiter & { taken: number };
  return limiter;
};

describe('LiveSnmpSource walks', () => {
  it('uses GETBULK for v2c and GETNEXT for v1', async () => {
    const a = await agent(endlessTable);
    await live(a).walk('1.3.6.1.4.1.9999', { maxRows: 3 });
    await live(a, { version: 'v1' }).walk('1.3.6.1.4.1.9999', { maxRows: 3 });
    expect(a.requests.filter((r) => r.version === 1).every((r) => r.pduType === PDU.getBulk)).toBe(true);
    expect(a.requests.filter((r) => r.version === 0).every((r) => r.pduType === PDU.getNext)).toBe(true);
    expect(a.requests.filter((r) => r.version === 0)).toHaveLength(4); // 3 rows + 1 to learn there is more
  });

  it('bounds an endless table by maxRows and marks the walk truncated', async () => {
    const a = await agent(endlessTable);
    const r = await live(a, { maxRepetitions: 10 }).walk('1.3.6.1.4.1.9999', { maxRows: 25 });
    expect(r.truncated).toBe(true);
    expect(r.error).toBeUndefined();
    expect(r.rows.map((v) => v.value)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('bounds an endless table by time', async () => {
    const a = await agent(endlessTable, { replyDelayMs: 20 });
    const t0 = performance.now();
    const r = await live(a, { maxRepetitions: 1 }).walk('1.3.6.1.4.1.9999', { maxRows: 1_000_000, timeoutMs: 300 });
    const elapsed = performance.now() - t0;
    expect(r.truncated).toBe(true);
    expect(r.rows.length).toBeGreaterThan(3);
    expect(elapsed).toBeLessThan(800);
  });

  it('stops a looping agent with walk-loop', async () => {
    // Always answers the same OID: the classic broken agent that would walk forever.
    const a = await agent(() => ({ varbinds: [['1.3.6.1.4.1.9999.5', { type: 'int', value: 5 }]] }));
    const r = await live(a).walk('1.3.6.1.4.1.9999');
    expect(r.error?.code).toBe('walk-loop');
    expect(r.rows).toHaveLength(1);
    expect(a.requests.length).toBe(2);
  });

  it('stops an agent going backwards inside one GETBULK answer with walk-loop', async () => {
    const a = await agent(() => ({
      varbinds: [
        ['1.3.6.1.4.1.9999.10', { type: 'int', value: 1 }],
        ['1.3.6.1.4.1.9999.2', { type: 'int', value: 2 }],
      ],
    }));
    const r = await live(a).walk('1.3.6.1.4.1.9999');
    expect(r.error?.code).toBe('walk-loop');
    expect(r.rows.map((v) => v.oid)).toEqual(['1.3.6.1.4.1.9999.10']);
  });

  it('ends at the subtree boundary and at endOfMibView', async () => {
    const a = await agent((req) =>
      req.oids[0] === '1.3.6.1.4.1.9999'
        ? { varbinds: [['1.3.6.1.4.1.9999.1', { type: 'int', value: 1 }], ['1.3.6.1.4.1.10000.1', { type: 'int', value: 2 }]] }
        : { varbinds: [['1.3.6.1.4.1.9998.1', { type: 'endOfMibView' }]] },
    );
    // Where it left the subtree, so later walks of the gap need not ask (walk-cache.ts).
    expect(await live(a).walk('1.3.6.1.4.1.9999')).toEqual({ rows: [{ oid: '1.3.6.1.4.1.9999.1', type: 'integer', value: 1 }], truncated: false, next: '1.3.6.1.4.1.10000.1' });
    expect(await live(a).walk('1.3.6.1.4.1.9998')).toEqual({ rows: [], truncated: false, next: null });
  });

  it('reports a silent agent as snmp-timeout after its retries', async () => {
    const a = await agent(() => null);
    const r = await live(a, { retries: 1, timeoutMs: 150 }).walk('1.3.6.1.4.1.9999');
    expect(r.error?.code).toBe('snmp-timeout');
    expect(a.requests).toHaveLength(2);
    await expect(live(a, { timeoutMs: 100 }).get(['1.3.6.1.2.1.1.1.0'])).rejects.toMatchObject({ code: 'snmp-timeout' });
  });
});

describe('LiveSnmpSource against garbage', () => {
  const garbage: Array<[string, (req: FakeRequest) => Buffer]> = [
    ['random bytes', () => Buffer.from('this is not BER at all \x00\xff\x30\x82')],
    ['a truncated SEQUENCE', () => Buffer.from([0x30, 0x82, 0xff, 0xff, 0x02, 0x01])],
    ['an absurd length', () => Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02])],
    ['a response whose varbind value has an unknown type', (req) => {
      const ok = encodeOk(req);
      const i = ok.lastIndexOf(0x02); // retag the INTEGER value as an unknown type
      ok[i] = 0x9f;
      return ok;
    }],
    ['an OID value truncated mid sub-identifier', (req) => {
      const ok = encodeOk(req, [['1.3.6.1.2.1.1.2.0', { type: 'int', value: 1 }]]);
      const i = ok.lastIndexOf(0x02);
      ok[i] = 0x06; // OID tag
      ok[i + 2] = 0x81; // continuation bit with nothing after it
      return ok;
    }],
  ];

  it.each(garbage)('maps %s to snmp-malformed without crashing', async (_name, reply) => {
    const a = await agent((req) => ({ raw: reply(req) }));
    await expect(live(a, { timeoutMs: 200 }).get(['1.3.6.1.2.1.1.1.0'])).rejects.toMatchObject({ code: 'snmp-malformed' });
    const walk = await live(a, { timeoutMs: 200 }).walk('1.3.6.1.2.1.1');
    expect(walk.error?.code).toBe('snmp-malformed');
  });

  it('survives a flood of garbage to a shared socket, and other sessions keep working', async () => {
    const transport = new SharedUdpTransport();
    const bad = await agent((req) => ({ raw: Buffer.concat([Buffer.from([0x30, 0x03, 0x02, 0x01]), Buffer.from(String(req.requestId))]) }));
    const good = await agent(endlessTable);
    const badSrc = live(bad, { transport, timeoutMs: 200 });
    const goodSrc = live(good, { transport });
    const [badWalk, goodWalk] = await Promise.all([badSrc.walk('1.3.6.1.2.1.1'), goodSrc.walk('1.3.6.1.4.1.9999', { maxRows: 50 })]);
    expect(badWalk.error?.code).toBe('snmp-malformed');
    expect(goodWalk.rows).toHaveLength(50);
    transport.close();
  });
});

function encodeOk(req: FakeRequest, varbinds: Array<[string, FakeValue]> = [['1.3.6.1.2.1.1.1.0', { type: 'int', value: 7 }]]): Buffer {
  // Imported lazily to keep the table above readable.
  return encodeResponseForTest(req, varbinds);
}
import { encodeResponse as encodeResponseForTest } from './helpers/fake-agent.js';

describe('LiveSnmpSource get', () => {
  it('returns null in position for missing objects (v2c exceptions)', async () => {
    const a = await agent((req) => ({
      varbinds: req.oids.map((oid) => [oid, oid.endsWith('.5.0') ? { type: 'str', value: 'sw1' } : { type: 'noSuchObject' }] as [string, FakeValue]),
    }));
    const got = await live(a).get(['1.3.6.1.2.1.1.4.0', '1.3.6.1.2.1.1.5.0']);
    expect(got).toEqual([null, { oid: '1.3.6.1.2.1.1.5.0', type: 'octets', value: new TextEncoder().encode('sw1') }]);
  });

  it('splits a GET the agent calls tooBig into one request per object', async () => {
    const big = 'x'.repeat(1000);
    const a = await agent((req) =>
      req.oids.length > 1
        ? { varbinds: req.oids.map((o) => [o, { type: 'int', value: 0 }] as [string, FakeValue]), errorStatus: 1 }
        : { varbinds: [[req.oids[0]!, { type: 'str', value: big }]] },
    );
    const got = await live(a).get(['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.5.0']);
    expect(got.map((v) => (v?.value as Uint8Array).length)).toEqual([1000, 1000]);
    expect(a.requests.map((r) => r.oids.length)).toEqual([2, 1, 1]);
  });

  it('v1: drops the object named by noSuchName and asks again', async () => {
    const a = await agent((req) => {
      const missing = req.oids.indexOf('1.3.6.1.2.1.1.4.0');
      if (missing >= 0) return { varbinds: req.oids.map((o) => [o, { type: 'int', value: 0 }] as [string, FakeValue]), errorStatus: 2, errorIndex: missing + 1 };
      return { varbinds: req.oids.map((o) => [o, { type: 'int', value: 42 }] as [string, FakeValue]) };
    });
    const got = await live(a, { version: 'v1' }).get(['1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.4.0', '1.3.6.1.2.1.1.7.0']);
    expect(got.map((v) => v?.value ?? null)).toEqual([42, null, 42]);
    expect(a.requests).toHaveLength(2);
  });
});

describe('LiveSnmpSource traffic discipline', () => {
  it('passes every datagram, retries included, through the rate limiter', async () => {
    const a = await agent((req) => (req.oids[0] === '1.3.6.1.2.1.1.1.0' ? null : endlessTable(req)));
    const limiter = countingLimiter();
    const src = live(a, { rateLimiter: limiter, retries: 2, timeoutMs: 80, maxRepetitions: 5 });
    await src.walk('1.3.6.1.4.1.9999', { maxRows: 20 });
    await expect(src.get(['1.3.6.1.2.1.1.1.0'])).rejects.toMatchObject({ code: 'snmp-timeout' });
    expect(limiter.taken).toBe(a.requests.length);
    expect(a.requests.length).toBe(5 + 3);
  });

  it('keeps at most maxOutstanding requests in flight per device', async () => {
    const a = await agent((req) => ({ varbinds: req.oids.map((o) => [o, { type: 'int', value: 1 }] as [string, FakeValue]) }), { replyDelayMs: 30 });
    const src = live(a, { maxOutstanding: 2 });
    await Promise.all(Array.from({ length: 8 }, () => src.get(['1.3.6.1.4.1.9999.1'])));
    expect(a.requests).toHaveLength(8);
    expect(a.maxInFlight).toBe(2);
  });

  it('abort rejects outstanding requests within 1 s and closes the session', async () => {
    const a = await agent(() => null);
    const ac = new AbortController();
    const src = live(a, { timeoutMs: 10_000, retries: 3, signal: ac.signal });
    const walkAc = new AbortController();
    const walk = src.walk('1.3.6.1.2.1', { signal: walkAc.signal, timeoutMs: 60_000 });
    const get = src.get(['1.3.6.1.2.1.1.1.0']);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    walkAc.abort(new Error('user cancelled'));
    await expect(walk).rejects.toThrow('user cancelled');
    ac.abort(new Error('scan cancelled'));
    await expect(get).rejects.toMatchObject({ code: 'snmp-aborted' });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(src.isClosed).toBe(true);
    await expect(src.get(['1.3.6.1.2.1.1.1.0'])).rejects.toMatchObject({ code: 'snmp-aborted' });
  });

  it('multiplexes many sessions over one UDP socket and releases them on close', async () => {
    const transport = new SharedUdpTransport();
    const agentsUp = await Promise.all(Array.from({ length: 3 }, () => agent(endlessTable)));
    const many = agentsUp.flatMap((a) => Array.from({ length: 10 }, () => live(a, { transport })));
    const walks = await Promise.all(many.map((s) => s.walk('1.3.6.1.4.1.9999', { maxRows: 7 })));
    expect(walks.every((w) => w.rows.length === 7 && w.truncated)).toBe(true);
    expect(transport.stats()).toMatchObject({ realSockets: 1, openVirtualSockets: 30 });
    for (const s of many) s.close();
    expect(transport.stats().openVirtualSockets).toBe(0);
    transport.close();
  });
});
