/** PDF reports are rendered in a worker thread: the same file, while the calling thread keeps serving. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../shared/assessment/report-model';
import { PROJECT_ROOT } from '../../../electron/bridge/bridge-app';
import { BUILT_REPORT_WORKER, projectReportRenderer } from '../../../electron/host/library/report-off-thread';
import { labOffice } from '../../fixtures/lab-office';

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, ' ');

/** The longest gap between ticks of a 10 ms timer on this thread while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe('report rendering in a worker thread', () => {
  it('hands back the whole report while this thread keeps running', async () => {
    const document = labOffice(2, 400);
    const model = buildReportModel(document, {});
    const render = projectReportRenderer(PROJECT_ROOT, { prefer: 'source' });
    const { result: pdf, stallMs } = await longestStall(() => render(model, document));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(20);
    const text = textOf(pdf);
    expect(text).toContain('Lakeside Accounting · Main office');
    expect(text).toContain('nas01-17');
    // Rendered in this thread, these 400 devices block it for 0.6 s at a stretch (pagination); from the worker, about 20 ms.
    expect(stallMs).toBeLessThan(200);
  }, 120_000);

  it('reports a render that fails, as an error', async () => {
    const document = labOffice(2, 5);
    const broken = { ...buildReportModel(document, {}), inventory: null } as unknown as ReturnType<typeof buildReportModel>;
    await expect(projectReportRenderer(PROJECT_ROOT, { prefer: 'source' })(broken, document)).rejects.toThrow(/The report could not be made/);
  }, 60_000);

  it('the built worker renders the same report (the packaged app runs this one)', async () => {
    if (!existsSync(join(PROJECT_ROOT, BUILT_REPORT_WORKER))) execFileSync('npx', ['vite', 'build', '--mode', 'main', '--logLevel', 'warn'], { cwd: PROJECT_ROOT });
    const document = labOffice(2, 30);
    const pdf = await projectReportRenderer(PROJECT_ROOT, { prefer: 'built' })(buildReportModel(document, {}), document);
    expect(textOf(pdf)).toContain('Health appendix');
    // Its fonts were found: embedded DejaVu, not the Helvetica fallback.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+DejaVuSans/);
  }, 120_000);
});
