/**
 * Decodes imported files in a worker thread with its own heap limit: the
 * Electron main thread (which serves the window) never parses a stranger's
 * file, and a file built to exhaust memory kills only its worker. One worker
 * per import: imports are rare, and the worker's memory is gone when it is.
 */
import type { Worker } from 'node:worker_threads';
import type { DecodedAssessment } from '../../../shared/assessment/assessment-file';
import { AssessmentError, ASSESSMENT_ERROR_CODES, type AssessmentErrorCode } from '../../../shared/assessment/errors';
import { builtWorker, projectWorker } from '../worker-thread';
import type { DecodeReply } from './decode-worker';

/** The worker's heap: enough for the largest scan the budgets accept (52 MB of JSON, 8,100 devices: decoded here in 2.7 s). */
export const DECODE_HEAP_MB = 512;
/** A decode that takes longer than this is stopped (the largest accepted file takes about 3 s). */
export const DECODE_TIMEOUT_MS = 60_000;

export const BUILT_DECODE_WORKER = 'dist-electron/assessment-decoder.js';
export const SOURCE_DECODE_WORKER = 'electron/host/library/decode-worker.ts';

export type ImportDecoder = (bytes: Uint8Array) => Promise<DecodedAssessment>;

export interface DecoderOptions {
  heapMb?: number;
}

const FILES = { built: BUILT_DECODE_WORKER, source: SOURCE_DECODE_WORKER };

/** The worker as the packaged app ships it (a built .js file). */
export function builtDecoder(workerFile: string, options: DecoderOptions = {}): ImportDecoder {
  return (bytes) => decodeInWorker(builtWorker(workerFile, limits(options)), bytes);
}

/**
 * The built worker when there is one, else the TypeScript source through tsx
 * (the browser bridge and tests run from the checkout).
 */
export function projectDecoder(projectRoot: string, options: DecoderOptions & { prefer?: 'built' | 'source' } = {}): ImportDecoder {
  return (bytes) => decodeInWorker(projectWorker(projectRoot, FILES, { ...(options.prefer ? { prefer: options.prefer } : {}), resourceLimits: limits(options) }), bytes);
}

function limits({ heapMb = DECODE_HEAP_MB }: DecoderOptions) {
  return { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, heapMb / 8)) };
}

function decodeInWorker(spawn: () => Worker, bytes: Uint8Array): Promise<DecodedAssessment> {
  return new Promise((resolve, reject) => {
    const worker = spawn();
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new AssessmentError('corrupt', 'This file took too long to read and was abandoned; it is not a scan Forewarn can open.'))),
      DECODE_TIMEOUT_MS,
    );
    worker.once('message', (reply: DecodeReply) => finish(() => (reply.ok ? resolve(reply.decoded) : reject(asAssessmentError(reply)))));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AssessmentError('corrupt', 'This file needs more memory to read than any scan does; it was refused.')
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(new Error(`The import worker stopped (exit code ${code}) before it answered.`))));
    // A copy, not a transfer: the caller's buffer may be a slice of a larger one.
    worker.postMessage(bytes);
  });
}

function asAssessmentError(reply: Extract<DecodeReply, { ok: false }>): Error {
  const code = (ASSESSMENT_ERROR_CODES as readonly string[]).includes(reply.code ?? '') ? (reply.code as AssessmentErrorCode) : null;
  return code ? new AssessmentError(code, reply.message) : new Error(reply.message);
}
