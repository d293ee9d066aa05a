/**
 * Compiles vendor MIBs into the knowledge Forewarn loads (resources/knowledge):
 *   products.json   sysObjectID → product name (and the class its words state), per
 *                   enterprise the class most of its product branches state, and the
 *                   vendors whose many modules state none
 *   identity.json   per enterprise: objects holding the box's serial, model, firmware,
 *                   where per-model MIB families keep them below the product OID, and
 *                   the modules whose names state a class, with where an agent serving one answers
 *   sensors.json    per enterprise: temperature objects with their °C scale (plain and
 *                   typed tables), component health enumerations with each label's
 *                   severity, ENTITY-SENSOR-like vendor tables, UPS battery scalars
 * The app loads the JSON; it never parses a MIB.
 *
 *   npx tsx tools/knowledge/compile-mibs.ts MIB_DIR [MIB_DIR...] [--source TEXT] [--modules-cache FILE]
 *
 * Each MIB_DIR holds MIB files, directly or one folder per vendor: a checkout of
 * github.com/netdisco/netdisco-mibs, the asn1/ folder of github.com/lextudio/mibs.pysnmp.com.
 * The first directory that defines a module wins (netdisco's curated copies first).
 * Needs libsmi's smidump (Debian: apt-get install smitools). See resources/knowledge/README.md.
 * --modules-cache FILE keeps the parsed modules (JSON): the first run writes it, later runs
 * read it instead of the MIBs, so a change to the grammar recompiles in seconds, not minutes.
 */
import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enterpriseOf } from '../../electron/engine/identify/enterprises';
import { readMibModule, type MibModule, type MibObject, type MibType, type MibTypedef } from './smidump';
import { sortedLines } from '../../electron/engine/knowledge/sorted-lines';
import { moduleClassProbes, type ModuleProbe } from './module-classes';
import { moduleEnterprise, vendorsWithManyModules, vendorVocabularyClasses } from './vendor-vocabulary';
import {
  celsiusScale,
  classOfModule,
  classOfProduct,
  healthEnumeration,
  enumerationInDescription,
  identityFieldOf,
  identityRank,
  isBoxTable,
  isTemperatureName,
  words,
  upsFieldOf,
  runtimeUnit,
  batteryStatusEnumeration,
  saysCelsius,
  temperatureRank,
  stateComponentOf,
  temperatureComponent,
  type IdentityField,
} from './grammar';

const ENTERPRISES = '1.3.6.1.4.1.';
/**
 * Per enterprise and field, the candidates kept (the agent is asked for each; the
 * best-ranked answer wins): scalars cost a share of one GET, a column a share of one GETNEXT. Big
 * makers name the serial differently in each product's MIB (FortiAP's fapSerialNum,
 * Zyxel USG's sysProductSerialNumber): six per field missed a tenth of the corpus's
 * serials, 24 costs 0.3 GET PDUs a device more. Columns: a box table per product
 * line (Allied's arBoardTable, Edgecore's per-model swSerialNumber), where one missed
 * serials that three find; their first rows share the batched GETNEXT (0.1 PDU a device
 * more). One model column only: a stack member's product name is not the stack's model,
 * which ENTITY-MIB's stack row gives.
 */
const IDENTITY_SCALARS_PER_FIELD = 24;
const IDENTITY_COLUMNS_PER_FIELD: Readonly<Record<IdentityField, number>> = { serial: 3, model: 1, firmware: 3 };
/**
 * Temperature and state objects kept per enterprise. An absent table costs nothing once the agent
 * has shown where it has nothing (snmp/walk-cache.ts), so big makers keep their disk and memory
 * tables (HPE's Smart Array drives were past the first 48).
 */
const SENSORS_PER_ENTERPRISE = 96;

/**
 * MIB files of a directory: its own files and those of its vendor folders, and of their
 * product sub-folders (LibreNMS's cambium/cnmatrix), in name order (EXTRAS, "broken" and dot-files skipped).
 */
async function mibFiles(dir: string): Promise<{ files: string[]; folders: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    folders.push(folder);
    for (const entry of (await readdir(folder)).sort()) {
      if (entry.startsWith('.') || entry === 'EXTRAS' || entry === 'broken' || /^(?:README|CONTRIBUTING|VERSION|LICENSE)/.test(entry)) continue;
      const path = join(folder, entry);
      if ((await stat(path)).isDirectory()) await visit(path);
      else files.push(path);
    }
  };
  await visit(dir);
  return { files, folders };
}

