import { describe, expect, it } from 'vitest';
import type { Device } from '../../../shared/scan-document';
import type { Interface, Sensor } from '../../../shared/health/schema';
import { DEFAULT_THRESHOLDS, RULES, evaluateFindings, scoreRisk, scoreSiteRisk, matchHistory, linearTrend, dateWhenReaches } from '../../../shared/health';

const NOW = new Date('2026-06-01T12:00:00Z');

function device(patch: Partial<Device> = {}): Device {
  return {
    id: 'aa:bb:cc:00:00:01', ip: '10.0.0.5', mac: 'aa:bb:cc:00:00:01', hostname: null, vendor: null, type: 'server', model: null,
    firmware: null, serial: null, sysName: null, sysDescr: null, sysObjectID: null, uptimeSeconds: 10 * 86400,
    reachability: {}, identification: { evidence: [] }, errors: [], ...patch,
  };
}
const disk = (percent: number, name = 'C:\\') => ({ name, kind: 'disk' as const, sizeBytes: 100e9, usedBytes: percent * 1e9, percent, oids: ['a', 'b', `1.3.6.1.2.1.25.2.3.1.6.1`] });
const rules = (d: Device, t: Record<string, number> = {}) => evaluateFindings(d, t, NOW).map((f) => `${f.rule}:${f.severity}`);
const iface = (patch: Partial<Interface>): Interface => ({
  ifIndex: 1, name: 'Gi0/1', alias: null, type: 6, operStatus: 'up', adminStatus: 'up', speedMbps: 1000, duplex: 'full', lastChangeSeconds: null,
  counters: { inErrors: 0, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 0, lateCollisions: 0 }, rates: null, sampleIntervalSeconds: null, oids: [], ...patch,
});
const state = (component: Sensor['component'], status: Sensor['status'], stateText: string): Sensor => ({ kind: 'state', component, name: `${component} 1`, value: 11, unit: '', status, stateText, source: 'test', oids: ['1.2.3'] });

describe('rule table', () => {
  it('has unique ids, and every threshold default is exported', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(DEFAULT_THRESHOLDS['storage-full.warnPercent']).toBe(90);
    expect(DEFAULT_THRESHOLDS['ups-battery-age.maxAgeYears']).toBe(3);
  });
});

describe('capacity rules', () => {
  it('fires storage-full at the thresholds, not below', () => {
    expect(rules(device({ storage: [disk(89.9)] }))).toEqual([]);
    expect(rules(device({ storage: [disk(90)] }))).toEqual(['storage-full:medium']);
    expect(rules(device({ storage: [disk(97)] }))).toEqual(['storage-full:high']);
  });
  it('a user threshold override changes the outcome', () => {
    expect(rules(device({ storage: [disk(85)] }), { 'storage-full.warnPercent': 80 })).toEqual(['storage-full:medium']);
    expect(rules(device({ storage: [disk(97)] }), { 'storage-full.critPercent': 99 })).toEqual(['storage-full:medium']);
  });
  it('ignores read-only firmware volumes', () => {
    expect(rules(device({ storage: [disk(100, '/rom')] }))).toEqual([]);
  });
  it('explains with evidence and recommendation', () => {
    const [f] = evaluateFindings(device({ storage: [disk(97, 'D:\\')] }), {}, NOW);
    expect(f!.title).toBe('Volume D:\\ is 97% full');
    expect(f!.explanation).toContain('free of');
    expect(f!.evidence[0]).toMatchObject({ oid: '1.3.6.1.2.1.25.2.3.1.6.1', threshold: '95%' });
    expect(f!.recommendation.length).toBeGreaterThan(10);
  });
  it('judges memory and CPU only on general-purpose systems', () => {
    const mem = { totalBytes: 8e9, usedBytes: 7.7e9, percent: 96, oids: ['m'] };
    expect(rules(device({ memory: mem }))).toEqual(['memory-pressure:medium']);
    expect(rules(device({ memory: mem, type: 'printer' }))).toEqual([]);
    expect(rules(device({ cpu: { loadPercent: 90, cores: 4, oids: ['c'] } }))).toEqual(['cpu-high:medium']);
    expect(rules(device({ cpu: { loadPercent: 84, cores: 4, oids: ['c'] } }))).toEqual([]);
  });
});

