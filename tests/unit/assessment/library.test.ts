import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAssessment } from '../../../electron/host/library/assessment-codec';
import { createMemoryKeyValueStore, type KeyValueStore } from '../../../electron/host/library/key-value-store';
import { nodeLibraryFs, type LibraryFs } from '../../../electron/host/library/library-fs';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { SCAN_SCHEMA_VERSION, type ScanDocument } from '../../../shared/scan-document';
import { syntheticOffice } from './synthetic-office';

let dir: string;
let index: KeyValueStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-library-'));
  index = createMemoryKeyValueStore();
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const open = (fs?: LibraryFs) => ScanLibrary.open({ dir, index, ...(fs ? { fs } : {}) });
const scanFiles = async () => (await readdir(join(dir, 'scans'))).sort();

async function snapshot(library: ScanLibrary) {
  const files = await scanFiles();
  const contents = await Promise.all(files.map((f) => readFile(join(dir, 'scans', f), 'utf8')));
  return { list: JSON.stringify(library.list()), files, contents };
}

describe('scan library', () => {
  it('lists scans by client and site with device count and site risk', async () => {
    const library = await open();
    await library.save(syntheticOffice({ visit: 1 }));
    await library.save(syntheticOffice({ visit: 2 }));
    await library.save({ ...syntheticOffice({ client: 'Other Client', site: 'Depot' }), scan: { ...syntheticOffice().scan, id: 'other', client: 'Other Client', site: 'Depot' } });
    const listing = library.list();
    expect(listing.clients.map((c) => c.name)).toEqual(['Harbour Dental Practice', 'Other Client']);
    const site = listing.clients[0]!.sites[0]!;
    expect(site.name).toBe('Main office');
    expect(site.scans.map((s) => s.id)).toEqual(['synthetic-visit-2', 'synthetic-visit-1']);
    expect(site.scans[0]!.deviceCount).toBe(27);
    expect(library.previousOf('synthetic-visit-2')?.id).toBe('synthetic-visit-1');
  });

  it('keeps what a rescan repeats: the targets as scanned, the preset and the credential profile ids', async () => {
    const library = await open();
    const office = syntheticOffice({ visit: 1 });
    await library.save({ ...office, scan: { ...office.scan, credentialProfileIds: ['office', 'ups'] } });
    const entry = library.list().clients[0]!.sites[0]!.scans[0]!;
    expect(entry).toMatchObject({ targets: office.scan.targets, preset: office.scan.preset, credentialProfileIds: ['office', 'ups'] });
    expect(entry.targets!.length).toBeGreaterThan(0);
  });

  it('renames, tags and deletes', async () => {
    const library = await open();
    await library.save(syntheticOffice());
    await library.rename('synthetic-visit-1', 'January audit');
    await library.setTags('synthetic-visit-1', ['audit', 'audit', 'q1']);
    expect(library.entry('synthetic-visit-1')).toMatchObject({ name: 'January audit', tags: ['audit', 'q1'] });
    // A later progressive save keeps the user's name and tags.
    await library.save(syntheticOffice());
    expect(library.entry('synthetic-visit-1')).toMatchObject({ name: 'January audit', tags: ['audit', 'q1'] });
    await library.delete('synthetic-visit-1');
    expect(library.list().scans).toHaveLength(0);
    expect(await scanFiles()).toEqual([]);
  });

  it('re-analyses an old scan with the current thresholds, without rescanning', async () => {
    const library = await open();
    await library.save(syntheticOffice());
    const stored = await library.load('synthetic-visit-1');
    expect(stored.devices.every((d) => d.findings === undefined)).toBe(true);
    const defaults = await library.open('synthetic-visit-1');
    const files = defaults.document.devices.find((d) => d.hostname === 'srv-files01')!;
    expect(files.findings!.map((f) => f.rule)).toContain('storage-full');
    const relaxed = await library.open('synthetic-visit-1', { thresholds: { 'storage-full.warnPercent': 99, 'storage-full.critPercent': 99.5 } });
    expect(relaxed.document.devices.find((d) => d.hostname === 'srv-files01')!.findings!.map((f) => f.rule)).not.toContain('storage-full');
  });

  it('exports and imports a .forewarn file (gzip JSON with the schema version)', async () => {
    const library = await open();
    await library.save(syntheticOffice());
    await library.rename('synthetic-visit-1', 'January');
    const bytes = await library.exportAssessment('synthetic-visit-1');
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    // Importing into the same library never replaces the original.
    const imported = await library.importAssessment(bytes);
    expect(imported.id).not.toBe('synthetic-visit-1');
    expect(imported.name).toBe('January');
    expect(library.list().scans).toHaveLength(2);
    expect((await library.load(imported.id)).devices).toHaveLength(syntheticOffice().devices.length);
  });

  describe('imports that must fail cleanly, leaving the library intact', () => {
    const cases: Array<[string, (good: Buffer) => Buffer, RegExp, string]> = [
      ['a truncated .forewarn', (good) => good.subarray(0, Math.floor(good.length / 2)), /incomplete/, 'truncated'],
      ['a truncated scan JSON', () => Buffer.from(JSON.stringify(syntheticOffice()).slice(0, 5000)), /incomplete/, 'truncated'],
      ['a foreign file (PNG)', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not a Forewarn/, 'foreign'],
      ['foreign JSON', () => Buffer.from('{"name":"left-pad","version":"1.3.0"}'), /not a Forewarn/, 'foreign'],
      ['gzip of foreign JSON', () => gzipSync('{"hello":"world"}'), /not a Forewarn/, 'foreign'],
      ['a corrupt gzip body', (good) => Buffer.concat([good.subarray(0, 10), Buffer.alloc(good.length - 10, 0x55)]), /damaged/, 'corrupt'],
      ['a newer schema version', () => encodeAssessment({ ...syntheticOffice(), schemaVersion: SCAN_SCHEMA_VERSION + 1 } as unknown as ScanDocument, {}), /newer Forewarn/, 'newer-version'],
      ['an empty file', () => Buffer.alloc(0), /empty/, 'truncated'],
    ];
    for (const [what, make, message, code] of cases) {
      it(what, async () => {
        const library = await open();
        await library.save(syntheticOffice());
        const good = await library.exportAssessment('synthetic-visit-1');
        const before = await snapshot(library);
        await expect(library.importAssessment(make(good))).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
        expect(await snapshot(library)).toEqual(before);
      });
    }
  });

  it('a full disk: a clear error, the saved scan and the index unchanged, no temporary file left', async () => {
    let full = false;
    const fullDiskFs: LibraryFs = {
      ...nodeLibraryFs,
      async open(path, flags, mode) {
        const file = await nodeLibraryFs.open(path, flags, mode);
        return {
          writeFile: async (data) => {
            if (full) {
              await file.writeFile(typeof data === 'string' ? data.slice(0, 100) : data.subarray(0, 100));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            }
            return file.writeFile(data);
          },
          sync: () => file.sync(),
          close: () => file.close(),
        };
      },
    };
    const library = await open(fullDiskFs);
    const first = syntheticOffice();
    await library.save(first);
    const before = await snapshot(library);
    full = true;
    const bigger = { ...first, devices: [...first.devices, ...syntheticOffice({ visit: 2 }).devices.slice(-1)] };
    await expect(library.save(bigger)).rejects.toMatchObject({ code: 'disk-full', message: expect.stringMatching(/disk is full.*nothing already saved was changed/i) });
    await expect(library.importAssessment(encodeAssessment(syntheticOffice({ visit: 2 }), {}))).rejects.toMatchObject({ code: 'disk-full' });
    expect(await snapshot(library)).toEqual(before);
    expect((await library.load('synthetic-visit-1')).devices).toHaveLength(first.devices.length);
  });

  it('a target locked for a moment (antivirus on Windows: EPERM/EBUSY on rename) is saved on a later try; a lasting lock is a clear error', async () => {
    let locksLeft = 2;
    const renames: string[] = [];
    const lockingFs: LibraryFs = {
      ...nodeLibraryFs,
      async rename(from, to) {
        renames.push(to);
        if (to.endsWith('.json') && locksLeft-- > 0) throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: locksLeft % 2 ? 'EBUSY' : 'EPERM' });
        return nodeLibraryFs.rename(from, to);
      },
    };
    const library = await open(lockingFs);
    await library.save(syntheticOffice());
    expect((await library.load('synthetic-visit-1')).devices).toHaveLength(syntheticOffice().devices.length);
    expect(renames.filter((t) => t.endsWith('synthetic-visit-1.json'))).toHaveLength(3);

    locksLeft = Infinity;
    const started = Date.now();
    await expect(library.save({ ...syntheticOffice(), scan: { ...syntheticOffice().scan, id: 'locked-1' } })).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/could not be saved in .+ \(EPERM: not permitted, or the file is held by another program such as an antivirus scanner\)/) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect((await readdir(join(dir, 'scans'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives every import a fresh id: a hidden-file id, or one differing only by case, survives a restart and replaces nothing', async () => {
    const library = await open();
    await library.save({ ...syntheticOffice(), scan: { ...syntheticOffice().scan, id: 'scan-1' } });
    const hidden = await library.importAssessment(encodeAssessment({ ...syntheticOffice(), scan: { ...syntheticOffice().scan, id: '.visit' } }, {}));
    const cased = await library.importAssessment(encodeAssessment({ ...syntheticOffice(), scan: { ...syntheticOffice().scan, id: 'Scan-1' } }, {}));
    const again = await library.importAssessment(encodeAssessment({ ...syntheticOffice(), scan: { ...syntheticOffice().scan, id: 'scan-1' } }, {}));
    const ids = [hidden.id, cased.id, again.id];
    for (const id of ids) expect(id).toMatch(/^imported-[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    const reopened = await open();
    expect(reopened.list().scans.map((e) => e.id).sort()).toEqual([...ids, 'scan-1'].sort());
    for (const id of ids) expect((await reopened.load(id)).scan.id).toBe(id);
  });

  it('rebuilds a lost index from the scan files and reopens a running scan as interrupted', async () => {
    const library = await open();
    const running = syntheticOffice();
    running.scan = { ...running.scan, status: 'running', finishedAt: null };
    await library.save(running);
    await writeFile(join(dir, 'scans', '.stale.json.123.1.tmp'), 'half a file');
    index = createMemoryKeyValueStore();
    const reopened = await open();
    expect(reopened.entry('synthetic-visit-1')).toMatchObject({ status: 'interrupted', deviceCount: 27 });
    expect((await reopened.load('synthetic-visit-1')).scan.finishedAt).not.toBeNull();
    expect(await scanFiles()).toEqual(['synthetic-visit-1.json']);
  });

  it('gives scans of one site started in the same minute distinct default names', async () => {
    const library = await open();
    const first = syntheticOffice();
    await library.save(first);
    await library.save({ ...first, scan: { ...first.scan, id: 'same-minute-2', startedAt: first.scan.startedAt.slice(0, 17) + '41Z' } });
    await library.save({ ...first, scan: { ...first.scan, id: 'same-minute-3', startedAt: first.scan.startedAt.slice(0, 17) + '59Z' } });
    const names = ['synthetic-visit-1', 'same-minute-2', 'same-minute-3'].map((id) => library.entry(id)!.name);
    expect(new Set(names).size).toBe(3);
    expect(names[1]).toBe(`${names[0]} (2)`);
    // A progressive save of the same scan keeps its name.
    await library.save({ ...first, scan: { ...first.scan, id: 'same-minute-2', startedAt: first.scan.startedAt.slice(0, 17) + '41Z' } });
    expect(library.entry('same-minute-2')!.name).toBe(names[1]);
  });

  it('keeps map pins with the scan: across later saves of a running scan, export, and a restart', async () => {
    const library = await open();
    const running = syntheticOffice();
    running.scan = { ...running.scan, status: 'running', finishedAt: null };
    await library.save(running);
    const pinned = { [running.devices[0]!.id]: { x: 120, y: -40 } };
    await library.setLayout('synthetic-visit-1', { pinned });
    // The recorder's next save comes from engine events, which carry no layout.
    await library.save({ ...running, scan: { ...running.scan, status: 'completed', finishedAt: '2026-01-01T01:00:00Z' } });
    expect((await library.load('synthetic-visit-1')).layout).toEqual({ pinned });
    const exported = await library.exportAssessment('synthetic-visit-1');
    const imported = await library.importAssessment(exported);
    expect((await library.load(imported.id)).layout).toEqual({ pinned });
    const reopened = await open();
    expect((await reopened.open('synthetic-visit-1')).document.layout).toEqual({ pinned });
    await expect(reopened.setLayout('not-a-saved-scan', { pinned })).rejects.toThrow(/not in the library/);
  });
});
