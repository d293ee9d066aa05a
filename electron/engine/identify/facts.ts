/**
 * Reads the facts the rules need, with few and bounded SNMP reads:
 * one GET for the system group; in full mode, GETs of the specific scalars the
 * rules name (vendor-MIB scalars only for the device's own enterprise, or for
 * all known vendors when the agent is a generic one like net-snmp), one-row
 * walks of a few columns, and two small bounded walks (ENTITY-MIB class column,
 * hrDeviceType) to find the chassis and printer rows.
 */
import type { SnmpSource, VarBind } from '../snmp/source';
import { cleanValue } from './clean';
import { asRawText } from '../snmp/varbind-values';
import { readFirstRows } from '../snmp/first-rows';
import { isCensusFact } from './enterprise-census';
import { enterpriseOf } from './enterprises';
import { conditionHolds } from './evaluate';
import { COLUMN, ENT_CLASS, HR_DEVICE_PRINTER, OID } from './oids';
import { enterprisesWorthAsking, worthAsking, type EnterpriseGate } from './rules/probe-gates';
import type { Facts, HostFacts, Rule } from './types';
import type { HostHints } from '../discovery/host-hints';
import { HINT_FACT } from './rules/host-hints';
import { readRunningSoftware } from './running-software';

const GET_BATCH = 20;
const ENTITY_MAX_ROWS = 400;
const HR_DEVICE_MAX_ROWS = 64;
/** Chassis/stack rows whose model names are compared (one GET). */
const ENTITY_CANDIDATES = 8;
const WALK_TIMEOUT_MS = 3000;
// Every walk here is a sample (first rows, candidates): `sample` tells the scan's
// walk observer that stopping at the row bound is what was asked, not a problem.

/** Derived ENTITY-MIB facts: the chassis row's columns. */
const ENTITY_FACTS: ReadonlyArray<[string, string]> = [
  ['ent.descr', COLUMN.entPhysicalDescr],
  ['ent.name', COLUMN.entPhysicalName],
  ['ent.hardware', COLUMN.entPhysicalHardwareRev],
  ['ent.firmware', COLUMN.entPhysicalFirmwareRev],
  ['ent.software', COLUMN.entPhysicalSoftwareRev],
  ['ent.serial', COLUMN.entPhysicalSerialNum],
  ['ent.mfg', COLUMN.entPhysicalMfgName],
  ['ent.model', COLUMN.entPhysicalModelName],
];

export const SYSTEM_OIDS = [OID.sysDescr, OID.sysObjectID, OID.sysName, OID.sysServices] as const;

export function isOidKey(key: string): boolean {
  return /^\d+(\.\d+)+$/.test(key);
}

function put(facts: Facts, key: string, value: string | null, source: string): void {
  if (value == null || facts.has(key)) return;
  facts.set(key, { value, source });
}

/** Facts from what discovery already knows: MAC, hostname, open ports, system group. */
export function hostFacts(host: HostFacts): Facts {
  const facts: Facts = new Map();
  if (host.mac) put(facts, 'mac', host.mac, 'mac');
  if (host.hostname) put(facts, 'hostname', host.hostname, 'dns');
  for (const port of host.openTcpPorts ?? []) put(facts, `tcp:${port}`, 'open', `tcp:${port}`);
  if (host.hints) putHintFacts(facts, host.hints);
  const sys = host.system;
  if (sys) {
    put(facts, OID.sysDescr, sys.sysDescr ?? null, OID.sysDescr);
    put(facts, OID.sysObjectID, sys.sysObjectID?.replace(/^\./, '') ?? null, OID.sysObjectID);
    put(facts, OID.sysName, sys.sysName ?? null, OID.sysName);
    put(facts, OID.sysServices, sys.sysServices != null ? String(sys.sysServices) : null, OID.sysServices);
  }
  return facts;
}