describe('hardware and environment rules', () => {
  it('degraded RAID is critical, failed fan high, warning medium, ok nothing', () => {
    expect(rules(device({ sensors: [state('raid', 'critical', 'Degrade')] }))).toEqual(['hardware-failed:critical']);
    expect(rules(device({ sensors: [state('fan', 'critical', 'failed')] }))).toEqual(['hardware-failed:high']);
    expect(rules(device({ sensors: [state('psu', 'warning', 'nonCritical')] }))).toEqual(['hardware-warning:medium']);
    expect(rules(device({ sensors: [state('psu', 'ok', 'ok')] }))).toEqual([]);
  });
  it('disk temperatures use the disk thresholds; devices with limits decide themselves', () => {
    const t = (value: number, component: Sensor['component'], extra: Partial<Sensor> = {}): Sensor => ({ kind: 'temperature', component, name: 'Disk 3', value, unit: '°C', status: 'unknown', source: 't', oids: ['x'], ...extra });
    expect(rules(device({ sensors: [t(49, 'disk')] }))).toEqual([]);
    expect(rules(device({ sensors: [t(52, 'disk')] }))).toEqual(['temperature-high:medium']);
    expect(rules(device({ sensors: [t(61, 'disk')] }))).toEqual(['temperature-high:high']);
    expect(rules(device({ sensors: [t(61, 'disk')] }), { 'temperature-high.diskCritC': 65 })).toEqual(['temperature-high:medium']);
    expect(rules(device({ sensors: [t(80, 'temperature', { limits: { high: 90 }, status: 'ok' })] }))).toEqual([]);
    expect(rules(device({ sensors: [t(50, 'temperature', { limits: { high: 45 }, status: 'critical' })] }))).toEqual(['temperature-high:high']);
  });
});

describe('printer rules', () => {
  const supply = (percent: number | null) => ({ kind: 'toner' as const, colour: 'black', name: 'Black Toner', percent, level: percent, capacity: 100, oids: ['l', 'c'] });
  it('supply-low at 10 % and empty at 2 %; unknown levels never fire', () => {
    expect(rules(device({ type: 'printer', supplies: [supply(11)] }))).toEqual([]);
    expect(rules(device({ type: 'printer', supplies: [supply(10)] }))).toEqual(['supply-low:medium']);
    expect(rules(device({ type: 'printer', supplies: [supply(1)] }))).toEqual(['supply-low:high']);
    expect(rules(device({ type: 'printer', supplies: [supply(null)] }))).toEqual([]);
  });
  it('a low supply carries the device-reported forecast inputs (pages left, page count)', () => {
    const s = { ...supply(5), level: 150, capacity: 3000, unit: 'impressions' };
    const printer = { pageCount: 48213, errorStates: [], alerts: [], oids: [] };
    const [f] = evaluateFindings(device({ type: 'printer', supplies: [s], printer }), {}, NOW);
    expect(f!.forecast).toMatchObject({ method: 'device-reported' });
    expect(f!.forecast!.inputs).toEqual(expect.arrayContaining([{ name: 'pages remaining (device-reported)', value: 150 }, { name: 'lifetime page count', value: 48213 }]));
  });

  it('a jam seen in both the error state and prtAlert is one finding with both pieces of evidence', () => {
    const printer = { pageCount: 1, errorStates: ['jammed', 'lowPaper'], alerts: [{ severity: 'critical' as const, code: 8, codeName: 'jam', group: 13, description: 'Jam in tray 2', oids: ['a', 'b', 'c'] }], oids: ['1.3.6.1.2.1.25.3.5.1.2.1'] };
    const fs = evaluateFindings(device({ type: 'printer', printer }), {}, NOW);
    const jam = fs.find((f) => f.subject === 'jam')!;
    expect(jam.severity).toBe('high');
    expect(jam.evidence).toHaveLength(2);
    expect(jam.explanation).toContain('Jam in tray 2');
    expect(fs.find((f) => f.subject === 'low-paper')!.severity).toBe('low');
  });
});

