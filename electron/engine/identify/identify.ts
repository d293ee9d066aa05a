/**
 * identifyDevice: vendor, type, model, firmware and serial of one host, from
 * SNMP facts (system group only in quick mode), its MAC's OUI and open TCP
 * ports, by running the declarative rules in rules/. Every verdict keeps
 * the evidence behind it; per field, the highest-weight evidence wins.
 */
import type { SnmpSource } from '../snmp/source';
import { evaluateRules, pickWinners } from './evaluate';
import { hostFacts, readDeepFacts, readSystemGroup } from './facts';
import { lookupOui } from './oui';
import { withoutVendorRules } from './rule-owners';
import { DEEP_RULES, QUICK_RULES } from './rules';
import type { Facts, HostFacts, Identity, IdentifyOptions } from './types';

async function addMacFacts(facts: Facts): Promise<void> {
  const mac = facts.get('mac');
  if (!mac) return;
  const result = await lookupOui(mac.value);
  if (result.kind === 'vendor') facts.set('mac.vendor', { value: result.vendor, source: 'mac' });
  if (result.kind === 'randomised') facts.set('mac.randomised', { value: 'yes', source: 'mac' });
}

export async function identifyDevice(
  source: SnmpSource | null,
  host: HostFacts,
  options: IdentifyOptions,
): Promise<Identity> {
  const facts = hostFacts(host);
  await addMacFacts(facts);
  const rules = withoutVendorRules(options.quick ? QUICK_RULES : DEEP_RULES, options.withoutVendor);
  if (source) {
    await readSystemGroup(source, facts, options.signal);
    if (!options.quick) await readDeepFacts(source, rules, facts, options.signal);
  }
  const evidence = evaluateRules(rules, facts);
  return { ...pickWinners(evidence), evidence };
}
