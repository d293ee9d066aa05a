import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { followScansForAttention, type AttentionShell } from '../../../electron/main/scan-attention';
import type { ScanEvent } from '../../../shared/scan-events';

function fakes(focused = false) {
  const emitter = new EventEmitter();
  const engine = { onScanEvent: (listener: (e: ScanEvent) => void) => (emitter.on('event', listener), () => emitter.off('event', listener)) };
  const calls = { awake: 0, released: 0, progress: [] as Array<number | null>, notes: [] as string[] };
  const shell: AttentionShell = {
    keepAwake: () => {
      calls.awake += 1;
      return () => (calls.released += 1);
    },
    setProgress: (f) => calls.progress.push(f),
    notify: (title, body) => calls.notes.push(`${title} | ${body}`),
    windowFocused: () => focused,
  };
  const stop = followScansForAttention(engine, shell);
  return { emit: (e: ScanEvent) => emitter.emit('event', e), calls, stop };
}

const scan = (id: string) => ({ id, startedAt: '2026-12-07T10:00:00Z', finishedAt: null, status: 'running' as const, targets: ['10.0.0.0/24'], preset: 'full' as const, client: 'Lakeside Accounting', site: 'Main office' });
const started = (id: string): ScanEvent => ({ type: 'scan-started', scanId: id, scan: scan(id), totalAddresses: 254 });
const finished = (id: string, status: 'completed' | 'cancelled' = 'completed', deviceCount = 28): ScanEvent => ({ type: 'scan-finished', scanId: id, status, finishedAt: '2026-12-07T10:05:00Z', deviceCount });
const progress = (id: string, phase: 'discovery' | 'assess', done: number, total: number): ScanEvent => ({ type: 'progress', scanId: id, phase, done, total, etaMs: null });

describe('a running scan, seen from the desktop', () => {
  it('keeps the laptop awake, shows discovery then assessment on the icon, and lets it sleep and clears the bar at the end', () => {
    const { emit, calls } = fakes();
    emit(started('a'));
    emit(progress('a', 'discovery', 127, 254));
    emit(progress('a', 'assess', 14, 28));
    expect(calls.awake).toBe(1);
    expect(calls.progress).toEqual([0, 0.25, 0.75]);
    emit(finished('a'));
    expect(calls.released).toBe(1);
    expect(calls.progress.at(-1)).toBeNull();
  });

  it('tells a technician who looks elsewhere that the scan ended, with the site and the device count', () => {
    const { emit, calls } = fakes(false);
    emit(started('a'));
    emit(finished('a', 'cancelled', 1));
    expect(calls.notes).toEqual(['Scan was cancelled | Lakeside Accounting · Main office: 1 device.']);
  });

  it('does not notify when the window is in front', () => {
    const { emit, calls } = fakes(true);
    emit(started('a'));
    emit(finished('a'));
    expect(calls.notes).toEqual([]);
  });

  it('keeps the laptop awake and the bar up while any of two scans runs', () => {
    const { emit, calls } = fakes();
    emit(started('a'));
    emit(started('b'));
    emit(finished('a'));
    expect(calls.released).toBe(1);
    expect(calls.progress.at(-1)).not.toBeNull();
    emit(finished('b'));
    expect(calls.released).toBe(2);
    expect(calls.progress.at(-1)).toBeNull();
  });

  it('ignores what belongs to no scan it saw start, and stops listening when asked', () => {
    const { emit, calls, stop } = fakes();
    emit(progress('x', 'discovery', 1, 2));
    emit(finished('x'));
    expect(calls).toMatchObject({ awake: 0, released: 0, progress: [], notes: [] });
    stop();
    emit(started('a'));
    expect(calls.awake).toBe(0);
  });
});
