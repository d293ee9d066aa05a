/**
 * npm run bench:discovery [-- --rounds N] [--skip-lan] [--skip-rescan] [--skip-wide] [--skip-void] [--skip-start] [--void-concurrency N]
 *
 * Prints figures (it is not a test):
 *  1. The lab /24 quick sweep: `forewarn scan --quick` as a whole process vs
 *     `nmap -sn` on the same lab, alternating, median of N rounds (default 5),
 *     with the hosts each found checked against the lab's truth, and the
 *     same sweep at `--timeout 500` (the README's faster setting).
 *  2. Time from scan start (and from process start) to the first device-found.
 *  2b. The same /24 swept again once the neighbour table has aged, as root
 *     and as an ordinary user (`setpriv`, as the desktop app runs).
 *  2c. An empty on-link /22: Forewarn's ARP priming at scale vs `nmap -sn`.
 *  3. A mostly empty /16 routed to a namespace that drops it: wall time, peak
 *     RSS (from /usr/bin/time) and the largest neighbour table seen.
 *  4. Start-up cost in CPU time: `forewarn --version` (whole process), and a
 *     scan's CPU from process start to its scan-started event (read from
 *     /proc when the event arrives). Target < 150 ms each.
 * Runs everything inside the lab's technician namespace. Needs root.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ageTechNeighbourTable, execInTech, execInTechAsUser, labDown, labStatus, labUp, truth } from '../lab/lab';
import { acquireLabLock } from '../lab/lock';
import { runInNamespace } from '../lab/run';
import { createWideSegment, removeWideSegment, wideSegment } from '../lab/wide-segment';
import { useShippedCli } from './shipped-cli';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'electron/cli/bin.mjs');
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rounds = Number(flag('--rounds')) || 5;
/** The /16 at the CLI's default concurrency takes minutes; a higher one shows the time/memory trade. */
const voidConcurrency = flag('--void-concurrency');
const work = mkdtempSync(join(tmpdir(), 'forewarn-bench-'));
chmodSync(work, 0o1777); // the rescan also runs forewarn as an ordinary user, who writes its documents here
/** Another run may hold the lab; wait for it. */
const LAB_WAIT_MS = 30 * 60_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

async function forewarnQuick(round: number, { asOrdinaryUser = false, extraArgs = [] as string[] } = {}) {
  const json = join(work, `fw-${round}.json`);
  const events = join(work, `fw-${round}.ndjson`);
  rmSync(json, { force: true });
  rmSync(events, { force: true });
  const command = [BIN, 'scan', truth.lanCidr, '--quick', '--json', json, '--events', events, ...extraArgs];
  const { ms, result } = await timed(() =>
    asOrdinaryUser
      ? execInTechAsUser(work, process.execPath, command, { timeoutMs: 120_000 })
      : execInTech(process.execPath, command, { timeoutMs: 120_000 }),
  );
  if (result.code !== 0) throw new Error(`forewarn failed: ${result.stderr}`);
  const doc = JSON.parse(readFileSync(json, 'utf8')) as { devices: Array<{ ip: string }> };
  const lines = readFileSync(events, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; elapsedMs: number; device?: { ip?: string } });
  const started = lines.find((e) => e.type === 'scan-started')!.elapsedMs;
  const found = lines.filter((e) => e.type === 'device-found');
  const first = found[0]?.elapsedMs ?? NaN;
  const foundFromScanStart = new Map(found.map((e) => [e.device?.ip ?? '', e.elapsedMs - started]));
  return { ms, ips: doc.devices.map((d) => d.ip), firstFromScanStart: first - started, firstFromProcessStart: first, foundFromScanStart };
}

/**
 * A sweep waits out one timeout (and, at the default, the OS's second ARP
 * request): the README's faster setting, timed beside the default.
 */
const SHORT_TIMEOUT_MS = 500;

async function nmapSweep() {
  const { ms, result } = await timed(() => execInTech('nmap', ['-sn', '-n', '-oG', '-', truth.lanCidr], { timeoutMs: 120_000 }));
  const ips = [...result.stdout.matchAll(/^Host: (\S+) .*Status: Up/gm)].map((m) => m[1]!);
  return { ms, ips };
}

function judge(ips: string[]): string {
  const expected = new Set([...truth.liveLanIps, truth.technician.ip]);
  const missing = [...expected].filter((ip) => !ips.includes(ip));
  const phantom = ips.filter((ip) => !expected.has(ip));
  return `${ips.length} hosts (missing ${missing.length}${missing.length ? `: ${missing.join(' ')}` : ''}; phantom ${phantom.length})`;
}

