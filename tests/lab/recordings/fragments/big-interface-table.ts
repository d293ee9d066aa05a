/**
 * A container host with an enormous ifTable (fact `bigTableRows`, 100,000 in
 * the lab): walks of it must be bounded by rows and time. Row 1 is the real
 * NIC with the host's MAC; the rest are veths without a MAC so they add no
 * phantom addresses to the office. Four columns only (ifIndex, ifDescr,
 * ifPhysAddress, ifOperStatus): snmpsim indexes 400,000 lines at a cold
 * lab-up, and every extra column costs seconds there.
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';

const IF_TABLE = '1.3.6.1.2.1.2.2.1';

export default defineFragment((host) => {
  const rows = Number(host.facts.bigTableRows ?? 100_000);
  const lines: SnmprecLine[] = [snmp.integer('1.3.6.1.2.1.2.1.0', rows)];
  const nameOf = (i: number): string => (i === 1 ? 'eth0' : `veth${((i * 2654435761) >>> 0).toString(16).padStart(8, '0').slice(0, 7)}`);
  // Column by column, i.e. already in OID order: the builder's sort then costs nothing.
  const columns: ((i: number) => SnmprecLine)[] = [
    (i) => snmp.integer(`${IF_TABLE}.1.${i}`, i),
    (i) => snmp.string(`${IF_TABLE}.2.${i}`, nameOf(i)),
    (i) => snmp.mac(`${IF_TABLE}.6.${i}`, i === 1 ? host.mac : null),
    (i) => snmp.integer(`${IF_TABLE}.8.${i}`, 1),
  ];
  for (const row of columns) for (let i = 1; i <= rows; i += 1) lines.push(row(i));
  return lines;
});
