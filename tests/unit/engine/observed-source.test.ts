import { describe, expect, it } from 'vitest';
import type { DeviceError } from '../../../shared/scan-document';
import { observeWalkProblems } from '../../../electron/engine/scan/observed-source';
import type { SnmpSource, WalkOptions, WalkResult } from '../../../electron/engine/snmp/source';

/** A source whose walks return as many rows as asked for, each marked truncated (the table goes on). */
function endlessTable(): SnmpSource {
  return {
    label: 'fake',
    get: async (oids) => oids.map(() => null),
    walk: async (root: string, options?: WalkOptions): Promise<WalkResult> => ({
      rows: Array.from({ length: options?.maxRows ?? 10 }, (_, i) => ({ oid: `${root}.${i + 1}`, type: 'integer' as const, value: i })),
      truncated: true,
    }),
  };
}

describe('observeWalkProblems', () => {
  it('does not report a sample read that stopped at the row bound it asked for', async () => {
    const errors: DeviceError[] = [];
    const source = observeWalkProblems(endlessTable(), (e) => errors.push(e));
    await source.walk('1.3.6.1.2.1.43.5.1.1.16', { maxRows: 1, sample: true });
    expect(errors).toEqual([]);
  });

  it('reports a full-table read cut short by its bound, once per device', async () => {
    const errors: DeviceError[] = [];
    const source = observeWalkProblems(endlessTable(), (e) => errors.push(e));
    await source.walk('1.3.6.1.2.1.2.2.1.2', { maxRows: 5 });
    await source.walk('1.3.6.1.2.1.2.2.1.3', { maxRows: 5 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'walk-truncated', phase: 'walk' });
    expect(errors[0]!.message).toContain('after 5 rows');
  });

  it('reports a sample read that a time bound stopped before its rows', async () => {
    const errors: DeviceError[] = [];
    const slow: SnmpSource = { ...endlessTable(), walk: async (root) => ({ rows: [{ oid: `${root}.1`, type: 'integer' as const, value: 1 }], truncated: true }) };
    await observeWalkProblems(slow, (e) => errors.push(e)).walk('1.3.6.1.2.1.47.1.1.1.1.13', { maxRows: 32, sample: true });
    expect(errors.map((e) => e.code)).toEqual(['walk-truncated']);
  });
});
