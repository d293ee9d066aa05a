/**
 * Offline analysis: each walk file becomes one device record through the same
 * identification code as a live scan, so a client's emailed walk and a live
 * agent serving the same data produce the same record.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { blankDevice, SCAN_SCHEMA_VERSION, type Device, type ScanDocument } from '../../../shared/scan-document';
import { evaluateFindings } from '../../../shared/health/evaluate';
import { scoreRisk } from '../../../shared/health/risk';
import { collectHealth } from '../health/collect';
import { identifyDevice } from '../identify/identify';
import { loadWalkFile } from '../snmp/file-source';
import type { SnmpSource } from '../snmp/source';
import { readSystemGroup } from '../snmp/system-group';
import { ENGINE_VERSION } from '../version';

export interface AnalyzeResult {
  document: ScanDocument;
  /** One line per file that could not be read, naming the file. */
  problems: string[];
}

export async function analyzeWalkFiles(paths: readonly string[], options: AnalyzeOptions): Promise<AnalyzeResult> {
  const startedAt = new Date().toISOString();
  const devices: Device[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      devices.push(await analyzeSource(await loadWalkFile(path), path, options));
    } catch (error) {
      problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    problems,
    document: {
      schemaVersion: SCAN_SCHEMA_VERSION,
      generator: { name: 'forewarn', version: ENGINE_VERSION },
      scan: { id: randomUUID(), startedAt, finishedAt: new Date().toISOString(), targets: [...paths], status: 'completed', preset: 'offline' },
      devices,
    },
  };
}

/** The device record for one SNMP source, as a live scan's enrichment would build it. */
export async function analyzeSource(source: SnmpSource, fileLabel: string, options: AnalyzeOptions): Promise<Device> {
  const system = await readSystemGroup(source);
  const identity = await identifyDevice(source, { system }, { quick: options.quick });
  const device: Device = {
    ...blankDevice(`file:${basename(fileLabel)}`),
    sysName: system.sysName,
    sysDescr: system.sysDescr,
    sysObjectID: system.sysObjectID,
    sysLocation: system.sysLocation,
    sysContact: system.sysContact,
    uptimeSeconds: system.uptimeSeconds,
    vendor: identity.vendor,
    type: identity.type,
    model: identity.model,
    firmware: identity.firmware,
    serial: identity.serial,
    identification: { evidence: identity.evidence },
    source: fileLabel,
  };
  if (options.quick) return device;
  // A walk is one sample: counters give lifetime totals, not rates.
  const { errors, ...readings } = await collectHealth(source, { type: identity.type, sampleIntervalMs: 0 });
  const withHealth: Device = { ...device, ...readings, errors };
  const findings = evaluateFindings(withHealth, options.thresholds ?? {}, new Date());
  return { ...withHealth, findings, risk: scoreRisk(findings) };
}

export interface AnalyzeOptions {
  quick: boolean;
  /** Rule threshold overrides (`<rule>.<param>`), as in a live scan. */
  thresholds?: Record<string, number>;
}
