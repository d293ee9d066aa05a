/**
 * Health: a printer with a nearly empty black toner and a paper jam, reported
 * both ways a printer can: the hrPrinterDetectedErrorState bit (jammed) and an
 * active prtAlert (code 8, jam). Expected findings: supply-low (high),
 * printer-error jam (high).
 */
import { defineFragment, snmp } from '../fragment.js';

const SUPPLIES = '1.3.6.1.2.1.43.11.1.1';
const COLORANT = '1.3.6.1.2.1.43.12.1.1';
const ALERT = '1.3.6.1.2.1.43.18.1.1';
const HR_PRINTER_ERROR_STATE = '1.3.6.1.2.1.25.3.5.1.2.1';
const TONER = 3;
const OPC = 9;
const CRITICAL = 3;
const JAM = 8;
const GROUP_MEDIA_PATH = 13;

export default defineFragment((host) => {
  const tonerPercent = Number(host.facts.tonerPercent ?? 2);
  return [
    snmp.integer(`${SUPPLIES}.3.1.1`, 1),
    snmp.integer(`${SUPPLIES}.5.1.1`, TONER),
    snmp.string(`${SUPPLIES}.6.1.1`, 'Black Cartridge HP 59A'),
    snmp.integer(`${SUPPLIES}.7.1.1`, 19),
    snmp.integer(`${SUPPLIES}.8.1.1`, 3000),
    snmp.integer(`${SUPPLIES}.9.1.1`, Math.round((3000 * tonerPercent) / 100)),
    snmp.integer(`${SUPPLIES}.3.1.2`, 0),
    snmp.integer(`${SUPPLIES}.5.1.2`, OPC),
    snmp.string(`${SUPPLIES}.6.1.2`, 'Imaging Drum'),
    snmp.integer(`${SUPPLIES}.7.1.2`, 7),
    snmp.integer(`${SUPPLIES}.8.1.2`, 100),
    snmp.integer(`${SUPPLIES}.9.1.2`, 64),
    snmp.string(`${COLORANT}.4.1.1`, 'black'),
    // bit 5 (jammed) = 0x04 in the first byte, bit 0 being its most significant bit.
    snmp.bytes(HR_PRINTER_ERROR_STATE, new Uint8Array([0x04, 0x00])),
    snmp.integer(`${ALERT}.2.1.1`, CRITICAL),
    snmp.integer(`${ALERT}.3.1.1`, 4),
    snmp.integer(`${ALERT}.4.1.1`, GROUP_MEDIA_PATH),
    snmp.integer(`${ALERT}.5.1.1`, 1),
    snmp.integer(`${ALERT}.6.1.1`, 2),
    snmp.integer(`${ALERT}.7.1.1`, JAM),
    snmp.string(`${ALERT}.8.1.1`, 'Paper jam in tray 2'),
    snmp.timeticks(`${ALERT}.9.1.1`, 1_000_000),
  ];
});
