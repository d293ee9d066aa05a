/**
 * `bench:ui -- --trace`: a Chromium performance trace (CDP Tracing, the
 * DevTools timeline categories) of one phase, summarised as the longest
 * main-thread tasks and what ran inside each (timer, animation frame, script,
 * style, layout, paint, garbage collection), so a long task can be traced to
 * the kind of work and the code that did it. Figures in thread (CPU) time
 * too: on a busy machine a task's wall time is mostly waiting for a core.
 * TRACE_EXTRA=cc,skia adds trace categories; TRACE_NESTED=1 lists every
 * event inside each long task (e.g. Skia's raster inside "Commit").
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the task cost, whatever else the machine was doing. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; frame?: string; type?: string }; name?: string };
}

const CATEGORIES = [...(process.env.TRACE_EXTRA ?? '').split(',').filter(Boolean), 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline.frame'].join(',');
const LONG_MS = 50;

export async function startTrace(page: Page): Promise<{ stopAndSummarise(top?: number, longMs?: number): Promise<string> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stopAndSummarise(top = 10, longMs = LONG_MS) {
      await stopTracing(cdp);
      await cdp.detach();
      return summarise(events, top, longMs);
    },
  };
}

async function stopTracing(cdp: CDPSession): Promise<void> {
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
}

/** The renderer main thread: the thread with the most RunTask time under the page's renderer process. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const named = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'));
  return named ? { pid: named.pid, tid: named.tid } : null;
}

const ms = (us: number) => us / 1000;
const median = (xs: number[]) => (xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

/** What one child event is, in a few words (script gets its function and file). */
function describe(e: TraceEvent): string {
  const d = e.args?.data;
  if ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') && d) return `${e.name} ${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop() ?? ''}`;
  if (e.name === 'EventDispatch' && d?.type) return `EventDispatch ${d.type}`;
  return e.name;
}

function summarise(events: TraceEvent[], top: number, longMs: number): string {
  const main = mainThread(events);
  if (!main) return 'trace: no renderer main thread found';
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // Outermost tasks only (the scheduler nests RunTask events).
  const tasks = directChildren(onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')).filter((t) => !isTracingOverhead(t, onMain));
  const long = tasks.filter((t) => ms(t.dur!) > longMs && !isTracingOverhead(t, onMain)).sort((a, b) => b.dur! - a.dur!);
  // Totals over every long task, by kind of work (direct children only, so nothing is counted twice).
  const totals = new Map<string, number>();
  const cpu = tasks.map((t) => ms(t.tdur ?? 0));
  const lines: string[] = [
    `trace: main thread cpu ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms in ${tasks.length} tasks; longest task by cpu ${Math.max(0, ...cpu).toFixed(0)} ms; ${cpu.filter((c) => c > longMs).length} tasks over ${longMs} ms of cpu (median ${median(cpu.filter((c) => c > longMs)).toFixed(0)} ms)`,
    `trace: ${long.length} main-thread tasks > ${longMs} ms (wall); the longest ${Math.min(top, long.length)}:`,
  ];
  long.forEach((task, index) => {
    const end = task.ts + task.dur!;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    const children = directChildren(inside.filter((e) => !/RunTask$/.test(e.name)));
    const byKind = new Map<string, number>();
    for (const c of children) byKind.set(describe(c), (byKind.get(describe(c)) ?? 0) + ms(c.dur!));
    const gc = inside.filter((e) => /GC|GCEvent|V8\.GC/.test(e.name)).reduce((s, e) => s + ms(e.dur!), 0);
    for (const [k, v] of byKind) totals.set(k, (totals.get(k) ?? 0) + v);
    if (index >= top) return;
    if (process.env.TRACE_NESTED) {
      const nested = new Map<string, number>();
      for (const e of inside) if (e.name !== 'FunctionCall') nested.set(e.name, (nested.get(e.name) ?? 0) + ms(e.dur!));
      lines.push(`      nested: ${[...nested].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    }
    const parts = [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`);
    lines.push(`  ${ms(task.dur!).toFixed(0).padStart(4)} ms (cpu ${ms(task.tdur ?? 0).toFixed(0)}): ${parts.join(', ')}${gc > 1 ? ` (gc ${gc.toFixed(0)})` : ''}`);
  });
  lines.push('  all long tasks, by direct child:');
  for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
  return lines.join('\n');
}

/**
 * Tracing's own work: with tracing on, the main thread flushes the trace
 * buffer in "Receive mojo message" tasks that run no page code; a
 * PerformanceObserver never reports them, so they are left out.
 */
function isTracingOverhead(task: TraceEvent, onMain: TraceEvent[]): boolean {
  const end = task.ts + task.dur!;
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end && !/RunTask$|^BlinkScheduler_/.test(e.name));
  return inside.length > 0 && inside.every((e) => e.name === 'Receive mojo message');
}

/** Events not nested in another of the given events (the input is sorted by start). */
function directChildren(inside: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let openUntil = -1;
  for (const e of inside) {
    if (e.ts >= openUntil) {
      out.push(e);
      openUntil = e.ts + e.dur!;
    }
  }
  return out;
}
