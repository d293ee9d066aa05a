import { setMaxListeners } from 'node:events';

/**
 * One scan signal is watched by every in-flight probe (hundreds at once);
 * lift Node's leak warning threshold (10) for it.
 */
export function allowManyListeners(signal: AbortSignal | undefined): void {
  if (signal) setMaxListeners(0, signal);
}

/**
 * A fixed pool of workers pulling from one (possibly lazy, possibly huge)
 * iterable. Unlike queueing every task on a concurrency limiter, memory stays
 * O(concurrency) for a /16 or a /8.
 */
export async function forEachConcurrently<T>(
  items: Iterable<T>,
  concurrency: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
): Promise<{ aborted: boolean }> {
  allowManyListeners(signal);
  const iterator = items[Symbol.iterator]();
  let exhausted = false;
  const next = (): IteratorResult<T> => {
    if (exhausted || signal?.aborted) return { done: true, value: undefined };
    const r = iterator.next();
    if (r.done) exhausted = true;
    return r;
  };
  const worker = async () => {
    for (let r = next(); !r.done; r = next()) {
      try {
        await work(r.value);
      } catch (err) {
        // An aborted probe ends the worker quietly; any other error is a bug worth surfacing.
        if (!signal?.aborted) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { aborted: signal?.aborted ?? false };
}