describe('UPS rules', () => {
  const ups = (patch: Partial<NonNullable<Device['ups']>> = {}): NonNullable<Device['ups']> => ({
    batteryStatus: 'normal', chargePercent: 100, runtimeMinutes: 40, loadPercent: 30, batteryTemperatureC: 25, onBattery: false, outputStatus: 'online',
    replaceIndicator: false, lastReplacedDate: '2025-01-01', recommendedReplaceDate: null, selfTestResult: 'passed', lastSelfTestDate: null, oids: {}, ...patch,
  });
  it('a healthy UPS raises nothing', () => {
    expect(rules(device({ type: 'ups', ups: ups() }))).toEqual([]);
  });
  it('covers replace, age, runtime, charge, on battery, overload and self-test', () => {
    expect(rules(device({ type: 'ups', ups: ups({ replaceIndicator: true }) }))).toEqual(['ups-battery-replace:high']);
    expect(rules(device({ type: 'ups', ups: ups({ lastReplacedDate: '2022-05-01' }) }))).toEqual(['ups-battery-age:medium']);
    expect(rules(device({ type: 'ups', ups: ups({ runtimeMinutes: 8 }) }))).toEqual(['ups-runtime-low:medium']);
    expect(rules(device({ type: 'ups', ups: ups({ runtimeMinutes: 4 }) }))).toEqual(['ups-runtime-low:high']);
    expect(rules(device({ type: 'ups', ups: ups({ chargePercent: 40 }) }))).toEqual(['ups-charge-low:medium']);
    expect(rules(device({ type: 'ups', ups: ups({ onBattery: true, outputStatus: 'battery' }) }))).toEqual(['ups-on-battery:high']);
    expect(rules(device({ type: 'ups', ups: ups({ loadPercent: 95 }) }))).toEqual(['ups-overload:high']);
    expect(rules(device({ type: 'ups', ups: ups({ selfTestResult: 'failed' }) }))).toEqual(['ups-selftest-failed:high']);
  });
  it('forecasts the battery replacement date from the device-reported date', () => {
    const [f] = evaluateFindings(device({ type: 'ups', ups: ups({ lastReplacedDate: '2023-07-01' }) }), {}, NOW);
    expect(f).toMatchObject({ rule: 'ups-battery-age', severity: 'low', predictedDate: '2026-07-01' });
    expect(f!.forecast!.inputs.map((i) => i.name)).toContain('last battery replacement');
  });
});

