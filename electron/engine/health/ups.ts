/**
 * UPS battery and output state. One declarative table of sources per field;
 * for each field the first source the agent answers wins, vendor MIBs (more
 * precise) before the RFC 1628 standard. Adding a vendor = adding rows.
 */
import type { Ups } from '../../../shared/health/schema';
import type { VarBind } from '../snmp/source';
import { asNumber, asText } from '../snmp/varbind-values';
import { round } from '../util/round';
import { readScalars, vendorEnterprises, vendorTableOff, type HealthContext } from './table';
import { compiledUpsObjects } from '../knowledge/sensor-objects';

type UpsField = Exclude<keyof Ups, 'oids' | 'onBattery'>;

interface FieldSource {
  oid: string;
  /** Turns the raw varbind into the normalised value; null = "not answered". */
  read: (vb: VarBind) => Ups[UpsField] | null;
}

const num = (scale = 1, digits = 2) => (vb: VarBind) => {
  const n = asNumber(vb);
  return n === null ? null : round(n * scale, digits);
};
/** A percentage that must be 0..100 (some agents send 255 or −1 for "unknown"). */
const pct = (scale = 1) => (vb: VarBind) => {
  const n = asNumber(vb);
  return n === null || n * scale < 0 || n * scale > 100 ? null : round(n * scale, 1);
};
const load = (scale = 1) => (vb: VarBind) => {
  const n = asNumber(vb);
  return n === null || n < 0 || n * scale > 250 ? null : round(n * scale, 1);
};
const ticksToMinutes = (vb: VarBind) => {
  const n = asNumber(vb);
  return n === null || n < 0 ? null : round(n / 6000, 2);
};
const enumOf = <T extends string | boolean>(map: Record<number, T>) => (vb: VarBind) => map[asNumber(vb) ?? -999] ?? null;
const date = (vb: VarBind) => parseUpsDate(asText(vb));

/** APC/CyberPower/PPC battery status (PowerNet upsBasicBatteryStatus layout). */
const BASIC_BATTERY = { 1: 'unknown', 2: 'normal', 3: 'low', 4: 'fault', 5: 'not-present' } as const;
/** RFC 1628 upsBatteryStatus. */
const RFC_BATTERY = { 1: 'unknown', 2: 'normal', 3: 'low', 4: 'depleted' } as const;
/** PowerNet upsBasicOutputStatus (CyberPower and PPC share the first values). */
const APC_OUTPUT = {
  1: 'unknown', 2: 'online', 3: 'battery', 4: 'boost', 5: 'sleeping', 6: 'bypass', 7: 'off', 8: 'rebooting',
  9: 'bypass', 10: 'bypass', 11: 'sleeping', 12: 'trim', 13: 'eco', 14: 'hot-standby', 15: 'battery-test', 16: 'bypass',
} as const;
const CYBERPOWER_OUTPUT = { 1: 'unknown', 2: 'online', 3: 'battery', 4: 'boost', 5: 'sleeping', 6: 'off', 7: 'rebooting' } as const;
/** PPC upsBaseOutputStatus: 6 is bypass, 9 is buck (trim). */
const PPC_OUTPUT = { 1: 'unknown', 2: 'online', 3: 'battery', 4: 'boost', 5: 'sleeping', 6: 'bypass', 7: 'rebooting', 8: 'standby', 9: 'trim' } as const;
/** RFC 1628 upsOutputSource. */
const RFC_OUTPUT = { 1: 'other', 2: 'off', 3: 'online', 4: 'bypass', 5: 'battery', 6: 'boost', 7: 'trim' } as const;
const APC_TEST = { 1: 'passed', 2: 'failed', 3: 'invalid', 4: 'in-progress' } as const;
const RFC_TEST = { 1: 'passed', 2: 'passed', 3: 'failed', 4: 'invalid', 5: 'in-progress' } as const;
const REPLACE_2 = { 1: false, 2: true } as const;