async function lanSweep(): Promise<void> {
  await useShippedCli();
  await forewarnQuick(0); // warm the page cache for both tools
  await nmapSweep();
  const fw: Awaited<ReturnType<typeof forewarnQuick>>[] = [];
  const fast: Awaited<ReturnType<typeof forewarnQuick>>[] = [];
  const nm: Awaited<ReturnType<typeof nmapSweep>>[] = [];
  for (let i = 1; i <= rounds; i += 1) {
    const runs = [
      async () => fw.push(await forewarnQuick(i)),
      async () => fast.push(await forewarnQuick(i, { extraArgs: ['--timeout', String(SHORT_TIMEOUT_MS)] })),
      async () => nm.push(await nmapSweep()),
    ];
    for (const run of i % 2 ? runs : runs.reverse()) await run();
  }
  const fwMedian = median(fw.map((r) => r.ms));
  const fastMedian = median(fast.map((r) => r.ms));
  const nmMedian = median(nm.map((r) => r.ms));
  console.log(`\n== ${truth.lanCidr} sweep, ${rounds} alternating rounds (whole processes, in fw-tech) ==`);
  console.log(`forewarn scan --quick : median ${fmt(fwMedian)}  [${fw.map((r) => fmt(r.ms)).join(', ')}]  ${judge(fw.at(-1)!.ips)}`);
  console.log(`  ... --timeout ${SHORT_TIMEOUT_MS}  : median ${fmt(fastMedian)}  [${fast.map((r) => fmt(r.ms)).join(', ')}]  ${judge(fast.at(-1)!.ips)}`);
  console.log(`nmap -sn              : median ${fmt(nmMedian)}  [${nm.map((r) => fmt(r.ms)).join(', ')}]  ${judge(nm.at(-1)!.ips)}`);
  console.log(`ratio forewarn/nmap   : ${(fwMedian / nmMedian).toFixed(2)}× at the default timeout, ${(fastMedian / nmMedian).toFixed(2)}× at ${SHORT_TIMEOUT_MS} ms`);
  console.log(`first device-found    : median ${median(fw.map((r) => r.firstFromScanStart)).toFixed(0)} ms after scan-started, ${median(fw.map((r) => r.firstFromProcessStart)).toFixed(0)} ms after process start (target ≤ 300 ms)`);
}

/**
 * The sweep a technician runs again: the laptop's neighbour table still holds
 * the last scan's entries, aged (STALE). Each old entry must be proven afresh;
 * as root Forewarn forgets them, as an ordinary user it takes a probe's answer
 * or the kernel's own re-check (5 s). nmap asks by raw ARP and never reads the table.
 */
async function rescanSweep(): Promise<void> {
  await useShippedCli();
  const answering = truth.hosts.filter((h) => h.answersPing || h.snmp).map((h) => h.ip);
  const sweep = async (user: 'root' | 'nobody') => {
    await forewarnQuick(0); // leaves every host's entry in the table
    await ageTechNeighbourTable();
    const result = await forewarnQuick(-1, { asOrdinaryUser: user === 'nobody' });
    const lastAnswering = Math.max(...answering.map((ip) => result.foundFromScanStart.get(ip) ?? Infinity));
    return { ...result, lastAnswering };
  };
  console.log(`\n== ${truth.lanCidr} rescan, neighbour table aged (STALE), ${rounds} rounds each ==`);
  for (const user of ['root', 'nobody'] as const) {
    const runs = [];
    for (let i = 0; i < rounds; i += 1) runs.push(await sweep(user));
    const label = user === 'root' ? 'forewarn as root       ' : 'forewarn as a user     ';
    console.log(`${label}: median ${fmt(median(runs.map((r) => r.ms)))}  [${runs.map((r) => fmt(r.ms)).join(', ')}]  ${judge(runs.at(-1)!.ips)}; every ping/SNMP-answering host listed by ${fmt(median(runs.map((r) => r.lastAnswering)))} after scan-started`);
  }
}

