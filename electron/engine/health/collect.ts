/**
 * collectHealth: every health collector against one SNMP source (live agent
 * or walk file), normalised to shared/health/schema. Collectors are
 * independent: one failing (timeout, garbage) leaves an error and the rest run.
 */
import type { HealthReadings, Sensor } from '../../../shared/health/schema';
import type { DeviceType } from '../../../shared/device-types';
import type { SnmpSource } from '../snmp/source';
import type { VendorScope } from '../identify/rule-owners';
import { createContext, mayImplement, readScalars, vendorEnterprises, vendorTableOff, type HealthContext } from './table';
import { enterpriseCensus } from '../identify/enterprise-census';
import { asText } from '../snmp/varbind-values';
import { enterpriseOf } from '../identify/enterprises';
import { compiledSensorDefs } from '../knowledge/sensor-objects';
import type { SensorDef } from './sensor-table-engine';
import { collectCpu, collectDeviceStatus, collectStorage } from './host-resources';
import { collectInterfaces } from './interfaces';
import { collectPrinterState, collectSupplies } from './printer';
import { collectUps } from './ups';
import { collectEntitySensors } from './entity-sensor';
import { readSensorDef } from './sensor-table-engine';
import { SENSOR_DEFS } from './sensor-tables';

const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';
import { ENVIRONMENT_TEMPERATURE_DEFS } from './sensor-tables-environment';

export interface CollectHealthOptions {
  type?: DeviceType;
  /** Milliseconds between the two interface counter samples; 0 or absent = one sample. */
  sampleIntervalMs?: number;
  signal?: AbortSignal;
  /** Switch off these vendors' hand-written tables (bench:corpus --leave-vendor-out). */
  withoutVendor?: VendorScope;
  /** The agent's sysObjectID when the caller already read it (saves a GET); whose compiled tables apply. */
  sysObjectID?: string | null;
  /** Per-walk bounds. */
  maxRows?: number;
  timeoutMs?: number;
}

const HAND_WRITTEN_DEFS: readonly SensorDef[] = [...SENSOR_DEFS, ...ENVIRONMENT_TEMPERATURE_DEFS];

/**
 * The sensor tables compiled from the MIBs of the vendors whose trees the agent
 * serves, less those a hand-written definition that is switched on already
 * reads: the hand-written one knows its quirks.
 */
function compiledDefsFor(ctx: HealthContext): SensorDef[] {
  const handWritten = new Set(HAND_WRITTEN_DEFS.filter((d) => !vendorTableOff(ctx, d.value)).map((d) => d.value));
  return vendorEnterprises(ctx).flatMap((enterprise) => compiledSensorDefs(enterprise)).filter((d) => !handWritten.has(d.value));
}

/** The enterprise of the agent's sysObjectID: whose compiled tables apply. */
async function agentEnterprise(ctx: HealthContext): Promise<number | null> {
  const { objectId } = await readScalars(ctx, { objectId: SYS_OBJECT_ID }, 'health:sensors');
  return objectId ? enterpriseOf(asText(objectId) ?? '') : null;
}

export async function collectSensors(ctx: HealthContext): Promise<Sensor[]> {
  const sensors: Sensor[] = [];
  // collectHealth has read it already (null: no sysObjectID); a direct caller has not.
  if (ctx.enterprise === undefined) ctx.enterprise = await agentEnterprise(ctx);
  sensors.push(...(await collectEntitySensors(ctx)));
  // Vendor tables only from agents that may implement them: a printer is not walked for Cisco's ENVMON.
  const handWritten = HAND_WRITTEN_DEFS.filter((def) => mayImplement(ctx, def.value));
  for (const def of [...handWritten, ...compiledDefsFor(ctx)]) sensors.push(...(await readSensorDef(ctx, def)));
  sensors.push(...(await collectDeviceStatus(ctx)));
  return sensors;
}

async function guarded<T>(ctx: HealthContext, phase: string, fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (ctx.signal?.aborted) throw e;
    ctx.errors.push({ code: 'health-collector-failed', message: `${phase}: ${(e as Error).message}`, phase: `health:${phase}` });
    return fallback;
  }
}

export async function collectHealth(source: SnmpSource, options: CollectHealthOptions = {}): Promise<HealthReadings> {
  const ctx = createContext(source, { maxRows: options.maxRows, timeoutMs: options.timeoutMs, signal: options.signal, withoutVendor: options.withoutVendor });
  // null: the caller read the system group and the agent has no sysObjectID; undefined: not read yet.
  ctx.enterprise =
    options.sysObjectID !== undefined
      ? options.sysObjectID ? enterpriseOf(options.sysObjectID) : null
      : await guarded(ctx, 'identity', null, () => agentEnterprise(ctx));
  // Which vendor trees it serves (shared with identification); an agent that did not answer its sysObjectID is not asked.
  ctx.answered = ctx.failures === 0 ? await guarded(ctx, 'identity', [], () => enterpriseCensus(source, options.signal)) : [];
  const { storage, memory } = await guarded(ctx, 'storage', { storage: [], memory: null }, () => collectStorage(ctx));
  const cpu = await guarded(ctx, 'cpu', null, () => collectCpu(ctx));
  const sensors = await guarded(ctx, 'sensors', [], () => collectSensors(ctx));
  const supplies = await guarded(ctx, 'supplies', [], () => collectSupplies(ctx));
  const printer = await guarded(ctx, 'printer', null, () => collectPrinterState(ctx));
  const ups = await guarded(ctx, 'ups', null, () => collectUps(ctx));
  const interfaces = await guarded(ctx, 'interfaces', [], () => collectInterfaces(ctx, { sampleIntervalMs: options.sampleIntervalMs }));
  return { sensors, supplies, storage, cpu, memory, interfaces, ups, printer, errors: ctx.errors };
}

export { collectStorage, collectCpu, collectDeviceStatus, collectInterfaces, collectSupplies, collectPrinterState, collectUps, collectEntitySensors };
