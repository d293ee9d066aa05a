import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, type ReportModel } from '../../../shared/assessment/report-model';
import { renderReportPdf } from '../../../electron/report/render-pdf';
import { analysedOffice } from '../assessment/synthetic-office';

let dir: string;
let text: string;
let fonts: string;
let model: ReportModel;

/** pdftotext joins wrapped lines with newlines; compare on single-spaced text. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-pdf-'));
  const previous = analysedOffice({ visit: 1 });
  const current = analysedOffice({ visit: 2 });
  model = buildReportModel(current, {
    previous,
    branding: { companyName: 'Northwind IT Services', accentColor: '#0b5cad', technician: 'Sam Rivera', currency: '€', priceList: { 'ups-battery-replace': 189, 'hardware-failed': 320 } },
    generatedAt: new Date('2026-03-14T10:00:00Z'),
  });
  const pdf = await renderReportPdf(model, current);
  const path = join(dir, 'report.pdf');
  await writeFile(path, pdf);
  text = flat(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
  fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
}, 60_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('PDF report', () => {
  it('embeds its fonts, so the text is selectable and searchable', () => {
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('names the client, site, MSP and technician', () => {
    expect(text).toContain('Harbour Dental Practice');
    expect(text).toContain('Main office');
    expect(text).toContain('Northwind IT Services');
    expect(text).toContain('Sam Rivera');
  });

  it('lists every at-risk device and every finding at medium or above', () => {
    const atRiskDevices = [...new Set(model.atRisk.map((r) => r.device))];
    expect(atRiskDevices).toEqual(expect.arrayContaining(['nas01', 'ups01', 'prn-hp01', 'sw-access01', 'srv-files01']));
    for (const device of atRiskDevices) expect(text).toContain(device);
    for (const row of model.atRisk) expect(text).toContain(flat(row.problem));
  });

  it('shows the price of priced actions and their total', () => {
    expect(text).toContain('€189');
    expect(text).toContain('€320');
    expect(text).toContain('Estimated total: €509');
  });

  it('has the since-last-visit figures', () => {
    const c = model.comparison!;
    expect(text).toContain('Since the last visit');
    expect(text).toContain(`${c.older.deviceCount} → ${c.newer.deviceCount}`);
    // pdftotext drops the thin spaces around a slash.
    expect(text).toMatch(new RegExp(`${c.newDevices.length}\\s*/\\s*${c.missingDevices.length}\\s+${c.findings.new.length}\\s*/\\s*${c.findings.resolved.length}\\s+\\+${c.siteRiskChange}`));
    expect(text).toContain('lt-reception');
    expect(text).toContain('ws-003');
    expect(text).toContain('sw-core01: firmware WC.16.10.0021 → WC.16.11.0016');
    expect(text).toContain('srv-linux01: sw-core01 port 6 → sw-core01 port 9');
  });

  it('has every section, page numbers and the running header', () => {
    for (const title of ['Executive summary', 'The five biggest risks', 'Hardware at risk', 'Network map', 'Asset inventory', 'Health appendix', 'Methodology and scope']) expect(text).toContain(title);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1] ?? 'NaN') || Number(/Page \d+ of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Harbour Dental Practice · Main office');
  });

  it('puts each device of the inventory in the report', () => {
    for (const row of model.inventory) expect(text).toContain(row.name);
  });
});
