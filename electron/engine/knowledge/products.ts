/**
 * Product OIDs from vendor MIBs (tools/knowledge/compile-mibs.ts → resources/knowledge/products.json):
 * the object a sysObjectID names ("fgt60D", "cat29xxStack") and the device class its
 * name, MIB comment or description states plainly, when it does. Load with loadKnowledge() first.
 */
import type { DeviceType } from '../../../shared/device-types';
import { knowledgeTables } from './load';
import { findLine } from './sorted-lines';

export interface Product {
  name: string;
  type: DeviceType | null;
}

export function productOf(sysObjectID: string): Product | null {
  const fields = findLine(knowledgeTables().products.products, sysObjectID.replace(/^\./, ''));
  return fields ? { name: fields[0]!, type: (fields[1] as DeviceType | undefined) ?? null } : null;
}