describe('interface rules', () => {
  it('error and CRC rates need two samples', () => {
    const withTotals = iface({ counters: { inErrors: 1e6, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 1e6, lateCollisions: 0 } });
    expect(rules(device({ type: 'switch', interfaces: [withTotals] }))).toEqual([]);
    const rising = iface({ rates: { inErrors: 0.2, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 3, lateCollisions: 0 }, sampleIntervalSeconds: 5 });
    expect(rules(device({ type: 'switch', interfaces: [rising] }))).toEqual(['if-errors:medium']);
  });
  it('half-duplex alone is medium; half-duplex with rising CRC is a duplex mismatch', () => {
    expect(rules(device({ type: 'switch', interfaces: [iface({ duplex: 'half', speedMbps: 1000 })] }))).toEqual(['if-half-duplex:medium']);
    const mismatch = iface({ duplex: 'half', speedMbps: 1000, rates: { inErrors: 0, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 2, lateCollisions: 0 }, sampleIntervalSeconds: 5 });
    expect(rules(device({ type: 'switch', interfaces: [mismatch] })).sort()).toEqual(['if-duplex-mismatch:high', 'if-errors:medium']);
  });
  it('flags a gigabit port linked at 100 Mb/s but not a 10G port with 1G optics', () => {
    expect(rules(device({ type: 'switch', interfaces: [iface({ speedMbps: 100 })] }))).toEqual(['if-speed-below-capability:low']);
    expect(rules(device({ type: 'switch', interfaces: [iface({ name: 'Te1/0/1', speedMbps: 1000 })] }))).toEqual([]);
  });
  it('flapping only on infrastructure ports of a device that did not just boot', () => {
    const recent = iface({ name: 'Gi0/24', alias: 'uplink to core', lastChangeSeconds: 120 });
    expect(rules(device({ type: 'switch', interfaces: [recent] }))).toEqual(['if-flapping:low']);
    expect(rules(device({ type: 'switch', interfaces: [{ ...recent, alias: 'desk 12' }] }))).toEqual([]);
    expect(rules(device({ type: 'switch', uptimeSeconds: 1000, interfaces: [recent] }))).toEqual(['reboot-recent:low']);
  });
});

describe('lifecycle and security rules', () => {
  it('uptime: recent reboot, long uptime, neither', () => {
    expect(rules(device({ uptimeSeconds: 600 }))).toEqual(['reboot-recent:low']);
    expect(rules(device({ uptimeSeconds: 400 * 86400 }))).toEqual(['uptime-long:medium']);
    expect(rules(device({ uptimeSeconds: 30 * 86400 }))).toEqual([]);
  });
  it('end-of-life from the dated table, with a user-supplied table', () => {
    expect(rules(device({ sysDescr: 'Hardware: x86 - Software: Windows Version 6.1 (Build 7601)' }))).toEqual(['eol-software:medium']);
    const custom = evaluateFindings(device({ sysDescr: 'AcmeOS 1.0' }), {}, NOW, { eolTable: [{ product: 'AcmeOS 1', pattern: 'AcmeOS 1\\.', eolDate: '2026-08-01' }] });
    expect(custom.map((f) => `${f.rule}:${f.severity}:${f.predictedDate}`)).toEqual(['eol-software:low:2026-08-01']);
  });
  it('default community, v1/v2c only, telnet and plain http', () => {
    const d = device({ reachability: { snmp: { version: 'v2c', credential: 'public' }, tcp: [23, 80] } });
    expect(rules(d).sort()).toEqual(['mgmt-plain-http:low', 'mgmt-telnet:medium', 'snmp-default-community:medium', 'snmp-no-v3:low']);
    expect(rules(device({ reachability: { snmp: { version: 'v3', credential: 'ops' }, tcp: [22, 443] } }))).toEqual([]);
  });

  it('the default-community rule reads the probe\'s flag, not the display label (documents saved before the flag: the label)', () => {
    const flagged = device({ reachability: { snmp: { version: 'v2c', credential: 'community #2', defaultCommunity: 'private' } } });
    expect(rules(flagged)).toContain('snmp-default-community:high');
    // A profile's community shown by position, whatever its label, is never taken for a default.
    expect(rules(device({ reachability: { snmp: { version: 'v2c', credential: 'community #1' } } }))).not.toContain('snmp-default-community:medium');
    expect(rules(device({ reachability: { snmp: { version: 'v2c', credential: 'private' } } }))).toContain('snmp-default-community:high');
  });
});

