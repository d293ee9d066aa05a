/**
 * Which device of one scan is which device of another: MAC first, then
 * serial, then IP (addresses move, so an IP match is refused when the MACs or
 * serials say the two are different machines). Placeholders are not matched.
 */
import type { Device } from '../scan-document';
import { normaliseMac } from '../topology/mac';
import { isPlaceholder } from './device-label';

export type MatchKey = 'mac' | 'serial' | 'ip';

export interface DevicePair {
  older: Device;
  newer: Device;
  by: MatchKey;
}

export interface DeviceMatching {
  pairs: DevicePair[];
  /** In the newer scan only. */
  added: Device[];
  /** In the older scan only. */
  missing: Device[];
}

const normaliseSerial = (serial: string | null) => (serial ? serial.trim().toUpperCase() || null : null);

const KEYS: Array<{ by: MatchKey; key: (d: Device) => string | null }> = [
  { by: 'mac', key: (d) => normaliseMac(d.mac) },
  { by: 'serial', key: (d) => normaliseSerial(d.serial) },
  { by: 'ip', key: (d) => d.ip },
];

function contradicts(a: Device, b: Device): boolean {
  const [macA, macB] = [normaliseMac(a.mac), normaliseMac(b.mac)];
  const [serialA, serialB] = [normaliseSerial(a.serial), normaliseSerial(b.serial)];
  return (macA !== null && macB !== null && macA !== macB) || (serialA !== null && serialB !== null && serialA !== serialB);
}

export function matchDevices(olderDevices: readonly Device[], newerDevices: readonly Device[]): DeviceMatching {
  const older = olderDevices.filter((d) => !isPlaceholder(d));
  const newer = newerDevices.filter((d) => !isPlaceholder(d));
  const usedOlder = new Set<Device>();
  const usedNewer = new Set<Device>();
  const pairs: DevicePair[] = [];
  for (const { by, key } of KEYS) {
    const candidates = new Map<string, Device[]>();
    for (const d of older) {
      const k = usedOlder.has(d) ? null : key(d);
      if (k !== null) candidates.set(k, [...(candidates.get(k) ?? []), d]);
    }
    for (const d of newer) {
      if (usedNewer.has(d)) continue;
      const k = key(d);
      if (k === null) continue;
      const match = (candidates.get(k) ?? []).find((o) => !usedOlder.has(o) && !contradicts(o, d));
      if (!match) continue;
      usedOlder.add(match);
      usedNewer.add(d);
      pairs.push({ older: match, newer: d, by });
    }
  }
  return { pairs, added: newer.filter((d) => !usedNewer.has(d)), missing: older.filter((d) => !usedOlder.has(d)) };
}