/**
 * libsmi finds an imported module by a file named after it; vendor folders name
 * files freely ("mib-jnx-smi.txt" holds JUNIPER-SMI). A folder of links named
 * after every module's DEFINITIONS line, first on SMIPATH, lets every import resolve.
 */
async function moduleIndex(files: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'forewarn-mibs-'));
  for (const file of files) {
    const head = (await readFile(file, 'latin1')).slice(0, 20_000);
    for (const m of head.matchAll(/^\s*([A-Za-z][\w-]*)\s+DEFINITIONS\s*::=\s*BEGIN/gm)) {
      await symlink(file, join(dir, m[1]!)).catch(() => undefined);
    }
  }
  return dir;
}

async function readAll(files: string[], smiPath: string): Promise<MibModule[]> {
  const modules: Array<MibModule & { order: number }> = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const index = next;
      const mod = await readMibModule(file, smiPath).catch(() => null);
      if (mod) modules.push({ ...mod, order: index });
      if (++done % 500 === 0) process.stderr.write(`  ${done}/${files.length} files\n`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  // One copy of each module: the one from the earliest directory given.
  const seen = new Set<string>();
  return modules
    .sort((a, b) => a.order - b.order)
    .filter((m) => !seen.has(m.name) && Boolean(seen.add(m.name)))
    .map(({ order: _order, ...m }) => m);
}

/** Resolves a TC to its base type, hint and labels through the typedefs of every module read. */
function resolver(modules: MibModule[]) {
  const typedefs = new Map<string, MibTypedef>();
  for (const m of modules) for (const t of m.typedefs) if (!typedefs.has(`${t.module}::${t.name}`)) typedefs.set(`${t.module}::${t.name}`, t);
  return (type: MibType | undefined): { base: string; format?: string; enums?: Record<number, string> } => {
    if (!type) return { base: '' };
    if (type.basetype) return { base: type.basetype, format: type.format, enums: type.enums };
    const td = typedefs.get(`${type.module}::${type.name}`);
    if (td) return { base: td.basetype, format: td.format, enums: td.enums };
    return { base: type.name };
  };
}

const STRING_BASES = /^(?:OctetString|DisplayString|SnmpAdminString|OCTET STRING)$/;
const NUMBER_BASES = /^(?:Integer32|INTEGER|Gauge32|Unsigned32|Gauge)$/;
const readable = (o: MibObject) => /read/.test(o.access ?? '');

interface Compiled {
  products: Record<string, [string, string?]>;
  /** Per enterprise, the class most of its classed products and MIB modules state (a weak prior). */
  enterpriseClasses: Record<number, string>;
  /** Enterprises whose many MIB modules state no class at all: not known network makers (rules/agent-prior.ts). */
  unclassedMibVendors: number[];
  moduleClasses: Record<number, ModuleProbe[]>;
  identity: Record<number, Array<[IdentityField, string, string, 0 | 1]>>;
  /** Per enterprise, per-model MIB families: [field, family OID, suffix below a model's OID, example object] (modelFamilies). */
  identityFamilies: Record<number, Array<[IdentityField, string, string, string]>>;
  /** `unstated`: the MIB gives no unit size (no DISPLAY-HINT, no "Celsius", no "tenths"), so whole degrees are a guess. */
  temperatures: Record<number, Array<{ oid: string; name: string; mib: string; scale: number; unstated?: 1; stepUnstated?: 1; scalar?: 1; nameColumn?: string; component: string; rank: number; typeColumn?: string; typeIs?: number[] }>>;
  states: Record<number, Array<{ oid: string; name: string; mib: string; component: string; states: Record<number, [string, string]>; scalar?: 1; nameColumn?: string }>>;
  /** Per enterprise, tables built like ENTITY-SENSOR-MIB's entPhySensorTable (type, scale, precision, value). */
  entitySensorTables: Record<number, EntitySensorTable[]>;
  /** Per enterprise, UPS battery scalars: charge (with its scale), runtime left (with its unit), battery status. */
  ups: Record<number, CompiledUps[]>;
}

type CompiledUps =
  | { field: 'chargePercent'; oid: string; mib: string; scale: number }
  | { field: 'runtimeMinutes'; oid: string; mib: string; unit: 'ticks' | 'minutes' | 'seconds' }
  | { field: 'batteryStatus'; oid: string; mib: string; states: Record<number, string> };

interface EntitySensorTable {
  mib: string;
  columns: { type: string; scale: string; precision: string; value: string; status?: string };
  /** Type enumeration number → sensor kind (celsius → temperature…). */
  types: Record<number, string>;
  /** Scale enumeration number → power of ten (milli → −3). */
  scales: Record<number, number>;
}

const SI_PREFIX: Record<string, number> = {
  yocto: -24, zepto: -21, atto: -18, femto: -15, pico: -12, nano: -9, micro: -6, milli: -3, units: 0, unit: 0,
  kilo: 3, mega: 6, giga: 9, tera: 12, peta: 15, exa: 18, zetta: 21, yotta: 24,
};
const SENSOR_UNIT_KIND: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:celsius|degc|degreesc)$/i, 'temperature'],
  [/^volts?(?:ac|dc)$/i, 'voltage'],
  [/^amperes?$/i, 'current'],
  [/^watts?$/i, 'power'],
  [/^hertz$/i, 'frequency'],
  [/^percentrh$/i, 'humidity'],
  [/^rpm$/i, 'fan'],
];

