/**
 * What the scan orchestrator needs from the network, as one injectable
 * interface. `createNetworkProbes()` (network-probes.ts) binds it to the real
 * discovery, SNMP and identification modules; tests bind it to fakes, so the
 * orchestration logic (streaming, progress, cancellation, merging) is tested
 * without sending a packet.
 */
import type { FactoryDefaultCommunity, SnmpCredentials } from '../../shared/credentials';
import type { DeviceType } from '../../shared/device-types';
import type { DeviceError, SnmpVersion } from '../../shared/scan-document';
import type { HealthReadings } from '../../shared/health/schema';
import type { TopologyFacts } from '../../shared/topology/facts';
import type { HostFacts, Identity } from './identify/types';
import type { SnmpSource } from './snmp/source';
import type { RateLimiter } from './util/pacing';
import type { NameServiceHints, WebHints } from './discovery/host-hints';

export interface TargetPlanView {
  /** Merged, sorted, inclusive uint32 address ranges. */
  ranges: readonly (readonly [start: number, end: number])[];
  /** Number of addresses to probe. */
  total: number;
  /** Lazily yields every address once. */
  addresses(): Iterable<string>;
  /** The normalised target specs, for the scan document. */
  specs: string[];
}

export interface ProbeOptions {
  timeoutMs: number;
  signal: AbortSignal;
  rateLimiter: RateLimiter;
}

export interface PingOutcome {
  alive: boolean;
  rttMs: number | null;
  lossPercent: number | null;
}

export interface TcpOutcome {
  /** A port accepted or actively refused: a host is there. */
  alive: boolean;
  open: number[];
}

export interface SystemGroup {
  sysDescr: string | null;
  sysObjectID: string | null;
  uptimeSeconds: number | null;
  sysContact: string | null;
  sysName: string | null;
  sysLocation: string | null;
}

export interface SnmpOutcome {
  source: SnmpSource;
  version: SnmpVersion;
  /** A display label such as "community #1"; never the secret itself. */
  credentialLabel: string;
  /** The factory-default community that answered ('public', 'private'); absent for any other credential. */
  defaultCommunity?: FactoryDefaultCommunity;
  system: SystemGroup;
  /**
   * The agent's per-VLAN view with the same credential (Cisco IOS keeps one
   * forwarding table per VLAN: community `<c>@<vid>`, v3 context `vlan-<vid>`).
   */
  vlanSource?: (vlan: number) => SnmpSource | null;
  /** Release sockets (the per-VLAN ones too) once the device's enrichment is over. */
  close(): void;
}

export interface SnmpProbeResult {
  outcome: SnmpOutcome | null;
  /** Why no credential worked, when the agent answered something unusable. */
  errors: DeviceError[];
}

/** What identification concluded (defined beside the rules that produce it). */
export type { Identity };

export interface NeighbourWatch {
  /** Resolves when every on-link address of the plan has been primed (sent its ARP-triggering datagram). */
  primed: Promise<void>;
  /** How long after its first ARP request the OS asks an unanswered address again. */
  retransmitMs: Promise<number>;
  /**
   * Plan addresses whose neighbour entry predates the scan: no proof the host
   * is still there. Each is reported once the OS confirms it, or once `confirm`
   * is called for it.
   */
  unconfirmed: Promise<readonly string[]>;
  /** The address just answered a probe: report its (older) neighbour entry now. */
  confirm(ip: string): void;
  /** Stop polling and resolve with a final read. */
  stop(): Promise<void>;
}

export interface EngineProbes {
  planTargets(specs: string[], confirmations: { allowLarge: boolean; allowPublic: boolean }): Promise<TargetPlanView>;
  detectLocalSubnets(): string[];
  ping(ip: string, options: ProbeOptions): Promise<PingOutcome>;
  /**
   * Whether a ping costs no process of its own (the echo helper runs): then a
   * sweep may keep thousands in flight, as many as the packet cap fills.
   */
  pingsAreCheap(): Promise<boolean>;
  /**
   * Prime and watch the neighbour (ARP) table for the plan's on-link addresses;
   * calls `onNeighbour` for each ip→mac pair the moment it appears.
   */
  watchNeighbours(
    plan: TargetPlanView,
    options: { signal: AbortSignal; rateLimiter: RateLimiter },
    onNeighbour: (ip: string, mac: string) => void,
  ): NeighbourWatch;
  /** `hostKnownAlive` lets the probe skip v1/v3 retries at addresses where nothing answers at all. */
  probeSnmp(ip: string, credentials: SnmpCredentials, options: ProbeOptions & { hostKnownAlive: () => boolean }): Promise<SnmpProbeResult>;
  /**
   * Whether ARP settles this address: it is on a directly connected subnet
   * and is not one of this machine's own addresses.
   */
  resolvesByArp(ip: string): boolean;
  /** One of this machine's own addresses: alive by definition. */
  isOwnAddress(ip: string): boolean;
  /** Connect probes of the host's ports: `ports` when given, else the default list (shared/tcp-ports.ts). */
  tcpProbe(ip: string, options: ProbeOptions & { ports?: readonly number[] }): Promise<TcpOutcome>;
  reverseDns(ip: string, options: { timeoutMs: number; signal: AbortSignal }): Promise<string | null>;
  /**
   * What a host says of itself over mDNS, NetBIOS and UPnP, and on its web page (discovery/host-hints): the
   * names and hints of hosts without SNMP. Optional: without them, such hosts are known by their MAC's maker
   * and open ports only.
   */
  nameServices?(ip: string, options: { timeoutMs: number; signal: AbortSignal }): Promise<NameServiceHints>;
  webHints?(ip: string, openTcpPorts: readonly number[], options: { timeoutMs: number; signal: AbortSignal }): Promise<WebHints | null>;
  identify(source: SnmpSource | null, facts: HostFacts, options: { quick: boolean; signal: AbortSignal }): Promise<Identity>;
  /** The technician's default gateway: the root of the topology. */
  defaultGateway(): Promise<string | null>;
  /** Full assessment: hardware health readings (collectors never throw; problems land in `errors`). */
  collectHealth(source: SnmpSource, options: { type: DeviceType; sampleIntervalMs: number; signal: AbortSignal; sysObjectID?: string | null }): Promise<HealthReadings>;
  /** Full assessment: LLDP/CDP neighbours, forwarding and ARP tables, interfaces. */
  collectTopologyFacts(source: SnmpSource, options: { signal: AbortSignal; vlanSource?: (vlan: number) => SnmpSource | null }): Promise<TopologyFacts>;
}
