/**
 * Vendor and chassis environment sensors as data (OIDs from the vendors' MIBs,
 * state meanings from the MIB DESCRIPTIONs). One entry per table column.
 */
import type { SensorDef, StateMap } from './sensor-table-engine';

// ---- shared state enumerations ----------------------------------------------------------
/** CISCO-ENVMON-MIB CiscoEnvMonState. */
const CISCO_ENVMON: StateMap = {
  1: ['normal', 'ok'], 2: ['warning', 'warning'], 3: ['critical', 'critical'], 4: ['shutdown', 'critical'],
  5: ['notPresent', 'unknown'], 6: ['notFunctioning', 'critical'],
};
/** Synology 1 = Normal, 2 = Failed (system, power, fans). */
const SYNO_OK_FAILED: StateMap = { 1: ['Normal', 'ok'], 2: ['Failed', 'critical'] };
const SYNO_DISK: StateMap = {
  1: ['Normal', 'ok'], 2: ['Initialized', 'warning'], 3: ['NotInitialized', 'warning'],
  4: ['SystemPartitionFailed', 'critical'], 5: ['Crashed', 'critical'],
};
const SYNO_DISK_HEALTH: StateMap = { 1: ['Normal', 'ok'], 2: ['Warning', 'warning'], 3: ['Critical', 'critical'], 4: ['Failing', 'critical'] };
const SYNO_RAID: StateMap = {
  1: ['Normal', 'ok'], 2: ['Repairing', 'warning'], 3: ['Migrating', 'warning'], 4: ['Expanding', 'warning'],
  5: ['Deleting', 'warning'], 6: ['Creating', 'warning'], 7: ['RaidSyncing', 'warning'], 8: ['RaidParityChecking', 'ok'],
  9: ['RaidAssembling', 'warning'], 10: ['Canceling', 'warning'], 11: ['Degrade', 'critical'], 12: ['Crashed', 'critical'],
  13: ['DataScrubbing', 'ok'], 14: ['RaidDeploying', 'warning'], 15: ['RaidUnDeploying', 'warning'],
  16: ['RaidMountCache', 'ok'], 17: ['RaidUnmountCache', 'ok'], 18: ['RaidExpandingUnfinishedSHR', 'warning'],
  19: ['RaidConvertSHRToPool', 'warning'], 20: ['RaidMigrateSHR1ToSHR2', 'warning'], 21: ['RaidUnknownStatus', 'unknown'],
};
/** QNAP NAS-MIB: 0 ok, −1 fail. */
const QNAP_OK_FAIL: StateMap = { 0: ['ok', 'ok'], [-1]: ['fail', 'critical'] };
const QNAP_HD: StateMap = {
  0: ['ready', 'ok'], [-4]: ['unknown', 'unknown'], [-5]: ['noDisk', 'ok'], [-6]: ['invalid', 'critical'],
  [-9]: ['rwError', 'critical'], [-12]: ['notAvailable', 'unknown'],
};
const QNAP_SMART: StateMap = { 0: ['good', 'ok'], 1: ['warning', 'warning'], 2: ['abnormal', 'critical'], [-1]: ['error', 'critical'] };
/** Dell DellStatus: other, unknown, ok, nonCritical, critical, nonRecoverable. */
const DELL_STATUS: StateMap = {
  1: ['other', 'unknown'], 2: ['unknown', 'unknown'], 3: ['ok', 'ok'], 4: ['nonCritical', 'warning'],
  5: ['critical', 'critical'], 6: ['nonRecoverable', 'critical'],
};
const DELL_PDISK: StateMap = {
  1: ['unknown', 'unknown'], 2: ['ready', 'ok'], 3: ['online', 'ok'], 4: ['foreign', 'warning'], 5: ['offline', 'critical'],
  6: ['blocked', 'critical'], 7: ['failed', 'critical'], 8: ['nonraid', 'ok'], 9: ['removed', 'warning'], 10: ['readonly', 'warning'],
};
const DELL_VDISK: StateMap = { 1: ['unknown', 'unknown'], 2: ['online', 'ok'], 3: ['failed', 'critical'], 4: ['degraded', 'critical'] };
/** HP Compaq condition: other, ok, degraded, failed. */
const HP_CONDITION: StateMap = { 1: ['other', 'unknown'], 2: ['ok', 'ok'], 3: ['degraded', 'warning'], 4: ['failed', 'critical'] };
const HP_LOGDRV_STATUS: StateMap = {
  1: ['other', 'unknown'], 2: ['ok', 'ok'], 3: ['failed', 'critical'], 4: ['unconfigured', 'warning'], 5: ['recovering', 'warning'],
  6: ['readyForRebuild', 'warning'], 7: ['rebuilding', 'warning'], 8: ['wrongDrive', 'critical'], 9: ['badConnect', 'critical'],
  10: ['overheating', 'critical'], 11: ['shutdown', 'critical'], 12: ['expanding', 'warning'], 13: ['notAvailable', 'warning'],
  14: ['queuedForExpansion', 'warning'], 15: ['multipathAccessDegraded', 'warning'], 16: ['erasing', 'warning'],
};

