/**
 * An enterprise's usual device class, a weak prior: first the class most of
 * its products state in its MIBs, else what its IANA registrant's name says
 * ("Socomec Sicon Ups", "… Printing Systems"); both compiled by tools/knowledge.
 */
import type { DeviceType } from '../../../shared/device-types';
import { registrantClassOf } from './enterprises';
import { knowledgeTables } from './load';

export function usualClassOf(enterprise: number): DeviceType | null {
  return knowledgeTables().products.enterpriseClasses[enterprise] ?? registrantClassOf(enterprise);
}

let unclassed: ReadonlySet<number> | null = null;

/**
 * True when the vendor publishes many MIB modules and none states a class: it is not known to make
 * network gear. Asked where usualClassOf found no class (its registrant's name states none either).
 */
export function mibsStateNoClass(enterprise: number): boolean {
  unclassed ??= new Set(knowledgeTables().products.unclassedMibVendors ?? []);
  return unclassed.has(enterprise);
}
