/**
 * Find the credential a host answers to, reading the system group. Order:
 * v2c with every community (sent concurrently: a sweep must not pay one
 * timeout per community), then v1 with every community for old agents, only
 * when v2c drew no answer, then each v3 user. The first answer wins; the other
 * sessions are closed at once. Labels name the credential ("community #2",
 * "v3 user ops"), never its secret, and error messages are scrubbed.
 */
import { communityLabel, isFactoryDefaultCommunity, redactSecrets, secretsOf, type SnmpCredentials, type V3User } from '../../../shared/credentials';
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
  hostKnownAlive?: () => boolean;
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
  const communities = credentials.communities.map((community, i) => ({ community, label: communityLabel(community, i) }));
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

  const onError = (attempt: Attempt, error: unknown) => {
    const e = isSnmpError(error) ? error : new SnmpError('snmp-malformed', String(error));
    const where = attempt.version === 'v3' ? attempt.label : `${attempt.version} ${attempt.label}`;
    errors.push({ code: e.code, message: redactSecrets(`${where}: ${e.message}`, secrets), phase: 'snmp-probe' });
  };

  // A host known to be there (ARP, ICMP) gets every stage at once: an agent-less host then costs one
  // timeout instead of one per stage. The preferred version still wins (v2c over v1 over v3).
  if (options.hostKnownAlive?.() === true) {
    const hit = await bestAnswer(ip, stages.flatMap((stage, rank) => stage.map((attempt) => ({ ...attempt, rank }))), options, onError);
    return hit ? { outcome: hit, errors } : { outcome: null, errors, reason: failureReason(errors.map((e) => e.code as SnmpErrorCode)) };
  }
  for (const stage of stages) {
    const hit = await bestAnswer(ip, stage.map((attempt) => ({ ...attempt, rank: 0 })), options, onError);
    // Reaching v1 means no v2c community answered: v1 is never waited for once v2c works.
    if (hit) return { outcome: hit, errors };
    const onlySilence = errors.every((e) => e.code === 'snmp-timeout');
    if (onlySilence && options.hostKnownAlive && !options.hostKnownAlive()) break;
  }
  return { outcome: null, errors, reason: failureReason(errors.map((e) => e.code as SnmpErrorCode)) };
}

function failureReason(codes: SnmpErrorCode[]): SnmpProbeFailure {
  if (codes.includes('snmp-auth')) return 'auth-failure';
  if (codes.includes('snmp-malformed') || codes.includes('walk-loop')) return 'malformed';
  if (codes.some((c) => c !== 'snmp-timeout')) return 'error';
  return 'timeout';
}

interface RankedAttempt extends Attempt {
  /** Lower is preferred: 0 v2c, 1 v1, 2 v3. */
  rank: number;
}

type Outcome = NonNullable<SnmpProbeResult['outcome']>;

/**
 * Run attempts concurrently; resolve with the most preferred one that reads
 * the system group, as soon as no more preferred attempt is still pending
 * (within one rank, the first answer wins).
 */
function bestAnswer(
  ip: string,
  attempts: RankedAttempt[],
  options: SnmpProbeOptions,
  onError: (attempt: Attempt, error: unknown) => void,
): Promise<Outcome | null> {
  const { signal } = options;
  if (signal.aborted) return Promise.reject(signal.reason);
  // The scan's signal is handed to each source (which closes itself on abort) and to
  // nothing else: a sweep keeps thousands of probes in flight, and every listener on one
  // shared AbortSignal makes the next addEventListener slower (Node checks duplicates).
  return new Promise((resolve, reject) => {
    const pending = new Set(attempts);
    const sources: LiveSnmpSource[] = [];
    let best: { rank: number; outcome: Outcome } | null = null;
    /** A credential the agent answered but with an empty system group (restricted view). */
    let fallback: Outcome | null = null;
    let done = false;

    const decide = () => {
      if (done) return;
      if (signal.aborted) {
        done = true;
        for (const source of sources) source.close();
        reject(signal.reason);
        return;
      }
      const morePreferredPending = [...pending].some((a) => best === null || a.rank < best.rank);
      if (morePreferredPending) return;
      if (best === null && pending.size > 0) return;
      done = true;
      const winner = best?.outcome ?? fallback;
      for (const source of sources) if (source !== winner?.source) source.close();
      resolve(winner);
    };

    for (const attempt of attempts) {
      const source = openSource(ip, attempt, options);
      sources.push(source);
      source.get(SYSTEM_GROUP_OID_LIST).then(
        (varbinds) => {
          const system = decodeSystemGroup(varbinds);
          const outcome = withVlanViews(ip, attempt, options, source, system);
          if (hasAnySystemField(system)) {
            if (best === null || attempt.rank < best.rank) best = { rank: attempt.rank, outcome };
          } else {
            // It answers, so the credential works; keep it unless another shows more.
            fallback ??= outcome;
          }
          pending.delete(attempt);
          decide();
        },
        (error: unknown) => {
          if (!done && !signal.aborted && !(isSnmpError(error) && error.code === 'snmp-aborted')) onError(attempt, error);
          pending.delete(attempt);
          decide();
        },
      );
    }
  });
}

function openSource(ip: string, attempt: Attempt, options: SnmpProbeOptions, view?: { community?: string; v3Context?: string }): LiveSnmpSource {
  return new LiveSnmpSource({
    host: ip,
    port: options.port,
    version: attempt.version,
    community: view?.community ?? attempt.community,
    v3User: attempt.v3User,
    v3Context: view?.v3Context ?? options.v3Context,
    timeoutMs: options.timeoutMs,
    retries: options.retries ?? 0,
    rateLimiter: options.rateLimiter,
    maxOutstanding: options.maxOutstanding,
    transport: options.transport,
    signal: options.signal,
  });
}

/** The outcome, with per-VLAN views opened on demand through the same credential and closed with it. */
function withVlanViews(ip: string, attempt: Attempt, options: SnmpProbeOptions, source: LiveSnmpSource, system: Outcome['system']): Outcome {
  const views: LiveSnmpSource[] = [];
  return {
    source,
    version: attempt.version,
    credentialLabel: attempt.label,
    ...(attempt.community && isFactoryDefaultCommunity(attempt.community) ? { defaultCommunity: attempt.community } : {}),
    system,
    vlanSource(vlan) {
      const view = attempt.version === 'v3' ? { v3Context: `vlan-${vlan}` } : { community: `${attempt.community}@${vlan}` };
      const source = openSource(ip, attempt, options, view);
      views.push(source);
      return source;
    },
    close() {
      source.close();
      for (const view of views) view.close();
    },
  };
}
