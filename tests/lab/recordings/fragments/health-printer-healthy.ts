/**
 * Health: a printer with healthy supplies (toner 72 %, drum 88 %) and no
 * error bits, so the lab can check there are no false alarms on printers.
 */
import { defineFragment, snmp } from '../fragment.js';

const SUPPLIES = '1.3.6.1.2.1.43.11.1.1';

export default defineFragment(() => [
  snmp.integer(`${SUPPLIES}.5.1.1`, 3),
  snmp.string(`${SUPPLIES}.6.1.1`, 'Black Toner TN-2420'),
  snmp.integer(`${SUPPLIES}.8.1.1`, 100),
  snmp.integer(`${SUPPLIES}.9.1.1`, 72),
  snmp.integer(`${SUPPLIES}.5.1.2`, 9),
  snmp.string(`${SUPPLIES}.6.1.2`, 'Drum Unit DR-2400'),
  snmp.integer(`${SUPPLIES}.8.1.2`, 100),
  snmp.integer(`${SUPPLIES}.9.1.2`, 88),
]);
