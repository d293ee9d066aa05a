import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PublicSettings } from '../../../shared/settings';
import { createMemorySettingsRepository, createSettingsRepository } from '../../../electron/host/settings';

describe('SettingsRepository', () => {
  it('starts from the defaults and persists validated updates', () => {
    let saved: PublicSettings | undefined;
    const repo = createSettingsRepository({ load: () => undefined, save: (s) => (saved = s) });
    expect(repo.get()).toEqual(DEFAULT_SETTINGS);
    const next = repo.update({ theme: 'dark', scan: { ...DEFAULT_SETTINGS.scan, concurrency: 32 } });
    expect(next.theme).toBe('dark');
    expect(next.scan.concurrency).toBe(32);
    expect(saved).toEqual(next);
    expect(repo.get()).toEqual(next);
  });

  it('rejects bad patches and keeps the previous settings', () => {
    const repo = createMemorySettingsRepository();
    const bad: unknown[] = [
      { scan: { ...DEFAULT_SETTINGS.scan, concurrency: 0 } },
      { scan: { ...DEFAULT_SETTINGS.scan, packetsPerSecond: 10_000_000 } },
      { theme: 'neon' },
      { branding: { companyName: 'ACME', accentColor: 'red' } },
    ];
    for (const patch of bad) expect(() => repo.update(patch as never)).toThrow();
    expect(repo.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('does not hand out its internal state', () => {
    const repo = createMemorySettingsRepository();
    repo.get().scan.concurrency = 1;
    expect(repo.get().scan.concurrency).toBe(DEFAULT_SETTINGS.scan.concurrency);
  });

  it('fills settings missing from an older file with defaults, and falls back to defaults on a damaged one', () => {
    const older = createMemorySettingsRepository({ theme: 'light' });
    expect(older.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    const problems: string[] = [];
    const damaged = createSettingsRepository({ load: () => ({ scan: { concurrency: 'lots' } }), save: () => {} }, (p) => problems.push(p));
    expect(damaged.get()).toEqual(DEFAULT_SETTINGS);
    expect(problems.join()).toContain('scan.concurrency');
  });
});
