/**
 * Runs many `ping` processes from one POSIX shell instead of one Node spawn
 * each. Forking the Node process costs ~6 ms of blocked event loop per probe
 * (a /24 at concurrency 128 froze the loop for over a second, which starves
 * timers and abort handling); a shell forks in a fraction of that and off our
 * event loop. Calls that arrive together are grouped into one shell; each
 * output line comes back tagged with its address, so results stream per host.
 *
 * Run as root (CI, the lab, some technicians), iputils and macOS ping use raw
 * sockets with no kernel-side ident filter: every ping process receives every
 * echo reply on the machine into a 128 KB buffer. A burst of a hundred replies
 * overflows the buffer of a ping that was not scheduled in time, and its own
 * reply is dropped (seen on loopback: 1–2 of 128). So when a batch meets a
 * burst of replies, its silent addresses are asked once more, in a batch of
 * their own; dead address space seldom meets a burst, so sweeps stay fast.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RateLimiter } from '../util/pacing';
import { parsePingOutput, type PingResult } from './ping-output';

/** Arguments go into the script, so they must be plain tokens; addresses travel as "$@". */
const SAFE_TOKEN = /^[A-Za-z0-9._/-]+$/;
const DONE = '__forewarn_ping_done__';

export function batchScript(file: string, argsBeforeTarget: string[]): string {
  for (const token of [file, ...argsBeforeTarget]) {
    if (!SAFE_TOKEN.test(token)) throw new Error(`unsafe ping argument: ${JSON.stringify(token)}`);
  }
  const command = [file, ...argsBeforeTarget].map((t) => `'${t}'`).join(' ');
  return [
    'for ip do',
    `  ( ${command} "$ip" 2>&1 | while IFS= read -r line; do printf '%s\\t%s\\n' "$ip" "$line"; done`,
    `    printf '%s\\t%s\\n' "$ip" '${DONE}' ) &`,
    'done',
    'wait',
  ].join('\n');
}

interface Waiter {
  ip: string;
  resolve: (r: PingResult) => void;
  reject: (e: unknown) => void;
  settled: boolean;
  signal?: AbortSignal;
  onAbort?: () => void;
  /** The scan's packet budget: a second ask spends it too. */
  rateLimiter?: RateLimiter;
}

export interface PingBatcherOptions {
  file: string;
  /** The ping arguments before the target address. */
  args: string[];
  platform: NodeJS.Platform;
  /** Echo requests per address (for the loss figure when output is cut). */
  count: number;
  /** Hard stop for a whole batch, ms (the ping deadline plus the time to start every process). */
  batchDeadlineMs: number;
  /** Most addresses in one shell. */
  maxBatch?: number;
  /** How long to wait for more calls before starting a shell. */
  gatherMs?: number;
  /** Replies in one batch after which its silent addresses are asked once more. */
  replyBurst?: number;
}

const DEFAULT_MAX_BATCH = 128;
const DEFAULT_GATHER_MS = 3;
/** Replies in one batch from which a lost reply is plausible (raw sockets hold ~100 on loopback, fewer on a NIC). */
const DEFAULT_REPLY_BURST = 32;

export class PingBatcher {
  private pending: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly script: string;

  constructor(private readonly options: PingBatcherOptions) {
    this.script = batchScript(options.file, options.args);
  }

  /**
   * Pings `ip` in the next batch (the caller has already paced this first
   * ask; a second one takes from `rateLimiter`). Rejects with the signal's
   * reason on abort; otherwise never rejects.
   */
  ping(ip: string, signal?: AbortSignal, rateLimiter?: RateLimiter): Promise<PingResult> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { ip, resolve, reject, settled: false, signal, rateLimiter };
      if (signal) {
        waiter.onAbort = () => this.settle(waiter, () => reject(signal.reason));
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.pending.push(waiter);
      if (this.pending.length >= (this.options.maxBatch ?? DEFAULT_MAX_BATCH)) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.gatherMs ?? DEFAULT_GATHER_MS);
    });
  }

  private settle(waiter: Waiter, action: () => void): void {
    if (waiter.settled) return;
    waiter.settled = true;
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
    action();
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.filter((w) => !w.settled);
    this.pending = [];
    if (batch.length > 0) this.run(batch);
  }

  /** Second asks keep to the scan's packets-per-second cap; an abort while waiting settles the waiter. */
  private async askAgain(waiters: Waiter[]): Promise<void> {
    const paced: Waiter[] = [];
    for (const w of waiters) {
      if (w.settled) continue;
      try {
        for (let i = 0; i < this.options.count; i++) await w.rateLimiter?.take(w.signal);
        paced.push(w);
      } catch {
        // aborted: the waiter's own abort handler has rejected it
      }
    }
    const stillWaiting = paced.filter((w) => !w.settled);
    if (stillWaiting.length > 0) this.run(stillWaiting, true);
  }

  private run(batch: Waiter[], isRetry = false): void {
    const byIp = new Map<string, { waiters: Waiter[]; lines: string[] }>();
    for (const w of batch) {
      const slot = byIp.get(w.ip) ?? { waiters: [], lines: [] };
      slot.waiters.push(w);
      byIp.set(w.ip, slot);
    }
    const child: ChildProcess = spawn('/bin/sh', ['-c', this.script, 'sh', ...byIp.keys()], {
      // Own process group, so abort and the deadline can kill every ping at once.
      detached: true,
      env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    let replies = 0;
    const askAgain: Waiter[] = [];
    const replyBurst = this.options.replyBurst ?? DEFAULT_REPLY_BURST;
    const finishIp = (ip: string, completed: boolean) => {
      const slot = byIp.get(ip);
      if (!slot) return;
      byIp.delete(ip);
      const result = parsePingOutput(this.options.platform, slot.lines.join('\n'), this.options.count);
      if (result.alive) replies += 1;
      else if (completed && !isRetry && replies >= replyBurst) {
        askAgain.push(...slot.waiters);
        return;
      }
      for (const w of slot.waiters) this.settle(w, () => w.resolve(result));
    };
    const deadline = setTimeout(killGroup, this.options.batchDeadlineMs);
    // When every caller of this batch has given up, stop its pings too.
    const abortCheck = () => {
      if ([...byIp.values()].every((s) => s.waiters.every((w) => w.settled))) killGroup();
    };
    for (const w of batch) w.signal?.addEventListener('abort', abortCheck, { once: true });

    let buffered = '';
    child.stdout!.setEncoding('latin1');
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const tab = line.indexOf('\t');
        const ip = line.slice(0, tab);
        const text = line.slice(tab + 1);
        if (text === DONE) finishIp(ip, true);
        else byIp.get(ip)?.lines.push(text);
      }
    });
    const cleanUp = () => {
      clearTimeout(deadline);
      for (const w of batch) w.signal?.removeEventListener('abort', abortCheck);
      for (const ip of [...byIp.keys()]) finishIp(ip, false); // cut short: parse what arrived
      if (askAgain.length > 0) void this.askAgain(askAgain);
    };
    child.once('close', cleanUp);
    child.once('error', cleanUp);
  }
}
