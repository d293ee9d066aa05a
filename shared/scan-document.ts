/**
 * The versioned scan document: what a scan (live or from walk files) produces,
 * what `--json` writes and what the UI and reports read. Pure zod, no Node, no DOM.
 * Bump SCAN_SCHEMA_VERSION on any incompatible change and add a migration.
 */
import { z } from 'zod';
import { MAX_TEXT, MAX_LIST } from './schema-bounds';
import { DEVICE_TYPES, IDENTITY_FIELDS } from './device-types';
import { FACTORY_DEFAULT_COMMUNITIES } from './credentials';
import { DeviceHealthFields } from './health/schema';
import { LinkSchema, TopologyLayoutSchema } from './topology/schema';

export const SCAN_SCHEMA_VERSION = 1;

/** One fact behind an identification verdict: which rule saw which value where. */
export const EvidenceSchema = z.object({
  field: z.enum(IDENTITY_FIELDS),
  value: z.string().max(MAX_TEXT),
  /** Stable id of the rule or table entry that decided it, e.g. `sysobjectid:cisco` or `oui`. */
  rule: z.string().max(MAX_TEXT),
  /** Where the observed value came from: an OID, `mac`, `dns`, `tcp:9100`... */
  source: z.string().max(MAX_TEXT),
  observed: z.string().max(MAX_TEXT).optional(),
  /** Higher wins when two rules disagree. */
  weight: z.number(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const DeviceErrorSchema = z.object({
  /** Machine-readable kind: snmp-timeout, snmp-malformed, walk-loop, walk-truncated, dns, ... */
  code: z.string().max(MAX_TEXT),
  message: z.string().max(MAX_TEXT),
  phase: z.string().max(MAX_TEXT).optional(),
});
export type DeviceError = z.infer<typeof DeviceErrorSchema>;

export const SnmpVersionSchema = z.enum(['v1', 'v2c', 'v3']);
export type SnmpVersion = z.infer<typeof SnmpVersionSchema>;

export const ReachabilitySchema = z.object({
  icmp: z.object({ alive: z.boolean(), rttMs: z.number().nullable(), lossPercent: z.number().nullable() }).optional(),
  arp: z.boolean().optional(),
  /**
   * Credentials are never stored: only the version, the display label, and which
   * factory-default community answered (the probe's flag the security rule reads).
   */
  snmp: z
    .object({ version: SnmpVersionSchema, credential: z.string().max(MAX_TEXT), defaultCommunity: z.enum(FACTORY_DEFAULT_COMMUNITIES).optional() })
    .optional(),
  tcp: z.array(z.number().int()).max(MAX_LIST).optional(),
});
export type Reachability = z.infer<typeof ReachabilitySchema>;

export const DeviceSchema = z.object({
  /** The device's IP address in this scan (matching across scans uses MAC, serial, then IP: shared/assessment/match.ts). */
  id: z.string().max(MAX_TEXT),
  ip: z.string().max(MAX_TEXT).nullable(),
  mac: z.string().max(MAX_TEXT).nullable(),
  hostname: z.string().max(MAX_TEXT).nullable(),
  vendor: z.string().max(MAX_TEXT).nullable(),
  type: z.enum(DEVICE_TYPES),
  model: z.string().max(MAX_TEXT).nullable(),
  firmware: z.string().max(MAX_TEXT).nullable(),
  serial: z.string().max(MAX_TEXT).nullable(),
  sysName: z.string().max(MAX_TEXT).nullable(),
  sysDescr: z.string().max(MAX_TEXT).nullable(),
  sysObjectID: z.string().max(MAX_TEXT).nullable(),
  sysLocation: z.string().max(MAX_TEXT).nullable().optional(),
  sysContact: z.string().max(MAX_TEXT).nullable().optional(),
  uptimeSeconds: z.number().nullable(),
  reachability: ReachabilitySchema,
  identification: z.object({ evidence: z.array(EvidenceSchema).max(MAX_LIST) }),
  errors: z.array(DeviceErrorSchema).max(MAX_LIST),
  /** For offline analysis: the walk file this record was read from. */
  source: z.string().max(MAX_TEXT).optional(),
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
  id: z.string().max(MAX_TEXT),
  startedAt: z.string().max(MAX_TEXT),
  finishedAt: z.string().max(MAX_TEXT).nullable(),
  targets: z.array(z.string().max(MAX_TEXT)).max(MAX_LIST),
  status: ScanStatusSchema,
  preset: z.enum(['quick', 'full', 'offline']),
  /** The technician's default gateway during the scan: the root of the topology. */
  gateway: z.string().max(MAX_TEXT).nullable().optional(),
  client: z.string().max(MAX_TEXT).optional(),
  site: z.string().max(MAX_TEXT).optional(),
  /** The saved credential profiles the scan used (their ids, never a secret): a rescan uses them again. */
  credentialProfileIds: z.array(z.string().max(64)).max(50).optional(),
});
export type ScanInfo = z.infer<typeof ScanInfoSchema>;

export const ScanDocumentSchema = z.object({
  schemaVersion: z.literal(SCAN_SCHEMA_VERSION),
  generator: z.object({ name: z.literal('forewarn'), version: z.string().max(MAX_TEXT) }),
  scan: ScanInfoSchema,
  devices: z.array(DeviceSchema).max(MAX_LIST),
  /** Physical links (shared/topology/schema.ts); placeholder nodes are `unmanaged-switch` devices in `devices`. */
  links: z.array(LinkSchema).max(MAX_LIST).optional(),
  /** User-pinned map positions, saved with the scan. */
  layout: TopologyLayoutSchema.optional(),
});
export type ScanDocument = z.infer<typeof ScanDocumentSchema>;
