/**
 * The built renderer in Chromium with a fake `window.forewarn` (no engine):
 * the page is served from dist/renderer through request interception, and the
 * fake answers invokes with defaults while Node pushes scan events in with
 * `emit`. Used by `npm run bench:ui` (synthetic scans) and for previews.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { EventChannel, EventPayloads } from '../../shared/ipc-contract';
import { DEFAULT_SETTINGS, type PublicSettings } from '../../shared/settings';
import { PROJECT_ROOT } from '../e2e/browser';

const ORIGIN = 'http://forewarn.test';
/** The built renderer served to the page (FOREWARN_RENDERER_DIR: a private build, so a bench run and others' builds of dist/ do not collide). */
export const RENDERER_DIR = process.env.FOREWARN_RENDERER_DIR ?? join(PROJECT_ROOT, 'dist', 'renderer');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

export interface FakeBridgeOptions {
  settings?: PublicSettings;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export interface FakeBridgePage {
  page: Page;
  emit<E extends EventChannel>(channel: E, payloads: Array<EventPayloads[E]>): Promise<void>;
}

/**
 * Runs in the page before the app: a ForewarnApi whose events Node drives.
 * Plain JavaScript text, not a transpiled function (tsx would add helpers the page lacks).
 */
const FAKE_BRIDGE_SCRIPT = `
// tsx keeps function names with a __name helper; functions Node passes to page.evaluate need it here.
globalThis.__name = globalThis.__name || ((fn) => fn);
(() => {
  const settings = __SETTINGS__;
  const listeners = new Map();
  const results = {
    'app:info': { name: 'Forewarn', version: 'preview', platform: 'linux', shell: 'browser', credentialStorage: 'encrypted' },
    'engine:status': { state: 'ready', restarts: 0 },
    'settings:get': settings,
    'credentials:list': [{ id: 'public', name: 'Default (public)', communityCount: 1, v3UserNames: [] }],
    'scan:detect-targets': ['10.0.0.0/16'],
  };
  window.forewarn = {
    invoke: async (channel, ...args) => {
      if (channel === 'settings:update') return (results['settings:get'] = { ...results['settings:get'], ...args[0] });
      if (channel in results) return results[channel];
      throw new Error(channel + ' is not available in this preview.');
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  window.__forewarnEmit = (channel, payloads) => {
    for (const payload of payloads) for (const l of listeners.get(channel) ?? []) l(payload);
  };
})();
`;

export async function openWithFakeBridge(browser: Browser, options: FakeBridgeOptions = {}): Promise<FakeBridgePage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 820 }, colorScheme: options.colorScheme ?? 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const root = RENDERER_DIR;
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return route.fulfill({ status: 403 });
    try {
      await route.fulfill({ body: await readFile(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  await page.addInitScript({ content: FAKE_BRIDGE_SCRIPT.replace('__SETTINGS__', JSON.stringify(options.settings ?? DEFAULT_SETTINGS)) });
  await page.goto(`${ORIGIN}/`);
  return {
    page,
    emit: async (channel, payloads) => {
      await page.evaluate(([c, p]) => (globalThis as unknown as { __forewarnEmit: (c: string, p: unknown[]) => void }).__forewarnEmit(c, p), [channel, payloads] as const);
    },
  };
}
