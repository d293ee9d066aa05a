/** report:json: a saved scan as the CLI's `--json` document, for scripts and other tools. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanDocumentSchema } from '../../../shared/scan-document';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createLibraryHandlers, type LibraryService } from '../../../electron/host/library/library-handlers';
import { createMemoryKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { syntheticOffice } from '../assessment/synthetic-office';

let dir: string;
let library: ScanLibrary;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-json-handler-'));
  library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const handlers = (extra: Partial<LibraryService> = {}, settings = DEFAULT_SETTINGS) =>
  createLibraryHandlers({ library, renderPdf: async () => Buffer.alloc(0), ...extra }, () => settings);

describe('report:json', () => {
  it('hands back the scan document, valid against its versioned schema, named after client, site and date', async () => {
    const office = syntheticOffice();
    await library.save(office);
    const file = await handlers()['report:json'](office.scan.id);
    expect(file.fileName).toMatch(/^Harbour-Dental-Practice_Main-office_\d{4}-\d{2}-\d{2}\.json$/);
    const document = ScanDocumentSchema.parse(JSON.parse(Buffer.from(file.dataBase64 ?? '', 'base64').toString('utf8')));
    expect(document.scan.id).toBe(office.scan.id);
    expect(document.devices.map((d) => d.ip)).toEqual(office.devices.map((d) => d.ip));
  });

  it('re-checks the findings with the thresholds of today\'s settings, as the screens and the CSV do', async () => {
    const office = syntheticOffice();
    await library.save(office);
    const strict = await handlers()['report:json'](office.scan.id);
    const lenient = await handlers({}, { ...DEFAULT_SETTINGS, thresholds: { 'storage-full.warnPercent': 99.5, 'storage-full.critPercent': 99.9 } })['report:json'](office.scan.id);
    const storageFindings = (file: { dataBase64?: string | null }) =>
      (JSON.parse(Buffer.from(file.dataBase64 ?? '', 'base64').toString('utf8')) as { devices: Array<{ findings?: Array<{ rule: string }> }> }).devices.flatMap((d) => d.findings ?? []).filter((f) => f.rule === 'storage-full').length;
    expect(storageFindings(strict)).toBeGreaterThan(0);
    expect(storageFindings(lenient)).toBeLessThan(storageFindings(strict));
  });

  it('refuses a scan the library does not hold, with a reason', async () => {
    await expect(handlers()['report:json']('never-saved')).rejects.toThrow(/not in the library/);
  });
});
