/**
 * The report model: everything the PDF shows, computed here (pure) so the
 * layout code only lays out. Ordering is "highest risk first" everywhere.
 */
import { z } from 'zod';
import { formatBytes } from '../format-bytes';
import type { Device, ScanDocument } from '../scan-document';
import { byRiskDescending, riskBand, scoreSiteRisk, SEVERITY_ORDER, type Finding, type RiskBand, type Severity } from '../health';
import { compareInOrder, type Comparison } from './compare';
import { byRiskThenName, clean, deviceName, isPlaceholder, typeLabel } from './device-label';
import { typeText } from './type-certainty';
import { scanTime } from './reanalyze';

/** Branding and commercial settings of the report; also the `--branding FILE` format of the CLI. */
export const ReportBrandingSchema = z.object({
  companyName: z.string().max(200).default(''),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#1f6feb'),
  /** PNG or JPEG as a data URL. */
  logoDataUrl: z.string().max(4_000_000).regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/).optional(),
  technician: z.string().max(200).optional(),
  /** Shown before amounts, e.g. "€", "$", "CHF ". */
  currency: z.string().max(8).default('€'),
  /** Estimated cost per recommended action, by rule id (e.g. `ups-battery-replace`). */
  priceList: z.record(z.string(), z.number().min(0).max(10_000_000)).default({}),
});
export type ReportBranding = z.infer<typeof ReportBrandingSchema>;
export type ReportBrandingInput = z.input<typeof ReportBrandingSchema>;

export interface ReportOptions {
  branding?: ReportBrandingInput;
  previous?: ScanDocument | null;
  generatedAt?: Date;
}

export interface AtRiskRow {
  deviceId: string;
  device: string;
  ip: string | null;
  type: string;
  severity: Severity;
  problem: string;
  subject?: string;
  action: string;
  urgency: string;
  predictedDate: string | null;
  cost: number | null;
}

export interface RiskDriver {
  device: string;
  deviceScore: number;
  weight: number;
  reasons: string[];
}

export interface AppendixDevice {
  id: string;
  name: string;
  ip: string | null;
  type: string;
  model: string | null;
  risk: number;
  sensors: Array<{ name: string; value: string; status: string }>;
  supplies: Array<{ name: string; percent: string }>;
  storage: Array<{ name: string; size: string; used: string; percent: number }>;
  interfaceProblems: Array<{ name: string; problem: string }>;
  ups: Array<{ label: string; value: string }>;
  findings: Array<{ severity: Severity; title: string }>;
}

export interface InventoryRow {
  name: string;
  ip: string | null;
  mac: string | null;
  type: string;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  risk: number;
}

export interface ReportModel {
  title: string;
  branding: ReportBranding;
  client: string;
  site: string;
  scanDate: string;
  generatedAt: string;
  technician: string | null;
  summary: {
    siteRisk: number;
    level: 'Low' | 'Moderate' | 'High' | 'Critical';
    deviceCount: number;
    atRiskDeviceCount: number;
    findingCounts: Record<Severity, number>;
    drivers: RiskDriver[];
    topRisks: Array<{ device: string; severity: Severity; title: string; explanation: string; recommendation: string }>;
    previousRisk: number | null;
    previousDate: string | null;
  };
  atRisk: AtRiskRow[];
  costTotal: number | null;
  inventory: InventoryRow[];
  appendix: AppendixDevice[];
  comparison: Comparison | null;
  methodology: {
    targets: string[];
    preset: string;
    startedAt: string;
    finishedAt: string | null;
    durationText: string | null;
    status: string;
    generator: string;
    counts: { devices: number; icmp: number; snmp: number; tcpOnly: number; placeholders: number };
    unreachable: Array<{ device: string; ip: string | null; problem: string }>;
    withoutSnmp: number;
  };
}

const URGENCY: Record<Severity, string> = {
  critical: 'Immediately',
  high: 'Within 2 weeks',
  medium: 'Within 3 months',
  low: 'At the next visit',
  info: 'For information',
};

/** Findings at or above this severity make a device "at risk". */
const AT_RISK: Severity = 'medium';

const LEVEL_BY_BAND: Record<RiskBand, ReportModel['summary']['level']> = { critical: 'Critical', high: 'High', medium: 'Moderate', low: 'Low', none: 'Low' };

export function riskLevel(score: number): ReportModel['summary']['level'] {
  return LEVEL_BY_BAND[riskBand(score)];
}

const bySeverity = (a: { severity: Severity }, b: { severity: Severity }) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity];

