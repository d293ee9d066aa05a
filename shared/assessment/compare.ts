/**
 * "Since last visit": what changed between two scans of a site. Pure and
 * deterministic; the UI, the PDF and `forewarn diff` all read this one result.
 */
import type { Device, ScanDocument } from '../scan-document';
import type { Finding, Severity } from '../health/schema';
import { SEVERITY_ORDER } from '../health/schema';
import { deviceName, isPlaceholder } from './device-label';
import { matchDevices, type DevicePair, type MatchKey } from './match';
import { scanTime, siteRiskOf } from './reanalyze';

export interface DeviceRef {
  id: string;
  name: string;
  ip: string | null;
  mac: string | null;
  type: Device['type'];
  model: string | null;
}

export type ChangedField = 'firmware' | 'model' | 'ip' | 'hostname';
export interface FieldChange {
  device: DeviceRef;
  field: ChangedField;
  before: string | null;
  after: string | null;
}

export interface Attachment {
  switchId: string;
  switchName: string;
  port: string | null;
  /** True when the host sits behind an unmanaged switch on that port. */
  viaUnmanaged: boolean;
}
export interface PortMove {
  device: DeviceRef;
  before: Attachment;
  after: Attachment;
}

export interface FindingRef {
  device: DeviceRef;
  rule: string;
  severity: Severity;
  title: string;
  subject?: string;
}

export interface LevelTrend {
  device: DeviceRef;
  /** Supply or volume name as the device reports it. */
  name: string;
  colour?: string | null;
  before: number;
  after: number;
  /** after − before, in percentage points. */
  change: number;
  days: number;
  /** Percentage points per 30 days; null when the scans are less than an hour apart. */
  perMonth: number | null;
  /** A supply whose level rose was replaced in between. */
  replaced?: boolean;
}

export interface ScanSummary {
  scanId: string;
  at: string;
  deviceCount: number;
  siteRisk: number | null;
}

export interface Comparison {
  older: ScanSummary;
  newer: ScanSummary;
  days: number;
  siteRiskChange: number | null;
  matched: Array<{ device: DeviceRef; by: MatchKey }>;
  newDevices: DeviceRef[];
  missingDevices: DeviceRef[];
  changes: FieldChange[];
  moves: PortMove[];
  findings: { new: FindingRef[]; resolved: FindingRef[]; persisting: FindingRef[] };
  supplyTrends: LevelTrend[];
  storageTrends: LevelTrend[];
}

const DAY_MS = 86_400_000;

export function deviceRef(d: Device): DeviceRef {
  return { id: d.id, name: deviceName(d), ip: d.ip, mac: d.mac, type: d.type, model: d.model };
}

function summary(document: ScanDocument): ScanSummary {
  return {
    scanId: document.scan.id,
    at: scanTime(document).toISOString(),
    deviceCount: document.devices.filter((d) => !isPlaceholder(d)).length,
    siteRisk: siteRiskOf(document),
  };
}

export function compareScans(older: ScanDocument, newer: ScanDocument): Comparison {
  const matching = matchDevices(older.devices, newer.devices);
  const olderSummary = summary(older);
  const newerSummary = summary(newer);
  const days = (Date.parse(newerSummary.at) - Date.parse(olderSummary.at)) / DAY_MS;
  const newerOf = new Map(matching.pairs.map((p) => [p.older.id, p.newer.id]));
  const byName = (a: { device: DeviceRef }, b: { device: DeviceRef }) => a.device.name.localeCompare(b.device.name, undefined, { numeric: true });

  return {
    older: olderSummary,
    newer: newerSummary,
    days: Math.round(days * 10) / 10,
    siteRiskChange: olderSummary.siteRisk !== null && newerSummary.siteRisk !== null ? Math.round((newerSummary.siteRisk - olderSummary.siteRisk) * 10) / 10 : null,
    matched: matching.pairs.map((p) => ({ device: deviceRef(p.newer), by: p.by })).sort(byName),
    newDevices: matching.added.map(deviceRef).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
    missingDevices: matching.missing.map(deviceRef).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
    changes: matching.pairs.flatMap(fieldChanges).sort(byName),
    moves: portMoves(older, newer, matching.pairs, newerOf).sort(byName),
    findings: findingChanges(matching.pairs, matching.added),
    supplyTrends: matching.pairs.flatMap((p) => supplyTrends(p, days)).sort(byName),
    storageTrends: matching.pairs.flatMap((p) => storageTrends(p, days)).sort(byName),
  };
}

const CHANGED_FIELDS: ChangedField[] = ['firmware', 'model', 'ip', 'hostname'];

