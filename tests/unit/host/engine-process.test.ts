import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../shared/scan-events';
import { createNodeEngineProcess } from '../../../electron/host/engine-process';
import { EngineHost } from '../../../electron/host/engine-host';
import { resolveEngineEntry } from '../../../electron/host/engine-entry';

const tinyWorker = fileURLToPath(new URL('./fixtures/tiny-worker.mjs', import.meta.url));
const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const request = (scanId: string) => ({
  scanId,
  targets: ['127.0.0.1/32'],
  credentials: { communities: ['public'], v3Users: [] },
  preset: 'quick' as const,
  confirmations: { allowLarge: false, allowPublic: false },
  limits: { concurrency: 4, timeoutMs: 200, packetsPerSecond: 100, tcpProbe: false },
});

let host: EngineHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

describe('Node engine process (real child processes)', () => {
  it('restarts a real forked engine that crashed mid-scan and serves requests again', async () => {
    host = new EngineHost({
      createProcess: () => createNodeEngineProcess({ entry: tinyWorker }),
      restart: { baseDelayMs: 20, maxDelayMs: 50, maxConsecutive: 3, stableAfterMs: 60_000 },
    });
    const events: ScanEvent[] = [];
    host.onScanEvent((e) => events.push(e));
    const [firstPid] = await host.detectTargets();

    await host.startScan(request('crash'));
    await waitFor(() => events.some((e) => e.type === 'scan-finished'));
    expect(events.at(-1)).toMatchObject({ type: 'scan-finished', scanId: 'crash', status: 'failed' });
    expect(host.status().lastError).toContain('exited with code 70');

    await waitFor(() => host!.status().state === 'ready');
    expect(host.status().restarts).toBe(1);
    const [secondPid] = await host.detectTargets();
    expect(secondPid).not.toBe(firstPid);
  });

  it('runs the engine behind a command prefix and keeps the IPC channel', async () => {
    host = new EngineHost({ createProcess: () => createNodeEngineProcess({ entry: tinyWorker, commandPrefix: ['env', 'FOREWARN_PREFIXED=1'] }) });
    const [pid] = await host.detectTargets();
    expect(pid).toMatch(/^pid-\d+$/);
  });

  it('reports a process that cannot start as a failed start, not a hang', async () => {
    host = new EngineHost({
      createProcess: () => createNodeEngineProcess({ entry: tinyWorker, commandPrefix: ['/nonexistent/forewarn-prefix'] }),
      restart: { maxConsecutive: 0 },
    });
    await expect(host.detectTargets()).rejects.toThrow(/failed to start/);
    expect(host.status().state).toBe('crashed');
  });

  it('prefers the built worker and falls back to the TypeScript source through tsx', () => {
    const missing = resolveEngineEntry('/nonexistent-root');
    expect(missing).toEqual({ entry: '/nonexistent-root/electron/engine/worker.ts', execArgv: ['--import', 'tsx'] });
  });
});