/**
 * Rows whose columns are a sensor type enumeration with "celsius", an SI scale
 * enumeration, a precision and a value: the ENTITY-SENSOR-MIB layout that
 * vendors copy into their own trees (CISCO-ENTITY-SENSOR-MIB and others).
 */
function entitySensorTables(rows: Map<string, MibObject[]>, resolve: ReturnType<typeof resolver>): Array<[number, EntitySensorTable]> {
  const out: Array<[number, EntitySensorTable]> = [];
  for (const columns of rows.values()) {
    const col = (re: RegExp) => columns.find((c) => re.test(c.name));
    const type = col(/SensorType$/);
    const scale = col(/SensorScale$/);
    const precision = col(/SensorPrecision$/);
    const value = col(/SensorValue$/);
    if (!type || !scale || !precision || !value) continue;
    const typeEnums = resolve(type.type).enums ?? {};
    const scaleEnums = resolve(scale.type).enums ?? {};
    const types: Record<number, string> = {};
    for (const [n, label] of Object.entries(typeEnums)) {
      const kind = SENSOR_UNIT_KIND.find(([re]) => re.test(label))?.[1];
      if (kind) types[Number(n)] = kind;
    }
    const scales: Record<number, number> = {};
    for (const [n, label] of Object.entries(scaleEnums)) if (SI_PREFIX[label.toLowerCase()] !== undefined) scales[Number(n)] = SI_PREFIX[label.toLowerCase()]!;
    if (!Object.values(types).includes('temperature') || scales[Object.keys(scales).map(Number).find((n) => scales[n] === 0) ?? -1] === undefined) continue;
    const status = col(/SensorOperStatus$|SensorStatus$/);
    out.push([
      enterpriseOf(value.oid)!,
      { mib: value.module, columns: { type: type.oid, scale: scale.oid, precision: precision.oid, value: value.oid, ...(status ? { status: status.oid } : {}) }, types, scales },
    ]);
  }
  return out;
}

/**
 * Products under one branch often share a naming prefix that is not the model
 * ("jnxProductNameEX4300", "ogIM72xx"): per parent OID with three or more
 * products, the common prefix up to a word boundary (lower → upper case or digit).
 */
function siblingPrefixes(leaves: MibObject[]): Map<string, number> {
  const byParent = new Map<string, string[]>();
  for (const o of leaves) {
    const parent = o.oid.slice(0, o.oid.lastIndexOf('.'));
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(o.name);
    else byParent.set(parent, [o.name]);
  }
  const out = new Map<string, number>();
  for (const [parent, names] of byParent) {
    if (names.length < 3) continue;
    let common = names[0]!;
    for (const n of names) while (!n.startsWith(common)) common = common.slice(0, -1);
    // Cut back to a boundary: the prefix ends in lower case and every name continues with upper case or a digit.
    let cut = common.length;
    while (cut > 0 && !(/[a-z]/.test(common[cut - 1]!) && names.every((n) => /[A-Z\d]/.test(n[cut] ?? '')))) cut--;
    if (cut >= 2 && names.every((n) => n.length - cut >= 2)) out.set(parent, cut);
  }
  return out;
}

/**
 * An enterprise's usual class: one vote per product branch (parent OID) for
 * each class its products there state, kept when a class has votes from three
 * branches and 60% of all. (Counting products, or MIB module names, made
 * VMware a PDU maker: one branch of "…ATS" registrations.)
 */
function enterpriseClasses(products: Compiled['products']): Record<number, string> {
  const votes = new Map<number, Map<string, number>>();
  const branches = new Map<number, Set<string>>();
  for (const oid of Object.keys(products)) {
    const enterprise = enterpriseOf(oid);
    if (enterprise !== null) (branches.get(enterprise) ?? branches.set(enterprise, new Set()).get(enterprise)!).add(oid.slice(0, oid.lastIndexOf('.')));
  }
  const vote = (enterprise: number | null, cls: string | null | undefined) => {
    if (enterprise == null || !cls) return;
    const tally = votes.get(enterprise) ?? new Map<string, number>();
    tally.set(cls, (tally.get(cls) ?? 0) + 1);
    votes.set(enterprise, tally);
  };
  const counted = new Set<string>();
  for (const [oid, [, cls]] of Object.entries(products)) {
    const branch = `${oid.slice(0, oid.lastIndexOf('.'))}:${cls}`;
    // Optics and line cards say "DWDM" or "SONET": that is what they are, not what their maker mostly makes.
    if (!cls || cls === 'network-device' || counted.has(branch)) continue;
    counted.add(branch);
    vote(enterpriseOf(oid), cls);
  }
  const out: Record<number, string> = {};
  for (const [enterprise, tally] of votes) {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const [cls, n] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]!;
    // A vendor whose products hang under one or two branches, all stating one class, makes that one thing.
    const unanimousSmall = n === total && (branches.get(enterprise)?.size ?? 0) <= 2;
    if ((n >= 3 && n / total >= 0.6) || unanimousSmall) out[enterprise] = cls;
  }
  return out;
}

/** A vendor with this few modules makes few kinds of thing: one module naming its class is enough. */
const SMALL_VENDOR_MODULES = 3;

/**
 * Where products state no class, what the vendor's MIB modules say they are
 * for ("RADIO-BRIDGE-MIB", "…MIB for the Extreme switch family"): one vote per
 * module, for the class its name or else its MODULE-IDENTITY description
 * names, counted for the enterprise most of its objects sit under. Kept with
 * two votes or more and three quarters of all, or with the one vote of a
 * vendor of three modules or fewer: a vendor of many kinds of product (Cisco,
 * Huawei, Zyxel) gets none, and so does one with votes for both UPS and PDU
 * (Eaton makes both: a 9PX UPS must not read "PDU" because most of its
 * vendor's modules are about PDUs).
 */
function moduleDescriptionClasses(modules: readonly MibModule[]): Record<number, string> {
  const votes = new Map<number, Map<string, number>>();
  const moduleCount = new Map<number, number>();
  for (const m of modules) {
    const enterprise = moduleEnterprise(m);
    if (enterprise === null) continue;
    moduleCount.set(enterprise, (moduleCount.get(enterprise) ?? 0) + 1);
    const cls = classOfModule(m.name, m.description);
    // "Network device" is the fallback of vendor-vocabulary.ts, never a vote against a narrower class.
    if (!cls || cls === 'network-device') continue;
    const tally = votes.get(enterprise) ?? new Map<string, number>();
    tally.set(cls, (tally.get(cls) ?? 0) + 1);
    votes.set(enterprise, tally);
  }
  const out: Record<number, string> = {};
  for (const [enterprise, tally] of votes) {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const [cls, n] = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const confused = tally.has('ups') && tally.has('pdu');
    const enough = n >= 2 || (moduleCount.get(enterprise) ?? 0) <= SMALL_VENDOR_MODULES;
    if (enough && n / total >= 0.75 && !confused) out[enterprise] = cls;
  }
  return out;
}


/** Per-model MIBs that must agree before an unseen model is asked the same place. */
const FAMILY_MIN_MODELS = 3;

interface IdentityCandidate {
  field: IdentityField;
  oid: string;
  id: string;
  column: boolean;
  rank: number;
}

/**
 * Per-model MIB families. Some vendors give every model its own MIB under the
 * model's product OID (…890.1.5.8.<model>.1.10.0 is each Zyxel switch's serial);
 * the six objects kept per field cannot cover hundreds of models, and the
 * models in no collection are the ones technicians meet. Where three or more
 * modules hold the same field at the same place below sibling subtrees, the
 * place is the family's: an agent whose sysObjectID is under the family is
 * asked its sysObjectID + the suffix (and its parent's + the suffix, for
 * vendors whose MIB hangs one arc above the product OID). A column counts by
 * its first row; a suffix is at least two arcs, so sibling scalars of one
 * group are not mistaken for models.
 */
function modelFamilies(candidates: Map<number, IdentityCandidate[]>): Compiled['identityFamilies'] {
  const out: Compiled['identityFamilies'] = {};
  for (const [enterprise, list] of candidates) {
    // Per place, the sibling subtrees (model arcs) each module fills.
    const places = new Map<string, { field: IdentityField; family: string; suffix: string; modules: Map<string, Set<string>>; id: string }>();
    for (const c of list) {
      const arcs = (c.column ? `${c.oid}.1` : c.oid).split('.');
      // The sibling subtree is at least two arcs below the enterprise (1.3.6.1.4.1.N.x.<model>).
      for (let k = 8; k < arcs.length - 2; k++) {
        const family = arcs.slice(0, k).join('.');
        const suffix = `.${arcs.slice(k + 1).join('.')}`;
        const key = `${c.field}|${family}|${suffix}`;
        const place = places.get(key) ?? { field: c.field, family, suffix, modules: new Map<string, Set<string>>(), id: c.id };
        const module = c.id.split('::')[0]!;
        place.modules.set(module, (place.modules.get(module) ?? new Set<string>()).add(arcs[k]!));
        places.set(key, place);
      }
    }
    const models = (p: { modules: Map<string, Set<string>> }) => new Set([...p.modules.values()].flatMap((arcs) => [...arcs])).size;
    const kept = [...places.values()]
      // A module that fills several siblings describes parts (paper trays 1–6), not one model each.
      .filter((p) => models(p) >= FAMILY_MIN_MODELS && p.modules.size >= FAMILY_MIN_MODELS && [...p.modules.values()].every((arcs) => arcs.size === 1))
      .sort((a, b) => models(b) - models(a) || a.family.localeCompare(b.family) || a.suffix.localeCompare(b.suffix));
    // One place per field and family: the one most models agree on.
    const seen = new Set<string>();
    const rows: Compiled['identityFamilies'][number] = [];
    for (const p of kept) {
      if (seen.has(`${p.field}|${p.family}`)) continue;
      seen.add(`${p.field}|${p.family}`);
      rows.push([p.field, p.family, p.suffix, p.id]);
    }
    if (rows.length > 0) out[enterprise] = rows;
  }
  return out;
}

/**
 * What a temperature object's MIB leaves unsaid about its steps, when it gives no DISPLAY-HINT and
 * no step: `unstated` when it says nothing (not even Celsius), `stepUnstated` when it says Celsius
 * but not in what steps (Room Alert's "internal-tempc" reads 2080 for 20.80 °C). Whole degrees are
 * then a guess the engine checks against the readings (SensorDef.unstatedScale, stepUnstated).
 */
function scaleDoubt(scale: number, format: string | undefined, units: string | undefined, description: string): { unstated: 1 } | { stepUnstated: 1 } | Record<string, never> {
  if (scale !== 1 || format) return {};
  return saysCelsius(units, description) ? { stepUnstated: 1 } : { unstated: 1 };
}

/** A UPS battery scalar, with the scale or unit or states its MIB gives; null when it does not say. */
function upsObject(o: MibObject, type: { base: string; format?: string; enums?: Record<number, string> }): CompiledUps | null {
  const field = upsFieldOf(o.name);
  const oid = `${o.oid}.0`;
  if (field === 'batteryStatus') {
    const states = type.enums ? batteryStatusEnumeration(type.enums) : null;
    return states ? { field, oid, mib: o.module, states } : null;
  }
  if (field === 'chargePercent' && NUMBER_BASES.test(type.base) && !type.enums) {
    const hint = /^d-(\d)$/.exec(type.format ?? '');
    const tenths = /\b(?:0\.1|tenths?)\b/i.test(`${o.units ?? ''} ${o.description}`);
    return { field, oid, mib: o.module, scale: hint ? 10 ** -Number(hint[1]) : tenths ? 0.1 : 1 };
  }
  // TimeTicks may reach us as its SMI base type (Unsigned32): the declared type name says it too.
  const base = o.type?.name === 'TimeTicks' ? 'TimeTicks' : type.base;
  if (field === 'runtimeMinutes' && (NUMBER_BASES.test(base) || /TimeTicks/.test(base)) && !type.enums) {
    const unit = runtimeUnit(base, o.units, o.description);
    return unit ? { field, oid, mib: o.module, unit } : null;
  }
  return null;
}

