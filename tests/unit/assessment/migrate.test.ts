import { describe, expect, it } from 'vitest';
import { decodeAssessment } from '../../../shared/assessment/assessment-file';
import { AssessmentError } from '../../../shared/assessment/errors';
import { migrateScanDocument, type Migration } from '../../../shared/assessment/migrate';
import { ScanDocumentSchema, SCAN_SCHEMA_VERSION } from '../../../shared/scan-document';
import { syntheticOffice } from './synthetic-office';

/** A made-up version 0: `hosts` instead of `devices`, no preset, a different status word. */
function version0() {
  const current = syntheticOffice();
  const { devices, schemaVersion: _v, scan, ...rest } = current;
  const { preset: _p, status: _s, ...scan0 } = scan;
  return { ...rest, schemaVersion: 0, scan: { ...scan0, state: 'done' }, hosts: devices.slice(0, 3) };
}

const v0to1: Migration = (doc) => {
  const { hosts, scan, ...rest } = doc as { hosts: unknown[]; scan: Record<string, unknown> };
  const { state, ...scanRest } = scan;
  return { ...rest, schemaVersion: 1, scan: { ...scanRest, preset: 'full', status: state === 'done' ? 'completed' : 'interrupted' }, devices: hosts };
};

describe('scan-document migrations', () => {
  it('upgrades a version-0 document through the chain and validates it', () => {
    const result = migrateScanDocument(version0(), { migrations: { 0: v0to1 }, currentVersion: 1 });
    expect(result.fromVersion).toBe(0);
    expect(result.migrated).toBe(true);
    expect(result.document.devices).toHaveLength(3);
    expect(result.document.scan.status).toBe('completed');
    expect(ScanDocumentSchema.safeParse(result.document).success).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = version0();
    const before = JSON.stringify(input);
    migrateScanDocument(input, { migrations: { 0: v0to1 }, currentVersion: 1 });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('refuses a version with no migration path', () => {
    expect(() => migrateScanDocument(version0(), { migrations: {}, currentVersion: 1 })).toThrow(/no migration from version 0/);
  });

  it('refuses a newer version with an update hint', () => {
    const doc = { ...syntheticOffice(), schemaVersion: SCAN_SCHEMA_VERSION + 1 };
    const error = (() => { try { migrateScanDocument(doc); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(AssessmentError);
    expect((error as AssessmentError).code).toBe('newer-version');
    expect((error as Error).message).toMatch(/newer Forewarn/);
  });

  it('calls a broken migration result invalid, naming the field', () => {
    const broken: Migration = (doc) => ({ ...doc, schemaVersion: 1 });
    expect(() => migrateScanDocument(version0(), { migrations: { 0: broken }, currentVersion: 1 })).toThrow(/damaged or incomplete: .*devices/);
  });

  it('tells foreign JSON apart from a scan', () => {
    expect(() => decodeAssessment({ name: 'package', version: '1.0.0' })).toThrow(expect.objectContaining({ code: 'foreign' }));
    expect(() => decodeAssessment([1, 2, 3])).toThrow(expect.objectContaining({ code: 'foreign' }));
    expect(decodeAssessment(syntheticOffice()).document.devices.length).toBeGreaterThan(10);
  });
});