/** RFC 1628 layout, also mirrored under some vendors' enterprise trees (e.g. Tripp Lite/webpower 2468). */
function rfc1628(root: string): Partial<Record<UpsField, FieldSource[]>> {
  return {
    batteryStatus: [{ oid: `${root}.2.1.0`, read: enumOf(RFC_BATTERY) }],
    runtimeMinutes: [{ oid: `${root}.2.3.0`, read: num(1) }],
    chargePercent: [{ oid: `${root}.2.4.0`, read: pct() }],
    batteryTemperatureC: [{ oid: `${root}.2.7.0`, read: num(1) }],
    outputStatus: [{ oid: `${root}.4.1.0`, read: enumOf(RFC_OUTPUT) }],
    loadPercent: [{ oid: `${root}.4.4.1.5.1`, read: load() }],
    selfTestResult: [{ oid: `${root}.7.3.0`, read: enumOf(RFC_TEST) }],
  };
}

const APC = '1.3.6.1.4.1.318.1.1.1';
const CYBERPOWER = '1.3.6.1.4.1.3808.1.1.1';
const PPC = '1.3.6.1.4.1.935.1.1.1';
const EATON_XUPS = '1.3.6.1.4.1.534.1';

/** Per-family sources, in order of preference within each field. */
export const UPS_SOURCES: Array<Partial<Record<UpsField, FieldSource[]>>> = [
  {
    // APC PowerNet-MIB: high-precision objects (tenths) before the integer ones.
    batteryStatus: [{ oid: `${APC}.2.1.1.0`, read: enumOf(BASIC_BATTERY) }],
    chargePercent: [{ oid: `${APC}.2.3.1.0`, read: pct(0.1) }, { oid: `${APC}.2.2.1.0`, read: pct() }],
    runtimeMinutes: [{ oid: `${APC}.2.2.3.0`, read: ticksToMinutes }],
    batteryTemperatureC: [{ oid: `${APC}.2.3.2.0`, read: num(0.1) }, { oid: `${APC}.2.2.2.0`, read: num() }],
    replaceIndicator: [{ oid: `${APC}.2.2.4.0`, read: enumOf(REPLACE_2) }],
    lastReplacedDate: [{ oid: `${APC}.2.1.3.0`, read: date }],
    recommendedReplaceDate: [{ oid: `${APC}.2.2.21.0`, read: date }],
    outputStatus: [{ oid: `${APC}.4.1.1.0`, read: enumOf(APC_OUTPUT) }],
    loadPercent: [{ oid: `${APC}.4.3.3.0`, read: load(0.1) }, { oid: `${APC}.4.2.3.0`, read: load() }],
    selfTestResult: [{ oid: `${APC}.7.2.3.0`, read: enumOf(APC_TEST) }],
    lastSelfTestDate: [{ oid: `${APC}.7.2.4.0`, read: date }],
  },
  {
    // CyberPower CPS-MIB mirrors PowerNet's layout with a few columns moved.
    batteryStatus: [{ oid: `${CYBERPOWER}.2.1.1.0`, read: enumOf(BASIC_BATTERY) }],
    chargePercent: [{ oid: `${CYBERPOWER}.2.2.1.0`, read: pct() }],
    batteryTemperatureC: [{ oid: `${CYBERPOWER}.2.2.3.0`, read: num() }],
    runtimeMinutes: [{ oid: `${CYBERPOWER}.2.2.4.0`, read: ticksToMinutes }],
    replaceIndicator: [{ oid: `${CYBERPOWER}.2.2.5.0`, read: enumOf(REPLACE_2) }],
    lastReplacedDate: [{ oid: `${CYBERPOWER}.2.1.3.0`, read: date }],
    outputStatus: [{ oid: `${CYBERPOWER}.4.1.1.0`, read: enumOf(CYBERPOWER_OUTPUT) }],
    loadPercent: [{ oid: `${CYBERPOWER}.4.2.3.0`, read: load() }],
    selfTestResult: [{ oid: `${CYBERPOWER}.7.2.3.0`, read: enumOf(APC_TEST) }],
  },
  {
    // PPC/Megatec NetAgent: runtime in seconds.
    batteryStatus: [{ oid: `${PPC}.2.1.1.0`, read: enumOf(BASIC_BATTERY) }],
    chargePercent: [{ oid: `${PPC}.2.2.1.0`, read: pct() }],
    runtimeMinutes: [{ oid: `${PPC}.2.2.4.0`, read: num(1 / 60) }],
    replaceIndicator: [{ oid: `${PPC}.2.2.5.0`, read: enumOf({ 0: false, 1: false, 2: true }) }],
    outputStatus: [{ oid: `${PPC}.4.1.1.0`, read: enumOf(PPC_OUTPUT) }],
    loadPercent: [{ oid: `${PPC}.4.2.3.0`, read: load() }],
  },
  rfc1628('1.3.6.1.2.1.33.1'),
  rfc1628('1.3.6.1.4.1.2468.1.2.1.1'),
  {
    // Eaton XUPS-MIB, after RFC 1628 because Eaton cards usually answer both.
    runtimeMinutes: [{ oid: `${EATON_XUPS}.2.1.0`, read: num(1 / 60) }],
    chargePercent: [{ oid: `${EATON_XUPS}.2.4.0`, read: pct() }],
    loadPercent: [{ oid: `${EATON_XUPS}.4.1.0`, read: load() }],
  },
];

