/**
 * One error envelope for every transport of the contract. A handler's failure
 * reaches the renderer as `{ code, message, details }`, rethrown there as a
 * `ForewarnError`, so the UI acts on codes, never on the wording of a sentence.
 *
 * Why an encoded message: Electron's ipcMain prefixes every handler error
 * ("Error invoking remote method 'scan:start': Error: …"), and its context
 * bridge copies only an Error's message into the page. So the Electron side
 * carries the envelope inside the message, behind a marker, and the renderer's
 * one door (renderer/src/bridge.ts) turns it back into a ForewarnError. The
 * browser bridge sends the envelope as JSON and throws the same class.
 */
import type { ForewarnApi } from './ipc-contract';
import type { ScanStartRequest } from './scan-request';

export type ConfirmationFlag = keyof ScanStartRequest['confirmations'];

export const IPC_ERROR_CODES = [
  /** The engine refuses the targets until the technician confirms them: details.confirmations. */
  'needs-confirmation',
  /** Targets that cannot be scanned as written (details.spec names the one at fault). */
  'invalid-targets',
  /** The call did not pass the contract (unknown channel, bad arguments, untrusted sender). */
  'invalid-request',
  /** Anything else: the message says what. */
  'failed',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcErrorDetails {
  confirmations?: ConfirmationFlag[];
  spec?: string | null;
}

export interface IpcErrorEnvelope {
  code: IpcErrorCode;
  message: string;
  details?: IpcErrorDetails;
}

export class ForewarnError extends Error {
  override readonly name = 'ForewarnError';
  readonly code: IpcErrorCode;
  readonly details: IpcErrorDetails;
  constructor(envelope: IpcErrorEnvelope) {
    super(envelope.message);
    this.code = envelope.code;
    this.details = envelope.details ?? {};
  }

  envelope(): IpcErrorEnvelope {
    return { code: this.code, message: this.message, ...(Object.keys(this.details).length > 0 ? { details: this.details } : {}) };
  }
}

const CONFIRMATION_FLAGS: readonly ConfirmationFlag[] = ['allowLarge', 'allowPublic'];

export function isErrorEnvelope(value: unknown): value is IpcErrorEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!(IPC_ERROR_CODES as readonly unknown[]).includes(v.code) || typeof v.message !== 'string') return false;
  if (v.details === undefined) return true;
  if (typeof v.details !== 'object' || v.details === null) return false;
  const confirmations = (v.details as IpcErrorDetails).confirmations;
  return confirmations === undefined || (Array.isArray(confirmations) && confirmations.every((c) => CONFIRMATION_FLAGS.includes(c)));
}

/** What any thrown value says, as an envelope (plain errors become 'failed' with their message). */
export function toErrorEnvelope(error: unknown): IpcErrorEnvelope {
  if (error instanceof ForewarnError) return error.envelope();
  if (isErrorEnvelope(error)) return error;
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

const MARKER = 'forewarn-error:';

/** The envelope as an Error message that survives Electron's prefix and its context bridge. */
export function encodeErrorEnvelope(envelope: IpcErrorEnvelope): string {
  return `${MARKER}${JSON.stringify(envelope)}`;
}

/** The envelope inside a message, wherever Electron put it; null when there is none. */
export function decodeErrorEnvelope(message: string): IpcErrorEnvelope | null {
  const at = message.indexOf(MARKER);
  if (at < 0) return null;
  try {
    const value: unknown = JSON.parse(message.slice(at + MARKER.length));
    return isErrorEnvelope(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Any rejection from a transport as a ForewarnError: an encoded envelope is
 * decoded, Electron's "Error invoking remote method" prefix is dropped from a
 * plain message, and anything else becomes a 'failed' error with its words.
 */
export function asForewarnError(error: unknown): ForewarnError {
  if (error instanceof ForewarnError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const envelope = decodeErrorEnvelope(message);
  if (envelope) return new ForewarnError(envelope);
  return new ForewarnError({ code: 'failed', message: message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '') });
}

/** The API with every rejection made a ForewarnError: the renderer's door wraps window.forewarn in it. */
export function withTypedErrors(api: ForewarnApi): ForewarnApi {
  return {
    invoke: (channel, ...args) => api.invoke(channel, ...args).catch((error: unknown) => Promise.reject(asForewarnError(error))),
    on: (channel, listener) => api.on(channel, listener),
  };
}