/**
 * Tables that mix sensor kinds and say which in a type or unit column
 * (swSensorType, mtxrGaugeUnit): the value column is a temperature on the rows
 * whose type reads "temperature" or "celsius".
 */
function typedTemperatureTables(rows: Map<string, MibObject[]>, resolve: ReturnType<typeof resolver>, nameColumnOf: (o: MibObject) => string | undefined) {
  const out: Array<[number, Compiled['temperatures'][number][number]]> = [];
  for (const columns of rows.values()) {
    const typeColumn = columns.find((c) => /(?:Type|Unit|Units|Kind|Class)$/.test(c.name) && resolve(c.type).enums);
    if (!typeColumn) continue;
    const enums = resolve(typeColumn.type).enums!;
    const temperature = Object.entries(enums).filter(([, label]) => /^(?:temp|temperature|celsius|deg ?c|degrees ?c)$/.test(words(label).trim())).map(([n]) => Number(n));
    if (temperature.length === 0) continue;
    const value = columns.find((c) => /(?:Value|Reading|Current|Status)$/.test(c.name) && !/(?:Thresh|Limit|Max|Min|High|Low)/.test(c.name) && NUMBER_BASES.test(resolve(c.type).base) && !resolve(c.type).enums);
    if (!value) continue;
    const type = resolve(value.type);
    const scale = celsiusScale(type.format, value.units, value.description) ?? 1;
    const nameColumn = nameColumnOf(value);
    out.push([
      enterpriseOf(value.oid)!,
      {
        oid: value.oid, name: value.name, mib: value.module, scale, component: 'temperature', rank: 2 + (nameColumn ? 2 : 0),
        ...scaleDoubt(scale, type.format, value.units, value.description),
        typeColumn: typeColumn.oid, typeIs: temperature, ...(nameColumn ? { nameColumn } : {}),
      },
    ]);
  }
  return out;
}

