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
