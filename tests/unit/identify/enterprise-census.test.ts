import { beforeAll, describe, expect, it } from 'vitest';
import { readEnterpriseCensus } from '../../../electron/engine/identify/enterprise-census';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { collectHealth } from '../../../electron/engine/health/collect';
import { loadKnowledge } from '../../../electron/engine/knowledge/load';
import { deviceVendorScope } from '../../../electron/engine/identify/rule-owners';
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';
import type { SnmpSource, WalkOptions } from '../../../electron/engine/snmp/source';

/**
 * A Synology behind a sysObjectID its MIBs do not hang under (an unregistered
 * 99999), serving UCD's tree, Synology's and net-snmp's: only the census says
 * where its serial, model and temperature are.
 */
const HIDDEN_SYNOLOGY = [
  '1.3.6.1.2.1.1.1.0|4|Linux nas 4.4.302+ #72806 SMP x86_64',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1',
  '1.3.6.1.4.1.2021.4.5.0|2|8000000',
  '1.3.6.1.4.1.6574.1.2.0|2|41',
  '1.3.6.1.4.1.6574.1.5.1.0|4|DS920+',
  '1.3.6.1.4.1.6574.1.5.2.0|4|2040PCN123456',
  '1.3.6.1.4.1.6574.1.5.3.0|4|DSM 7.2-64570',
  '1.3.6.1.4.1.8072.1.3.2.1.0|2|0',
].join('\n');

/** Synology's hand-written rules off: what the census and the compiled MIBs give any vendor. */
const UNSEEN = { withoutVendor: deviceVendorScope([6574], [8072, 2021], ['Synology']) };

/** Records every walk, so a test can count the census's round trips. */
function counting(source: SnmpSource): SnmpSource & { walks: Array<{ root: string; options?: WalkOptions }> } {
  const walks: Array<{ root: string; options?: WalkOptions }> = [];
  return { label: source.label, walks, get: (oids, signal) => source.get(oids, signal), walk: (root, options) => (walks.push({ root, options }), source.walk(root, options)) };
}

describe('enterprise census', () => {
  beforeAll(() => loadKnowledge());

  it('lists every vendor tree an agent serves, one GETNEXT hop per tree plus the one that finds none', async () => {
    const source = counting(loadSnmprec(HIDDEN_SYNOLOGY, 'nas'));
    expect(await readEnterpriseCensus(source)).toEqual([2021, 6574, 8072]);
    expect(source.walks).toHaveLength(4);
    expect(source.walks.map((w) => w.options?.startAfter)).toEqual([undefined, '1.3.6.1.4.1.2022', '1.3.6.1.4.1.6575', '1.3.6.1.4.1.8073']);
  });

  it('stops, rather than loops, on a source that always starts at the root', async () => {
    const inner = loadSnmprec(HIDDEN_SYNOLOGY, 'nas');
    const ignoresStart: SnmpSource = { label: 'x', get: (o) => inner.get(o), walk: (root, options) => inner.walk(root, { ...options, startAfter: undefined }) };
    expect(await readEnterpriseCensus(ignoresStart)).toEqual([2021]);
  });

  it('is empty for an agent with no private tree', async () => {
    expect(await readEnterpriseCensus(loadSnmprec('1.3.6.1.2.1.1.1.0|4|printer\n1.3.6.1.2.1.2.1.0|2|1', 'p'))).toEqual([]);
  });

  it('lets identification read the compiled objects of a tree the sysObjectID does not name', async () => {
    const identity = await identifyDevice(loadSnmprec(HIDDEN_SYNOLOGY, 'nas'), {}, { quick: false, ...UNSEEN });
    expect(identity).toMatchObject({ serial: '2040PCN123456', model: 'DS920+' });
    expect(identity.evidence).toContainEqual(expect.objectContaining({ field: 'serial', rule: 'mib:SYNOLOGY-SYSTEM-MIB::serialNumber' }));
  });

  it('names the maker behind a generic agent from the first vendor tree it serves, below a maker its sysDescr names', async () => {
    const behindNetSnmp = HIDDEN_SYNOLOGY.replace('1.3.6.1.4.1.99999.1', '1.3.6.1.4.1.8072.3.2.10');
    const plain = await identifyDevice(loadSnmprec(behindNetSnmp, 'nas'), {}, { quick: false, ...UNSEEN });
    expect(plain.vendor).toBe('Synology');
    expect(plain.evidence).toContainEqual(expect.objectContaining({ field: 'vendor', rule: 'iana-served-tree', source: '1.3.6.1.4.1.6574' }));
    const named = await identifyDevice(loadSnmprec(behindNetSnmp.replace('Linux nas', 'Powercode nas'), 'nas'), {}, { quick: false, ...UNSEEN });
    expect(named.vendor).toBe('Powercode');
  });

  it('does not take an operating system\'s own tree for the box\'s maker (Windows serves LAN Manager\'s)', async () => {
    const windows = [
      '1.3.6.1.2.1.1.1.0|4|Hardware: x86 Family 6 Model 8 - Software: Windows 2000 Version 5.0',
      '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.311.1.1.3.1.1',
      '1.3.6.1.4.1.77.1.1.1.0|2|5',
      '1.3.6.1.4.1.311.1.1.3.1.1.1.0|2|1',
    ].join('\n');
    const identity = await identifyDevice(loadSnmprec(windows, 'ws'), { mac: '00:0e:0c:77:00:2a' }, { quick: false });
    expect(identity.evidence.filter((e) => e.rule === 'iana-served-tree')).toEqual([]);
    expect(identity.vendor).not.toBe('LAN Manager');
  });

  it('asks no vendor object of a tree the agent does not serve', async () => {
    const withoutSynology = counting(loadSnmprec(HIDDEN_SYNOLOGY.split('\n').filter((l) => !l.includes('.6574.')).join('\n'), 'nas'));
    const gets: string[] = [];
    const spy: SnmpSource = { ...withoutSynology, get: (oids, signal) => (gets.push(...oids), withoutSynology.get(oids, signal)) };
    await identifyDevice(spy, {}, { quick: false });
    expect(gets.filter((oid) => oid.startsWith('1.3.6.1.4.1.6574.'))).toEqual([]);
  });

  it('is taken once per device: identification and health share it', async () => {
    const source = counting(loadSnmprec(HIDDEN_SYNOLOGY, 'nas'));
    await identifyDevice(source, {}, { quick: false });
    await collectHealth(source, {});
    expect(source.walks.filter((w) => w.root === '1.3.6.1.4.1')).toHaveLength(4);
  });

  it('lets health read the compiled sensor tables of every tree served', async () => {
    const health = await collectHealth(loadSnmprec(HIDDEN_SYNOLOGY, 'nas'), UNSEEN);
    expect(health.sensors).toContainEqual(expect.objectContaining({ kind: 'temperature', value: 41, source: 'mib:SYNOLOGY-SYSTEM-MIB' }));
  });
});
