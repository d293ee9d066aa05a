/**
 * Re-analysis: re-apply the current rule table and thresholds to a stored
 * scan's readings, without touching the network. Findings the health rules do
 * not own (topology's, for instance) are kept as they were; health findings
 * are recomputed; risk follows. Earlier scans of the same site, when given,
 * feed the two-scan trend forecasts.
 */
import type { Device, ScanDocument } from '../scan-document';
import { evaluateFindings, RULES_BY_ID, scoreRisk, scoreSiteRisk, SEVERITY_ORDER, type EvaluateOptions, type Finding } from '../health';
import type { HistoricalDevice } from '../health/forecast';
import { matchDevices } from './match';

export interface ReanalyzeOptions {
  /** User overrides of rule parameters (`<rule>.<param>`), from settings. */
  thresholds?: Record<string, number>;
  /** Earlier scans of the same site, any order. */
  previous?: readonly ScanDocument[];
  eolTable?: EvaluateOptions['eolTable'];
}

/** The instant the readings describe: rules about age and uptime are judged then, not today. */
export function scanTime(document: ScanDocument): Date {
  return new Date(document.scan.finishedAt ?? document.scan.startedAt);
}

export function reanalyzeDocument(document: ScanDocument, options: ReanalyzeOptions = {}): ScanDocument {
  const at = scanTime(document);
  const history = historyByDevice(document, options.previous ?? []);
  const devices = document.devices.map((device) => {
    const kept = (device.findings ?? []).filter((f) => !RULES_BY_ID[f.rule]);
    const evaluateOptions: EvaluateOptions = { history: history.get(device.id) ?? [] };
    if (options.eolTable) evaluateOptions.eolTable = options.eolTable;
    const findings = sortFindings([...evaluateFindings(device, options.thresholds ?? {}, at, evaluateOptions), ...kept]);
    const next: Device = { ...device, findings, risk: scoreRisk(findings) };
    return next;
  });
  return { ...document, devices };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.rule.localeCompare(b.rule));
}

/** Earlier snapshots of each device of `document`, oldest first, matched like the comparison does. */
export function historyByDevice(document: ScanDocument, previous: readonly ScanDocument[]): Map<string, HistoricalDevice[]> {
  const out = new Map<string, HistoricalDevice[]>();
  const at = scanTime(document).getTime();
  const earlier = previous.filter((p) => scanTime(p).getTime() < at).sort((a, b) => scanTime(a).getTime() - scanTime(b).getTime());
  for (const older of earlier) {
    const olderAt = scanTime(older).toISOString();
    for (const pair of matchDevices(older.devices, document.devices).pairs) {
      out.set(pair.newer.id, [...(out.get(pair.newer.id) ?? []), { at: olderAt, device: pair.older }]);
    }
  }
  return out;
}

/** Site risk from the devices' stored risk. */
export function siteRiskOf(document: Pick<ScanDocument, 'devices'>): number | null {
  if (document.devices.length === 0) return null;
  return scoreSiteRisk(document.devices).score;
}
