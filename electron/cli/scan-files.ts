/**
 * Saved scans as the CLI's read-only commands (report, diff, export-csv) take
 * them. Kept apart from commands/report.ts so `diff` and `export-csv` do not
 * load the PDF renderer.
 */
import { readFile } from 'node:fs/promises';
import { reanalyzeDocument } from '../../shared/assessment/reanalyze';
import type { ScanDocument } from '../../shared/scan-document';
import { decodeAssessmentBytes } from '../host/library/assessment-codec';

/** Reads a `.forewarn` file or scan JSON; every failure is a clear message. */
async function loadScan(path: string): Promise<ScanDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    return decodeAssessmentBytes(bytes).document;
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** A scan and, if given, its predecessor, both re-analysed (the newer with the older as trend history). */
export async function loadPair(path: string, previousPath?: string): Promise<{ document: ScanDocument; previous: ScanDocument | null }> {
  const raw = await loadScan(path);
  const previousRaw = previousPath ? await loadScan(previousPath) : null;
  const previous = previousRaw ? reanalyzeDocument(previousRaw) : null;
  return { document: reanalyzeDocument(raw, { previous: previousRaw ? [previousRaw] : [] }), previous };
}
