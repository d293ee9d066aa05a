import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../../electron/bridge/server';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../shared/csp';
import type { ApiHandlers } from '../../../shared/ipc-contract';

const notUsed = async () => {
  throw new Error('not used in this test');
};

const handlers: ApiHandlers = {
  'app:info': async () => ({ name: 'Forewarn', version: '9.9.9', platform: 'linux', shell: 'browser' }),
  'app:open-external': notUsed,
  'device:connect': notUsed,
  'app:take-opened-files': async () => [],
  'app:check-updates': notUsed,
  'scan:start': async (req) => {
    if (req.targets.includes('8.8.8.8')) throw new Error('Target "8.8.8.8" includes public (non-private) addresses');
    return { scanId: 'scan-1' };
  },
  'scan:cancel': async () => undefined,
  'scan:detect-targets': notUsed,
  'settings:get': notUsed,
  'settings:update': notUsed,
  'credentials:list': notUsed,
  'credentials:save': notUsed,
  'credentials:delete': notUsed,
  'engine:status': async () => ({ state: 'ready', restarts: 0 }),
  'library:list': notUsed,
  'library:open': notUsed,
  'library:rename': notUsed,
  'library:delete': notUsed,
  'library:tag': notUsed,
  'library:export': notUsed,
  'library:import': notUsed,
  'library:compare': notUsed,
  'library:set-layout': notUsed,
  'report:pdf': notUsed,
  'report:csv': notUsed,
  'report:json': notUsed,
  'report:export': notUsed,
  'library:unsaved': notUsed,
  'library:retry-save': notUsed,
  'library:save-elsewhere': notUsed,
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP (no fetch) so the test controls Host, Origin and undecoded paths. */
function send(server: BridgeServer, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...init.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const invoke = (server: BridgeServer, channel: string, args: unknown, headers: Record<string, string> = {}) =>
  send(server, `/api/invoke/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });

describe('bridge server', () => {
  let root: string;
  let server: BridgeServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'fw-bridge-'));
    await mkdir(join(root, 'www', 'assets'), { recursive: true });
    await writeFile(join(root, 'www', 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(root, 'www', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'do not serve');
    await symlink(join(root, 'secret.txt'), join(root, 'www', 'link.txt'));
    server = await startBridgeServer({ staticDir: join(root, 'www'), handlers });
  });

  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the renderer with the CSP header', async () => {
    const index = await send(server, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const js = await send(server, '/assets/app.js');
    expect(js.headers['content-type']).toContain('text/javascript');
  });

  it('refuses paths that escape the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/%00index.html', '/..\\secret.txt']) {
      const reply = await send(server, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('invokes validated handlers and wraps the result', async () => {
    const info = await invoke(server, 'app:info', []);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toEqual({ result: { name: 'Forewarn', version: '9.9.9', platform: 'linux', shell: 'browser' } });
    const cancel = await invoke(server, 'scan:cancel', ['scan-1']);
    expect(JSON.parse(cancel.body)).toEqual({});
  });

  it('rejects bad arguments, unknown channels and handler refusals with the error envelope', async () => {
    const bad = await invoke(server, 'scan:cancel', [42]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/Invalid arguments for scan:cancel/) });

    const unknown = await invoke(server, 'fs:read', []);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/Unknown channel/) });

    const refused = await invoke(server, 'scan:start', [{ targets: ['8.8.8.8'], credentialProfileIds: [], preset: 'quick', confirmations: {} }]);
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body).error).toEqual({ code: 'failed', message: expect.stringContaining('public (non-private) addresses') });
  });

  it('refuses foreign Host headers, cross-origin calls and non-JSON posts', async () => {
    const rebinding = await send(server, '/api/invoke/app:info', { method: 'POST', headers: { Host: 'attacker.example:80', 'Content-Type': 'application/json' }, body: '[]' });
    expect(rebinding.status).toBe(421);
    const crossOrigin = await invoke(server, 'app:info', [], { Origin: 'http://attacker.example' });
    expect(crossOrigin.status).toBe(403);
    const sameOrigin = await invoke(server, 'app:info', [], { Origin: `http://127.0.0.1:${server.port}` });
    expect(sameOrigin.status).toBe(200);
    const formPost = await send(server, '/api/invoke/app:info', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '[]' });
    expect(formPost.status).toBe(415);
  });

  it('streams sink events as named SSE events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          const at = text.indexOf('event: engine:status');
          if (at >= 0 && text.indexOf('\n\n', at) > at) {
            req.destroy();
            resolve(text);
          }
        });
        // Once connected, push an event through the sink.
        setTimeout(() => server.sink('engine:status', { state: 'crashed', restarts: 2, lastError: 'x' }), 50);
      });
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
      req.end();
    });
    const text = await received;
    expect(text).toContain('event: engine:status\ndata: {"state":"crashed","restarts":2,"lastError":"x"}\n\n');
  });

  it('renderer/index.html carries the same policy as the header (minus frame-ancestors)', async () => {
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`);
  });
});
