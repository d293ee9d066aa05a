/**
 * bench:report: the PDF report of a 500-device site, as a user makes it.
 * The site is the lab's own scan (resources/samples/lab) copied until it has
 * 500 devices, each copy with its readings, findings and links, and the lab's
 * first visit grown the same way as the previous scan (so every page is
 * rendered). The report is made by `forewarn report` in its own process:
 * wall time and peak RSS are the whole command's, as the user gets them.
 * Targets (issue 12): ≤ 5 s, < 300 MB.
 *
 *   npm run bench:report [-- --devices N] [-- --profile]
 *
 * `--profile` renders in this process instead, records a CPU profile (open it
 * in Chrome DevTools) and prints the functions that took the most time; the
 * profiler slows the render, so compare figures only between runs without it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReportModel } from '../../shared/assessment/report-model';
import { labOffice } from '../fixtures/lab-office';
import { startProfile } from './report-profile';
import { useShippedCli } from './shipped-cli';

const { values } = parseArgs({ options: { devices: { type: 'string', default: '500' }, profile: { type: 'boolean', default: false } } });
const deviceCount = Number(values.devices);
const root = join(new URL('.', import.meta.url).pathname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'forewarn-bench-report-'));
const previous = labOffice(1, deviceCount);
const current = labOffice(2, deviceCount);
const model = buildReportModel(current, { previous });
const findings = model.appendix.reduce((n, d) => n + d.findings.length, 0);
console.log(`bench:report  ${current.devices.length} devices (the lab scan copied), ${findings} findings, ${model.atRisk.length} at-risk rows`);

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? '?';
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Peak RSS of a running child on Linux (VmHWM), sampled until it exits; null elsewhere. */
function peakRss(pid: number): () => number | null {
  let peak: number | null = null;
  const read = () => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (kb) peak = Math.max(peak ?? 0, kb * 1024);
    } catch {
      // Exited, or not Linux.
    }
  };
  const timer = setInterval(read, 10);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function asTheUserRunsIt(): Promise<void> {
  await useShippedCli();
  const scan = join(dir, 'site.json');
  const old = join(dir, 'site-before.json');
  const out = join(dir, 'report.pdf');
  writeFileSync(scan, JSON.stringify(current));
  writeFileSync(old, JSON.stringify(previous));
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'electron/cli/bin.mjs'), 'report', scan, '--previous', old, '--pdf', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = peakRss(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  const peak = stop();
  if (code !== 0) throw new Error(`forewarn report exited with ${code}`);
  const pdf = readFileSync(out);
  console.log(`  time       ${seconds.toFixed(2)} s   (whole command; target ≤ 5 s)`);
  console.log(`  peak RSS   ${peak === null ? 'n/a (Linux only)' : megabytes(peak)}   (target < 300 MB)`);
  console.log(`  pages      ${pageCount(pdf)}`);
  console.log(`  PDF        ${(pdf.length / 1024).toFixed(0)} KB`);
}

async function profiled(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const { renderReportPdf } = await import('../../electron/report/render-pdf');
  const profile = await startProfile();
  const started = performance.now();
  const pdf = await renderReportPdf(buildReportModel(current, { previous }), current);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  time       ${seconds.toFixed(2)} s   (in process, under the profiler)`);
  console.log(`  pages      ${pageCount(pdf)}`);
  console.log(await profile.stop(join(tmpdir(), 'forewarn-bench-report.cpuprofile')));
}

try {
  await (values.profile ? profiled() : asTheUserRunsIt());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
