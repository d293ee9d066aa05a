/** The files a scan exports to for other tools (writers: electron/report/export-formats.ts). */
export const EXPORT_FORMAT_NAMES = ['xlsx', 'netbox', 'itglue', 'connectwise'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];
