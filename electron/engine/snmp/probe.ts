/**
 * Find the credential a host answers to, reading the system group. Order:
 * v2c with every community (sent concurrently: a sweep must not pay one
 * timeout per community), then v1 with every community for old agents, only
 * when v2c drew no answer, then each v3 user. The first answer wins; the other
 * sessions are closed at once. Labels name the credential ("community #2",
 * "v3 user ops"), never its secret, and error messages are scrubbed.
 */
import { redactSecrets, secretsOf, type SnmpCredentials, type V3User } from '../../../shared/credentials';
import type { DeviceError, SnmpVersion } from '../../../shared/scan-document';
import type { SnmpProbeResult } from '../probes';
import type { RateLimiter } from '../util/pacing';
import { SnmpError, isSnmpError, type SnmpErrorCode } from './errors';
import { LiveSnmpSource } from './live-source';
import type { SharedUdpTransport } from './shared-socket';
import { SYSTEM_GROUP_OID_LIST, decodeSystemGroup, hasAnySystemField } from './system-group';

export interface SnmpProbeOptions {
  timeoutMs: number;
  signal: AbortSignal;
  rateLimiter?: RateLimiter;
  retries?: number;
  port?: number;
  transport?: SharedUdpTransport | 'own-socket';
  /** SNMPv3 context name for every v3 attempt (default ""). */
  v3Context?: string;
  /** Outstanding requests per device for the winning session's later walks. */
  maxOutstanding?: number;
  /**
   * Asked when a whole stage drew nothing but timeouts: go on to the next
   * stage (v1, then v3)? A sweep answers "only if something else proved a
   * host is there", so dead addresses cost one timeout, not three.
   */
  continueAfterSilence?: () => boolean;
}

/** Why no credential worked, most telling first. */
export type SnmpProbeFailure = 'auth-failure' | 'malformed' | 'error' | 'timeout' | 'no-credentials';

export interface SnmpProbeOutcomeResult extends SnmpProbeResult {
  /** Set when `outcome` is null. */
  reason?: SnmpProbeFailure;
}

interface Attempt {
  version: SnmpVersion;
  label: string;
  community?: string;
  v3User?: V3User;
}

export function credentialAttempts(credentials: SnmpCredentials): Attempt[][] {
  const communities = credentials.communities.map((community, i) => ({ community, label: `community #${i + 1}` }));
  return [
    communities.map((c) => ({ version: 'v2c' as const, ...c })),
    communities.map((c) => ({ version: 'v1' as const, ...c })),
    credentials.v3Users.map((u) => ({ version: 'v3' as const, v3User: u, label: `v3 user ${u.user}` })),
  ].filter((stage) => stage.length > 0);
}

export async function probeSnmp(ip: string, credentials: SnmpCredentials, options: SnmpProbeOptions): Promise<SnmpProbeOutcomeResult> {
  const secrets = secretsOf(credentials);
  const errors: DeviceError[] = [];
  const stages = credentialAttempts(credentials);
  if (stages.length === 0) return { outcome: null, errors, reason: 'no-credentials' };

  for (const stage of stages) {
    const hit = await firstAnswer(ip, stage, options, (attempt, error) => {
      const e = isSnmpError(error) ? error : new SnmpError('snmp-malformed', String(error));
      const where = attempt.version === 'v3' ? attempt.label : `${attempt.version} ${attempt.label}`;
      errors.push({ code: e.code, message: redactSecrets(`${where}: ${e.message}`, secrets), phase: 'snmp-probe' });
    });
    // Reaching v1 means no v2c community answered: v1 is never waited for once v2c works.
    if (hit) return { outcome: hit, errors };
    const onlySilence = errors.every((e) => e.code === 'snmp-timeout');
    if (onlySilence && options.continueAfterSilence && !options.continueAfterSilence()) break;
  }
  return { outcome: null, errors, reason: failureReason(errors.map((e) => e.code as SnmpErrorCode)) };
}

function failureReason(codes: SnmpErrorCode[]): SnmpProbeFailure {
  if (codes.includes('snmp-auth')) return 'auth-failure';
  if (codes.includes('snmp-malformed') || codes.includes('walk-loop')) return 'malformed';
  if (codes.some((c) => c !== 'snmp-timeout')) return 'error';
  return 'timeout';
}

/** Run one stage's attempts concurrently; resolve with the first that reads the system group. */
function firstAnswer(
  ip: string,
  stage: Attempt[],
  options: SnmpProbeOptions,
  onError: (attempt: Attempt, error: unknown) => void,
): Promise<SnmpProbeResult['outcome']> {
  const { signal } = options;
  if (signal.aborted) return Promise.reject(signal.reason);
  // The scan's signal is handed to each source (which closes itself on abort) and to
  // nothing else: a sweep keeps thousands of probes in flight, and every listener on one
  // shared AbortSignal makes the next addEventListener slower (Node checks duplicates).
  return new Promise((resolve, reject) => {
    let remaining = stage.length;
    let done = false;
    const sources: LiveSnmpSource[] = [];
    /** A credential the agent answered but with an empty system group (restricted view). */
    let fallback: NonNullable<SnmpProbeResult['outcome']> | null = null;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      fn();
    };

    for (const attempt of stage) {
      const source = new LiveSnmpSource({
        host: ip,
        port: options.port,
        version: attempt.version,
        community: attempt.community,
        v3User: attempt.v3User,
        v3Context: options.v3Context,
        timeoutMs: options.timeoutMs,
        retries: options.retries ?? 0,
        rateLimiter: options.rateLimiter,
        maxOutstanding: options.maxOutstanding,
        transport: options.transport,
        signal,
      });
      sources.push(source);
      source.get(SYSTEM_GROUP_OID_LIST).then(
        (varbinds) => {
          const system = decodeSystemGroup(varbinds);
          const outcome = { source, version: attempt.version, credentialLabel: attempt.label, system, close: () => source.close() };
          if (done) {
            source.close();
          } else if (hasAnySystemField(system)) {
            for (const other of sources) if (other !== source) other.close();
            if (fallback && fallback.source !== source) fallback.close();
            finish(() => resolve(outcome));
            return;
          } else if (!fallback) {
            // It answers, so the credential works; keep it unless another shows more.
            fallback = outcome;
          } else {
            source.close();
          }
          settleOne();
        },
        (error: unknown) => {
          source.close();
          if (!done && !signal.aborted && !(isSnmpError(error) && error.code === 'snmp-aborted')) onError(attempt, error);
          settleOne();
        },
      );
    }

    function settleOne() {
      remaining--;
      if (signal.aborted) finish(() => reject(signal.reason));
      else if (remaining === 0) finish(() => resolve(fallback));
    }
  });
}
