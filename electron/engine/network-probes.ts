/**
 * Binds the orchestrator's `EngineProbes` to the real network modules:
 * targets, ICMP, the neighbour table, SNMP, TCP, reverse DNS and
 * identification. The only place that knows which module does what.
 */
import { identifyDevice } from './identify/identify';
import type { EngineProbes } from './probes';
import { detectLocalSubnets } from './targets/local-subnets';
import { parseTargets } from './targets/parse-targets';

const notWired = (what: string) => () => {
  throw new Error(`${what} is not wired into the engine yet`);
};

export function createNetworkProbes(): EngineProbes {
  return {
    planTargets: (specs, confirmations) => parseTargets(specs, confirmations),
    detectLocalSubnets: () => detectLocalSubnets(),
    ping: notWired('ICMP'),
    watchNeighbours: () => ({ stop: async () => undefined }),
    probeSnmp: notWired('SNMP'),
    tcpProbe: notWired('TCP'),
    reverseDns: async () => null,
    identify: (source, facts, options) => identifyDevice(source, facts, options),
  };
}
