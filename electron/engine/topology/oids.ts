/**
 * The MIB objects topology reads (numeric, no leading dot). Data, not code:
 * see /shared/reference/oids.tsv and snmp-health-and-topology.md §C.1.
 */
export const TOPOLOGY_OIDS = {
  // IF-MIB / EtherLike-MIB (indexed by ifIndex)
  ifDescr: '1.3.6.1.2.1.2.2.1.2',
  ifSpeed: '1.3.6.1.2.1.2.2.1.5',
  ifPhysAddress: '1.3.6.1.2.1.2.2.1.6',
  ifName: '1.3.6.1.2.1.31.1.1.1.1',
  ifHighSpeed: '1.3.6.1.2.1.31.1.1.1.15',
  ifAlias: '1.3.6.1.2.1.31.1.1.1.18',
  dot3StatsDuplexStatus: '1.3.6.1.2.1.10.7.2.1.19',

  // BRIDGE-MIB
  dot1dBaseBridgeAddress: '1.3.6.1.2.1.17.1.1.0',
  dot1dBasePortIfIndex: '1.3.6.1.2.1.17.1.4.1.2',
  dot1dTpFdbPort: '1.3.6.1.2.1.17.4.3.1.2',
  dot1dTpFdbStatus: '1.3.6.1.2.1.17.4.3.1.3',

  // Q-BRIDGE-MIB (index dot1qFdbId.mac)
  dot1qTpFdbPort: '1.3.6.1.2.1.17.7.1.2.2.1.2',
  dot1qTpFdbStatus: '1.3.6.1.2.1.17.7.1.2.2.1.3',
  dot1qVlanFdbId: '1.3.6.1.2.1.17.7.1.4.2.1.3',

  // CISCO-VTP-MIB: VLANs whose per-VLAN BRIDGE-MIB view (community@vid) holds their FDB
  vtpVlanState: '1.3.6.1.4.1.9.9.46.1.3.1.1.2',

  // LLDP-MIB local system
  lldpLocChassisIdSubtype: '1.0.8802.1.1.2.1.3.1.0',
  lldpLocChassisId: '1.0.8802.1.1.2.1.3.2.0',
  lldpLocSysName: '1.0.8802.1.1.2.1.3.3.0',
  lldpLocPortIdSubtype: '1.0.8802.1.1.2.1.3.7.1.2',
  lldpLocPortId: '1.0.8802.1.1.2.1.3.7.1.3',
  lldpLocPortDesc: '1.0.8802.1.1.2.1.3.7.1.4',

  // LLDP-MIB remote systems (index lldpRemTimeMark.lldpRemLocalPortNum.lldpRemIndex)
  lldpRemChassisIdSubtype: '1.0.8802.1.1.2.1.4.1.1.4',
  lldpRemChassisId: '1.0.8802.1.1.2.1.4.1.1.5',
  lldpRemPortIdSubtype: '1.0.8802.1.1.2.1.4.1.1.6',
  lldpRemPortId: '1.0.8802.1.1.2.1.4.1.1.7',
  lldpRemPortDesc: '1.0.8802.1.1.2.1.4.1.1.8',
  lldpRemSysName: '1.0.8802.1.1.2.1.4.1.1.9',
  /** Any column of lldpRemManAddrTable: the address itself is in the index. */
  lldpRemManAddrIfSubtype: '1.0.8802.1.1.2.1.4.2.1.3',

  // CISCO-CDP-MIB (index cdpCacheIfIndex.cdpCacheDeviceIndex)
  cdpCacheAddressType: '1.3.6.1.4.1.9.9.23.1.2.1.1.3',
  cdpCacheAddress: '1.3.6.1.4.1.9.9.23.1.2.1.1.4',
  cdpCacheDeviceId: '1.3.6.1.4.1.9.9.23.1.2.1.1.6',
  cdpCacheDevicePort: '1.3.6.1.4.1.9.9.23.1.2.1.1.7',
  cdpCachePlatform: '1.3.6.1.4.1.9.9.23.1.2.1.1.8',

  // IP-MIB ARP
  ipNetToMediaPhysAddress: '1.3.6.1.2.1.4.22.1.2',
  ipNetToMediaType: '1.3.6.1.2.1.4.22.1.4',
  ipNetToPhysicalPhysAddress: '1.3.6.1.2.1.4.35.1.4',
  ipNetToPhysicalType: '1.3.6.1.2.1.4.35.1.6',
} as const;

/** Enumerations, as tables. */
export const FDB_STATUS: Record<number, 'other' | 'invalid' | 'learned' | 'self' | 'mgmt'> = {
  1: 'other',
  2: 'invalid',
  3: 'learned',
  4: 'self',
  5: 'mgmt',
};
export const ARP_TYPE: Record<number, 'other' | 'invalid' | 'dynamic' | 'static' | 'local'> = {
  1: 'other',
  2: 'invalid',
  3: 'dynamic',
  4: 'static',
  5: 'local',
};
/** dot3StatsDuplexStatus: 1 unknown, 2 halfDuplex, 3 fullDuplex. */
export const DUPLEX_STATUS: Record<number, 'half' | 'full' | null> = { 1: null, 2: 'half', 3: 'full' };
/** LLDP chassis/port id subtypes that carry a MAC, an interface name or a network address. */
export const LLDP_CHASSIS_SUBTYPE = { macAddress: 4, networkAddress: 5 } as const;
export const LLDP_PORT_SUBTYPE = { interfaceAlias: 1, macAddress: 3, networkAddress: 4, interfaceName: 5, local: 7 } as const;

/** Row caps per walked column: an office has hundreds of MACs, a campus core tens of thousands. */
export const WALK_BOUNDS = {
  interfaces: { maxRows: 5_000, timeoutMs: 20_000 },
  fdb: { maxRows: 50_000, timeoutMs: 60_000 },
  lldp: { maxRows: 2_000, timeoutMs: 20_000 },
  /** VLAN lists (vtpVlanState, dot1qVlanFdbId). */
  vlans: { maxRows: 2_000, timeoutMs: 20_000 },
  arp: { maxRows: 20_000, timeoutMs: 30_000 },
} as const;
