/**
 * Discovery and target planning: the API the scan orchestrator uses.
 *
 *   const plan = await parseTargets(specs.length ? specs : detectLocalSubnets(), confirmations); // throws TargetError
 *   const { gate, onLink } = await createLocalNeighbourGate();           // one per scan, shared by every prober
 *   const arp = startNeighbourDiscovery(plan, { signal, rateLimiter, gate, onLink }, (e) => …e.ip, e.mac…);
 *   await pingHost(ip, { timeoutMs, signal, rateLimiter, neighbourGate: gate });   // or pingSweep(plan.addresses(), …)
 *   await probeTcp(ip, { timeoutMs, signal, rateLimiter, neighbourGate: gate });   // or tcpSweep(…)
 *   await reverseLookup(ip, { timeoutMs, signal });                      // never throws; null when unknown
 *   await arp.stop();                                                     // final read of the neighbour table
 *   await defaultGatewayOf();                                             // { ip, interface } | null, for topology
 *
 * Single-host probes reject with the signal's reason on abort; sweeps resolve
 * `{ aborted: true }` soon after it. Nothing here imports electron.
 */
export {
  addressesOf,
  containsAddress,
  intToIp,
  ipToInt,
  isPublicAddress,
  parseTargets,
  TargetError,
  type ParseTargetsOptions,
  type TargetPlan,
} from '../targets/parse-targets';
export { defaultGatewayOf, detectLocalSubnetDetails, detectLocalSubnets, type DefaultGateway, type LocalSubnet } from '../targets/local-subnets';
export { pingHost, pingSweep, type PingOptions, type PingResult } from './icmp';
export { parsePingOutput } from './ping-output';
export {
  createLocalNeighbourGate,
  createNeighbourGate,
  primeNeighbours,
  readNeighbourTable,
  startNeighbourDiscovery,
  watchNeighbours,
  type NeighbourEntry,
  type NeighbourGate,
  type NeighbourWatch,
} from './neighbours';
export { DEFAULT_TCP_PORTS, probeTcp, tcpSweep, type TcpProbeResult } from './tcp-probe';
export { reverseLookup } from './reverse-dns';
