/**
 * Traffic discipline shared by every prober: a global packets-per-second cap
 * (token bucket) and concurrency limits. One instance per scan, passed down,
 * so the user's cap bounds the whole engine, not each prober separately.
 */

export interface RateLimiter {
  /** Resolves when one packet may be sent; rejects with the signal's reason on abort. */
  take(signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(packetsPerSecond: number): RateLimiter {
  const intervalMs = 1000 / packetsPerSecond;
  // Allow a small burst (50 ms worth) so timers don't dominate at high rates.
  const burst = Math.max(1, Math.floor(packetsPerSecond / 20));
  let tokens = burst;
  let last = performance.now();
  type Waiter = { resolve: () => void; reject: (e: unknown) => void; signal?: AbortSignal };
  let waiters: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  // One abort listener per signal, not per waiter: a sweep keeps thousands waiting
  // on the scan's signal, and each addEventListener walks the listeners already there.
  const watched = new WeakSet<AbortSignal>();
  const watch = (signal: AbortSignal) => {
    if (watched.has(signal)) return;
    watched.add(signal);
    signal.addEventListener('abort', () => {
      const cancelled = waiters.filter((w) => w.signal === signal);
      waiters = waiters.filter((w) => w.signal !== signal);
      for (const w of cancelled) w.reject(signal.reason);
    }, { once: true });
  };

  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + (now - last) / intervalMs);
    last = now;
  };

  const drain = () => {
    timer = null;
    refill();
    const released = Math.min(waiters.length, Math.floor(tokens));
    tokens -= released;
    const ready = waiters.splice(0, released);
    for (const w of ready) w.resolve();
    if (waiters.length > 0) timer = setTimeout(drain, Math.max(1, intervalMs * (1 - tokens)));
  };

  return {
    take(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      refill();
      if (waiters.length === 0 && tokens >= 1) {
        tokens -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        if (signal) watch(signal);
        waiters.push({ resolve, reject, ...(signal ? { signal } : {}) });
        if (!timer) timer = setTimeout(drain, intervalMs);
      });
    },
  };
}

export interface ConcurrencyLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly pending: number;
}

/** At most `limit` tasks run at once; the rest wait in FIFO order. */
export function createConcurrencyLimiter(limit: number): ConcurrencyLimiter {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= limit) return;
    const start = queue.shift();
    if (start) start();
  };
  return {
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
    run<T>(task: () => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          active += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        });
        next();
      });
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
