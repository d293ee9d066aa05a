/**
 * The renderer's side of the layout worker: one worker per map, latest
 * request wins (a stale answer is dropped, never drawn over a newer one).
 */
import type { Point } from '../../../shared/topology/schema';
import type { LayoutRequest, LayoutResponse } from './map-layout';

export interface LayoutClient {
  /** Resolves with the positions, or null when a newer request superseded this one. */
  layout(input: Omit<LayoutRequest, 'id'>): Promise<Record<string, Point> | null>;
  dispose(): void;
}

export function createLayoutClient(): LayoutClient {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'map-layout' });
  let latest = 0;
  const pending = new Map<number, { resolve(p: Record<string, Point> | null): void; reject(e: Error): void }>();
  const settleOlder = (id: number) => {
    for (const [older, p] of pending) {
      if (older >= id) continue;
      pending.delete(older);
      p.resolve(null);
    }
  };
  worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
    const waiter = pending.get(e.data.id);
    if (!waiter) return;
    pending.delete(e.data.id);
    settleOlder(e.data.id);
    if ('error' in e.data) waiter.reject(new Error(`Map layout failed: ${e.data.error}`));
    else waiter.resolve(e.data.id === latest ? e.data.positions : null);
  };
  worker.onerror = (e: ErrorEvent) => {
    const error = new Error(`The map layout worker could not run: ${e.message || 'load error'}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return {
    layout(input) {
      const id = ++latest;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...input } satisfies LayoutRequest);
      });
    },
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.resolve(null);
      pending.clear();
    },
  };
}
