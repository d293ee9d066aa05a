/**
 * HOST-RESOURCES-MIB hrDeviceTable with one device (a printer's engine, fact
 * `hrDeviceDescr`), running, and its hrPrinterTable row reporting no error.
 * Health fragments override status and error state.
 */
import { defineFragment, snmp } from '../fragment.js';

const HR_DEVICE = '1.3.6.1.2.1.25.3.2.1';
const HR_PRINTER = '1.3.6.1.2.1.25.3.5.1';
const HR_DEVICE_PRINTER = '1.3.6.1.2.1.25.3.1.5';
const RUNNING = 2;
const IDLE = 3;

export default defineFragment((host) => {
  const row = 1;
  return [
    snmp.integer(`${HR_DEVICE}.1.${row}`, row),
    snmp.oid(`${HR_DEVICE}.2.${row}`, HR_DEVICE_PRINTER),
    snmp.string(`${HR_DEVICE}.3.${row}`, String(host.facts.hrDeviceDescr ?? host.expected.model ?? host.name)),
    snmp.oid(`${HR_DEVICE}.4.${row}`, '0.0'),
    snmp.integer(`${HR_DEVICE}.5.${row}`, RUNNING),
    snmp.counter32(`${HR_DEVICE}.6.${row}`, 0),
    snmp.integer(`${HR_PRINTER}.1.${row}`, IDLE),
    snmp.bytes(`${HR_PRINTER}.2.${row}`, new Uint8Array([0x00])),
  ];
});