function compile(modules: MibModule[]): Compiled {
  const resolve = resolver(modules);
  const seen = new Set<string>();
  const objects: MibObject[] = [];
  for (const m of modules) {
    for (const o of m.objects) {
      if (!o.oid.startsWith(ENTERPRISES) || seen.has(o.oid)) continue;
      seen.add(o.oid);
      objects.push(o);
    }
  }
  const oids = [...seen].sort();
  const hasChildren = new Set<string>();
  for (const oid of oids) {
    const parent = oid.slice(0, oid.lastIndexOf('.'));
    hasChildren.add(parent);
  }
  // Columns of each row, to name rows from a sibling description column.
  const rowColumns = new Map<string, MibObject[]>();
  for (const o of objects) {
    if (o.kind !== 'column') continue;
    const key = `${o.module}::${o.row}`;
    const columns = rowColumns.get(key);
    if (columns) columns.push(o);
    else rowColumns.set(key, [o]);
  }
  const nameColumnOf = (o: MibObject): string | undefined => {
    if (o.kind !== 'column') return undefined;
    const siblings = rowColumns.get(`${o.module}::${o.row}`) ?? [];
    const named = siblings.find((c) => c !== o && readable(c) && STRING_BASES.test(resolve(c.type).base) && /(?:descr|description|name|label|location|id)$/i.test(c.name));
    return named?.oid;
  };

  const productPrefix = siblingPrefixes(objects.filter((o) => o.kind === 'node' && !hasChildren.has(o.oid)));
  const out: Compiled = { products: {}, enterpriseClasses: {}, unclassedMibVendors: [], moduleClasses: moduleClassProbes(modules), identity: {}, identityFamilies: {}, temperatures: {}, states: {}, entitySensorTables: {}, ups: {} };
  for (const [enterprise, table] of entitySensorTables(rowColumns, resolve)) (out.entitySensorTables[enterprise] ??= []).push(table);
  for (const [enterprise, temperature] of typedTemperatureTables(rowColumns, resolve, nameColumnOf)) (out.temperatures[enterprise] ??= []).push(temperature);
  const identityCandidates = new Map<number, IdentityCandidate[]>();
  for (const o of objects) {
    const enterprise = enterpriseOf(o.oid)!;
    const type = resolve(o.type);
    if (o.kind === 'node') {
      // A leaf OBJECT IDENTIFIER (nothing registered below it) is a product or type registration.
      if (hasChildren.has(o.oid) || /(?:Group|Groups|Compliance|Compliances|Conformance|Notifications?|Traps?|Events?|MIB|Mib|Objects|Module)$/.test(o.name)) continue;
      // The name and the MIB's comment name the product; past its first sentence a
      // description lists the functions it serves ("DHCP server"), not what it is.
      const cls = classOfProduct(o.name, o.comment, o.description.split(/\.\s/)[0] ?? '');
      const model = o.name.slice(productPrefix.get(o.oid.slice(0, o.oid.lastIndexOf('.'))) ?? 0);
      out.products[o.oid] = cls ? [model, cls] : [model];
      continue;
    }
    if (!readable(o)) continue;
    const field = STRING_BASES.test(type.base) ? identityFieldOf(o.name) : null;
    if (field && (o.kind === 'scalar' || isBoxTable(o.row ?? ''))) {
      const list = identityCandidates.get(enterprise) ?? [];
      list.push({ field, oid: o.kind === 'scalar' ? `${o.oid}.0` : o.oid, id: `${o.module}::${o.name}`, column: o.kind === 'column', rank: identityRank(o.name) - (o.kind === 'column' ? 1 : 0) });
      identityCandidates.set(enterprise, list);
    }
    // A reading given as text ("47.38", Grandstream; "45", Check Point) is read by its leading number, in the unit it says.
    const text = STRING_BASES.test(type.base);
    if ((NUMBER_BASES.test(type.base) || text) && !type.enums && isTemperatureName(o.name)) {
      const scale = text ? (celsiusScale(undefined, o.units, o.description) === null ? null : 1) : celsiusScale(type.format, o.units, o.description);
      if (scale !== null) {
        const nameColumn = nameColumnOf(o);
        (out.temperatures[enterprise] ??= []).push({
          oid: o.kind === 'scalar' ? `${o.oid}.0` : o.oid,
          name: o.name,
          mib: o.module,
          scale,
          ...(text ? {} : scaleDoubt(scale, type.format, o.units, o.description)),
          ...(o.kind === 'scalar' ? { scalar: 1 as const } : {}),
          ...(nameColumn ? { nameColumn } : {}),
          component: temperatureComponent(o.name),
          rank: temperatureRank(o.name, saysCelsius(o.units, o.description), !!nameColumn),
        });
      }
    }
    if (o.kind === 'scalar') {
      const ups = upsObject(o, type);
      if (ups) (out.ups[enterprise] ??= []).push(ups);
    }
    const enums = type.enums ?? (NUMBER_BASES.test(type.base) ? enumerationInDescription(o.description) : null);
    if (enums) {
      const component = stateComponentOf(o.name, o.row ?? '');
      const states = component ? healthEnumeration(enums, o.name) : null;
      if (component && states) {
        const nameColumn = nameColumnOf(o);
        (out.states[enterprise] ??= []).push({
          oid: o.kind === 'scalar' ? `${o.oid}.0` : o.oid,
          name: o.name,
          mib: o.module,
          component,
          states,
          ...(o.kind === 'scalar' ? { scalar: 1 as const } : {}),
          ...(nameColumn ? { nameColumn } : {}),
        });
      }
    }
  }
  // Narrowest last: what products state, then what modules state, then "makes network equipment".
  out.enterpriseClasses = { ...vendorVocabularyClasses(modules), ...moduleDescriptionClasses(modules), ...enterpriseClasses(out.products) };
  out.unclassedMibVendors = vendorsWithManyModules(modules).filter((e) => !out.enterpriseClasses[e]).sort((a, b) => a - b);
  out.identityFamilies = modelFamilies(identityCandidates);
  for (const [enterprise, list] of identityCandidates) {
    const kept: Compiled['identity'][number] = [];
    for (const field of ['serial', 'model', 'firmware'] as const) {
      const ranked = list.filter((c) => c.field === field).sort((a, b) => b.rank - a.rank || a.oid.localeCompare(b.oid));
      const best = [
        ...ranked.filter((c) => !c.column).slice(0, IDENTITY_SCALARS_PER_FIELD),
        ...ranked.filter((c) => c.column).slice(0, IDENTITY_COLUMNS_PER_FIELD[field]),
      ].sort((a, b) => b.rank - a.rank);
      for (const c of best) kept.push([field, c.oid, c.id, c.column ? 1 : 0]);
    }
    out.identity[enterprise] = kept;
  }
  // The box's own, named, Celsius-stated sensors first: a temperature with a name column reads "Inlet 24 °C", not "temp 3".
  for (const [enterprise, list] of Object.entries(out.temperatures)) {
    out.temperatures[Number(enterprise)] = list.sort((a, b) => b.rank - a.rank || a.oid.localeCompare(b.oid)).slice(0, SENSORS_PER_ENTERPRISE);
  }
  for (const [enterprise, list] of Object.entries(out.states)) out.states[Number(enterprise)] = list.slice(0, SENSORS_PER_ENTERPRISE);
  return out;
}

