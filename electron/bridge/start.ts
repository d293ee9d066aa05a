/**
 * Development / E2E entry of the browser bridge:
 *   npx tsx electron/bridge/start.ts --port 5174 [--engine-prefix "ip netns exec fw-tech"] [--static dist/renderer]
 * Serves the built renderer (run `npx vite build` first) on 127.0.0.1 with the
 * real engine behind it. Settings and credentials live in memory; a `public`
 * community profile exists from the start.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_STATIC_DIR, startBridgeApp } from './bridge-app';

// React (inside the PDF renderer, loaded on the first report) runs its slower development build unless told otherwise.
process.env.NODE_ENV ??= 'production';

const USAGE = `Usage: npx tsx electron/bridge/start.ts [--port N] [--engine-prefix "ip netns exec fw-tech"] [--static DIR]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      'engine-prefix': { type: 'string' },
      static: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535. ${USAGE}`);
  const staticDir = values.static ? resolve(values.static) : DEFAULT_STATIC_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir} has no index.html: build the renderer first (npx vite build).`);
  }
  const prefix = values['engine-prefix']?.trim().split(/\s+/).filter(Boolean) ?? [];

  const app = await startBridgeApp({
    port,
    staticDir,
    engineCommandPrefix: prefix,
    log: (level, message) => console.error(`[bridge ${level}] ${message}`),
  });
  console.log(`Forewarn browser bridge: ${app.server.url}${prefix.length ? ` (engine runs under: ${prefix.join(' ')})` : ''}`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
