/**
 * Worker-thread entry: decodes one imported file and posts the result back.
 * Runs under the memory limit decode-off-thread.ts gives it, away from the
 * thread that serves the window.
 */
import { parentPort } from 'node:worker_threads';
import { AssessmentError } from '../../../shared/assessment/errors';
import { decodeAssessmentBytes } from './assessment-codec';

export type DecodeReply =
  | { ok: true; decoded: ReturnType<typeof decodeAssessmentBytes> }
  | { ok: false; code: string | null; message: string };

parentPort?.once('message', (bytes: Uint8Array) => {
  let reply: DecodeReply;
  try {
    reply = { ok: true, decoded: decodeAssessmentBytes(bytes) };
  } catch (error) {
    reply = { ok: false, code: error instanceof AssessmentError ? error.code : null, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
