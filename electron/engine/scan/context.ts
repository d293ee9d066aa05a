/** What every stage of one scan shares: the request, the probes, the registry and the pacing. */
import type { ScanPhase } from '../../../shared/scan-events';
import type { EngineScanRequest } from '../../../shared/scan-request';
import type { EngineProbes, SnmpOutcome } from '../probes';
import type { NameServiceHints } from '../discovery/host-hints';
import type { ConcurrencyLimiter, RateLimiter } from '../util/pacing';
import type { DeviceRegistry } from './device-registry';
import type { ProgressSnapshot } from './progress';
import type { ScanTopology } from './topology';

export interface ScanContext {
  request: EngineScanRequest;
  probes: EngineProbes;
  registry: DeviceRegistry;
  signal: AbortSignal;
  rateLimiter: RateLimiter;
  quick: boolean;
  /** The session that answered for each SNMP device; closed when the scan ends. */
  snmpByIp: Map<string, SnmpOutcome>;
  /** Reverse lookups start the moment a device is found, so they overlap the other probes. */
  reverseDnsByIp: Map<string, Promise<string | null>>;
  /** Name-service queries (mDNS, NetBIOS, SSDP) start then too: their wait overlaps the SNMP timeout. */
  nameServicesByIp: Map<string, Promise<NameServiceHints | null>>;
  /** Bounds the hosts whose name services are asked at once (each holds three sockets for up to 700 ms). */
  nameServiceLimiter: ConcurrencyLimiter;
  topology: ScanTopology;
  emitPhase(phase: ScanPhase, message?: string): void;
  publishProgress(snapshot: ProgressSnapshot): void;
}
