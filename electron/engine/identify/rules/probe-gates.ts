/**
 * Which vendor-MIB scalars are asked of which agents, so reads stay few.
 * An agent is asked for its own enterprise's scalars. Generic agents (net-snmp
 * on Linux/BSD appliances) are also asked for the MIBs of vendors whose
 * appliances hide behind net-snmp's sysObjectID: Synology, QNAP, Check Point,
 * Ubiquiti... An agent with no sysObjectID at all is asked for every vendor's.
 */
import { enterpriseOf } from '../enterprises';

export const GENERIC_AGENT_ENTERPRISES: readonly number[] = [8072, 2021, 12325, 4413, 311];

/**
 * Trees an operating system's own agent serves on any hardware: Windows' LAN Manager MIB (77), OpenBSD's
 * snmpd (30155). Served beside a generic sysObjectID, they name the software, never the box's maker.
 */
export const OS_AGENT_TREES: readonly number[] = [77, 30155];

/**
 * Trees that server-hardware and host software agents serve on a general-purpose computer (Dell
 * OpenManage, HPE Insight, APC PowerChute, VMware, Supermicro SuperDoctor). Served beside a generic
 * sysObjectID they say the box is a server, not that its maker built an appliance.
 */
export const HOST_AGENT_TREES: readonly number[] = [674, 232, 318, 6876, 10876];

export const BEHIND_GENERIC_AGENTS: readonly number[] = [
  6574, // Synology
  24681, // QNAP
  2620, // Check Point Gaia
  41112, // Ubiquiti
  10002, // Ubiquiti airOS
  6302, // Vertiv/Emerson NCU
  4555, // Socomec Netvision
  21111, // Orvaldi UPS
  4464, // MPB Communications SRP
  13827, // EndRun time servers
  8962, // McAfee/Trellix appliances
  21317, // Supermicro BMC
  6404, // Ecreso
  674, // Dell OpenManage on Linux
  232, // HPE Insight agents on Linux
  890, // Zyxel USG FLEX
  6876, // VMware
  12356, // Fortinet
  25461, // Palo Alto
  318, // APC PowerChute hosts
];

/** Enterprise of sysObjectID → other enterprises whose MIBs the same devices implement. */
export const PROBE_ALSO: Readonly<Record<number, readonly number[]>> = {
  674: [14823, 10892], // Dell-badged Aruba controllers; iDRAC
  11: [14823, 232, 25506], // HP: Aruba, ProLiant/iLO, H3C/Comware
  232: [11],
  47196: [14823],
  6876: [232, 674], // ESXi on ProLiant / PowerEdge
  1347: [11, 2435], // Kyocera/UTAX print servers
  4526: [12325],
  6141: [1271], // Ciena (World Wide Packets) boxes implement Ciena's WWP MIBs
  1916: [2272], // Extreme VOSS keeps Avaya's RAPID-CITY MIB
  35265: [2076], // Eltex MES24xx keep the serial in their OEM platform's tree (enterprise 2076)
  17713: [2076], // Cambium cnMatrix switches are built on the same OEM platform
};

/** The enterprises whose private MIBs an agent may implement; 'all' when it gives no sysObjectID. */
export type EnterpriseGate = ReadonlySet<number> | 'all';

/**
 * Which vendor enterprises' private MIBs are worth asking an agent of enterprise `own` for (identification and
 * health): its own, those the enterprise census found it serving (`answered`), and the known companions above.
 */
export function enterprisesWorthAsking(own: number | null, answered: readonly number[] = []): EnterpriseGate {
  if (own == null) return 'all';
  // Generic agents also answer each other's MIBs (net-snmp serves UCD's LM-SENSORS).
  if (GENERIC_AGENT_ENTERPRISES.includes(own)) return new Set([own, ...answered, ...GENERIC_AGENT_ENTERPRISES, ...BEHIND_GENERIC_AGENTS]);
  return new Set([own, ...answered, ...(PROBE_ALSO[own] ?? [])]);
}

/**
 * net-snmp's own MIBs (UCD's LM-SENSORS, disk and load tables) are served by
 * every Linux box whatever sysObjectID it gives: as good as standard MIBs.
 */
export const NET_SNMP_MIBS: readonly number[] = [8072, 2021];

/** A standard-MIB OID is always worth asking; a vendor one only of agents the gate lets through. */
export function worthAsking(oid: string, gate: EnterpriseGate): boolean {
  const n = enterpriseOf(oid);
  return n == null || NET_SNMP_MIBS.includes(n) || gate === 'all' || gate.has(n);
}
