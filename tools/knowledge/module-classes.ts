/**
 * MIB modules whose names say what the box that serves them is ("LIEBERT-GP-PDU-MIB",
 * "SIAE-RADIO-SYSTEM-MIB", "XF-RADIOLINK-PTP-RADIO-MIB", "ROOMALERT32E-MIB"), and the
 * subtree an agent answers in when it serves one. Identification asks each agent, with
 * one GETNEXT per module, whether it serves the classed modules of the vendor trees the
 * enterprise census found: what LibreNMS does by hand ("answers OID x: it is a UPS"),
 * compiled for every vendor whose MIBs name their modules plainly.
 */
import type { DeviceType } from '../../shared/device-types';
import { GENERIC_AGENT_ENTERPRISES } from '../../electron/engine/identify/rules/probe-gates';
import { classOfModuleName } from './grammar';
import type { MibModule } from './smidump';
import { moduleEnterprise } from './vendor-vocabulary';

/** [root OID, class, module name]: an agent that answers under root serves the module. */
export type ModuleProbe = [string, DeviceType, string];

/**
 * A vendor with more probes than this makes everything (Cisco has 98 classed modules, H3C 51): its
 * module names say which feature a MIB manages, not what the box is, and asking for them all would
 * cost a round trip each.
 */
const MAX_PROBES_PER_VENDOR = 12;
/** Subtrees a module's objects occupy alone, kept per module (largest first). */
const MAX_ROOTS_PER_MODULE = 2;

function commonPrefix(oids: readonly string[]): string {
  let prefix = oids[0]!.split('.');
  for (const oid of oids.slice(1)) {
    const arcs = oid.split('.');
    let i = 0;
    while (i < prefix.length && prefix[i] === arcs[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('.');
}

/** Every readable object OID of every module, sorted: the OIDs under a prefix are one run of it. */
class ObjectIndex {
  private readonly oids: string[];
  private readonly owners: string[];
  constructor(modules: readonly MibModule[]) {
    const rows = modules.flatMap((m) => m.objects.filter((o) => o.kind !== 'node').map((o) => [o.oid, m.name] as const));
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.oids = rows.map((r) => r[0]);
    this.owners = rows.map((r) => r[1]);
  }
  /** Whether every object under `root` (the root itself included) is of a module `owns` accepts. */
  ownedBy(root: string, owns: (module: string) => boolean): boolean {
    let lo = 0;
    let hi = this.oids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.oids[mid]! < root) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.oids.length && (this.oids[i] === root || this.oids[i]!.startsWith(`${root}.`)); i++) {
      if (!owns(this.owners[i]!)) return false;
    }
    return true;
  }
}

/**
 * Where an agent that serves the module answers: its objects' common subtree, or its own branches below that.
 * A subtree is the module's when every object in it is of a module of the same class: collections keep the
 * same MIB under two names (IDRAC-MIB, IDRAC-MIB-SMIv2).
 */
function moduleRoots(module: MibModule, type: DeviceType, index: ObjectIndex): string[] {
  const oids = module.objects.filter((o) => o.kind !== 'node').map((o) => o.oid);
  if (oids.length === 0) return [];
  const sameClass = (name: string) => name === module.name || classOfModuleName(name) === type;
  const common = commonPrefix(oids);
  if (index.ownedBy(common, sameClass)) return [common];
  const depth = common.split('.').length + 1;
  const branches = new Map<string, number>();
  for (const oid of oids) {
    const branch = oid.split('.').slice(0, depth).join('.');
    branches.set(branch, (branches.get(branch) ?? 0) + 1);
  }
  return [...branches]
    .filter(([branch]) => index.ownedBy(branch, sameClass))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_ROOTS_PER_MODULE)
    .map(([branch]) => branch);
}

/** Enterprise → the probes for its modules whose names state a class (none for generic agents or makers of everything). */
export function moduleClassProbes(modules: readonly MibModule[]): Record<number, ModuleProbe[]> {
  const index = new ObjectIndex(modules);
  const out: Record<number, ModuleProbe[]> = {};
  for (const module of modules) {
    const type = classOfModuleName(module.name);
    const enterprise = moduleEnterprise(module);
    if (!type || enterprise === null || GENERIC_AGENT_ENTERPRISES.includes(enterprise)) continue;
    const probes = (out[enterprise] ??= []);
    // Copies of one MIB under two names answer in the same subtree: one probe asks for both.
    for (const root of moduleRoots(module, type, index)) if (!probes.some((p) => p[0] === root)) probes.push([root, type, module.name]);
  }
  for (const [enterprise, probes] of Object.entries(out)) {
    if (probes.length > MAX_PROBES_PER_VENDOR) delete out[Number(enterprise)];
    else probes.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
  return out;
}
