/**
 * Health: an APC UPS on mains whose battery needs replacing
 * (upsAdvBatteryReplaceIndicator = 2) and was last replaced in 2021.
 * Expected findings: ups-battery-replace (high), ups-battery-age (medium).
 */
import { defineFragment, snmp } from '../fragment.js';

const APC = '1.3.6.1.4.1.318.1.1.1';
const RFC1628 = '1.3.6.1.2.1.33.1';

export default defineFragment((host) => [
  snmp.integer(`${APC}.2.1.1.0`, 2), // batteryNormal
  snmp.string(`${APC}.2.1.3.0`, String(host.facts.batteryReplacedOn ?? '03/15/21')),
  snmp.gauge32(`${APC}.2.2.1.0`, 100),
  snmp.gauge32(`${APC}.2.2.2.0`, 27),
  snmp.timeticks(`${APC}.2.2.3.0`, 42 * 6000), // 42 minutes
  snmp.integer(`${APC}.2.2.4.0`, 2), // batteryNeedsReplacing
  snmp.integer(`${APC}.4.1.1.0`, 2), // onLine
  snmp.gauge32(`${APC}.4.2.3.0`, 31),
  snmp.integer(`${APC}.7.2.3.0`, 1), // last self-test ok
  snmp.integer(`${RFC1628}.2.1.0`, 2),
  snmp.integer(`${RFC1628}.2.3.0`, 42),
  snmp.integer(`${RFC1628}.2.4.0`, 100),
  snmp.integer(`${RFC1628}.4.1.0`, 3),
]);
