/**
 * Saved scans end to end: the renderer in Chromium, the browser bridge with the
 * real engine inside the lab's technician namespace, and the scan library on a
 * fresh data folder. Two quick sweeps of one client's site, the second without
 * the UPS (a narrower target list), then in Saved scans: both listed, open the
 * older, pin a node on its map and find the pin again after reopening it,
 * rename and tag it, compare the two (the UPS is missing), export and
 * import it back (a second copy), a truncated file refused with the library
 * unchanged, the PDF report, the CSV exports (inventory, findings) from the
 * Devices and At-risk headers and from the scan's row, the JSON scan document, files dropped on the screen,
 * and a delete with confirmation.
 * Screens go to test-results/screenshots/library-*.png.
 */
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BridgeApp } from '../../electron/bridge/bridge-app';
import { FINDINGS_HEADER, INVENTORY_HEADER } from '../../shared/assessment/csv';
import { ScanDocumentSchema } from '../../shared/scan-document';
import { truth, truthHost } from '../lab/truth';
import { launchChromium, openPage, screenshot, watchPageErrors, chromiumMissing } from './browser';
import { parseCsv } from './csv';
import { startLabBridgeApp } from './lab-bridge';

const WAIT = { timeout: 20_000, interval: 100 };
const SCAN_WAIT = { timeout: 90_000, interval: 250 };
const CLIENT = 'Harbour Vets';
const SITE = 'Quay Street';

const ups = truthHost('ups01');
const printer = truthHost('prn-hp01');
const FIRST_VISIT = [truth.router.ip, printer.ip, ups.ip];
const SECOND_VISIT = [truth.router.ip, printer.ip];
const LAB_IPS = new Set(truth.liveLanIps);

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) });
}

async function quickScan(page: Page, targets: string[]): Promise<void> {
  await nav(page, 'New scan').click();
  await page.getByText(/Detected:|No local subnet was detected|Could not detect/).waitFor();
  await page.getByLabel('Client').fill(CLIENT);
  await page.getByLabel('Site').fill(SITE);
  await page.getByLabel('Targets').fill(targets.join('\n'));
  await page.getByRole('radio', { name: /Quick sweep/ }).check();
  await page.getByRole('button', { name: 'Start scan' }).click();
  await expect.poll(() => page.getByTestId('scan-status').textContent(), SCAN_WAIT).toBe('Completed');
}

/** Saved scans, freshly listed (the view lists the library when it opens). */
async function openLibrary(page: Page): Promise<void> {
  await nav(page, 'Devices').click();
  await nav(page, 'Saved scans').click();
  await page.getByRole('heading', { name: 'Saved scans' }).waitFor();
}

function siteRows(page: Page) {
  return page.getByRole('group', { name: `${CLIENT} › ${SITE}` }).locator('li.scan-row');
}

/** The scan ids listed for the site, in screen order. */
async function rowIds(page: Page): Promise<string[]> {
  return Promise.all((await siteRows(page).all()).map(async (row) => (await row.getAttribute('data-scan-id')) ?? ''));
}

function statusLine(page: Page) {
  return page.getByTestId('library-status');
}

/** Waits for the running action to end and returns its final line. */
async function settledStatus(page: Page): Promise<{ tone: string; text: string }> {
  await expect.poll(() => statusLine(page).getAttribute('data-tone'), WAIT).not.toBe('busy');
  return { tone: (await statusLine(page).getAttribute('data-tone')) ?? '', text: (await statusLine(page).textContent()) ?? '' };
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** A view header's CSV export, once the view has checked the scan is saved: the file as downloaded. */
async function headerCsv(page: Page): Promise<{ fileName: string; bytes: Buffer; rows: string[][] }> {
  const button = page.getByRole('button', { name: 'Export CSV' });
  await expect.poll(() => button.getAttribute('aria-disabled'), WAIT).toBeNull();
  const { download, bytes } = await downloadFrom(page, () => button.click());
  return { fileName: download.suggestedFilename(), bytes, rows: parseCsv(bytes.toString('utf8')) };
}

/** Where Cytoscape has a node (its instance hangs on the container): on screen, or in map coordinates. */
function nodePosition(canvas: Locator, id: string, space: 'rendered' | 'model'): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate(
    (el, [nodeId, kind]) => {
      type Node = { empty(): boolean; renderedPosition(): { x: number; y: number }; position(): { x: number; y: number } };
      const node = (el as unknown as { _cyreg: { cy: { getElementById(id: string): Node } } })._cyreg.cy.getElementById(nodeId);
      if (node.empty()) return null;
      const { x, y } = kind === 'rendered' ? node.renderedPosition() : node.position();
      return { x: Math.round(x), y: Math.round(y) };
    },
    [id, space] as const,
  );
}

