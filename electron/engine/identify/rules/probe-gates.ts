/**
 * Which vendor-MIB scalars are asked of which agents, so reads stay few.
 * An agent is asked for its own enterprise's scalars; generic agents
 * (net-snmp on Linux/BSD appliances, or no sysObjectID) for every vendor's,
 * because Synology, QNAP, Check Point, Ubiquiti... all answer with net-snmp's OID.
 */
export const GENERIC_AGENT_ENTERPRISES: readonly number[] = [8072, 2021, 12325, 4413, 311];

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
};
