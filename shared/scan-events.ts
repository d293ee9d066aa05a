/**
 * The typed event stream of a scan. The same events reach the UI (over IPC),
 * the CLI (progress bar) and the tests, so nothing downstream guesses.
 */
import { z } from 'zod';
import { DeviceErrorSchema, DeviceSchema, ScanInfoSchema, ScanStatusSchema } from './scan-document';
import { LinkSchema } from './topology/schema';

/**
 * What the scan is doing: `targets` until it starts (the UI's and CLI's state
 * before the first event), sweeping, then per device either identification
 * alone (quick sweep) or identification with health and wiring (full
 * assessment: one pass per device, so one phase), then done.
 */
export const ScanPhaseSchema = z.enum(['targets', 'discovery', 'identify', 'assess', 'done']);
export type ScanPhase = z.infer<typeof ScanPhaseSchema>;

export const ScanEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scan-started'), scanId: z.string(), scan: ScanInfoSchema, totalAddresses: z.number() }),
  z.object({ type: z.literal('phase'), scanId: z.string(), phase: ScanPhaseSchema, message: z.string().optional() }),
  z.object({ type: z.literal('device-found'), scanId: z.string(), device: DeviceSchema }),
  z.object({ type: z.literal('device-updated'), scanId: z.string(), device: DeviceSchema }),
  z.object({
    type: z.literal('progress'),
    scanId: z.string(),
    phase: ScanPhaseSchema,
    done: z.number(),
    total: z.number(),
    etaMs: z.number().nullable(),
  }),
  /** The whole current graph (not a delta): links plus the unmanaged-switch placeholders they reference. */
  z.object({ type: z.literal('topology-updated'), scanId: z.string(), links: z.array(LinkSchema), placeholders: z.array(DeviceSchema) }),
  z.object({ type: z.literal('device-error'), scanId: z.string(), deviceId: z.string(), ip: z.string().nullable(), error: DeviceErrorSchema }),
  z.object({
    type: z.literal('scan-finished'),
    scanId: z.string(),
    status: ScanStatusSchema,
    finishedAt: z.string(),
    deviceCount: z.number(),
    error: z.string().optional(),
  }),
]);
export type ScanEvent = z.infer<typeof ScanEventSchema>;
export type ScanEventType = ScanEvent['type'];
export type ScanEventOf<T extends ScanEventType> = Extract<ScanEvent, { type: T }>;
