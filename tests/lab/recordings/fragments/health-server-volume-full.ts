/**
 * Health: a Windows file server whose data volume D:\ is 97 % full; C:\ and
 * memory are comfortable and the CPU is idle.
 * Expected finding: storage-full on D:\ (high).
 */
import { defineFragment, snmp, type SnmprecLine } from '../fragment.js';

const HR_STORAGE = '1.3.6.1.2.1.25.2.3.1';
const TYPES = '1.3.6.1.2.1.25.2.1';
const VOLUMES: Array<{ descr: string; type: number; units: number; size: number; used: number }> = [
  { descr: 'C:\\ Label:System  Serial Number 1a2b3c4d', type: 4, units: 4096, size: 31_250_000, used: 12_500_000 },
  { descr: 'D:\\ Label:Data  Serial Number 5e6f7a8b', type: 4, units: 4096, size: 488_281_250, used: 473_632_812 },
  { descr: 'Virtual Memory', type: 3, units: 65536, size: 600_000, used: 180_000 },
  { descr: 'Physical Memory', type: 2, units: 65536, size: 524_288, used: 262_144 },
];

export default defineFragment(() => {
  const lines: SnmprecLine[] = [];
  VOLUMES.forEach((v, n) => {
    const i = n + 1;
    lines.push(
      snmp.integer(`${HR_STORAGE}.1.${i}`, i),
      snmp.oid(`${HR_STORAGE}.2.${i}`, `${TYPES}.${v.type}`),
      snmp.string(`${HR_STORAGE}.3.${i}`, v.descr),
      snmp.integer(`${HR_STORAGE}.4.${i}`, v.units),
      snmp.integer(`${HR_STORAGE}.5.${i}`, v.size),
      snmp.integer(`${HR_STORAGE}.6.${i}`, v.used),
    );
  });
  lines.push(snmp.integer('1.3.6.1.2.1.25.3.3.1.2.1', 7), snmp.integer('1.3.6.1.2.1.25.3.3.1.2.2', 4));
  return lines;
});