describe('risk and forecasts', () => {
  it('orders devices by severity of what they have, explains contributors', () => {
    const critical = scoreRisk(evaluateFindings(device({ sensors: [state('raid', 'critical', 'Degrade')] }), {}, NOW));
    const fewLows = scoreRisk(evaluateFindings(device({ uptimeSeconds: 60, reachability: { snmp: { version: 'v2c', credential: 'x' } } }), {}, NOW));
    const none = scoreRisk([]);
    expect(critical.score).toBeGreaterThan(fewLows.score);
    expect(fewLows.score).toBeGreaterThan(none.score);
    expect(none.score).toBe(0);
    expect(critical.contributors[0]).toMatchObject({ rule: 'hardware-failed' });
    const many = scoreRisk(Array.from({ length: 30 }, () => evaluateFindings(device({ storage: [disk(97)] }), {}, NOW)[0]!));
    expect(many.score).toBeLessThanOrEqual(100);
    const site = scoreSiteRisk([{ id: 'a', risk: critical }, { id: 'b', risk: fewLows }]);
    expect(site.contributors[0]!.deviceId).toBe('a');
    expect(site.score).toBeGreaterThanOrEqual(critical.score);
  });

  it('linear trend and crossing date', () => {
    const day = 86_400_000;
    const pts = [{ t: 0, v: 70 }, { t: 10 * day, v: 80 }];
    expect(linearTrend(pts)!.slopePerDay).toBeCloseTo(1);
    expect(dateWhenReaches(pts, 100, 'up')!.getTime()).toBe(30 * day);
    expect(dateWhenReaches(pts, 0, 'down')).toBeNull();
  });

  it('forecasts a disk filling from two earlier scans matched by MAC, with the inputs', () => {
    const before = (at: string, percent: number) => ({ at, devices: [device({ ip: '10.0.0.99', storage: [disk(percent)] })] });
    const history = matchHistory(device(), [before('2026-04-02T12:00:00Z', 70), before('2026-05-02T12:00:00Z', 80), { at: '2026-05-03T00:00:00Z', devices: [device({ mac: 'ff:ff:ff:ff:ff:ff', storage: [disk(10)] })] }]);
    expect(history).toHaveLength(2);
    const fs = evaluateFindings(device({ storage: [disk(90)] }), {}, NOW, { history });
    const f = fs.find((x) => x.rule === 'storage-fill-forecast')!;
    expect(f.predictedDate).toBe('2026-07-01');
    expect(f.forecast!.method).toBe('linear-trend');
    expect(f.forecast!.inputs).toHaveLength(3);
  });

  it('forecasts a supply running out, restarting the trend after a cartridge swap', () => {
    const sup = (percent: number) => ({ kind: 'toner' as const, colour: 'black', name: 'Black', percent, level: percent, capacity: 100, oids: ['l', 'c'] });
    const scans = [
      { at: '2026-03-01T12:00:00Z', devices: [device({ type: 'printer', supplies: [sup(5)] })] },
      { at: '2026-05-02T12:00:00Z', devices: [device({ type: 'printer', supplies: [sup(100)] })] },
      { at: '2026-05-17T12:00:00Z', devices: [device({ type: 'printer', supplies: [sup(70)] })] },
    ];
    const fs = evaluateFindings(device({ type: 'printer', supplies: [sup(40)] }), {}, NOW, { history: matchHistory(device(), scans) });
    const f = fs.find((x) => x.rule === 'supply-runout-forecast')!;
    expect(f.predictedDate).toBe('2026-06-21');
    expect(f.forecast!.inputs.filter((i) => i.name.endsWith('%'))).toHaveLength(3);
    // Nearer than two weeks is medium by default; the technician can move that line like any other threshold.
    const days = (Date.parse('2026-06-21') - NOW.getTime()) / 86_400_000;
    const severityWith = (soonDays: number) =>
      evaluateFindings(device({ type: 'printer', supplies: [sup(40)] }), { 'supply-runout-forecast.soonDays': soonDays }, NOW, { history: matchHistory(device(), scans) }).find((x) => x.rule === 'supply-runout-forecast')!.severity;
    expect(severityWith(Math.ceil(days) + 1)).toBe('medium');
    expect(severityWith(Math.floor(days) - 1)).toBe('low');
  });
});
