/**
 * Health: a Synology NAS whose RAID volume is degraded (raidStatus 11) and
 * whose disk 2 runs at 63 °C. System, power and fans are normal.
 * Expected findings: hardware-failed on the RAID (critical),
 * temperature-high on Disk 2 (high).
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';

const SYNO = '1.3.6.1.4.1.6574';
const DISKS: Array<{ id: string; model: string; status: number; temp: number }> = [
  { id: 'Disk 1', model: 'WD40EFRX-68N32N0', status: 1, temp: 38 },
  { id: 'Disk 2', model: 'WD40EFRX-68N32N0', status: 1, temp: 63 },
  { id: 'Disk 3', model: 'WD40EFRX-68N32N0', status: 1, temp: 39 },
];

export default defineFragment(() => {
  const lines: SnmprecLine[] = [
    snmp.integer(`${SYNO}.1.1.0`, 1),
    snmp.integer(`${SYNO}.1.2.0`, 41),
    snmp.integer(`${SYNO}.1.3.0`, 1),
    snmp.integer(`${SYNO}.1.4.1.0`, 1),
    snmp.integer(`${SYNO}.1.4.2.0`, 1),
    snmp.integer(`${SYNO}.3.1.1.1.0`, 0),
    snmp.string(`${SYNO}.3.1.1.2.0`, 'Volume 1'),
    snmp.integer(`${SYNO}.3.1.1.3.0`, 11), // Degrade
  ];
  DISKS.forEach((d, i) => {
    lines.push(
      snmp.integer(`${SYNO}.2.1.1.1.${i}`, i),
      snmp.string(`${SYNO}.2.1.1.2.${i}`, d.id),
      snmp.string(`${SYNO}.2.1.1.3.${i}`, d.model),
      snmp.integer(`${SYNO}.2.1.1.5.${i}`, d.status),
      snmp.integer(`${SYNO}.2.1.1.6.${i}`, d.temp),
    );
  });
  return lines;
});
