import { describe, expect, it } from 'vitest';
import { createBrowserBridge } from '../../../renderer/src/browser-bridge';
import { ForewarnError } from '../../../shared/ipc-errors';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {}
  fire(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent<string>);
  }
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('browser bridge', () => {
  it('POSTs the JSON argument array to /api/invoke/:channel and returns the result', async () => {
    const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
    const bridge = createBrowserBridge({
      baseUrl: 'http://127.0.0.1:1',
      fetch: async (url, init) => {
        requests.push({ url: String(url), init });
        return jsonResponse(200, { result: { scanId: 'abc' } });
      },
      EventSource: FakeEventSource,
    });
    const request = { targets: ['127.0.0.1/32'], credentialProfileIds: [], preset: 'quick' as const, confirmations: {} };
    await expect(bridge.invoke('scan:start', request)).resolves.toEqual({ scanId: 'abc' });
    expect(requests[0]?.url).toBe('http://127.0.0.1:1/api/invoke/scan%3Astart');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual([request]);
  });

  it("rejects with the server's error envelope as a ForewarnError: code, message, details", async () => {
    const envelope = { code: 'needs-confirmation', message: 'Target "8.8.8.8" includes public addresses', details: { confirmations: ['allowPublic'], spec: '8.8.8.8' } };
    const bridge = createBrowserBridge({ fetch: async () => jsonResponse(422, { error: envelope }), EventSource: FakeEventSource });
    const error = await bridge.invoke('engine:status').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForewarnError);
    expect(error).toMatchObject(envelope);
  });

  it('says which channel failed when the reply carries no envelope', async () => {
    const bridge = createBrowserBridge({ fetch: async () => new Response('oops', { status: 502 }), EventSource: FakeEventSource });
    await expect(bridge.invoke('engine:status')).rejects.toMatchObject({ code: 'failed', message: 'The bridge server answered 502 to engine:status.' });
  });

  it('shares one EventSource and routes each named event to its channel listeners', () => {
    FakeEventSource.instances = [];
    const bridge = createBrowserBridge({ fetch: async () => jsonResponse(200, {}), EventSource: FakeEventSource });
    const scanEvents: unknown[] = [];
    const statuses: unknown[] = [];
    const offScan = bridge.on('scan:event', (e) => scanEvents.push(e));
    bridge.on('scan:event', () => {});
    bridge.on('engine:status', (s) => statuses.push(s));

    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');
    source.fire('engine:status', JSON.stringify({ state: 'ready', restarts: 0 }));
    source.fire('scan:event', JSON.stringify({ type: 'phase', scanId: 's', phase: 'discovery' }));
    expect(statuses).toEqual([{ state: 'ready', restarts: 0 }]);
    expect(scanEvents).toEqual([{ type: 'phase', scanId: 's', phase: 'discovery' }]);

    offScan();
    source.fire('scan:event', JSON.stringify({ type: 'phase', scanId: 's', phase: 'identify' }));
    expect(scanEvents).toHaveLength(1);
  });
});
