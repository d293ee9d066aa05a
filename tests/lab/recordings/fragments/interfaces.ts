/**
 * IF-MIB ifTable + ifXTable for the host's declared interfaces: ifName is the
 * port name topology links cite, ifPhysAddress the declared MAC. Counters are
 * deterministic, derived from the ifIndex; health fragments override them.
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';

const IF_TABLE = '1.3.6.1.2.1.2.2.1';
const IF_X_TABLE = '1.3.6.1.2.1.31.1.1.1';
const LAST_CHANGE_TICKS = 360_000; // an hour after boot: nothing flapping

export default defineFragment((host) => {
  const lines: SnmprecLine[] = [snmp.integer('1.3.6.1.2.1.2.1.0', host.interfaces.length)];
  for (const itf of host.interfaces) {
    const i = itf.ifIndex;
    const active = itf.up ? 1 : 0;
    const inOctets = active * (i * 7_919_000 + 1_234_567);
    const outOctets = active * (i * 5_381_000 + 765_432);
    lines.push(
      snmp.integer(`${IF_TABLE}.1.${i}`, i),
      snmp.string(`${IF_TABLE}.2.${i}`, itf.descr),
      snmp.integer(`${IF_TABLE}.3.${i}`, itf.ifType),
      snmp.integer(`${IF_TABLE}.4.${i}`, itf.ifType === 24 ? 65536 : 1500),
      snmp.gauge32(`${IF_TABLE}.5.${i}`, itf.speedMbps * 1_000_000),
      snmp.mac(`${IF_TABLE}.6.${i}`, itf.mac),
      snmp.integer(`${IF_TABLE}.7.${i}`, 1),
      snmp.integer(`${IF_TABLE}.8.${i}`, itf.up ? 1 : 2),
      snmp.timeticks(`${IF_TABLE}.9.${i}`, LAST_CHANGE_TICKS),
      snmp.counter32(`${IF_TABLE}.10.${i}`, inOctets),
      snmp.counter32(`${IF_TABLE}.11.${i}`, Math.floor(inOctets / 800)),
      snmp.counter32(`${IF_TABLE}.13.${i}`, 0),
      snmp.counter32(`${IF_TABLE}.14.${i}`, 0),
      snmp.counter32(`${IF_TABLE}.16.${i}`, outOctets),
      snmp.counter32(`${IF_TABLE}.17.${i}`, Math.floor(outOctets / 800)),
      snmp.counter32(`${IF_TABLE}.19.${i}`, 0),
      snmp.counter32(`${IF_TABLE}.20.${i}`, 0),
      snmp.string(`${IF_X_TABLE}.1.${i}`, itf.name),
      snmp.counter64(`${IF_X_TABLE}.6.${i}`, inOctets),
      snmp.counter64(`${IF_X_TABLE}.10.${i}`, outOctets),
      snmp.gauge32(`${IF_X_TABLE}.15.${i}`, itf.speedMbps),
      snmp.string(`${IF_X_TABLE}.18.${i}`, ''),
    );
  }
  return lines;
});
