/**
 * ICMP echo. Single requests go through one long-lived helper process with an
 * unprivileged ICMP socket where the OS offers one (icmp-echo-helper.ts): a
 * sweep then costs no process per address. Otherwise, and for repeated
 * requests, through the system `ping` (no raw sockets, so no root needed on
 * the laptop): the `ping` package builds the per-OS command line; we run it
 * ourselves so probes can be batched (ping-batch.ts), killed on abort or at a
 * deadline, and parsed by our own tested parser (ping-output.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RateLimiter } from '../util/pacing';
import { allowManyListeners } from '../util/concurrently';
import { IcmpEchoHelper } from './icmp-echo-helper';
import { PingBatcher } from './ping-batch';
import { parsePingOutput, type PingResult } from './ping-output';

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
  /** Wait for each reply at most this long. */
  timeoutMs: number;
  signal?: AbortSignal;
  rateLimiter?: RateLimiter;
  /** Echo requests to send (default 1). */
  count?: number;
  platform?: NodeJS.Platform;
  /** Admission for the first packet to an on-link address (see neighbours.ts). */
  neighbourGate?: { admit(ip: string, signal?: AbortSignal): Promise<void> };
  /**
   * 'auto' (default): the echo helper for single requests where it runs, else
   * 'batched' (Linux/macOS: many pings per shell), else 'direct' (one spawn per probe).
   */
  mode?: 'auto' | 'helper' | 'batched' | 'direct';
}

/** Spawning ping costs a few ms; this grace keeps a reply that lands right at the deadline. */
const SPAWN_GRACE_MS = 150;
/** A batch shell also needs time to start every ping of the batch. */
const BATCH_START_GRACE_MS = 2000;
/** Linux spaces repeated requests this far apart (the minimum for non-root is 200 ms). */
const REPEAT_INTERVAL_S = 0.2;

/**
 * The command line for one probe, from the `ping` package's per-OS builder.
 * Linux (iputils ≥ 20210202), macOS and Windows take sub-second timeouts;
 * `wholeSeconds` rounds up for older iputils and busybox.
 */
export function pingCommand(
  ip: string,
  timeoutMs: number,
  count: number,
  platform: NodeJS.Platform,
  wholeSeconds = false,
): { file: string; args: string[] } {
  const builder = builderFactory.createBuilder(platform);
  const isLinux = platform === 'linux' || platform === 'android';
  const seconds = wholeSeconds ? Math.max(1, Math.ceil(timeoutMs / 1000)) : timeoutMs / 1000;
  const args = builder.getCommandArguments(ip, {
    numeric: true,
    timeout: seconds,
    min_reply: count,
    extra: count > 1 && isLinux ? ['-i', String(REPEAT_INTERVAL_S)] : [],
  });
  return { file: builderFactory.getExecutablePath(platform, false), args };
}

function deadlineOf(timeoutMs: number, count: number): number {
  return timeoutMs * count + (count - 1) * REPEAT_INTERVAL_S * 1000;
}

/** Runs one ping process; resolves with its parsed output, rejects on abort. */
function spawnPing(ip: string, timeoutMs: number, count: number, platform: NodeJS.Platform, wholeSeconds: boolean, signal?: AbortSignal): Promise<{ result: PingResult; text: string }> {
  const { file, args } = pingCommand(ip, timeoutMs, count, platform, wholeSeconds);
  return new Promise((resolve, reject) => {
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
    const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineOf(timeoutMs, count) + SPAWN_GRACE_MS);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', () => {
      finish();
      resolve({ result: { alive: false, rttMs: null, lossPercent: 100, replies: 0 }, text: '' });
    });
    child.once('close', () => {
      if (signal?.aborted) return;
      finish();
      // latin1: Windows prints in an OEM code page; the parser only needs ASCII tokens.
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ result: parsePingOutput(platform, text, count), text });
    });
  });
}

/** Old iputils and busybox reject "-W 0.3"; ask once, on loopback, and fall back to whole seconds. */
const REJECTED_FRACTION = /bad linger time|invalid (?:number|argument|timeout|value)/i;
let fractionalTimeoutCheck: Promise<boolean> | null = null;

function needsWholeSeconds(platform: NodeJS.Platform): Promise<boolean> {
  if (platform !== 'linux') return Promise.resolve(false);
  fractionalTimeoutCheck ??= spawnPing('127.0.0.1', 200, 1, platform, false).then(
    ({ result, text }) => !result.alive && REJECTED_FRACTION.test(text),
    () => false,
  );
  return fractionalTimeoutCheck;
}

const batchers = new Map<string, PingBatcher>();
let shellAvailable: boolean | null = null;

function batcherFor(timeoutMs: number, count: number, platform: NodeJS.Platform, wholeSeconds: boolean): PingBatcher {
  const key = `${platform}/${timeoutMs}/${count}/${wholeSeconds}`;
  let batcher = batchers.get(key);
  if (!batcher) {
    const { file, args } = pingCommand('0.0.0.0', timeoutMs, count, platform, wholeSeconds);
    const effectiveTimeout = wholeSeconds ? Math.max(1000, Math.ceil(timeoutMs / 1000) * 1000) : timeoutMs;
    batcher = new PingBatcher({
      file,
      args: args.slice(0, -1), // the builder puts the target last
      platform,
      count,
      batchDeadlineMs: deadlineOf(effectiveTimeout, count) + BATCH_START_GRACE_MS,
    });
    batchers.set(key, batcher);
  }
  return batcher;
}

let echoHelper: Promise<IcmpEchoHelper | null> | null = null;

/** The engine's one echo helper, started on first use (again if it died); null where none can run. */
export async function sharedEchoHelper(platform: NodeJS.Platform = process.platform): Promise<IcmpEchoHelper | null> {
  if (platform === 'win32') return null;
  const current = await (echoHelper ??= IcmpEchoHelper.start());
  if (current && !current.alive) {
    echoHelper = null;
    return sharedEchoHelper(platform);
  }
  return current;
}

/**
 * Pings one IPv4 address. Concurrent calls share the echo helper, or batch
 * shells on Linux/macOS. Rejects with the signal's reason on abort; otherwise
 * never rejects.
 */
export async function pingHost(ip: string, options: PingOptions): Promise<PingResult> {
  const { timeoutMs, signal, rateLimiter } = options;
  const count = options.count ?? 1;
  allowManyListeners(signal);
  const platform = options.platform ?? process.platform;
  await options.neighbourGate?.admit(ip, signal);
  for (let i = 0; i < count; i++) await rateLimiter?.take(signal);
  signal?.throwIfAborted();
  const mode = options.mode ?? 'auto';
  const helper = count === 1 && (mode === 'auto' || mode === 'helper') ? await sharedEchoHelper(platform) : null;
  if (helper) {
    const result = await helper.ping(ip, timeoutMs, signal);
    signal?.throwIfAborted();
    return result;
  }
  const wholeSeconds = await needsWholeSeconds(platform);
  shellAvailable ??= existsSync('/bin/sh');
  const batched = mode !== 'direct' && platform !== 'win32' && shellAvailable;
  if (batched) return batcherFor(timeoutMs, count, platform, wholeSeconds).ping(ip, signal, rateLimiter);
  return (await spawnPing(ip, timeoutMs, count, platform, wholeSeconds, signal)).result;
}
