/**
 * Named OIDs used by the identification rules (numeric, no leading dot).
 * Scalars carry their `.0` instance; table columns do not.
 */
export const OID = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysServices: '1.3.6.1.2.1.1.7.0',
  ifNumber: '1.3.6.1.2.1.2.1.0',
  ipForwarding: '1.3.6.1.2.1.4.1.0',
  dot1dBaseNumPorts: '1.3.6.1.2.1.17.1.2.0',
  hrSystemUptime: '1.3.6.1.2.1.25.1.1.0',
  hrSystemNumUsers: '1.3.6.1.2.1.25.1.5.0',
  hrMemorySize: '1.3.6.1.2.1.25.2.2.0',
  upsIdentManufacturer: '1.3.6.1.2.1.33.1.1.1.0',
  upsIdentModel: '1.3.6.1.2.1.33.1.1.2.0',
  upsIdentUPSSoftwareVersion: '1.3.6.1.2.1.33.1.1.3.0',
  upsIdentAgentSoftwareVersion: '1.3.6.1.2.1.33.1.1.4.0',
  lldpLocSysCapEnabled: '1.0.8802.1.1.2.1.3.6.0',
} as const;

/** Table columns read by their first row (`first:` facts) or walked for derived facts. */
export const COLUMN = {
  hrDeviceType: '1.3.6.1.2.1.25.3.2.1.2',
  hrDeviceDescr: '1.3.6.1.2.1.25.3.2.1.3',
  hrSWRunName: '1.3.6.1.2.1.25.4.2.1.2',
  hrStorageDescr: '1.3.6.1.2.1.25.2.3.1.3',
  prtGeneralPrinterName: '1.3.6.1.2.1.43.5.1.1.16',
  prtGeneralSerialNumber: '1.3.6.1.2.1.43.5.1.1.17',
  prtMarkerSuppliesDescription: '1.3.6.1.2.1.43.11.1.1.6',
  entPhysicalDescr: '1.3.6.1.2.1.47.1.1.1.1.2',
  entPhysicalClass: '1.3.6.1.2.1.47.1.1.1.1.5',
  entPhysicalName: '1.3.6.1.2.1.47.1.1.1.1.7',
  entPhysicalHardwareRev: '1.3.6.1.2.1.47.1.1.1.1.8',
  entPhysicalFirmwareRev: '1.3.6.1.2.1.47.1.1.1.1.9',
  entPhysicalSoftwareRev: '1.3.6.1.2.1.47.1.1.1.1.10',
  entPhysicalSerialNum: '1.3.6.1.2.1.47.1.1.1.1.11',
  entPhysicalMfgName: '1.3.6.1.2.1.47.1.1.1.1.12',
  entPhysicalModelName: '1.3.6.1.2.1.47.1.1.1.1.13',
  ifType: '1.3.6.1.2.1.2.2.1.3',
  dot1dBasePortIfIndex: '1.3.6.1.2.1.17.1.4.1.2',
} as const;

/** hrDeviceType values are OIDs under hrDeviceTypes; printer is .5. */
export const HR_DEVICE_PRINTER = '1.3.6.1.2.1.25.3.1.5';

/** entPhysicalClass: chassis(3), stack(11), module(9). */
export const ENT_CLASS = { chassis: 3, stack: 11, module: 9 } as const;

/** `first:<column>`: the first row of a column, read with a one-row walk. */
export const first = (column: string): string => `first:${column}`;
