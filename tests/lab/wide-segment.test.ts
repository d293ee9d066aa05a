/**
 * A large on-link segment with few hosts (an office /22): every address is
 * primed for ARP, and each primer waits in the kernel's queue until its
 * address resolves or fails. The sweep must keep priming at the packet cap,
 * not stall at what one socket's send buffer holds (about 256 primers).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ScanDocumentSchema } from '../../shared/scan-document';
import { runInNamespace, spawnInNamespace } from './run';
import { createWideSegment, removeWideSegment, wideSegment } from './wide-segment';

const labAvailable = inject('labAvailable');
const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

/** How many of the scanner's neighbour entries are still waiting for an ARP answer. */
async function unresolvedEntries(): Promise<number> {
  const { stdout } = await runInNamespace(wideSegment.scanner, 'ip', ['-4', 'neigh', 'show']);
  return stdout.split('\n').filter((line) => /\bINCOMPLETE\b/.test(line)).length;
}

describe.skipIf(!labAvailable)('an on-link /22 with nobody on it', () => {
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forewarn-wide-'));
    await createWideSegment();
  });

  afterAll(async () => {
    await removeWideSegment();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps more primers waiting than one socket holds, as many as the neighbour table allows', async () => {
    const json = join(dir, 'wide.json');
    const scan = spawnInNamespace(wideSegment.scanner, process.execPath, [BIN, 'scan', wideSegment.cidr, '--quick', '--json', json], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => scan.on('exit', resolve));
    // A second and a half in, the neighbour gate's first two batches (2 × 256) have gone out and none has
    // failed yet (that takes 3 s). With one primer socket, its send buffer held them to about 256.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const waiting = await unresolvedEntries();
    expect(await exited).toBe(0);
    expect(waiting).toBeGreaterThan(300);
    const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(doc.devices.map((d) => d.ip)).toEqual([wideSegment.scannerAddress]);
  });
});
