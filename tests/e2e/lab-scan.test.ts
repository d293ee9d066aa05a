/**
 * The renderer against the real engine scanning the simulated office: the
 * engine runs inside the technician's namespace (`ip netns exec fw-tech`), so
 * its traffic never leaves the lab. Before any scan, the test checks that the
 * engine's own subnet detection sees exactly the lab LAN, proving it is in there.
 *
 * One technician's session, in order: credentials and sampling in Settings, a
 * full assessment streaming in, the devices, a device's findings, the map
 * (click through to a device), the at-risk list, a threshold change that
 * re-checks the findings (and a rescan the engine judges with it), a cancel.
 * Every screen is saved to test-results/screenshots.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BridgeApp } from '../../electron/bridge/bridge-app';
import { truth, truthHost } from '../lab/truth';
import { launchChromium, openPage, screenshot, watchPageErrors, chromiumMissing, SCREENSHOT_DIR } from './browser';
import { startLabBridgeApp } from './lab-bridge';

const WAIT = { timeout: 20_000, interval: 100 };
const SCAN_WAIT = { timeout: 110_000, interval: 250 };
/** Interface counters sampled 2 s apart: rates in a short full assessment. */
const SAMPLE_SECONDS = '2';

const filesServer = truthHost('srv-files01');
const gateway = truthHost('gw01');
const ups = truthHost('ups01');
const printer = truthHost('prn-hp01');
const nas = truthHost('nas01');
const accessSwitch = truthHost('sw-access01');
/** No SNMP: only its MAC's maker and open ports say what it is, so its type is a guess and says so. */
const phone = truthHost('phone-reception');

/** The office's SNMP secrets beyond `public`, as the technician would type them into a profile. */
function labCredentials() {
  const communities = new Set<string>();
  const v3: Array<{ user: string; authKey: string; privKey: string }> = [];
  for (const h of truth.hosts) {
    if (h.snmp?.version === '2c' && h.snmp.community !== 'public') communities.add(h.snmp.community);
    if (h.snmp?.version === '3' && !v3.some((u) => u.user === (h.snmp as { user: string }).user)) v3.push(h.snmp);
  }
  return { communities: [...communities], v3 };
}

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) });
}

async function openNewScan(page: Page): Promise<void> {
  await nav(page, 'New scan').click();
  await page.getByText(/Detected:|No local subnet was detected|Could not detect/).waitFor();
}

/** The Devices view's row for one address (search narrows the windowed table to it). */
async function deviceRow(page: Page, ip: string) {
  await nav(page, 'Devices').click();
  await page.getByLabel('Search devices').fill(ip);
  return page.locator('tr[data-device-id]').filter({ has: page.locator('td.col-ip', { hasText: new RegExp(`^${ip.replaceAll('.', '\\.')}$`) }) });
}

async function openDevice(page: Page, ip: string): Promise<void> {
  await (await deviceRow(page, ip)).click();
  await page.getByTestId('device-findings').waitFor();
}

/** The rules of the findings listed on the open device page. */
async function findingRules(page: Page): Promise<string[]> {
  const items = await page.locator('[data-testid=device-findings] li.finding').all();
  return Promise.all(items.map(async (i) => (await i.getAttribute('data-rule')) ?? ''));
}

async function runFullScan(page: Page): Promise<void> {
  await openNewScan(page);
  await page.getByRole('radio', { name: /Full assessment/ }).check();
  await page.getByRole('button', { name: 'Start scan' }).click();
  await expect.poll(() => page.getByTestId('scan-status').textContent(), WAIT).toBe('Running');
}

