/** Application settings as the UI sees them. Secrets live elsewhere (see credentials.ts). */
import { z } from 'zod';
import { MAX_TCP_PORTS } from './tcp-ports';
import { UpdateFeedUrlSchema } from './updates';

export const ScanLimitsSchema = z.object({
  /** Addresses probed at once. */
  concurrency: z.number().int().min(1).max(1024),
  /** Per-request timeout for ICMP and SNMP. */
  timeoutMs: z.number().int().min(100).max(30_000),
  /** Global cap on packets per second sent by the engine. */
  packetsPerSecond: z.number().int().min(10).max(100_000),
  /** Probe a few TCP ports to find hosts that drop ICMP on routed subnets. */
  tcpProbe: z.boolean(),
  /** The ports that probe tries (absent: DEFAULT_TCP_PORTS, shared/tcp-ports.ts). */
  tcpPorts: z.array(z.number().int().min(1).max(65_535)).min(1).max(MAX_TCP_PORTS).optional(),
  /**
   * Full assessment: milliseconds between the two interface-counter samples
   * (error rates); absent means the engine's default.
   */
  interfaceSampleMs: z.number().int().min(0).max(600_000).optional(),
});
export type ScanLimits = z.infer<typeof ScanLimitsSchema>;

export interface NumberBounds {
  min: number;
  max: number;
}

function boundsOf(schema: z.ZodNumber): NumberBounds {
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** The scan limits' bounds as the schema states them: the CLI's flags and Settings' fields read them here. */
export const SCAN_LIMIT_BOUNDS = {
  concurrency: boundsOf(ScanLimitsSchema.shape.concurrency),
  timeoutMs: boundsOf(ScanLimitsSchema.shape.timeoutMs),
  packetsPerSecond: boundsOf(ScanLimitsSchema.shape.packetsPerSecond),
  interfaceSampleMs: boundsOf(ScanLimitsSchema.shape.interfaceSampleMs.unwrap()),
} as const;

/** Above this rate small office switches, firewalls and Wi-Fi drop packets, and an IDS may block the laptop. */
export const HIGH_PACKET_RATE = 10_000;

/** The warning the CLI prints and Settings shows for a cap above HIGH_PACKET_RATE; null when it is not. */
export function packetRateWarning(packetsPerSecond: number): string | null {
  if (!(packetsPerSecond > HIGH_PACKET_RATE)) return null;
  return `${packetsPerSecond.toLocaleString('en-US')} packets per second is above ${HIGH_PACKET_RATE.toLocaleString('en-US')}: small office switches, firewalls and Wi-Fi may drop packets (hosts missed, false alarms) and an intrusion detection system may block this laptop.`;
}

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

export const ReportSettingsSchema = z.object({
  technician: z.string().max(200),
  /** Shown before amounts, e.g. "€", "$", "CHF ". */
  currency: z.string().max(8),
  /** Estimated cost of each recommended action, by rule id (e.g. `ups-battery-replace`). */
  priceList: z.record(z.string(), z.number().min(0).max(10_000_000)),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

export const PublicSettingsSchema = z.object({
  scan: ScanLimitsSchema,
  theme: ThemeSchema,
  /** Rule thresholds by rule parameter id; filled in by the health rules. */
  thresholds: z.record(z.string(), z.number()),
  branding: z.object({
    companyName: z.string().max(200),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    /** The MSP's logo for the report cover: a PNG or JPEG data URL. */
    logoDataUrl: z.string().max(4_000_000).regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/).optional(),
  }),
  /** The PDF report: who signs it and the price list of recommended actions (issue 7). */
  report: ReportSettingsSchema.optional(),
  /** Where the MSP publishes Forewarn builds (shared/updates.ts); absent: no update checks. */
  updates: z.object({ feedUrl: UpdateFeedUrlSchema.optional() }).optional(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

export const SettingsPatchSchema = PublicSettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  concurrency: 128,
  timeoutMs: 1000,
  packetsPerSecond: 2000,
  tcpProbe: true,
};

export const DEFAULT_SETTINGS: PublicSettings = {
  scan: DEFAULT_SCAN_LIMITS,
  theme: 'system',
  thresholds: {},
  branding: { companyName: '', accentColor: '#1f6feb' },
};
