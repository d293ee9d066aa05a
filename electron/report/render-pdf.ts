/**
 * Renders a report to PDF bytes in plain Node (main side and CLI alike, so
 * both produce the same file).
 */
import { renderToBuffer } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import type { ScanDocument } from '../../shared/scan-document';
import { registerReportFonts } from './fonts';
import { cacheFamilyShaping } from './shaping-cache';
import { reportDocument } from './report-document';

export async function renderReportPdf(model: ReportModel, scan: ScanDocument): Promise<Buffer> {
  const fonts = registerReportFonts();
  if (fonts.embedded) await cacheFamilyShaping(fonts.family);
  return renderToBuffer(reportDocument(model, scan, fonts) as Parameters<typeof renderToBuffer>[0]);
}
