/**
 * The large compiled tables (the IANA registry, 81,000 products) are loaded on
 * first use, not when the engine starts: `--version`, a scan's start and the
 * first streamed devices do not pay for parsing 5 MB of JSON. Identification
 * awaits loadKnowledge() once; the lookups are synchronous after that.
 */
import type { DeviceType } from '../../../shared/device-types';

export interface Registry {
  source: string;
  date: string;
  count: number;
  /** "N<TAB>name[<TAB>class]" lines by number (sorted-lines.ts). */
  entries: string;
  /** "lower-case name or brand<TAB>N" lines by name (tools/knowledge/registrant-names.ts). */
  names: string;
}

export interface ProductTables {
  source: string;
  enterpriseClasses: Record<string, DeviceType>;
  /** Vendors whose many MIB modules state no class (tools/knowledge/vendor-vocabulary.ts). */
  unclassedMibVendors?: number[];
  /** "oid<TAB>name[<TAB>class]" lines sorted by OID (sorted-lines.ts). */
  products: string;
}

let loaded: { registry: Registry; products: ProductTables } | null = null;
let loading: Promise<void> | null = null;

export function loadKnowledge(): Promise<void> {
  loading ??= Promise.all([import('../../../resources/knowledge/enterprises.json'), import('../../../resources/knowledge/products.json')]).then(
    ([registry, products]) => {
      loaded = { registry: registry.default as Registry, products: products.default as unknown as ProductTables };
    },
  );
  return loading;
}

/** The loaded tables; calling a lookup before loadKnowledge() resolved is a programming error. */
export function knowledgeTables(): { registry: Registry; products: ProductTables } {
  if (!loaded) throw new Error('compiled knowledge used before loadKnowledge() resolved');
  return loaded;
}
