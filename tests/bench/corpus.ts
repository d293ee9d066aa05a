/**
 * bench:corpus: identification agreement with LibreNMS over a folder of
 * NAME.snmprec + NAME.expected.json pairs (e.g. ../shared/corpus/librenms,
 * passed as an argument: the corpus is GPL test data and never copied here).
 *
 *   npm run bench:corpus -- DIR [--quick] [--verbose] [--worst=N] [--misses]
 *
 * Prints type / model / firmware / serial agreement (strict and lenient),
 * a per-type breakdown, the worst mismatches, and timing. --misses prints,
 * per file, every field that is not a strict match (expected, ours, verdict,
 * and the rule that won), to group misses by cause. A script, not a test.
 */
import { runHealthBench } from './corpus-health';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DeviceType } from '../../shared/device-types';
import { loadWalkFile } from '../../electron/engine/snmp/file-source';
import { identifyDevice } from '../../electron/engine/identify/identify';
import type { Identity } from '../../electron/engine/identify/types';
import type { SnmpSource } from '../../electron/engine/snmp/source';

interface Expected {
  type: string | null;
  os?: string;
  hardware?: string | null;
  version?: string | null;
  serial?: string | null;
}

/** Our types → LibreNMS's coarse types. A few of ours have two fair readings. */
const COARSE: Record<DeviceType, readonly string[]> = {
  router: ['network'],
  switch: ['network'],
  'unmanaged-switch': ['network'],
  firewall: ['firewall'],
  'access-point': ['wireless'],
  'wireless-controller': ['wireless'],
  ups: ['power'],
  pdu: ['power'],
  printer: ['printer'],
  nas: ['storage'],
  // LibreNMS files BMCs (iLO, iDRAC) and console servers under "management".
  server: ['server', 'management'],
  hypervisor: ['server'],
  workstation: ['workstation', 'server'],
  'environment-sensor': ['environment'],
  camera: ['appliance'],
  iot: ['appliance'],
  phone: ['appliance'],
  unknown: [],
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** LibreNMS replaces secrets with this; such values are not comparable. */
const REDACTED = /<private>/i;

type Verdict = 'strict' | 'lenient' | 'miss';
function compare(ours: string | null, theirs: string): Verdict {
  if (!ours) return 'miss';
  const a = norm(ours);
  const b = norm(theirs);
  if (a === b) return 'strict';
  return a.includes(b) || b.includes(a) ? 'lenient' : 'miss';
}

/** The rule behind the winning value of a field (highest weight, first on a tie, as pickWinners). */
function winningRule(identity: Identity, field: string): string {
  let best: Identity['evidence'][number] | undefined;
  for (const e of identity.evidence) if (e.field === field && (!best || e.weight > best.weight)) best = e;
  return best ? `${best.rule}@${best.weight}` : '—';
}

interface FieldStats {
  n: number;
  strict: number;
  lenient: number;
  misses: Array<{ name: string; ours: string | null; theirs: string }>;
}
const newStats = (): FieldStats => ({ n: 0, strict: 0, lenient: 0, misses: [] });
const pct = (x: number, n: number) => (n === 0 ? '  n/a' : `${((100 * x) / n).toFixed(1).padStart(5)}%`);

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const verbose = args.includes('--verbose');
  const showMisses = args.includes('--misses');
  const quick = args.includes('--quick');
  const worstCount = Number(args.find((a) => a.startsWith('--worst='))?.slice(8) ?? 15);
  if (!dir) {
    console.error('usage: npm run bench:corpus -- DIR [--quick] [--no-health] [--verbose] [--worst=N] [--misses]');
    process.exit(2);
  }
  const names = (await readdir(dir)).filter((f) => f.endsWith('.snmprec')).map((f) => f.slice(0, -'.snmprec'.length)).sort();
  const fields = { type: newStats(), model: newStats(), firmware: newStats(), serial: newStats() };
  const perType = new Map<string, { n: number; ok: number }>();
  const times: number[] = [];
  const reads = { gets: 0, getOids: 0, walks: 0 };
  let redacted = 0;
  let paired = 0;
  const started = performance.now();

  for (const name of names) {
    let expected: Expected;
    try {
      expected = JSON.parse(await readFile(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
    } catch {
      continue;
    }
    paired += 1;
    const t0 = performance.now();
    const file = await loadWalkFile(join(dir, `${name}.snmprec`), name);
    // Count reads as a live agent would see them (GET PDUs, walks).
    const source: SnmpSource = {
      label: file.label,
      get: (oids, signal) => ((reads.gets += 1), (reads.getOids += oids.length), file.get(oids, signal)),
      walk: (root, options) => ((reads.walks += 1), file.walk(root, options)),
    };
    let identity: Identity;
    try {
      identity = await identifyDevice(source, {}, { quick });
    } catch (err) {
      console.error(`${name}: ${(err as Error).message}`);
      continue;
    }
    times.push(performance.now() - t0);

    if (expected.type) {
      const s = fields.type;
      s.n += 1;
      const ok = COARSE[identity.type].includes(expected.type);
      if (ok) s.strict += 1;
      else s.misses.push({ name, ours: identity.type, theirs: expected.type });
      if (showMisses && !ok) console.log(`MISS\ttype\tmiss\t${name}\texpected=${JSON.stringify(expected.type)}\tours=${JSON.stringify(identity.type)}\trule=${winningRule(identity, 'type')}`);
      const row = perType.get(expected.type) ?? { n: 0, ok: 0 };
      row.n += 1;
      row.ok += ok ? 1 : 0;
      perType.set(expected.type, row);
    }
    const pairs: Array<[keyof typeof fields, string | null, string | null | undefined]> = [
      ['model', identity.model, expected.hardware],
      ['firmware', identity.firmware, expected.version],
      ['serial', identity.serial, expected.serial],
    ];
    for (const [field, ours, theirs] of pairs) {
      if (!theirs || !theirs.trim()) continue;
      if (REDACTED.test(theirs)) {
        redacted += 1;
        continue;
      }
      const s = fields[field];
      s.n += 1;
      const v = compare(ours, theirs);
      if (v === 'strict') s.strict += 1;
      if (v !== 'miss') s.lenient += 1;
      else s.misses.push({ name, ours, theirs });
      if (showMisses && v !== 'strict') console.log(`MISS\t${field}\t${v}\t${name}\texpected=${JSON.stringify(theirs)}\tours=${JSON.stringify(ours)}\trule=${winningRule(identity, field)}`);
    }
    if (verbose) console.log(`${name}\t${identity.type}\t${identity.vendor}\t${identity.model}\t${identity.firmware}\t${identity.serial}`);
  }
  const totalMs = performance.now() - started;

  console.log(`\nForewarn identification (${quick ? 'quick: system group only' : 'full'} mode) vs LibreNMS: ${paired} recordings in ${dir}`);
  console.log(`(lenient = case/whitespace-insensitive equality or containment either way; ${redacted} redacted "<private>" values skipped)\n`);
  console.log('field      n    strict   lenient   target');
  const targets = { type: 90, model: 75, firmware: 75, serial: 85 };
  for (const [field, s] of Object.entries(fields) as Array<[keyof typeof fields, FieldStats]>) {
    const lenient = field === 'type' ? s.strict : s.lenient;
    const met = s.n > 0 && (100 * lenient) / s.n >= targets[field] ? 'met' : 'NOT met';
    console.log(`${field.padEnd(9)} ${String(s.n).padStart(3)}   ${pct(s.strict, s.n)}   ${pct(lenient, s.n)}   ≥${targets[field]}% ${met}`);
  }
  console.log('\ntype agreement by LibreNMS type:');
  for (const [type, row] of [...perType.entries()].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`  ${type.padEnd(12)} ${String(row.ok).padStart(3)}/${String(row.n).padEnd(3)} ${pct(row.ok, row.n)}`);
  }
  for (const [field, s] of Object.entries(fields)) {
    if (s.misses.length === 0) continue;
    console.log(`\n${field} mismatches (first ${Math.min(worstCount, s.misses.length)} of ${s.misses.length}): name | ours | LibreNMS`);
    for (const m of s.misses.slice(0, worstCount)) console.log(`  ${m.name} | ${m.ours ?? '—'} | ${m.theirs}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`\ntime: ${totalMs.toFixed(0)} ms total, ${(totalMs / Math.max(1, times.length)).toFixed(1)} ms/device mean, ${median.toFixed(1)} ms median, ${(sorted.at(-1) ?? 0).toFixed(1)} ms max (load + identify)`);
  const n = Math.max(1, times.length);
  console.log(`reads per device: ${(reads.gets / n).toFixed(1)} GET PDUs (${(reads.getOids / n).toFixed(0)} OIDs), ${(reads.walks / n).toFixed(1)} bounded walks`);
  if (!quick && !args.includes('--no-health')) {
    console.log('\n== health readings vs LibreNMS ==');
    await runHealthBench(dir, { verbose });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
