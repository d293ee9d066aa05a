/**
 * Renders a report to PDF bytes in plain Node (a worker thread in the app,
 * the CLI's own process), so both produce the same file.
 */
import { renderToBuffer } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import type { ScanDocument } from '../../shared/scan-document';
import { cacheFontSwitches } from './font-switch-cache';
import { registerReportFonts } from './fonts';
import { cacheFamilyShaping } from './shaping-cache';
import { reportDocument } from './report-document';

export interface RenderOptions {
  /** Where the report fonts are, when the caller knows better than this module (see fonts.ts). */
  fontDir?: string | null;
}

export async function renderReportPdf(model: ReportModel, scan: ScanDocument, options: RenderOptions = {}): Promise<Buffer> {
  const fonts = registerReportFonts(options.fontDir);
  cacheFontSwitches();
  if (fonts.embedded) await cacheFamilyShaping(fonts.family);
  return renderToBuffer(reportDocument(model, scan, fonts) as Parameters<typeof renderToBuffer>[0]);
}
