/**
 * Worker-thread entry: renders one PDF report and posts its bytes back.
 * Laying out a large site's report takes seconds of CPU; here it never
 * stalls the thread that serves the window (report-off-thread.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { ReportModel } from '../../../shared/assessment/report-model';
import type { ScanDocument } from '../../../shared/scan-document';

export interface ReportRequest {
  model: ReportModel;
  document: ScanDocument;
  fontDir: string | null;
}

export type ReportReply = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

// React's production build: the development one is several times slower (see electron/main/main.ts).
process.env.NODE_ENV ??= 'production';

parentPort?.once('message', (request: ReportRequest) => {
  void (async () => {
    let reply: ReportReply;
    try {
      const { renderReportPdf } = await import('../../report/render-pdf');
      const pdf = await renderReportPdf(request.model, request.document, { fontDir: request.fontDir });
      reply = { ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply, reply.ok ? [reply.pdf.buffer as ArrayBuffer] : []);
  })();
});
