/**
 * Vendor MIB modules whose names state what the box serving them is, with the subtree an agent
 * answers in when it serves one (tools/knowledge/module-classes.ts → products.json). Load with
 * loadKnowledge() first.
 */
import type { DeviceType } from '../../../shared/device-types';
import { knowledgeTables } from './load';

export interface ClassedModule {
  root: string;
  type: DeviceType;
  module: string;
}

export function classedModulesOf(enterprise: number): ClassedModule[] {
  return (knowledgeTables().products.moduleClasses[enterprise] ?? []).map(([root, type, module]) => ({ root, type, module }));
}
