/**
 * Assembles each SNMP host's recording from its base (a real snmpsim
 * recording, minus the subtrees that would contradict the lab) and its
 * fragments, in the order office.ts lists them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { LabHost, Office, SnmpsimAgent } from '../office-types.js';
import type { Fragment } from './fragment.js';
import { isUnder, parseSnmprec, renderSnmprec, type SnmprecLine } from './snmprec.js';

export const SNMPSIM_EXAMPLES = '/usr/share/doc/snmpsim/examples/data';
const FRAGMENTS_DIR = fileURLToPath(new URL('./fragments/', import.meta.url));

const loaded = new Map<string, Fragment>();

/** Loads a fragment by name (its file name); a clear error names a missing one. */
export async function loadFragment(name: string): Promise<Fragment> {
  const cached = loaded.get(name);
  if (cached) return cached;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`lab: bad fragment name "${name}"`);
  const file = join(FRAGMENTS_DIR, `${name}.ts`);
  if (!existsSync(file)) throw new Error(`lab: fragment "${name}" not found (expected ${file})`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (typeof mod.default !== 'function') throw new Error(`lab: fragment "${name}" has no default export`);
  const fragment = mod.default as Fragment;
  loaded.set(name, fragment);
  return fragment;
}

export function readBaseRecording(base: NonNullable<SnmpsimAgent['base']>): SnmprecLine[] {
  const path = join(SNMPSIM_EXAMPLES, base.file);
  const raw = readFileSync(path);
  const text = (base.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1');
  return parseSnmprec(text).filter((line) => !base.dropSubtrees.some((prefix) => isUnder(line.oid, prefix)));
}

/** The full snmprec text for one host. */
export async function buildRecording(host: LabHost, office: Office): Promise<string> {
  const agent = host.snmp;
  if (!agent || agent.kind !== 'snmpsim') throw new Error(`lab: ${host.name} is not served by snmpsim`);
  const sets: SnmprecLine[][] = [];
  if (agent.base) sets.push(readBaseRecording(agent.base));
  for (const name of agent.fragments) {
    const fragment = await loadFragment(name);
    sets.push(fragment(host, office));
  }
  return renderSnmprec(...sets);
}
