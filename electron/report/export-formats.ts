/**
 * The files a scan exports to for other tools, one table for the CLI
 * (`forewarn export --format …`) and the app's Saved scans: each format's file
 * suffix and its writer, loaded when asked for (a scan needs none of them).
 */
import type { ScanDocument } from '../../shared/scan-document';
import { psaConfigurationsCsv } from '../../shared/exports/psa-csv';
import type { ExportFormatName } from '../../shared/exports/formats';

export interface ExportFormat {
  /** After the scan's base name: "Client_Site_2026-03-02.xlsx". */
  suffix: string;
  make(document: ScanDocument): Promise<Buffer>;
}

export const EXPORT_FORMATS = {
  xlsx: { suffix: '.xlsx', make: async (document) => (await import('./workbook')).scanWorkbook(document) },
  netbox: { suffix: '_netbox.zip', make: async (document) => (await import('./netbox-bundle')).netboxBundle(document) },
  itglue: { suffix: '_itglue.csv', make: async (document) => Buffer.from(psaConfigurationsCsv(document, 'itglue'), 'utf8') },
  connectwise: { suffix: '_connectwise.csv', make: async (document) => Buffer.from(psaConfigurationsCsv(document, 'connectwise'), 'utf8') },
} satisfies Record<ExportFormatName, ExportFormat>;
