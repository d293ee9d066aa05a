import { describe, expect, it } from 'vitest';
import { withWalkCache } from '../../../electron/engine/snmp/walk-cache';
import { observeWalkProblems } from '../../../electron/engine/scan/observed-source';
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';
import type { SnmpSource, VarBind, WalkOptions } from '../../../electron/engine/snmp/source';

const IF_NAME = '1.3.6.1.2.1.31.1.1.1.1';
const IF_IN_ERRORS = '1.3.6.1.2.1.2.2.1.14';
const HR_STORAGE_DESCR = '1.3.6.1.2.1.25.2.3.1.3';

/** An agent with `rows` interfaces; counts what reaches it and answers after a tick. */
function agent(rows: number) {
  const walks: Array<{ root: string; options?: WalkOptions }> = [];
  let errors = 0;
  const source: SnmpSource = {
    label: 'fake',
    get: async () => [],
    async walk(root, options) {
      walks.push({ root, ...(options ? { options } : {}) });
      await new Promise((r) => setTimeout(r, 5));
      const all: VarBind[] = Array.from({ length: rows }, (_, i) => ({ oid: `${root}.${i + 1}`, type: root === IF_IN_ERRORS ? 'counter32' : 'octets', value: root === IF_IN_ERRORS ? errors++ : `if${i + 1}` }));
      const max = options?.maxRows ?? Infinity;
      return { rows: all.slice(0, max), truncated: all.length > max };
    },
  };
  return { source, walks };
}

describe('one walk per table per device', () => {
  it('identification, health and topology asking for ifName at once send one walk, and all get the rows', async () => {
    const { source, walks } = agent(24);
    const cached = withWalkCache(source);
    const [a, b, c] = await Promise.all([cached.walk(IF_NAME, { maxRows: 5000 }), cached.walk(IF_NAME, { maxRows: 2000 }), cached.walk(IF_NAME)]);
    expect(walks).toHaveLength(2); // the unbounded request could not be answered by a bounded walk still in flight
    expect([a, b, c].map((r) => r.rows.length)).toEqual([24, 24, 24]);
    // Once a walk has read the whole column, it answers any later request.
    await cached.walk(IF_NAME, { maxRows: 100_000, timeoutMs: 60_000 });
    expect(walks).toHaveLength(2);
    expect(cached.stats).toEqual({ asked: 4, sent: 2 });
  });

  it('a first-row sample does not stand in for a whole column, but a whole column answers a sample (cut to its rows)', async () => {
    const { source, walks } = agent(300);
    const cached = withWalkCache(source);
    const sample = await cached.walk(IF_NAME, { maxRows: 1, sample: true });
    expect(sample.rows).toHaveLength(1);
    const full = await cached.walk(IF_NAME, { maxRows: 5000 });
    expect(full).toMatchObject({ truncated: false });
    expect(full.rows).toHaveLength(300);
    const again = await cached.walk(IF_NAME, { maxRows: 64, sample: true });
    expect(again.rows).toHaveLength(64);
    expect(again.truncated).toBe(true);
    expect(walks).toHaveLength(2);
  });

  it('a counter sample asks fresh: two samples for an error rate are two walks, each of its moment', async () => {
    const { source, walks } = agent(4);
    const cached = withWalkCache(source);
    const first = await cached.walk(IF_IN_ERRORS, { fresh: true });
    const second = await cached.walk(IF_IN_ERRORS, { fresh: true });
    expect(walks).toHaveLength(2);
    expect(second.rows[0]!.value).not.toBe(first.rows[0]!.value);
  });

  it('any table, not only IF-MIB: the Host Resources device table asked by identification and health is walked once', async () => {
    const HR_DEVICE_TYPE = '1.3.6.1.2.1.25.3.2.1.2';
    const { source, walks } = agent(3);
    const cached = withWalkCache(source);
    await Promise.all([cached.walk(HR_DEVICE_TYPE, { maxRows: 500 }), cached.walk(HR_DEVICE_TYPE, { maxRows: 500 })]);
    expect(walks.map((w) => w.root)).toEqual([HR_DEVICE_TYPE]);
  });

  it('walks that start at different places of one root (the census hopping over vendor subtrees) are different reads', async () => {
    const { source, walks } = agent(2);
    const cached = withWalkCache(source);
    await cached.walk('1.3.6.1.4.1', { maxRows: 1, sample: true });
    await cached.walk('1.3.6.1.4.1', { maxRows: 1, sample: true, startAfter: '1.3.6.1.4.1.9.999' });
    await cached.walk('1.3.6.1.4.1', { maxRows: 1, sample: true, startAfter: '1.3.6.1.4.1.9.999' });
    expect(walks).toHaveLength(2);
  });

  it('a walk that ended in an error (a timeout on a busy agent) is not remembered either', async () => {
    let busy = true;
    const walks: string[] = [];
    const source: SnmpSource = {
      label: 'busy',
      get: async () => [],
      async walk(root) {
        walks.push(root);
        if (busy) return { rows: [], truncated: false, error: { code: 'snmp-timeout', message: 'no answer' } };
        return { rows: [{ oid: `${root}.1`, type: 'octets', value: new TextEncoder().encode('C:') }], truncated: false };
      },
    };
    const cached = withWalkCache(source);
    expect((await cached.walk(HR_STORAGE_DESCR)).error?.code).toBe('snmp-timeout');
    busy = false;
    expect((await cached.walk(HR_STORAGE_DESCR)).rows).toHaveLength(1);
    expect(walks).toHaveLength(2);
  });

  it('a walk that failed is not remembered', async () => {
    let fail = true;
    const walks: string[] = [];
    const source: SnmpSource = {
      label: 'flaky',
      get: async () => [],
      async walk(root) {
        walks.push(root);
        if (fail) throw new Error('timeout');
        return { rows: [{ oid: `${root}.1`, type: 'octets', value: 'ge1' }], truncated: false };
      },
    };
    const cached = withWalkCache(source);
    await expect(cached.walk(IF_NAME)).rejects.toThrow('timeout');
    fail = false;
    await expect(cached.walk(IF_NAME)).resolves.toMatchObject({ rows: [{ value: 'ge1' }] });
    expect(walks).toHaveLength(2);
  });
});

