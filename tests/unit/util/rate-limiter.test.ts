import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../electron/engine/util/pacing';

describe('rate limiter (the scan\'s packets-per-second cap)', () => {
  it('lets a 50 ms burst through at once, then paces the rest at the rate', async () => {
    const limiter = createRateLimiter(1000); // burst of 50
    const started = performance.now();
    await Promise.all(Array.from({ length: 250 }, () => limiter.take()));
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(180); // 200 paced after the burst, at 1 ms each
    expect(ms).toBeLessThan(600);
  });

  it('releases waiters in the order they asked', async () => {
    const limiter = createRateLimiter(200); // burst of 10
    const order: number[] = [];
    await Promise.all(Array.from({ length: 30 }, (_, i) => limiter.take().then(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('rejects every waiter of a cancelled scan with its reason, and keeps serving other scans', async () => {
    const limiter = createRateLimiter(100); // burst of 5
    const cancelled = new AbortController();
    const other = new AbortController();
    const waiting = Array.from({ length: 20 }, () => limiter.take(cancelled.signal));
    const others = Array.from({ length: 10 }, () => limiter.take(other.signal));
    cancelled.abort(new Error('scan cancelled'));
    const settled = await Promise.allSettled(waiting);
    expect(settled.filter((s) => s.status === 'rejected' && (s.reason as Error).message === 'scan cancelled').length).toBeGreaterThanOrEqual(15);
    await expect(Promise.all(others)).resolves.toHaveLength(10);
    await expect(limiter.take(cancelled.signal)).rejects.toThrow('scan cancelled');
  });

  it('adds one abort listener per signal however many wait on it', async () => {
    const limiter = createRateLimiter(1000);
    const controller = new AbortController();
    let added = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added += 1;
      return add(...args);
    }) as typeof add;
    await Promise.all(Array.from({ length: 300 }, () => limiter.take(controller.signal)));
    expect(added).toBe(1);
  });
});