/** Every module of the directories, parsed by smidump, or read back from the cache a previous run wrote. */
async function modulesOf(dirs: string[], cacheFile: string | undefined): Promise<{ modules: MibModule[]; files: number }> {
  if (cacheFile) {
    const cached = await readFile(cacheFile, 'utf8').then((t) => JSON.parse(t) as { files: number; modules: MibModule[] }, () => null);
    if (cached) return cached;
  }
  const listed = await Promise.all(dirs.map(mibFiles));
  const files = listed.flatMap((l) => l.files);
  const folders = listed.flatMap((l) => l.folders);
  const index = await moduleIndex(files);
  const modules = await readAll(files, [index, ...folders].join(':'));
  await rm(index, { recursive: true, force: true });
  if (cacheFile) await writeFile(cacheFile, JSON.stringify({ files: files.length, modules }));
  return { modules, files: files.length };
}

/** The products as the engine reads them: "oid<TAB>name[<TAB>class]" lines sorted by OID (knowledge/sorted-lines.ts). */
function productLines(products: Compiled['products']): string {
  return sortedLines(Object.entries(products).map(([oid, [name, cls]]) => (cls ? [oid, name, cls] : [oid, name])));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const optionValue = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const values = new Set(['--source', '--modules-cache'].map((f) => args.indexOf(f) + 1).filter((i) => i > 0));
  const dirs = args.filter((a, i) => !a.startsWith('--') && !values.has(i));
  if (dirs.length === 0) {
    console.error('usage: tsx tools/knowledge/compile-mibs.ts MIB_DIR [MIB_DIR...] [--source TEXT] [--modules-cache FILE]');
    process.exit(2);
  }
  const source = optionValue('--source') ?? dirs.join(', ');
  const started = Date.now();
  const { modules, files } = await modulesOf(dirs, optionValue('--modules-cache'));
  const compiled = compile(modules);
  const header = { source, compiledBy: 'tools/knowledge/compile-mibs.ts (libsmi smidump -f xml)', modules: modules.length };
  const write = (name: string, body: object) => writeFile(join('resources/knowledge', name), `${JSON.stringify({ ...header, ...body })}\n`);
  await write('products.json', { enterpriseClasses: compiled.enterpriseClasses, unclassedMibVendors: compiled.unclassedMibVendors, products: productLines(compiled.products) });
  await write('identity.json', { identity: compiled.identity, families: compiled.identityFamilies, modules: compiled.moduleClasses });
  await write('sensors.json', { temperatures: compiled.temperatures, states: compiled.states, entitySensorTables: compiled.entitySensorTables, ups: compiled.ups });
  const count = (r: Record<number, unknown[]>) => Object.values(r).reduce((n, l) => n + l.length, 0);
  console.log(
    `${modules.length} modules from ${files} files in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
      `${Object.keys(compiled.products).length} products (${Object.values(compiled.products).filter((p) => p[1]).length} with a class), ` +
      `${count(compiled.moduleClasses)} classed-module probes for ${Object.keys(compiled.moduleClasses).length} enterprises, ` +
      `identity objects for ${Object.keys(compiled.identity).length} enterprises (${count(compiled.identity)}), ` +
      `${count(compiled.identityFamilies)} per-model MIB family places for ${Object.keys(compiled.identityFamilies).length} enterprises, ` +
      `${count(compiled.temperatures)} temperature objects, ${count(compiled.states)} health states, ${count(compiled.entitySensorTables)} ENTITY-SENSOR-like tables, ${count(compiled.ups)} UPS battery objects`,
  );
}

await main();
