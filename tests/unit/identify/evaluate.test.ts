import { describe, expect, it } from 'vitest';
import { conditionHolds, evaluateRules, pickWinners } from '../../../electron/engine/identify/evaluate';
import type { Facts, Rule } from '../../../electron/engine/identify/types';

const facts = (entries: Record<string, string>): Facts =>
  new Map(Object.entries(entries).map(([k, v]) => [k, { value: v, source: k }]));

describe('rule evaluation', () => {
  it('matches sysObjectID prefixes on dot boundaries only', () => {
    const f = facts({ oid: '1.3.6.1.4.1.99.1' });
    expect(conditionHolds({ fact: 'oid', prefix: '1.3.6.1.4.1.9' }, f)).toBe(false);
    expect(conditionHolds({ fact: 'oid', prefix: '1.3.6.1.4.1.99' }, f)).toBe(true);
    expect(conditionHolds({ fact: 'oid', prefix: '.1.3.6.1.4.1.99.1' }, f)).toBe(true);
  });

  it('records evidence for constants, named captures and whole values, with source and observed value', () => {
    const rules: Rule[] = [
      { id: 'descr:acme', fact: 'descr', match: /^Acme (?<model>\S+) v(?<firmware>[\d.]+)/, set: { type: 'switch', vendor: 'Acme' }, weight: 60 },
      { id: 'serial', fact: 'sn', take: 'serial', weight: 80 },
    ];
    const evidence = evaluateRules(rules, facts({ descr: 'Acme SW-24 v1.2.3', sn: ' SN\u0007123 ' }));
    expect(evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'type', value: 'switch', rule: 'descr:acme', source: 'descr', observed: 'Acme SW-24 v1.2.3', weight: 60 }),
        expect.objectContaining({ field: 'vendor', value: 'Acme', rule: 'descr:acme' }),
        expect.objectContaining({ field: 'model', value: 'SW-24' }),
        expect.objectContaining({ field: 'firmware', value: '1.2.3' }),
        expect.objectContaining({ field: 'serial', value: 'SN 123', rule: 'serial', weight: 80 }),
      ]),
    );
  });

  it('lets the highest weight win per field and keeps the first on a tie', () => {
    const w = pickWinners([
      { field: 'type', value: 'server', rule: 'a', source: 'x', weight: 20 },
      { field: 'type', value: 'nas', rule: 'b', source: 'y', weight: 72 },
      { field: 'type', value: 'printer', rule: 'c', source: 'z', weight: 72 },
      { field: 'model', value: 'M1', rule: 'd', source: 'z', weight: 5 },
    ]);
    expect(w).toMatchObject({ type: 'nas', model: 'M1', vendor: null, serial: null });
  });

  it('honours absence, numeric bounds, bit tests and extra conditions', () => {
    const rules: Rule[] = [
      { id: 'bridge', fact: 'ports', min: 5, also: [{ fact: 'procs', absent: true }], set: { type: 'switch' }, weight: 30 },
      { id: 'phone', fact: 'caps', anyBit: 0x04, set: { type: 'phone' }, weight: 40 },
    ];
    expect(pickWinners(evaluateRules(rules, facts({ ports: '24' }))).type).toBe('switch');
    expect(pickWinners(evaluateRules(rules, facts({ ports: '24', procs: 'init' }))).type).toBe('unknown');
    expect(pickWinners(evaluateRules(rules, facts({ ports: '2' }))).type).toBe('unknown');
    expect(pickWinners(evaluateRules(rules, facts({ caps: String(0x24) }))).type).toBe('phone');
  });

  it('drops placeholder values instead of reporting them', () => {
    const rules: Rule[] = [{ id: 'm', fact: 'm', take: 'model', weight: 10 }];
    for (const junk of ['', '   ', 'N/A', 'Unknown', 'To be filled by O.E.M.', 'Chassis', '<private>']) {
      expect(evaluateRules(rules, facts({ m: junk }))).toEqual([]);
    }
  });
});

describe('hardware vendor', () => {
  it('prefers the MAC maker over a software-platform vendor, and keeps real hardware vendors', async () => {
    const { pickWinners } = await import('../../../electron/engine/identify/evaluate');
    const platform = { field: 'vendor' as const, value: 'VMware', rule: 'sysobjectid:vmware-esxi', source: '1.3.6.1.2.1.1.2.0', weight: 70 };
    const oui = { field: 'vendor' as const, value: 'Dell', rule: 'oui', source: 'mac', weight: 20 };
    expect(pickWinners([platform, oui]).vendor).toBe('Dell');
    expect(pickWinners([platform]).vendor).toBe('VMware');
    const cisco = { ...platform, value: 'Cisco' };
    expect(pickWinners([cisco, oui]).vendor).toBe('Cisco');
  });
});
