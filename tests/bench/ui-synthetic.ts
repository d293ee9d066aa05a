/**
 * A synthetic site for the UI benchmark: a router, switches wired in a tree
 * (plus redundant cross-links), hosts on their ports, a few unmanaged
 * switches, and health findings on a share of the devices. Deterministic.
 */
import type { DeviceType } from '../../shared/device-types';
import type { Finding } from '../../shared/health/schema';
import { scoreRisk } from '../../shared/health/risk';
import type { Device } from '../../shared/scan-document';
import type { Link } from '../../shared/topology/schema';

const HOST_TYPES: DeviceType[] = ['workstation', 'workstation', 'workstation', 'printer', 'phone', 'camera', 'server', 'access-point', 'iot', 'unknown', 'nas', 'ups'];
const SEVERITIES = ['critical', 'high', 'medium', 'medium', 'low', 'low'] as const;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ipOf(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) || 1}`;
}

function baseDevice(i: number, type: DeviceType, name: string | null): Device {
  return {
    id: `d${i}`,
    ip: ipOf(i + 1),
    mac: `02:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:01`,
    hostname: name,
    vendor: ['Cisco', 'HP', 'Dell', 'Lenovo', 'Brother', 'APC', 'Synology', 'Ubiquiti'][i % 8]!,
    type,
    model: `Model ${i % 37}`,
    firmware: `${1 + (i % 9)}.${i % 13}.${i % 7}`,
    serial: `SN${100000 + i}`,
    sysName: name,
    sysDescr: `Synthetic device ${i}`,
    sysObjectID: null,
    uptimeSeconds: 3600 * (1 + (i % 4000)),
    reachability: { icmp: { alive: true, rttMs: 1, lossPercent: 0 } },
    identification: { evidence: [{ field: 'type', value: type, rule: 'synthetic', source: 'bench', weight: 50 }] },
    errors: [],
  };
}

export interface SyntheticSite {
  devices: Device[];
  /** The same devices with findings and risk, as device-updated events carry them. */
  assessed: Device[];
  placeholders: Device[];
  links: Link[];
}

export function syntheticSite(deviceCount = 2000, linkCount = 2500, seed = 7): SyntheticSite {
  const random = rng(seed);
  const switchCount = Math.max(2, Math.round(deviceCount / 40));
  const devices: Device[] = [baseDevice(0, 'router', 'gw01')];
  for (let s = 1; s <= switchCount; s += 1) devices.push(baseDevice(s, 'switch', `sw-${String(s).padStart(3, '0')}`));
  for (let i = devices.length; i < deviceCount; i += 1) {
    const type = HOST_TYPES[Math.floor(random() * HOST_TYPES.length)]!;
    devices.push(baseDevice(i, type, random() < 0.8 ? `${type}-${i}` : null));
  }

  const links: Link[] = [];
  const keys = new Set<string>();
  const add = (a: string, ap: string | null, b: string, bp: string | null, via: Link['via'], confidence: Link['confidence']) => {
    const key = [a, b].sort().join('|');
    if (keys.has(key) || a === b) return;
    keys.add(key);
    links.push({ a: { device: a, port: ap }, b: { device: b, port: bp }, via, confidence, speed: 1000, duplex: 'full' });
  };
  // Switch tree under the router, LLDP-confirmed.
  add('d0', 'Gi0/1', 'd1', 'Gi1/0/48', 'lldp', 'confirmed');
  for (let s = 2; s <= switchCount; s += 1) add(`d${1 + Math.floor(random() * (s - 1))}`, `Gi1/0/${40 + (s % 8)}`, `d${s}`, 'Gi1/0/48', 'lldp', 'confirmed');
  // Unmanaged switches: one per 100 hosts, each with a few hosts behind it.
  const placeholders: Device[] = [];
  const hosts = devices.slice(switchCount + 1);
  let port = 1;
  hosts.forEach((h, i) => {
    const sw = `d${1 + (i % switchCount)}`;
    if (i % 100 === 0) {
      const ph = { ...baseDevice(100_000 + i, 'unmanaged-switch', null), id: `unmanaged:${sw}:${i}`, ip: null, mac: null, vendor: null, model: null, firmware: null, serial: null, sysDescr: null, uptimeSeconds: null };
      placeholders.push(ph);
      add(sw, `Gi1/0/${(port++ % 36) + 1}`, ph.id, null, 'fdb', 'inferred');
    }
    const behind = i % 100 > 0 && i % 100 <= 3 ? placeholders.at(-1)!.id : null;
    if (behind) add(behind, null, h.id, null, 'fdb', 'inferred');
    else add(sw, `Gi1/0/${(port++ % 36) + 1}`, h.id, null, i % 17 === 0 ? 'arp' : 'fdb', i % 17 === 0 ? 'assumed' : 'inferred');
  });
  // Redundant cross-links between switches until the link count is reached.
  let guard = 0;
  while (links.length < linkCount && guard++ < linkCount * 20) {
    const a = 1 + Math.floor(random() * switchCount);
    const b = 1 + Math.floor(random() * switchCount);
    add(`d${a}`, `Te1/1/${1 + (guard % 4)}`, `d${b}`, `Te1/1/${1 + ((guard + 1) % 4)}`, 'cdp', 'confirmed');
  }

  const assessed = devices.map((d, i) => {
    if (random() > 0.35) return { ...d, findings: [], risk: scoreRisk([]) };
    const findings: Finding[] = Array.from({ length: 1 + (i % 3) }, (_, k) => {
      const severity = SEVERITIES[(i + k) % SEVERITIES.length]!;
      return {
        rule: ['storage-full', 'supply-low', 'if-errors', 'snmp-default-community', 'ups-battery-age'][(i + k) % 5]!,
        severity,
        title: `Synthetic ${severity} finding ${k} on device ${i}`,
        explanation: 'A synthetic finding for the UI benchmark.',
        evidence: [{ name: 'reading', value: 97, threshold: 95 }],
        recommendation: 'Nothing to do: this is a benchmark.',
        ...(k === 0 && i % 5 === 0 ? { predictedDate: '2027-03-01' } : {}),
      };
    });
    return { ...d, findings, risk: scoreRisk(findings) };
  });
  return { devices, assessed, placeholders, links: links.slice(0, linkCount) };
}