/** The host's own words (discovery/host-hints) as facts, each with the service it came from. */
function putHintFacts(facts: Facts, hints: HostHints): void {
  const { mdns, netbios, ssdp, web } = hints;
  put(facts, HINT_FACT.mdnsName, mdns?.name ?? null, 'mdns');
  for (const service of mdns?.services ?? []) put(facts, `${HINT_FACT.mdnsService}${service}`, 'announced', 'mdns');
  put(facts, HINT_FACT.netbiosName, netbios?.name ?? null, 'netbios');
  put(facts, HINT_FACT.netbiosWorkgroup, netbios?.workgroup ?? null, 'netbios');
  put(facts, HINT_FACT.ssdpName, ssdp?.friendlyName ?? null, 'ssdp');
  put(facts, HINT_FACT.ssdpMaker, ssdp?.manufacturer ?? null, 'ssdp');
  put(facts, HINT_FACT.ssdpModel, ssdp?.modelName ?? null, 'ssdp');
  put(facts, HINT_FACT.ssdpSerial, ssdp?.serialNumber ?? null, 'ssdp');
  put(facts, HINT_FACT.ssdpType, ssdp?.deviceType ?? null, 'ssdp');
  put(facts, HINT_FACT.webTitle, web?.title ?? null, web?.url ?? 'http');
  put(facts, HINT_FACT.webServer, web?.server ?? null, web?.url ?? 'http');
  put(facts, HINT_FACT.certName, web?.certificateName ?? null, 'tls');
  put(facts, HINT_FACT.certOrganization, web?.certificateOrganization ?? null, 'tls');
}

function storeVarbind(facts: Facts, key: string, vb: VarBind | null | undefined): void {
  if (!vb) return;
  if (key === OID.lldpLocSysCapEnabled) {
    // BITS: first octet, MSB = bit 0 (other). Stored as that octet's integer.
    const v = vb.value;
    if (v instanceof Uint8Array && v.length > 0) put(facts, 'lldp.caps', String(v[0]), vb.oid);
    return;
  }
  put(facts, key, asRawText(vb)?.replace(/^\./, '') ?? null, vb.oid);
}

async function getMany(source: SnmpSource, oids: readonly string[], facts: Facts, signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < oids.length; i += GET_BATCH) {
    const batch = oids.slice(i, i + GET_BATCH);
    const values = await source.get(batch, signal);
    batch.forEach((oid, j) => storeVarbind(facts, oid, values[j]));
  }
}

export async function readSystemGroup(source: SnmpSource, facts: Facts, signal?: AbortSignal): Promise<void> {
  const missing = SYSTEM_OIDS.filter((oid) => !facts.has(oid));
  if (missing.length > 0) await getMany(source, missing, facts, signal);
}

function wanted(key: string, gate: EnterpriseGate): boolean {
  const oid = key.startsWith('first:') ? key.slice(6) : key;
  return isOidKey(oid) && worthAsking(oid, gate);
}

/**
 * Every fact key named by the rules (main fact and conditions), skipping rules
 * whose sysObjectID or enterprise-census condition already fails: a vendor's
 * rules cost no reads on other vendors' devices.
 */
export function ruleFactKeys(rules: readonly Rule[], facts?: Facts): Set<string> {
  const keys = new Set<string>();
  for (const rule of rules) {
    const gates = [rule, ...(rule.also ?? [])].filter((c) => (c.fact === OID.sysObjectID && c.prefix !== undefined) || isCensusFact(c.fact));
    if (facts && gates.some((c) => !conditionHolds(c, facts))) continue;
    keys.add(rule.fact);
    for (const c of rule.also ?? []) keys.add(c.fact);
  }
  return keys;
}

/**
 * Facts at OIDs relative to the device's own sysObjectID: `obj:<suffix>` under
 * it (Moxa, Zyxel... put identity there), `objparent:<suffix>` under its parent
 * (Accton-built switches, Edgecore and FS, root each model's MIB one arc above
 * the product OID: sysObjectID 259.10.1.45.105, switch info at 259.10.1.45.1.1.3).
 */
function resolveObjKey(key: string, facts: Facts): string | null {
  const sysObjectID = facts.get(OID.sysObjectID)?.value;
  if (!sysObjectID) return null;
  if (key.startsWith('obj:')) return `${sysObjectID}${key.slice('obj:'.length)}`;
  if (key.startsWith('objparent:')) {
    const parent = sysObjectID.slice(0, sysObjectID.lastIndexOf('.'));
    return parent ? `${parent}${key.slice('objparent:'.length)}` : null;
  }
  return null;
}

