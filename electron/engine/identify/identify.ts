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
import { enterpriseOf } from './enterprises';
import { OID } from './oids';
import { KNOWLEDGE_FACT } from './rules/compiled';
import { GENERIC_AGENT_ENTERPRISES, HOST_AGENT_TREES, NET_SNMP_MIBS, OS_AGENT_TREES } from './rules/probe-gates';
import { censusFact, enterpriseCensus } from './enterprise-census';
import { ianaEnterpriseName, registrantNamedAtStart } from '../knowledge/enterprises';
import { productOf } from '../knowledge/products';
import { classOfRegisteredModules } from '../knowledge/identity-objects';
import { mibsStateNoClass, usualClassOf } from '../knowledge/enterprise-class';
import { loadKnowledge } from '../knowledge/load';
import { activeRules } from './rule-owners';
import { DEEP_RULES, QUICK_RULES } from './rules';
import { DESCR_WORDS, descrWords } from './rules/sysdescr';
import type { Facts, HostFacts, Identity, IdentifyOptions } from './types';

async function addMacFacts(facts: Facts): Promise<void> {
  const mac = facts.get('mac');
  if (!mac) return;
  const result = await lookupOui(mac.value);
  if (result.kind === 'vendor') facts.set('mac.vendor', { value: result.vendor, source: 'mac' });
  if (result.kind === 'randomised') facts.set('mac.randomised', { value: 'yes', source: 'mac' });
}

/**
 * What the compiled knowledge says of the sysObjectID (its enterprise's
 * registrant, its product) and of the sysDescr (a registrant it starts with).
 */
function addKnowledgeFacts(facts: Facts): void {
  const descr = facts.get(OID.sysDescr);
  const named = descr ? registrantNamedAtStart(descr.value) : null;
  if (named) facts.set(KNOWLEDGE_FACT.describedVendor, { value: named.name, source: OID.sysDescr });
  const objectId = facts.get(OID.sysObjectID);
  const objectEnterprise = objectId ? enterpriseOf(objectId.value) : null;
  // The maker the sysDescr names stands in for the sysObjectID's when that is missing or a generic agent's.
  const namedClass = named && (objectEnterprise == null || GENERIC_AGENT_ENTERPRISES.includes(objectEnterprise)) ? usualClassOf(named.enterprise) : null;
  if (namedClass) facts.set(KNOWLEDGE_FACT.enterpriseClass, { value: namedClass, source: OID.sysDescr });
  if (!objectId) return;
  const enterprise = enterpriseOf(objectId.value);
  const registrant = enterprise == null ? null : ianaEnterpriseName(enterprise);
  const genericAgent = enterprise != null && GENERIC_AGENT_ENTERPRISES.includes(enterprise);
  if (registrant) facts.set(genericAgent ? KNOWLEDGE_FACT.agent : KNOWLEDGE_FACT.vendor, { value: registrant, source: OID.sysObjectID });
  // A generic agent's sysObjectID registers its OS ("linux"), not a product.
  const usual = enterprise == null || genericAgent ? null : usualClassOf(enterprise);
  if (usual) facts.set(KNOWLEDGE_FACT.enterpriseClass, { value: usual, source: OID.sysObjectID });
  else if (enterprise != null && !genericAgent && mibsStateNoClass(enterprise)) facts.set(KNOWLEDGE_FACT.unclassedVendor, { value: 'yes', source: OID.sysObjectID });
  const registered = genericAgent ? null : classOfRegisteredModules(objectId.value);
  if (registered) facts.set(KNOWLEDGE_FACT.registeredModuleClass, { value: registered, source: OID.sysObjectID });
  const product = genericAgent ? null : productOf(objectId.value);
  if (product) facts.set(KNOWLEDGE_FACT.productName, { value: product.name, source: OID.sysObjectID });
  if (product?.type) facts.set(KNOWLEDGE_FACT.productClass, { value: product.type, source: OID.sysObjectID });
}

/**
 * What the enterprise census adds: a fact per enterprise the agent serves (its
 * sysObjectID's included), which gates the compiled vendor objects; and, when
 * the sysObjectID is missing or a generic agent's (net-snmp on a Synology, a
 * Check Point), the first vendor tree served names the maker and its usual class.
 * A maker's own tree behind net-snmp means the maker built the box: its usual
 * class, or an appliance ("IoT device") when it has none, rather than a server
 * (`servedClass`). Server-hardware agents' trees (Dell OpenManage…) do not.
 */
function addCensusFacts(facts: Facts, census: readonly number[]): void {
  const objectId = facts.get(OID.sysObjectID)?.value;
  const own = objectId ? enterpriseOf(objectId) : null;
  for (const enterprise of own == null ? census : [own, ...census]) facts.set(censusFact(enterprise), { value: 'answers', source: `1.3.6.1.4.1.${enterprise}` });
  if (own != null && !GENERIC_AGENT_ENTERPRISES.includes(own)) return;
  const maker = census.find((n) => !GENERIC_AGENT_ENTERPRISES.includes(n) && !NET_SNMP_MIBS.includes(n) && !OS_AGENT_TREES.includes(n));
  const name = maker == null ? null : ianaEnterpriseName(maker);
  if (maker == null || !name) return;
  const source = `1.3.6.1.4.1.${maker}`;
  facts.set(KNOWLEDGE_FACT.servedVendor, { value: name, source });
  const usual = usualClassOf(maker);
  if (usual && !facts.has(KNOWLEDGE_FACT.enterpriseClass)) facts.set(KNOWLEDGE_FACT.enterpriseClass, { value: usual, source });
  if (!HOST_AGENT_TREES.includes(maker)) facts.set(KNOWLEDGE_FACT.servedClass, { value: usual ?? 'iot', source });
}

/** The sysDescr's words, for the class-word rules (rules/sysdescr.ts). */
function addDescrWords(facts: Facts): void {
  const descr = facts.get(OID.sysDescr)?.value;
  if (descr) facts.set(DESCR_WORDS, { value: descrWords(descr), source: OID.sysDescr });
}

export async function identifyDevice(
  source: SnmpSource | null,
  host: HostFacts,
  options: IdentifyOptions,
): Promise<Identity> {
  const facts = hostFacts(host);
  await Promise.all([addMacFacts(facts), loadKnowledge()]);
  const rules = activeRules(options.quick ? QUICK_RULES : DEEP_RULES, options.withoutVendor);
  if (source) await readSystemGroup(source, facts, options.signal);
  addKnowledgeFacts(facts);
  addDescrWords(facts);
  if (source && !options.quick) {
    const census = await enterpriseCensus(source, options.signal);
    addCensusFacts(facts, census);
    await readDeepFacts(source, rules, facts, census, options.signal);
  }
  const evidence = evaluateRules(rules, facts);
  return { ...pickWinners(evidence), evidence };
}
