import { describe, expect, it } from 'vitest';
import { compareScans, compareInOrder } from '../../../shared/assessment/compare';
import { matchDevices } from '../../../shared/assessment/match';
import type { Device } from '../../../shared/scan-document';
import { analysedOffice } from './synthetic-office';

describe('since last visit', () => {
  const older = analysedOffice({ visit: 1 });
  const newer = analysedOffice({ visit: 2 });
  const c = compareScans(older, newer);

  it('reports new and missing devices', () => {
    expect(c.newDevices.map((d) => d.name)).toEqual(['lt-reception']);
    expect(c.missingDevices.map((d) => d.name)).toEqual(['ws-003']);
    expect(c.older.deviceCount).toBe(27);
    expect(c.newer.deviceCount).toBe(27);
    expect(c.days).toBe(60);
  });

  it('reports changed firmware and a host moved to another port', () => {
    expect(c.changes).toEqual([expect.objectContaining({ field: 'firmware', before: 'WC.16.10.0021', after: 'WC.16.11.0016', device: expect.objectContaining({ name: 'sw-core01' }) })]);
    expect(c.moves).toHaveLength(1);
    expect(c.moves[0]).toMatchObject({ device: { name: 'srv-linux01' }, before: { switchName: 'sw-core01', port: '6' }, after: { switchName: 'sw-core01', port: '9' } });
  });

  it('splits findings into new, resolved and persisting', () => {
    expect(c.findings.resolved.map((f) => `${f.device.name}:${f.rule}`)).toEqual(['prn-brother01:supply-low']);
    expect(c.findings.new.map((f) => f.rule)).toEqual(expect.arrayContaining(['storage-fill-forecast', 'supply-runout-forecast', 'supply-low']));
    expect(c.findings.persisting.some((f) => f.rule === 'hardware-failed' && f.device.name === 'nas01')).toBe(true);
  });

  it('gives supply and storage trends, and notices a replaced cartridge', () => {
    const black = c.supplyTrends.find((t) => t.device.name === 'prn-hp01' && t.colour === 'black');
    expect(black).toMatchObject({ before: 12, after: 3, change: -9, perMonth: -4.5 });
    expect(c.supplyTrends.find((t) => t.device.name === 'prn-brother01' && t.colour === 'black')?.replaced).toBe(true);
    expect(c.storageTrends.find((t) => t.device.name === 'nas01')).toMatchObject({ before: 71, after: 83, perMonth: 6 });
  });

  it('feeds the two-scan forecasts: the newer scan, re-analysed with the older, predicts when the NAS fills', () => {
    const nas = newer.devices.find((d) => d.hostname === 'nas01')!;
    const forecast = nas.findings!.find((f) => f.rule === 'storage-fill-forecast');
    expect(forecast?.predictedDate).toBe('2026-06-06');
    expect(forecast?.forecast?.method).toBe('linear-trend');
  });

  it('orders the two scans by date whatever the argument order', () => {
    expect(compareInOrder(newer, older).newDevices.map((d) => d.name)).toEqual(['lt-reception']);
  });
});

describe('device matching', () => {
  const device = (id: string, fields: Partial<Device>): Device => ({
    id, ip: null, mac: null, hostname: id, vendor: null, type: 'workstation', model: null, firmware: null, serial: null, sysName: null, sysDescr: null, sysObjectID: null,
    uptimeSeconds: null, reachability: {}, identification: { evidence: [] }, errors: [], ...fields,
  });

  it('matches by MAC first, then serial, then IP', () => {
    const older = [device('a', { mac: 'AA:BB:CC:00:00:01', ip: '10.0.0.5' }), device('b', { serial: 'S-1', ip: '10.0.0.6' }), device('c', { ip: '10.0.0.7' })];
    const newer = [device('a2', { mac: 'aa-bb-cc-00-00-01', ip: '10.0.0.50' }), device('b2', { serial: 's-1 ', ip: '10.0.0.60' }), device('c2', { ip: '10.0.0.7' })];
    const m = matchDevices(older, newer);
    expect(m.pairs.map((p) => [p.older.id, p.newer.id, p.by])).toEqual([['a', 'a2', 'mac'], ['b', 'b2', 'serial'], ['c', 'c2', 'ip']]);
  });

  it('does not match a reused IP when the MACs say it is another machine', () => {
    const m = matchDevices([device('old', { mac: '00:00:00:00:00:01', ip: '10.0.0.9' })], [device('new', { mac: '00:00:00:00:00:02', ip: '10.0.0.9' })]);
    expect(m.pairs).toHaveLength(0);
    expect(m.added.map((d) => d.id)).toEqual(['new']);
    expect(m.missing.map((d) => d.id)).toEqual(['old']);
  });
});
