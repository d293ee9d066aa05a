/**
 * Bytes of a `.forewarn` file (gzip-compressed JSON) or of a plain scan
 * document ↔ a validated, current scan document. Every way a file can be
 * wrong ends in an AssessmentError with words a technician can act on.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildEnvelope, decodeAssessment, type DecodedAssessment } from '../../../shared/assessment/assessment-file';
import { AssessmentError } from '../../../shared/assessment/errors';
import type { MigrateOptions } from '../../../shared/assessment/migrate';
import type { ScanDocument } from '../../../shared/scan-document';
import { budgetExcess, textBudgetExcess } from '../../../shared/assessment/json-budget';
import { errorCode } from './library-fs';

/**
 * Refuse to inflate (or read) past this: a hostile file must not exhaust
 * memory. A 500-device assessment is about 6 MB of JSON; this is ten times a
 * 5,000-device one.
 */
export const MAX_ASSESSMENT_BYTES = 64 * 1024 * 1024;
const MAX_SIZE_TEXT = `${MAX_ASSESSMENT_BYTES / 1024 / 1024} MB`;

export function encodeAssessment(document: ScanDocument, meta: { name?: string; tags?: string[] }, exportedAt = new Date()): Buffer {
  return gzipSync(JSON.stringify(buildEnvelope(document, meta, exportedAt)), { level: 6 });
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

export function decodeAssessmentBytes(bytes: Uint8Array, options: MigrateOptions = {}): DecodedAssessment {
  if (bytes.length === 0) throw new AssessmentError('truncated', 'This file is empty.');
  let text: string;
  if (isGzip(bytes)) {
    try {
      text = gunzipSync(bytes, { maxOutputLength: MAX_ASSESSMENT_BYTES }).toString('utf8');
    } catch (error) {
      const code = errorCode(error);
      if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(String((error as Error).message))) {
        throw new AssessmentError('truncated', 'This assessment file is incomplete (it was cut off, perhaps during a copy or download). Ask for it again.');
      }
      if (code === 'ERR_BUFFER_TOO_LARGE' || /exceeds|too large/i.test(String((error as Error).message))) {
        throw new AssessmentError('corrupt', `This assessment file is too large to open: it unpacks to more than ${MAX_SIZE_TEXT}, far more than any scan.`);
      }
      throw new AssessmentError('corrupt', 'This assessment file is damaged and cannot be decompressed.');
    }
  } else {
    if (bytes.length > MAX_ASSESSMENT_BYTES) throw new AssessmentError('corrupt', `This scan file is too large to open: more than ${MAX_SIZE_TEXT}, far more than any scan.`);
    text = Buffer.from(bytes).toString('utf8');
    if (!/^\s*[{[]/.test(text)) throw new AssessmentError('foreign', 'This file is not a Forewarn assessment or scan (it is neither a .forewarn file nor JSON).');
  }
  const tooBig = textBudgetExcess(text);
  if (tooBig) throw new AssessmentError('invalid', `This file cannot be a Forewarn scan: ${tooBig}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const looksCut = !/[}\]]\s*$/.test(text);
    throw looksCut
      ? new AssessmentError('truncated', 'This scan file is incomplete: it ends in the middle of the data.')
      : new AssessmentError('corrupt', 'This scan file is damaged: its contents are not valid JSON.');
  }
  // Before the schema: a file shaped to make validation slow or huge is refused at its first excess.
  const excess = budgetExcess(value);
  if (excess) throw new AssessmentError('invalid', `This file cannot be a Forewarn scan: ${excess}.`);
  return decodeAssessment(value, options);
}