async function readFirstRowFacts(source: SnmpSource, columns: string[], facts: Facts, signal?: AbortSignal): Promise<void> {
  const rows = await readFirstRows(source, columns, { timeoutMs: WALK_TIMEOUT_MS, signal });
  rows.forEach((row, i) => {
    if (row) put(facts, `first:${columns[i]}`, asRawText(row), row.oid);
  });
}

/**
 * Picks the chassis row and reads its columns. Candidates: chassis-class rows,
 * then stack rows, then (agents without entPhysicalClass) the rows that have
 * a model name; the first candidate with a non-empty model name wins.
 */
/** The rows of one table column (a walk may run past its end). */
function column(col: string, rows: VarBind[]): VarBind[] {
  return rows.filter((r) => r.oid.startsWith(`${col}.`));
}

async function readEntityChassis(source: SnmpSource, facts: Facts, signal?: AbortSignal): Promise<void> {
  const indexIn = (col: string, r: VarBind) => r.oid.slice(col.length + 1);
  const classes = column(
    COLUMN.entPhysicalClass,
    (await source.walk(COLUMN.entPhysicalClass, { maxRows: ENTITY_MAX_ROWS, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true })).rows,
  );
  let candidates: string[];
  if (classes.length > 0) {
    const ofClass = (c: number) => classes.filter((r) => Number(r.value) === c).map((r) => indexIn(COLUMN.entPhysicalClass, r));
    const chassis = ofClass(ENT_CLASS.chassis);
    put(facts, 'ent.chassisCount', String(chassis.length), COLUMN.entPhysicalClass);
    candidates = [...chassis, ...ofClass(ENT_CLASS.stack)].slice(0, ENTITY_CANDIDATES);
    if (candidates.length === 0) candidates = [indexIn(COLUMN.entPhysicalClass, classes[0]!)];
  } else {
    const models = column(
      COLUMN.entPhysicalModelName,
      (await source.walk(COLUMN.entPhysicalModelName, { maxRows: ENTITY_CANDIDATES * 4, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true })).rows,
    );
    candidates = models.filter((r) => cleanValue(asRawText(r))).map((r) => indexIn(COLUMN.entPhysicalModelName, r)).slice(0, 1);
    if (candidates.length === 0) {
      const descr = column(COLUMN.entPhysicalDescr, (await source.walk(COLUMN.entPhysicalDescr, { maxRows: 1, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true })).rows);
      if (descr.length === 0) {
        // Some agents (Firepower FXOS) fill only entPhysicalSerialNum (and empty model names):
        // no row to pick, but the serial still counts. No ENTITY rows at all: nothing more to ask.
        if (models.length > 0) await readFirstEntitySerial(source, facts, signal);
        return;
      }
      candidates = [indexIn(COLUMN.entPhysicalDescr, descr[0]!)];
    }
  }
  let index = candidates[0]!;
  if (candidates.length > 1) {
    const models = await source.get(candidates.map((i) => `${COLUMN.entPhysicalModelName}.${i}`), signal);
    const withModel = models.findIndex((vb) => cleanValue(asRawText(vb)));
    if (withModel >= 0) index = candidates[withModel]!;
  }
  const classRow = classes.find((r) => indexIn(COLUMN.entPhysicalClass, r) === index);
  if (classRow) put(facts, 'ent.class', String(classRow.value), classRow.oid);
  const oids = ENTITY_FACTS.map(([, col]) => `${col}.${index}`);
  const values = await source.get(oids, signal);
  ENTITY_FACTS.forEach(([key], i) => {
    const vb = values[i];
    if (vb) put(facts, key, asRawText(vb), vb.oid);
  });
  // Stacks often leave the virtual chassis row's serial empty: take the first member's.
  if (!cleanValue(facts.get('ent.serial')?.value)) await readFirstEntitySerial(source, facts, signal);
}

/** `ent.anySerial`: the first non-empty entPhysicalSerialNum (weaker than the chassis row's own). */
async function readFirstEntitySerial(source: SnmpSource, facts: Facts, signal?: AbortSignal): Promise<void> {
  const res = await source.walk(COLUMN.entPhysicalSerialNum, { maxRows: ENTITY_CANDIDATES * 4, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true });
  const firstSerial = column(COLUMN.entPhysicalSerialNum, res.rows).find((r) => cleanValue(asRawText(r)));
  if (firstSerial) put(facts, 'ent.anySerial', asRawText(firstSerial), firstSerial.oid);
}

