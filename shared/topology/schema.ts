/**
 * The topology part of the scan document: links between devices, the
 * user-pinned map positions, and what the engine streams while it infers.
 * Pure zod; the inference (infer.ts) and the layout (layout.ts) build on it.
 */
import { z } from 'zod';
import { MAX_TEXT } from '../schema-bounds';

/** One end of a link: a device id from `devices[]` and its interface name (ifName, else ifDescr), or null if unknown. */
export const LinkEndSchema = z.object({
  device: z.string().max(MAX_TEXT),
  port: z.string().max(MAX_TEXT).nullable(),
});
export type LinkEnd = z.infer<typeof LinkEndSchema>;

export const LINK_SOURCES = ['lldp', 'cdp', 'fdb', 'arp'] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];

/**
 * confirmed: a neighbour protocol (LLDP/CDP) saw it from one or both sides;
 * inferred: forwarding tables place it; assumed: only that the host is on the segment.
 */
export const LINK_CONFIDENCES = ['confirmed', 'inferred', 'assumed'] as const;
export type LinkConfidence = (typeof LINK_CONFIDENCES)[number];

export const LinkSchema = z.object({
  a: LinkEndSchema,
  b: LinkEndSchema,
  via: z.enum(LINK_SOURCES),
  confidence: z.enum(LINK_CONFIDENCES),
  /** Mbps, from the switch-side interface where known. */
  speed: z.number().nullable(),
  duplex: z.enum(['full', 'half']).nullable(),
});
export type Link = z.infer<typeof LinkSchema>;

export const PointSchema = z.object({ x: z.number(), y: z.number() });
export type Point = z.infer<typeof PointSchema>;

/** Map positions the user pinned, by device id; they override the computed layout. */
export const TopologyLayoutSchema = z.object({
  pinned: z.record(z.string().max(MAX_TEXT), PointSchema),
});
export type TopologyLayout = z.infer<typeof TopologyLayoutSchema>;

/** Most pins one scan keeps: far above any office, low enough to refuse a flood over IPC. */
export const MAX_PINNED_POSITIONS = 20_000;

/** A layout arriving from the window to be saved: bounded ids and a bounded count (zod numbers are finite). */
export const LayoutUpdateSchema = z.object({
  pinned: z
    .record(z.string().max(MAX_TEXT).min(1).max(200), PointSchema)
    .refine((pins) => Object.keys(pins).length <= MAX_PINNED_POSITIONS, `at most ${MAX_PINNED_POSITIONS} pinned positions`),
});
