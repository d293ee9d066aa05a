/**
 * bench:corpus: identification and health agreement with LibreNMS over a
 * folder of NAME.snmprec + NAME.expected.json pairs (e.g. ../shared/corpus/librenms,
 * passed as an argument: the corpus is GPL test data and never copied here).
 *
 *   npm run bench:corpus -- DIR [--leave-vendor-out] [--quick] [--no-health] [--verbose] [--worst=N] [--misses] [--by-rule]
 *
 * --leave-vendor-out scores every recording a second time with the
 * hand-written rules and tables of its own vendor switched off (its
 * sysObjectID's enterprise, every enterprise whose private MIB it answers,
 * and the vendor name identification gave it; see rule-owners.ts). Only the
 * generic layer and the knowledge compiled from public sources remain, so
 * the second column estimates what a technician gets on a device family
 * Forewarn has never seen. Both columns are printed side by side.
 *
 * --misses prints, per file, every field that is not a strict match (expected,
 * ours, verdict, and the rule that won); with --leave-vendor-out, the misses
 * of the left-out run. A script, not a test.
 */
import { runHealthBench, printHealthComparison } from './corpus-health';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DeviceType } from '../../shared/device-types';
import { GUESS_BELOW_WEIGHT, typeIsGuess } from '../../shared/assessment/type-certainty';
import { loadWalkFile } from '../../electron/engine/snmp/file-source';
import { countedSource, noReads } from './counted-source';
import { identifyDevice } from '../../electron/engine/identify/identify';
import { deviceVendorScope, type VendorScope } from '../../electron/engine/identify/rule-owners';
import type { Identity } from '../../electron/engine/identify/types';

