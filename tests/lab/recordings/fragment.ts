/**
 * A fragment contributes the lines of one concern (system group, IF-MIB,
 * a health condition, an FDB table...) to a device's recording. Each lives in
 * its own file in ./fragments/, named by that file, and exports it as default:
 *
 *   export default defineFragment((host, office) => [snmp.string(OID, value)]);
 *
 * Adding one is a new file plus its name in the host's `fragments` list in
 * tests/lab/office.ts. Values must agree with the office (names, MACs, ports).
 */
import type { LabHost, Office } from '../office-types.js';
import type { SnmprecLine } from './snmprec.js';

export type Fragment = (host: LabHost, office: Office) => SnmprecLine[];

export function defineFragment(fragment: Fragment): Fragment {
  return fragment;
}

export { snmp } from './snmprec.js';
export type { SnmprecLine } from './snmprec.js';
