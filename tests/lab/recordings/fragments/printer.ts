/**
 * Printer-MIB general group: printer name and serial, and the lifetime page
 * count (fact `pageCount`). Supplies and alerts belong to health fragments.
 */
import { defineFragment, snmp } from '../fragment.js';

const PRT_GENERAL = '1.3.6.1.2.1.43.5.1.1';
const PRT_MARKER = '1.3.6.1.2.1.43.10.2.1';
const DEFAULT_PAGE_COUNT = 48_213;

export default defineFragment((host) => {
  const row = 1;
  return [
    snmp.string(`${PRT_GENERAL}.16.${row}`, host.expected.model ?? host.name),
    snmp.string(`${PRT_GENERAL}.17.${row}`, host.expected.serial ?? ''),
    snmp.counter32(`${PRT_MARKER}.4.${row}.1`, Number(host.facts.pageCount ?? DEFAULT_PAGE_COUNT)),
  ];
});
