/**
 * Health agreement with LibreNMS over a folder of NAME.snmprec +
 * NAME.expected.json pairs (e.g. ../shared/corpus/librenms, passed as an
 * argument: GPL test data, never copied here). A script, not a test.
 *
 *   npx tsx tests/bench/corpus-health.ts DIR [--verbose]
 *   (bench:corpus calls runHealthBench(dir) too)
 *
 * Per class:
 * - printer supplies: percent within 1 point (paper trays excluded: not supplies);
 * - UPS (type power with a charge sensor): charge, runtime and battery status all agree;
 * - temperature: devices where LibreNMS has a temperature sensor and we find one; values
 *   of the same OID within 0.5 °C; devices where at least half of LibreNMS's temperatures
 *   are ours within 0.5 °C (same OID, else one of our unmatched temperatures);
 * - fans/PSU state: devices where LibreNMS has fan or power-supply state sensors and our
 *   worst fan/PSU status is the same as its worst;
 * - hardware state: devices with LibreNMS state sensors where our worst state is its worst;
 * - state sensors: for each LibreNMS state sensor we read at the same OID, severity agrees.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadWalkFile } from '../../electron/engine/snmp/file-source';
import { countedSource, noReads, type ReadCounts } from './counted-source';
import { collectHealth } from '../../electron/engine/health/collect';
import type { HealthReadings, Sensor } from '../../shared/health/schema';
import type { VendorScope } from '../../electron/engine/identify/rule-owners';

interface ExpectedSensor {
  class: string;
  current: number | null;
  descr: string;
  oid: string | null;
  state_name?: string | null;
  state_severity?: number | null;
  state_text?: string | null;
}
interface Expected {
  type: string | null;
  sensors?: ExpectedSensor[];
  supplies?: Array<{ capacity: number; current: number; descr: string; type: string }>;
}

interface Tally { ok: number; total: number; misses: string[] }
const tally = (): Tally => ({ ok: 0, total: 0, misses: [] });
const pct = (t: Tally) => (t.total === 0 ? 'n/a' : `${((100 * t.ok) / t.total).toFixed(1)}% (${t.ok}/${t.total})`);
const stripDot = (oid: string | null) => (oid ?? '').replace(/^\./, '');
const SEVERITY: Record<Sensor['status'], number> = { ok: 0, warning: 1, critical: 2, unknown: 3 };

function sensorByOid(h: HealthReadings): Map<string, Sensor> {
  const m = new Map<string, Sensor>();
  for (const s of h.sensors) if (!m.has(s.oids[0]!)) m.set(s.oids[0]!, s);
  return m;
}

export interface HealthBenchResult {
  supplies: Tally;
  suppliesSpecial: number;
  ups: Tally;
  upsFields: Record<'charge' | 'runtime' | 'status', Tally>;
  temperatureDevices: Tally;
  temperatureValues: Tally;
  stateSeverity: Tally;
  stateCoverage: Tally;
  temperatureHalf: Tally;
  fanPsuState: Tally;
  hardwareState: Tally;
  reads: ReadCounts & { devices: number };
}

/** Worst of a set of severities (0 ok, 1 warning, 2 critical); unknown (3) counts for nothing. */
function worst(severities: number[]): number | null {
  const known = severities.filter((s) => s >= 0 && s <= 2);
  return known.length === 0 ? null : Math.max(...known);
}
const FAN_PSU = /\bfans?\b|\bpsu\b|power ?supply|\bpower\b|\bsupply\b|\bpws\b|\bpem\b/i;

