import { describe, expect, it } from 'vitest';
import { addMacVendors } from '../../../electron/engine/topology/mac-vendors';
import { topologyFinding } from '../../../shared/topology/findings';

const finding = () => ({
  ...topologyFinding('topology.duplicate-ip', ['cam'], '10.0.0.51', [
    { name: 'MAC recorded for the device', value: '10.0.0.51 → 00:40:8c:00:00:51' },
    { name: '00:40:8c:00:00:51 learned on', value: 'sw2 port ge11' },
    { name: 'ARP table of rtr', value: '10.0.0.51 → b8:27:eb:00:00:3c' },
    { name: 'b8:27:eb:00:00:3c learned on', value: 'sw2 port ge13' },
  ]),
  macs: ['00:40:8c:00:00:51', 'b8:27:eb:00:00:3c'],
});

describe('addMacVendors', () => {
  it('names each MAC vendor from the IEEE registry, right after the rows about that MAC', async () => {
    const [named] = await addMacVendors([finding()]);
    expect(named!.finding.evidence.map((e) => `${e.name}: ${String(e.value)}`)).toEqual([
      'MAC recorded for the device: 10.0.0.51 → 00:40:8c:00:00:51',
      '00:40:8c:00:00:51 learned on: sw2 port ge11',
      '00:40:8c:00:00:51 vendor (OUI): Axis (Axis Communications AB)',
      'ARP table of rtr: 10.0.0.51 → b8:27:eb:00:00:3c',
      'b8:27:eb:00:00:3c learned on: sw2 port ge13',
      'b8:27:eb:00:00:3c vendor (OUI): Raspberry Pi (Raspberry Pi Foundation)',
    ]);
  });

  it('says so for unregistered and locally administered MACs, and leaves findings without MACs alone', async () => {
    const f = { ...finding(), macs: ['02:11:22:33:44:55', 'fc:ff:ff:00:00:01'] };
    const plain = topologyFinding('topology.duplex-mismatch', ['a', 'b'], 'x ↔ y', []);
    const lookup = async (mac: string) => (mac.startsWith('02') ? { kind: 'randomised' as const, oui: '021122' } : { kind: 'unknown' as const, oui: 'FCFFFF' });
    const [named, untouched] = await addMacVendors([f, plain], lookup);
    const vendors = named!.finding.evidence.filter((e) => e.name.endsWith('vendor (OUI)')).map((e) => e.value);
    expect(vendors).toEqual([
      'none: locally administered (virtual machine, private or hand-set address)',
      'not public: OUI fc:ff:ff is unregistered or privately registered',
    ]);
    expect(untouched).toEqual(plain);
  });

  it('does not call a MAC unregistered when the registry could not be read', async () => {
    const [named] = await addMacVendors([finding()], async () => Promise.reject(new Error('EIO')));
    const vendors = named!.finding.evidence.filter((e) => e.name.endsWith('vendor (OUI)')).map((e) => e.value);
    expect(vendors).toEqual(['unknown: the OUI registry could not be read', 'unknown: the OUI registry could not be read']);
  });
});
