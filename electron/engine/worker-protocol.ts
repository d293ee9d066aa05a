/**
 * Messages between the engine host (Electron main, the browser bridge, tests)
 * and the engine process (electron/engine/worker.ts). Structured-clone / JSON
 * safe. Secrets travel only host → worker, inside `start`.
 */
import type { EngineScanRequest } from '../../shared/scan-request';
import type { ScanEvent } from '../../shared/scan-events';
import type { ScanDocument } from '../../shared/scan-document';
import type { IpcErrorEnvelope } from '../../shared/ipc-errors';

export type HostToWorker =
  | { type: 'start'; request: EngineScanRequest }
  | { type: 'cancel'; scanId: string }
  | { type: 'detect-targets'; requestId: string }
  | { type: 'shutdown' };

export type WorkerToHost =
  | { type: 'ready'; pid: number }
  | { type: 'event'; event: ScanEvent }
  /** The complete document, once per scan, right after its scan-finished event. */
  | { type: 'document'; scanId: string; document: ScanDocument }
  | { type: 'detected-targets'; requestId: string; targets: string[] }
  | { type: 'start-rejected'; scanId: string; error: IpcErrorEnvelope }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };
