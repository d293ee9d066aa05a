/**
 * IP-MIB: ipForwarding and ipAddrTable. The host's lab address sits on the
 * interface carrying the host's MAC; the router also holds its link to the
 * void network (fact `voidLinkIfIndex`).
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';

const IP_ADDR_TABLE = '1.3.6.1.2.1.4.20.1';

function netmask(prefixLength: number): string {
  const bits = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 0xff).join('.');
}

function addressRows(ip: string, ifIndex: number, prefixLength: number): SnmprecLine[] {
  return [
    snmp.ip(`${IP_ADDR_TABLE}.1.${ip}`, ip),
    snmp.integer(`${IP_ADDR_TABLE}.2.${ip}`, ifIndex),
    snmp.ip(`${IP_ADDR_TABLE}.3.${ip}`, netmask(prefixLength)),
    snmp.integer(`${IP_ADDR_TABLE}.4.${ip}`, 1),
  ];
}

export default defineFragment((host, office) => {
  const isRouter = host.name === office.router;
  const lanInterface = host.interfaces.find((i) => i.mac === host.mac) ?? host.interfaces.find((i) => i.ifType === 6);
  if (!lanInterface) throw new Error(`${host.name}: no interface to hold ${host.ip}`);
  const lines = [
    snmp.integer('1.3.6.1.2.1.4.1.0', isRouter ? 1 : 2),
    snmp.integer('1.3.6.1.2.1.4.2.0', 64),
    ...addressRows(host.ip, lanInterface.ifIndex, office.lanPrefixLength),
  ];
  if (isRouter && host.facts.voidLinkIfIndex !== undefined) {
    lines.push(...addressRows(office.void.routerSide, Number(host.facts.voidLinkIfIndex), office.void.linkPrefixLength));
  }
  return lines;
});
