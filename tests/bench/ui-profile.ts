/**
 * `bench:ui -- --profile`: a Chromium CPU profile (CDP) of one phase, summarised
 * as the functions with the most self time, so a long task can be traced to code.
 * PROFILE_UNDER=name: self time only of samples with that function on the
 * stack (e.g. PROFILE_UNDER='CRp$5.render' for Cytoscape's frames).
 */
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = 25;

export async function startCpuProfile(page: Page): Promise<{ stopAndSummarise(): Promise<string> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stopAndSummarise() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.detach();
      return summarise(profile);
    },
  };
}

function summarise(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const inclusive = [...inclusiveTimes(profile)].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const under = process.env.PROFILE_UNDER;
  if (under) {
    const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
    return [`self time under ${under}:`, ...rows(selfUnder(profile, under)), `inclusive time under ${under}:`, ...rows(selfUnder(profile, under, true))].join('\n');
  }
  return [
    `cpu profile: ${Math.round(total)} ms busy; top self time:`,
    ...rows.map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`),
    'top inclusive time (app code):',
    ...inclusive.map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`),
    ...longestRuns(profile, 4).flatMap((run) => [
      `busy run of ${Math.round(run.ms)} ms (samples between idle), inclusive:`,
      ...[...inclusiveTimes(profile, run.from, run.to)].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`),
    ]),
  ].join('\n');
}

/** Self time of each function, counting only samples with `under` on the stack (dev aid). */
function selfUnder(profile: CpuProfile, under: string, inclusive = false): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    let hit = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName.includes(under)) hit = true;
    if (!hit) return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!inclusive) {
      const key = label(byId.get(id)!);
      out.set(key, (out.get(key) ?? 0) + dt);
      return;
    }
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, (out.get(key) ?? 0) + dt);
    }
  });
  return out;
}

const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;

/** Time with each function anywhere on the stack (counted once per sample), for the page's scripts. */
function inclusiveTimes(profile: CpuProfile, from = 0, to = profile.samples.length): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (i < from || i >= to) return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (!node.callFrame.url.includes('/assets/')) continue;
      const key = label(node);
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, (out.get(key) ?? 0) + dt);
    }
  });
  return out;
}

/** The longest stretches of samples with no idle sample in between: roughly, the longest tasks. */
function longestRuns(profile: CpuProfile, count: number): Array<{ from: number; to: number; ms: number }> {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const runs: Array<{ from: number; to: number; ms: number }> = [];
  let from = -1;
  let ms = 0;
  profile.samples.forEach((id, i) => {
    if (idle.has(id)) {
      if (from >= 0) runs.push({ from, to: i, ms });
      from = -1;
      ms = 0;
      return;
    }
    if (from < 0) from = i;
    ms += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return runs.sort((a, b) => b.ms - a.ms).slice(0, count);
}
