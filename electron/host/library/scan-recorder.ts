/**
 * Saves scans as they run: rebuilds the scan document from the engine's
 * events, saves it to the library at most once per interval while it changes,
 * and once more at the end. The engine's own final document, when it arrives,
 * replaces the rebuilt one (it is the complete record).
 *
 * A save that fails (disk full, an antivirus lock) never loses the scan: the
 * recording stays in memory, is retried with backoff, and the UI is told it
 * is unsaved (retry now, or save it elsewhere) until a save succeeds.
 */
import type { Unsubscribe, UnsavedScan } from '../../../shared/ipc-contract';
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
  /** Told whenever the list of scans that could not be saved changes. */
  onUnsavedChange?: (unsaved: UnsavedScan[]) => void;
  /** Wait before the first retry of a failed save; doubled each time up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
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
  /** The last save failed: why, how often in a row, and the retry waiting. */
  failure: { message: string; attempts: number; retryAt: number; timer: NodeJS.Timeout } | null;
  /** The engine's final document is no longer awaited: let go after the next good save. */
  finalAbandoned?: boolean;
}

export interface ScanRecorder {
  /** Saves every pending change now, failed ones included (app quit, tests). */
  flush(): Promise<void>;
  /** Scans whose last save failed, oldest first. */
  unsaved(): UnsavedScan[];
  /** Tries the save of an unsaved scan again now; resolves with the list after the attempt. */
  retry(scanId: string): Promise<UnsavedScan[]>;
  /** The document as recorded so far (for "save elsewhere"); null when it is not held. */
  documentOf(scanId: string): ScanDocument | null;
  /** Scans still held in memory (finished ones are let go; see forgetUnlessFinal). */
  activeRecordings(): number;
  stop(): void;
}

export function recordScans(source: ScanEventSource, library: ScanSaver, options: ScanRecorderOptions): ScanRecorder {
  const intervalMs = options.intervalMs ?? 1000;
  const finalDocumentGraceMs = options.finalDocumentGraceMs ?? 60_000;
  const log = options.log ?? (() => {});
  const retryBaseMs = options.retryBaseMs ?? 2000;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const recordings = new Map<string, Recording>();
  const pending = new Set<Promise<unknown>>();

  const snapshotOf = (rec: Recording): ScanDocument => (rec.final ? rec.document : { ...rec.document, devices: [...rec.devices.values()] });

  const unsaved = (): UnsavedScan[] =>
    [...recordings.entries()]
      .filter(([, rec]) => rec.failure)
      .map(([scanId, rec]) => ({
        scanId,
        label: [rec.document.scan.client, rec.document.scan.site].filter(Boolean).join(' · ') || rec.document.scan.targets.join(', ').slice(0, 80) || scanId,
        startedAt: rec.document.scan.startedAt,
        message: rec.failure!.message,
        attempts: rec.failure!.attempts,
        nextRetryAt: new Date(rec.failure!.retryAt).toISOString(),
      }));
  const tellUnsaved = () => options.onUnsavedChange?.(unsaved());

  const saved = (scanId: string, rec: Recording, entry: ScanIndexEntry) => {
    const wasFailing = rec.failure !== null;
    if (rec.failure) clearTimeout(rec.failure.timer);
    rec.failure = null;
    // A finished scan is let go once its final document is safely on disk (and nothing newer waits).
    if (rec.finished && (rec.final || rec.finalAbandoned) && !rec.dirty && recordings.get(scanId) === rec) recordings.delete(scanId);
    options.onSaved?.(entry);
    if (wasFailing) tellUnsaved();
  };

  const failed = (scanId: string, rec: Recording, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = (rec.failure?.attempts ?? 0) + 1;
    if (rec.failure) clearTimeout(rec.failure.timer);
    const wait = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempts - 1));
    const timer = setTimeout(() => persist(scanId), wait);
    timer.unref?.();
    rec.failure = { message, attempts, retryAt: Date.now() + wait, timer };
    log('error', `scan ${scanId} could not be saved (attempt ${attempts}, next in ${Math.round(wait / 1000)} s): ${message}`);
    tellUnsaved();
  };

  const persist = (scanId: string): Promise<void> => {
    const rec = recordings.get(scanId);
    if (!rec) return Promise.resolve();
    if (rec.timer) clearTimeout(rec.timer);
    rec.timer = null;
    rec.dirty = false;
    rec.lastSavedAt = Date.now();
    const task = library.save(snapshotOf(rec)).then(
      (entry) => saved(scanId, rec, entry),
      (error: unknown) => failed(scanId, rec, error),
    );
    pending.add(task);
    void task.finally(() => pending.delete(task));
    return task;
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
      if (!rec || rec.final) return;
      // An unsaved recording is the only copy of the scan: it stays until a save succeeds.
      if (rec.failure) rec.finalAbandoned = true;
      else recordings.delete(scanId);
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
      recordings.set(event.scanId, { document, devices: new Map(), dirty: false, timer: null, lastSavedAt: 0, finished: false, final: false, failure: null });
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
    const rec = recordings.get(scanId) ?? { devices: new Map(), dirty: false, timer: null, lastSavedAt: 0, finished: true, final: true, failure: null, document };
    rec.final = true;
    rec.finished = true;
    // The engine knows best, except the client and site the technician chose.
    rec.document = { ...document, scan: { ...document.scan, client: document.scan.client ?? rec.document.scan.client, site: document.scan.site ?? rec.document.scan.site } };
    recordings.set(scanId, rec);
    persist(scanId);
  });

  return {
    async flush() {
      for (const [scanId, rec] of recordings) if (rec.dirty || rec.failure) void persist(scanId);
      await Promise.all([...pending]);
    },
    unsaved,
    async retry(scanId) {
      if (recordings.get(scanId)?.failure) await persist(scanId);
      return unsaved();
    },
    documentOf: (scanId) => {
      const rec = recordings.get(scanId);
      return rec ? snapshotOf(rec) : null;
    },
    activeRecordings: () => recordings.size,
    stop() {
      offEvents();
      offDocuments();
      for (const rec of recordings.values()) {
        if (rec.timer) clearTimeout(rec.timer);
        if (rec.failure) clearTimeout(rec.failure.timer);
      }
    },
  };
}
