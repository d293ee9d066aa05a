/**
 * Which vendor a hand-written rule was written for, as IANA enterprise
 * numbers. `bench:corpus --leave-vendor-out` switches off a recording's own
 * vendor's rules to estimate what an unseen device gets: only the generic layer
 * (standard MIBs, sysDescr grammar) and knowledge compiled from public sources
 * (IANA registry, vendor MIBs) stay on.
 *
 * Ownership is derived, so a new rule cannot forget it: an OID fact under
 * 1.3.6.1.4.1.N, a sysObjectID prefix under it, or the vendor the rule names
 * (through the hand-written vendor table). `owner` states it where none of
 * those shows (a sysDescr format that names no vendor); `compiled` rules are
 * never switched off.
 */
import { enterpriseOf } from './enterprises';
import { OID } from './oids';
import { ENTERPRISES } from './rules/enterprise-data';
import type { Condition, Rule } from './types';

/** "Vertiv (Liebert)" → "vertiv", "Dell EMC (Isilon)" → "dell": rules and tables agree on the first word. */
export function vendorKey(name: string): string {
  return name.replace(/\(.*?\)/g, '').trim().split(/\s+/)[0]!.toLowerCase();
}

/** Whose knowledge is switched off: enterprise numbers and vendor names (as vendorKey). */
export interface VendorScope {
  enterprises: ReadonlySet<number>;
  vendors: ReadonlySet<string>;
}

function conditionEnterprises(c: Condition): number[] {
  const out: number[] = [];
  const oid = c.fact.replace(/^(?:first:)/, '');
  const own = enterpriseOf(oid);
  if (own != null) out.push(own);
  if (c.fact === OID.sysObjectID && c.prefix !== undefined) {
    for (const p of typeof c.prefix === 'string' ? [c.prefix] : c.prefix) {
      const n = enterpriseOf(p);
      if (n != null) out.push(n);
    }
  }
  return out;
}

interface RuleOwners {
  enterprises: number[];
  vendor: string | null;
}
const cache = new WeakMap<Rule, RuleOwners>();

/** The enterprises and the vendor a rule belongs to; none for generic and compiled rules. */
export function ruleOwners(rule: Rule): RuleOwners {
  const known = cache.get(rule);
  if (known) return known;
  const enterprises = new Set<number>(rule.owner ?? []);
  if (!rule.compiled) for (const c of [rule, ...(rule.also ?? [])]) for (const n of conditionEnterprises(c)) enterprises.add(n);
  const owners = rule.compiled
    ? { enterprises: [], vendor: null }
    : { enterprises: [...enterprises], vendor: rule.set?.vendor ? vendorKey(rule.set.vendor) : null };
  cache.set(rule, owners);
  return owners;
}

export function ownedBy(rule: Rule, scope: VendorScope): boolean {
  const owners = ruleOwners(rule);
  return (owners.vendor != null && scope.vendors.has(owners.vendor)) || owners.enterprises.some((n) => scope.enterprises.has(n));
}

/** The rules left when the hand-written knowledge of `scope` is switched off. */
export function withoutVendorRules(rules: readonly Rule[], scope: VendorScope | undefined): readonly Rule[] {
  if (!scope) return rules;
  return rules.filter((rule) => !ownedBy(rule, scope));
}

/**
 * A compiled rule stands in for missing hand-written knowledge: where a
 * hand-written rule reads the same fact (with its own weight and parsing),
 * the compiled one steps aside.
 */
export function withoutShadowedCompiled(rules: readonly Rule[]): readonly Rule[] {
  const handWritten = new Set(rules.filter((r) => !r.compiled).map((r) => r.fact));
  return rules.filter((r) => !r.compiled || !handWritten.has(r.fact));
}

const unscoped = new WeakMap<readonly Rule[], readonly Rule[]>();

/** The rules to run: the vendor scope switched off, then shadowed compiled rules dropped. */
export function activeRules(rules: readonly Rule[], scope: VendorScope | undefined): readonly Rule[] {
  if (scope) return withoutShadowedCompiled(withoutVendorRules(rules, scope));
  let active = unscoped.get(rules);
  if (!active) unscoped.set(rules, (active = withoutShadowedCompiled(rules)));
  return active;
}

/**
 * The scope of one device's own vendor, for leave-vendor-out: its sysObjectID's
 * enterprise and every enterprise whose private MIB it answers (a Synology
 * behind net-snmp's sysObjectID is still Synology), less the generic agents'
 * (net-snmp's MIBs run on any Linux box), plus the vendor names the hand-written
 * table gives those enterprises and the name identification settled on.
 */
export function deviceVendorScope(enterprises: Iterable<number>, genericAgents: readonly number[], vendorNames: Iterable<string | null>): VendorScope {
  const own = new Set([...enterprises].filter((n) => !genericAgents.includes(n)));
  const vendors = new Set<string>();
  for (const n of own) if (ENTERPRISES[n]) vendors.add(vendorKey(ENTERPRISES[n]!.vendor));
  const genericNames = new Set(genericAgents.flatMap((n) => (ENTERPRISES[n] ? [vendorKey(ENTERPRISES[n]!.vendor)] : [])));
  for (const name of vendorNames) if (name && !genericNames.has(vendorKey(name))) vendors.add(vendorKey(name));
  return { enterprises: own, vendors };
}
