/**
 * ENTITY-MIB entPhysicalTable: one chassis row carrying the expected model,
 * serial and firmware (facts: entDescr, entHardwareRev, entFirmware).
 */
import { defineFragment, snmp } from '../fragment.js';

const ENT = '1.3.6.1.2.1.47.1.1.1.1';
const CHASSIS_CLASS = 3;

export default defineFragment((host) => {
  const { model, serial, firmware, vendor } = host.expected;
  const row = 1;
  return [
    snmp.string(`${ENT}.2.${row}`, String(host.facts.entDescr ?? model ?? host.name)),
    snmp.oid(`${ENT}.3.${row}`, String(host.facts.sysObjectID ?? '0.0')),
    snmp.integer(`${ENT}.4.${row}`, 0),
    snmp.integer(`${ENT}.5.${row}`, CHASSIS_CLASS),
    snmp.integer(`${ENT}.6.${row}`, -1),
    snmp.string(`${ENT}.7.${row}`, 'Chassis'),
    snmp.string(`${ENT}.8.${row}`, String(host.facts.entHardwareRev ?? '')),
    snmp.string(`${ENT}.9.${row}`, String(host.facts.entFirmware ?? '')),
    snmp.string(`${ENT}.10.${row}`, firmware ?? ''),
    snmp.string(`${ENT}.11.${row}`, serial ?? ''),
    snmp.string(`${ENT}.12.${row}`, vendor),
    snmp.string(`${ENT}.13.${row}`, model ?? ''),
    snmp.integer(`${ENT}.16.${row}`, 1),
  ];
});
