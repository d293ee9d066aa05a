/**
 * bench:report: a synthetic 500-device, ~300-finding scan to PDF (with a
 * previous visit, so every page is rendered). Prints time, CPU time and peak RSS.
 * Targets (issue 7): ≤ 10 s, < 500 MB.
 *
 * `npm run bench:report -- --profile` also records a CPU profile of the render
 * (open it in Chrome DevTools) and prints the functions that took the most time;
 * the profiler slows the render, so compare figures only between runs without it.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportModel } from '../../shared/assessment/report-model';
import { analysedOffice } from '../unit/assessment/synthetic-office';
import { startProfile } from './report-profile';

const options = { workstations: 440, busyServers: 55 };
const previous = analysedOffice({ ...options, visit: 1 });
const current = analysedOffice({ ...options, visit: 2 });
const devices = current.devices.filter((d) => d.type !== 'unmanaged-switch').length;
const findings = current.devices.reduce((n, d) => n + (d.findings?.length ?? 0), 0);

// As the app and the CLI run it: React's production build (see electron/cli/main.ts).
process.env.NODE_ENV ??= 'production';
const { renderReportPdf } = await import('../../electron/report/render-pdf');

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const profile = process.argv.includes('--profile') ? await startProfile() : null;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const model = buildReportModel(current, { previous, branding: { companyName: 'Bench MSP', priceList: { 'storage-full': 150, 'cpu-high': 80 } } });
const pdf = await renderReportPdf(model, current);
const seconds = (performance.now() - started) / 1000;
// CPU time is steadier than wall time on a machine shared with other jobs.
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
const profileReport = profile ? await profile.stop(join(tmpdir(), 'forewarn-bench-report.cpuprofile')) : null;
peak = Math.max(peak, process.memoryUsage().rss);
const out = join(tmpdir(), 'forewarn-bench-report.pdf');
writeFileSync(out, pdf);

console.log(`bench:report  devices=${devices} findings=${findings} at-risk rows=${model.atRisk.length}`);
console.log(`  time       ${seconds.toFixed(2)} s   (target ≤ 10 s)`);
console.log(`  CPU        ${(cpu.user / 1e6).toFixed(2)} s user + ${(cpu.system / 1e6).toFixed(2)} s system (render only)`);
console.log(`  pages      ${pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? '?'}`);
console.log(`  peak RSS   ${(peak / 1024 / 1024).toFixed(0)} MB (target < 500 MB, whole process)`);
console.log(`  PDF        ${(pdf.length / 1024).toFixed(0)} KB → ${out}`);
if (profileReport) console.log(profileReport);
