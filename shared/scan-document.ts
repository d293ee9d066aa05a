/**
 * The versioned scan document: what a scan (live or from walk files) produces,
 * what `--json` writes and what the UI and reports read. Pure zod, no Node, no DOM.
 * Bump SCAN_SCHEMA_VERSION on any incompatible change and add a migration.
 */
import { z } from 'zod';
import { DEVICE_TYPES, IDENTITY_FIELDS } from './device-types';
import { DeviceHealthFields } from './health/schema';
import { LinkSchema, TopologyLayoutSchema } from './topology/schema';

export const SCAN_SCHEMA_VERSION = 1;

/** One fact behind an identification verdict: which rule saw which value where. */
export const EvidenceSchema = z.object({
  field: z.enum(IDENTITY_FIELDS),
  value: z.string(),
  /** Stable id of the rule or table entry that decided it, e.g. `sysobjectid:cisco` or `oui`. */
  rule: z.string(),
  /** Where the observed value came from: an OID, `mac`, `dns`, `tcp:9100`... */
  source: z.string(),
  observed: z.string().optional(),
  /** Higher wins when two rules disagree. */
  weight: z.number(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const DeviceErrorSchema = z.object({
  /** Machine-readable kind: snmp-timeout, snmp-malformed, walk-loop, walk-truncated, dns, ... */
  code: z.string(),
  message: z.string(),
  phase: z.string().optional(),
});
export type DeviceError = z.infer<typeof DeviceErrorSchema>;

export const SnmpVersionSchema = z.enum(['v1', 'v2c', 'v3']);
export type SnmpVersion = z.infer<typeof SnmpVersionSchema>;

export const ReachabilitySchema = z.object({
  icmp: z.object({ alive: z.boolean(), rttMs: z.number().nullable(), lossPercent: z.number().nullable() }).optional(),
  arp: z.boolean().optional(),
  /** Credentials are never stored: only the version and the profile's display label. */
  snmp: z.object({ version: SnmpVersionSchema, credential: z.string() }).optional(),
  tcp: z.array(z.number().int()).optional(),
});
export type Reachability = z.infer<typeof ReachabilitySchema>;

export const DeviceSchema = z.object({
  /** Stable across scans of the same device where possible: mac, else ip. */
  id: z.string(),
  ip: z.string().nullable(),
  mac: z.string().nullable(),
  hostname: z.string().nullable(),
  vendor: z.string().nullable(),
  type: z.enum(DEVICE_TYPES),
  model: z.string().nullable(),
  firmware: z.string().nullable(),
  serial: z.string().nullable(),
  sysName: z.string().nullable(),
  sysDescr: z.string().nullable(),
  sysObjectID: z.string().nullable(),
  sysLocation: z.string().nullable().optional(),
  sysContact: z.string().nullable().optional(),
  uptimeSeconds: z.number().nullable(),
  reachability: ReachabilitySchema,
  identification: z.object({ evidence: z.array(EvidenceSchema) }),
  errors: z.array(DeviceErrorSchema),
  /** For offline analysis: the walk file this record was read from. */
  source: z.string().optional(),
  /** Health readings, findings and risk (shared/health/schema.ts); all optional. */
  ...DeviceHealthFields,
});
export type Device = z.infer<typeof DeviceSchema>;

/** A device about which nothing is known yet but its id and address. */
export function blankDevice(id: string, ip: string | null = null): Device {
  return {
    id,
    ip,
    mac: null,
    hostname: null,
    vendor: null,
    type: 'unknown',
    model: null,
    firmware: null,
    serial: null,
    sysName: null,
    sysDescr: null,
    sysObjectID: null,
    uptimeSeconds: null,
    reachability: {},
    identification: { evidence: [] },
    errors: [],
  };
}

export const ScanStatusSchema = z.enum(['running', 'completed', 'cancelled', 'failed', 'interrupted']);
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

export const ScanInfoSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  targets: z.array(z.string()),
  status: ScanStatusSchema,
  preset: z.enum(['quick', 'full', 'offline']),
  /** The technician's default gateway during the scan: the root of the topology. */
  gateway: z.string().nullable().optional(),
  client: z.string().optional(),
  site: z.string().optional(),
});
export type ScanInfo = z.infer<typeof ScanInfoSchema>;

export const ScanDocumentSchema = z.object({
  schemaVersion: z.literal(SCAN_SCHEMA_VERSION),
  generator: z.object({ name: z.literal('forewarn'), version: z.string() }),
  scan: ScanInfoSchema,
  devices: z.array(DeviceSchema),
  /** Physical links (shared/topology/schema.ts); placeholder nodes are `unmanaged-switch` devices in `devices`. */
  links: z.array(LinkSchema).optional(),
  /** User-pinned map positions, saved with the scan. */
  layout: TopologyLayoutSchema.optional(),
});
export type ScanDocument = z.infer<typeof ScanDocumentSchema>;