/** Brocade swSensorStatus. */
const BROCADE_SENSOR: StateMap = {
  1: ['unknown', 'unknown'], 2: ['faulty', 'critical'], 3: ['below-min', 'warning'], 4: ['nominal', 'ok'], 5: ['above-max', 'warning'], 6: ['absent', 'unknown'],
};
/** Huawei iBMC component status. */
const HUAWEI_STATUS: StateMap = { 1: ['ok', 'ok'], 2: ['minor', 'warning'], 3: ['major', 'critical'], 4: ['critical', 'critical'], 5: ['absence', 'unknown'], 6: ['unknown', 'unknown'] };
/** Extreme VOSS rcVossSystemFanInfoOperStatus / temperature status. */
const VOSS_FAN: StateMap = { 1: ['unknown', 'unknown'], 2: ['up', 'ok'], 3: ['down', 'critical'] };
const VOSS_TEMP: StateMap = { 1: ['normal', 'ok'], 2: ['warning', 'warning'], 3: ['critical', 'critical'], 4: ['unknown', 'unknown'] };
/** Juniper jnxFruState. */
const JUNIPER_FRU: StateMap = {
  1: ['unknown', 'unknown'], 2: ['empty', 'ok'], 3: ['present', 'ok'], 4: ['ready', 'ok'], 5: ['announceOnline', 'ok'], 6: ['online', 'ok'],
  7: ['anounceOffline', 'warning'], 8: ['offline', 'critical'], 9: ['diagnostic', 'warning'], 10: ['standby', 'ok'],
};

// ---- definitions --------------------------------------------------------------------------
const CISCO = '1.3.6.1.4.1.9.9.13.1';
const LM = '1.3.6.1.4.1.2021.13.16';
const SYNO = '1.3.6.1.4.1.6574';
const QNAP = '1.3.6.1.4.1.24681.1';
const DELL = '1.3.6.1.4.1.674.10892.5';
const HP = '1.3.6.1.4.1.232';

