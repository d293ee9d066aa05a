/**
 * HP printers' own identity objects (HP-LASERJET-COMMON-MIB, under the
 * JetDirect tree): the firmware datecode (fact `firmware`), which no standard
 * MIB carries. Model and serial come from Printer-MIB (printer.ts).
 */
import { defineFragment, snmp } from '../fragment.js';

const HP_DEVICE_INFO = '1.3.6.1.4.1.11.2.3.9.4.2.1.1.3';

export default defineFragment((host) => (host.facts.firmware === undefined ? [] : [snmp.string(`${HP_DEVICE_INFO}.6.0`, String(host.facts.firmware))]));
