/**
 * The renderer against the real engine scanning the simulated office: the
 * engine runs inside the technician's namespace (`ip netns exec fw-tech`), so
 * its traffic never leaves the lab. Before any scan, the test checks that the
 * engine's own subnet detection sees exactly the lab LAN, proving it is in there.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBridgeApp, type BridgeApp } from '../../electron/bridge/bridge-app';
import { truth, truthHost } from '../lab/truth';
import { launchChromium, openPage, screenshot, watchPageErrors } from './browser';

const TECH_NAMESPACE_PREFIX = ['ip', 'netns', 'exec', truth.technician.namespace];
const WAIT = { timeout: 20_000, interval: 100 };
const SCAN_WAIT = { timeout: 110_000, interval: 250 };

async function openNewScan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New scan' }).click();
  await page.getByText(/Detected:|No local subnet was detected|Could not detect/).waitFor();
}

/** The Devices view's row for one address (search narrows the windowed table to it). */
async function deviceRow(page: Page, ip: string) {
  await page.getByRole('button', { name: 'Devices' }).click();
  await page.getByLabel('Search devices').fill(ip);
  return page.locator('tr[data-device-id]').filter({ has: page.locator('td.col-ip', { hasText: new RegExp(`^${ip.replaceAll('.', '\\.')}$`) }) });
}

describe.skipIf(!inject('labAvailable'))('lab scan through the browser bridge', () => {
  let app: BridgeApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await startBridgeApp({ port: 0, engineStdio: 'inherit', engineCommandPrefix: TECH_NAMESPACE_PREFIX });
    // Network safety: the engine must see the lab LAN and nothing else before we let it scan.
    const detected = await app.engine.detectTargets();
    if (JSON.stringify(detected) !== JSON.stringify([truth.lanCidr])) {
      throw new Error(`engine is not inside ${truth.technician.namespace}: it detected ${detected.join(', ')}`);
    }
    browser = await launchChromium();
    page = await openPage(browser);
    pageErrors = watchPageErrors(page);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Only the lab LAN may be scanned from this page.
    await page.route('**/api/invoke/scan:start', async (route) => {
      const [request] = JSON.parse(route.request().postData() ?? '[]') as [{ targets: string[] }];
      if (JSON.stringify(request.targets) !== JSON.stringify([truth.lanCidr])) await route.abort();
      else await route.continue();
    });
    await page.goto(app.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('prefills the targets with the subnet the engine detects in the office', async () => {
    await openNewScan(page);
    expect(await page.getByLabel('Targets').inputValue()).toBe(truth.lanCidr);
  });

  it('scans the office: devices stream in, the scan completes, every live host is listed', async () => {
    await page.getByLabel('Client').fill('Smith & Co Dental');
    await page.getByLabel('Site').fill('Main office');
    await page.getByRole('button', { name: 'Start scan' }).click();

    await expect.poll(async () => Number(await page.getByTestId('device-count').textContent()), WAIT).toBeGreaterThan(3);
    await screenshot(page, 'lab-live-scan-running');
    await expect.poll(() => page.getByTestId('scan-status').textContent(), SCAN_WAIT).toBe('Completed');
    await screenshot(page, 'lab-live-scan-completed');

    const count = Number(await page.getByTestId('device-count').textContent());
    expect(count).toBeGreaterThanOrEqual(truth.liveLanIps.length);
    const router = await deviceRow(page, truth.router.ip);
    expect(await router.count()).toBe(1);
    expect(await router.locator('td.col-name').textContent()).toBe(truth.router.name);
    for (const ip of truth.liveLanIps) {
      expect(await (await deviceRow(page, ip)).count(), ip).toBe(1);
    }
  });

  it('shows the hostile agent’s markup as text: no element, no script, no dialog', async () => {
    const hostile = truthHost('hostile');
    const row = await deviceRow(page, hostile.ip);
    expect(await row.count()).toBe(1);
    const name = (await row.locator('td.col-name').textContent()) ?? '';
    expect(name).toContain('<img src=x onerror=alert(1)><script>alert("fw")</script>');
    expect(await page.locator('.device-table img, .device-table script').count()).toBe(0);
    await page.getByLabel('Search devices').fill('');
    // Every row is back once the search is cleared (the windowed table must not lag behind).
    const total = Number(await page.locator('.view-subtitle').textContent().then((t) => /of (\d+)/.exec(t ?? '')?.[1]));
    await expect.poll(() => page.locator('tr[data-device-id]').count(), WAIT).toBe(total);
    await screenshot(page, 'lab-devices');
    expect(dialogs).toEqual([]);
  });

  it('cancels a running office scan and keeps what it found', async () => {
    await openNewScan(page);
    await page.getByRole('button', { name: 'Start scan' }).click();
    await expect.poll(() => page.getByTestId('scan-status').textContent(), WAIT).toBe('Running');
    await expect.poll(async () => Number(await page.getByTestId('device-count').textContent()), WAIT).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel scan' }).click();
    await expect.poll(() => page.getByTestId('scan-status').textContent(), WAIT).toBe('Cancelled');
    expect(Number(await page.getByTestId('device-count').textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId('scan-outcome').textContent()).toContain('found so far are kept');
  });

  it('finished with no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