describe.skipIf(!inject('labAvailable') || chromiumMissing())('lab scan through the browser bridge', () => {
  let app: BridgeApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await startLabBridgeApp();
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

  it('settings: adds the office’s SNMP profile (community + SNMPv3 user) and a short counter sample', async () => {
    await nav(page, 'Settings').click();
    await page.getByLabel('Interface error sampling (seconds)').fill(SAMPLE_SECONDS);
    // A port list that does not read as ports says which part, and cannot be saved.
    const ports = page.getByLabel('TCP ports probed');
    await ports.fill('22, 80, http');
    expect(await page.getByRole('alert').filter({ hasText: '"http" is not a port' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save scan speed' }).isDisabled()).toBe(true);
    await screenshot(page, 'lab-settings-ports-error');
    // The office's ports: the default list and the TV's web port; every lab host's open ports are in it.
    const officePorts = [...new Set([22, 80, 443, 445, 3389, 9100, 631, 23, 8080, ...truth.hosts.flatMap((h) => h.tcpPorts)])];
    await ports.fill(officePorts.join(', '));
    await page.getByRole('button', { name: 'Save scan speed' }).click();
    await page.getByText('Saved.').first().waitFor();

    const { communities, v3 } = labCredentials();
    expect(v3.length).toBeGreaterThan(0);
    const form = page.getByRole('form', { name: 'Add a credential profile' });
    await form.getByLabel('Profile name').fill('Office UPS and NAS');
    await form.getByLabel('Communities (v1/v2c)').fill(communities.join(', '));
    await form.getByLabel('User name').fill(v3[0]!.user);
    await form.getByLabel('Authentication', { exact: true }).selectOption('sha');
    await form.getByLabel('Auth passphrase').fill(v3[0]!.authKey);
    await form.getByLabel('Privacy', { exact: true }).selectOption('aes');
    await form.getByLabel('Privacy passphrase').fill(v3[0]!.privKey);
    await form.getByRole('button', { name: 'Add profile' }).click();
    const profile = page.locator('.profile-list li', { hasText: 'Office UPS and NAS' });
    await profile.waitFor();
    expect(await profile.textContent()).toContain(`SNMPv3: ${v3[0]!.user}`);
    // The list shows counts, never a secret.
    expect(await page.locator('.profile-list').textContent()).not.toContain(v3[0]!.authKey);
    await screenshot(page, 'lab-settings');
  });

  it('runs a full assessment of the office: devices stream in, findings tick up, the scan completes', async () => {
    await openNewScan(page);
    await page.getByLabel('Client').fill('Smith & Co Dental');
    await page.getByLabel('Site').fill('Main office');
    expect(await page.getByLabel('Office UPS and NAS').isChecked()).toBe(true);
    await page.getByRole('radio', { name: /Full assessment/ }).check();
    await screenshot(page, 'lab-new-scan');
    await page.getByRole('button', { name: 'Start scan' }).click();

    await expect.poll(async () => Number(await page.getByTestId('device-count').textContent()), WAIT).toBeGreaterThan(3);
    // Mid-scan: wait for health findings to start ticking in (or the end, on a very fast machine).
    await expect
      .poll(async () => (await page.getByTestId('scan-status').textContent()) !== 'Running' || Number(await page.getByTestId('findings-high').locator('.tile-count').textContent()) > 0, SCAN_WAIT)
      .toBe(true);
    await screenshot(page, 'lab-live-scan-running');
    await expect.poll(() => page.getByTestId('scan-status').textContent(), SCAN_WAIT).toBe('Completed');
    await screenshot(page, 'lab-live-scan-completed');

    const count = Number(await page.getByTestId('device-count').textContent());
    expect(count).toBeGreaterThanOrEqual(truth.liveLanIps.length);
    // The planted faults: a critical RAID on the NAS, highs on the printer, UPS, switch and server.
    expect(Number(await page.getByTestId('findings-critical').locator('.tile-count').textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('findings-high').locator('.tile-count').textContent())).toBeGreaterThanOrEqual(4);
    const router = await deviceRow(page, truth.router.ip);
    await expect.poll(() => router.count(), WAIT).toBe(1);
    expect(await router.locator('td.col-name').textContent()).toBe(truth.router.name);
    for (const ip of truth.liveLanIps) {
      // The search is deferred (typing never blocks), so the rows follow a moment later.
      const row = await deviceRow(page, ip);
      await expect.poll(() => row.count(), { ...WAIT, message: ip }).toBe(1);
    }
  });

  it('shows the hostile agent’s markup as text: no element, no script, no dialog', async () => {
    const hostile = truthHost('hostile');
    const row = await deviceRow(page, hostile.ip);
    await expect.poll(() => row.count(), WAIT).toBe(1);
    const name = (await row.locator('td.col-name').textContent()) ?? '';
    expect(name).toContain('<img src=x onerror=alert(1)><script>alert("fw")</script>');
    expect(await page.locator('.device-table img, .device-table script').count()).toBe(0);
    await page.getByLabel('Search devices').fill('');
    // Every row is back once the search is cleared (the windowed table must not lag behind).
    const total = Number(await page.locator('.view-subtitle').textContent().then((t) => /of (\d+)/.exec(t ?? '')?.[1]));
    await expect.poll(() => page.locator('tr[data-device-id]').count(), WAIT).toBe(total);
    expect(dialogs).toEqual([]);
  });

  it('devices: filters by type and severity, sorts by risk', async () => {
    await nav(page, 'Devices').click();
    await page.getByLabel('Device type').selectOption('printer');
    await expect.poll(() => page.locator('tr[data-device-id] td.col-type').allTextContents(), WAIT).toSatisfy((types: string[]) => types.length >= 2 && types.every((t) => t === 'Printer' || t === 'Printer?'));
    await page.getByLabel('Device type').selectOption('all');
    await page.getByLabel('Finding severity').selectOption('high');
    // The windowed table re-renders after the filter changes: wait for the filtered rows, as for the type filter.
    const visibleIps = () => page.locator('tr[data-device-id] td.col-ip').allTextContents();
    await expect.poll(visibleIps, WAIT).not.toContain(truth.router.ip);
    const ips = await visibleIps();
    for (const host of [filesServer, ups, printer, nas, accessSwitch]) expect(ips, host.name).toContain(host.ip);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: /^Risk/ }).click();
    const risks = (await page.locator('tr[data-device-id] td.col-risk').allTextContents()).map((t) => Number(t) || 0);
    expect(risks.length).toBeGreaterThan(10);
    expect([...risks].sort((a, b) => b - a)).toEqual(risks);
    await screenshot(page, 'lab-devices');
    // The MAC column waits in the chooser; shown, it stays shown when the view is opened again.
    await page.getByText('Columns', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'MAC' }).check();
    const router = await deviceRow(page, truth.router.ip);
    await expect.poll(() => router.locator('td.col-mac').textContent(), WAIT).toBe(truth.router.mac);
    await screenshot(page, 'lab-devices-mac-column');
    await page.getByText('Columns', { exact: true }).click();
    await nav(page, 'Network map').click();
    await nav(page, 'Devices').click();
    await expect.poll(() => page.locator('th', { hasText: /^MAC/ }).count(), WAIT).toBe(1);
    await page.getByText('Columns', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'MAC' }).uncheck();
    await page.getByText('Columns', { exact: true }).click();
    expect(await page.locator('th', { hasText: /^MAC/ }).count()).toBe(0);

    // Keyboard: Ctrl+5 the at-risk list, Ctrl+3 the devices, Ctrl+F into their search.
    await page.keyboard.press('Control+5');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), WAIT).toBe('At-risk hardware');
    await page.keyboard.press('Control+3');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), WAIT).toBe('Devices');
    await page.keyboard.press('Control+5');
    await page.keyboard.press('Control+f');
    type FocusedDocument = { document: { activeElement: { getAttribute(name: string): string | null } | null } };
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as FocusedDocument).document.activeElement?.getAttribute('data-shortcut')), WAIT).toBe('search');

    const phoneRow = await deviceRow(page, phone.ip);
    await expect.poll(() => phoneRow.locator('td.col-type').textContent(), WAIT).toBe('Phone?');
    expect(await phoneRow.locator('td.col-type').getAttribute('title')).toBe('Phone (guess)');
    await page.getByRole('button', { name: /^IP/ }).click();
  });

  it('device detail: the file server’s full volume with evidence and the recommended action', async () => {
    await openDevice(page, filesServer.ip);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(filesServer.name);
    expect(await findingRules(page)).toContain('storage-full');
    const finding = page.locator('li.finding[data-rule="storage-full"]').first();
    expect(await finding.locator('.finding-title').textContent()).toMatch(/97% full/);
    expect(await finding.textContent()).toContain('Recommended:');
    await finding.getByText(/^Evidence/).click();
    expect(await finding.locator('.kv-table').textContent()).toMatch(/97%/);
    expect(await page.getByRole('meter', { name: /D:/ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'lab-device-server');

    await openDevice(page, ups.ip);
    expect(await findingRules(page)).toContain('ups-battery-replace');
    expect(await page.getByRole('heading', { name: 'UPS', exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'lab-device-ups');

    await openDevice(page, printer.ip);
    expect(await findingRules(page)).toEqual(expect.arrayContaining(['supply-low', 'printer-error']));
    await page.getByRole('heading', { name: 'Printer', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-device-printer');

    await openDevice(page, accessSwitch.ip);
    expect(await findingRules(page)).toContain('if-duplex-mismatch');
    expect(await page.getByTestId('type-evidence').textContent()).toMatch(/switch/);
    await page.getByRole('heading', { name: /^Interfaces/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-device-switch');
    // A switch read over SNMP is stated; a phone known by its MAC's maker alone is marked a guess.
    expect(await page.getByTestId('type-guess').count()).toBe(0);

    await openDevice(page, phone.ip);
    expect(await page.locator('.view-subtitle').first().textContent()).toMatch(/^Phone \(guess\)/);
    expect(await page.getByTestId('type-guess').textContent()).toMatch(/A guess: only weak evidence/);
    await page.getByTestId('type-guess').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-device-guessed-type');

    // Acting on it: its web UI, on the port that answered (443: https; the browser bridge has no system
    // browser to hand the link to, so the link is checked, not followed), and its address on the clipboard.
    expect(await page.getByRole('button', { name: 'Open web UI' }).getAttribute('title')).toBe(`Open https://${phone.ip}/ in the system browser`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy IP' }).click();
    await expect.poll(() => page.getByTestId('device-action-status').textContent(), WAIT).toBe(`IP address ${phone.ip} copied.`);
    type WithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
    expect(await page.evaluate(() => (globalThis as unknown as WithClipboard).navigator.clipboard.readText())).toBe(phone.ip);
    await screenshot(page, 'lab-device-actions');
  });

  it('map: the office is drawn, and clicking the NAS opens its detail', async () => {
    await nav(page, 'Network map').click();
    const canvas = page.getByTestId('map-canvas');
    await canvas.waitFor();
    await expect.poll(() => page.locator('.view-subtitle').textContent(), WAIT).toMatch(/[1-9]\d* devices · [1-9]\d* links/);
    await page.waitForTimeout(400);
    await screenshot(page, 'lab-map');

    // Where Cytoscape drew the NAS (its instance hangs on the container), then a real click there.
    const point = await canvas.evaluate((el, id) => {
      const cy = (el as unknown as { _cyreg: { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number }; empty(): boolean } } } })._cyreg.cy;
      const node = cy.getElementById(id);
      return node.empty() ? null : node.renderedPosition();
    }, nas.ip);
    expect(point).not.toBeNull();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + point!.x, box.y + point!.y);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(nas.name);
    expect(await findingRules(page)).toContain('hardware-failed');

    // And back: "Show on map" centres the map on it.
    await page.getByRole('button', { name: 'Show on map' }).click();
    await page.getByLabel('Search the map').fill(printer.name);
    await expect.poll(() => page.getByText(/1 match/).count(), WAIT).toBe(1);
    await page.getByLabel('Search the map').press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(printer.name);
  });

  it('map: exports the whole map as PNG and as SVG, read back by real parsers', async () => {
    await nav(page, 'Network map').click();
    await page.getByTestId('map-canvas').waitFor();
    await expect.poll(() => page.locator('.view-subtitle').textContent(), WAIT).toMatch(/[1-9]\d* devices · [1-9]\d* links/);
    const exported = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: button }).click()]);
      return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
    };

    const png = await exported('Export PNG');
    expect(png.name).toMatch(/^Smith-Co-Dental_Main-office_\d{4}-\d{2}-\d{2}_map\.png$/);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: the whole map at twice its size, not the part on screen.
    const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(200);
    expect(await page.getByTestId('map-export-status').textContent()).toBe(`The whole map was exported as ${png.name}.`);

    const svg = await exported('Export SVG');
    expect(svg.name).toMatch(/_map\.svg$/);
    // Parsed by the browser's own XML parser: well formed, an <svg> root, every device name as real text.
    type ParsedSvg = { root: string; error: boolean; texts: string[] };
    const parsed = await page.evaluate((text) => {
      const { DOMParser: Parser } = globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, type: string): { documentElement: { nodeName: string }; querySelector(q: string): unknown; querySelectorAll(q: string): ArrayLike<{ textContent: string | null }> } } };
      const doc = new Parser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, texts: Array.from(doc.querySelectorAll('text'), (n) => n.textContent ?? '') } satisfies ParsedSvg;
    }, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ root: 'svg', error: false });
    for (const host of [nas, printer, accessSwitch]) expect(parsed.texts.join('\n'), host.name).toContain(host.name);
    await screenshot(page, 'lab-map-export');
    // The files themselves, beside the screenshots, to be looked at.
    for (const file of [png, svg]) await writeFile(join(SCREENSHOT_DIR, `exported-${file.name.replace(/^.*_map/, 'map')}`), file.bytes);
  });

  it('right-click: a device row and a map node open the device menu, with what each device answered', async () => {
    type WithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
    const clipboard = () => page.evaluate(() => (globalThis as unknown as WithClipboard).navigator.clipboard.readText());
    const menu = page.getByTestId('device-menu');
    const entries = async () => menu.getByRole('menuitem').allTextContents();

    // The Windows file server answered 3389: remote desktop, no SSH, no web UI.
    await (await deviceRow(page, filesServer.ip)).click({ button: 'right' });
    expect(await entries()).toEqual(['Open details', `Remote desktop to ${filesServer.ip}`, 'Copy IP address', 'Copy MAC address', 'Copy row', 'Copy table']);
    await screenshot(page, 'lab-device-menu');
    await menu.getByRole('menuitem', { name: 'Copy row' }).click();
    await expect.poll(() => page.getByTestId('device-menu-status').textContent(), WAIT).toBe('Row (1 row) copied.');
    const row = (await clipboard()).split('\n');
    expect(row[0]!.split('\t')[0]).toBe('IP');
    expect(row[1]!.split('\t')[0]).toBe(filesServer.ip);
    expect(await menu.count()).toBe(0);

    // The keyboard drives it like a native menu; the bridge has no desktop to start a session on, and says so.
    await (await deviceRow(page, gateway.ip)).click({ button: 'right' });
    expect(await entries()).toEqual(expect.arrayContaining([`SSH to ${gateway.ip}`, 'Open web UI']));
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    await (await deviceRow(page, gateway.ip)).click({ button: 'right' });
    const errorsBefore = pageErrors.length;
    await menu.getByRole('menuitem', { name: `SSH to ${gateway.ip}` }).click();
    await expect.poll(() => page.getByTestId('device-menu-status').textContent(), WAIT).toMatch(`connect to ${gateway.ip} with your own client`);
    expect(await page.getByTestId('device-menu-status').getAttribute('role')).toBe('alert');
    // The refused request is the one console error this expects; any other stays for the last test.
    expect(pageErrors.splice(errorsBefore)).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);

    // On the map: right-click the NAS, open its details from the menu.
    await nav(page, 'Network map').click();
    const canvas = page.getByTestId('map-canvas');
    await expect.poll(() => page.locator('.view-subtitle').textContent(), WAIT).toMatch(/[1-9]\d* devices · [1-9]\d* links/);
    await page.waitForTimeout(400);
    const point = await canvas.evaluate((el, id) => {
      const cy = (el as unknown as { _cyreg: { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number }; empty(): boolean } } } })._cyreg.cy;
      const node = cy.getElementById(id);
      return node.empty() ? null : node.renderedPosition();
    }, nas.ip);
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + point!.x, box.y + point!.y, { button: 'right' });
    await menu.waitFor();
    expect((await entries())[0]).toBe('Open details');
    await screenshot(page, 'lab-map-device-menu');
    await menu.getByRole('menuitem', { name: 'Open details' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(nas.name);
  });

  it('at risk: every finding, most urgent first, by device and by problem', async () => {
    await nav(page, 'At risk').click();
    const list = page.getByTestId('at-risk-list');
    await list.waitFor();
    const firstSeverity = await list.locator('.risk-row .sev').first().textContent();
    expect(firstSeverity?.toLowerCase()).toMatch(/critical|high/);
    for (const host of [filesServer, ups, printer, nas, accessSwitch]) {
      expect(await list.locator(`.risk-row[data-device-id="${host.ip}"]`).count(), host.name).toBeGreaterThan(0);
    }
    // Sorted by device risk, highest first.
    const scores = (await list.locator('.risk-group-head .risk').allTextContents()).map(Number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(await list.locator('.risk-row-action').first().textContent()).toMatch(/^Do: \S/);
    await screenshot(page, 'lab-at-risk');

    await page.getByRole('radio', { name: 'By problem' }).click();
    expect(await list.getByRole('heading', { name: 'Storage full' }).count()).toBe(1);
    await screenshot(page, 'lab-at-risk-by-problem');
    await page.getByRole('radio', { name: 'By device' }).click();
  });

  it('settings: raising the storage thresholds above 97% clears the file server’s finding, on screen and in a rescan', async () => {
    await nav(page, 'Settings').click();
    const card = page.getByTestId('thresholds');
    await card.locator('[data-threshold="storage-full.warnPercent"]').fill('98');
    await card.locator('[data-threshold="storage-full.critPercent"]').fill('99');
    await card.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => card.getByTestId('thresholds-status').textContent(), WAIT).toMatch(/re-checked/);
    await card.getByRole('heading', { name: 'Rule thresholds' }).evaluate((h) => (h as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await screenshot(page, 'lab-settings-thresholds');

    await openDevice(page, filesServer.ip);
    expect(await findingRules(page)).not.toContain('storage-full');

    // The engine gets the thresholds too: a fresh scan judges the volume with them.
    await runFullScan(page);
    await expect.poll(() => page.getByTestId('scan-status').textContent(), SCAN_WAIT).toBe('Completed');
    await openDevice(page, filesServer.ip);
    expect(await findingRules(page)).not.toContain('storage-full');
    expect(await page.getByRole('meter', { name: /D:/ }).first().getAttribute('aria-valuenow')).toBe('97');

    // Back to the defaults: the finding returns.
    await nav(page, 'Settings').click();
    await page.getByTestId('thresholds').getByRole('button', { name: 'Reset all to defaults' }).click();
    await expect.poll(() => page.getByTestId('thresholds-status').textContent(), WAIT).toMatch(/re-checked/);
    await openDevice(page, filesServer.ip);
    expect(await findingRules(page)).toContain('storage-full');
  });

  it('dark theme: the at-risk list and the map stay legible', async () => {
    await nav(page, 'Settings').click();
    await page.getByLabel('Theme').selectOption('dark');
    await nav(page, 'At risk').click();
    await page.getByTestId('at-risk-list').waitFor();
    await screenshot(page, 'lab-at-risk-dark');
    await nav(page, 'Network map').click();
    await page.getByTestId('map-canvas').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'lab-map-dark');
    await nav(page, 'Settings').click();
    await page.getByLabel('Theme').selectOption('light');
  });

  it('cancels a running office scan and keeps what it found', async () => {
    await openNewScan(page);
    await page.getByRole('radio', { name: /Quick sweep/ }).check();
    await page.getByRole('button', { name: 'Start scan' }).click();
    await expect.poll(() => page.getByTestId('scan-status').textContent(), WAIT).toBe('Running');
    await expect.poll(async () => Number(await page.getByTestId('device-count').textContent()), WAIT).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel scan' }).click();
    await expect.poll(() => page.getByTestId('scan-status').textContent(), WAIT).toBe('Cancelled');
    expect(Number(await page.getByTestId('device-count').textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId('scan-outcome').textContent()).toContain('found so far are kept');
    await screenshot(page, 'lab-live-scan-cancelled');
  });

  it('finished with no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
