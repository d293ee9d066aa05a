/**
 * Error codes every SNMP source reports, in `WalkResult.error.code` and on
 * rejected `get()` promises, so callers can mark a device without parsing
 * free-text messages.
 */

export type SnmpErrorCode =
  /** No (usable) answer within timeout × retries. */
  | 'snmp-timeout'
  /** The agent answered with bytes that are not a valid SNMP message for our request. */
  | 'snmp-malformed'
  /** The agent rejected the credential (v3 USM report: unknown user, wrong digest, …). */
  | 'snmp-auth'
  /** A walk returned a non-increasing OID (an agent bug that would walk forever). */
  | 'walk-loop'
  /** The agent answered with an SNMP error-status (genErr, noAccess, tooBig, …). */
  | 'snmp-error'
  /** The caller's AbortSignal fired or the source was closed. */
  | 'snmp-aborted'
  /** The requested OID is not a numeric OID. */
  | 'bad-oid';

export class SnmpError extends Error {
  readonly code: SnmpErrorCode;

  constructor(code: SnmpErrorCode, message: string) {
    // Timeouts are the common case in a sweep (one per silent address and credential);
    // a captured stack would cost more than the rest of the probe and says nothing useful.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.name = 'SnmpError';
  }
}

export function isSnmpError(e: unknown): e is SnmpError {
  return e instanceof SnmpError;
}
