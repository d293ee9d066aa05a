/**
 * The only door to net-snmp in the engine. It creates the session and hands
 * back a facade with the read operations alone, so no code path can send a
 * SET (or a trap/inform): the raw session never leaves this file.
 */
import snmp from 'net-snmp';
import { isIP } from 'node:net';
import type { V3User } from '../../../shared/credentials.js';
import { sharedUdpTransport, type SharedUdpTransport } from './shared-socket.js';

export type SnmpVersion = 'v1' | 'v2c' | 'v3';

/** What net-snmp hands back per varbind. */
export interface RawVarbind {
  oid: string;
  type: number;
  value: unknown;
}

export type RawCallback = (error: Error | null, varbinds?: RawVarbind[]) => void;
export type RawBulkCallback = (error: Error | null, varbinds?: (RawVarbind | RawVarbind[])[]) => void;

export interface ReadOnlySession {
  get(oids: string[], cb: RawCallback): void;
  getNext(oids: string[], cb: RawCallback): void;
  getBulk(oids: string[], nonRepeaters: number, maxRepetitions: number, cb: RawBulkCallback): void;
  /** Fail every outstanding request of this session with `error`. */
  cancelRequests(error: Error): void;
  close(): void;
  /** Set when the agent sent a datagram net-snmp could not decode. */
  readonly malformedSeen: number;
}

export interface SessionTarget {
  host: string;
  port: number;
  version: SnmpVersion;
  community?: string;
  v3User?: V3User;
  /** SNMPv3 context name (default ""); snmpsim selects its recording by it, Cisco by VLAN. */
  v3Context?: string;
  /** Per datagram; net-snmp's own timer, which also frees the request's state. */
  timeoutMs: number;
  /** One shared UDP socket for all sessions (default); a hostname target gets its own socket. */
  transport?: SharedUdpTransport | 'own-socket';
}

const SECURITY_LEVEL = (u: V3User) =>
  u.authProtocol === 'none'
    ? snmp.SecurityLevel.noAuthNoPriv
    : u.privProtocol === 'none'
      ? snmp.SecurityLevel.authNoPriv
      : snmp.SecurityLevel.authPriv;

export function openReadOnlySession(target: SessionTarget): ReadOnlySession {
  const shared = target.transport === 'own-socket' || isIP(target.host) === 0 ? null : (target.transport ?? sharedUdpTransport());
  const options = {
    port: target.port,
    // Retries are ours: each resend must pass the scan's rate limiter.
    retries: 0,
    timeout: target.timeoutMs,
    transport: (isIP(target.host) === 6 ? 'udp6' : 'udp4') as 'udp4' | 'udp6',
    // Loop detection is ours too, so a misbehaving agent is reported as 'walk-loop'.
    backwardsGetNexts: true,
    ...(shared ? { dgramModule: shared.dgramModule } : {}),
  };
  const session =
    target.version === 'v3'
      ? snmp.createV3Session(
          target.host,
          {
            name: target.v3User!.user,
            level: SECURITY_LEVEL(target.v3User!),
            authProtocol: snmp.AuthProtocols[target.v3User!.authProtocol],
            authKey: target.v3User!.authKey,
            privProtocol: snmp.PrivProtocols[target.v3User!.privProtocol],
            privKey: target.v3User!.privKey,
          } as unknown as snmp.User,
          { ...options, version: snmp.Version3, context: target.v3Context ?? '' } as snmp.SessionOptionsV3,
        )
      : snmp.createSession(target.host, target.community ?? '', {
          ...options,
          version: target.version === 'v1' ? snmp.Version1 : snmp.Version2c,
        } as snmp.SessionOptions);

  let malformedSeen = 0;
  // net-snmp emits 'error' for datagrams it cannot decode; without a listener that would throw.
  session.on('error', () => {
    malformedSeen++;
  });

  let closed = false;
  return {
    get: (oids, cb) => session.get(oids, cb as snmp.GetSetCallback),
    getNext: (oids, cb) => session.getNext(oids, cb as snmp.GetSetCallback),
    getBulk: (oids, nonRepeaters, maxRepetitions, cb) =>
      session.getBulk(oids, nonRepeaters, maxRepetitions, cb as snmp.GetBulkCallback),
    cancelRequests: (error) => session.cancelRequests(error),
    close: () => {
      if (closed) return;
      closed = true;
      try {
        session.close();
      } catch {
        /* already closed */
      }
    },
    get malformedSeen() {
      return malformedSeen;
    },
  };
}
