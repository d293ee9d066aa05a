/**
 * Vendor (and the vendor's dominant device class) from sysObjectID's IANA
 * private enterprise number, 1.3.6.1.4.1.N. The class is a weak prior that
 * sysObjectID prefixes, sysDescr patterns and MIB presence override.
 */
import { ENTERPRISES } from './rules/enterprise-data';

const ENTERPRISE_PREFIX = /^\.?1\.3\.6\.1\.4\.1\.(\d+)(?:\.|$)/;

export function enterpriseOf(oid: string): number | null {
  const m = ENTERPRISE_PREFIX.exec(oid);
  return m ? Number(m[1]) : null;
}

export function enterpriseInfo(oid: string) {
  const n = enterpriseOf(oid);
  return n == null ? null : (ENTERPRISES[n] ?? null);
}
