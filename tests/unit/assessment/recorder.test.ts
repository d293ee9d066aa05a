import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { recordScans, type ScanEventSource } from '../../../electron/host/library/scan-recorder';
import type { ScanDocument } from '../../../shared/scan-document';
import type { ScanEvent } from '../../../shared/scan-events';
import { syntheticOffice } from './synthetic-office';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function fakeEngine() {
  const events = new Set<(e: ScanEvent) => void>();
  const documents = new Set<(id: string, d: ScanDocument) => void>();
  const source: ScanEventSource = {
    onScanEvent: (l) => (events.add(l), () => events.delete(l)),
    onScanDocument: (l) => (documents.add(l), () => documents.delete(l)),
  };
  return { source, emit: (e: ScanEvent) => events.forEach((l) => l(e)), finish: (id: string, d: ScanDocument) => documents.forEach((l) => l(id, d)) };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scans are saved as they run', () => {
  it('saves progressively (throttled), then the final document, keeping client and site', async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-recorder-'));
    const library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
    const saves: number[] = [];
    const engine = fakeEngine();
    const recorder = recordScans(engine.source, { save: async (d) => (saves.push(d.devices.length), library.save(d)) }, { generatorVersion: '9.9.9', intervalMs: 100 });
    const office = syntheticOffice();
    const scan = { ...office.scan, id: 'live-1', status: 'running' as const, finishedAt: null };
    engine.emit({ type: 'scan-started', scanId: 'live-1', scan, totalAddresses: 254 });
    await recorder.flush();
    expect(library.entry('live-1')).toMatchObject({ status: 'running', deviceCount: 0, client: 'Harbour Dental Practice' });

    for (const device of office.devices.slice(0, 10)) engine.emit({ type: 'device-found', scanId: 'live-1', device });
    await wait(250);
    await recorder.flush();
    // Ten events, but throttled into one or two saves after the first.
    expect(saves.length).toBeLessThanOrEqual(3);
    expect(library.entry('live-1')).toMatchObject({ status: 'running', deviceCount: 10 });

    engine.emit({ type: 'scan-finished', scanId: 'live-1', status: 'completed', finishedAt: '2026-01-12T09:04:31.000Z', deviceCount: 10 });
    const final: ScanDocument = { ...office, scan: { ...office.scan, id: 'live-1', client: undefined, site: undefined } };
    engine.finish('live-1', final);
    await recorder.flush();
    const saved = await library.load('live-1');
    expect(saved.scan.status).toBe('completed');
    expect(saved.devices).toHaveLength(office.devices.length);
    expect(saved.links?.length).toBe(office.links?.length);
    expect(library.entry('live-1')?.client).toBe('Harbour Dental Practice');
    expect(recorder.activeRecordings()).toBe(0);
    recorder.stop();
  });

  it('lets go of a scan whose engine died before sending its final document, after saving it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-recorder-'));
    const library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
    const engine = fakeEngine();
    const recorder = recordScans(engine.source, library, { generatorVersion: '9.9.9', intervalMs: 10, finalDocumentGraceMs: 50 });
    const office = syntheticOffice();
    engine.emit({ type: 'scan-started', scanId: 'crashed-1', scan: { ...office.scan, id: 'crashed-1', status: 'running', finishedAt: null }, totalAddresses: 254 });
    engine.emit({ type: 'device-found', scanId: 'crashed-1', device: office.devices[0]! });
    engine.emit({ type: 'scan-finished', scanId: 'crashed-1', status: 'failed', finishedAt: '2026-01-12T09:04:31.000Z', deviceCount: 1, error: 'engine stopped' });
    await recorder.flush();
    expect(recorder.activeRecordings()).toBe(1);
    await wait(120);
    expect(recorder.activeRecordings()).toBe(0);
    expect(library.entry('crashed-1')).toMatchObject({ status: 'failed', deviceCount: 1 });
    recorder.stop();
  });
});

