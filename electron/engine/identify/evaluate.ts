/** Runs declarative rules over facts and turns every hit into evidence. */
import { SOFTWARE_PLATFORM_VENDORS } from './rules/software-platforms';
import type { DeviceType } from '../../../shared/device-types';
import { cleanValue, excerpt } from './clean';
import type { Condition, Evidence, Facts, Rule, ValueField } from './types';

const CAPTURE_FIELDS: readonly ValueField[] = ['vendor', 'model', 'firmware', 'serial'];

function prefixMatches(value: string, prefix: string): boolean {
  const v = value.replace(/^\./, '');
  const p = prefix.replace(/^\./, '');
  return v === p || v.startsWith(`${p}.`);
}

export function conditionHolds(c: Condition, facts: Facts): RegExpExecArray | boolean {
  const fact = facts.get(c.fact);
  if (c.absent === true) return fact === undefined;
  if (!fact) return false;
  if (c.absent === false) return true;
  const value = fact.value;
  if (c.prefix !== undefined) {
    const prefixes = typeof c.prefix === 'string' ? [c.prefix] : c.prefix;
    if (!prefixes.some((p) => prefixMatches(value, p))) return false;
  }
  if (c.min !== undefined || c.max !== undefined || c.anyBit !== undefined) {
    const n = Number(value);
    if (!Number.isFinite(n)) return false;
    if (c.min !== undefined && n < c.min) return false;
    if (c.max !== undefined && n > c.max) return false;
    if (c.anyBit !== undefined && (n & c.anyBit) === 0) return false;
  }
  if (c.match) {
    c.match.lastIndex = 0;
    const m = c.match.exec(value);
    return m ?? false;
  }
  return true;
}

export function evaluateRules(rules: readonly Rule[], facts: Facts): Evidence[] {
  const evidence: Evidence[] = [];
  for (const rule of rules) {
    const hit = conditionHolds(rule, facts);
    if (!hit) continue;
    if (rule.also && !rule.also.every((c) => conditionHolds(c, facts))) continue;
    const fact = facts.get(rule.fact);
    const base = {
      rule: rule.id,
      source: fact?.source ?? rule.fact,
      weight: rule.weight,
      ...(fact ? { observed: excerpt(fact.value) } : {}),
    };
    const add = (field: Evidence['field'], value: string | null | undefined) => {
      const clean = cleanValue(value);
      if (clean) evidence.push({ field, value: clean, ...base });
    };
    if (rule.set?.type) add('type', rule.set.type);
    if (rule.set?.vendor) add('vendor', rule.set.vendor);
    if (rule.set?.model) add('model', rule.set.model);
    if (typeof hit !== 'boolean' && hit.groups) {
      for (const field of CAPTURE_FIELDS) add(field, hit.groups[field]);
    }
    if (rule.take && fact) add(rule.take, fact.value);
  }
  return evidence;
}

/** Per field, the highest-weight evidence wins; on a tie, the first recorded. */
export function pickWinners(evidence: readonly Evidence[]) {
  const best = new Map<string, Evidence>();
  for (const e of evidence) {
    const current = best.get(e.field);
    if (!current || e.weight > current.weight) best.set(e.field, e);
  }
  return {
    vendor: hardwareVendor(evidence, best.get('vendor')),
    type: (best.get('type')?.value ?? 'unknown') as DeviceType,
    model: best.get('model')?.value ?? null,
    firmware: best.get('firmware')?.value ?? null,
    serial: best.get('serial')?.value ?? null,
    hostname: best.get('hostname')?.value ?? null,
  };
}

/**
 * "Vendor" means who made the box. Agents of software platforms (Windows,
 * ESXi, Net-SNMP on any Linux) name the platform, whatever the hardware; when
 * the MAC names a maker, that maker wins over a platform vendor.
 */
function hardwareVendor(evidence: readonly Evidence[], winner: Evidence | undefined): string | null {
  if (!winner || !SOFTWARE_PLATFORM_VENDORS.has(winner.value)) return winner?.value ?? null;
  const fromMac = evidence.find((e) => e.field === 'vendor' && e.rule === 'oui' && !SOFTWARE_PLATFORM_VENDORS.has(e.value));
  return fromMac?.value ?? winner.value;
}
