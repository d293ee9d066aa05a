/**
 * Many listeners on one AbortSignal: a sweep keeps thousands of SNMP sessions
 * open under the scan's single signal, and Node's EventTarget checks every
 * existing listener on each addEventListener (quadratic overall). The hub adds
 * one real listener per signal and keeps subscribers in a Set.
 */
const hubs = new WeakMap<AbortSignal, Set<() => void>>();

/** Call `fn` once when `signal` aborts (at once if it already has). Returns an unsubscribe. */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  if (signal.aborted) {
    queueMicrotask(fn);
    return () => {};
  }
  let subscribers = hubs.get(signal);
  if (!subscribers) {
    const set = new Set<() => void>();
    subscribers = set;
    hubs.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        hubs.delete(signal);
        for (const s of [...set]) {
          try {
            s();
          } catch {
            /* one subscriber's failure must not stop the others from closing */
          }
        }
      },
      { once: true },
    );
  }
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}
