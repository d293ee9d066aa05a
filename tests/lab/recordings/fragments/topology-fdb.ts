/**
 * Forwarding tables of a managed switch, from the office's wiring:
 * BRIDGE-MIB base (bridge address, bridge port → ifIndex) and both
 * dot1dTpFdbTable and Q-BRIDGE dot1qTpFdbTable (VLAN 1), as most
 * managed switches serve both. FOREWARN_LAB_FDB=aged removes a third.
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';
import type { LabHost, Office } from '../../office-types.js';
import { bridgePorts, fdbVariantFromEnv, learnedBy, macSubIds, type FdbVariant } from './topology-wiring.js';

const BRIDGE = '1.3.6.1.2.1.17';
const LEARNED = 3;
const SELF = 4;
const VLAN = 1;

export function fdbLines(host: LabHost, office: Office, variant: FdbVariant, tables: { bridge: boolean; qbridge: boolean }): SnmprecLine[] {
  const ports = bridgePorts(host);
  const bridgePortOf = new Map(ports.map((p) => [p.name, p.bridgePort]));
  const lines: SnmprecLine[] = [
    snmp.mac(`${BRIDGE}.1.1.0`, host.mac),
    snmp.integer(`${BRIDGE}.1.2.0`, ports.length),
    snmp.integer(`${BRIDGE}.4.2.0`, 300),
  ];
  for (const p of ports) lines.push(snmp.integer(`${BRIDGE}.1.4.1.2.${p.bridgePort}`, p.ifIndex));
  const rows = learnedBy(office, host, variant).map((l) => ({ mac: l.mac, bridgePort: bridgePortOf.get(l.port) ?? 0, status: LEARNED }));
  rows.push({ mac: host.mac, bridgePort: 0, status: SELF });
  for (const row of rows) {
    const index = macSubIds(row.mac);
    if (tables.bridge) {
      lines.push(snmp.mac(`${BRIDGE}.4.3.1.1.${index}`, row.mac), snmp.integer(`${BRIDGE}.4.3.1.2.${index}`, row.bridgePort), snmp.integer(`${BRIDGE}.4.3.1.3.${index}`, row.status));
    }
    if (tables.qbridge) {
      lines.push(snmp.integer(`${BRIDGE}.7.1.2.2.1.2.${VLAN}.${index}`, row.bridgePort), snmp.integer(`${BRIDGE}.7.1.2.2.1.3.${VLAN}.${index}`, row.status));
    }
  }
  if (tables.qbridge) lines.push(snmp.gauge32(`${BRIDGE}.7.1.4.2.1.3.0.${VLAN}`, VLAN));
  return lines;
}

export default defineFragment((host, office) => fdbLines(host, office, fdbVariantFromEnv(), { bridge: true, qbridge: true }));
