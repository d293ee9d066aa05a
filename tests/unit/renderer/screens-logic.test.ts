import { describe, expect, it } from 'vitest';
import { applyScanEvents, emptyLiveScan } from '../../../renderer/src/store/live-scan';
import { reanalyzeScan } from '../../../renderer/src/store/reanalyze';
import { EMPTY_DEVICE_FILTER, filterDevices, siteFindings } from '../../../renderer/src/store/selectors';
import type { Finding } from '../../../shared/health/schema';
import type { Link } from '../../../shared/topology/schema';
import { device } from './fake-api';

const finding = (rule: string, severity: Finding['severity']): Finding => ({ rule, severity, title: `${rule} ${severity}`, explanation: '', evidence: [], recommendation: 'fix it' });
const link = (a: string, b: string, confidence: Link['confidence'] = 'inferred'): Link => ({ a: { device: a, port: 'p1' }, b: { device: b, port: null }, via: 'fdb', confidence, speed: null, duplex: null });

describe('device filters', () => {
  const devices = [
    device({ id: 'a', ip: '10.0.0.1', type: 'printer', hostname: 'prn', findings: [finding('supply-low', 'high')] }),
    device({ id: 'b', ip: '10.0.0.2', type: 'server', hostname: 'srv', findings: [finding('snmp-no-v3', 'low')] }),
    device({ id: 'c', ip: '10.0.0.3', type: 'printer', hostname: 'prn2' }),
  ];
  it('filters by type, by worst severity and by text (including the top finding)', () => {
    expect(filterDevices(devices, { ...EMPTY_DEVICE_FILTER, type: 'printer' }).map((d) => d.id)).toEqual(['a', 'c']);
    expect(filterDevices(devices, { ...EMPTY_DEVICE_FILTER, severity: 'medium' }).map((d) => d.id)).toEqual(['a']);
    expect(filterDevices(devices, { ...EMPTY_DEVICE_FILTER, severity: 'low' }).map((d) => d.id)).toEqual(['a', 'b']);
    expect(filterDevices(devices, { ...EMPTY_DEVICE_FILTER, query: 'supply' }).map((d) => d.id)).toEqual(['a']);
    expect(filterDevices(devices, EMPTY_DEVICE_FILTER)).toBe(devices);
  });
  it('lists site findings most severe first, then by device risk', () => {
    const list = siteFindings([
      device({ id: 'x', risk: { score: 10, contributors: [] }, findings: [finding('a', 'medium')] }),
      device({ id: 'y', risk: { score: 50, contributors: [] }, findings: [finding('b', 'medium'), finding('c', 'critical'), finding('d', 'info')] }),
    ]);
    expect(list.map((f) => `${f.device.id}:${f.finding.rule}`)).toEqual(['y:c', 'y:b', 'x:a']);
  });
});

describe('live scan state', () => {
  it('keeps the latest topology and its placeholders', () => {
    const ph = device({ id: 'unmanaged:1', type: 'unmanaged-switch' });
    const scan = applyScanEvents(emptyLiveScan('s'), [{ type: 'topology-updated', scanId: 's', links: [link('sw', 'unmanaged:1')], placeholders: [ph] }]);
    expect(scan?.links).toHaveLength(1);
    expect(scan?.placeholders.map((p) => p.id)).toEqual(['unmanaged:1']);
  });
});

describe('re-checking findings with new thresholds', () => {
  it('drops a full-volume finding once the thresholds sit above its reading', () => {
    const server = device({
      id: 'srv',
      ip: '10.0.0.21',
      type: 'server',
      storage: [{ name: 'D:', kind: 'disk', sizeBytes: 1000, usedBytes: 970, percent: 97, oids: ['1.3.6.1.2.1.25.2.3.1.6.2'] }],
    });
    let scan = applyScanEvents(emptyLiveScan('s'), [
      { type: 'scan-started', scanId: 's', totalAddresses: 1, scan: { id: 's', startedAt: '2026-01-01T00:00:00Z', finishedAt: null, targets: [], status: 'running', preset: 'full' } },
      { type: 'device-found', scanId: 's', device: server },
      { type: 'scan-finished', scanId: 's', status: 'completed', finishedAt: '2026-01-01T00:01:00Z', deviceCount: 1 },
    ])!;
    scan = reanalyzeScan(scan, {});
    expect(scan.devices[0]!.findings?.map((f) => f.rule)).toContain('storage-full');
    const raised = reanalyzeScan(scan, { 'storage-full.warnPercent': 98, 'storage-full.critPercent': 99 });
    expect(raised.devices[0]!.findings?.map((f) => f.rule)).not.toContain('storage-full');
    expect(raised.devices[0]!.risk?.score).toBeLessThan(scan.devices[0]!.risk!.score);
  });
});