const SHOWN_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

describe.skipIf(!inject('labAvailable') || chromiumMissing())('saved scans through the browser bridge', () => {
  let app: BridgeApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let dataDir: string;
  let olderId = '';
  let newerId = '';
  let exported: Buffer = Buffer.alloc(0);
  let csvFromHeaders: { inventory: Buffer; findings: Buffer } = { inventory: Buffer.alloc(0), findings: Buffer.alloc(0) };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'forewarn-e2e-library-'));
    // Failed saves wait two minutes before retrying by themselves: the test presses "Retry now".
    app = await startLabBridgeApp({ dataDir, saveRetryBaseMs: 120_000 });
    browser = await launchChromium();
    page = await openPage(browser);
    pageErrors = watchPageErrors(page);
    // Only lab hosts may be scanned from this page.
    await page.route('**/api/invoke/scan:start', async (route) => {
      const [request] = JSON.parse(route.request().postData() ?? '[]') as [{ targets: string[] }];
      if (request.targets.length === 0 || !request.targets.every((t) => LAB_IPS.has(t))) await route.abort();
      else await route.continue();
    });
    await page.goto(app.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves two visits of one site, the second without the UPS, and lists both', async () => {
    await quickScan(page, FIRST_VISIT);
    await quickScan(page, SECOND_VISIT);
    await openLibrary(page);
    await expect.poll(() => siteRows(page).count(), WAIT).toBe(2);
    const rows = siteRows(page);
    // Newest first.
    newerId = (await rows.nth(0).getAttribute('data-scan-id')) ?? '';
    olderId = (await rows.nth(1).getAttribute('data-scan-id')) ?? '';
    expect(newerId).not.toBe(olderId);
    for (const row of [rows.nth(0), rows.nth(1)]) expect(await row.textContent()).toContain('Completed');
    expect(await rows.nth(1).textContent()).toMatch(/3 devices/);
    expect(await rows.nth(0).textContent()).toMatch(/2 devices/);
    await screenshot(page, 'library-list');
  });

  it('opens the older scan offline, on the at-risk screen', async () => {
    await page.locator(`li[data-scan-id="${olderId}"]`).getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'At-risk hardware' }).waitFor(WAIT);
    await nav(page, 'Devices').click();
    const ips = await page.locator('tr[data-device-id] td.col-ip').allTextContents();
    expect(ips).toEqual(expect.arrayContaining(FIRST_VISIT));
  });

  it('pins a map node where the technician drops it, and the pin is saved with the scan', async () => {
    const subtitle = () => page.locator('.view-subtitle').textContent();
    await nav(page, 'Network map').click();
    const canvas = page.getByTestId('map-canvas');
    await canvas.waitFor();
    await expect.poll(subtitle, WAIT).toMatch(/[1-9]\d* devices/);
    await page.waitForTimeout(400);
    const start = (await nodePosition(canvas, printer.ip, 'rendered'))!;
    expect(start).not.toBeNull();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + start.x, box.y + start.y);
    await page.mouse.down();
    await page.mouse.move(box.x + start.x + 90, box.y + start.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(subtitle, WAIT).toMatch(/ · 1 pinned$/);
    const dropped = (await nodePosition(canvas, printer.ip, 'model'))!;

    // Open the other visit, then this one again: the library serves the pin back.
    await page.waitForTimeout(1000); // the store saves pins 400 ms after the last drag
    for (const id of [newerId, olderId]) {
      await openLibrary(page);
      await page.locator(`li[data-scan-id="${id}"]`).getByRole('button', { name: 'Open' }).click();
      await page.getByRole('heading', { name: 'At-risk hardware' }).waitFor(WAIT);
    }
    await nav(page, 'Network map').click();
    await expect.poll(subtitle, WAIT).toMatch(/ · 1 pinned$/);
    await expect.poll(() => nodePosition(canvas, printer.ip, 'model'), WAIT).toEqual(dropped);
  });

  it('exports the scan on screen as CSV from the Devices and At-risk headers: every device, every finding', async () => {
    await nav(page, 'Devices').click();
    const ips = await page.locator('tr[data-device-id] td.col-ip').allTextContents();
    expect(ips).toHaveLength(FIRST_VISIT.length);
    const inventory = await headerCsv(page);
    expect(inventory.fileName).toMatch(/^Harbour-Vets_Quay-Street_\d{4}-\d{2}-\d{2}_inventory\.csv$/);
    expect(inventory.rows[0]).toEqual([...INVENTORY_HEADER]);
    const ipColumn = INVENTORY_HEADER.indexOf('IP address');
    expect(inventory.rows.slice(1).map((row) => row[ipColumn]).sort()).toEqual([...ips].sort());
    await expect.poll(() => page.getByTestId('csv-status-inventory').textContent(), WAIT).toBe(`The device inventory (CSV) downloaded as ${inventory.fileName} (see the browser's downloads).`);
    await screenshot(page, 'library-devices-csv');

    await nav(page, 'At risk').click();
    const findings = await headerCsv(page);
    expect(findings.fileName).toMatch(/_findings\.csv$/);
    expect(findings.rows[0]).toEqual([...FINDINGS_HEADER]);
    const severities = findings.rows.slice(1).map((row) => row[FINDINGS_HEADER.indexOf('Severity')]);
    expect(severities.length).toBeGreaterThan(0);
    // Every finding the tiles count is a row; the only others are informational ones the tiles leave out.
    for (const severity of SHOWN_SEVERITIES) {
      const onScreen = Number(await page.locator(`.severity-tiles .tile-${severity} .tile-count`).textContent());
      expect(severities.filter((s) => s === severity).length, severity).toBe(onScreen);
    }
    expect(severities.filter((s) => !(SHOWN_SEVERITIES as readonly string[]).includes(s ?? '')).every((s) => s === 'info')).toBe(true);
    await expect.poll(() => page.getByTestId('csv-status-findings').getAttribute('data-tone'), WAIT).toBe('success');
    await screenshot(page, 'library-at-risk-csv');
    csvFromHeaders = { inventory: inventory.bytes, findings: findings.bytes };
  });

  it('exports the same CSV files from the scan’s row in Saved scans', async () => {
    await openLibrary(page);
    const older = page.locator(`li[data-scan-id="${olderId}"]`);
    const inventory = await downloadFrom(page, () => older.getByRole('button', { name: 'Inventory CSV' }).click());
    expect(inventory.download.suggestedFilename()).toMatch(/_inventory\.csv$/);
    expect(inventory.bytes.toString('utf8')).toBe(csvFromHeaders.inventory.toString('utf8'));
    expect(await settledStatus(page)).toEqual({ tone: 'success', text: `The device inventory (CSV) downloaded as ${inventory.download.suggestedFilename()} (see the browser's downloads).` });

    const findings = await downloadFrom(page, () => older.getByRole('button', { name: 'Findings CSV' }).click());
    expect(findings.bytes.toString('utf8')).toBe(csvFromHeaders.findings.toString('utf8'));
    expect((await settledStatus(page)).tone).toBe('success');
    await screenshot(page, 'library-csv');
  });

  it('exports a saved scan as the JSON scan document, valid against its schema', async () => {
    const { download, bytes } = await downloadFrom(page, () => page.locator(`li[data-scan-id="${olderId}"]`).getByRole('button', { name: 'JSON' }).click());
    expect(download.suggestedFilename()).toMatch(/^Harbour-Vets_Quay-Street_\d{4}-\d{2}-\d{2}\.json$/);
    const document = ScanDocumentSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(document.scan.id).toBe(olderId);
    expect(document.devices.length).toBeGreaterThan(0);
    expect((await settledStatus(page)).text).toMatch(/^The scan document \(JSON\) downloaded as .+\.json/);
  });

  it('exports a saved scan as an Excel workbook and as NetBox import files, read back by real parsers', async () => {
    const row = page.locator(`li[data-scan-id="${olderId}"]`);
    const workbook = await downloadFrom(page, () => row.getByRole('button', { name: 'Excel' }).click());
    expect(workbook.download.suggestedFilename()).toMatch(/^Harbour-Vets_Quay-Street_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readXlsxFile(workbook.bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['Inventory', 'Findings', 'Interfaces']);
    expect(sheets[0]!.data.length).toBeGreaterThan(1);
    expect((await settledStatus(page)).text).toMatch(/^The Excel workbook downloaded as .+\.xlsx/);

    const netbox = await downloadFrom(page, () => row.getByRole('button', { name: 'NetBox' }).click());
    expect(netbox.download.suggestedFilename()).toMatch(/_netbox\.zip$/);
    const files = unzipSync(new Uint8Array(netbox.bytes));
    const devices = parse(strFromU8(files['5-devices.csv']!), { columns: true }) as Array<Record<string, string>>;
    expect(devices.length).toBe(sheets[0]!.data.length - 1);
    expect(Object.keys(devices[0]!)).toEqual(['name', 'role', 'manufacturer', 'device_type', 'status', 'site', 'serial', 'description', 'comments']);
    expect(devices.every((d) => d.site === 'Quay Street')).toBe(true);

    // IT Glue's and ConnectWise Manage's configuration imports, one row a device.
    const itglue = await downloadFrom(page, () => row.getByRole('button', { name: 'IT Glue' }).click());
    expect(itglue.download.suggestedFilename()).toMatch(/_itglue\.csv$/);
    const configurations = parse(itglue.bytes.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(configurations).toHaveLength(devices.length);
    expect(configurations.every((c) => c.organization === 'Harbour Vets' && c.configuration_status === 'Active')).toBe(true);
    // The same devices as NetBox's file, by name.
    expect(configurations.map((c) => c.name).sort()).toEqual(devices.map((d) => d.name).sort());
    const connectwise = await downloadFrom(page, () => row.getByRole('button', { name: 'ConnectWise' }).click());
    expect(Object.keys((parse(connectwise.bytes.toString('utf8'), { columns: true }) as Array<Record<string, string>>)[0]!)).toContain('Configuration Name');
    await screenshot(page, 'library-exports');
  });

  it('renames and tags the older scan', async () => {
    await openLibrary(page);
    const older = page.locator(`li[data-scan-id="${olderId}"]`);
    await older.getByRole('button', { name: 'Rename' }).click();
    await older.getByLabel('New name').fill('First visit, before the UPS went');
    await older.getByRole('button', { name: 'Save' }).click();
    expect(await settledStatus(page)).toEqual({ tone: 'success', text: 'Renamed to “First visit, before the UPS went”.' });
    await expect.poll(() => older.locator('.history-name').textContent(), WAIT).toBe('First visit, before the UPS went');

    await older.getByRole('button', { name: 'Tags' }).click();
    await older.getByLabel('Tags, separated by commas').fill('baseline, quarterly ,baseline');
    await older.getByRole('button', { name: 'Save' }).click();
    expect((await settledStatus(page)).tone).toBe('success');
    await expect.poll(() => older.locator('.scan-tag').allTextContents(), WAIT).toEqual(['baseline', 'quarterly']);
    await screenshot(page, 'library-renamed-tagged');
  });

  it('compares the two visits: the UPS is missing', async () => {
    await page.locator(`li[data-scan-id="${olderId}"]`).getByRole('checkbox', { name: 'Compare' }).check();
    await page.locator(`li[data-scan-id="${newerId}"]`).getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByRole('button', { name: 'Compare the two' }).click();
    const panel = page.getByTestId('comparison');
    await panel.waitFor(WAIT);
    const missing = (await panel.getByTestId('compare-missing').textContent()) ?? '';
    expect(missing).toContain(ups.ip);
    expect(missing).not.toContain(`(${printer.ip})`);
    expect(await panel.getByTestId('compare-new').textContent()).toContain('None.');
    expect(await page.getByTestId('comparison-headline').textContent()).toMatch(/^0 new, 1 missing,/);
    expect(await panel.textContent()).toContain('First visit, before the UPS went');
    await screenshot(page, 'library-compare');
  });

  it('exports the older scan as a .forewarn download and imports it back as a second copy', async () => {
    const { download, bytes } = await downloadFrom(page, () => page.locator(`li[data-scan-id="${olderId}"]`).getByRole('button', { name: 'Export' }).click());
    expect(download.suggestedFilename()).toMatch(/^Harbour-Vets_Quay-Street_\d{4}-\d{2}-\d{2}\.forewarn$/);
    expect(bytes.length).toBeGreaterThan(100);
    exported = bytes;
    expect((await settledStatus(page)).text).toContain('downloaded as');

    await page.getByLabel('Import a .forewarn file').setInputFiles({ name: 'first-visit.forewarn', mimeType: 'application/octet-stream', buffer: bytes });
    const imported = await settledStatus(page);
    expect(imported).toEqual({ tone: 'success', text: `Imported “First visit, before the UPS went” into ${CLIENT} › ${SITE}.` });
    await expect.poll(() => siteRows(page).count(), WAIT).toBe(3);
    // The original is still there, and the copy carries its name and tags under a new id.
    const copies = siteRows(page).filter({ hasText: 'First visit, before the UPS went' });
    expect(await copies.count()).toBe(2);
    const ids = await Promise.all((await copies.all()).map((row) => row.getAttribute('data-scan-id')));
    expect(ids).toContain(olderId);
    expect(await copies.nth(0).locator('.scan-tag').allTextContents()).toEqual(['baseline', 'quarterly']);
    // The copy is marked, so it is not mistaken for the original.
    const marked = siteRows(page).filter({ hasText: 'Just imported' });
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-scan-id')).not.toBe(olderId);
    await screenshot(page, 'library-imported');
  });

  it('refuses a truncated file with a clear error and leaves the library unchanged', async () => {
    const before = await rowIds(page);
    const errorsBefore = pageErrors.length;
    const truncated = exported.subarray(0, Math.floor(exported.length / 2));
    await page.getByLabel('Import a .forewarn file').setInputFiles({ name: 'cut-short.forewarn', mimeType: 'application/octet-stream', buffer: truncated });
    const refused = await settledStatus(page);
    expect(refused.tone).toBe('error');
    expect(refused.text).toMatch(/^Could not import cut-short\.forewarn: .+ Nothing in your saved scans was changed\./);
    expect(await statusLine(page).getAttribute('role')).toBe('alert');
    // The refused request is the one console error this session expects; any other stays for the last test.
    const logged = pageErrors.splice(errorsBefore);
    expect(logged).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
    await screenshot(page, 'library-import-error');
    await openLibrary(page);
    await expect.poll(() => rowIds(page), WAIT).toEqual(before);
  });

  it('downloads the PDF report of the newer visit', async () => {
    const { download, bytes } = await downloadFrom(page, () => page.locator(`li[data-scan-id="${newerId}"]`).getByRole('button', { name: 'PDF report' }).click());
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await settledStatus(page)).tone).toBe('success');
  });

  it('deletes a scan only after confirmation', async () => {
    const row = page.locator(`li[data-scan-id="${newerId}"]`);
    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = row.getByRole('alertdialog', { name: 'Confirm delete' });
    await confirm.waitFor();
    await screenshot(page, 'library-delete-confirm');
    // "Keep it" changes nothing.
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await siteRows(page).count()).toBe(3);

    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Delete for good' }).click();
    expect((await settledStatus(page)).tone).toBe('success');
    await expect.poll(() => siteRows(page).count(), WAIT).toBe(2);
    expect(await page.locator(`li[data-scan-id="${newerId}"]`).count()).toBe(0);
    // Gone from the host too, not only from the screen.
    await openLibrary(page);
    await expect.poll(() => siteRows(page).count(), WAIT).toBe(2);
  });

  it('a scan deleted while on screen cannot be exported, and the button says why', async () => {
    const copyId = (await rowIds(page)).find((id) => id !== olderId) ?? '';
    expect(copyId).not.toBe('');
    await page.locator(`li[data-scan-id="${copyId}"]`).getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'At-risk hardware' }).waitFor(WAIT);
    const button = page.getByRole('button', { name: 'Export CSV' });
    await expect.poll(() => button.getAttribute('aria-disabled'), WAIT).toBeNull();

    await openLibrary(page);
    const row = page.locator(`li[data-scan-id="${copyId}"]`);
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Delete for good' }).click();
    expect((await settledStatus(page)).tone).toBe('success');

    await nav(page, 'Devices').click();
    await expect.poll(() => button.getAttribute('aria-disabled'), WAIT).toBe('true');
    // The button is also disabled while the library is being asked ("Checking that this scan is in Saved
    // scans…"): wait for the answer, not for the first disabled state.
    const reasonId = (await button.getAttribute('aria-describedby')) ?? '';
    await expect.poll(() => page.locator(`[id="${reasonId}"]`).textContent(), WAIT).toMatch(/not in Saved scans/);
    // Still reachable from the keyboard (aria-disabled, not disabled): Enter says why, and downloads nothing.
    let downloads = 0;
    const countDownload = () => void downloads++;
    page.on('download', countDownload);
    await button.focus();
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('csv-status-inventory');
    await expect.poll(() => notice.getAttribute('data-tone'), WAIT).toBe('info');
    expect(await notice.textContent()).toMatch(/not in Saved scans/);
    await page.waitForTimeout(300);
    page.off('download', countDownload);
    expect(downloads).toBe(0);
    await screenshot(page, 'library-devices-csv-unsaved');
  });

  it('a scan the library cannot save is kept, announced, saved elsewhere on request, and saved once the disk is back', async () => {
    // The scans folder becomes unwritable (a file where the folder was): every save fails, as on a full or locked disk.
    const scans = join(dataDir, 'scans');
    renameSync(scans, `${scans}.away`);
    writeFileSync(scans, 'not a folder');
    try {
      await quickScan(page, SECOND_VISIT);
      const notice = page.getByTestId('unsaved-scan');
      await notice.waitFor(WAIT);
      expect(await notice.textContent()).toMatch(/^Scan not saved: Harbour Vets · Quay Street\. .+ The scan is kept while Forewarn is open, and saving is tried again in \d+ (s|min) \(\d+ attempts? so far\)\./);
      await screenshot(page, 'unsaved-scan-banner');

      const { download, bytes } = await downloadFrom(page, () => notice.getByRole('button', { name: 'Save elsewhere…' }).click());
      expect(download.suggestedFilename()).toMatch(/^Harbour-Vets_Quay-Street_\d{4}-\d{2}-\d{2}\.forewarn$/);
      const copy = JSON.parse(gunzipSync(bytes).toString('utf8')) as { document: { devices: Array<{ ip: string }> } };
      expect(copy.document.devices.map((d) => d.ip).sort()).toEqual([...SECOND_VISIT].sort());
      await expect.poll(() => page.getByTestId('unsaved-scan-action').textContent(), WAIT).toMatch(/^A copy of the scan downloaded as .+ Forewarn keeps trying/);

      // Still broken: Retry now says so and keeps the scan.
      await notice.getByRole('button', { name: 'Retry now' }).click();
      await expect.poll(() => page.getByTestId('unsaved-scan-action').textContent(), WAIT).toMatch(/^Still not saved: /);
    } finally {
      rmSync(scans, { force: true });
      renameSync(`${scans}.away`, scans);
    }
    const scanId = (await page.getByTestId('unsaved-scan').getAttribute('data-scan-id')) ?? '';
    await page.getByTestId('unsaved-scan').getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => page.getByTestId('unsaved-scan').count(), WAIT).toBe(0);
    await openLibrary(page);
    await expect.poll(() => page.locator(`li[data-scan-id="${scanId}"]`).count(), WAIT).toBe(1);
    expect(await page.locator(`li[data-scan-id="${scanId}"]`).textContent()).toContain('Completed');
  });

  it('imports .forewarn files dragged onto the screen, one after another, and says which one it refused', async () => {
    await openLibrary(page);
    // The list loads after the heading: count the rows once they are there (earlier tests left scans in this site).
    await expect.poll(() => siteRows(page).count(), WAIT).toBeGreaterThan(0);
    const before = await siteRows(page).count();
    const area = page.getByTestId('library-drop-area');
    /** A drag from the desktop: the files ride in a DataTransfer, as a real drop's do. */
    const dropFiles = async (files: Array<{ name: string; bytes: Buffer }>, until: 'over' | 'drop') => {
      const transfer = await page.evaluateHandle((list) => {
        // The page's own DataTransfer (the Node tsconfig knows no DOM).
        const { DataTransfer: Transfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
        const data = new Transfer();
        for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/octet-stream' }));
        return data;
      }, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
      await area.dispatchEvent('dragenter', { dataTransfer: transfer });
      await area.dispatchEvent('dragover', { dataTransfer: transfer });
      if (until === 'drop') await area.dispatchEvent('drop', { dataTransfer: transfer });
      return transfer;
    };

    // Dragged over and taken away again: the screen shows where the files would go, then nothing happens.
    const hovering = await dropFiles([{ name: 'dragged.forewarn', bytes: exported }], 'over');
    const hint = page.getByText('Drop .forewarn files to import them');
    await hint.waitFor();
    await screenshot(page, 'library-drop-import');
    await area.dispatchEvent('dragleave', { dataTransfer: hovering });
    await expect.poll(() => hint.count(), WAIT).toBe(0);
    expect(await siteRows(page).count()).toBe(before);

    await dropFiles([{ name: 'dragged.forewarn', bytes: exported }, { name: 'notes.txt', bytes: Buffer.from('not a scan') }], 'drop');
    const outcome = await settledStatus(page);
    expect(outcome.tone).toBe('error');
    expect(outcome.text).toMatch(/^Imported dragged\.forewarn; could not import notes\.txt: .+ It was not saved\./);
    expect(await hint.count()).toBe(0);
    await expect.poll(() => siteRows(page).count(), WAIT).toBe(before + 1);
    expect(await siteRows(page).filter({ hasText: 'Just imported' }).count()).toBe(1);
    // The refused file's request is this test's one expected console error.
    expect(pageErrors.splice(0).every((e) => e.includes('422'))).toBe(true);
  });

  it('runs the application menu\'s commands as their shortcuts would: Import Scan…, Find Device, a view', async () => {
    // The desktop app's menu sends these on app:menu-command; the bridge pushes them the same way.
    await nav(page, 'Settings').click();
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    app.server.sink('app:menu-command', { kind: 'import' });
    expect((await chooser).isMultiple()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Saved scans');

    app.server.sink('app:menu-command', { kind: 'search' });
    type WithDocument = { document: { activeElement: { getAttribute(name: string): string | null } | null } };
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as WithDocument).document.activeElement?.getAttribute('data-shortcut') ?? null), WAIT).toBe('search');

    app.server.sink('app:menu-command', { kind: 'view', view: 'at-risk' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('At-risk hardware');
  });

  it('rescans a saved visit with the same targets and profiles, and shows what changed since it', async () => {
    await openLibrary(page);
    // The listing loads after the heading shows: count the rows once they are there.
    await expect.poll(() => siteRows(page).count(), WAIT).toBeGreaterThan(0);
    const before = await siteRows(page).count();
    // The newest visit still listed (earlier tests deleted and imported some).
    const newest = siteRows(page).first();
    const newestName = (await newest.getAttribute('aria-label')) ?? '';
    await newest.getByRole('button', { name: 'Rescan' }).click();
    // New scan, filled in as that visit ran: its targets, client, site and the quick preset.
    await page.getByTestId('rescan-notice').waitFor(WAIT);
    expect(await page.getByTestId('rescan-notice').textContent()).toContain(`Rescan of “${newestName}”`);
    const targets = (await page.getByLabel('Targets').inputValue()).split('\n');
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(LAB_IPS.has(target), target).toBe(true);
    expect(await page.getByLabel('Client').inputValue()).toBe(CLIENT);
    expect(await page.getByLabel('Site').inputValue()).toBe(SITE);
    expect(await page.getByRole('radio', { name: /Quick sweep/ }).isChecked()).toBe(true);
    await screenshot(page, 'library-rescan-form');
    await page.getByRole('button', { name: 'Start scan' }).click();
    await expect.poll(() => page.getByTestId('scan-status').textContent(), SCAN_WAIT).toBe('Completed');
    // Compared with the visit it repeated, on the Live scan screen: nothing came or went.
    const panel = page.getByTestId('comparison');
    await panel.waitFor(WAIT);
    expect(await page.getByTestId('comparison-headline').textContent()).toMatch(/^0 new, 0 missing,/);
    await screenshot(page, 'library-rescan-compared');
    // The form is a new scan's again, and the library has one more visit of the site.
    await nav(page, 'New scan').click();
    expect(await page.getByTestId('rescan-notice').count()).toBe(0);
    await openLibrary(page);
    await expect.poll(() => siteRows(page).count(), WAIT).toBe(before + 1);
  });

  it('finished with no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
