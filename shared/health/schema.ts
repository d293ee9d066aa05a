/**
 * The normalised health schema: what every collector produces, whichever MIB
 * the value came from. Pure zod so the UI and reports can re-apply the rules.
 * Every reading keeps the raw OIDs it was computed from (`oids`), so a finding
 * can always point at the exact objects behind it.
 */
import { z } from 'zod';
import { MAX_TEXT, MAX_LIST } from '../schema-bounds';

export const HealthStatusSchema = z.enum(['ok', 'warning', 'critical', 'unknown']);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

export const SENSOR_KINDS = [
  'temperature',
  'fan',
  'voltage',
  'current',
  'power',
  'humidity',
  'charge',
  'runtime',
  'load',
  'frequency',
  'state',
  'other',
] as const;
export const SensorKindSchema = z.enum(SENSOR_KINDS);
export type SensorKind = z.infer<typeof SensorKindSchema>;

/** What physical part a sensor describes; rules about failed hardware key on it. */
export const COMPONENTS = ['system', 'fan', 'psu', 'disk', 'raid', 'battery', 'memory', 'cpu', 'temperature', 'module', 'printer', 'other'] as const;
export const ComponentSchema = z.enum(COMPONENTS);
export type Component = z.infer<typeof ComponentSchema>;

export const SensorLimitsSchema = z.object({
  low: z.number().nullable().optional(),
  lowWarn: z.number().nullable().optional(),
  highWarn: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
});
export type SensorLimits = z.infer<typeof SensorLimitsSchema>;