/** An empty on-link /22 (its own namespaces, see tests/lab/wide-segment.ts): ARP priming at scale, vs nmap's ARP scan. */
async function wideSweep(): Promise<void> {
  await useShippedCli();
  await createWideSegment();
  try {
    const { scanner, cidr } = wideSegment;
    const json = join(work, 'wide.json');
    const forewarn = await timed(() => runInNamespace(scanner, '/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, BIN, 'scan', cidr, '--quick', '--json', json], { timeoutMs: 600_000 }));
    if (forewarn.result.code !== 0) throw new Error(`the /22 sweep failed: ${forewarn.result.stderr.slice(-2000)}`);
    const rssKb = Number(/maxrss_kb=(\d+)/.exec(forewarn.result.stderr)?.[1] ?? NaN);
    const nmap = await timed(() => runInNamespace(scanner, 'nmap', ['-sn', '-n', cidr], { timeoutMs: 600_000 }));
    console.log(`\n== ${cidr}, on-link and empty (every address waits out its ARP requests) ==`);
    console.log(`forewarn scan --quick : ${fmt(forewarn.ms)}, peak RSS ${(rssKb / 1024).toFixed(0)} MB`);
    console.log(`nmap -sn              : ${fmt(nmap.ms)}`);
  } finally {
    await removeWideSegment();
  }
}

async function voidSweep(): Promise<void> {
  await useShippedCli();
  const cidr = truth.voidNetwork.cidr;
  const json = join(work, 'void.json');
  let maxNeighbours = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const { stdout } = await execInTech('ip', ['-4', 'neigh', 'show'], { timeoutMs: 5_000 });
      maxNeighbours = Math.max(maxNeighbours, stdout.trim() ? stdout.trim().split('\n').length : 0);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const { ms, result } = await timed(() =>
    execInTech('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, BIN, 'scan', cidr, '--quick', '--json', json, ...(voidConcurrency ? ['--concurrency', voidConcurrency] : [])], {
      timeoutMs: 1_800_000,
    }),
  );
  polling = false;
  await poll;
  if (result.code !== 0) throw new Error(`the /16 sweep failed (exit ${result.code}): ${result.stderr.slice(-2000)}`);
  const rssKb = Number(/maxrss_kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  const doc = JSON.parse(readFileSync(json, 'utf8')) as { devices: Array<{ ip: string }> };
  const liveFound = truth.voidNetwork.liveAddresses.filter((ip) => doc.devices.some((d) => d.ip === ip)).length;
  console.log(`\n== ${cidr} (mostly empty, routed, silently dropped; concurrency ${voidConcurrency ?? 'default'}) ==`);
  console.log(`time ${fmt(ms)}, peak RSS ${(rssKb / 1024).toFixed(0)} MB (target < 300 MB), ${doc.devices.length} devices (${liveFound}/${truth.voidNetwork.liveAddresses.length} live ones), largest neighbour table ${maxNeighbours} entries, exit ${result.code}`);
}

/** CPU time (user + system) a process has used so far, from /proc (Linux clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14, 15 of stat)
}

/** CPU used up to the moment `forewarn` prints `marker` on stdout (its own process; the netns wrapper execs it). */
function cpuUntil(args: string[], marker: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', truth.technician.namespace, process.execPath, BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let cpu: number | null = null;
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (cpu === null && marker.test(seen)) cpu = cpuMsOf(child.pid!);
    });
    child.once('error', reject);
    child.once('exit', () => (cpu === null ? reject(new Error(`no ${marker} from forewarn ${args.join(' ')}`)) : resolve(cpu)));
  });
}

async function startCost(): Promise<void> {
  await useShippedCli();
  const version: number[] = [];
  const scanStart: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    // --version exits at once: its CPU is read from the last line it prints, just before exit.
    version.push(await cpuUntil(['--version'], /\d+\.\d+\.\d+/));
    scanStart.push(await cpuUntil(['scan', truth.router.ip, '--quick', '--events', '-', '--timeout', '300'], /"type":"scan-started"/));
  }
  console.log(`\n== start-up CPU (user + system), median of ${rounds} ==`);
  console.log(`forewarn --version        : ${median(version)} ms  [${version.join(', ')}] (target < 150 ms)`);
  console.log(`scan, until scan-started  : ${median(scanStart)} ms  [${scanStart.join(', ')}] (target < 150 ms)`);
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench:discovery needs root (it uses the lab network namespaces)');
  // Hold the lab like a test run does, so no run tears it down under a sweep that takes minutes.
  const releaseLab = await acquireLabLock(LAB_WAIT_MS, (line) => console.error(line));
  const wasUp = (await labStatus()).up;
  try {
    if (!wasUp) await labUp();
    if (!args.includes('--skip-lan')) await lanSweep();
    if (!args.includes('--skip-rescan')) await rescanSweep();
    if (!args.includes('--skip-wide')) await wideSweep();
    if (!args.includes('--skip-void')) await voidSweep();
    if (!args.includes('--skip-start')) await startCost();
  } finally {
    if (!wasUp) await labDown();
    releaseLab();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
