/** Which two scans to compare: both from one site; a third pick replaces the oldest pick. */
import type { ScanIndexEntry } from '../../../../shared/assessment/library-types';

export interface CompareSelection {
  /** Client and site of the picked scans. */
  site: string | null;
  ids: string[];
}

export const NO_SELECTION: CompareSelection = { site: null, ids: [] };

export function siteKey(entry: Pick<ScanIndexEntry, 'client' | 'site'>): string {
  return JSON.stringify([entry.client, entry.site]);
}

export function toggleCompare(selection: CompareSelection, entry: ScanIndexEntry): CompareSelection {
  const site = siteKey(entry);
  if (selection.ids.includes(entry.id)) {
    const ids = selection.ids.filter((id) => id !== entry.id);
    return ids.length ? { site, ids } : NO_SELECTION;
  }
  if (selection.site !== site) return { site, ids: [entry.id] };
  return { site, ids: [...selection.ids, entry.id].slice(-2) };
}

/** Drops picks that are no longer in the library (deleted). */
export function pruneSelection(selection: CompareSelection, existing: ReadonlySet<string>): CompareSelection {
  const ids = selection.ids.filter((id) => existing.has(id));
  return ids.length ? { site: selection.site, ids } : NO_SELECTION;
}
