/**
 * `npm run bench:ui [-- --devices 2000 --links 2500 --no-build --profile --trace --only map-stream]`
 * A synthetic scan streamed into the production renderer in headless Chromium
 * through a fake bridge (tests/bench/fake-bridge.ts). Prints:
 *  - the longest main-thread task while streaming (PerformanceObserver longtask), on the live view and on the map;
 *  - the time from the last event to a settled screen;
 *  - frames per second while scrolling the device table and panning the map.
 * Figures only; no pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { ScanEvent } from '../../shared/scan-events';
import { PROJECT_ROOT, launchChromium } from '../e2e/browser';
import { RENDERER_DIR, openWithFakeBridge, type FakeBridgePage } from './fake-bridge';
import { startCpuProfile } from './ui-profile';
import { startTrace } from './ui-trace';
import { syntheticSite } from './ui-synthetic';

const { values } = parseArgs({ options: { devices: { type: 'string', default: '2000' }, links: { type: 'string', default: '2500' }, 'no-build': { type: 'boolean', default: false }, profile: { type: 'boolean', default: false }, trace: { type: 'boolean', default: false }, only: { type: 'string' } } });
/** --only map-stream: just the streaming-with-the-map-open phase (the one worth profiling). */
const ONLY_MAP_STREAM = values.only === 'map-stream';
const DEVICES = Number(values.devices);
const LINKS = Number(values.links);
const CHUNK = 50;
const CHUNK_GAP_MS = 20;
const MEASURE_MS = 3000;

if (!values['no-build']) {
  // --profile builds unminified so the CPU profile names real functions.
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error', '--outDir', RENDERER_DIR, ...(values.profile ? ['--minify', 'false'] : [])], { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error('vite build failed');
}

const site = syntheticSite(DEVICES, LINKS);
const scanId = 'bench-scan';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stream a real scan produces, in its order: found, progress, then health, then topology as it grows. */
function streamEvents(): ScanEvent[][] {
  const batches: ScanEvent[][] = [];
  const started: ScanEvent = {
    type: 'scan-started',
    scanId,
    totalAddresses: 65536,
    scan: { id: scanId, startedAt: new Date().toISOString(), finishedAt: null, targets: ['10.0.0.0/16'], status: 'running', preset: 'full', client: 'Bench', site: 'Synthetic' },
  };
  batches.push([started, { type: 'phase', scanId, phase: 'discovery' }]);
  for (let i = 0; i < site.devices.length; i += CHUNK) {
    batches.push([
      ...site.devices.slice(i, i + CHUNK).map((device): ScanEvent => ({ type: 'device-found', scanId, device })),
      { type: 'progress', scanId, phase: 'discovery', done: Math.round(((i + CHUNK) / site.devices.length) * 65536), total: 65536, etaMs: 5000 },
    ]);
  }
  batches.push([{ type: 'phase', scanId, phase: 'assess' }]);
  for (let i = 0; i < site.assessed.length; i += CHUNK) {
    const batch: ScanEvent[] = site.assessed.slice(i, i + CHUNK).map((device) => ({ type: 'device-updated', scanId, device }));
    batch.push({ type: 'progress', scanId, phase: 'assess', done: i + CHUNK, total: site.assessed.length, etaMs: 3000 });
    // The topology grows as switches report: the whole graph so far, every 10 batches.
    if ((i / CHUNK) % 10 === 9) {
      const known = new Set(site.assessed.slice(0, i + CHUNK).map((d) => d.id));
      const placeholders = site.placeholders;
      for (const p of placeholders) known.add(p.id);
      batch.push({ type: 'topology-updated', scanId, links: site.links.filter((l) => known.has(l.a.device) && known.has(l.b.device)), placeholders });
    }
    batches.push(batch);
  }
  batches.push([
    { type: 'topology-updated', scanId, links: site.links, placeholders: site.placeholders },
    { type: 'scan-finished', scanId, status: 'completed', finishedAt: new Date().toISOString(), deviceCount: site.devices.length },
  ]);
  return batches;
}