export const SensorSchema = z.object({
  kind: SensorKindSchema,
  component: ComponentSchema,
  name: z.string().max(MAX_TEXT),
  /** Scaled to `unit`; for state sensors the raw enumeration value. */
  value: z.number().nullable(),
  /** °C, V, A, W, %RH, rpm, %, min, Hz or '' for states. */
  unit: z.string().max(MAX_TEXT),
  status: HealthStatusSchema,
  /** For state sensors: the enumeration's name, e.g. `degraded`. */
  stateText: z.string().max(MAX_TEXT).optional(),
  /** Limits reported by the device itself (never guessed). */
  limits: SensorLimitsSchema.optional(),
  /** Collector that produced it, e.g. `entity-sensor`, `synology`. */
  source: z.string().max(MAX_TEXT),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type Sensor = z.infer<typeof SensorSchema>;

export const SUPPLY_KINDS = ['toner', 'ink', 'drum', 'fuser', 'waste', 'developer', 'transfer', 'staples', 'other'] as const;
export const SupplySchema = z.object({
  kind: z.enum(SUPPLY_KINDS),
  colour: z.string().max(MAX_TEXT).nullable(),
  name: z.string().max(MAX_TEXT),
  /** 0–100, or null when the device cannot say (level −2, or −3 "some remaining"). */
  percent: z.number().nullable(),
  /** Raw prtMarkerSuppliesLevel, including the special values −1/−2/−3. */
  level: z.number().nullable(),
  /** Raw prtMarkerSuppliesMaxCapacity. */
  capacity: z.number().nullable(),
  /** True when the device only says "some remaining" (−3). */
  someRemaining: z.boolean().optional(),
  /** What level and capacity count (prtMarkerSuppliesSupplyUnit): impressions, sheets, percent, tenthsOfGrams… */
  unit: z.string().max(MAX_TEXT).optional(),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type Supply = z.infer<typeof SupplySchema>;

export const StorageSchema = z.object({
  name: z.string().max(MAX_TEXT),
  kind: z.enum(['disk', 'ram', 'virtual', 'other']),
  sizeBytes: z.number(),
  usedBytes: z.number(),
  percent: z.number(),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type Storage = z.infer<typeof StorageSchema>;

export const CpuSchema = z.object({
  loadPercent: z.number(),
  cores: z.number().int(),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type Cpu = z.infer<typeof CpuSchema>;

export const MemorySchema = z.object({
  totalBytes: z.number(),
  usedBytes: z.number(),
  percent: z.number(),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type Memory = z.infer<typeof MemorySchema>;

export const INTERFACE_COUNTERS = ['inErrors', 'outErrors', 'inDiscards', 'outDiscards', 'fcsErrors', 'lateCollisions'] as const;
export type InterfaceCounter = (typeof INTERFACE_COUNTERS)[number];
const CountersSchema = z.object({
  inErrors: z.number().nullable(),
  outErrors: z.number().nullable(),
  inDiscards: z.number().nullable(),
  outDiscards: z.number().nullable(),
  fcsErrors: z.number().nullable(),
  lateCollisions: z.number().nullable(),
});

export const InterfaceSchema = z.object({
  ifIndex: z.number().int(),
  name: z.string().max(MAX_TEXT),
  alias: z.string().max(MAX_TEXT).nullable(),
  /** IANA ifType number (6 = ethernetCsmacd). */
  type: z.number().int().nullable(),
  operStatus: z.enum(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown']).nullable(),
  adminStatus: z.enum(['up', 'down', 'testing']).nullable(),
  speedMbps: z.number().nullable(),
  duplex: z.enum(['full', 'half', 'unknown']).nullable(),
  /** Seconds between the last oper-state change and the agent's sysUpTime; null when unknown or before the agent started. */
  lastChangeSeconds: z.number().nullable(),
  /** Lifetime totals from the last sample. */
  counters: CountersSchema,
  /** Per-second rates between two samples taken within the scan; null with one sample. */
  rates: CountersSchema.nullable(),
  sampleIntervalSeconds: z.number().nullable(),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type Interface = z.infer<typeof InterfaceSchema>;

export const UpsSchema = z.object({
  batteryStatus: z.enum(['normal', 'low', 'depleted', 'fault', 'not-present', 'unknown']).nullable(),
  chargePercent: z.number().nullable(),
  runtimeMinutes: z.number().nullable(),
  loadPercent: z.number().nullable(),
  batteryTemperatureC: z.number().nullable(),
  onBattery: z.boolean().nullable(),
  /** Output source in words: online, battery, bypass, boost, trim, off… */
  outputStatus: z.string().max(MAX_TEXT).nullable(),
  replaceIndicator: z.boolean().nullable(),
  /** ISO date (yyyy-mm-dd). */
  lastReplacedDate: z.string().max(MAX_TEXT).nullable(),
  recommendedReplaceDate: z.string().max(MAX_TEXT).nullable(),
  selfTestResult: z.enum(['passed', 'failed', 'in-progress', 'invalid', 'unknown']).nullable(),
  lastSelfTestDate: z.string().max(MAX_TEXT).nullable(),
  /** field name → OID it came from. */
  oids: z.record(z.string().max(MAX_TEXT), z.string().max(MAX_TEXT)),
});
export type Ups = z.infer<typeof UpsSchema>;

export const PrinterAlertSchema = z.object({
  severity: z.enum(['critical', 'warning', 'other']),
  code: z.number().int().nullable(),
  /** Code in words (IANA-PRINTER-MIB), e.g. `jam`. */
  codeName: z.string().max(MAX_TEXT).nullable(),
  group: z.number().int().nullable(),
  description: z.string().max(MAX_TEXT),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type PrinterAlert = z.infer<typeof PrinterAlertSchema>;

export const PrinterStateSchema = z.object({
  pageCount: z.number().nullable(),
  /** Decoded hrPrinterDetectedErrorState bits, e.g. ['jammed', 'lowToner']. */
  errorStates: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
  alerts: z.array(PrinterAlertSchema).max(MAX_LIST),
  oids: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
});
export type PrinterState = z.infer<typeof PrinterStateSchema>;

export const SeveritySchema = z.enum(['info', 'low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;
export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
/** The reader-facing word for each severity, on screen and in the report. */
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

export const FindingEvidenceSchema = z.object({
  oid: z.string().max(MAX_TEXT).optional(),
  name: z.string().max(MAX_TEXT),
  value: z.union([z.string().max(MAX_TEXT), z.number(), z.boolean(), z.null()]),
  threshold: z.union([z.string().max(MAX_TEXT), z.number()]).optional(),
});
export type FindingEvidence = z.infer<typeof FindingEvidenceSchema>;

export const ForecastSchema = z.object({
  /** `device-reported` (one scan) or `linear-trend` (two or more scans). */
  method: z.enum(['device-reported', 'linear-trend', 'usage-rate']),
  inputs: z.array(z.object({ name: z.string().max(MAX_TEXT), value: z.union([z.string().max(MAX_TEXT), z.number()]), at: z.string().max(MAX_TEXT).optional() })).max(MAX_LIST),
});
export type Forecast = z.infer<typeof ForecastSchema>;

export const FindingSchema = z.object({
  rule: z.string().max(MAX_TEXT),
  severity: SeveritySchema,
  title: z.string().max(MAX_TEXT),
  explanation: z.string().max(MAX_TEXT),
  /** Which part of the device: a volume, a port, a supply… */
  subject: z.string().max(MAX_TEXT).optional(),
  evidence: z.array(FindingEvidenceSchema).max(MAX_LIST),
  recommendation: z.string().max(MAX_TEXT),
  /** ISO date when the condition is forecast to become a failure. */
  predictedDate: z.string().max(MAX_TEXT).optional(),
  forecast: ForecastSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RiskSchema = z.object({
  score: z.number().min(0).max(100),
  contributors: z.array(z.object({ rule: z.string().max(MAX_TEXT), weight: z.number(), subject: z.string().max(MAX_TEXT).optional() })).max(MAX_LIST),
});
export type Risk = z.infer<typeof RiskSchema>;

/** What collectHealth returns; each field lands on the device of the same name. */
export const HealthReadingsSchema = z.object({
  sensors: z.array(SensorSchema).max(MAX_LIST),
  supplies: z.array(SupplySchema).max(MAX_LIST),
  storage: z.array(StorageSchema).max(MAX_LIST),
  cpu: CpuSchema.nullable(),
  memory: MemorySchema.nullable(),
  interfaces: z.array(InterfaceSchema).max(MAX_LIST),
  ups: UpsSchema.nullable(),
  printer: PrinterStateSchema.nullable(),
  errors: z.array(z.object({ code: z.string().max(MAX_TEXT), message: z.string().max(MAX_TEXT), phase: z.string().max(MAX_TEXT).optional() })).max(MAX_LIST),
});
export type HealthReadings = z.infer<typeof HealthReadingsSchema>;

/** The optional health fields of a scan-document device (spread into DeviceSchema). */
export const DeviceHealthFields = {
  sensors: z.array(SensorSchema).max(MAX_LIST).optional(),
  supplies: z.array(SupplySchema).max(MAX_LIST).optional(),
  storage: z.array(StorageSchema).max(MAX_LIST).optional(),
  cpu: CpuSchema.nullable().optional(),
  memory: MemorySchema.nullable().optional(),
  interfaces: z.array(InterfaceSchema).max(MAX_LIST).optional(),
  ups: UpsSchema.nullable().optional(),
  printer: PrinterStateSchema.nullable().optional(),
  findings: z.array(FindingSchema).max(MAX_LIST).optional(),
  risk: RiskSchema.optional(),
};