describe('a save that fails loses nothing', () => {
  it('keeps the scan, tells the UI, retries with backoff, and lets go only once a save succeeds', async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-recorder-'));
    const library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
    let failuresLeft = 0;
    const attempts: number[] = [];
    const saver = {
      save: async (d: ScanDocument) => {
        if (d.scan.status !== 'running') attempts.push(Date.now());
        if (failuresLeft-- > 0) throw new Error('The disk is full: scan.json could not be saved.');
        return library.save(d);
      },
    };
    const told: Array<Array<{ scanId: string; attempts: number; message: string }>> = [];
    const engine = fakeEngine();
    const recorder = recordScans(engine.source, saver, {
      generatorVersion: '9.9.9',
      intervalMs: 10,
      finalDocumentGraceMs: 5,
      retryBaseMs: 40,
      onUnsavedChange: (list) => told.push(list),
    });
    const office = syntheticOffice();
    engine.emit({ type: 'scan-started', scanId: 'full-1', scan: { ...office.scan, id: 'full-1', status: 'running', finishedAt: null }, totalAddresses: 254 });
    await recorder.flush();
    // Then the disk fills up: the end of the scan (its last event, then the engine's document) cannot be written.
    failuresLeft = 3;
    engine.emit({ type: 'scan-finished', scanId: 'full-1', status: 'completed', finishedAt: '2026-01-12T09:04:31.000Z', deviceCount: office.devices.length });
    engine.finish('full-1', { ...office, scan: { ...office.scan, id: 'full-1' } });
    await wait(20);
    // Failed, and said so: the UI lists it with the reason; the recording (the only copy) is held past the grace period.
    expect(recorder.unsaved()).toEqual([expect.objectContaining({ scanId: 'full-1', label: 'Harbour Dental Practice · Main office', message: expect.stringContaining('disk is full') })]);
    expect(told.at(-1)?.[0]?.scanId).toBe('full-1');
    expect(recorder.activeRecordings()).toBe(1);
    expect(recorder.documentOf('full-1')?.devices).toHaveLength(office.devices.length);
    expect(library.entry('full-1')).toMatchObject({ status: 'running', deviceCount: 0 });

    // Two saves failed at once (the event, the document); the retries wait 80 ms, then 160 ms (doubling), and the fourth succeeds.
    await wait(450);
    expect(attempts).toHaveLength(4);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(gaps[1]).toBeGreaterThanOrEqual(78);
    expect(gaps[2]).toBeGreaterThanOrEqual(158);
    expect(recorder.unsaved()).toEqual([]);
    expect(told.at(-1)).toEqual([]);
    expect((await library.load('full-1')).devices).toHaveLength(office.devices.length);
    expect(recorder.activeRecordings()).toBe(0);
    recorder.stop();
  });

  it('a crashed scan that could not be saved is held past the grace period, then let go once a save succeeds', async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-recorder-'));
    const library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
    let broken = true;
    const saver = { save: async (d: ScanDocument) => (broken ? Promise.reject(new Error('ENOSPC')) : library.save(d)) };
    const engine = fakeEngine();
    const recorder = recordScans(engine.source, saver, { generatorVersion: '9.9.9', finalDocumentGraceMs: 5, retryBaseMs: 60_000 });
    const office = syntheticOffice();
    engine.emit({ type: 'scan-started', scanId: 'c-1', scan: { ...office.scan, id: 'c-1', status: 'running', finishedAt: null }, totalAddresses: 254 });
    engine.emit({ type: 'scan-finished', scanId: 'c-1', status: 'failed', finishedAt: '2026-01-12T09:04:31.000Z', deviceCount: 0, error: 'engine stopped' });
    await wait(30);
    expect(recorder.activeRecordings()).toBe(1);
    broken = false;
    expect(await recorder.retry('c-1')).toEqual([]);
    expect(recorder.activeRecordings()).toBe(0);
    expect(library.entry('c-1')).toMatchObject({ status: 'failed' });
    recorder.stop();
  });

  it('retries now when asked, and a flush (quit) tries failed saves again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-recorder-'));
    const library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
    let broken = true;
    const saver = { save: async (d: ScanDocument) => (broken ? Promise.reject(new Error('EBUSY: file locked')) : library.save(d)) };
    const engine = fakeEngine();
    const recorder = recordScans(engine.source, saver, { generatorVersion: '9.9.9', retryBaseMs: 60_000 });
    const office = syntheticOffice();
    engine.emit({ type: 'scan-started', scanId: 'r-1', scan: { ...office.scan, id: 'r-1', status: 'running', finishedAt: null }, totalAddresses: 254 });
    await recorder.flush();
    expect(await recorder.retry('r-1')).toEqual([expect.objectContaining({ scanId: 'r-1', attempts: 2 })]);
    broken = false;
    expect(await recorder.retry('r-1')).toEqual([]);
    expect(library.entry('r-1')).toMatchObject({ status: 'running' });

    broken = true;
    engine.emit({ type: 'device-found', scanId: 'r-1', device: office.devices[0]! });
    await recorder.flush();
    expect(recorder.unsaved()).toHaveLength(1);
    broken = false;
    await recorder.flush();
    expect(recorder.unsaved()).toEqual([]);
    expect(library.entry('r-1')).toMatchObject({ deviceCount: 1 });
    recorder.stop();
  });
});