/** The printer row of hrDeviceTable: its description is the printer's model on most MFPs. */
async function readHrPrinter(source: SnmpSource, facts: Facts, signal?: AbortSignal): Promise<void> {
  const res = await source.walk(COLUMN.hrDeviceType, { maxRows: HR_DEVICE_MAX_ROWS, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true });
  const row = res.rows.find((r) => r.oid.startsWith(`${COLUMN.hrDeviceType}.`) && String(r.value).replace(/^\./, '') === HR_DEVICE_PRINTER);
  if (!row) return;
  const index = row.oid.slice(COLUMN.hrDeviceType.length + 1);
  put(facts, 'hr.printer', 'present', row.oid);
  const [descr] = await source.get([`${COLUMN.hrDeviceDescr}.${index}`], signal);
  if (descr) put(facts, 'hr.printer.descr', asRawText(descr), descr.oid);
}

async function readRelative(source: SnmpSource, pairs: ReadonlyArray<readonly [string, string]>, facts: Facts, signal?: AbortSignal): Promise<void> {
  if (pairs.length === 0) return;
  const values = await source.get(pairs.map(([, oid]) => oid), signal);
  pairs.forEach(([key], i) => storeVarbind(facts, key, values[i]));
}

/** IANAifType numbers by the kind of link they are (Wi-Fi, radio links, cable, DSL, cellular, Ethernet, tunnels and PPP). */
const IF_TYPE_KINDS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['if.ethernet', [6, 62, 69, 117]],
  ['if.wifi', [71]],
  // radioMAC (188) and 802.16 (237): the MAC layer of point-to-point and point-to-multipoint radio links.
  ['if.radio', [188, 237]],
  ['if.docsis', [127, 128, 129, 205, 277, 278, 279]],
  ['if.dsl', [94, 95, 96, 97, 143, 230, 238, 251]],
  ['if.cellular', [243, 244]],
  ['if.tunnel', [131, 23]],
];
const IF_TYPE_MAX_ROWS = 512;

/** The mix of interface types (`if.ethernet` = 24, `if.wifi` = 2): what links a box has says what it is. */
async function readInterfaceMix(source: SnmpSource, facts: Facts, signal?: AbortSignal): Promise<void> {
  const res = await source.walk(COLUMN.ifType, { maxRows: IF_TYPE_MAX_ROWS, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true });
  const types = column(COLUMN.ifType, res.rows).map((r) => Number(r.value));
  if (types.length === 0) return;
  for (const [key, kinds] of IF_TYPE_KINDS) {
    const n = types.filter((t) => kinds.includes(t)).length;
    if (n > 0) put(facts, key, String(n), COLUMN.ifType);
  }
}

/** Full mode: everything the rules name, bounded; vendor objects only of the enterprises the agent serves (`census`). */
export async function readDeepFacts(source: SnmpSource, rules: readonly Rule[], facts: Facts, census: readonly number[], signal?: AbortSignal): Promise<void> {
  const objectId = facts.get(OID.sysObjectID)?.value;
  const gate = enterprisesWorthAsking(objectId ? enterpriseOf(objectId) : null, census);
  const named = [...ruleFactKeys(rules, facts)];
  const keys = named.filter((k) => !facts.has(k) && wanted(k, gate));
  const scalars = keys.filter(isOidKey);
  const relative = named.flatMap((k) => {
    const oid = resolveObjKey(k, facts);
    return oid ? [[k, oid] as const] : [];
  });
  if (!scalars.includes(OID.lldpLocSysCapEnabled)) scalars.push(OID.lldpLocSysCapEnabled);
  const columns = keys.filter((k) => k.startsWith('first:')).map((k) => k.slice(6));
  await Promise.all([
    getMany(source, scalars, facts, signal),
    readFirstRowFacts(source, columns, facts, signal),
    readEntityChassis(source, facts, signal),
    readHrPrinter(source, facts, signal),
    readInterfaceMix(source, facts, signal),
    readRunningSoftware(source, facts, signal),
    readRelative(source, relative, facts, signal),
  ]);
}
