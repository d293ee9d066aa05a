/**
 * MIB presence → device type. An agent that implements the Printer-MIB is a
 * printer; UPS-MIB a UPS; a bridge with many ports and no process table a
 * switch... These weigh more than enterprise defaults, less than product lines.
 */
import { COLUMN, OID, first } from '../oids';
import type { Rule } from '../types';

/** LLDP system capability bits as the first octet's integer (bit 0 = MSB). */
const LLDP = { bridge: 0x20, wlanAccessPoint: 0x10, router: 0x08, telephone: 0x04 } as const;

export const MIB_PRESENCE_RULES: readonly Rule[] = [
  { id: 'mib:printer-mib', fact: first(COLUMN.prtGeneralPrinterName), set: { type: 'printer' }, weight: 65 },
  { id: 'mib:printer-supplies', fact: first(COLUMN.prtMarkerSuppliesDescription), set: { type: 'printer' }, weight: 62 },
  // hrDeviceTable lists print queues on ordinary Linux hosts too: a weak hint only.
  { id: 'mib:hr-printer', fact: 'hr.printer', set: { type: 'printer' }, weight: 18 },
  { id: 'mib:ups-mib', fact: OID.upsIdentModel, absent: false, set: { type: 'ups' }, weight: 62 },
  // Some UPS cards answer UPS-MIB's battery group but leave its identity group out.
  { id: 'mib:ups-mib-battery', fact: '1.3.6.1.2.1.33.1.2.1.0', absent: false, set: { type: 'ups' }, weight: 60 },
  { id: 'mib:apc-powernet-ups', fact: '1.3.6.1.4.1.318.1.1.1.1.1.1.0', absent: false, set: { type: 'ups', vendor: 'APC' }, weight: 62 },
  { id: 'mib:apc-rpdu', fact: first('1.3.6.1.4.1.318.1.1.12.1.1'), set: { type: 'pdu', vendor: 'APC' }, weight: 66 },
  { id: 'mib:apc-rpdu2', fact: first('1.3.6.1.4.1.318.1.1.26.2.1.3'), set: { type: 'pdu', vendor: 'APC' }, weight: 66 },
  { id: 'mib:eaton-xups', fact: '1.3.6.1.4.1.534.1.1.2.0', absent: false, set: { type: 'ups', vendor: 'Eaton' }, weight: 62 },
  { id: 'mib:mge-ups', fact: '1.3.6.1.4.1.705.1.1.1.0', absent: false, set: { type: 'ups', vendor: 'Eaton' }, weight: 61 },
  { id: 'mib:synology', fact: '1.3.6.1.4.1.6574.1.5.1.0', absent: false, set: { type: 'nas', vendor: 'Synology' }, weight: 72 },
  { id: 'mib:qnap', fact: '1.3.6.1.4.1.24681.1.2.12.0', absent: false, set: { type: 'nas', vendor: 'QNAP' }, weight: 72 },
  { id: 'mib:qnap-ex', fact: first('1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.3'), set: { type: 'nas', vendor: 'QNAP' }, weight: 72 },
  { id: 'mib:checkpoint', fact: '1.3.6.1.4.1.2620.1.6.16.7.0', absent: false, set: { type: 'firewall', vendor: 'Check Point' }, weight: 72 },
  { id: 'mib:fortigate', fact: '1.3.6.1.4.1.12356.101.4.1.1.0', absent: false, set: { type: 'firewall', vendor: 'Fortinet' }, weight: 72 },
  { id: 'mib:zyxel-usg', fact: '1.3.6.1.4.1.890.1.15.3.1.11.0', match: /^(?:USG|ZyWALL|ATP|VPN)/i, set: { type: 'firewall', vendor: 'Zyxel' }, weight: 72 },
  { id: 'mib:ubiquiti-unifi-ap', fact: first('1.3.6.1.4.1.41112.1.6.1.1.1.1'), set: { type: 'access-point', vendor: 'Ubiquiti' }, weight: 70 },
  { id: 'mib:airos', fact: first('1.3.6.1.4.1.41112.1.4.1.1.2'), set: { type: 'access-point', vendor: 'Ubiquiti' }, weight: 68 },
  { id: 'mib:hp-ilo', fact: '1.3.6.1.4.1.232.9.2.2.2.0', absent: false, set: { type: 'server', vendor: 'HPE' }, weight: 60 },
  { id: 'mib:dell-idrac', fact: '1.3.6.1.4.1.674.10892.5.1.3.12.0', absent: false, set: { type: 'server', vendor: 'Dell' }, weight: 60 },
  { id: 'mib:supermicro-bmc', fact: '1.3.6.1.4.1.21317.1.16.3.4.0', absent: false, set: { type: 'server', vendor: 'Supermicro' }, weight: 60 },
  { id: 'mib:vmware-esx', fact: '1.3.6.1.4.1.6876.1.1.0', match: /ESX/i, set: { type: 'hypervisor', vendor: 'VMware' }, weight: 70 },
  { id: 'mib:vertiv-ncu', fact: '1.3.6.1.4.1.6302.2.1.1.2.0', absent: false, set: { type: 'ups', vendor: 'Vertiv' }, weight: 62 },
  { id: 'mib:netvision-ups', fact: '1.3.6.1.4.1.4555.1.1.7.1.1.1.0', absent: false, set: { type: 'ups', vendor: 'Socomec' }, weight: 62 },
  { id: 'mib:orvaldi-ups', fact: '1.3.6.1.4.1.21111.1.1.1.3.0', absent: false, set: { type: 'ups', vendor: 'Orvaldi' }, weight: 62 },
  { id: 'mib:energy-object', fact: first('1.3.6.1.2.1.229'), set: { type: 'pdu' }, weight: 45 },
  { id: 'mib:endrun-time-server', fact: first('1.3.6.1.4.1.13827'), set: { type: 'iot', vendor: 'EndRun' }, weight: 60 },
  { id: 'mib:env-akcp', fact: first('1.3.6.1.4.1.3854.1.2.2.1.16.1.1'), set: { type: 'environment-sensor', vendor: 'AKCP' }, weight: 66 },
  { id: 'mib:env-akcp2', fact: first('1.3.6.1.4.1.3854.3.5'), set: { type: 'environment-sensor', vendor: 'AKCP' }, weight: 66 },
  // Topology-derived classes: weaker than anything naming a product.
  { id: 'lldp:cap-telephone', fact: 'lldp.caps', anyBit: LLDP.telephone, set: { type: 'phone' }, weight: 48 },
  { id: 'lldp:cap-wlan-ap', fact: 'lldp.caps', anyBit: LLDP.wlanAccessPoint, set: { type: 'access-point' }, weight: 46 },
  { id: 'lldp:cap-router', fact: 'lldp.caps', anyBit: LLDP.router, also: [{ fact: 'lldp.caps', max: LLDP.router + 0x07 }], set: { type: 'router' }, weight: 38 },
  { id: 'lldp:cap-bridge', fact: 'lldp.caps', anyBit: LLDP.bridge, set: { type: 'switch' }, weight: 36 },
  {
    id: 'bridge:many-ports-no-processes',
    fact: OID.dot1dBaseNumPorts,
    min: 5,
    also: [{ fact: first(COLUMN.hrSWRunName), absent: true }],
    set: { type: 'switch' },
    weight: 34,
  },
  // The same bridge seen through its port table, for agents that leave the port-count scalar out
  // (only then: one bridge is one piece of evidence, not two).
  {
    id: 'bridge:port-table-no-processes',
    fact: first(COLUMN.dot1dBasePortIfIndex),
    also: [
      { fact: OID.dot1dBaseNumPorts, absent: true },
      { fact: first(COLUMN.hrSWRunName), absent: true },
    ],
    set: { type: 'switch' },
    weight: 32,
  },
  {
    id: 'ip:forwarding-several-interfaces',
    fact: OID.ipForwarding,
    min: 1,
    max: 1,
    also: [
      { fact: OID.ifNumber, min: 3 },
      { fact: first(COLUMN.hrSWRunName), absent: true },
      { fact: OID.dot1dBaseNumPorts, absent: true },
    ],
    set: { type: 'router' },
    weight: 30,
  },
  // A BGP speaker (BGP4-MIB's bgpLocalAs set) of which nothing else is known is a router. Firewalls and layer-3
  // switches speak BGP too: below a maker's usual class (24) and every shape.
  { id: 'bgp:speaker', fact: '1.3.6.1.2.1.15.2.0', min: 1, set: { type: 'router' }, weight: 23 },
  // The links a box has: radios make an access point, cable and DSL a router (modem/CMTS), many Ethernet ports a switch.
  { id: 'iftype:wifi', fact: 'if.wifi', min: 1, also: [{ fact: first(COLUMN.hrSWRunName), absent: true }], set: { type: 'access-point' }, weight: 32 },
  // A radio on a box that routes is a Wi-Fi router, not an access point.
  { id: 'iftype:wifi-forwarding', fact: 'if.wifi', min: 1, also: [{ fact: OID.ipForwarding, min: 1, max: 1 }], set: { type: 'router' }, weight: 33 },
  { id: 'iftype:wifi-tunnels', fact: 'if.wifi', min: 1, also: [{ fact: 'if.tunnel', min: 1 }], set: { type: 'router' }, weight: 33 },
  // A radio link's MAC (microwave, PtP/PtMP bridges, controller-managed AP radios): wireless gear, tunnels or not.
  { id: 'iftype:radio-link', fact: 'if.radio', min: 1, also: [{ fact: first(COLUMN.hrSWRunName), absent: true }], set: { type: 'access-point' }, weight: 34 },
  { id: 'iftype:docsis', fact: 'if.docsis', min: 1, set: { type: 'router' }, weight: 40 },
  { id: 'iftype:dsl', fact: 'if.dsl', min: 1, set: { type: 'router' }, weight: 40 },
  { id: 'iftype:cellular', fact: 'if.cellular', min: 1, set: { type: 'router' }, weight: 35 },
  // Radios, firewalls and appliances have a few Ethernet ports too: a dozen on a box that does not
  // route (ipForwarding 2, or not answered: one rule each).
  ...[{ fact: OID.ipForwarding, min: 2, max: 2 }, { fact: OID.ipForwarding, absent: true }].map(
    (notRouting): Rule => ({
      id: 'iftype:many-ethernet',
      fact: 'if.ethernet',
      min: 12,
      also: [{ fact: first(COLUMN.hrSWRunName), absent: true }, { fact: 'if.wifi', absent: true }, notRouting],
      set: { type: 'switch' },
      weight: 28,
    }),
  ),
  { id: 'entity:chassis', fact: 'ent.class', min: 3, max: 3, also: [{ fact: first(COLUMN.hrSWRunName), absent: true }], set: { type: 'switch' }, weight: 22 },
  { id: 'hr:windows-server', owner: [311], fact: OID.sysDescr, match: /Windows.*Server|Server 20\d\d/i, also: [{ fact: OID.hrSystemUptime, absent: false }], set: { type: 'server' }, weight: 45 },
  {
    id: 'sysservices:l2-only',
    fact: OID.sysServices,
    min: 2,
    max: 3,
    set: { type: 'switch' },
    weight: 24,
  },
];
