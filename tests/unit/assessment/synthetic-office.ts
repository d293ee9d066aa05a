/**
 * A synthetic client office as scan documents: a router, two switches, printers,
 * a UPS, a NAS, servers and N workstations, with health readings that trip the
 * real rules. Visit 2 (60 days later) changes what a returning technician
 * would notice: a new laptop, a retired PC, new firmware, a moved host,
 * toner and disk trends. Used by tests, the report bench and the committed sample.
 * All names, addresses and serials are invented (documentation MAC/IP style).
 */
import { reanalyzeDocument } from '../../../shared/assessment/reanalyze';
import { SCAN_SCHEMA_VERSION, type Device, type ScanDocument } from '../../../shared/scan-document';
import type { Link } from '../../../shared/topology/schema';

export interface OfficeOptions {
  workstations?: number;
  visit?: 1 | 2;
  client?: string;
  site?: string;
  /** Extra findings-heavy servers, for the benchmark. */
  busyServers?: number;
}

const VISIT_DATES = { 1: ['2026-01-12T09:00:00.000Z', '2026-01-12T09:04:31.000Z'], 2: ['2026-03-13T09:00:00.000Z', '2026-03-13T09:05:02.000Z'] } as const;

const mac = (n: number) => `00:1b:77:00:${((n >> 8) & 0xff).toString(16).padStart(2, '0')}:${(n & 0xff).toString(16).padStart(2, '0')}`;
const ipOf = (n: number) => `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;

function base(n: number, type: Device['type'], fields: Partial<Device> = {}): Device {
  const m = mac(n);
  return {
    id: m, ip: ipOf(n), mac: m, hostname: null, vendor: null, type, model: null, firmware: null, serial: null,
    sysName: null, sysDescr: null, sysObjectID: null, uptimeSeconds: null,
    reachability: { icmp: { alive: true, rttMs: 0.4, lossPercent: 0 }, arp: true },
    identification: { evidence: [] }, errors: [],
    ...fields,
  };
}

const snmp = { version: 'v2c' as const, credential: 'Office read-only' };
const DAY = 86_400;
const GB = 1024 ** 3;
const oids = ['1.3.6.1.2.1.25.2.3.1.5.1', '1.3.6.1.2.1.25.2.3.1.4.1', '1.3.6.1.2.1.25.2.3.1.6.1'];

function disk(name: string, sizeGb: number, percent: number) {
  return { name, kind: 'disk' as const, sizeBytes: sizeGb * GB, usedBytes: Math.round((sizeGb * GB * percent) / 100), percent, oids };
}

function iface(ifIndex: number, name: string, extra: Partial<NonNullable<Device['interfaces']>[number]> = {}): NonNullable<Device['interfaces']>[number] {
  const zero = { inErrors: 0, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 0, lateCollisions: 0 };
  return {
    ifIndex, name, alias: null, type: 6, operStatus: 'up', adminStatus: 'up', speedMbps: 1000, duplex: 'full', lastChangeSeconds: 40 * DAY,
    counters: zero, rates: zero, sampleIntervalSeconds: 10, oids: [`1.3.6.1.2.1.2.2.1.8.${ifIndex}`], ...extra,
  };
}

function toner(name: string, colour: string, percent: number, index: number) {
  return { kind: 'toner' as const, colour, name, percent, level: percent * 20, capacity: 2000, oids: [`1.3.6.1.2.1.43.11.1.1.9.1.${index}`, `1.3.6.1.2.1.43.11.1.1.8.1.${index}`] };
}

export function syntheticOffice(options: OfficeOptions = {}): ScanDocument {
  const visit = options.visit ?? 1;
  const second = visit === 2;
  const workstations = options.workstations ?? 14;
  const [startedAt, finishedAt] = VISIT_DATES[visit];
  const devices: Device[] = [];
  const links: Link[] = [];
  const link = (a: string, aPort: string | null, b: string, via: Link['via'] = 'fdb'): void => {
    links.push({ a: { device: a, port: aPort }, b: { device: b, port: null }, via, confidence: via === 'fdb' ? 'inferred' : 'confirmed', speed: 1000, duplex: 'full' });
  };

  const router = base(1, 'router', { hostname: 'gw01', vendor: 'MikroTik', model: 'RB5009', firmware: 'RouterOS 7.14', serial: 'HEX5009A1', uptimeSeconds: 91 * DAY, reachability: { icmp: { alive: true, rttMs: 0.3, lossPercent: 0 }, snmp, tcp: [22, 443] } });
  const core = base(2, 'switch', {
    hostname: 'sw-core01', vendor: 'HPE Aruba', model: 'Aruba 2930F-24G', firmware: second ? 'WC.16.11.0016' : 'WC.16.10.0021', serial: 'CN12KX0042', uptimeSeconds: 120 * DAY,
    reachability: { icmp: { alive: true, rttMs: 0.5, lossPercent: 0 }, snmp, tcp: [22, 443] },
    interfaces: [iface(1, '1'), iface(2, '2'), iface(24, '24')],
    sensors: [{ kind: 'temperature', component: 'system', name: 'Chassis', value: 41, unit: '°C', status: 'ok', source: 'entity-sensor', oids: ['1.3.6.1.2.1.99.1.1.1.4.1'] }, { kind: 'state', component: 'psu', name: 'Power supply 1', value: 1, unit: '', status: 'ok', stateText: 'good', source: 'entity-sensor', oids: ['1.3.6.1.2.1.99.1.1.1.5.2'] }],
  });
  const access = base(3, 'switch', {
    hostname: 'sw-access01', vendor: 'Cisco', model: 'CBS350-24P', firmware: '3.3.0.16', serial: 'PSZ24151A2B', uptimeSeconds: 35 * DAY,
    reachability: { icmp: { alive: true, rttMs: 0.6, lossPercent: 0 }, snmp, tcp: [22, 80, 443] },
    interfaces: [
      iface(1, 'gi1'),
      iface(7, 'gi7', { duplex: 'half', speedMbps: 100, counters: { inErrors: 18200, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 17650, lateCollisions: 312 }, rates: { inErrors: 3.2, outErrors: 0, inDiscards: 0, outDiscards: 0, fcsErrors: 3.1, lateCollisions: 0.4 } }),
      iface(24, 'gi24'),
    ],
  });
  devices.push(router, core, access);
  link(core.id, '1', router.id, 'lldp');
  links.push({ a: { device: core.id, port: '24' }, b: { device: access.id, port: 'gi24' }, via: 'lldp', confidence: 'confirmed', speed: 1000, duplex: 'full' });

  const printerTrouble = base(10, 'printer', {
    hostname: 'prn-hp01', vendor: 'HP', model: 'Color LaserJet Pro M479fdw', firmware: '2409081_052598', serial: 'VNB3K12345', uptimeSeconds: 6 * DAY,
    reachability: { icmp: { alive: true, rttMs: 1.1, lossPercent: 0 }, snmp, tcp: [80, 443, 631, 9100] },
    supplies: [toner('Black Cartridge HP 415A', 'black', second ? 3 : 12, 1), toner('Cyan Cartridge HP 415A', 'cyan', second ? 41 : 55, 2), toner('Magenta Cartridge HP 415A', 'magenta', second ? 38 : 52, 3), toner('Yellow Cartridge HP 415A', 'yellow', second ? 47 : 60, 4)],
    printer: { pageCount: second ? 48_210 : 45_900, errorStates: ['jammed'], alerts: [{ severity: 'critical', code: 8, codeName: 'jam', group: 8, description: 'Paper jam in tray 2', oids: ['1.3.6.1.2.1.43.18.1.1.7.1.1', '1.3.6.1.2.1.43.18.1.1.2.1.1', '1.3.6.1.2.1.43.18.1.1.8.1.1'] }], oids: ['1.3.6.1.2.1.25.3.5.1.2.1'] },
  });
  const printerOk = base(11, 'printer', {
    hostname: 'prn-brother01', vendor: 'Brother', model: 'HL-L6210DW', firmware: '1.04', serial: 'E78123K4N', uptimeSeconds: 14 * DAY,
    reachability: { icmp: { alive: true, rttMs: 1.3, lossPercent: 0 }, snmp, tcp: [80, 631, 9100] },
    supplies: [toner('Black Toner TN-3600', 'black', second ? 100 : 8, 1), { kind: 'drum', colour: null, name: 'Drum Unit DR-3600', percent: 71, level: 71, capacity: 100, oids: ['1.3.6.1.2.1.43.11.1.1.9.1.2', '1.3.6.1.2.1.43.11.1.1.8.1.2'] }],
    printer: { pageCount: 12_400, errorStates: [], alerts: [], oids: [] },
  });
  const ups = base(12, 'ups', {
    hostname: 'ups01', vendor: 'APC', model: 'Smart-UPS 1500', firmware: 'UPS 15.0 / NMC 7.1.4', serial: 'AS1734123456', uptimeSeconds: 200 * DAY,
    reachability: { icmp: { alive: true, rttMs: 0.8, lossPercent: 0 }, snmp, tcp: [80, 443] },
    ups: { batteryStatus: 'low', chargePercent: 100, runtimeMinutes: 9, loadPercent: 47, batteryTemperatureC: 31, onBattery: false, outputStatus: 'online', replaceIndicator: true, lastReplacedDate: '2021-09-02', recommendedReplaceDate: null, selfTestResult: 'failed', lastSelfTestDate: '2026-01-05', oids: { replaceIndicator: '1.3.6.1.4.1.318.1.1.1.2.2.4.0', batteryStatus: '1.3.6.1.2.1.33.1.2.1.0', runtimeMinutes: '1.3.6.1.2.1.33.1.2.3.0', selfTestResult: '1.3.6.1.4.1.318.1.1.1.7.2.3.0', lastReplacedDate: '1.3.6.1.4.1.318.1.1.1.2.1.3.0' } },
  });
  const nas = base(13, 'nas', {
    hostname: 'nas01', vendor: 'Synology', model: 'DS920+', firmware: 'DSM 7.2.1-69057', serial: '2080PDN123456', uptimeSeconds: 64 * DAY,
    reachability: { icmp: { alive: true, rttMs: 0.7, lossPercent: 0 }, snmp, tcp: [22, 443, 5001] },
    sensors: [
      { kind: 'state', component: 'raid', name: 'Volume 1 (SHR)', value: 11, unit: '', status: 'critical', stateText: 'degraded', source: 'synology', oids: ['1.3.6.1.4.1.6574.3.1.1.3.0'] },
      { kind: 'temperature', component: 'disk', name: 'Disk 3', value: 63, unit: '°C', status: 'unknown', source: 'synology', oids: ['1.3.6.1.4.1.6574.2.1.1.6.2'] },
      { kind: 'temperature', component: 'disk', name: 'Disk 1', value: 38, unit: '°C', status: 'unknown', source: 'synology', oids: ['1.3.6.1.4.1.6574.2.1.1.6.0'] },
      { kind: 'state', component: 'fan', name: 'System fan', value: 1, unit: '', status: 'ok', stateText: 'normal', source: 'synology', oids: ['1.3.6.1.4.1.6574.1.4.1.0'] },
    ],
    storage: [disk('/volume1', 10_900, second ? 83 : 71)],
  });
  const files = base(14, 'server', {
    hostname: 'srv-files01', vendor: 'Dell', model: 'PowerEdge T150', firmware: 'Windows Server 2019', serial: '7XK2QM3', uptimeSeconds: 18 * DAY,
    reachability: { icmp: { alive: true, rttMs: 0.4, lossPercent: 0 }, snmp, tcp: [135, 445, 3389] },
    storage: [disk('C:\\ Label:System', 240, 58), disk('D:\\ Label:Data', 1_860, second ? 97 : 91)],
    memory: { totalBytes: 32 * GB, usedBytes: 21 * GB, percent: 66, oids: ['1.3.6.1.2.1.25.2.3.1.6.2'] },
    cpu: { loadPercent: 12, cores: 8, oids: ['1.3.6.1.2.1.25.3.3.1.2'] },
  });
  const linux = base(15, 'server', {
    hostname: 'srv-linux01', vendor: 'Supermicro', model: 'SYS-5019C-M', firmware: 'Ubuntu 22.04', serial: 'S41234567890', uptimeSeconds: 410 * DAY,
    sysDescr: 'Linux srv-linux01 5.15.0-91-generic #101-Ubuntu SMP x86_64',
    reachability: { icmp: { alive: true, rttMs: 0.4, lossPercent: 0 }, snmp, tcp: [22, 80] },
    storage: [disk('/', 450, 44), disk('/var', 900, 62)],
    memory: { totalBytes: 64 * GB, usedBytes: 40 * GB, percent: 62, oids: ['1.3.6.1.2.1.25.2.3.1.6.1'] },
    cpu: { loadPercent: 23, cores: 16, oids: ['1.3.6.1.2.1.25.3.3.1.2'] },
  });
  const ap = base(16, 'access-point', { hostname: 'ap-office', vendor: 'Ubiquiti', model: 'U6-Pro', firmware: '6.6.55', serial: 'F4E2C6123456', uptimeSeconds: 35 * DAY, reachability: { icmp: { alive: true, rttMs: 1.9, lossPercent: 0 }, snmp, tcp: [22] } });
  const camera = base(17, 'camera', { hostname: null, vendor: 'Axis', model: 'M3106-L', firmware: '9.80.3', serial: 'ACCC8E123456', reachability: { icmp: { alive: true, rttMs: 2.1, lossPercent: 0 }, tcp: [80, 443, 554] } });
  const phone = base(18, 'phone', { hostname: null, vendor: 'Yealink', model: 'T54W', reachability: { icmp: { alive: true, rttMs: 2.5, lossPercent: 0 }, tcp: [80, 443] } });
  const legacy = base(19, 'workstation', {
    hostname: 'ws-legacy', vendor: 'Dell', model: 'OptiPlex 7010', sysDescr: 'Hardware: x86 Family 6 - Software: Windows Version 6.1 (Build 7601 Multiprocessor Free)', uptimeSeconds: 3 * 3600,
    reachability: { icmp: { alive: true, rttMs: 0.9, lossPercent: 0 }, snmp, tcp: [135, 445, 3389] },
    errors: [{ code: 'snmp-timeout', message: 'The host answered ping but its SNMP agent stopped answering during the health walk.', phase: 'health' }],
  });
  devices.push(printerTrouble, printerOk, ups, nas, files, linux, ap, camera, phone, legacy);
  for (const [d, port] of [[printerTrouble, 'gi7'], [printerOk, 'gi3'], [camera, 'gi12'], [phone, 'gi11'], [ap, 'gi2']] as const) link(access.id, port, d.id);
  for (const [d, port] of [[ups, '5'], [nas, '3'], [files, '4'], [linux, second ? '9' : '6']] as const) link(core.id, port, d.id);

  // An unmanaged desk switch behind gi5 with the legacy PC and two workstations.
  const desk: Device = { ...base(900, 'unmanaged-switch'), id: `unmanaged:${access.id}:gi5`, ip: null, mac: null, reachability: {} };
  devices.push(desk);
  link(access.id, 'gi5', desk.id);
  link(desk.id, null, legacy.id);

  const busy = options.busyServers ?? 0;
  for (let i = 0; i < workstations + busy; i++) {
    const n = 100 + i;
    if (second && i === 2) continue; // retired before the second visit
    const isBusy = i >= workstations;
    const ws = base(n, isBusy ? 'server' : 'workstation', {
      hostname: isBusy ? `srv-app${String(i - workstations + 1).padStart(2, '0')}` : `ws-${String(i + 1).padStart(3, '0')}`,
      vendor: i % 3 === 0 ? 'Lenovo' : 'Dell', model: i % 3 === 0 ? 'ThinkCentre M70q' : 'OptiPlex 7000', serial: `SN${String(n).padStart(6, '0')}`,
      firmware: 'Windows 11 Pro 23H2', uptimeSeconds: (1 + (i % 9)) * DAY,
      reachability: { icmp: { alive: true, rttMs: 0.5, lossPercent: 0 }, ...(isBusy ? { snmp } : {}), tcp: [135, 445] },
      ...(isBusy ? { storage: [disk('C:\\ Label:System', 480, 92 + (i % 4)), disk('E:\\ Label:Logs', 960, 90 + (i % 7))], cpu: { loadPercent: 88 + (i % 10), cores: 8, oids: ['1.3.6.1.2.1.25.3.3.1.2'] }, memory: { totalBytes: 16 * GB, usedBytes: 15 * GB, percent: 94, oids: ['1.3.6.1.2.1.25.2.3.1.6.2'] } } : {}),
    });
    devices.push(ws);
    if (i < 2) link(desk.id, null, ws.id);
    else link(isBusy ? core.id : access.id, isBusy ? `${10 + (i % 14)}` : `gi${13 + (i % 11)}`, ws.id);
  }
  if (second) {
    const laptop = base(60, 'workstation', { hostname: 'lt-reception', vendor: 'HP', model: 'EliteBook 840 G10', serial: 'CND3301XYZ', firmware: 'Windows 11 Pro 23H2', uptimeSeconds: 2 * DAY, reachability: { icmp: { alive: true, rttMs: 3.1, lossPercent: 0 }, tcp: [135, 445] } });
    devices.push(laptop);
    link(access.id, 'gi10', laptop.id);
  }

  const document: ScanDocument = {
    schemaVersion: SCAN_SCHEMA_VERSION,
    generator: { name: 'forewarn', version: '0.1.0' },
    scan: { id: `synthetic-visit-${visit}`, startedAt, finishedAt, targets: ['10.77.0.0/24'], status: 'completed', preset: 'full', client: options.client ?? 'Harbour Dental Practice', site: options.site ?? 'Main office' },
    devices,
    links,
  };
  return document;
}

/** The office with findings and risk computed by the real rules (visit 2 gets visit 1 as history). */
export function analysedOffice(options: OfficeOptions = {}): ScanDocument {
  const document = syntheticOffice(options);
  const previous = options.visit === 2 ? [syntheticOffice({ ...options, visit: 1 })] : [];
  return reanalyzeDocument(document, { previous });
}
