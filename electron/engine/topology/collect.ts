/**
 * collectTopologyFacts: everything topology needs from one agent, through
 * bounded walks. Missing MIBs are normal (a printer has no FDB); truncated or
 * failing tables are listed in `incomplete` so inference knows what it lacks.
 */
import type { TopologyFacts } from '../../../shared/topology/facts';
import { isUselessMac } from '../../../shared/topology/mac';
import type { SnmpSource } from '../snmp/source';
import { collectArp } from './arp';
import { collectBridge, type VlanSourceFactory } from './bridge';
import { collectCdp } from './cdp';
import { collectTopologyInterfaces } from './interfaces';
import { collectLldp } from './lldp';
import type { CollectContext } from './walk';

export interface CollectTopologyOptions {
  signal?: AbortSignal;
  /**
   * Opens the agent's per-VLAN view (Cisco IOS: v2c community `<community>@<vid>`, v3 context
   * `vlan-<vid>`); without it only the default view's forwarding table is read.
   */
  vlanSource?: VlanSourceFactory;
}

export async function collectTopologyFacts(source: SnmpSource, options: CollectTopologyOptions = {}): Promise<TopologyFacts> {
  const ctx: CollectContext = { source, signal: options.signal, incomplete: [] };
  const interfaces = await collectTopologyInterfaces(ctx);
  const bridge = await collectBridge(ctx, interfaces, options.vlanSource);
  const lldp = await collectLldp(ctx, interfaces, bridge.portToIfIndex);
  const cdp = await collectCdp(ctx, interfaces);
  const arp = await collectArp(ctx);

  const identity = new Set<string>();
  const addIdentity = (mac: string | null) => {
    if (mac && !isUselessMac(mac)) identity.add(mac);
  };
  addIdentity(bridge.bridgeAddress);
  addIdentity(lldp.localChassisMac);
  for (const i of interfaces) addIdentity(i.mac);
  for (const e of bridge.fdb) if (e.status === 'self') addIdentity(e.mac);

  return {
    identityMacs: [...identity].sort(),
    isBridge: bridge.hasBridgeMib,
    bridgeAddress: bridge.bridgeAddress,
    lldpLocalChassisId: lldp.localChassisId,
    lldpLocalSysName: lldp.localSysName,
    interfaces,
    fdb: bridge.fdb,
    neighbours: [...lldp.neighbours, ...cdp],
    arp,
    incomplete: ctx.incomplete,
  };
}