function fieldChanges(pair: DevicePair): FieldChange[] {
  return CHANGED_FIELDS.flatMap((field) => {
    const before = pair.older[field];
    const after = pair.newer[field];
    // A field one scan could not read is not a change.
    if (before === null || after === null || before === after) return [];
    return [{ device: deviceRef(pair.newer), field, before, after }];
  });
}

/** Where a host hangs: the switch side of its upstream link; through a placeholder, the placeholder's own uplink. */
export function attachmentOf(document: ScanDocument, deviceId: string): Attachment | null {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const links = document.links ?? [];
  const upstream = (id: string) => links.find((l) => l.b.device === id && l.a.device !== id && byId.get(l.a.device)?.type !== undefined);
  const link = upstream(deviceId);
  if (!link) return null;
  const parent = byId.get(link.a.device)!;
  if (isPlaceholder(parent)) {
    const up = upstream(parent.id);
    if (!up) return null;
    return { switchId: up.a.device, switchName: deviceName(byId.get(up.a.device)!), port: up.a.port, viaUnmanaged: true };
  }
  return { switchId: parent.id, switchName: deviceName(parent), port: link.a.port, viaUnmanaged: false };
}

function portMoves(older: ScanDocument, newer: ScanDocument, pairs: DevicePair[], newerOf: Map<string, string>): PortMove[] {
  const infrastructure = new Set(['router', 'switch', 'firewall', 'unmanaged-switch', 'network-device']);
  return pairs.flatMap((pair) => {
    if (infrastructure.has(pair.newer.type)) return [];
    const before = attachmentOf(older, pair.older.id);
    const after = attachmentOf(newer, pair.newer.id);
    // Unknown ports (aged-out tables) say nothing about a move.
    if (!before || !after || before.port === null || after.port === null) return [];
    const sameSwitch = (newerOf.get(before.switchId) ?? before.switchId) === after.switchId;
    if (sameSwitch && before.port === after.port) return [];
    return [{ device: deviceRef(pair.newer), before, after }];
  });
}

const findingKey = (f: Finding) => `${f.rule}|${f.subject ?? ''}`;
const findingRef = (device: Device, f: Finding): FindingRef => ({
  device: deviceRef(device), rule: f.rule, severity: f.severity, title: f.title, ...(f.subject ? { subject: f.subject } : {}),
});

function findingChanges(pairs: DevicePair[], added: Device[]): Comparison['findings'] {
  const out: Comparison['findings'] = { new: [], resolved: [], persisting: [] };
  for (const { older, newer } of pairs) {
    const before = new Map((older.findings ?? []).map((f) => [findingKey(f), f]));
    const after = new Map((newer.findings ?? []).map((f) => [findingKey(f), f]));
    for (const [key, f] of after) (before.has(key) ? out.persisting : out.new).push(findingRef(newer, f));
    for (const [key, f] of before) if (!after.has(key)) out.resolved.push(findingRef(newer, f));
  }
  for (const device of added) for (const f of device.findings ?? []) out.new.push(findingRef(device, f));
  const order = (a: FindingRef, b: FindingRef) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.device.name.localeCompare(b.device.name, undefined, { numeric: true }) || a.rule.localeCompare(b.rule);
  out.new.sort(order);
  out.resolved.sort(order);
  out.persisting.sort(order);
  return out;
}

function trend(device: Device, name: string, before: number, after: number, days: number): LevelTrend {
  const change = Math.round((after - before) * 10) / 10;
  return { device: deviceRef(device), name, before, after, change, days: Math.round(days * 10) / 10, perMonth: days >= 1 / 24 ? Math.round((change / days) * 30 * 10) / 10 : null };
}

function supplyTrends({ older, newer }: DevicePair, days: number): LevelTrend[] {
  return (newer.supplies ?? []).flatMap((s) => {
    const o = (older.supplies ?? []).find((x) => x.name === s.name && x.colour === s.colour);
    if (!o || o.percent === null || s.percent === null) return [];
    const t = trend(newer, s.name, o.percent, s.percent, days);
    return [{ ...t, colour: s.colour, ...(s.percent > o.percent + 1 ? { replaced: true } : {}) }];
  });
}

function storageTrends({ older, newer }: DevicePair, days: number): LevelTrend[] {
  return (newer.storage ?? [])
    .filter((s) => s.kind === 'disk')
    .flatMap((s) => {
      const o = (older.storage ?? []).find((x) => x.name === s.name && x.kind === 'disk');
      return o ? [trend(newer, s.name, o.percent, s.percent, days)] : [];
    });
}

/** Compares oldest-to-newest regardless of argument order. */
export function compareInOrder(a: ScanDocument, b: ScanDocument): Comparison {
  return scanTime(a).getTime() <= scanTime(b).getTime() ? compareScans(a, b) : compareScans(b, a);
}
