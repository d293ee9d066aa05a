/**
 * The `.forewarn` assessment file, once decompressed: a small envelope that
 * names the format and carries one scan document plus its library metadata.
 * A bare scan document (what `forewarn scan --json` writes) is accepted too.
 * Pure: compression and disk access live in electron/host/library.
 */
import { z } from 'zod';
import { MAX_TEXT } from '../schema-bounds';
import { SCAN_SCHEMA_VERSION, type ScanDocument } from '../scan-document';
import { AssessmentError } from './errors';
import { looksLikeScanDocument, migrateScanDocument, type MigrateOptions } from './migrate';

export const ASSESSMENT_FORMAT = 'forewarn-assessment';
export const ASSESSMENT_FORMAT_VERSION = 1;
export const ASSESSMENT_EXTENSION = '.forewarn';

const EnvelopeHeaderSchema = z.object({
  format: z.literal(ASSESSMENT_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  exportedAt: z.string().max(MAX_TEXT).optional(),
  name: z.string().max(200).optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
  document: z.unknown(),
});

export interface AssessmentEnvelope {
  format: typeof ASSESSMENT_FORMAT;
  formatVersion: number;
  /** The scan document's schema version, readable without parsing the document. */
  schemaVersion: number;
  exportedAt: string;
  name?: string;
  tags?: string[];
  document: ScanDocument;
}

export interface DecodedAssessment {
  document: ScanDocument;
  name?: string;
  tags?: string[];
  fromVersion: number;
  migrated: boolean;
}

export function buildEnvelope(document: ScanDocument, meta: { name?: string; tags?: string[] }, exportedAt: Date): AssessmentEnvelope {
  return {
    format: ASSESSMENT_FORMAT,
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    schemaVersion: document.schemaVersion ?? SCAN_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...(meta.name ? { name: meta.name } : {}),
    ...(meta.tags?.length ? { tags: meta.tags } : {}),
    document,
  };
}

/** Parsed JSON of a `.forewarn` file or a scan document → a current, validated document. */
export function decodeAssessment(value: unknown, options: MigrateOptions = {}): DecodedAssessment {
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === ASSESSMENT_FORMAT) {
    const header = EnvelopeHeaderSchema.safeParse(value);
    if (!header.success) throw new AssessmentError('invalid', 'This assessment file is damaged: its header is incomplete.');
    if (header.data.formatVersion > ASSESSMENT_FORMAT_VERSION) {
      throw new AssessmentError('newer-version', `This assessment was exported by a newer Forewarn (file format ${header.data.formatVersion}). Update Forewarn to open it.`);
    }
    const result = migrateScanDocument(header.data.document, options);
    return {
      ...result,
      ...(header.data.name ? { name: header.data.name } : {}),
      ...(header.data.tags ? { tags: header.data.tags } : {}),
    };
  }
  if (looksLikeScanDocument(value)) return migrateScanDocument(value, options);
  throw new AssessmentError('foreign', 'This file is not a Forewarn assessment or scan.');
}