async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Entry = { duration: number; startTime: number; name: string };
    const g = globalThis as unknown as { __longTasks: Entry[]; __measures: Entry[]; PerformanceObserver: new (cb: (list: { getEntries(): Entry[] }) => void) => { observe(o: object): void } };
    g.__longTasks = [];
    g.__measures = [];
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.__longTasks.push({ duration: e.duration, startTime: e.startTime, name: e.name });
    }).observe({ type: 'longtask', buffered: false });
    // The app's own performance.measure()s (map:*), to tell which code a long task ran.
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.__measures.push({ duration: e.duration, startTime: e.startTime, name: e.name });
    }).observe({ type: 'measure', buffered: false });
  });
}

async function takeLongTasks(page: Page): Promise<number[]> {
  return (await takeLongTaskEntries(page)).tasks.map((t) => t.duration);
}

async function takeLongTaskEntries(page: Page): Promise<{ tasks: Array<{ duration: number; startTime: number }>; measures: Array<{ duration: number; startTime: number; name: string }> }> {
  return page.evaluate(() => {
    type Entry = { duration: number; startTime: number; name: string };
    const g = globalThis as unknown as { __longTasks: Entry[]; __measures: Entry[] };
    const out = { tasks: g.__longTasks, measures: g.__measures };
    g.__longTasks = [];
    g.__measures = [];
    return out;
  });
}

/** The longest tasks and the app's measures inside each (for --profile). */
function explainLongTasks(entries: Awaited<ReturnType<typeof takeLongTaskEntries>>): string {
  const top = [...entries.tasks].sort((a, b) => b.duration - a.duration).slice(0, 8);
  return top
    .map((t) => {
      const inside = entries.measures.filter((m) => m.startTime >= t.startTime - 1 && m.startTime <= t.startTime + t.duration);
      return `  task ${fmt(t.duration)} at ${fmt(t.startTime)}: ${inside.map((m) => `${m.name} ${fmt(m.duration)}`).join(', ') || '(no app measure: rendering or React)'}`;
    })
    .join('\n');
}

/** The app's measures by name (the slice kind, not its size): count, total and longest. */
function summariseMeasures(entries: Awaited<ReturnType<typeof takeLongTaskEntries>>): string {
  const byName = new Map<string, { count: number; total: number; max: number }>();
  for (const m of entries.measures) {
    const name = m.name.replace(/ ×\d+$/, '');
    const row = byName.get(name) ?? { count: 0, total: 0, max: 0 };
    row.count += 1;
    row.total += m.duration;
    row.max = Math.max(row.max, m.duration);
    byName.set(name, row);
  }
  return [...byName].sort((a, b) => b[1].total - a[1].total).map(([name, r]) => `  ${name}: ${r.count}×, total ${fmt(r.total)}, longest ${fmt(r.max)}`).join('\n');
}

/** Wraps Cytoscape's frame function so each frame is a performance measure (for --profile). */
async function measureMapFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { performance: { now(): number; measure(n: string, o: object): void }; document: { querySelector(s: string): unknown } };
    const r = (g.document.querySelector('[data-testid=map-canvas]') as { _cyreg: { cy: { renderer(): { render(o: unknown): unknown } } } })._cyreg.cy.renderer();
    const render = r.render.bind(r);
    r.render = (o: unknown) => {
      const t0 = g.performance.now();
      const out = render(o);
      g.performance.measure('map:frame', { start: t0 });
      return out;
    };
  });
}

/** Streams every batch; resolves with ms from the last event to the screen showing the final state. */
async function stream(bridge: FakeBridgePage, expectedText: { selector: string; text: string }): Promise<number> {
  const batches = streamEvents();
  for (const batch of batches.slice(0, -1)) {
    await bridge.emit('scan:event', batch);
    await sleep(CHUNK_GAP_MS);
  }
  const last = batches.at(-1)!;
  return bridge.page.evaluate(
    ([events, selector, text]) => {
      const g = globalThis as unknown as { __forewarnEmit(c: string, p: unknown[]): void; performance: { now(): number }; requestAnimationFrame(cb: () => void): void; document: { querySelector(s: string): { textContent: string | null } | null } };
      const t0 = g.performance.now();
      g.__forewarnEmit('scan:event', events);
      return new Promise<number>((resolve) => {
        // Settled: the final state is on screen and a further frame has been painted (-1: never, within a minute).
        const check = () => {
          if (g.document.querySelector(selector)?.textContent === text) g.requestAnimationFrame(() => resolve(g.performance.now() - t0));
          else if (g.performance.now() - t0 > 60_000) resolve(-1);
          else g.requestAnimationFrame(check);
        };
        check();
      });
    },
    [last, expectedText.selector, expectedText.text] as const,
  );
}

