/**
 * Per enterprise, the vendor-MIB objects that hold the box's serial, model or
 * firmware, by the objects' own names (tools/knowledge/grammar.ts), best first.
 * Compiled into resources/knowledge/identity.json.
 */
import type { DeviceType } from '../../../shared/device-types';
import compiled from '../../../resources/knowledge/identity.json';
import { enterpriseOf } from '../identify/enterprises';

export type IdentityObjectField = 'serial' | 'model' | 'firmware';

export interface IdentityObject {
  field: IdentityObjectField;
  /** A scalar instance (`….0`) or, with `column`, a column read by its first row. */
  oid: string;
  /** MODULE::objectName, the evidence's rule id. */
  id: string;
  column: boolean;
  /** 0 = best-ranked for its field. */
  rank: number;
}

const TABLE = compiled.identity as unknown as Record<string, Array<[IdentityObjectField, string, string, 0 | 1]>>;

export function identityObjects(): Array<{ enterprise: number; objects: IdentityObject[] }> {
  return Object.entries(TABLE).map(([enterprise, rows]) => {
    const seen: Record<string, number> = {};
    const objects = rows.map(([field, oid, id, column]) => ({ field, oid, id, column: column === 1, rank: (seen[field] = (seen[field] ?? -1) + 1) }));
    return { enterprise: Number(enterprise), objects };
  });
}

/**
 * A per-model MIB family's place for a field: below the model's own product OID
 * (the agent's sysObjectID, or its parent for vendors whose MIBs hang one arc
 * above it), for every agent whose sysObjectID is under `family`.
 */
export interface IdentityFamilyPlace {
  field: IdentityObjectField;
  family: string;
  /** Arcs below the model's OID, `.0` for a scalar, `.1` for a column's first row. */
  suffix: string;
  /** MODULE::objectName of one model's object, the evidence's rule id. */
  id: string;
}

const FAMILIES = (compiled as unknown as { families?: Record<string, Array<[IdentityObjectField, string, string, string]>> }).families ?? {};

export function identityFamilies(): IdentityFamilyPlace[] {
  return Object.values(FAMILIES).flatMap((rows) => rows.map(([field, family, suffix, id]) => ({ field, family, suffix, id })));
}

/**
 * A vendor module whose name states what the box serving it is ("LIEBERT-GP-PDU-MIB",
 * "SIAE-RADIO-SYSTEM-MIB"), with the subtree only its objects occupy: an agent with a row
 * there serves it (tools/knowledge/module-classes.ts).
 */
export interface ClassedModule {
  enterprise: number;
  root: string;
  type: DeviceType;
  module: string;
}

const MODULES = (compiled as unknown as { modules?: Record<string, Array<[string, DeviceType, string]>> }).modules ?? {};

export function classedModules(): ClassedModule[] {
  return Object.entries(MODULES).flatMap(([enterprise, rows]) => rows.map(([root, type, module]) => ({ enterprise: Number(enterprise), root, type, module })));
}

/**
 * The class of the classed modules whose trees a sysObjectID heads (DELL-RAC-MIB's objects under
 * 674.10892.2, a DRAC's sysObjectID): the box registers itself as what those modules manage. At
 * least two arcs below the enterprise, so a vendor's bare number heads nothing; null when the
 * modules below disagree (a switching and a routing module: the switch).
 */
export function classOfRegisteredModules(sysObjectID: string): DeviceType | null {
  const enterprise = enterpriseOf(sysObjectID);
  // 1.3.6.1.4.1.N is 7 arcs; two more below the enterprise.
  if (enterprise === null || sysObjectID.split('.').length < 9) return null;
  const below = (MODULES[enterprise] ?? []).filter(([root]) => root.startsWith(`${sysObjectID}.`)).map(([, type]) => type);
  const classes = new Set(below.map((type) => (type === 'router' && below.includes('switch') ? 'switch' : type)));
  return classes.size === 1 ? [...classes][0]! : null;
}