/** Output states that mean the load is on battery power right now. */
const ON_BATTERY_STATES = new Set(['battery', 'battery-test']);

/** The UPS battery objects compiled from the MIBs of the vendor trees the agent serves, as one more family (after the hand-written ones). */
function compiledFamily(enterprises: readonly number[]): Partial<Record<UpsField, FieldSource[]>> {
  const family: Partial<Record<UpsField, FieldSource[]>> = {};
  for (const o of enterprises.flatMap((enterprise) => compiledUpsObjects(enterprise))) {
    const read =
      o.field === 'chargePercent' ? pct(o.scale)
      : o.field === 'runtimeMinutes' ? (o.unit === 'ticks' ? ticksToMinutes : num(o.unit === 'seconds' ? 1 / 60 : 1))
      : enumOf(Object.fromEntries(Object.entries(o.states).map(([n, s]) => [Number(n), s])) as Record<number, NonNullable<Ups['batteryStatus']>>);
    (family[o.field] ??= []).push({ oid: o.oid, read });
  }
  return family;
}

export async function collectUps(ctx: HealthContext): Promise<Ups | null> {
  const candidates: Array<{ field: UpsField; source: FieldSource }> = [];
  const families = [...UPS_SOURCES.map((family) => ({ family, compiled: false })), { family: compiledFamily(vendorEnterprises(ctx)), compiled: true }];
  for (const { family, compiled } of families) {
    for (const [field, sources] of Object.entries(family) as Array<[UpsField, FieldSource[]]>) {
      for (const source of sources) if (compiled || !vendorTableOff(ctx, source.oid)) candidates.push({ field, source });
    }
  }
  const oids = Object.fromEntries(candidates.map((c, i) => [`c${i}`, c.source.oid]));
  const values = await readScalars(ctx, oids, 'health:ups');
  const ups: Ups = {
    batteryStatus: null, chargePercent: null, runtimeMinutes: null, loadPercent: null, batteryTemperatureC: null,
    onBattery: null, outputStatus: null, replaceIndicator: null, lastReplacedDate: null, recommendedReplaceDate: null,
    selfTestResult: null, lastSelfTestDate: null, oids: {},
  };
  let found = false;
  candidates.forEach((c, i) => {
    if (ups[c.field] !== null) return;
    const vb = values[`c${i}`];
    if (!vb) return;
    const v = c.source.read(vb);
    if (v === null) return;
    (ups as Record<string, unknown>)[c.field] = v;
    ups.oids[c.field] = c.source.oid;
    found = true;
  });
  if (!found) return null;
  // A UPS needs at least a battery reading; a lone date or load is some other device.
  if (ups.batteryStatus === null && ups.chargePercent === null && ups.runtimeMinutes === null) return null;
  if (ups.outputStatus !== null) ups.onBattery = ON_BATTERY_STATES.has(ups.outputStatus);
  return ups;
}

/**
 * UPS dates: PowerNet uses mm/dd/yy or mm/dd/yyyy, some cards yyyy-mm-dd.
 * Returns an ISO date or null (never guesses day/month order beyond that).
 */
export function parseUpsDate(text: string | null): string | null {
  if (!text) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(text.trim());
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return iso(y, Number(m[1]), Number(m[2]));
  }
  return null;
}

function iso(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
