/**
 * The skeleton renderer in real Chromium, talking to the real engine through
 * the browser bridge (HTTP + SSE, same contract as the Electron preload).
 * Network safety: every scan here targets loopback (127.0.0.0/8) only, and a
 * request guard aborts any scan:start that names anything else.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeApp, type BridgeApp } from '../../electron/bridge/bridge-app';
import type { AppInfo, ForewarnApi } from '../../shared/ipc-contract';
import { launchChromium, openPage, screenshot, watchPageErrors, chromiumMissing } from './browser';

/** expect.poll defaults to 1 s; the engine's first spawn (tsx) alone can take longer. */
const WAIT = { timeout: 20_000, interval: 100 };

const LOOPBACK_ADDRESS = '127\\.(?:\\d{1,3}\\.){2}\\d{1,3}';
const LOOPBACK = new RegExp(`^(?:${LOOPBACK_ADDRESS}(?:\\/(?:8|9|[12]\\d|3[0-2]))?|${LOOPBACK_ADDRESS}-${LOOPBACK_ADDRESS})$`);

/** A line of targets as the engine splits it ("a - b" is one range; spaces, commas, semicolons separate). */
const targetsOfLine = (line: string) => line.replace(/\s*-\s*/g, '-').split(/[\s,;]+/).filter(Boolean);

/** Refuses (aborts) any scan:start whose targets are not all on loopback. */
async function guardScanTargets(page: Page, violations: string[]): Promise<void> {
  await page.route('**/api/invoke/scan:start', async (route) => {
    const [request] = JSON.parse(route.request().postData() ?? '[]') as [{ targets: string[] }];
    const outside = request.targets.flatMap(targetsOfLine).filter((t) => !LOOPBACK.test(t));
    if (request.targets.length === 0 || outside.length > 0) {
      violations.push(`blocked scan of ${request.targets.join(', ') || '(detected subnets)'}`);
      await route.abort();
      return;
    }
    await route.continue();
  });
}

async function startScanFromForm(page: Page, targets: string): Promise<void> {
  await page.getByRole('button', { name: 'New scan' }).click();
  // Like a technician, wait for the subnet detection to answer before typing over it.
  await page.getByText(/Detected:|No local subnet was detected|Could not detect/).waitFor();
  const field = page.getByLabel('Targets');
  await field.fill(targets);
  expect(await field.inputValue()).toBe(targets);
  await page.getByRole('button', { name: 'Start scan' }).click();
}

