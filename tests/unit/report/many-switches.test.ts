/**
 * A site with many access switches: the map keeps the switch tree on its page
 * and lists each switch's hosts as cards after it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, renderToBuffer } from '@react-pdf/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankDevice, type Device, type ScanDocument } from '../../../shared/scan-document';
import type { Link } from '../../../shared/topology/schema';
import { buildReportModel } from '../../../shared/assessment/report-model';
import { registerReportFonts } from '../../../electron/report/fonts';
import { TextMeasure } from '../../../electron/report/painted-text';
import { sectionPage } from '../../../electron/report/page-chrome';
import { h } from '../../../electron/report/primitives';
import { topologySection } from '../../../electron/report/topology';
import { analysedOffice } from '../assessment/synthetic-office';

const SWITCHES = 12;
const HOSTS = 30;

function campus(): ScanDocument {
  const devices: Device[] = [];
  const links: Link[] = [];
  const add = (id: string, ip: string, type: Device['type'], name: string, risk: number) => {
    devices.push({ ...blankDevice(id, ip), type, hostname: name, risk: { score: risk, level: risk >= 40 ? 'high' : 'low', contributors: [] } } as Device);
  };
  const link = (a: string, aPort: string, b: string, confidence: Link['confidence']) => links.push({ a: { device: a, port: aPort }, b: { device: b, port: null }, via: confidence === 'confirmed' ? 'lldp' : 'fdb', confidence, speed: 1000, duplex: 'full' });
  add('gw', '10.0.0.1', 'router', 'gw01', 0);
  add('core', '10.0.0.2', 'switch', 'core01', 0);
  link('core', 'te1', 'gw', 'confirmed');
  for (let s = 1; s <= SWITCHES; s++) {
    add(`sw${s}`, `10.0.1.${s}`, 'switch', `sw-floor${s}`, 0);
    link('core', `te${s + 1}`, `sw${s}`, 'confirmed');
    for (let i = 1; i <= HOSTS; i++) {
      const id = `h${s}-${i}`;
      add(id, `10.${s}.0.${i}`, 'workstation', `pc-${s}-${i}`, i === 7 ? 55 : 0);
      link(`sw${s}`, `gi1/0/${i}`, id, 'inferred');
    }
  }
  return { ...analysedOffice({ visit: 2 }), devices, links };
}

let dir: string;
let pages: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-pdf-campus-'));
  const doc = campus();
  const model = buildReportModel(doc, { branding: { companyName: 'Campus MSP' } });
  const measure = new TextMeasure(registerReportFonts());
  const pdf = await renderToBuffer(h(Document, null, sectionPage(model, measure, topologySection(doc), { orientation: 'landscape' })) as Parameters<typeof renderToBuffer>[0]);
  const path = join(dir, 'campus.pdf');
  await writeFile(path, pdf);
  pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim()).map((p) => p.replace(/\s+/g, ' '));
}, 60_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('network map of a site with many switches', () => {
  it('draws the whole switch tree, with host counts, on the map page', () => {
    expect(pages[0]).toContain('Network map');
    for (let s = 1; s <= SWITCHES; s++) expect(pages[0]).toMatch(new RegExp(`sw-floor${s} Switch · 10\\.0\\.1\\.${s} ${HOSTS} hosts`));
    expect(pages[0]).not.toContain('Hosts by switch');
  });

  it('lists one card per switch after the map, in name order, naming the host at risk', () => {
    const list = pages.slice(1).join(' ');
    expect(list).toContain('Hosts by switch');
    const order = [...list.matchAll(/(\d+) hosts on (sw-floor\d+) · ports gi1\/0\/1–gi1\/0\/30/g)];
    expect(order.map((m) => m[2])).toEqual(Array.from({ length: SWITCHES }, (_, i) => `sw-floor${i + 1}`));
    expect(order.every((m) => Number(m[1]) === HOSTS)).toBe(true);
    for (let s = 1; s <= SWITCHES; s++) expect(list).toContain(`risk 55 pc-${s}-7 port gi1/0/7`);
  });
});
