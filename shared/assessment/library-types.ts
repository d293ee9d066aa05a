/**
 * What the scan library lists (its index) and the IPC argument schemas of the
 * library channels. The scan documents themselves live in files; the index is
 * small enough to keep in electron-store.
 */
import { z } from 'zod';
import { ScanStatusSchema } from '../scan-document';

export const UNASSIGNED_CLIENT = 'Unassigned client';
export const DEFAULT_SITE = 'Main site';

export const ScanIndexEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  client: z.string(),
  site: z.string(),
  tags: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: ScanStatusSchema,
  deviceCount: z.number().int(),
  /** Site risk 0–100 from the stored findings, null before any device reported. */
  siteRisk: z.number().nullable(),
  schemaVersion: z.number().int(),
  /** When the library last wrote the scan file. */
  savedAt: z.string(),
  /** What a rescan repeats: the targets as scanned, the preset, the credential profiles (ids). Absent in older indexes. */
  targets: z.array(z.string()).optional(),
  preset: z.enum(['quick', 'full', 'offline']).optional(),
  credentialProfileIds: z.array(z.string()).optional(),
});
export type ScanIndexEntry = z.infer<typeof ScanIndexEntrySchema>;

export const LibraryIndexSchema = z.object({
  version: z.literal(1),
  scans: z.record(z.string(), ScanIndexEntrySchema),
});
export type LibraryIndex = z.infer<typeof LibraryIndexSchema>;

export interface SiteSummary {
  name: string;
  /** Newest first. */
  scans: ScanIndexEntry[];
}
export interface ClientSummary {
  name: string;
  sites: SiteSummary[];
}
export interface LibraryListing {
  clients: ClientSummary[];
  /** Every scan, newest first. */
  scans: ScanIndexEntry[];
}

export const ScanIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'scan ids are letters, digits and . _ : -');
/** How long a saved scan's name and tags may be: the schema and the Saved scans view's words both read these. */
export const LIBRARY_LIMITS = { nameLength: 200, tagLength: 40, tags: 20 } as const;

export const ScanNameSchema = z.string().trim().min(1).max(LIBRARY_LIMITS.nameLength);
export const TagSchema = z.string().trim().min(1).max(LIBRARY_LIMITS.tagLength);
export const TagsSchema = z.array(TagSchema).max(LIBRARY_LIMITS.tags);

/** Groups the index by client, then site; newest scans first. */
export function groupIndex(entries: readonly ScanIndexEntry[]): LibraryListing {
  const scans = [...entries].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
  const clients = new Map<string, Map<string, ScanIndexEntry[]>>();
  for (const entry of scans) {
    const sites = clients.get(entry.client) ?? new Map<string, ScanIndexEntry[]>();
    clients.set(entry.client, sites);
    sites.set(entry.site, [...(sites.get(entry.site) ?? []), entry]);
  }
  return {
    scans,
    clients: [...clients.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, sites]) => ({ name, sites: [...sites.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([site, list]) => ({ name: site, scans: list })) })),
  };
}