export const SENSOR_DEFS: SensorDef[] = [
  // CISCO-ENVMON-MIB
  { source: 'cisco-envmon', kind: 'temperature', component: 'temperature', unit: '°C', value: `${CISCO}.3.1.3`, name: `${CISCO}.3.1.2`, limits: { high: `${CISCO}.3.1.4` }, statusColumn: { oid: `${CISCO}.3.1.6`, states: CISCO_ENVMON } },
  { source: 'cisco-envmon', kind: 'state', component: 'temperature', unit: '', value: `${CISCO}.3.1.6`, name: `${CISCO}.3.1.2`, states: CISCO_ENVMON },
  { source: 'cisco-envmon', kind: 'state', component: 'fan', unit: '', value: `${CISCO}.4.1.3`, name: `${CISCO}.4.1.2`, states: CISCO_ENVMON },
  { source: 'cisco-envmon', kind: 'state', component: 'psu', unit: '', value: `${CISCO}.5.1.3`, name: `${CISCO}.5.1.2`, states: CISCO_ENVMON },
  { source: 'cisco-envmon', kind: 'state', component: 'psu', unit: '', value: `${CISCO}.2.1.7`, name: `${CISCO}.2.1.2`, states: CISCO_ENVMON },

  // LM-SENSORS-MIB (net-snmp on Linux): milli-units
  { source: 'lm-sensors', kind: 'temperature', component: 'temperature', unit: '°C', value: `${LM}.2.1.3`, name: `${LM}.2.1.2`, scale: 0.001, range: [-40, 150] },
  { source: 'lm-sensors', kind: 'fan', component: 'fan', unit: 'rpm', value: `${LM}.3.1.3`, name: `${LM}.3.1.2` },
  { source: 'lm-sensors', kind: 'voltage', component: 'psu', unit: 'V', value: `${LM}.4.1.3`, name: `${LM}.4.1.2`, scale: 0.001 },

  // Synology DSM
  { source: 'synology', kind: 'state', component: 'system', unit: '', value: `${SYNO}.1.1.0`, scalar: true, nameTemplate: 'System status', states: SYNO_OK_FAILED },
  { source: 'synology', kind: 'temperature', component: 'temperature', unit: '°C', value: `${SYNO}.1.2.0`, scalar: true, nameTemplate: 'System temperature' },
  { source: 'synology', kind: 'state', component: 'psu', unit: '', value: `${SYNO}.1.3.0`, scalar: true, nameTemplate: 'Power supply', states: SYNO_OK_FAILED },
  { source: 'synology', kind: 'state', component: 'fan', unit: '', value: `${SYNO}.1.4.1.0`, scalar: true, nameTemplate: 'System fan', states: SYNO_OK_FAILED },
  { source: 'synology', kind: 'state', component: 'fan', unit: '', value: `${SYNO}.1.4.2.0`, scalar: true, nameTemplate: 'CPU fan', states: SYNO_OK_FAILED },
  { source: 'synology', kind: 'state', component: 'disk', unit: '', value: `${SYNO}.2.1.1.5`, name: `${SYNO}.2.1.1.2`, states: SYNO_DISK },
  { source: 'synology', kind: 'state', component: 'disk', unit: '', value: `${SYNO}.2.1.1.13`, name: `${SYNO}.2.1.1.2`, nameTemplate: '{name} health', states: SYNO_DISK_HEALTH },
  { source: 'synology', kind: 'temperature', component: 'disk', unit: '°C', value: `${SYNO}.2.1.1.6`, name: `${SYNO}.2.1.1.2`, range: [1, 120] },
  { source: 'synology', kind: 'state', component: 'raid', unit: '', value: `${SYNO}.3.1.1.3`, name: `${SYNO}.3.1.1.2`, states: SYNO_RAID },

  // QNAP NAS-MIB (legacy tables answer on most firmware; the ex-tables on newer ones)
  { source: 'qnap', kind: 'state', component: 'disk', unit: '', value: `${QNAP}.2.11.1.4`, name: `${QNAP}.2.11.1.2`, states: QNAP_HD },
  { source: 'qnap', kind: 'temperature', component: 'disk', unit: '°C', value: `${QNAP}.2.11.1.3`, name: `${QNAP}.2.11.1.2`, range: [1, 120] },
  { source: 'qnap', kind: 'temperature', component: 'cpu', unit: '°C', value: `${QNAP}.2.5.0`, scalar: true, nameTemplate: 'CPU temperature', range: [1, 120] },
  { source: 'qnap', kind: 'temperature', component: 'temperature', unit: '°C', value: `${QNAP}.2.6.0`, scalar: true, nameTemplate: 'System temperature', range: [1, 120] },
  { source: 'qnap', kind: 'state', component: 'disk', unit: '', value: `${QNAP}.4.1.1.1.1.5.2.1.5`, nameTemplate: 'Disk {index} SMART', states: QNAP_SMART },
  { source: 'qnap', kind: 'temperature', component: 'disk', unit: '°C', value: `${QNAP}.4.1.1.1.1.5.2.1.6`, nameTemplate: 'Disk {index}', range: [1, 120] },
  { source: 'qnap', kind: 'state', component: 'fan', unit: '', value: `${QNAP}.4.1.1.1.1.2.2.1.4`, nameTemplate: 'Fan {index}', states: QNAP_OK_FAIL },
  { source: 'qnap', kind: 'state', component: 'psu', unit: '', value: `${QNAP}.4.1.1.1.1.3.2.1.4`, nameTemplate: 'Power supply {index}', states: QNAP_OK_FAIL },

  // Dell iDRAC
  { source: 'dell-idrac', kind: 'state', component: 'system', unit: '', value: `${DELL}.2.1.0`, scalar: true, nameTemplate: 'Global system status', states: DELL_STATUS },
  { source: 'dell-idrac', kind: 'temperature', component: 'temperature', unit: '°C', value: `${DELL}.4.700.20.1.6`, name: `${DELL}.4.700.20.1.8`, scale: 0.1, limits: { high: `${DELL}.4.700.20.1.10`, highWarn: `${DELL}.4.700.20.1.11` }, statusColumn: { oid: `${DELL}.4.700.20.1.5`, states: DELL_STATUS } },
  { source: 'dell-idrac', kind: 'state', component: 'psu', unit: '', value: `${DELL}.4.600.12.1.5`, name: `${DELL}.4.600.12.1.8`, states: DELL_STATUS },
  { source: 'dell-idrac', kind: 'state', component: 'fan', unit: '', value: `${DELL}.4.700.12.1.5`, name: `${DELL}.4.700.12.1.8`, states: DELL_STATUS },
  { source: 'dell-idrac', kind: 'state', component: 'battery', unit: '', value: `${DELL}.4.600.50.1.5`, name: `${DELL}.4.600.50.1.7`, states: DELL_STATUS },
  { source: 'dell-idrac', kind: 'state', component: 'disk', unit: '', value: `${DELL}.5.1.20.130.4.1.4`, name: `${DELL}.5.1.20.130.4.1.2`, states: DELL_PDISK },
  { source: 'dell-idrac', kind: 'state', component: 'raid', unit: '', value: `${DELL}.5.1.20.140.1.1.4`, name: `${DELL}.5.1.20.140.1.1.2`, states: DELL_VDISK },

  { source: 'dell-idrac', kind: 'state', component: 'psu', unit: '', value: `${DELL}.4.600.20.1.5`, name: `${DELL}.4.600.20.1.8`, states: DELL_STATUS },
  { source: 'dell-idrac', kind: 'state', component: 'memory', unit: '', value: `${DELL}.4.1100.50.1.5`, name: `${DELL}.4.1100.50.1.8`, states: DELL_STATUS },

  // Brocade, Huawei iBMC, Extreme VOSS, Juniper
  { source: 'brocade', kind: 'state', component: 'system', unit: '', value: '1.3.6.1.4.1.1588.2.1.1.1.1.22.1.3', name: '1.3.6.1.4.1.1588.2.1.1.1.1.22.1.5', states: BROCADE_SENSOR },
  { source: 'huawei-ibmc', kind: 'state', component: 'memory', unit: '', value: '1.3.6.1.4.1.2011.2.235.1.1.16.50.1.6', nameTemplate: 'DIMM {index}', states: HUAWEI_STATUS },
  { source: 'huawei-ibmc', kind: 'state', component: 'disk', unit: '', value: '1.3.6.1.4.1.2011.2.235.1.1.18.50.1.3', nameTemplate: 'Disk {index}', states: HUAWEI_STATUS },
  { source: 'extreme-voss', kind: 'state', component: 'fan', unit: '', value: '1.3.6.1.4.1.2272.1.101.1.1.4.1.4', nameTemplate: 'Fan {index}', states: VOSS_FAN },
  { source: 'extreme-voss', kind: 'state', component: 'temperature', unit: '', value: '1.3.6.1.4.1.2272.1.101.1.1.2.1.6', nameTemplate: 'Temperature sensor {index}', states: VOSS_TEMP },
  { source: 'juniper', kind: 'state', component: 'module', unit: '', value: '1.3.6.1.4.1.2636.3.1.15.1.8', name: '1.3.6.1.4.1.2636.3.1.15.1.5', states: JUNIPER_FRU },

  // HPE ProLiant (Insight / iLO)
  { source: 'hpe', kind: 'state', component: 'system', unit: '', value: `${HP}.6.1.3.0`, scalar: true, nameTemplate: 'System health', states: HP_CONDITION },
  { source: 'hpe', kind: 'temperature', component: 'temperature', unit: '°C', value: `${HP}.6.2.6.8.1.4`, nameTemplate: 'Temperature {index}', limits: { high: `${HP}.6.2.6.8.1.5` }, statusColumn: { oid: `${HP}.6.2.6.8.1.6`, states: HP_CONDITION }, skip: [0, -99] },
  { source: 'hpe', kind: 'state', component: 'fan', unit: '', value: `${HP}.6.2.6.7.1.9`, nameTemplate: 'Fan {index}', states: HP_CONDITION },
  { source: 'hpe', kind: 'state', component: 'psu', unit: '', value: `${HP}.6.2.9.3.1.4`, nameTemplate: 'Power supply {index}', states: HP_CONDITION },
  { source: 'hpe', kind: 'state', component: 'disk', unit: '', value: `${HP}.3.2.5.1.1.37`, nameTemplate: 'Physical drive {index}', states: HP_CONDITION },
  { source: 'hpe', kind: 'state', component: 'raid', unit: '', value: `${HP}.3.2.3.1.1.11`, nameTemplate: 'Logical drive {index}', states: HP_CONDITION },
  { source: 'hpe', kind: 'state', component: 'raid', unit: '', value: `${HP}.3.2.3.1.1.4`, nameTemplate: 'Logical drive {index} status', states: HP_LOGDRV_STATUS },
  { source: 'hpe', kind: 'state', component: 'memory', unit: '', value: `${HP}.6.2.14.13.1.20`, nameTemplate: 'Memory module {index}', states: HP_CONDITION },
];
