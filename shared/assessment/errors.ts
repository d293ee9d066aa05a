/**
 * Errors the assessment library and file format raise. The message is what the
 * technician reads (it crosses IPC as plain text); `code` is for the UI and tests.
 */
export const ASSESSMENT_ERROR_CODES = [
  'corrupt',
  'truncated',
  'foreign',
  'newer-version',
  'invalid',
  'disk-full',
  'not-found',
  'io',
] as const;
export type AssessmentErrorCode = (typeof ASSESSMENT_ERROR_CODES)[number];

export class AssessmentError extends Error {
  override readonly name = 'AssessmentError';
  readonly code: AssessmentErrorCode;

  constructor(code: AssessmentErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
