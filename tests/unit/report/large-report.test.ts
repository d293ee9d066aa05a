/**
 * A large site (~240 devices): the map is summarised, the inventory still has
 * every device, and every page after the cover has its running header and page
 * number (the page template that makes large reports fast).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, type ReportModel } from '../../../shared/assessment/report-model';
import { renderReportPdf } from '../../../electron/report/render-pdf';
import { analysedOffice } from '../assessment/synthetic-office';

let dir: string;
let pages: string[];
let model: ReportModel;

const flat = (s: string) => s.replace(/\s+/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-pdf-large-'));
  const current = analysedOffice({ workstations: 200, busyServers: 20, visit: 2 });
  model = buildReportModel(current, { branding: { companyName: 'Large MSP' }, generatedAt: new Date('2026-03-14T10:00:00Z') });
  const path = join(dir, 'large.pdf');
  await writeFile(path, await renderReportPdf(model, current));
  pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').filter((p) => p.trim()).map(flat);
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('PDF report of a large site', () => {
  it('lists every device in the inventory', () => {
    const start = pages.findIndex((p) => p.includes('Asset inventory'));
    const end = pages.findIndex((p) => p.includes('Health appendix'));
    expect(start).toBeGreaterThan(0);
    const inventory = pages.slice(start, end).join(' ');
    expect(model.inventory.length).toBeGreaterThan(200);
    for (const row of model.inventory) expect(inventory).toMatch(new RegExp(`(^|\\s)${escape(row.name)}\\s`));
  });

  it('repeats the table header on every page a table continues on', () => {
    const inventoryPages = pages.slice(pages.findIndex((p) => p.includes('Asset inventory')), pages.findIndex((p) => p.includes('Health appendix')));
    expect(inventoryPages.length).toBeGreaterThan(3);
    for (const page of inventoryPages) expect(page).toContain('Name and type Address Vendor and model Serial number Risk');
  });

  it('numbers every page after the cover and repeats the running header', () => {
    const total = pages.length;
    expect(total).toBeGreaterThan(10);
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain(`Page ${i + 2} of ${total}`);
      expect(text).toContain('Harbour Dental Practice · Main office');
    });
  });

  it('summarises each switch\'s hosts on one readable map page', () => {
    const mapPages = pages.filter((p) => p.includes('Network map'));
    expect(mapPages).toHaveLength(1);
    const map = mapPages[0]!;
    expect(map).toMatch(/\d{3} hosts on sw-access01 · ports gi\d+–gi\d+/);
    expect(map).toContain('Needing attention:');
    expect(map).toContain('gw01');
    expect(map).toContain('sw-core01');
  });
});