/** After streaming, the map must show every device and every link: a figure, and a failed run when it does not. */
async function mapCompleteness(page: Page): Promise<string> {
  const expectedNodes = [...site.devices, ...site.placeholders].map((d) => d.id);
  const drawn = await page.evaluate(() => {
    const el = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[data-testid=map-canvas]') as { _cyreg: { cy: { nodes(): { map<T>(f: (n: { id(): string }) => T): T[] }; edges(): { length: number } } } };
    const cy = el._cyreg.cy;
    return { nodes: cy.nodes().map((n) => n.id()), edges: cy.edges().length };
  });
  const shown = new Set(drawn.nodes);
  const missing = expectedNodes.filter((id) => !shown.has(id));
  const complete = missing.length === 0 && drawn.nodes.length === expectedNodes.length && drawn.edges === site.links.length;
  if (!complete) process.exitCode = 1;
  return `map         after streaming: ${drawn.nodes.length}/${expectedNodes.length} devices and ${drawn.edges}/${site.links.length} links drawn${complete ? '' : ` (INCOMPLETE: ${missing.length} devices missing, e.g. ${missing.slice(0, 3).join(', ')})`}`;
}

async function framesDuring(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __frames: number; __counting: boolean; requestAnimationFrame(cb: () => void): void };
    g.__frames = 0;
    g.__counting = true;
    const tick = () => {
      if (!g.__counting) return;
      g.__frames += 1;
      g.requestAnimationFrame(tick);
    };
    g.requestAnimationFrame(tick);
  });
  const started = Date.now();
  await action();
  const elapsed = Date.now() - started;
  const frames = await page.evaluate(() => {
    const g = globalThis as unknown as { __frames: number; __counting: boolean };
    g.__counting = false;
    return g.__frames;
  });
  return (frames * 1000) / elapsed;
}

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
const fmt = (ms: number) => `${Math.round(ms)} ms`;

/** The longtask observer only sees tasks of 50 ms or more: none seen means every task was shorter. */
const longest = (tasks: number[]) => (tasks.length === 0 ? 'under 50 ms' : fmt(Math.max(...tasks)));

