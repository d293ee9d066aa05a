/**
 * Health: one access port stuck at half-duplex whose FCS/CRC and input error
 * counters rise while the scan watches (snmpsim `numeric` variation: value =
 * initial + rate × seconds since the agent started). Every other live port is
 * full-duplex with flat counters. Expected findings on that port:
 * if-duplex-mismatch (high) and if-errors (medium), given two samples.
 *
 * snmpsim 0.4.5 keeps the numeric module's settings in one module-wide
 * context, so every numeric line of this agent uses the same settings string.
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';

const DOT3 = '1.3.6.1.2.1.10.7.2.1';
const IF_IN_ERRORS = '1.3.6.1.2.1.2.2.1.14';
const HALF = 2;
const FULL = 3;
const RISING = 'rate=5,initial=1000';

export default defineFragment((host) => {
  const live = host.interfaces.filter((i) => i.up && i.ifType === 6);
  const bad = live.find((i) => i.name === String(host.facts.halfDuplexPort ?? '5')) ?? live[0];
  const lines: SnmprecLine[] = [];
  for (const itf of live) {
    const i = itf.ifIndex;
    const isBad = itf === bad;
    lines.push(
      snmp.integer(`${DOT3}.1.${i}`, i),
      snmp.counter32(`${DOT3}.2.${i}`, 0),
      isBad ? snmp.raw(`${DOT3}.3.${i}`, '65:numeric', RISING) : snmp.counter32(`${DOT3}.3.${i}`, 0),
      snmp.counter32(`${DOT3}.8.${i}`, 0),
      snmp.integer(`${DOT3}.19.${i}`, isBad ? HALF : FULL),
    );
    if (isBad) lines.push(snmp.raw(`${IF_IN_ERRORS}.${i}`, '65:numeric', RISING));
  }
  return lines;
});
