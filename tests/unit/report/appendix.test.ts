/**
 * The health appendix of the lab's scan: a block for each device with
 * something to report, one compact line for each device without.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement as h } from 'react';
import { Document, renderToBuffer } from '@react-pdf/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../shared/assessment/report-model';
import type { ScanDocument } from '../../../shared/scan-document';
import { appendixSection } from '../../../electron/report/appendix';
import { registerReportFonts } from '../../../electron/report/fonts';
import { sectionPage } from '../../../electron/report/page-chrome';
import { TextMeasure } from '../../../electron/report/painted-text';
import { contentWidth } from '../../../electron/report/theme';

let dir: string;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-appendix-'));
  const lab = JSON.parse(await readFile(join(__dirname, '../../../resources/samples/lab/lakeside-visit-2.json'), 'utf8')) as ScanDocument;
  // The Brother printer keeps only its low finding: nothing to report.
  const devices = lab.devices.map((d) => (d.sysName === 'prn-brother01' ? { ...d, findings: (d.findings ?? []).filter((f) => f.severity === 'low') } : d));
  const model = buildReportModel({ ...lab, devices }, {});
  const measure = new TextMeasure(registerReportFonts());
  const pdf = await renderToBuffer(h(Document, null, sectionPage(model, measure, appendixSection(model, { measure, width: contentWidth('portrait') }))) as Parameters<typeof renderToBuffer>[0]);
  await writeFile(join(dir, 'appendix.pdf'), pdf);
  text = execFileSync('pdftotext', ['-layout', join(dir, 'appendix.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}, 60_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

const occurrences = (needle: string) => text.split(needle).length - 1;

describe('health appendix', () => {
  it('gives a device with findings its block: findings, then its readings with out-of-range ones flagged', () => {
    expect(text).toMatch(/nas01 10\.77\.0\.20 · NAS .*Risk \d+ Findings Critical RAID array "Volume 1" reports Degrade High Disk 2 is at 63 °C Sensors/);
    expect(text).toContain("Disk 2: 63 °C Disk 3: 39 °C Volume 1: Degrade Critical");
  });

  it('lists a device with nothing to report on one line of the compact table, with its minor findings', () => {
    expect(text).toContain('Devices with nothing to report (1)');
    expect(text).toMatch(/prn-brother01 .*Printer.*1 sensor.* Low: SNMP v2c only \(no SNMPv3\)/);
    expect(occurrences('prn-brother01')).toBe(1);
  });

  it('keeps the running header and page numbers on the painted pages', () => {
    expect(text).toContain('Lakeside Accounting · Main office');
    expect(text).toMatch(/Page 1 of \d+/);
  });
});
