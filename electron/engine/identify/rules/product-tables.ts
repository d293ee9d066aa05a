/**
 * Vendor product tables: a sysObjectID names the exact product in the vendor's
 * products MIB (CISCO-PRODUCTS-MIB: 1.3.6.1.4.1.9.1.516 = catalyst37xxStack).
 * The object name (less a naming prefix such as Juniper's jnxProductName)
 * becomes the model (weakly: ENTITY-MIB's chassis model, vendor MIB scalars and
 * sysDescr captures outrank it), and the product family read from the name
 * gives the device class. This is the model source of quick mode
 * and of agents with no ENTITY-MIB (older IOS).
 *
 * Each entry yields its own rule, so the evidence names the MIB object
 * (`sysobjectid-product:CISCO-PRODUCTS-MIB::catalyst2950t24`) and the observed
 * sysObjectID value.
 */
import type { DeviceType } from '../../../../shared/device-types';
import { OID } from '../oids';
import type { Rule } from '../types';
import { CISCO_PRODUCTS } from './products/cisco-products';
import { JUNIPER_PRODUCTS } from './products/juniper-products';

export interface ProductTable {
  /** The MIB module that assigns the product OIDs. */
  mib: string;
  /** OID of the products branch; products are `${branch}.N`. */
  branch: string;
  products: Readonly<Record<number, string>>;
  /** A naming prefix that is not part of the model ("jnxProductName" in jnxProductNameEX4300). */
  modelPrefix?: string;
  /** Product name → class; the first match wins, no match sets no class. */
  families: ReadonlyArray<readonly [RegExp, DeviceType]>;
}

/** Below ENTITY-MIB, vendor scalars and sysDescr captures; above generic guesses. */
const MODEL_WEIGHT = 38;
/** An exact product OID is strong class evidence, weaker than vendor-MIB presence. */
const TYPE_WEIGHT = 66;

export const PRODUCT_TABLES: readonly ProductTable[] = [
  {
    mib: 'CISCO-PRODUCTS-MIB',
    branch: '1.3.6.1.4.1.9.1',
    products: CISCO_PRODUCTS,
    // Order matters: "cisco5500Wlc" is a controller before it is a numbered router.
    families: [
      [/^cisco(?:ASA|PIXFirewall|Fpr|VASA)/, 'firewall'],
      [/Wlc|WLC|WirelessController|^(?:ciscoAirCt|catAIRCT|ciscoWlcCt|ciscoC9800)/, 'wireless-controller'],
      [/^cisco(?:AIRAP|AirAp|AIRBR|CAP\d|Ap\d|AP\d|C91[1-3]\dAX)/, 'access-point'],
      [/^(?:cat|catalyst|cisco[Cc]at|ciscoWsC|ciscoWSC|ciscoC(?:365|385|6[89]\d|9606|9300X|9200|1[023]00)|ciscoIE)/, 'switch'],
      [/^cisco(?:Ucs|UCS|PIUCS|SNS|Ise)/, 'server'],
      [/^cisco(?:\d|ISR|ASR|CSR|C8\d|C11)/, 'router'],
    ],
  },
  {
    mib: 'JUNIPER-CHASSIS-DEFINES-MIB',
    branch: '1.3.6.1.4.1.2636.1.1.1.2',
    products: JUNIPER_PRODUCTS,
    modelPrefix: 'jnxProductName',
    families: [
      [/^jnxProductName(?:SRX|VSRX|FireflyPerimeter)/, 'firewall'],
      [/^jnxProductName(?:EX|QFX)/, 'switch'],
      [/^jnxProductName(?:MX|M\d|T\d|PTX|ACX|J\d|JNP|VMX|VRR)/, 'router'],
    ],
  },
];

export function familyOf(table: ProductTable, name: string): DeviceType | null {
  return table.families.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

function tableRules(table: ProductTable): Rule[] {
  return Object.entries(table.products).flatMap(([n, name]): Rule[] => {
    const id = `sysobjectid-product:${table.mib}::${name}`;
    const prefix = `${table.branch}.${n}`;
    const model = table.modelPrefix && name.startsWith(table.modelPrefix) ? name.slice(table.modelPrefix.length) : name;
    const rules: Rule[] = [{ id, fact: OID.sysObjectID, prefix, set: { model }, weight: MODEL_WEIGHT }];
    const type = familyOf(table, name);
    if (type) rules.push({ id, fact: OID.sysObjectID, prefix, set: { type }, weight: TYPE_WEIGHT });
    return rules;
  });
}

export const PRODUCT_TABLE_RULES: readonly Rule[] = PRODUCT_TABLES.flatMap(tableRules);
