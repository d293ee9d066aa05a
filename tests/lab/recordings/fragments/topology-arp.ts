/**
 * The router's ARP table (IP-MIB ipNetToMediaTable) on its LAN interface:
 * every office endpoint (hosts, switches, the technician), dynamic, plus its
 * own address as static. One row per address, as in any ARP cache: where an
 * intruder won the router's cache (office.ipConflicts), its MAC is the row.
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';
import type { LabHost, Office } from '../../office-types.js';
import { arpMacFor, endpoints, managedSwitches } from './topology-wiring.js';

const MEDIA = '1.3.6.1.2.1.4.22.1';
const DYNAMIC = 3;
const STATIC = 4;

export function arpLines(router: LabHost, office: Office): SnmprecLine[] {
  const lan = router.interfaces.find((i) => i.mac === router.mac);
  if (!lan) throw new Error(`lab: ${router.name} has no interface with its own MAC`);
  const rows = [
    ...endpoints(office).filter((e) => e.name !== router.name).map((e) => ({ ip: e.ip, mac: arpMacFor(office, router.name, e.ip, e.mac), type: DYNAMIC })),
    ...managedSwitches(office).map((s) => ({ ip: s.ip, mac: s.mac, type: DYNAMIC })),
    { ip: router.ip, mac: router.mac, type: STATIC },
  ];
  const lines: SnmprecLine[] = [];
  for (const row of rows) {
    const index = `${lan.ifIndex}.${row.ip}`;
    lines.push(
      snmp.integer(`${MEDIA}.1.${index}`, lan.ifIndex),
      snmp.mac(`${MEDIA}.2.${index}`, row.mac),
      snmp.ip(`${MEDIA}.3.${index}`, row.ip),
      snmp.integer(`${MEDIA}.4.${index}`, row.type),
    );
  }
  return lines;
}

export default defineFragment((host, office) => arpLines(host, office));
