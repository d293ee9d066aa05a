/**
 * Wires the scan library into a host (Electron main or the browser bridge):
 * opens it (crash recovery), records every scan the engine runs, and returns
 * the service the library/report channels use.
 */
import type { UnsavedScan } from '../../../shared/ipc-contract';
import type { LibraryService } from './library-handlers';
import type { ImportDecoder } from './decode-off-thread';
import type { PdfRenderer } from './report-off-thread';
import type { KeyValueStore } from './key-value-store';
import { ScanLibrary } from './scan-library';
import { recordScans, type ScanEventSource, type ScanRecorder } from './scan-recorder';
import { writeFileAtomic } from './atomic-write';
import { nodeLibraryFs } from './library-fs';

export interface LibrarySetupOptions {
  /** The app's data folder; scans go to `<dataDir>/scans`. */
  dataDir: string;
  index: KeyValueStore;
  engine: ScanEventSource;
  generatorVersion: string;
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Told whenever the scans that could not be saved change (pushed to the windows as library:unsaved). */
  onUnsavedChange?: (unsaved: UnsavedScan[]) => void;
  /** Retry waits (tests make them short). */
  retryBaseMs?: number;
  /** Decodes imported files (a worker thread in the app and the bridge). */
  decodeImport?: ImportDecoder;
  /** How PDF reports are rendered: the app and the bridge use a worker thread (report-off-thread.ts); by default, in this thread. */
  renderPdf?: PdfRenderer;
}

export interface LibrarySetup {
  service: LibraryService;
  recorder: ScanRecorder;
  ready: Promise<ScanLibrary>;
}

export function setUpLibrary(options: LibrarySetupOptions): LibrarySetup {
  const log = options.log ?? (() => {});
  const ready = ScanLibrary.open({ dir: options.dataDir, index: options.index, log, ...(options.decodeImport ? { decodeImport: options.decodeImport } : {}) });
  ready.catch((error: unknown) => log('error', `the scan library could not be opened: ${error instanceof Error ? error.message : String(error)}`));
  const recorder = recordScans(
    options.engine,
    { save: async (document) => (await ready).save(document) },
    {
      generatorVersion: options.generatorVersion,
      log,
      ...(options.onUnsavedChange ? { onUnsavedChange: options.onUnsavedChange } : {}),
      ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    },
  );
  const service: LibraryService = {
    library: ready,
    unsaved: recorder,
    // Loaded on the first report: React and the PDF engine stay out of start-up (and load after the entry point chose React's build).
    renderPdf: options.renderPdf ?? (async (model, document) => (await import('../../report/render-pdf')).renderReportPdf(model, document)),
    ...(options.chooseSavePath
      ? { chooseSavePath: options.chooseSavePath, writeFile: (path: string, data: Buffer) => writeFileAtomic(nodeLibraryFs, path, data, 0o644) }
      : {}),
  };
  return { service, recorder, ready };
}
