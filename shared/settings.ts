/** Application settings as the UI sees them. Secrets live elsewhere (see credentials.ts). */
import { z } from 'zod';

export const ScanLimitsSchema = z.object({
  /** Addresses probed at once. */
  concurrency: z.number().int().min(1).max(1024),
  /** Per-request timeout for ICMP and SNMP. */
  timeoutMs: z.number().int().min(100).max(30_000),
  /** Global cap on packets per second sent by the engine. */
  packetsPerSecond: z.number().int().min(10).max(100_000),
  /** Probe a few TCP ports to find hosts that drop ICMP on routed subnets. */
  tcpProbe: z.boolean(),
});
export type ScanLimits = z.infer<typeof ScanLimitsSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

export const PublicSettingsSchema = z.object({
  scan: ScanLimitsSchema,
  theme: ThemeSchema,
  /** Rule thresholds by rule parameter id; filled in by the health rules. */
  thresholds: z.record(z.string(), z.number()),
  branding: z.object({ companyName: z.string().max(200), accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
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
