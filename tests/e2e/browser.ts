/** Shared E2E plumbing: Debian's Chromium through playwright-core, and where screenshots go. */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { missingTool } from '../support/system-tools';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots');

/** Debian's Chromium (playwright-core never downloads a browser here). */
export const CHROMIUM_PATH = process.env.FOREWARN_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser is missing outside CI: the E2E tests then skip with one line saying how to install it. */
export const chromiumMissing = (): boolean => missingTool('chromium', CHROMIUM_PATH);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A laptop-sized window, as a technician sees the app. */
export async function openPage(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, colorScheme, deviceScaleFactor: 1 });
  return context.newPage();
}

/** Collects console errors and page errors: an E2E run must end with none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // No hover highlight from wherever the last click left the pointer.
  await page.mouse.move(0, 0);
  // Finished transitions: a screenshot mid-animation shows a state the user never sees for long.
  await page.screenshot({ path, fullPage: false, animations: 'disabled' });
  return path;
}