export function buildReportModel(document: ScanDocument, options: ReportOptions = {}): ReportModel {
  const branding = ReportBrandingSchema.parse(options.branding ?? {});
  const devices = document.devices.filter((d) => !isPlaceholder(d));
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const site = scoreSiteRisk(devices);
  const comparison = options.previous ? compareInOrder(options.previous, document) : null;
  const allFindings = devices.flatMap((d) => (d.findings ?? []).map((f) => ({ device: d, finding: f })));
  const findingCounts = { info: 0, low: 0, medium: 0, high: 0, critical: 0 } as Record<Severity, number>;
  for (const { finding } of allFindings) findingCounts[finding.severity]++;

  const atRisk = atRiskRows(devices, branding, scanTime(document).toISOString().slice(0, 10));
  const costs = atRisk.map((r) => r.cost).filter((c): c is number => c !== null);

  return {
    title: 'Network health assessment',
    branding,
    client: clean(document.scan.client ?? null, 200) ?? 'Client',
    site: clean(document.scan.site ?? null, 200) ?? 'Main site',
    scanDate: scanTime(document).toISOString(),
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    technician: branding.technician ?? null,
    summary: {
      siteRisk: site.score,
      level: riskLevel(site.score),
      deviceCount: devices.length,
      atRiskDeviceCount: new Set(atRisk.map((r) => r.deviceId)).size,
      findingCounts,
      drivers: site.contributors.slice(0, 5).map((c) => {
        const d = byId.get(c.deviceId)!;
        return { device: deviceName(d), deviceScore: c.score, weight: c.weight, reasons: (d.findings ?? []).filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.low).slice(0, 3).map((f) => f.title) };
      }),
      topRisks: topFive(allFindings).map(({ device, finding }) => ({ device: deviceName(device), severity: finding.severity, title: finding.title, explanation: finding.explanation, recommendation: finding.recommendation })),
      previousRisk: comparison?.older.siteRisk ?? null,
      previousDate: comparison?.older.at ?? null,
    },
    atRisk,
    costTotal: costs.length > 0 ? costs.reduce((a, b) => a + b, 0) : null,
    inventory: [...devices].sort(byRiskThenName).map((d) => ({
      name: deviceName(d), ip: d.ip, mac: d.mac, type: typeText(d), vendor: clean(d.vendor), model: clean(d.model), firmware: clean(d.firmware, 60), serial: clean(d.serial), risk: d.risk?.score ?? 0,
    })),
    appendix: [...devices].sort(byRiskThenName).filter(hasHealth).map(appendixDevice),
    comparison,
    methodology: methodology(document, devices),
  };
}

function severityThenRisk(a: { device: Device; finding: Finding }, b: { device: Device; finding: Finding }): number {
  return bySeverity(a.finding, b.finding) || byRiskDescending(a.device, b.device);
}

/** The five most severe findings, one per device first (five different problems read better than one device five times). */
function topFive(all: Array<{ device: Device; finding: Finding }>): Array<{ device: Device; finding: Finding }> {
  const ranked = all
    .filter(({ finding }) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[AT_RISK])
    .sort(severityThenRisk);
  const seen = new Set<string>();
  const firstPerDevice = ranked.filter(({ device }) => !seen.has(device.id) && seen.add(device.id));
  const rest = ranked.filter((r) => !firstPerDevice.includes(r));
  return [...firstPerDevice, ...rest].slice(0, 5).sort(severityThenRisk);
}

function urgency(f: Finding, scanDay: string): string {
  if (!f.predictedDate) return URGENCY[f.severity];
  if (f.predictedDate <= scanDay) return `Now (due since ${f.predictedDate})`;
  return f.severity === 'critical' ? URGENCY.critical : `${URGENCY[f.severity]} (by ${f.predictedDate})`;
}

function atRiskRows(devices: readonly Device[], branding: ReportBranding, scanDay: string): AtRiskRow[] {
  return devices
    .flatMap((d) =>
      (d.findings ?? [])
        .filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[AT_RISK])
        .map((f): AtRiskRow & { score: number } => ({
          deviceId: d.id, device: deviceName(d), ip: d.ip, type: typeLabel(d.type), severity: f.severity, problem: f.title,
          ...(f.subject ? { subject: clean(f.subject) ?? undefined } : {}),
          action: f.recommendation, urgency: urgency(f, scanDay), predictedDate: f.predictedDate ?? null,
          cost: branding.priceList[f.rule] ?? null, score: d.risk?.score ?? 0,
        })),
    )
    .sort((a, b) => bySeverity(a, b) || (a.predictedDate ?? '9999').localeCompare(b.predictedDate ?? '9999') || b.score - a.score || a.device.localeCompare(b.device, undefined, { numeric: true }))
    .map(({ score: _score, ...row }) => row);
}

function hasHealth(d: Device): boolean {
  return Boolean(d.sensors?.length || d.supplies?.length || d.storage?.length || d.ups || d.findings?.length || d.interfaces?.some(interfaceProblem));
}


