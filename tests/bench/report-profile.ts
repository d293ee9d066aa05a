/**
 * CPU profile of one stretch of a bench (node:inspector, in process): written
 * as a .cpuprofile file, summarised as the functions with the most time of
 * their own, grouped by package, so a hot spot is named without opening DevTools.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export async function startProfile(intervalMicros = 500) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  return {
    async stop(path: string, top = 20): Promise<string> {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      session.disconnect();
      writeFileSync(path, JSON.stringify(profile));
      return `  profile    ${path}\n${summarise(profile, top)}`;
    },
  };
}

/** "@react-pdf/textkit", "fontkit", "electron/report", "(garbage collector)". */
function origin(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/((?:electron|shared|tests)\/[^/]+)/.exec(url);
  if (ours) return ours[1]!;
  return url.startsWith('wasm:') ? 'wasm (yoga)' : url ? 'node' : '';
}

function summarise(profile: Profile, top: number): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = origin(url);
    const name = `${functionName || '(anonymous)'}${where ? `  ${where}:${lineNumber + 1}` : ''}`;
    selfTime.set(name, (selfTime.get(name) ?? 0) + micros);
    const group = where || functionName;
    byOrigin.set(group, (byOrigin.get(group) ?? 0) + micros);
  });
  const line = ([name, micros]: [string, number]) => `    ${(micros / 1000).toFixed(0).padStart(6)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`  self time by package (of ${(total / 1000).toFixed(0)} ms sampled)`, ...sorted(byOrigin).slice(0, 10).map(line), '  self time by function', ...sorted(selfTime).map(line)].join('\n');
}
