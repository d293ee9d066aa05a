import { describe, expect, it } from 'vitest';
import { readFirstRows } from '../../../electron/engine/snmp/first-rows';
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';
import type { SnmpSource, WalkOptions } from '../../../electron/engine/snmp/source';
import { SnmpError } from '../../../electron/engine/snmp/errors';

const RECORDING = ['1.3.6.1.4.1.9.1.1.1|4|one', '1.3.6.1.4.1.9.1.1.2|4|two', '1.3.6.1.4.1.9.1.3.7|4|seven', '1.3.6.1.4.1.9.2.0|2|5'].join('\n');
const COLUMNS = ['1.3.6.1.4.1.9.1.1', '1.3.6.1.4.1.9.1.2', '1.3.6.1.4.1.9.1.3', '1.3.6.1.4.1.9.9'];

/** A source with walks only (a wrapper that does not pass first rows on), counting them. */
function walksOnly(walks: Array<{ root: string; options?: WalkOptions }>, firstRows?: SnmpSource['firstRows']): SnmpSource {
  const inner = loadSnmprec(RECORDING, 'walks-only');
  return {
    label: inner.label,
    get: (oids, signal) => inner.get(oids, signal),
    walk: (root, options) => (walks.push({ root, options }), inner.walk(root, options)),
    ...(firstRows ? { firstRows } : {}),
  };
}

describe('readFirstRows', () => {
  it('asks a source that batches once, and gives each column its first row or null', async () => {
    const source = loadSnmprec(RECORDING, 'file');
    const rows = await readFirstRows(source, COLUMNS, { timeoutMs: 1000 });
    expect(rows.map((r) => r?.oid ?? null)).toEqual(['1.3.6.1.4.1.9.1.1.1', null, '1.3.6.1.4.1.9.1.3.7', null]);
  });

  it('walks each column, one row and marked as a sample, where the source cannot batch', async () => {
    const walks: Array<{ root: string; options?: WalkOptions }> = [];
    const rows = await readFirstRows(walksOnly(walks), COLUMNS, { timeoutMs: 1000 });
    expect(rows.map((r) => r?.oid ?? null)).toEqual(['1.3.6.1.4.1.9.1.1.1', null, '1.3.6.1.4.1.9.1.3.7', null]);
    expect(walks.map((w) => w.root)).toEqual(COLUMNS);
    for (const w of walks) expect(w.options).toMatchObject({ maxRows: 1, sample: true, timeoutMs: 1000 });
  });

  it('falls back to walks when the agent will not answer a many-varbind GETNEXT', async () => {
    const walks: Array<{ root: string; options?: WalkOptions }> = [];
    const refuses = () => Promise.reject(new SnmpError('snmp-timeout', 'no answer'));
    const rows = await readFirstRows(walksOnly(walks, refuses), COLUMNS, { timeoutMs: 1000 });
    expect(rows.map((r) => r?.oid ?? null)).toEqual(['1.3.6.1.4.1.9.1.1.1', null, '1.3.6.1.4.1.9.1.3.7', null]);
    expect(walks).toHaveLength(COLUMNS.length);
  });

  it('stops on a cancelled scan instead of walking', async () => {
    const walks: Array<{ root: string; options?: WalkOptions }> = [];
    const controller = new AbortController();
    const cancelled = () => (controller.abort(new SnmpError('snmp-aborted', 'cancelled')), Promise.reject(controller.signal.reason));
    await expect(readFirstRows(walksOnly(walks, cancelled), COLUMNS, { timeoutMs: 1000, signal: controller.signal })).rejects.toThrow('cancelled');
    expect(walks).toEqual([]);
  });

  it('asks nothing for no columns', async () => {
    const walks: Array<{ root: string; options?: WalkOptions }> = [];
    expect(await readFirstRows(walksOnly(walks), [], { timeoutMs: 1000 })).toEqual([]);
    expect(walks).toEqual([]);
  });
});
