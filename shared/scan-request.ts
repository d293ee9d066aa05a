/**
 * What it takes to start a scan. The UI sends `ScanStartRequest` (credential
 * profile ids, never secrets); main resolves them into an `EngineScanRequest`.
 */
import { z } from 'zod';
import { SnmpCredentialsSchema } from './credentials';
import { ScanLimitsSchema } from './settings';

export const ScanPresetSchema = z.enum(['quick', 'full']);
export type ScanPreset = z.infer<typeof ScanPresetSchema>;

/** Confirmations the engine demands before sweeping big or public ranges. */
export const TargetConfirmationsSchema = z.object({
  allowLarge: z.boolean().default(false),
  allowPublic: z.boolean().default(false),
});

export const ScanStartRequestSchema = z.object({
  /** Lines of target text as typed (the engine splits them); empty means: the local subnets the engine detects. */
  targets: z.array(z.string().min(1).max(4000)).max(1000),
  credentialProfileIds: z.array(z.string().max(64)).max(50),
  preset: ScanPresetSchema,
  confirmations: TargetConfirmationsSchema,
  client: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
});
export type ScanStartRequest = z.infer<typeof ScanStartRequestSchema>;

export const EngineScanRequestSchema = z.object({
  scanId: z.string(),
  targets: z.array(z.string()),
  credentials: SnmpCredentialsSchema,
  preset: ScanPresetSchema,
  confirmations: TargetConfirmationsSchema,
  limits: ScanLimitsSchema,
  client: z.string().optional(),
  site: z.string().optional(),
  /** The profiles the credentials came from (ids only), recorded in the document for a rescan. */
  credentialProfileIds: z.array(z.string().max(64)).max(50).optional(),
  /** Rule threshold overrides from settings (shared/health/rules.ts parameter ids). */
  thresholds: z.record(z.string(), z.number()).optional(),
  /**
   * Full assessment: milliseconds between the two interface-counter samples,
   * so error rates are rates, not lifetime totals. 0 takes one sample.
   */
  interfaceSampleMs: z.number().int().min(0).max(600_000).optional(),
});
export type EngineScanRequest = z.infer<typeof EngineScanRequestSchema>;
