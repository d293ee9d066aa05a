/**
 * The IANA private enterprise number N of an OID under 1.3.6.1.4.1.N: it
 * decides which vendor MIBs are worth probing. What each number means (vendor,
 * dominant device class) is data in rules/enterprise-data.ts, read by the rules.
 */

const ENTERPRISE_PREFIX = /^\.?1\.3\.6\.1\.4\.1\.(\d+)(?:\.|$)/;

export function enterpriseOf(oid: string): number | null {
  const m = ENTERPRISE_PREFIX.exec(oid);
  return m ? Number(m[1]) : null;
}
