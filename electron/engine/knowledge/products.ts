/**
 * Product OIDs from vendor MIBs (tools/knowledge/compile-mibs.ts → resources/knowledge/products.json):
 * the object a sysObjectID names ("fgt60D", "cat29xxStack") and the device class its
 * name, MIB comment or description states plainly, when it does.
 */
import type { DeviceType } from '../../../shared/device-types';
import compiled from '../../../resources/knowledge/products.json';

const PRODUCTS = compiled.products as unknown as Record<string, [string, string?]>;

export interface Product {
  name: string;
  type: DeviceType | null;
}

export function productOf(sysObjectID: string): Product | null {
  const entry = PRODUCTS[sysObjectID.replace(/^\./, '')];
  return entry ? { name: entry[0], type: (entry[1] as DeviceType | undefined) ?? null } : null;
}

export const PRODUCT_SOURCE = compiled.source;
