/**
 * ICMP echo through the system `ping` (no raw sockets, so no root needed on
 * the laptop). The `ping` package builds the per-OS command line; we spawn it
 * ourselves so a probe can be killed on abort or at its deadline, and parse
 * the output with our own tested parser (ping-output.ts).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { RateLimiter } from '../util/pacing';
import { parsePingOutput, type PingResult } from './ping-output';
import { forEachConcurrently } from './concurrently';

export type { PingResult } from './ping-output';

interface PingArgBuilder {
  getCommandArguments(target: string, config: Record<string, unknown>): string[];
}
interface PingBuilderFactory {
  getExecutablePath(platform: string, v6: boolean): string;
  createBuilder(platform: string): PingArgBuilder;
}

const require = createRequire(import.meta.url);
const builderFactory = require('ping/lib/builder/factory') as PingBuilderFactory;

export interface PingOptions {
  /** Wait for each reply at most this long. iputils ≥ 2021, macOS and Windows take sub-second values. */
  timeoutMs: number;
  signal?: AbortSignal;
  rateLimiter?: RateLimiter;
  /** Echo requests to send (default 1). */
  count?: number;
  platform?: NodeJS.Platform;
}

/** Spawning ping costs a few ms; this grace keeps a reply that lands right at the deadline. */
const SPAWN_GRACE_MS = 150;
/** Linux spaces repeated requests this far apart (the minimum for non-root is 200 ms). */
const REPEAT_INTERVAL_S = 0.2;

/** The command line for one probe, from the `ping` package's per-OS builder. */
export function pingCommand(ip: string, timeoutMs: number, count: number, platform: NodeJS.Platform): { file: string; args: string[] } {
  const builder = builderFactory.createBuilder(platform);
  const isLinux = platform === 'linux' || platform === 'android';
  const args = builder.getCommandArguments(ip, {
    numeric: true,
    timeout: timeoutMs / 1000,
    min_reply: count,
    extra: count > 1 && isLinux ? ['-i', String(REPEAT_INTERVAL_S)] : [],
  });
  return { file: builderFactory.getExecutablePath(platform, false), args };
}

/** Pings one IPv4 address. Rejects with the signal's reason on abort; otherwise never rejects. */
export async function pingHost(ip: string, options: PingOptions): Promise<PingResult> {
  const { timeoutMs, signal, rateLimiter } = options;
  const count = options.count ?? 1;
  const platform = options.platform ?? process.platform;
  for (let i = 0; i < count; i++) await rateLimiter?.take(signal);
  signal?.throwIfAborted();
  const { file, args } = pingCommand(ip, timeoutMs, count, platform);
  const deadlineMs = timeoutMs * count + (count - 1) * REPEAT_INTERVAL_S * 1000 + SPAWN_GRACE_MS;

  return new Promise<PingResult>((resolve, reject) => {
    const chunks: Buffer[] = [];
    // C locale keeps Unix output English with '.' decimals; Windows ignores it (its parser is locale-free).
    const child = spawn(file, args, { env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const finish = () => {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      child.kill('SIGKILL');
      reject(signal!.reason);
    };
    const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', () => {
      finish();
      resolve({ alive: false, rttMs: null, lossPercent: 100, replies: 0 });
    });
    child.once('close', () => {
      if (signal?.aborted) return;
      finish();
      // latin1: Windows prints in an OEM code page; the parser only needs ASCII tokens.
      resolve(parsePingOutput(platform, Buffer.concat(chunks).toString('latin1'), count));
    });
  });
}

export interface PingSweepOptions extends PingOptions {
  concurrency: number;
  /** Called with each result the moment it is known. */
  onResult: (ip: string, result: PingResult) => void;
}

/**
 * Pings every address with bounded concurrency, pulling lazily from the
 * iterable (a /16 is never queued at once). Resolves when all are done, or
 * soon after an abort (no results are reported after the abort).
 */
export async function pingSweep(addresses: Iterable<string>, options: PingSweepOptions): Promise<{ aborted: boolean }> {
  const { signal, onResult } = options;
  return forEachConcurrently(addresses, options.concurrency, signal, async (ip) => {
    const result = await pingHost(ip, options);
    if (!signal?.aborted) onResult(ip, result);
  });
}
