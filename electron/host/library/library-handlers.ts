/**
 * The library and report channels of the API (see shared/ipc-contract.ts).
 * api-handlers.ts spreads these in; with no library service (a host without a
 * data folder) each channel says so instead of failing obscurely.
 */
import { safeFileName } from '../../../shared/file-names';
import { findingsCsv, inventoryCsv } from '../../../shared/assessment/csv';
import { EXPORT_FORMATS } from '../../report/export-formats';
import { ASSESSMENT_EXTENSION } from '../../../shared/assessment/assessment-file';
import { buildReportModel, type ReportBrandingInput, type ReportModel } from '../../../shared/assessment/report-model';
import type { ApiHandlers, ProducedFile } from '../../../shared/ipc-contract';
import type { PublicSettings } from '../../../shared/settings';
import type { ScanDocument } from '../../../shared/scan-document';
import type { ScanLibrary } from './scan-library';
import type { ScanRecorder } from './scan-recorder';
import { encodeAssessment } from './assessment-codec';

export const LIBRARY_CHANNELS = [
  'library:list', 'library:open', 'library:rename', 'library:delete', 'library:tag',
  'library:export', 'library:import', 'library:compare', 'library:set-layout', 'report:pdf', 'report:csv', 'report:json', 'report:export',
  'library:unsaved', 'library:retry-save', 'library:save-elsewhere',
] as const;
export type LibraryChannel = (typeof LIBRARY_CHANNELS)[number];
export type LibraryHandlers = Pick<ApiHandlers, LibraryChannel>;

export interface LibraryService {
  /** A promise while the library opens (crash recovery runs at start). */
  library: ScanLibrary | Promise<ScanLibrary>;
  /** Renders the PDF (electron/report, injected so the host stays free of React). */
  renderPdf: (model: ReportModel, document: ScanDocument) => Promise<Buffer>;
  /**
   * Asks where to save a file (Electron's save dialog); null when the user
   * cancels. Absent behind the browser bridge: the bytes go back to the browser.
   */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Writes a produced file where the user chose (atomically). */
  writeFile?: (path: string, data: Buffer) => Promise<void>;
  /** Scans the library could not save, held by the recorder. */
  unsaved?: Pick<ScanRecorder, 'unsaved' | 'retry' | 'documentOf'>;
}

export function brandingFromSettings(settings: PublicSettings): ReportBrandingInput {
  return {
    companyName: settings.branding.companyName,
    accentColor: settings.branding.accentColor,
    ...(settings.branding.logoDataUrl ? { logoDataUrl: settings.branding.logoDataUrl } : {}),
    ...(settings.report?.technician ? { technician: settings.report.technician } : {}),
    ...(settings.report ? { currency: settings.report.currency, priceList: settings.report.priceList } : {}),
  };
}

export function createLibraryHandlers(service: LibraryService | undefined, getSettings: () => PublicSettings): LibraryHandlers {
  const need = (): LibraryService => {
    if (!service) throw new Error('Saved scans are not available in this window.');
    return service;
  };
  const lib = (): Promise<ScanLibrary> => Promise.resolve(need().library);
  const produce = async (fileName: string, data: Buffer): Promise<ProducedFile> => {
    const { chooseSavePath, writeFile } = need();
    if (!chooseSavePath || !writeFile) return { fileName, path: null, dataBase64: data.toString('base64') };
    const path = await chooseSavePath(fileName);
    if (path) await writeFile(path, data);
    return { fileName, path };
  };
  const baseName = async (id: string) => {
    const entry = (await lib()).entry(id);
    return entry ? safeFileName(entry.client, entry.site, entry.startedAt.slice(0, 10)) : safeFileName(id);
  };
  const thresholds = () => getSettings().thresholds;
  /** A saved scan's document, its findings re-checked with today's thresholds: what every export writes. */
  const documentOf = async (id: string): Promise<ScanDocument> => (await (await lib()).open(id, { thresholds: thresholds() })).document;

  return {
    'library:list': async () => (await lib()).list(),
    'library:open': async (id) => {
      const library = await lib();
      const opened = await library.open(id, { thresholds: thresholds() });
      return { ...opened, previous: library.previousOf(id) ?? null };
    },
    'library:rename': async (id, name) => (await lib()).rename(id, name),
    'library:delete': async (id) => (await lib()).delete(id),
    'library:tag': async (id, tags) => (await lib()).setTags(id, tags),
    'library:export': async (id) => produce(`${await baseName(id)}${ASSESSMENT_EXTENSION}`, await (await lib()).exportAssessment(id)),
    'library:unsaved': async () => need().unsaved?.unsaved() ?? [],
    'library:retry-save': async (id) => need().unsaved?.retry(id) ?? [],
    'library:save-elsewhere': async (id) => {
      const document = need().unsaved?.documentOf(id);
      if (!document) throw new Error('This scan is no longer held in memory: it was saved, or Forewarn was restarted.');
      const name = safeFileName(document.scan.client ?? '', document.scan.site ?? '', document.scan.startedAt.slice(0, 10));
      return produce(`${name}${ASSESSMENT_EXTENSION}`, encodeAssessment(document, {}));
    },
    'library:import': async (file) => (await lib()).importAssessment(Buffer.from(file.dataBase64, 'base64')),
    'library:compare': async (a, b) => (await lib()).compare(a, b, { thresholds: thresholds() }),
    'library:set-layout': async (id, layout) => (await lib()).setLayout(id, layout),
    'report:pdf': async (id, request) => {
      const library = await lib();
      const { renderPdf } = need();
      const opened = await library.open(id, { thresholds: thresholds() });
      const previousId = request.previousId === undefined ? library.previousOf(id)?.id : request.previousId;
      const previous = previousId ? (await library.open(previousId, { thresholds: thresholds() })).document : null;
      const model = buildReportModel(opened.document, { branding: brandingFromSettings(getSettings()), previous });
      return produce(`${await baseName(id)}.pdf`, await renderPdf(model, opened.document));
    },
    'report:csv': async (id, kind) => {
      const document = await documentOf(id);
      const text = kind === 'inventory' ? inventoryCsv(document) : findingsCsv(document);
      return produce(`${await baseName(id)}_${kind}.csv`, Buffer.from(text, 'utf8'));
    },
    'report:json': async (id) => {
      const document = await documentOf(id);
      return produce(`${await baseName(id)}.json`, Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'));
    },
    'report:export': async (id, format) => {
      const { suffix, make } = EXPORT_FORMATS[format];
      return produce(`${await baseName(id)}${suffix}`, await make(await documentOf(id)));
    },
  };
}