describe.skipIf(chromiumMissing())('renderer skeleton through the browser bridge', () => {
  let app: BridgeApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const guardViolations: string[] = [];

  beforeAll(async () => {
    app = await startBridgeApp({ port: 0, engineStdio: 'inherit' });
    browser = await launchChromium();
    page = await openPage(browser);
    pageErrors = watchPageErrors(page);
    await guardScanTargets(page, guardViolations);
    await page.goto(app.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders the shell, and window.forewarn answers through the bridge', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('New scan');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const item of ['New scan', 'Live scan', 'Devices', 'Settings']) {
      expect(await nav.getByRole('button', { name: item }).isVisible()).toBe(true);
    }
    const info = await page.evaluate(() => (globalThis as unknown as { forewarn: ForewarnApi }).forewarn.invoke('app:info'));
    expect((info as AppInfo).shell).toBe('browser');
    await expect.poll(() => page.getByTestId('app-info').textContent(), WAIT).toContain('browser bridge');

    // The detected subnets arrive through scan:detect-targets (no traffic: interfaces only).
    await expect.poll(() => page.getByText(/Detected:|No local subnet was detected/).count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByLabel('Default (public)').isChecked()).toBe(true);
    await screenshot(page, 'new-scan');
  });

  it('asks for confirmation when the engine refuses a range larger than a /16, and never confirms it', async () => {
    await startScanFromForm(page, '127.0.0.0/8');
    const notice = page.getByRole('alert').filter({ hasText: 'Please confirm these targets' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('more than a /16');
    expect(await notice.getByRole('button', { name: 'Allow scans larger than a /16' }).isVisible()).toBe(true);
    await screenshot(page, 'new-scan-confirm-large');
    await notice.getByRole('button', { name: 'Change targets' }).click();
    expect(await notice.count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('New scan');
  });

  it('scans 127.0.0.1 and shows progress, the device and the finished state', async () => {
    await page.getByRole('button', { name: 'New scan' }).click();
    await page.getByLabel('Client').fill('Forewarn lab');
    await page.getByLabel('Site').fill('Loopback');
    // What the technician typed survives a trip to Settings.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'New scan' }).click();
    expect(await page.getByLabel('Client').inputValue()).toBe('Forewarn lab');
    await startScanFromForm(page, '127.0.0.1/32');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('Live scan');
    expect(await page.getByRole('progressbar', { name: 'Scan progress' }).isVisible()).toBe(true);
    expect(await page.locator('.view-subtitle').textContent()).toContain('Forewarn lab · Loopback');

    await expect.poll(() => page.getByTestId('scan-status').textContent(), { timeout: 60_000, interval: 250 }).toBe('Completed');
    expect(await page.getByTestId('scan-outcome').textContent()).toMatch(/Scan completed: \d+ devices? found/);
    expect(await page.getByRole('progressbar', { name: 'Scan progress' }).getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('tr[data-device-id] td.col-ip', { hasText: /^127\.0\.0\.1$/ }).count()).toBe(1);
    await screenshot(page, 'live-scan-completed');
  });

  it('takes a range typed with spaces around the dash, as the CLI does', async () => {
    await startScanFromForm(page, '127.0.0.1 - 127.0.0.3');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('Live scan');
    await expect.poll(() => page.getByTestId('scan-status').textContent(), { timeout: 60_000, interval: 250 }).toBe('Completed');
    expect((await page.locator('tr[data-device-id] td.col-ip').allTextContents()).sort()).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
  });

  it('streams devices while a loopback /20 is swept, and Cancel keeps the partial result', async () => {
    await startScanFromForm(page, '127.0.0.0/20');
    await expect.poll(() => page.getByTestId('scan-status').textContent(), WAIT).toBe('Running');
    await expect.poll(async () => Number(await page.getByTestId('device-count').textContent()), { timeout: 30_000 }).toBeGreaterThan(5);
    await screenshot(page, 'live-scan-running');

    await page.getByRole('button', { name: 'Cancel scan' }).click();
    await expect.poll(() => page.getByTestId('scan-status').textContent(), { timeout: 30_000 }).toBe('Cancelled');
    const kept = Number(await page.getByTestId('device-count').textContent());
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(4094);
    expect(await page.getByTestId('scan-outcome').textContent()).toContain('found so far are kept');
    await screenshot(page, 'live-scan-cancelled');

    await page.getByRole('button', { name: 'Devices' }).click();
    await page.getByLabel('Search devices').fill('127.0.0.1');
    await expect.poll(() => page.locator('tr[data-device-id]').count(), WAIT).toBeGreaterThan(0);
    await screenshot(page, 'devices');
  });

  it('settings: theme switches to dark through settings:update', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme), WAIT).toBe('dark');
    await screenshot(page, 'settings-dark');
    // A packet cap above 10,000 pps is allowed, with a warning of what it does to an office network.
    const pps = page.getByLabel('Packets per second (cap)');
    await pps.fill('20000');
    expect(await page.getByTestId('packet-rate-warning').textContent()).toMatch(/^20,000 packets per second is above 10,000: .*intrusion detection/);
    await screenshot(page, 'settings-high-packet-rate');
    await pps.fill('2000');
    expect(await page.getByTestId('packet-rate-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Live scan' }).click();
    await screenshot(page, 'live-scan-dark');
  });

  it('finished with no page errors, no CSP violations and no blocked scan', () => {
    // The one refusal above is an HTTP 422 by design; Chromium logs it. Anything else is a bug.
    const refusals = pageErrors.filter((e) => e.includes('Failed to load resource') && e.includes('422'));
    expect(refusals).toHaveLength(1);
    expect(pageErrors.filter((e) => !refusals.includes(e))).toEqual([]);
    expect(guardViolations).toEqual([]);
  });
});
