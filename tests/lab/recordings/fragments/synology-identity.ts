/** SYNOLOGY-SYSTEM-MIB: model, serial and DSM version. Disks/RAID belong to health fragments. */
import { defineFragment, snmp } from '../fragment.js';

const SYNO_SYSTEM = '1.3.6.1.4.1.6574.1';

export default defineFragment((host) => [
  snmp.integer(`${SYNO_SYSTEM}.1.0`, 1),
  snmp.string(`${SYNO_SYSTEM}.5.1.0`, host.expected.model ?? ''),
  snmp.string(`${SYNO_SYSTEM}.5.2.0`, host.expected.serial ?? ''),
  snmp.string(`${SYNO_SYSTEM}.5.3.0`, host.expected.firmware ?? ''),
]);