interface Expected {
  type: string | null;
  os?: string;
  os_text?: string;
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
  'network-device': ['network'],
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

/**
 * Enterprises whose agents are generic software on any hardware (net-snmp,
 * UCD, FreeBSD's bsnmpd): their MIBs are the generic layer, not a vendor's.
 */
const GENERIC_AGENTS = [8072, 2021, 12325];

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** LibreNMS replaces secrets with this; such values are not comparable. */
const REDACTED = /<private>/i;
/** os_text words that name a platform, not a maker: no vendor to compare with. */
const PLATFORM_WORDS = new Set(['linux', 'generic', 'windows', 'freebsd', 'openbsd', 'netbsd', 'solaris', 'unix', 'snmp', 'net-snmp', 'vmware', 'proxmox']);

type Verdict = 'strict' | 'lenient' | 'miss';
function compare(ours: string | null, theirs: string): Verdict {
  if (!ours) return 'miss';
  const a = norm(ours);
  const b = norm(theirs);
  if (a === b) return 'strict';
  return a.includes(b) || b.includes(a) ? 'lenient' : 'miss';
}

/** LibreNMS has no vendor field; its os_text starts with the maker ("Mikrotik RouterOS", "APC Management Module"). */
function vendorAgrees(ours: string | null, expected: Expected): boolean | null {
  const first = norm(expected.os_text ?? '').split(/[\s/]/)[0] ?? '';
  if (!first || PLATFORM_WORDS.has(first)) return null;
  if (!ours) return false;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const a = squash(ours.split(/[\s(]/)[0] ?? '');
  const b = squash(first);
  const text = squash(`${expected.os_text ?? ''} ${expected.os ?? ''}`);
  return a.length > 0 && (text.includes(a) || squash(ours).includes(b));
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

interface Scores {
  type: FieldStats;
  /** Type agreement split by how the app shows the type: stated, or marked "(guess)" (type-certainty.ts). */
  typeStated: FieldStats;
  typeGuessed: FieldStats;
  vendorNamed: FieldStats;
  vendorAgrees: FieldStats;
  model: FieldStats;
  firmware: FieldStats;
  serial: FieldStats;
  perType: Map<string, { n: number; ok: number }>;
  /** Type agreement by the rule that decided the type (--by-rule). */
  perRule: Map<string, { n: number; ok: number }>;
}
const newScores = (): Scores => ({
  type: newStats(), typeStated: newStats(), typeGuessed: newStats(), vendorNamed: newStats(), vendorAgrees: newStats(), model: newStats(), firmware: newStats(), serial: newStats(), perType: new Map(), perRule: new Map(),
});

function count(s: FieldStats, ok: boolean, miss: { name: string; ours: string | null; theirs: string }): void {
  s.n += 1;
  if (ok) {
    s.strict += 1;
    s.lenient += 1;
  } else s.misses.push(miss);
}

function score(scores: Scores, name: string, identity: Identity, expected: Expected, showMisses: boolean, counters: { redacted: number }): void {
  if (expected.type) {
    const ok = COARSE[identity.type].includes(expected.type);
    count(scores.type, ok, { name, ours: identity.type, theirs: expected.type });
    if (identity.type !== 'unknown') {
      const guessed = typeIsGuess({ type: identity.type, identification: { evidence: identity.evidence } });
      count(guessed ? scores.typeGuessed : scores.typeStated, ok, { name, ours: identity.type, theirs: expected.type });
    }
    if (showMisses && !ok) console.log(`MISS\ttype\tmiss\t${name}\texpected=${JSON.stringify(expected.type)}\tours=${JSON.stringify(identity.type)}\trule=${winningRule(identity, 'type')}`);
    const rule = winningRule(identity, 'type').replace(/@[\d.]+$/, '').replace(/^(enterprise-type|enterprise|mib-module|sysobjectid):.*$/, '$1:…');
    const byRule = scores.perRule.get(rule) ?? { n: 0, ok: 0 };
    byRule.n += 1;
    byRule.ok += ok ? 1 : 0;
    scores.perRule.set(rule, byRule);
    const row = scores.perType.get(expected.type) ?? { n: 0, ok: 0 };
    row.n += 1;
    row.ok += ok ? 1 : 0;
    scores.perType.set(expected.type, row);
  }
  count(scores.vendorNamed, identity.vendor != null, { name, ours: null, theirs: expected.os_text ?? '' });
  const agrees = vendorAgrees(identity.vendor, expected);
  if (agrees !== null) {
    count(scores.vendorAgrees, agrees, { name, ours: identity.vendor, theirs: expected.os_text ?? '' });
    if (showMisses && !agrees) console.log(`MISS\tvendor\tmiss\t${name}\texpected=${JSON.stringify(expected.os_text)}\tours=${JSON.stringify(identity.vendor)}\trule=${winningRule(identity, 'vendor')}`);
  }
  const pairs: Array<['model' | 'firmware' | 'serial', string | null, string | null | undefined]> = [
    ['model', identity.model, expected.hardware],
    ['firmware', identity.firmware, expected.version],
    ['serial', identity.serial, expected.serial],
  ];
  for (const [field, ours, theirs] of pairs) {
    if (!theirs || !theirs.trim()) continue;
    if (REDACTED.test(theirs)) {
      counters.redacted += 1;
      continue;
    }
    const s = scores[field];
    s.n += 1;
    const v = compare(ours, theirs);
    if (v === 'strict') s.strict += 1;
    if (v !== 'miss') s.lenient += 1;
    else s.misses.push({ name, ours, theirs });
    if (showMisses && v !== 'strict') console.log(`MISS\t${field}\t${v}\t${name}\texpected=${JSON.stringify(theirs)}\tours=${JSON.stringify(ours)}\trule=${winningRule(identity, field)}`);
  }
}

/** Enterprises whose private subtree (1.3.6.1.4.1.N) a recording answers. */
async function privateEnterprises(path: string): Promise<Set<number>> {
  const text = await readFile(path, 'utf8');
  const out = new Set<number>();
  for (const m of text.matchAll(/^\.?1\.3\.6\.1\.4\.1\.(\d+)[.|]/gm)) out.add(Number(m[1]));
  const objectId = /^\.?1\.3\.6\.1\.2\.1\.1\.2\.0\|6\|\.?1\.3\.6\.1\.4\.1\.(\d+)/m.exec(text);
  if (objectId) out.add(Number(objectId[1]));
  return out;
}

const TARGETS = { type: 90, vendorNamed: 95, model: 75, firmware: 75, serial: 85 } as const;
const LVO_TARGETS = { type: 85, vendorNamed: 95, model: 60, firmware: 65, serial: 60 } as const;

function printIdentity(normal: Scores, lvo: Scores | null): void {
  const rows: Array<[string, keyof Omit<Scores, 'perType' | 'perRule'>]> = [
    ['type', 'type'], ['  stated', 'typeStated'], ['  (guess)', 'typeGuessed'], ['vendor named', 'vendorNamed'], ['vendor = os_text', 'vendorAgrees'], ['model', 'model'], ['firmware', 'firmware'], ['serial', 'serial'],
  ];
  console.log(`field               n   strict  lenient   target${lvo ? '   | leave-vendor-out: strict  lenient  target' : ''}`);
  for (const [label, key] of rows) {
    const s = normal[key];
    const lenient = key === 'model' || key === 'firmware' || key === 'serial' ? s.lenient : s.strict;
    const target = (TARGETS as Record<string, number>)[key];
    let line = `${label.padEnd(17)} ${String(s.n).padStart(3)}   ${pct(s.strict, s.n)}   ${pct(lenient, s.n)}   ${target ? `≥${target}%` : '    '}`;
    if (lvo) {
      const l = lvo[key];
      const lLenient = key === 'model' || key === 'firmware' || key === 'serial' ? l.lenient : l.strict;
      const lTarget = (LVO_TARGETS as Record<string, number>)[key];
      const met = lTarget ? ((100 * lLenient) / Math.max(1, l.n) >= lTarget ? 'met' : 'NOT met') : '';
      // The split rows' counts differ between the runs: say how many devices each share is of.
      const of = l.n === s.n ? '' : `  (of ${l.n})`;
      line += `   |                   ${pct(l.strict, l.n)}   ${pct(lLenient, l.n)}   ${lTarget ? `≥${lTarget}% ${met}` : ''}${of}`;
    }
    console.log(line);
  }
  console.log(`\ntype agreement by LibreNMS type${lvo ? ' (normal | leave-vendor-out)' : ''}:`);
  for (const [type, row] of [...normal.perType.entries()].sort((a, b) => b[1].n - a[1].n)) {
    const l = lvo?.perType.get(type);
    console.log(`  ${type.padEnd(12)} ${String(row.ok).padStart(3)}/${String(row.n).padEnd(3)} ${pct(row.ok, row.n)}${l ? `   | ${String(l.ok).padStart(3)}/${String(l.n).padEnd(3)} ${pct(l.ok, l.n)}` : ''}`);
  }
}

/** Type agreement by the rule that decided it, weakest rules first: how good each prior is. */
function printByRule(scores: Scores, label: string): void {
  console.log(`\n${label}type agreement by the deciding rule (weight below ${GUESS_BELOW_WEIGHT}: shown as a guess):`);
  for (const [rule, row] of [...scores.perRule.entries()].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`  ${rule.padEnd(44)} ${String(row.ok).padStart(3)}/${String(row.n).padEnd(3)} ${pct(row.ok, row.n)}`);
  }
}

function printMismatches(scores: Scores, label: string, worstCount: number): void {
  for (const field of ['type', 'vendorAgrees', 'model', 'firmware', 'serial'] as const) {
    const s = scores[field];
    if (s.misses.length === 0) continue;
    console.log(`\n${label}${field} mismatches (first ${Math.min(worstCount, s.misses.length)} of ${s.misses.length}): name | ours | LibreNMS`);
    for (const m of s.misses.slice(0, worstCount)) console.log(`  ${m.name} | ${m.ours ?? '—'} | ${m.theirs}`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const verbose = args.includes('--verbose');
  const showMisses = args.includes('--misses');
  const quick = args.includes('--quick');
  const leaveVendorOut = args.includes('--leave-vendor-out');
  const worstCount = Number(args.find((a) => a.startsWith('--worst='))?.slice(8) ?? 15);
  if (!dir) {
    console.error('usage: npm run bench:corpus -- DIR [--leave-vendor-out] [--quick] [--no-health] [--verbose] [--worst=N] [--misses] [--by-rule]');
    process.exit(2);
  }
  const names = (await readdir(dir)).filter((f) => f.endsWith('.snmprec')).map((f) => f.slice(0, -'.snmprec'.length)).sort();
  const normal = newScores();
  const lvo = leaveVendorOut ? newScores() : null;
  const scopes = new Map<string, VendorScope>();
  const times: number[] = [];
  const reads = noReads();
  const counters = { redacted: 0 };
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
    const source = countedSource(file, reads);
    let identity: Identity;
    try {
      identity = await identifyDevice(source, {}, { quick });
    } catch (err) {
      console.error(`${name}: ${(err as Error).message}`);
      continue;
    }
    times.push(performance.now() - t0);
    score(normal, name, identity, expected, showMisses && !lvo, counters);
    if (lvo) {
      const scope = deviceVendorScope(await privateEnterprises(join(dir, `${name}.snmprec`)), GENERIC_AGENTS, [identity.vendor]);
      scopes.set(name, scope);
      const left = await identifyDevice(file, {}, { quick, withoutVendor: scope });
      score(lvo, name, left, expected, showMisses, { redacted: 0 });
      if (verbose) console.log(`LVO\t${name}\t${left.type}\t${left.vendor}\t${left.model}\t${left.firmware}\t${left.serial}`);
    }
    if (verbose) console.log(`${name}\t${identity.type}\t${identity.vendor}\t${identity.model}\t${identity.firmware}\t${identity.serial}`);
  }
  const totalMs = performance.now() - started;

  console.log(`\nForewarn identification (${quick ? 'quick: system group only' : 'full'} mode) vs LibreNMS: ${paired} recordings in ${dir}`);
  console.log(`(lenient = case/whitespace-insensitive equality or containment either way; ${counters.redacted} redacted "<private>" values skipped)\n`);
  printIdentity(normal, lvo);
  if (args.includes('--by-rule')) printByRule(lvo ?? normal, lvo ? 'leave-vendor-out ' : '');
  printMismatches(lvo ?? normal, lvo ? 'leave-vendor-out ' : '', worstCount);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`\ntime: ${totalMs.toFixed(0)} ms total, ${(totalMs / Math.max(1, times.length)).toFixed(1)} ms/device mean, ${median.toFixed(1)} ms median, ${(sorted.at(-1) ?? 0).toFixed(1)} ms max (load + identify${lvo ? ', twice' : ''})`);
  const n = Math.max(1, times.length);
  console.log(`reads per device: ${(reads.gets / n).toFixed(1)} GET PDUs (${(reads.getOids / n).toFixed(0)} OIDs), ${(reads.firstRowPdus / n).toFixed(1)} first-row GETNEXT PDUs, ${(reads.walks / n).toFixed(1)} bounded walks`);
  if (!quick && !args.includes('--no-health')) {
    console.log('\n== health readings vs LibreNMS ==');
    const health = await runHealthBench(dir, { verbose, print: !lvo });
    if (lvo) printHealthComparison(health, await runHealthBench(dir, { print: false, scopes }), { verbose });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