/** At least half of LibreNMS's temperatures are ours within 0.5 °C: same OID first, else an unmatched one of ours. */
function halfTemperaturesFound(expected: ExpectedSensor[], ours: Sensor[]): boolean {
  const temps = expected.filter((e) => e.current !== null);
  if (temps.length === 0) return false;
  const unused = new Set(ours);
  let found = 0;
  const rest: ExpectedSensor[] = [];
  for (const e of temps) {
    const same = ours.find((s) => s.oids[0] === stripDot(e.oid));
    if (same && unused.has(same)) {
      unused.delete(same);
      if (same.value !== null && Math.abs(same.value - e.current!) <= 0.5) found++;
    } else rest.push(e);
  }
  for (const e of rest) {
    const near = [...unused].find((s) => s.value !== null && Math.abs(s.value - e.current!) <= 0.5);
    if (near) {
      unused.delete(near);
      found++;
    }
  }
  return found * 2 >= temps.length;
}

export interface HealthBenchOptions {
  verbose?: boolean;
  print?: boolean;
  /** Per recording, the vendor whose hand-written tables are switched off (leave-vendor-out). */
  scopes?: ReadonlyMap<string, VendorScope>;
}

export async function runHealthBench(dir: string, options: HealthBenchOptions = {}): Promise<HealthBenchResult> {
  const r: HealthBenchResult = {
    supplies: tally(), suppliesSpecial: 0, ups: tally(), upsFields: { charge: tally(), runtime: tally(), status: tally() },
    temperatureDevices: tally(), temperatureValues: tally(), stateSeverity: tally(), stateCoverage: tally(),
    temperatureHalf: tally(), fanPsuState: tally(), hardwareState: tally(), reads: { ...noReads(), devices: 0 },
  };
  const names = (await readdir(dir)).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '')).sort();
  const started = performance.now();
  for (const name of names) {
    let expected: Expected;
    try {
      expected = JSON.parse(await readFile(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
    } catch {
      continue;
    }
    const file = await loadWalkFile(join(dir, `${name}.snmprec`), name).catch(() => null);
    if (!file) continue;
    // Vendor tables are asked only of agents that may have them.
    const source = countedSource(file, r.reads);
    r.reads.devices += 1;
    const scope = options.scopes?.get(name);
    const h = await collectHealth(source, scope ? { withoutVendor: scope } : {});
    const byOid = sensorByOid(h);
    const sensors = expected.sensors ?? [];

    // Printer supplies (LibreNMS also lists paper trays as "input": not supplies).
    for (const e of (expected.supplies ?? []).filter((s) => s.type !== 'input')) {
      const ours = h.supplies.find((s) => s.name === e.descr);
      if (ours?.someRemaining && e.current === 50) {
        r.suppliesSpecial++;
        continue;
      }
      r.supplies.total++;
      if (ours && ours.percent !== null && Math.abs(ours.percent - e.current) <= 1) r.supplies.ok++;
      else r.supplies.misses.push(`${name} ${e.descr}: ours ${ours?.percent ?? 'none'} vs ${e.current}`);
    }

    // UPS: a power device with a charge sensor.
    const charge = sensors.find((s) => s.class === 'charge');
    if (expected.type === 'power' && charge) {
      r.ups.total++;
      const checks: boolean[] = [];
      const check = (field: 'charge' | 'runtime' | 'status', ok: boolean, detail: string) => {
        r.upsFields[field].total++;
        if (ok) r.upsFields[field].ok++;
        else r.upsFields[field].misses.push(`${name} ${detail}`);
        checks.push(ok);
      };
      check('charge', h.ups?.chargePercent != null && Math.abs(h.ups.chargePercent - (charge.current ?? NaN)) <= 1, `charge ours ${h.ups?.chargePercent} vs ${charge.current}`);
      const runtime = sensors.find((s) => s.class === 'runtime' && !/on battery/i.test(s.descr));
      if (runtime?.current != null) {
        const ours = h.ups?.runtimeMinutes;
        check('runtime', ours != null && Math.abs(ours - runtime.current) <= Math.max(0.5, runtime.current * 0.01), `runtime ours ${ours} vs ${runtime.current}`);
      }
      const status = sensors.find((s) => s.class === 'state' && /battery.?status/i.test(`${s.state_name} ${s.descr}`) && !/replace/i.test(s.descr));
      if (status) {
        const oursSeverity = h.ups?.batteryStatus == null ? null : h.ups.batteryStatus === 'normal' ? 0 : h.ups.batteryStatus === 'unknown' ? 3 : 2;
        const theirs = status.state_severity === 1 ? 2 : status.state_severity;
        check('status', oursSeverity === theirs, `battery status ours ${h.ups?.batteryStatus} vs ${status.state_text}`);
      }
      if (checks.every(Boolean)) r.ups.ok++;
      else r.ups.misses.push(name);
    }

    // Temperatures.
    const temps = sensors.filter((s) => s.class === 'temperature');
    if (temps.length > 0) {
      r.temperatureDevices.total++;
      if (h.sensors.some((s) => s.kind === 'temperature')) r.temperatureDevices.ok++;
      else r.temperatureDevices.misses.push(name);
      r.temperatureHalf.total++;
      if (halfTemperaturesFound(temps, h.sensors.filter((s) => s.kind === 'temperature'))) r.temperatureHalf.ok++;
      else r.temperatureHalf.misses.push(name);
      for (const e of temps) {
        const ours = byOid.get(stripDot(e.oid));
        if (!ours || ours.kind !== 'temperature' || e.current === null) continue;
        r.temperatureValues.total++;
        if (ours.value !== null && Math.abs(ours.value - e.current) <= 0.5) r.temperatureValues.ok++;
        else r.temperatureValues.misses.push(`${name} ${e.descr}: ours ${ours.value} vs ${e.current}`);
      }
    }

    // Device-level hardware state: our worst state against LibreNMS's worst.
    const states = sensors.filter((s) => s.class === 'state' && s.state_severity != null);
    const ourStates = h.sensors.filter((s) => s.kind === 'state');
    const theirWorst = worst(states.map((s) => s.state_severity!));
    if (theirWorst !== null) {
      r.hardwareState.total++;
      const ourWorst = worst(ourStates.map((s) => SEVERITY[s.status]));
      if (ourWorst === theirWorst) r.hardwareState.ok++;
      else r.hardwareState.misses.push(`${name}: ours ${ourWorst} vs ${theirWorst}`);
    }
    const fanPsu = states.filter((s) => FAN_PSU.test(`${s.descr} ${s.state_name ?? ''}`));
    const theirFanPsu = worst(fanPsu.map((s) => s.state_severity!));
    if (theirFanPsu !== null) {
      r.fanPsuState.total++;
      const ourFanPsu = worst(ourStates.filter((s) => s.component === 'fan' || s.component === 'psu').map((s) => SEVERITY[s.status]));
      if (ourFanPsu === theirFanPsu) r.fanPsuState.ok++;
      else r.fanPsuState.misses.push(`${name}: ours ${ourFanPsu} vs ${theirFanPsu}`);
    }

    // State sensors.
    for (const e of sensors.filter((s) => s.class === 'state' && s.state_severity != null)) {
      r.stateCoverage.total++;
      const ours = byOid.get(stripDot(e.oid));
      if (!ours || ours.kind !== 'state') continue;
      r.stateCoverage.ok++;
      r.stateSeverity.total++;
      if (SEVERITY[ours.status] === e.state_severity) r.stateSeverity.ok++;
      else r.stateSeverity.misses.push(`${name} ${e.descr} (${e.state_name}=${e.current} ${e.state_text}): ours ${ours.status} ${ours.stateText} vs ${e.state_severity}`);
    }
  }
  if (options.print !== false) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\nHealth agreement with LibreNMS (${names.length} recordings, ${seconds} s)`);
    console.log(`  printer supplies within 1 point:     ${pct(r.supplies)}  target ≥95%  (+${r.suppliesSpecial} "some remaining" (−3) that LibreNMS shows as 50%)`);
    console.log(`  UPS charge+runtime+battery status:  ${pct(r.ups)}  target ≥95%`);
    console.log(`    charge ${pct(r.upsFields.charge)}, runtime ${pct(r.upsFields.runtime)}, battery status ${pct(r.upsFields.status)}`);
    console.log(`  temperature sensors found (devices): ${pct(r.temperatureDevices)}  target ≥85%`);
    console.log(`  temperature values within 0.5 °C:   ${pct(r.temperatureValues)}  (sensors read at the same OID)`);
    console.log(`  state sensor severity agreement:    ${pct(r.stateSeverity)}  target ≥90%  (coverage: ${pct(r.stateCoverage)} of LibreNMS state sensors read)`);
    console.log(`  temperatures, half found within 0.5 °C (devices): ${pct(r.temperatureHalf)}`);
    console.log(`  fans/PSU worst state agrees (devices): ${pct(r.fanPsuState)}`);
    console.log(`  hardware worst state agrees (devices): ${pct(r.hardwareState)}`);
    console.log(`  reads per device: ${(r.reads.walks / Math.max(1, r.reads.devices)).toFixed(1)} bounded walks, ${((r.reads.gets + r.reads.firstRowPdus) / Math.max(1, r.reads.devices)).toFixed(1)} GET/GETNEXT PDUs`);
    if (options.verbose) {
      printMisses(r);
    }
  }
  return r;
}

function printMisses(r: HealthBenchResult): void {
  const lists = { supplies: r.supplies, ups: r.ups, ...r.upsFields, temperatureDevices: r.temperatureDevices, temperatureHalf: r.temperatureHalf, temperatureValues: r.temperatureValues, stateSeverity: r.stateSeverity, fanPsuState: r.fanPsuState, hardwareState: r.hardwareState };
  for (const [label, t] of Object.entries(lists)) {
    if (t.misses.length) console.log(`\n  ${label} misses:\n    ${t.misses.slice(0, 60).join('\n    ')}`);
  }
}

/** The health figures of a normal and a leave-vendor-out run side by side. */
export function printHealthComparison(normal: HealthBenchResult, left: HealthBenchResult, options: { verbose?: boolean } = {}): void {
  const rows: Array<[string, (r: HealthBenchResult) => Tally, string]> = [
    ['temperatures: half found within 0.5 °C (devices)', (r) => r.temperatureHalf, '≥60%'],
    ['temperature sensors found (devices)', (r) => r.temperatureDevices, ''],
    ['temperature values within 0.5 °C (same OID)', (r) => r.temperatureValues, ''],
    ['fans/PSU worst state agrees (devices)', (r) => r.fanPsuState, ''],
    ['hardware worst state agrees (devices)', (r) => r.hardwareState, ''],
    ['state sensor severity (same OID)', (r) => r.stateSeverity, ''],
    ['state sensors read (coverage)', (r) => r.stateCoverage, ''],
    ['UPS charge+runtime+battery status', (r) => r.ups, ''],
    ['printer supplies within 1 point', (r) => r.supplies, ''],
  ];
  console.log(`\n${'health'.padEnd(50)} ${'normal'.padEnd(20)} leave-vendor-out`);
  for (const [label, pick, target] of rows) console.log(`  ${label.padEnd(48)} ${pct(pick(normal)).padEnd(20)} ${pct(pick(left))} ${target}`);
  const perDevice = (r: HealthBenchResult) => `${(r.reads.walks / Math.max(1, r.reads.devices)).toFixed(1)} walks, ${((r.reads.gets + r.reads.firstRowPdus) / Math.max(1, r.reads.devices)).toFixed(1)} GET(NEXT)s`;
  console.log(`  ${'reads per device'.padEnd(48)} ${perDevice(normal).padEnd(20)} ${perDevice(left)}`);
  if (options.verbose) printMisses(left);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: tsx tests/bench/corpus-health.ts DIR [--verbose]');
    process.exit(2);
  }
  await runHealthBench(dir, { verbose: process.argv.includes('--verbose') });
}