/** An interface worth a line in the appendix: errors, half duplex, or a slow negotiated link. */
function interfaceProblem(i: NonNullable<Device['interfaces']>[number]): string | null {
  if (i.operStatus !== 'up') return null;
  const problems: string[] = [];
  if (i.duplex === 'half') problems.push('half duplex');
  const rates = i.rates;
  const errorRate = rates ? (rates.inErrors ?? 0) + (rates.outErrors ?? 0) + (rates.fcsErrors ?? 0) : 0;
  if (errorRate > 0) problems.push(`${errorRate.toFixed(2)} errors/s`);
  else if ((i.counters.inErrors ?? 0) + (i.counters.fcsErrors ?? 0) > 1000) problems.push(`${(i.counters.inErrors ?? 0) + (i.counters.fcsErrors ?? 0)} errors since boot`);
  if (i.speedMbps !== null && i.speedMbps > 0 && i.speedMbps < 1000 && i.type === 6) problems.push(`${i.speedMbps} Mb/s`);
  return problems.length ? problems.join(', ') : null;
}

const STATUS_TEXT: Record<string, string> = { ok: 'OK', warning: 'Warning', critical: 'Critical', unknown: '—' };

function appendixDevice(d: Device): AppendixDevice {
  const ups = d.ups;
  const upsRows: Array<{ label: string; value: string | null }> = ups
    ? [
        { label: 'Battery status', value: ups.batteryStatus },
        { label: 'Charge', value: ups.chargePercent === null ? null : `${ups.chargePercent} %` },
        { label: 'Runtime', value: ups.runtimeMinutes === null ? null : `${ups.runtimeMinutes} min` },
        { label: 'Load', value: ups.loadPercent === null ? null : `${ups.loadPercent} %` },
        { label: 'Battery temperature', value: ups.batteryTemperatureC === null ? null : `${ups.batteryTemperatureC} °C` },
        { label: 'Replace battery', value: ups.replaceIndicator === null ? null : ups.replaceIndicator ? 'Yes' : 'No' },
        { label: 'Battery last replaced', value: ups.lastReplacedDate },
        { label: 'Self-test', value: ups.selfTestResult },
      ]
    : [];
  return {
    id: d.id,
    name: deviceName(d),
    ip: d.ip,
    type: typeText(d),
    model: clean(d.model),
    risk: d.risk?.score ?? 0,
    sensors: (d.sensors ?? []).slice(0, 40).map((s) => ({
      name: clean(s.name) ?? s.kind,
      value: s.stateText ? clean(s.stateText) ?? '' : s.value === null ? '—' : `${Math.round(s.value * 10) / 10}${s.unit ? ` ${s.unit}` : ''}`,
      status: STATUS_TEXT[s.status] ?? s.status,
    })),
    supplies: (d.supplies ?? []).map((s) => ({ name: clean(s.name) ?? s.kind, percent: s.percent === null ? (s.someRemaining ? 'some remaining' : 'unknown') : `${Math.round(s.percent)} %` })),
    storage: (d.storage ?? []).filter((s) => s.kind === 'disk').slice(0, 20).map((s) => ({ name: clean(s.name) ?? '', size: formatBytes(s.sizeBytes), used: formatBytes(s.usedBytes), percent: Math.round(s.percent) })),
    interfaceProblems: (d.interfaces ?? []).flatMap((i) => {
      const problem = interfaceProblem(i);
      return problem ? [{ name: clean(i.name) ?? `ifIndex ${i.ifIndex}`, problem }] : [];
    }).slice(0, 20),
    ups: upsRows.filter((r): r is { label: string; value: string } => r.value !== null),
    findings: (d.findings ?? []).map((f) => ({ severity: f.severity, title: f.title })),
  };
}

function durationText(start: string, end: string | null): string | null {
  if (!end) return null;
  const s = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000));
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 360) / 10} h`;
}

function methodology(document: ScanDocument, devices: readonly Device[]): ReportModel['methodology'] {
  const unreachable = devices
    .filter((d) => d.errors.length > 0)
    .map((d) => ({ device: deviceName(d), ip: d.ip, problem: d.errors.map((e) => clean(e.message, 160) ?? e.code).slice(0, 2).join('; ') }))
    .sort((a, b) => a.device.localeCompare(b.device, undefined, { numeric: true }));
  const snmp = devices.filter((d) => d.reachability.snmp).length;
  return {
    targets: document.scan.targets,
    preset: document.scan.preset,
    startedAt: document.scan.startedAt,
    finishedAt: document.scan.finishedAt,
    durationText: durationText(document.scan.startedAt, document.scan.finishedAt),
    status: document.scan.status,
    generator: `Forewarn ${document.generator.version}`,
    counts: {
      devices: devices.length,
      icmp: devices.filter((d) => d.reachability.icmp?.alive).length,
      snmp,
      tcpOnly: devices.filter((d) => !d.reachability.icmp?.alive && (d.reachability.tcp?.length ?? 0) > 0).length,
      placeholders: document.devices.length - devices.length,
    },
    unreachable,
    withoutSnmp: devices.length - snmp,
  };
}
