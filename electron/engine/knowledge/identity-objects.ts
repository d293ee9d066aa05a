/**
 * Per enterprise, the vendor-MIB objects that hold the box's serial, model or
 * firmware, by the objects' own names (tools/knowledge/grammar.ts), best first.
 * Compiled into resources/knowledge/identity.json.
 */
import compiled from '../../../resources/knowledge/identity.json';

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
