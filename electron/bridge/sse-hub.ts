/**
 * Server-sent events for `window.forewarn.on`: one named SSE event per
 * contract channel (`event: scan:event`), JSON data, and a heartbeat comment
 * so idle connections are not reaped by proxies or the browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEventSink, EventChannel, EventPayloads } from '../../shared/ipc-contract';

export interface SseHub {
  attach(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): void;
  sink: ApiEventSink;
  clientCount(): number;
  closeAll(): void;
}

export function createSseHub(heartbeatMs = 15_000): SseHub {
  const clients = new Set<ServerResponse>();

  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  const send = <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => {
    if (clients.size === 0) return;
    // JSON never holds a raw newline, so one `data:` line carries the whole payload.
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of clients) client.write(frame);
  };

  return {
    attach(request, response, headers) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // Reconnect quickly if the server restarts during development.
      response.write('retry: 1000\n\n');
      clients.add(response);
      const drop = () => clients.delete(response);
      request.on('close', drop);
      response.on('error', drop);
    },
    sink: send,
    clientCount: () => clients.size,
    closeAll() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
