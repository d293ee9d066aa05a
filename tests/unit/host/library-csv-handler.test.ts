/**
 * report:csv as the renderer meets it: a saved scan comes back as bytes behind
 * the browser bridge, or is written where the save dialog pointed in the
 * desktop app; a scan the library does not hold is refused with a reason; a
 * running scan exports only what was saved so far (why the UI waits for the end).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINDINGS_HEADER, INVENTORY_HEADER, toCsv } from '../../../shared/assessment/csv';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createLibraryHandlers, type LibraryService } from '../../../electron/host/library/library-handlers';
import { createMemoryKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { syntheticOffice } from '../assessment/synthetic-office';

let dir: string;
let library: ScanLibrary;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-csv-handler-'));
  library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const handlers = (extra: Partial<LibraryService> = {}) =>
  createLibraryHandlers({ library, renderPdf: async () => Buffer.alloc(0), ...extra }, () => DEFAULT_SETTINGS);

/** CSV records, split on CRLF (the synthetic office has no line break inside a cell). */
const lines = (text: string) => text.split('\r\n').filter((l) => l !== '');

describe('report:csv', () => {
  it('hands the browser the inventory: one row per real device (no unmanaged-switch placeholders)', async () => {
    const office = syntheticOffice();
    await library.save(office);
    const file = await handlers()['report:csv'](office.scan.id, 'inventory');
    expect(file.path).toBeNull();
    expect(file.fileName).toMatch(/^Harbour-Dental-Practice_Main-office_\d{4}-\d{2}-\d{2}_inventory\.csv$/);
    const rows = lines(Buffer.from(file.dataBase64 ?? '', 'base64').toString('utf8'));
    expect(rows[0]).toBe(toCsv(INVENTORY_HEADER, []).trimEnd());
    const real = office.devices.filter((d) => d.type !== 'unmanaged-switch');
    expect(real.length).toBeLessThan(office.devices.length);
    expect(rows).toHaveLength(real.length + 1);
  });

  it('hands the browser every finding of the re-analysed scan', async () => {
    const office = syntheticOffice();
    await library.save(office);
    const { document } = await library.open(office.scan.id, { thresholds: DEFAULT_SETTINGS.thresholds });
    const findings = document.devices.reduce((n, d) => n + (d.findings?.length ?? 0), 0);
    expect(findings).toBeGreaterThan(0);
    const file = await handlers()['report:csv'](office.scan.id, 'findings');
    const rows = lines(Buffer.from(file.dataBase64 ?? '', 'base64').toString('utf8'));
    expect(rows[0]).toBe(toCsv(FINDINGS_HEADER, []).trimEnd());
    expect(rows).toHaveLength(findings + 1);
  });

  it('in the desktop app writes where the save dialog pointed, and writes nothing when it is cancelled', async () => {
    const office = syntheticOffice();
    await library.save(office);
    const written: Array<{ path: string; data: Buffer }> = [];
    const writeFile = async (path: string, data: Buffer) => void written.push({ path, data });
    const saved = await handlers({ chooseSavePath: async (name) => `/home/tech/${name}`, writeFile })['report:csv'](office.scan.id, 'findings');
    expect(saved).toEqual({ fileName: expect.stringMatching(/_findings\.csv$/), path: expect.stringMatching(/^\/home\/tech\/.+_findings\.csv$/) });
    expect(saved.dataBase64).toBeUndefined();
    expect(written).toHaveLength(1);
    expect(written[0]!.path).toBe(saved.path);
    expect(written[0]!.data.toString('utf8').startsWith(toCsv(FINDINGS_HEADER, []).trimEnd())).toBe(true);

    const cancelled = await handlers({ chooseSavePath: async () => null, writeFile })['report:csv'](office.scan.id, 'inventory');
    expect(cancelled.path).toBeNull();
    expect(cancelled.dataBase64).toBeUndefined();
    expect(written).toHaveLength(1);
  });

  it('refuses a scan that is not in the library with a reason the UI can show', async () => {
    await expect(handlers()['report:csv']('never-saved', 'inventory')).rejects.toThrow(/not in the library/);
  });

  it('says so when the window has no library at all', async () => {
    await expect(createLibraryHandlers(undefined, () => DEFAULT_SETTINGS)['report:csv']('any', 'inventory')).rejects.toThrow(/not available/);
  });

  it('exports a running scan as saved so far: the recorder snapshot, not the finished scan', async () => {
    const office = syntheticOffice();
    const firstTwo = office.devices.filter((d) => d.type !== 'unmanaged-switch').slice(0, 2);
    await library.save({ ...office, scan: { ...office.scan, status: 'running', finishedAt: null }, devices: firstTwo, links: [] });
    const file = await handlers()['report:csv'](office.scan.id, 'inventory');
    expect(lines(Buffer.from(file.dataBase64 ?? '', 'base64').toString('utf8'))).toHaveLength(3);
  });
});
