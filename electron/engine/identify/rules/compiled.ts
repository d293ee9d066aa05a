/**
 * Rules over knowledge compiled from public sources (electron/engine/knowledge):
 * the IANA registrant of the sysObjectID's enterprise, the product its vendor's
 * MIB names for that exact sysObjectID (and the class the product's words
 * state), and the vendor-MIB objects whose names say they hold the box's
 * serial, model or firmware. They work for any vendor whose MIBs were compiled,
 * so they stay on under leave-vendor-out; hand-written rules outrank them.
 */
import { DEVICE_TYPES, type DeviceType } from '../../../../shared/device-types';
import { classedModules, identityFamilies, identityObjects, type IdentityObjectField } from '../../knowledge/identity-objects';
import { HOST_AGENT_TREES } from './probe-gates';
import { censusFact } from '../enterprise-census';
import { OID, first } from '../oids';
import type { Rule } from '../types';

export const KNOWLEDGE_FACT = {
  /** IANA registrant of a vendor's enterprise. */
  vendor: 'iana.vendor',
  /** IANA registrant of a generic agent's enterprise (net-snmp): names the software, not the box. */
  agent: 'iana.agent',
  /** The IANA registrant whose whole name the sysDescr starts with. */
  describedVendor: 'iana.sysdescr-vendor',
  productName: 'product.name',
  productClass: 'product.class',
  /** The IANA registrant of the first vendor tree a generic agent serves (enterprise census). */
  servedVendor: 'iana.census-vendor',
  /** The class most of an enterprise's products state (compiled), or its registrant's name says. */
  enterpriseClass: 'enterprise.class',
  /** The sysObjectID's vendor publishes many MIB modules and none states a class (rules/agent-prior.ts). */
  unclassedVendor: 'enterprise.unclassed',
  /** The class of the classed module whose tree the sysObjectID heads (knowledge/identity-objects.ts). */
  registeredModuleClass: 'module.registration-class',
  /** What a box is whose maker's own tree a generic agent serves: the maker's usual class, else an appliance. */
  servedClass: 'census.served-class',
} as const;

const compiled = (rule: Omit<Rule, 'compiled'>): Rule => ({ ...rule, compiled: true });

/** Every class a compiled fact may name (the facts hold DeviceType values; unknown is no verdict). */
const CLASSES: readonly DeviceType[] = DEVICE_TYPES.filter((t) => t !== 'unknown');

/** Placeholders agents answer when a field is not set. */
const PLACEHOLDER = String.raw`(?!\s*(?:n\/?a|none|null|unknown|not (?:available|specified|set|applicable)|default|to be filled.*|0+|x+|-+|\.+|\s*)\s*$)`;
const VALUE_SHAPE: Record<IdentityObjectField, RegExp> = {
  serial: new RegExp(`^${PLACEHOLDER}\\s*(?<serial>[!-~]{3,40})\\s*$`, 'i'),
  model: new RegExp(`^${PLACEHOLDER}\\s*(?<model>(?=[^\\n]*[A-Za-z])[^\\n]{2,64}?)\\s*$`, 'i'),
  firmware: new RegExp(`^${PLACEHOLDER}\\s*(?<firmware>(?=[^\\n]*\\d)[^\\n]{1,64}?)\\s*$`, 'i'),
};

/** Below ENTITY-MIB's chassis row and hand-written vendor sources; above sysDescr guesses. */
const IDENTITY_WEIGHT = 52;

/**
 * Asked only of agents that serve the enterprise's tree (their sysObjectID's, or
 * one the enterprise census found): no reads elsewhere.
 */
const identityRules: Rule[] = identityObjects().flatMap(({ enterprise, objects }) =>
  objects.map((o) =>
    compiled({
      id: `mib:${o.id}`,
      fact: o.column ? first(o.oid) : o.oid,
      match: VALUE_SHAPE[o.field],
      also: [{ fact: censusFact(enterprise), absent: false }],
      weight: IDENTITY_WEIGHT - o.rank * 0.25,
    }),
  ),
);

/**
 * Per-model MIB families (Zyxel, D-Link, Moxa… one MIB per model under its product OID): the place
 * three or more models agree on, asked of any model of the family, below its sysObjectID and below its
 * parent (obj:/objparent: facts, facts.ts). Below the objects named outright.
 */
