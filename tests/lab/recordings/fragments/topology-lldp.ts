/**
 * LLDP-MIB of a managed switch: its local chassis (MAC) and port table, and
 * the neighbour on each declared switch link, so both ends of every link
 * report each other. Local port numbers are bridge ports, named through
 * lldpLocPortTable (subtype interfaceName).
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';
import type { LabHost, Office } from '../../office-types.js';
import { bridgePorts } from './topology-wiring.js';

const LOC = '1.0.8802.1.1.2.1.3';
const REM = '1.0.8802.1.1.2.1.4.1.1';
const REM_MAN_ADDR = '1.0.8802.1.1.2.1.4.2.1';
const CHASSIS_MAC = 4;
const PORT_IFNAME = 5;
const SYSTEM_CAP_BRIDGE = new Uint8Array([0x20, 0x00]);

export function lldpLines(host: LabHost, office: Office): SnmprecLine[] {
  const ports = bridgePorts(host);
  const lines: SnmprecLine[] = [
    snmp.integer(`${LOC}.1.0`, CHASSIS_MAC),
    snmp.mac(`${LOC}.2.0`, host.mac),
    snmp.string(`${LOC}.3.0`, host.name),
  ];
  for (const p of ports) {
    lines.push(snmp.integer(`${LOC}.7.1.2.${p.bridgePort}`, PORT_IFNAME), snmp.string(`${LOC}.7.1.3.${p.bridgePort}`, p.name), snmp.string(`${LOC}.7.1.4.${p.bridgePort}`, p.name));
  }
  let remIndex = 0;
  for (const link of office.switchLinks) {
    for (const [here, there] of [
      [link.a, link.b],
      [link.b, link.a],
    ] as const) {
      if (here.switch !== host.name) continue;
      const remote = office.hosts.find((h) => h.name === there.switch);
      const local = ports.find((p) => p.name === here.port);
      if (!remote || !local) throw new Error(`lab: switch link ${here.switch}:${here.port} → ${there.switch} does not match office.ts`);
      remIndex += 1;
      const row = `0.${local.bridgePort}.${remIndex}`;
      lines.push(
        snmp.integer(`${REM}.4.${row}`, CHASSIS_MAC),
        snmp.mac(`${REM}.5.${row}`, remote.mac),
        snmp.integer(`${REM}.6.${row}`, PORT_IFNAME),
        snmp.string(`${REM}.7.${row}`, there.port),
        snmp.string(`${REM}.8.${row}`, there.port),
        snmp.string(`${REM}.9.${row}`, remote.name),
        snmp.bytes(`${REM}.11.${row}`, SYSTEM_CAP_BRIDGE),
        snmp.bytes(`${REM}.12.${row}`, SYSTEM_CAP_BRIDGE),
        snmp.integer(`${REM_MAN_ADDR}.3.${row}.1.4.${remote.ip}`, 2),
        snmp.integer(`${REM_MAN_ADDR}.4.${row}.1.4.${remote.ip}`, 1),
      );
    }
  }
  return lines;
}

export default defineFragment((host, office) => lldpLines(host, office));
