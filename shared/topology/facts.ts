/**
 * What the topology collector reads from one SNMP agent, already decoded:
 * MACs canonical, bridge ports mapped to interface names. Pure data, so
 * inference can be re-run offline from a saved scan.
 */
import { z } from 'zod';

export const TopologyInterfaceSchema = z.object({
  ifIndex: z.number().int(),
  /** ifName, else ifDescr: the name a link end carries. */
  name: z.string(),
  descr: z.string().nullable(),
  alias: z.string().nullable(),
  mac: z.string().nullable(),
  speedMbps: z.number().nullable(),
  duplex: z.enum(['full', 'half']).nullable(),
});
export type TopologyInterface = z.infer<typeof TopologyInterfaceSchema>;

export const FdbStatusSchema = z.enum(['learned', 'self', 'mgmt', 'other', 'invalid']);

export const FdbEntrySchema = z.object({
  mac: z.string(),
  /** Interface name of the bridge port, or null when the port maps to no interface. */
  port: z.string().nullable(),
  bridgePort: z.number().int(),
  ifIndex: z.number().int().nullable(),
  /** VLAN id (Q-BRIDGE FdbId mapped to a VID, else FdbId); null for BRIDGE-MIB entries. */
  vlan: z.number().int().nullable(),
  status: FdbStatusSchema,
});
export type FdbEntry = z.infer<typeof FdbEntrySchema>;

export const NeighbourSchema = z.object({
  via: z.enum(['lldp', 'cdp']),
  /** Our interface the neighbour was heard on. */
  localPort: z.string().nullable(),
  /** The neighbour's chassis MAC (LLDP chassis subtype macAddress). */
  chassisMac: z.string().nullable(),
  /** The chassis id as text whatever its subtype (CDP: the device id). */
  chassisId: z.string().nullable(),
  sysName: z.string().nullable(),
  /** The neighbour's port as it names it (LLDP port id, CDP device port). */
  portId: z.string().nullable(),
  /** LLDP port subtype macAddress: the neighbour port's MAC. */
  portMac: z.string().nullable(),
  portDesc: z.string().nullable(),
  mgmtIps: z.array(z.string()),
  platform: z.string().nullable(),
});
export type Neighbour = z.infer<typeof NeighbourSchema>;

export const ArpEntrySchema = z.object({
  ip: z.string(),
  mac: z.string(),
  ifIndex: z.number().int().nullable(),
  type: z.enum(['other', 'invalid', 'dynamic', 'static', 'local']),
});
export type ArpEntry = z.infer<typeof ArpEntrySchema>;

export const TopologyFactsSchema = z.object({
  /** MACs the device itself owns: ifPhysAddress, dot1dBaseBridgeAddress, LLDP chassis MAC, FDB `self` entries. */
  identityMacs: z.array(z.string()),
  /** The agent implements BRIDGE-MIB or Q-BRIDGE-MIB forwarding: a managed switch. */
  isBridge: z.boolean(),
  bridgeAddress: z.string().nullable(),
  lldpLocalChassisId: z.string().nullable(),
  lldpLocalSysName: z.string().nullable(),
  interfaces: z.array(TopologyInterfaceSchema),
  fdb: z.array(FdbEntrySchema),
  neighbours: z.array(NeighbourSchema),
  arp: z.array(ArpEntrySchema),
  /** Tables a bound or an agent error cut short: absent rows there mean "unknown", not "none". */
  incomplete: z.array(z.object({ table: z.string(), reason: z.string() })),
});
export type TopologyFacts = z.infer<typeof TopologyFactsSchema>;

export function emptyTopologyFacts(): TopologyFacts {
  return {
    identityMacs: [],
    isBridge: false,
    bridgeAddress: null,
    lldpLocalChassisId: null,
    lldpLocalSysName: null,
    interfaces: [],
    fdb: [],
    neighbours: [],
    arp: [],
    incomplete: [],
  };
}
