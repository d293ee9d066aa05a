import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assessmentFilesIn, createOpenedFiles } from '../../../electron/host/opened-files';
import { createMemoryKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { encodeAssessment } from '../../../electron/host/library/assessment-codec';
import { syntheticOffice } from '../assessment/synthetic-office';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-opened-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('files the OS opens the app with (electron/host/opened-files.ts)', () => {
  it("finds the assessment files among a launch's arguments, whatever their case, and nothing else", () => {
    expect(assessmentFilesIn(['--inspect', 'C:\\Scans\\Site.FOREWARN', '/tmp/notes.txt', 'march.forewarn', '--flag.forewarn'])).toEqual(['C:\\Scans\\Site.FOREWARN', 'march.forewarn']);
  });

  it('imports each file into the library, says why one is refused, and hands the results over once', async () => {
    const library = await ScanLibrary.open({ dir: join(dir, 'library'), index: createMemoryKeyValueStore() });
    const announce = vi.fn();
    const opened = createOpenedFiles({ importAssessment: (bytes) => library.importAssessment(bytes), announce });
    const good = join(dir, 'March visit.forewarn');
    await writeFile(good, encodeAssessment(syntheticOffice(), { name: 'March visit' }));
    const bad = join(dir, 'cut-short.forewarn');
    await writeFile(bad, Buffer.from('not an assessment'));
    await opened.open(good);
    await opened.open(bad);
    await opened.open(join(dir, 'gone.forewarn'));
    const results = opened.take();
    expect(results[0]).toMatchObject({ fileName: 'March visit.forewarn', name: 'March visit' });
    expect(library.list().clients[0]!.sites[0]!.scans.map((s) => s.id)).toContain((results[0] as { scanId: string }).scanId);
    expect(results[1]).toMatchObject({ fileName: 'cut-short.forewarn', error: expect.any(String) });
    expect(results[2]).toMatchObject({ fileName: 'gone.forewarn', error: expect.stringMatching(/ENOENT/) });
    expect(announce).toHaveBeenCalledTimes(3);
    expect(opened.take()).toEqual([]);
  });
});