/** Phases 1-3: streaming onto the live view, scrolling the table, opening and panning the finished map. */
async function liveTableAndMapPhases(browser: Browser): Promise<void> {
  // 1. Streaming onto the live view (what the technician watches).
  const live = await openWithFakeBridge(browser);
  live.page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await live.page.getByRole('heading', { name: 'New scan' }).waitFor();
  await observeLongTasks(live.page);
  await nav(live.page, 'Live scan');
  const streamStart = Date.now();
  const settleLive = await stream(live, { selector: '[data-testid=scan-status]', text: 'Completed' });
  const streamMs = Date.now() - streamStart;
  const liveTasks = await takeLongTasks(live.page);
  console.log(`live view   stream ${fmt(streamMs)}: longest task ${longest(liveTasks)} (${liveTasks.length} tasks > 50 ms); last event → settled ${fmt(settleLive)}`);

  // 2. Scrolling the devices table.
  await nav(live.page, 'Devices');
  const table = live.page.getByTestId('device-table');
  await table.waitFor();
  const box = (await table.boundingBox())!;
  await live.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await takeLongTasks(live.page);
  const scrollFps = await framesDuring(live.page, async () => {
    const end = Date.now() + MEASURE_MS;
    let direction = 1;
    while (Date.now() < end) {
      await live.page.mouse.wheel(0, 240 * direction);
      if (Math.random() < 0.02) direction = -direction;
      await sleep(16);
    }
  });
  const scrollTasks = await takeLongTasks(live.page);
  console.log(`devices     scrolling ${MEASURE_MS / 1000} s: ${scrollFps.toFixed(1)} fps, longest task ${longest(scrollTasks)}`);

  // 3. The map: opening it on the finished scan, then panning.
  const mapOpenStart = Date.now();
  await nav(live.page, 'Network map');
  await live.page.getByTestId('map-canvas').waitFor();
  await live.page.waitForFunction(() => {
    const el = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[data-testid=map-canvas]') as { _cyreg?: { cy: { nodes(): { length: number } } } } | null;
    return (el?._cyreg?.cy.nodes().length ?? 0) > 0;
  });
  const mapOpenMs = Date.now() - mapOpenStart;
  const mapOpenTasks = await takeLongTasks(live.page);
  // Real drags on empty canvas (zoomed out around the centre, a corner is empty), as a technician pans.
  const canvasBox = (await live.page.getByTestId('map-canvas').boundingBox())!;
  await live.page.evaluate(() => {
    const g = globalThis as unknown as { document: { querySelector(s: string): unknown } };
    const cy = (g.document.querySelector('[data-testid=map-canvas]') as { _cyreg: { cy: { fit(): void; zoom(o: object): void; zoom(): number; width(): number; height(): number } } })._cyreg.cy;
    cy.fit();
    cy.zoom({ level: cy.zoom() * 0.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  const panFps = await framesDuring(live.page, async () => {
    const end = Date.now() + MEASURE_MS;
    const x0 = canvasBox.x + canvasBox.width - 40;
    const y0 = canvasBox.y + canvasBox.height - 40;
    while (Date.now() < end) {
      await live.page.mouse.move(x0, y0);
      await live.page.mouse.down();
      for (let i = 1; i <= 20; i += 1) await live.page.mouse.move(x0 - i * 6, y0 - i * 3);
      await live.page.mouse.up();
      for (let i = 1; i <= 20; i += 1) await live.page.mouse.move(x0 - (20 - i) * 6, y0 - (20 - i) * 3);
    }
  });
  const panTasks = await takeLongTasks(live.page);
  console.log(`map         opened with ${site.devices.length + site.placeholders.length} nodes in ${fmt(mapOpenMs)} (longest task ${longest(mapOpenTasks)}); panning (mouse drags): ${panFps.toFixed(1)} fps, longest task ${longest(panTasks)}`);
  await live.page.context().close();
}

const browser = await launchChromium();
try {
  console.log(`bench:ui: ${site.devices.length} devices, ${site.placeholders.length} placeholders, ${site.links.length} links, batches of ${CHUNK} events every ${CHUNK_GAP_MS} ms`);
  if (!ONLY_MAP_STREAM) await liveTableAndMapPhases(browser);

  // 4. Streaming while the map is open (the heaviest view to keep up to date).
  const mapped = await openWithFakeBridge(browser);
  await mapped.page.getByRole('heading', { name: 'New scan' }).waitFor();
  await mapped.emit('scan:event', [streamEvents()[0]![0]!]);
  await nav(mapped.page, 'Network map');
  await mapped.page.getByTestId('map-canvas').waitFor();
  await observeLongTasks(mapped.page);
  const profile = values.profile ? await startCpuProfile(mapped.page) : null;
  if (profile) await measureMapFrames(mapped.page);
  const trace = values.trace ? await startTrace(mapped.page) : null;
  const settleMap = await stream(mapped, { selector: '.view-subtitle', text: `${(site.devices.length + site.placeholders.length).toLocaleString('en-US')} devices · ${site.links.length.toLocaleString('en-US')} links` });
  const mapEntries = await takeLongTaskEntries(mapped.page);
  const mapTasks = mapEntries.tasks.map((t) => t.duration);
  console.log(`map view    streaming with the map open: longest task ${longest(mapTasks)} (${mapTasks.length} tasks > 50 ms); last event → settled ${settleMap < 0 ? 'never (timed out)' : fmt(settleMap)}`);
  console.log(await mapCompleteness(mapped.page));
  if (trace) console.log(await trace.stopAndSummarise());
  if (profile) console.log(`${explainLongTasks(mapEntries)}\n${summariseMeasures(mapEntries)}\n${await profile.stopAndSummarise()}`);
  await mapped.page.context().close();
} finally {
  await browser.close();
}
