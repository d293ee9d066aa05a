/**
 * npm run bench:assessment [-- --per-agent]   (root: it uses the lab's network namespaces)
 *
 * The full assessment of the lab against the reference tool doing the same
 * reads: every subtree Forewarn walked on each agent (recorded in
 * assessment-trace.ts), read again with net-snmp's `snmpbulkwalk` (or
 * `snmpbulkget` for a bounded first-rows read), each agent's reads one after
 * another, all agents at once. Prints both wall times and their ratio
 * (issue 12's target: ≤ 1.2×), and the whole `forewarn scan` command's time.
 * The ratio compares the same agents on both sides: Forewarn's side is the
 * longest time any of them took from its first read to its last answer (a
 * device is read from the moment discovery finds it). The assessment phase
 * (from the end of discovery to the end, which also waits for the lab's
 * misbehaving agents the reference leaves out) is printed beside it.
 * The counter interval of a real assessment (10 s of waiting) is set to 0 on both sides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execInTech, labDown, labStatus, labUp, truth } from '../lab/lab';
import { acquireLabLock } from '../lab/lock';
import { useShippedCli } from './shipped-cli';
import type { RecordedWalk } from './assessment-trace';
import { FIRST_ROWS_PER_PDU } from '../../electron/engine/snmp/live-source';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'electron/cli/bin.mjs');
const TRACE = join(ROOT, 'tests/bench/assessment-trace.ts');
const LAB_WAIT_MS = 30 * 60_000;
/** Reads up to this many rows are one GETBULK (a first-row sample, a census hop), not a walk. */
const ONE_PDU_ROWS = 10;

function credentials() {
  const communities = ['public'];
  const v3: string[] = [];
  for (const host of truth.snmpHosts) {
    const c = host.snmp!;
    if (c.version === '2c' && !communities.includes(c.community)) communities.push(c.community);
    if (c.version === '3') v3.push([c.user, c.authProtocol.toLowerCase(), c.authKey, c.privProtocol.toLowerCase(), c.privKey].join(':'));
  }
  return { communities, v3 };
}

/** net-snmp command-line options that reach this lab agent. */
function agentOptions(ip: string): string[] | null {
  const c = truth.hosts.find((h) => h.ip === ip)?.snmp;
  if (!c) return null;
  if (c.version === '2c') return ['-v2c', '-c', c.community];
  return ['-v3', '-l', 'authPriv', '-u', c.user, '-a', c.authProtocol, '-A', c.authKey, '-x', c.privProtocol, '-X', c.privKey];
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The shell commands that read what Forewarn read from one agent. */
function readsOf(ip: string, walks: RecordedWalk[]): string {
  const options = agentOptions(ip)!.map(quote).join(' ');
  return walks
    .map((w) => {
      // A batched first-row read is one GETNEXT for every FIRST_ROWS_PER_PDU columns.
      if (w.columns) return chunks(w.columns, FIRST_ROWS_PER_PDU).map((c) => `snmpgetnext -On ${options} ${ip} ${c.join(' ')}`).join(' >/dev/null 2>&1\n');
      const from = w.startAfter ?? w.root;
      // A bounded first-rows read is a single GETBULK from where it starts.
      if (w.maxRows !== null && w.maxRows <= ONE_PDU_ROWS) return `snmpbulkget -On -Cn0 -Cr${w.maxRows} ${options} ${ip} ${from}`;
      return `snmpbulkwalk -On ${options} ${ip} ${w.root}`;
    })
    .join(' >/dev/null 2>&1\n') + ' >/dev/null 2>&1';
}

async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench:assessment needs root (it uses the lab network namespaces)');
  const releaseLab = await acquireLabLock(LAB_WAIT_MS, (line) => console.error(line));
  const wasUp = (await labStatus()).up;
  const work = mkdtempSync(join(tmpdir(), 'forewarn-bench-assessment-'));
  try {
    if (!wasUp) await labUp();
    const creds = credentials();
    const flags = [...creds.communities.flatMap((c) => ['--community', c]), ...creds.v3.flatMap((v) => ['--v3', v])];

    await useShippedCli();
    const scan = () => execInTech(process.execPath, [BIN, 'scan', truth.lanCidr, ...flags, '--sample-interval', '0', '--json', join(work, 'scan.json')], { timeoutMs: 300_000 });
    await scan(); // the simulator's agents load their recordings on first use
    const cli = await timed(scan);
    if (cli.result.code !== 0) throw new Error(`forewarn scan failed: ${cli.result.stderr}`);

    const traced = await execInTech(process.execPath, ['--import', 'tsx', TRACE, JSON.stringify({ target: truth.lanCidr, ...creds })], { timeoutMs: 300_000 });
    if (traced.code !== 0) throw new Error(`the traced assessment failed: ${traced.stderr}`);
    const trace = JSON.parse(traced.stdout.trim().split('\n').at(-1)!) as { wallMs: number; assessMs: number; readSpanMs: Record<string, number>; devices: number; walks: Record<string, RecordedWalk[]> };
    // The lab's misbehaving agents (looping, babbling) are there to break scanners; the reference tool
    // spends a minute on one of them, so the ratio is taken over the well-behaved agents (the stricter figure).
    const misbehaving = new Set(truth.misbehavingHosts.map((h) => h.ip));
    const agents = Object.entries(trace.walks).filter(([ip]) => agentOptions(ip) && !misbehaving.has(ip));
    const reads = agents.reduce((n, [, w]) => n + w.length, 0);
    // Forewarn's reading of those same agents, each from its first read to its last answer, all at once as in the reference.
    const sameAgentsMs = Math.max(...agents.map(([ip]) => trace.readSpanMs[ip] ?? 0));

    const perAgent: Array<[string, number, number]> = [];
    const reference = await timed(() =>
      Promise.all(
        agents.map(async ([ip, walks]) => {
          const { ms } = await timed(() => execInTech('sh', ['-c', readsOf(ip, walks)], { timeoutMs: 300_000 }));
          perAgent.push([ip, walks.length, ms]);
        }),
      ),
    );

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`\n== full assessment of ${truth.lanCidr}: ${trace.devices} devices; reference over ${agents.length} well-behaved SNMP agents, ${reads} subtree reads reaching them ==`);
    console.log(`forewarn scan (whole command, --sample-interval 0) : ${s(cli.ms)}`);
    console.log(`forewarn, in process                              : ${s(trace.wallMs)} (discovery, then identification, health and wiring: ${s(trace.assessMs)})`);
    console.log(`snmpbulkwalk/-get of the same reads, agents in parallel: ${s(reference.ms)}`);
    console.log(`forewarn reading the same agents (longest span)    : ${s(sameAgentsMs)}`);
    console.log(`ratio forewarn, same agents / reference            : ${(sameAgentsMs / reference.ms).toFixed(2)}× (target ≤ 1.2×)`);
    console.log(`ratio forewarn assessment phase / reference        : ${(trace.assessMs / reference.ms).toFixed(2)}× (the phase starts as discovery ends, and also waits for the misbehaving agents)`);
    console.log(`ratio forewarn in process / reference              : ${(trace.wallMs / reference.ms).toFixed(2)}× (discovery included)`);
    if (process.argv.includes('--per-agent')) {
      for (const [ip, n, ms] of perAgent.sort((a, b) => b[2] - a[2])) console.log(`  ${ip.padEnd(12)} ${String(n).padStart(4)} reads  reference ${s(ms)}, forewarn ${s(trace.readSpanMs[ip] ?? 0)}`);
    }
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
