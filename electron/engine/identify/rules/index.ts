/**
 * All identification rules. Quick mode keeps only the rules whose facts come
 * from the system group, the MAC and open ports (no further SNMP reads).
 */
import { OID } from '../oids';
import { AGENT_PRIOR_RULES } from './agent-prior';
import type { Rule } from '../types';
import { COMPILED_RULES, KNOWLEDGE_FACT } from './compiled';
import { HOST_RULES } from './host';
import { HINT_FACT, HOST_HINT_RULES } from './host-hints';
import { MIB_PRESENCE_RULES } from './mib-presence';
import { PRODUCT_TABLE_RULES } from './product-tables';
import { RUNNING_SOFTWARE_RULES } from './running-software';
import { DESCR_WORDS, SYSDESCR_RULES } from './sysdescr';
import { SYSOBJECTID_RULES } from './sysobjectid';
import { VALUE_SOURCE_RULES } from './value-sources';

export const DEEP_RULES: readonly Rule[] = [
  ...VALUE_SOURCE_RULES,
  ...MIB_PRESENCE_RULES,
  ...SYSOBJECTID_RULES,
  ...PRODUCT_TABLE_RULES,
  ...SYSDESCR_RULES,
  ...HOST_RULES,
  ...HOST_HINT_RULES,
  ...RUNNING_SOFTWARE_RULES,
  ...COMPILED_RULES,
  ...AGENT_PRIOR_RULES,
];

const QUICK_FACTS = new Set<string>([OID.sysDescr, DESCR_WORDS, OID.sysObjectID, OID.sysName, OID.sysServices, 'mac', 'mac.vendor', 'mac.randomised', 'hostname', ...Object.values(KNOWLEDGE_FACT)]);
// Host hints are read by discovery, not over SNMP: quick mode has them too.
const HINT_FACTS = new Set<string>(Object.values(HINT_FACT));
const isQuickFact = (key: string) => QUICK_FACTS.has(key) || key.startsWith('tcp:') || HINT_FACTS.has(key) || key.startsWith(HINT_FACT.mdnsService);

export const QUICK_RULES: readonly Rule[] = DEEP_RULES.filter(
  (rule) => isQuickFact(rule.fact) && (rule.also ?? []).every((c) => isQuickFact(c.fact)),
);
