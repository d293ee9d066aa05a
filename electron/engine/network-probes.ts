/**
 * Binds the orchestrator's `EngineProbes` to the real network modules:
 * targets, ICMP, the neighbour table, SNMP, TCP, reverse DNS and
 * identification. The only place that knows which module does what.
 *
 * Every first packet to an on-link address (ping, SNMP, TCP, ARP priming)
 * passes one neighbour gate, so a big subnet never overflows the kernel's
 * neighbour table.
 */
import { pingHost, sharedEchoHelper } from './discovery/icmp';
import { createLocalNeighbourGate, createNeighbourGate, startNeighbourDiscovery, type NeighbourGate } from './discovery/neighbours';
import { reverseLookup } from './discovery/reverse-dns';
import { probeTcp } from './discovery/tcp-probe';
import type { EngineProbes } from './probes';
import { defaultGatewayOf, detectLocalSubnetDetails, detectLocalSubnets } from './targets/local-subnets';
import { parseTargets } from './targets/parse-targets';
import { parseIpv4, rangesContain, type Ipv4Range } from './targets/ipv4';

export function createNetworkProbes(): EngineProbes {
  let onLink: Ipv4Range[] = [];
  let onLinkInterfaces: string[] = [];
  let ownAddresses = new Set<string>();
  let gate: NeighbourGate = createNeighbourGate({ onLink, limits: { hardLimit: 1024 } });

  /** Interfaces change when a laptop moves: refresh what is on-link for every new plan. */
  const refreshInterfaces = async () => {
    const subnets = detectLocalSubnetDetails();
    onLink = subnets.map((s) => s.range);
    onLinkInterfaces = [...new Set(subnets.map((s) => s.interface))];
    ownAddresses = new Set(subnets.map((s) => s.address));
    ({ gate } = await createLocalNeighbourGate({}, onLink));
  };

  return {
    async planTargets(specs, confirmations) {
      const plan = await parseTargets(specs, confirmations);
      await refreshInterfaces();
      return plan;
    },
    detectLocalSubnets: () => detectLocalSubnets(),
    isOwnAddress: (ip) => ownAddresses.has(ip),
    resolvesByArp(ip) {
      const value = parseIpv4(ip);
      return value !== null && rangesContain(onLink, value) && !ownAddresses.has(ip);
    },

    async ping(ip, { timeoutMs, signal, rateLimiter }) {
      await gate.admit(ip, signal);
      const { alive, rttMs, lossPercent } = await pingHost(ip, { timeoutMs, signal, rateLimiter });
      return { alive, rttMs, lossPercent };
    },

    pingsAreCheap: async () => (await sharedEchoHelper()) !== null,

    watchNeighbours(plan, { signal, rateLimiter }, onNeighbour) {
      const discovery = startNeighbourDiscovery(
        { ranges: plan.ranges, addresses: function* () { yield* plan.addresses(); } },
        { signal, rateLimiter, onLink, interfaces: onLinkInterfaces, gate },
        (entry) => onNeighbour(entry.ip, entry.mac),
      );
      // Priming ends by itself; an abort is not an error.
      return {
        primed: discovery.primed.then(() => undefined, () => undefined),
        retransmitMs: discovery.retransmitMs,
        unconfirmed: discovery.unconfirmed,
        confirm: discovery.confirm,
        stop: discovery.stop,
      };
    },

    async probeSnmp(ip, credentials, { timeoutMs, signal, rateLimiter, hostKnownAlive }) {
      await gate.admit(ip, signal);
      // net-snmp loads with the first SNMP probe: a scan starts (and finds its first hosts by ARP) without waiting for it.
      const { probeSnmp } = await import('./snmp/probe');
      const { outcome, errors } = await probeSnmp(ip, credentials, { timeoutMs, signal, rateLimiter, hostKnownAlive });
      return { outcome, errors };
    },

    async tcpProbe(ip, { timeoutMs, signal, rateLimiter, ports }) {
      const { alive, open } = await probeTcp(ip, { timeoutMs, signal, rateLimiter, neighbourGate: gate, ...(ports ? { ports } : {}) });
      return { alive, open };
    },

    reverseDns: (ip, { timeoutMs, signal }) => reverseLookup(ip, { timeoutMs, signal }),
    nameServices: async (ip, options) => (await import('./discovery/host-hints')).readNameServices(ip, options),
    webHints: async (ip, openTcpPorts, options) => (await import('./discovery/host-hints')).readWebHints(ip, openTcpPorts, options),
    // Identification, health and topology (rules, sensor tables and their knowledge: most of the
    // engine's code) load with the first device that needs them, not before the sweep starts.
    identify: async (source, facts, options) => (await import('./identify/identify')).identifyDevice(source, facts, options),
    defaultGateway: async () => (await defaultGatewayOf())?.ip ?? null,
    collectHealth: async (source, options) => (await import('./health/collect')).collectHealth(source, options),
    collectTopologyFacts: async (source, options) => (await import('./topology/collect')).collectTopologyFacts(source, options),
  };
}
