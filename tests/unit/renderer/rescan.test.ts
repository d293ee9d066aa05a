import { describe, expect, it } from 'vitest';
import { rescanDraft } from '../../../renderer/src/store/app-store';
import { rescanBlockedReason } from '../../../renderer/src/views/history/ScanRow';
import type { ScanIndexEntry } from '../../../shared/assessment/library-types';

const entry: ScanIndexEntry = {
  id: 's1', name: 'Main office, March', client: 'Smith & Co', site: 'Main office', tags: [], startedAt: '2026-03-02T09:00:00Z', finishedAt: '2026-03-02T09:03:00Z',
  status: 'completed', deviceCount: 12, siteRisk: 40, schemaVersion: 1, savedAt: '2026-03-02T09:03:01Z',
  targets: ['192.168.10.0/24', '10.0.0.5'], preset: 'full', credentialProfileIds: ['office', 'ups'],
};

describe('rescan of a saved scan', () => {
  it('fills New scan with the scan\'s targets, preset, client, site and credential profiles, and remembers the visit', () => {
    expect(rescanDraft(entry)).toEqual({
      client: 'Smith & Co', site: 'Main office', typedTargets: '192.168.10.0/24\n10.0.0.5', preset: 'full', profileIds: ['office', 'ups'],
      rescanOf: { id: 's1', name: 'Main office, March', startedAt: '2026-03-02T09:00:00Z' },
    });
    // An index from before profiles were kept: every profile, as a new scan would use.
    const { credentialProfileIds: _none, ...older } = entry;
    expect(rescanDraft(older).profileIds).toBeNull();
  });

  it('is refused, with the reason, while a scan runs, for walk-file assessments, and for scans saved without targets', () => {
    expect(rescanBlockedReason(entry, false)).toBeNull();
    expect(rescanBlockedReason(entry, true)).toMatch(/A scan is running/);
    expect(rescanBlockedReason({ ...entry, preset: 'offline' }, false)).toMatch(/walk files/);
    expect(rescanBlockedReason({ preset: 'quick' }, false)).toMatch(/before Forewarn kept its targets/);
  });
});
