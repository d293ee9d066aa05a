/**
 * Saves scans as they run: rebuilds the scan document from the engine's
 * events, saves it to the library at most once per interval while it changes,
 * and once more at the end. The engine's own final document, when it arrives,
 * replaces the rebuilt one (it is the complete record).
 */
import type { Unsubscribe } from '../../../shared/ipc-contract';
import { SCAN_SCHEMA_VERSION, type Device, type ScanDocument } from '../../../shared/scan-document';
import type { ScanEvent } from '../../../shared/scan-events';
import type { ScanIndexEntry } from '../../../shared/assessment/library-types';

/** What the recorder needs from the EngineHost (the real one satisfies it). */
export interface ScanEventSource {
  onScanEvent(listener: (event: ScanEvent) => void): Unsubscribe;
  onScanDocument(listener: (scanId: string, document: ScanDocument) => void): Unsubscribe;
}

export interface ScanSaver {
  save(document: ScanDocument): Promise<ScanIndexEntry>;
}

export interface ScanRecorderOptions {
  generatorVersion: string;
  /** Minimum time between two saves of a running scan. */
  intervalMs?: number;
  log?: (level: 'warn' | 'error', message: string) => void;
  /** How long after scan-finished the engine's final document is awaited before the recording is dropped. */
  finalDocumentGraceMs?: number;
  /** Told after each successful save (the UI refreshes its history). */
  onSaved?: (entry: ScanIndexEntry) => void;
}

interface Recording {
  document: ScanDocument;
  devices: Map<string, Device>;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  lastSavedAt: number;
  finished: boolean;
  /** The engine's final document arrived: later events must not overwrite it. */
  final: boolean;
}

export interface ScanRecorder {
  /** Saves every pending change now (app quit, tests). */
  flush(): Promise<void>;
  /** Scans still held in memory (finished ones are let go; see forgetUnlessFinal). */
  activeRecordings(): number;
  stop(): void;
}

export function recordScans(source: ScanEventSource, library: ScanSaver, options: ScanRecorderOptions): ScanRecorder {
  const intervalMs = options.intervalMs ?? 1000;
  const finalDocumentGraceMs = options.finalDocumentGraceMs ?? 60_000;
  const log = options.log ?? (() => {});
  const recordings = new Map<string, Recording>();
  const pending = new Set<Promise<unknown>>();

  const persist = (scanId: string) => {
    const rec = recordings.get(scanId);
    if (!rec) return;
    if (rec.timer) clearTimeout(rec.timer);
    rec.timer = null;
    rec.dirty = false;
    rec.lastSavedAt = Date.now();
    const snapshot = rec.final ? rec.document : { ...rec.document, devices: [...rec.devices.values()] };
    const task = library
      .save(snapshot)
      .then((entry) => options.onSaved?.(entry))
      .catch((error: unknown) => log('error', `scan ${scanId} could not be saved: ${error instanceof Error ? error.message : String(error)}`));
    pending.add(task);
    void task.finally(() => pending.delete(task));
    if (rec.finished && rec.final) recordings.delete(scanId);
  };

  const schedule = (scanId: string) => {
    const rec = recordings.get(scanId);
    if (!rec || rec.final) return;
    rec.dirty = true;
    if (rec.timer) return;
    const wait = Math.max(0, rec.lastSavedAt + intervalMs - Date.now());
    rec.timer = setTimeout(() => persist(scanId), wait);
    rec.timer.unref?.();
  };

  /**
   * The engine's final document follows scan-finished, but a crashed engine
   * never sends one: forget the recording after a grace period either way (a
   * document arriving later is still saved, as a recording of its own).
   */
  const forgetUnlessFinal = (scanId: string) => {
    const grace = setTimeout(() => {
      const rec = recordings.get(scanId);
      if (rec && !rec.final) recordings.delete(scanId);
    }, finalDocumentGraceMs);
    grace.unref?.();
  };

  const offEvents = source.onScanEvent((event) => {
    if (event.type === 'scan-started') {
      const document: ScanDocument = {
        schemaVersion: SCAN_SCHEMA_VERSION,
        generator: { name: 'forewarn', version: options.generatorVersion },
        scan: { ...event.scan, status: 'running' },
        devices: [],
      };
      recordings.set(event.scanId, { document, devices: new Map(), dirty: false, timer: null, lastSavedAt: 0, finished: false, final: false });
      persist(event.scanId);
      return;
    }
    const rec = recordings.get(event.scanId);
    if (!rec || rec.final) return;
    switch (event.type) {
      case 'device-found':
      case 'device-updated':
        rec.devices.set(event.device.id, event.device);
        break;
      case 'device-error': {
        const device = rec.devices.get(event.deviceId);
        if (device) rec.devices.set(device.id, { ...device, errors: [...device.errors, event.error] });
        break;
      }
      case 'topology-updated':
        for (const [id, d] of rec.devices) if (d.type === 'unmanaged-switch') rec.devices.delete(id);
        for (const p of event.placeholders) rec.devices.set(p.id, p);
        rec.document = { ...rec.document, links: event.links };
        break;
      case 'scan-finished':
        rec.finished = true;
        rec.document = { ...rec.document, scan: { ...rec.document.scan, status: event.status, finishedAt: event.finishedAt } };
        persist(event.scanId);
        forgetUnlessFinal(event.scanId);
        return;
      default:
        return;
    }
    schedule(event.scanId);
  });

  const offDocuments = source.onScanDocument((scanId, document) => {
    const rec = recordings.get(scanId) ?? { devices: new Map(), dirty: false, timer: null, lastSavedAt: 0, finished: true, final: true, document };
    rec.final = true;
    rec.finished = true;
    // The engine knows best, except the client and site the technician chose.
    rec.document = { ...document, scan: { ...document.scan, client: document.scan.client ?? rec.document.scan.client, site: document.scan.site ?? rec.document.scan.site } };
    recordings.set(scanId, rec);
    persist(scanId);
  });

  return {
    async flush() {
      for (const [scanId, rec] of recordings) if (rec.dirty) persist(scanId);
      await Promise.all([...pending]);
    },
    activeRecordings: () => recordings.size,
    stop() {
      offEvents();
      offDocuments();
      for (const rec of recordings.values()) if (rec.timer) clearTimeout(rec.timer);
    },
  };
}