describe('first rows through the wrappers', () => {
  it('the walk cache and the walk-problem observer pass a batched first-row read on to the agent', async () => {
    const asked: string[][] = [];
    const { source } = agent(3);
    const batching: SnmpSource = { ...source, firstRows: async (columns) => (asked.push([...columns]), columns.map((c) => ({ oid: `${c}.1`, type: 'octets', value: 'x' }))) };
    const wrapped = observeWalkProblems(withWalkCache(batching), () => undefined);
    expect((await wrapped.firstRows!([IF_NAME, HR_STORAGE_DESCR])).map((r) => r?.oid)).toEqual([`${IF_NAME}.1`, `${HR_STORAGE_DESCR}.1`]);
    expect(asked).toEqual([[IF_NAME, HR_STORAGE_DESCR]]);
    // A source without it stays without it, so readers fall back to walks.
    expect(withWalkCache(source).firstRows).toBeUndefined();
  });
});

describe('walks the agent has already shown to be empty', () => {
  const RECORDING = [
    '1.3.6.1.2.1.1.1.0|4|agent',
    '1.3.6.1.2.1.2.2.1.2.1|4|eth0',
    '1.3.6.1.2.1.2.2.1.2.2|4|eth1',
    '1.3.6.1.2.1.25.3.2.1.3.1|4|cpu',
    '1.3.6.1.4.1.9.9.13.1.3.1.3.1|2|41',
    '1.3.6.1.4.1.2021.13.16.2.1.3.1|2|38000',
  ].join('\n');

  function counted() {
    const file = loadSnmprec(RECORDING, 'agent');
    const sent: string[] = [];
    const source: SnmpSource = { label: 'agent', get: (o, s) => file.get(o, s), walk: (root, options) => (sent.push(root), file.walk(root, options)) };
    return { file, sent, cached: withWalkCache(source) };
  }

  it('answers every walk exactly as the agent would, asking it far less', async () => {
    const { file, sent, cached } = counted();
    const roots = [
      // The enterprise census's first hop, then other vendors' sensor tables and standard tables in no particular order.
      '1.3.6.1.4.1', '1.3.6.1.4.1.318.1.1.1.2', '1.3.6.1.4.1.674.10892.5.4', '1.3.6.1.4.1.9.9.13.1.3.1.3', '1.3.6.1.4.1.9.9.91.1.1.1.1.4',
      '1.3.6.1.4.1.232.6.2.6.8.1.4', '1.3.6.1.2.1.43.11.1.1.9', '1.3.6.1.2.1.43.18.1.1.8', '1.3.6.1.2.1.99.1.1.1.4', '1.3.6.1.2.1.2.2.1.2',
      '1.3.6.1.2.1.2.2.1.3', '1.3.6.1.2.1.25.3.2.1.3', '1.3.6.1.2.1.25.3.5.1.1', '1.3.6.1.4.1.2021.13.16.2.1.3', '1.3.6.1.4.1.2021.13.16.3.1.3',
      '1.3.6.1.4.1.24681.1.2.11', '1.3.6.1.4.1.99999', '1.3.6.1.2.1.47.1.1.1.1.2', '1.3.6.1.4.1.9.9.13.1.5.1.3',
    ];
    for (const root of roots) {
      const direct = await file.walk(root, { maxRows: 100 });
      const viaCache = await cached.walk(root, { maxRows: 100 });
      expect({ root, rows: viaCache.rows, truncated: viaCache.truncated }).toEqual({ root, rows: direct.rows, truncated: direct.truncated });
    }
    expect(sent.length).toBeLessThan(roots.length / 2);
    // A table with rows is always read from the agent.
    expect(sent).toEqual(expect.arrayContaining(['1.3.6.1.2.1.2.2.1.2', '1.3.6.1.2.1.25.3.2.1.3', '1.3.6.1.4.1.9.9.13.1.3.1.3', '1.3.6.1.4.1.2021.13.16.2.1.3']));
  });

  it('hops the same way as the agent when a walk starts after an OID (the census)', async () => {
    const { file, cached } = counted();
    await cached.walk('1.3.6.1.4.1', { maxRows: 1 });
    for (const startAfter of ['1.3.6.1.4.1.10', '1.3.6.1.4.1.2022', '1.3.6.1.4.1.5']) {
      expect(await cached.walk('1.3.6.1.4.1', { maxRows: 1, startAfter }), startAfter).toEqual(await file.walk('1.3.6.1.4.1', { maxRows: 1, startAfter }));
    }
  });

  it('learns nothing from a walk that failed', async () => {
    const sent: string[] = [];
    const failing: SnmpSource = {
      label: 'flaky',
      get: async () => [],
      walk: async (root) => (sent.push(root), { rows: [], truncated: false, next: null, error: { code: 'snmp-timeout', message: 'no answer' } }),
    };
    const cached = withWalkCache(failing);
    await cached.walk('1.3.6.1.4.1.9');
    await cached.walk('1.3.6.1.4.1.318');
    expect(sent).toEqual(['1.3.6.1.4.1.9', '1.3.6.1.4.1.318']);
  });
});
