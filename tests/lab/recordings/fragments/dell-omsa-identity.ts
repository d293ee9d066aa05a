/** Dell OpenManage (MIB-Dell-10892) chassis identity: maker, model, service tag. */
import { defineFragment, snmp } from '../fragment.js';

const CHASSIS = '1.3.6.1.4.1.674.10892.1.300.10.1';

export default defineFragment((host) => [
  snmp.string(`${CHASSIS}.8.1`, 'Dell Inc.'),
  snmp.string(`${CHASSIS}.9.1`, host.expected.model ?? ''),
  snmp.string(`${CHASSIS}.11.1`, host.expected.serial ?? ''),
]);