const FAMILY_WEIGHT = IDENTITY_WEIGHT - 2;
const familyRules: Rule[] = identityFamilies().flatMap(({ field, family, suffix, id }) =>
  (['obj', 'objparent'] as const).map((anchor) =>
    compiled({
      id: `mib-family:${id}`,
      fact: `${anchor}:${suffix}`,
      match: VALUE_SHAPE[field],
      also: [{ fact: OID.sysObjectID, prefix: family }],
      weight: FAMILY_WEIGHT,
    }),
  ),
);

/**
 * An agent with a row under a vendor module named for a class ("…-RADIO-…", "…-UPS-MIB") serves it, and is
 * that class: above the shapes (bridge table 32, port mix 28) and the sysDescr's class words (33), below what a
 * product or the text names outright. Asked only of agents that serve the vendor's tree; a server agent's tree
 * (PowerChute's APCUPS-MIB, Insight's CPQUPS-MIB on a server) only when the box itself is that vendor's.
 */
const MODULE_CLASS_WEIGHT = 34;
const moduleRules: Rule[] = classedModules().map(({ enterprise, root, type, module }) =>
  compiled({
    id: `mib-module:${module}`,
    fact: first(root),
    set: { type },
    also: [HOST_AGENT_TREES.includes(enterprise) ? { fact: OID.sysObjectID, prefix: `1.3.6.1.4.1.${enterprise}` } : { fact: censusFact(enterprise), absent: false }],
    // Layer-3 switches serve their maker's routing modules too (FASTPATH-ROUTING-MIB beside NETGEAR-SWITCHING-MIB).
    weight: type === 'router' ? MODULE_CLASS_WEIGHT - 1 : MODULE_CLASS_WEIGHT,
  }),
);

export const COMPILED_RULES: readonly Rule[] = [
  // Below the hand-written enterprise names (50 and 15): the registry's spelling is the fallback.
  compiled({ id: 'iana-enterprise', fact: KNOWLEDGE_FACT.vendor, take: 'vendor', weight: 45 }),
  compiled({ id: 'iana-enterprise-agent', fact: KNOWLEDGE_FACT.agent, take: 'vendor', weight: 14 }),
  // Below the sysObjectID's registrant: only where the agent is generic (net-snmp) or names none.
  compiled({ id: 'iana-named-in-sysdescr', fact: KNOWLEDGE_FACT.describedVendor, take: 'vendor', weight: 40 }),
  // Below the sysDescr's maker: a vendor tree behind net-snmp names the box's maker, unless the text says otherwise.
  compiled({ id: 'iana-served-tree', fact: KNOWLEDGE_FACT.servedVendor, take: 'vendor', weight: 38 }),
  // The product's MIB identifier ("dell6248Switch", "summitX480-24x-10G4X") is a code name: the model the sysDescr
  // states in words ("PowerConnect 6248", "; AXIS P1435-LE; …") wins over it. A name without a digit ("nps",
  // "interfaces") names a family or a branch, not a model.
  compiled({ id: 'mib-product', fact: KNOWLEDGE_FACT.productName, match: /^(?=.*\d)(?<model>.+)$/, weight: 27 }),
  ...CLASSES.map((type) => compiled({ id: 'mib-product-class', fact: KNOWLEDGE_FACT.productClass, match: new RegExp(`^${type}$`), set: { type }, weight: 50 })),
  // As weak as the hand-written enterprise classes (25): a maker's usual class is a guess, and the evidence says so.
  ...CLASSES.map((type) => compiled({ id: 'enterprise-usual-class', fact: KNOWLEDGE_FACT.enterpriseClass, match: new RegExp(`^${type}$`), set: { type }, weight: 24 })),
  // Above net-snmp's "server" (25): a vendor's own tree behind net-snmp is that vendor's box. Still a guess.
  ...CLASSES.map((type) => compiled({ id: 'served-tree-class', fact: KNOWLEDGE_FACT.servedClass, match: new RegExp(`^${type}$`), set: { type }, weight: 26 })),
  ...moduleRules,
  // A sysObjectID at the top of a classed module's tree: the box registers itself as what the module manages (a guess).
  ...CLASSES.map((type) => compiled({ id: 'mib-module-registration', fact: KNOWLEDGE_FACT.registeredModuleClass, match: new RegExp(`^${type}$`), set: { type }, weight: 29 })),
  ...identityRules,
  ...familyRules,
];
