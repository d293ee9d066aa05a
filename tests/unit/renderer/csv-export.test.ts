/** CSV export in the UI: when the button waits (and says why), and what the technician reads after. */
import { describe, expect, it } from 'vitest';
import { CSV_KINDS, CSV_TEXT, csvBlockedReason, csvFailureText, csvProgressText, csvSuccessText } from '../../../renderer/src/components/csv-export';
import type { ScanStatus } from '../../../shared/scan-document';

describe('csv export availability', () => {
  it('waits for a running scan to finish, whatever the library says', () => {
    expect(csvBlockedReason('running')).toMatch(/when the scan finishes/);
    expect(csvBlockedReason('running', { state: 'saved' })).toMatch(/when the scan finishes/);
  });

  it('runs for a saved scan that ended in any way: the partial result of a cancelled or interrupted scan is worth exporting', () => {
    for (const status of ['completed', 'cancelled', 'interrupted', 'failed'] as ScanStatus[]) expect(csvBlockedReason(status, { state: 'saved' })).toBeNull();
  });

  it('explains a scan missing from the library, a library still being asked, and a window without a library', () => {
    expect(csvBlockedReason('completed', { state: 'checking' })).toMatch(/Checking/);
    expect(csvBlockedReason('completed', { state: 'not-saved' })).toMatch(/not in Saved scans.*rescan the site/);
    const unavailable = csvBlockedReason('completed', { state: 'unavailable', message: 'Saved scans are not available in this window.' });
    expect(unavailable).toBe('CSV export needs the saved copy of the scan, and saved scans are not available here (Saved scans are not available in this window).');
  });
});

describe('csv export messages', () => {
  it('names the file kind and the scan while it runs', () => {
    expect(csvProgressText('inventory', 'Quay Street')).toBe('Exporting the device inventory of “Quay Street” as CSV…');
    expect(csvProgressText('findings')).toBe('Exporting the findings list of this scan as CSV…');
  });

  it('says where the file went: saved by the desktop app, downloaded by the browser, or not saved', () => {
    expect(csvSuccessText('inventory', { kind: 'saved', path: '/home/t/x_inventory.csv' })).toBe('The device inventory (CSV) saved to /home/t/x_inventory.csv.');
    expect(csvSuccessText('findings', { kind: 'downloaded', fileName: 'x_findings.csv' })).toMatch(/^The findings list \(CSV\) downloaded as x_findings\.csv/);
    expect(csvSuccessText('findings', { kind: 'cancelled' })).toMatch(/not saved: the save dialog was cancelled/);
  });

  it('follows the host reason with advice that fits it', () => {
    expect(csvFailureText('inventory', 'This scan is not in the library (it may have been deleted).')).toBe(
      'Could not export the device inventory: This scan is not in the library (it may have been deleted). Open the scan again from Saved scans, or rescan the site.',
    );
    expect(csvFailureText('findings', 'Saved scans are not available in this window.')).toMatch(/Use the desktop app/);
    expect(csvFailureText('findings', 'ENOSPC: no space left on device')).toBe(
      'Could not export the findings list: ENOSPC: no space left on device. Check that the destination folder is writable and has free space, then try again.',
    );
  });

  it('row buttons name both kinds without the word Export (the row already has an Export button)', () => {
    const labels = CSV_KINDS.map((k) => CSV_TEXT[k].rowLabel);
    expect(new Set(labels).size).toBe(CSV_KINDS.length);
    for (const label of labels) expect(label).not.toMatch(/export/i);
  });
});
