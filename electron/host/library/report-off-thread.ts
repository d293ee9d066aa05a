/**
 * Renders PDF reports in a worker thread: a 500-device report is seconds of
 * layout, which on the Electron main thread would freeze the window. One
 * worker per report (reports are rare; its memory goes when it does).
 */
import type { ReportModel } from '../../../shared/assessment/report-model';
import type { ScanDocument } from '../../../shared/scan-document';
import { findFontDir } from '../../report/font-files';
import { builtWorker, projectWorker, type WorkerFactory } from '../worker-thread';
import type { ReportReply, ReportRequest } from './report-worker';

export const BUILT_REPORT_WORKER = 'dist-electron/report-renderer.js';
export const SOURCE_REPORT_WORKER = 'electron/host/library/report-worker.ts';

export type PdfRenderer = (model: ReportModel, document: ScanDocument) => Promise<Buffer>;

/** The worker as the packaged app ships it (a built .js file). */
export function builtReportRenderer(workerFile: string): PdfRenderer {
  return (model, document) => renderInWorker(builtWorker(workerFile), model, document);
}

/** The built worker when there is one, else the TypeScript source through tsx (the browser bridge, the tests). */
export function projectReportRenderer(projectRoot: string, options: { prefer?: 'built' | 'source' } = {}): PdfRenderer {
  const spawn = projectWorker(projectRoot, { built: BUILT_REPORT_WORKER, source: SOURCE_REPORT_WORKER }, options);
  return (model, document) => renderInWorker(spawn, model, document);
}

function renderInWorker(spawn: WorkerFactory, model: ReportModel, document: ScanDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = spawn();
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.once('message', (reply: ReportReply) =>
      finish(() => (reply.ok ? resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength)) : reject(new Error(`The report could not be made: ${reply.message}`)))));
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`The report worker stopped (exit code ${code}) before it answered.`))));
    const request: ReportRequest = { model, document, fontDir: findFontDir() };
    worker.postMessage(request);
  });
}
