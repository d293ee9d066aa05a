/**
 * Reverse DNS (PTR) names. c-ares queries cannot be cancelled one by one, so
 * each lookup gets its own Resolver whose cancel() ends it on timeout/abort.
 */
import { Resolver } from 'node:dns/promises';

export interface ReverseDnsOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** DNS servers to ask (tests point this at a local server); system servers by default. */
  servers?: string[];
}

/** The first PTR name of `ip`, or null on any failure, timeout or abort. Never throws. */
export async function reverseLookup(ip: string, options: ReverseDnsOptions): Promise<string | null> {
  const { timeoutMs, signal } = options;
  if (signal?.aborted) return null;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (options.servers) resolver.setServers(options.servers);
  const cancel = () => resolver.cancel();
  const timer = setTimeout(cancel, timeoutMs);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const names = await resolver.reverse(ip);
    const name = names.find((n) => n.length > 0 && n.length <= 253);
    // Names are untrusted text: strip the trailing dot and anything that is not a hostname character.
    return name ? name.replace(/\.$/, '').replace(/[^a-zA-Z0-9._-]/g, '') || null : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
