/**
 * The browser bridge's HTTP server (development and E2E; never in the shipped
 * app). It serves the built renderer and carries the same contract as the
 * Electron preload:
 *   POST /api/invoke/:channel  JSON argument array → { result } | { error: { code, message, details } }
 *   GET  /api/events           SSE, one named event per contract channel
 * Every call goes through `invokeValidated`, exactly like ipcMain in the app.
 * Bound to loopback only; Host and Origin are checked so a web page the
 * technician has open cannot drive it (DNS rebinding, cross-site POSTs).
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { ApiEventSink, ApiHandlers } from '../../shared/ipc-contract';
import { toErrorEnvelope, type IpcErrorEnvelope } from '../../shared/ipc-errors';
import { invokeValidated } from '../host/validated-invoke';
import { createSseHub } from './sse-hub';
import { contentTypeOf, resolveExistingFile } from './static-files';

export interface BridgeServerOptions {
  /** The built renderer (dist/renderer). */
  staticDir: string;
  handlers: ApiHandlers;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1';
  /** Told about failed calls (message only: arguments may hold secrets). */
  log?: (message: string) => void;
}

export interface BridgeServer {
  url: string;
  port: number;
  /** Push events to every attached browser; wire it with connectEngineEvents. */
  sink: ApiEventSink;
  close(): Promise<void>;
}

/** Big enough for an imported assessment (a compressed .forewarn of a large site is a few MB, then base64). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const INVOKE_PREFIX = '/api/invoke/';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const hub = createSseHub();
  let allowedHosts: Set<string> = new Set();

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status >= 500) log(`bridge: ${request.method} ${request.url}: ${messageOf(error)}`);
      const envelope: IpcErrorEnvelope = { code: status >= 500 ? 'failed' : 'invalid-request', message: messageOf(error) };
      if (!response.headersSent) sendJson(response, status, { error: envelope });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 must not reach the API.
    if (!allowedHosts.has(request.headers.host ?? '')) throw new HttpError(421, 'Unknown Host header.');
    const path = new URL(request.url ?? '/', 'http://bridge.invalid').pathname;

    if (path.startsWith(INVOKE_PREFIX)) return handleInvoke(request, response, path.slice(INVOKE_PREFIX.length));
    if (path === '/api/events') {
      if (request.method !== 'GET') throw new HttpError(405, 'Use GET for /api/events.');
      checkSameOrigin(request);
      hub.attach(request, response, SECURITY_HEADERS);
      return;
    }
    if (path.startsWith('/api/')) throw new HttpError(404, 'No such API endpoint.');
    return serveStatic(request, response, path);
  }

  async function handleInvoke(request: IncomingMessage, response: ServerResponse, rawChannel: string): Promise<void> {
    if (request.method !== 'POST') throw new HttpError(405, 'Use POST for /api/invoke.');
    checkSameOrigin(request);
    // A JSON content type forces a CORS preflight on cross-site requests, which we never answer.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpError(415, 'Send the arguments as application/json.');
    }
    const channel = safeDecode(rawChannel);
    const args = parseJson(await readBody(request));
    try {
      const result = await invokeValidated(options.handlers, channel, args);
      sendJson(response, 200, result === undefined ? {} : { result });
    } catch (error) {
      // The same envelope the Electron transport carries (shared/ipc-errors.ts).
      const envelope = toErrorEnvelope(error);
      if (envelope.code !== 'invalid-request') log(`bridge: ${channel} failed: ${envelope.message}`);
      sendJson(response, envelope.code === 'invalid-request' ? 400 : 422, { error: envelope });
    }
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Read-only.');
    const file = await resolveExistingFile(options.staticDir, path);
    if (!file) throw new HttpError(404, 'Not found.');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  }

  function checkSameOrigin(request: IncomingMessage): void {
    const origin = request.headers.origin;
    if (origin === undefined) return; // Same-origin GETs (EventSource) may omit it.
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new HttpError(403, 'Malformed Origin.');
    }
    if (!allowedHosts.has(originHost)) throw new HttpError(403, 'Cross-origin calls are refused.');
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host === '::1' ? '[::1]' : host;
  allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`]);

  return {
    url: `http://${hostPart}:${port}`,
    port,
    sink: hub.sink,
    close: () =>
      new Promise<void>((resolveClose) => {
        hub.closeAll();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Request body too large (over ${MAX_BODY_BYTES / 1024 / 1024} MB).`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return [];
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HttpError(400, 'Malformed channel name.');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
