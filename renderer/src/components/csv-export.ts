/**
 * The words and rules of the CSV export (report:csv): when it can run, and what
 * the technician reads while it runs, when it worked and when it failed.
 * Pure functions, no DOM; the file itself goes through deliverProducedFile.
 */
import type { ScanStatus } from '../../../shared/scan-document';
import { sentence } from '../format';
import { deliveryMessage, type Delivery } from '../views/history/files';

export type CsvKind = 'inventory' | 'findings';
export const CSV_KINDS: readonly CsvKind[] = ['inventory', 'findings'];

interface CsvKindText {
  /** Subject of the result line: "The device inventory (CSV) saved to …". */
  what: string;
  /** Inside a sentence: "Could not export the device inventory: …". */
  noun: string;
  /** The button on a saved scan's row, where both kinds sit side by side. */
  rowLabel: string;
  /** The tooltip: what the file holds and what it is for. */
  description: string;
}

export const CSV_TEXT: Record<CsvKind, CsvKindText> = {
  inventory: {
    what: 'The device inventory (CSV)',
    noun: 'device inventory',
    rowLabel: 'Inventory CSV',
    description: 'Every device of the scan, one per row (filters on screen are not applied), for a spreadsheet or a PSA import.',
  },
  findings: {
    what: 'The findings list (CSV)',
    noun: 'findings list',
    rowLabel: 'Findings CSV',
    description: 'Every finding of the scan, all severities, with its recommendation and evidence, for a spreadsheet or a PSA import.',
  },
};

/**
 * Whether the scan on screen is in the library: report:csv reads the saved
 * copy (re-analysed with the current thresholds), not the screen.
 */
export type SavedCheck = { state: 'checking' } | { state: 'saved' } | { state: 'not-saved' } | { state: 'unavailable'; message: string };

/** Why the export cannot run now, or null when it can. Shown as the button's tooltip. */
export function csvBlockedReason(status: ScanStatus, saved: SavedCheck = { state: 'saved' }): string | null {
  // The recorder saves a running scan every second or so: a CSV now would miss what is still coming.
  if (status === 'running') return 'CSV export is available when the scan finishes: its saved copy is still being written.';
  switch (saved.state) {
    case 'saved':
      return null;
    case 'checking':
      return 'Checking that this scan is in Saved scans…';
    case 'not-saved':
      return 'CSV export needs the saved copy of the scan, and this one is not in Saved scans (it may have been deleted). Open a saved scan, or rescan the site.';
    case 'unavailable':
      return `CSV export needs the saved copy of the scan, and saved scans are not available here (${saved.message.trim().replace(/[.!?]+$/, '')}).`;
  }
}

export function csvProgressText(kind: CsvKind, scanName?: string): string {
  return `Exporting the ${CSV_TEXT[kind].noun} of ${scanName ? `“${scanName}”` : 'this scan'} as CSV…`;
}

export function csvSuccessText(kind: CsvKind, delivery: Delivery): string {
  return deliveryMessage(CSV_TEXT[kind].what, delivery);
}

/** The host's reason, then what to do about it. */
export function csvFailureText(kind: CsvKind, message: string): string {
  const reason = sentence(message);
  const advice = /not in the library|deleted/i.test(reason)
    ? 'Open the scan again from Saved scans, or rescan the site.'
    : /not available/i.test(reason)
      ? 'Use the desktop app, where every scan is saved.'
      : 'Check that the destination folder is writable and has free space, then try again.';
  return `Could not export the ${CSV_TEXT[kind].noun}: ${reason} ${advice}`;
}
