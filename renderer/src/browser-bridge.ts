/**
 * The browser implementation of `window.forewarn` (development and E2E), in the
 * style of Actual's browser preload: the same contract as the Electron preload,
 * carried over HTTP to electron/bridge/server.ts.
 *   invoke → POST /api/invoke/:channel with the JSON argument array
 *   on     → one shared EventSource('/api/events'), one named SSE event per channel
 */
import type { EventChannel, EventPayloads, ForewarnApi, InvokeArgs, InvokeChannel, InvokeResult, Unsubscribe } from '../../shared/ipc-contract';
import { ForewarnError, isErrorEnvelope } from '../../shared/ipc-errors';

/** The part of EventSource the bridge uses (lets tests pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface BrowserBridgeOptions {
  /** Prefix of the bridge server's URLs; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: new (url: string) => EventSourceLike;
}

/** The server's reply; `result` is absent for channels that return nothing. */
interface InvokeReply {
  result?: unknown;
  error?: unknown;
}

export function createBrowserBridge(options: BrowserBridgeOptions = {}): ForewarnApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? window.fetch.bind(window);
  const EventSourceImpl = options.EventSource ?? window.EventSource;

  let source: EventSourceLike | null = null;
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  const dispatch = (channel: EventChannel) => (message: MessageEvent<string>) => {
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      console.error(`forewarn bridge: dropped a malformed ${channel} event`);
      return;
    }
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
  };

  return {
    async invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
      } catch (cause) {
        throw new Error(`Cannot reach the Forewarn bridge server (${channel}). Is it still running?`, { cause });
      }
      const reply = (await response.json().catch(() => ({}))) as InvokeReply;
      if (!response.ok || reply.error !== undefined) {
        throw isErrorEnvelope(reply.error)
          ? new ForewarnError(reply.error)
          : new ForewarnError({ code: 'failed', message: `The bridge server answered ${response.status} to ${channel}.` });
      }
      return reply.result as InvokeResult<C>;
    },

    on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe {
      source ??= new EventSourceImpl(`${baseUrl}/api/events`);
      const set = listeners.get(channel) ?? new Set();
      if (!listeners.has(channel)) {
        listeners.set(channel, set);
        source.addEventListener(channel, dispatch(channel));
      }
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => {
        set.delete(untyped);
      };
    },
  };
}

/** Installs the browser bridge unless a real preload already provided `window.forewarn`. */
export function installBrowserBridgeIfAbsent(): void {
  if (!window.forewarn) window.forewarn = createBrowserBridge();
}
