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

  it('keeps more primers waiting than one socket holds, and no more than half the neighbour table', async () => {
    const json = join(dir, 'wide.json');
    const scan = spawnInNamespace(wideSegment.scanner, process.execPath, [BIN, 'scan', wideSegment.cidr, '--quick', '--json', json], { stdio: 'ignore' });
    let running = true;
    const exited = new Promise<number | null>((resolve) => scan.on('exit', resolve)).finally(() => (running = false));
    // The most primers waiting at once, sampled through the sweep. The neighbour gate lets 2 × 256 go out
    // within half a second, and none fails before 3 s; with one primer socket, its send buffer held them to about 256.
    let waiting = 0;
    while (running) {
      waiting = Math.max(waiting, await unresolvedEntries());
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await exited).toBe(0);
    expect(waiting).toBeGreaterThan(300);
    expect(waiting).toBeLessThanOrEqual(512); // half the kernel's table (gc_thresh3, 1024): the rest is the OS's own
    const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(doc.devices.map((d) => d.ip)).toEqual([wideSegment.scannerAddress]);
  });
});
