/**
 * Re-checks the findings of the scan on screen against changed thresholds,
 * with the same pure rules the engine uses (shared/health), so a threshold
 * edited in Settings shows its effect without rescanning.
 */
import { reanalyzeDocument } from '../../../shared/assessment/reanalyze';
import { SCAN_SCHEMA_VERSION, type ScanDocument } from '../../../shared/scan-document';
import type { LiveScan } from './live-scan';

export function reanalyzeScan(scan: LiveScan, thresholds: Record<string, number>): LiveScan {
  if (!scan.info) return scan;
  const document: ScanDocument = {
    schemaVersion: SCAN_SCHEMA_VERSION,
    generator: { name: 'forewarn', version: 'renderer' },
    scan: { ...scan.info, finishedAt: scan.finishedAt ?? scan.info.finishedAt },
    devices: scan.devices,
  };
  // Device order is kept, so deviceIndex stays valid.
  return { ...scan, devices: reanalyzeDocument(document, { thresholds }).devices };
}
