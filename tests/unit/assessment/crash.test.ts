import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonFileKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the child until it has saved `saves` times, then SIGKILLs it mid-stream (it never stops saving). */
function runAndKill(libraryDir: string, saves: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'crash-child.ts'), libraryDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePromise, reject) => {
    let last = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const match = [...chunk.matchAll(/saved (\d+)/g)].pop();
      if (match) last = Number(match[1]);
      if (last >= saves) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolvePromise(last) : reject(new Error(`child ended by itself (${signal ?? _code})`))));
  });
}

describe('a scan killed mid-way', () => {
  it('reopens as interrupted with the devices saved before the kill', async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-crash-'));
    const confirmed = await runAndKill(dir, 25);
    const library = await ScanLibrary.open({ dir, index: createJsonFileKeyValueStore(join(dir, 'library-index.json')) });
    const entry = library.entry('killed-scan');
    expect(entry?.status).toBe('interrupted');
    const document = await library.load('killed-scan');
    expect(document.scan.status).toBe('interrupted');
    // Every save confirmed before the kill is there; at most the one in flight may have landed too.
    expect(document.devices.length).toBeGreaterThanOrEqual(confirmed);
    expect(document.devices.length).toBeLessThanOrEqual(confirmed + 2);
    expect(entry?.deviceCount).toBe(document.devices.filter((d) => d.type !== 'unmanaged-switch').length);
    expect((await readdir(join(dir, 'scans'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
