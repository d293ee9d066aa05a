import { describe, expect, it } from 'vitest';
import {
  celsiusScale,
  classOfProduct,
  healthEnumeration,
  identityFieldOf,
  classOfModule,
  classOfModuleName,
  isBoxTable,
  isNetworkModule,
  isTemperatureName,
  enumerationInDescription,
  severityOfLabel,
  stateComponentOf,
  words,
} from '../../../tools/knowledge/grammar';
import { cleanOrganisation } from '../../../tools/knowledge/clean-organisation';

describe('MIB naming grammar (tools/knowledge/grammar.ts)', () => {
  it('splits MIB object names into words, acronyms kept together', () => {
    expect(words('mtxrHlTemperature')).toBe('mtxr hl temperature');
    expect(words('sysPSUStatus')).toBe('sys psu status');
  });

  it('finds the objects that hold the box serial, model and firmware, and not those of its parts', () => {
    expect(identityFieldOf('mtxrSerialNumber')).toBe('serial');
    expect(identityFieldOf('snwlSysModel')).toBe('model');
    expect(identityFieldOf('neType')).toBe('model');
    expect(identityFieldOf('productPartNumber')).toBe('model');
    expect(identityFieldOf('wtWebioAn1GraphMfOrderNo')).toBe('model');
    expect(identityFieldOf('swOpCodeVer')).toBe('firmware');
    expect(identityFieldOf('sysNodeVersion')).toBe('firmware');
    // A name the user gives the box is not its model.
    expect(identityFieldOf('ruckusZD1000SystemName')).toBeNull();
    expect(identityFieldOf('wtWebioAn8GraphDeviceName')).toBeNull();
    expect(identityFieldOf('hwChassisName')).toBe('model');
    expect(identityFieldOf('mtxrFirmwareVersion')).toBe('firmware');
    expect(identityFieldOf('hwSysVersion')).toBe('firmware');
    // Parts of the box and other software are not the device's identity.
    expect(identityFieldOf('upsDiagSubSysBattMonitorSerialNum')).toBeNull();
    expect(identityFieldOf('mtxrWirelessModemModel')).toBeNull();
    expect(identityFieldOf('swPortSfpSerialNumber')).toBeNull();
    expect(identityFieldOf('sysBootRomVersion')).toBeNull();
    expect(identityFieldOf('sysUpTime')).toBeNull();
  });

  it('reads the class a MIB module is named for, else what its description says', () => {
    expect(classOfModule('RADIO-BRIDGE-MIB', '')).toBe('access-point');
    expect(classOfModule('ALPHA-RECTIFIER-SYS-MIB', '')).toBe('ups');
    expect(classOfModule('WebGraph-8xThermometer-US-MIB', '')).toBe('environment-sensor');
    expect(classOfModule('MG-SNMP-UPS-MIB', '')).toBe('ups');
    expect(classOfModule('AXIS-VIDEO-MIB', '')).toBe('camera');
    expect(classOfModule('EXTREME-BASE-MIB', 'MIB for the Extreme switch family.')).toBe('switch');
    expect(classOfModule('ADTRAN-AOSCPU', 'CPU utilisation of AOS units.')).toBeNull();
    expect(classOfModule('TIMETRA-PTP-MIB', '')).toBeNull();
  });

  it('reads a class a module name glues to a brand, never a word that only ends like one', () => {
    expect(classOfModuleName('SOCOMECUPS-MIB-v2')).toBe('ups');
    expect(classOfModuleName('XUPS-MIB')).toBe('ups');
    expect(classOfModuleName('DIGIPDU-MIB')).toBe('pdu');
    expect(classOfModuleName('RNX-UPDU-MIB')).toBe('pdu');
    expect(classOfModuleName('SIAE-RADIO-SYSTEM-MIB')).toBe('access-point');
    expect(classOfModuleName('TC-GROUPS-MIB')).toBeNull();
    expect(classOfModuleName('BPDU-PROTECTION-MIB')).toBeNull();
    expect(classOfModuleName('LUM-WDM-MIB')).toBeNull(); // optics: a router's line card serves them too
    // A server's own management controller is the server's; a switch's chassis manager keeps IPMI modules too.
    expect(classOfModuleName('LENOVO-XCC-MIB')).toBe('server');
    expect(classOfModuleName('IDRAC-MIB-SMIv2')).toBe('server');
    expect(classOfModuleName('IPI-CMM-IPMI-MIB')).toBeNull();
  });

  it('reads a bare version named after its product as its software, and a service tag as its serial', () => {
    expect(identityFieldOf('svnVersion')).toBe('firmware');
    expect(identityFieldOf('systemStatusVersion')).toBe('firmware');
    expect(identityFieldOf('mwSystemGeneralVersion')).toBe('firmware');
    expect(identityFieldOf('systemFanVersion')).toBeNull();
    expect(identityFieldOf('ubntVersion')).toBe('firmware');
    expect(identityFieldOf('version')).toBe('firmware');
    expect(identityFieldOf('drsSystemServiceTag')).toBe('serial');
    for (const other of ['hwVersion', 'mibVersion', 'snmpVersion', 'bootVersion', 'fanVersion', 'configVersion', 'ipVersion', 'licenseVersion', 'portVersion']) {
      expect(identityFieldOf(other), other).toBeNull();
    }
  });

  it('reads a table as the box only when its name says system/chassis/unit and no part', () => {
    expect(isBoxTable('switchInfoTable')).toBe(true);
    expect(isBoxTable('chassisTable')).toBe(true);
    expect(isBoxTable('portInfoTable')).toBe(false);
    expect(isBoxTable('fanTable')).toBe(false);
  });

  it('tells a temperature reading from its thresholds, states and units', () => {
    expect(isTemperatureName('mtxrHlTemperature')).toBe(true);
    expect(isTemperatureName('tempSensorValue')).toBe(true);
    expect(isTemperatureName('boardTempCelsius')).toBe(true);
    expect(isTemperatureName('internal-tempc')).toBe(true);
    expect(isTemperatureName('lgpPduAuxMeasTempDegC')).toBe(true);
    expect(isTemperatureName('tempCurValue')).toBe(true);
    // Spellings MIB authors use: Check Point's "temperture", Grandstream's "Temper".
    expect(isTemperatureName('tempertureSensorValue')).toBe(true);
    expect(isTemperatureName('gwnSystemTemper')).toBe(true);
    // Setpoints are not readings: the temperature a fan starts or stops at.
    expect(isTemperatureName('sleDeviceFanStartTemperature')).toBe(false);
    expect(isTemperatureName('airIRmPmDrycooler1SummerStartTempC')).toBe(false);
    expect(isTemperatureName('internal-tempf')).toBe(false);
    expect(isTemperatureName('upsHighPrecBatteryTemperature')).toBe(true);
    expect(isTemperatureName('tempHighThreshold')).toBe(false);
    expect(isTemperatureName('ciscoEnvMonTemperatureThreshold')).toBe(false);
    expect(isTemperatureName('ciscoEnvMonTemperatureState')).toBe(false);
    expect(isTemperatureName('cSipStatsClientTempNotAvailIns')).toBe(false);
    expect(isTemperatureName('sensorTempUnit')).toBe(false);
  });

  it('turns DISPLAY-HINT, UNITS and DESCRIPTION into a °C scale, and refuses Fahrenheit', () => {
    expect(celsiusScale('d-1', undefined, '')).toBe(0.1);
    expect(celsiusScale(undefined, 'degrees Celsius', '')).toBe(1);
    expect(celsiusScale(undefined, undefined, 'Temperature in tenths of a degree Celsius')).toBe(0.1);
    expect(celsiusScale(undefined, undefined, 'Temperature of the sensor. Each unit is 0.5 degrees Celcius.')).toBe(0.5);
    expect(celsiusScale(undefined, undefined, 'in millidegrees Celsius')).toBe(0.001);
    expect(celsiusScale(undefined, 'degrees Fahrenheit', '')).toBeNull();
    expect(celsiusScale(undefined, undefined, 'The probe temperature in Fahrenheit')).toBeNull();
  });

  it('maps health enumeration labels to severities and rejects enumerations that are not health', () => {
    expect(severityOfLabel('normal')).toBe('ok');
    expect(severityOfLabel('nonCritical')).toBe('warning');
    expect(severityOfLabel('notFunctioning')).toBe('critical');
    expect(severityOfLabel('notPresent')).toBe('unknown');
    expect(severityOfLabel('uninstalled')).toBe('unknown');
    // Alarm words count as words, not as letters inside others ("installed", "unconfigured", "powered", "download").
    for (const label of ['installed', 'unconfigured', 'powered', 'downloading']) expect(severityOfLabel(label), label).toBeNull();
    expect(severityOfLabel('linkDown')).toBe('critical');
    // A part's name, then a good word; never a negated one.
    expect(severityOfLabel('acGood')).toBe('ok');
    expect(severityOfLabel('temperature-normal')).toBe('ok');
    expect(severityOfLabel('notOk')).not.toBe('ok');
    expect(severityOfLabel('fanStalled')).toBe('critical');
    expect(healthEnumeration({ 1: 'normal', 2: 'warning', 3: 'critical', 5: 'notPresent' })).toEqual({
      1: ['normal', 'ok'], 2: ['warning', 'warning'], 3: ['critical', 'critical'], 5: ['notPresent', 'unknown'],
    });
    expect(healthEnumeration({ 1: 'enabled', 2: 'disabled' })).toBeNull();
    expect(healthEnumeration({ 1: 'ok', 2: 'blinking' })).toBeNull();
  });

  it('reads the values an INTEGER lists in its description, never a bit map\'s', () => {
    expect(enumerationInDescription('Synology cpu fan status Each meanings of status represented describe below. Normal(1): All CPU fans functional normally. Failed(2): One of CPU fan stopped.')).toEqual({ 1: 'Normal', 2: 'Failed' });
    expect(enumerationInDescription('Integer representation of the state of the alarm. 0 - Normal 1 - Warning 2 - Minor 3 - Major 4 - Critical')).toEqual({ 0: 'Normal', 1: 'Warning', 2: 'Minor', 3: 'Major', 4: 'Critical' });
    expect(enumerationInDescription('A bit-encoded variable: OFF 0x00 OK 0x01 ONLINE 0x02')).toBeNull();
    expect(enumerationInDescription('The fan speed in RPM (0 when stopped).')).toBeNull();
  });

  it('reads limits crossed and absent parts, and a long list of conditions where most labels read plainly', () => {
    // Brocade swSensorStatus, Huawei iBMC hardDiskStatus.
    expect(healthEnumeration({ 1: 'unknown', 2: 'faulty', 3: 'below-min', 4: 'nominal', 5: 'above-max', 6: 'absent' })?.[5]).toEqual(['above-max', 'warning']);
    expect(healthEnumeration({ 1: 'ok', 2: 'minor', 3: 'major', 4: 'critical', 5: 'absence', 6: 'unknown' })?.[5]).toEqual(['absence', 'unknown']);
    // Smart Array cpqDaLogDrvStatus (first ten of 25): the labels no word reads say "unknown", never an alarm.
    const logicalDrive = { 1: 'other', 2: 'ok', 3: 'failed', 4: 'unconfigured', 5: 'recovering', 6: 'readyForRebuild', 7: 'rebuilding', 8: 'wrongDrive', 9: 'badConnect', 10: 'overheating' };
    expect(healthEnumeration(logicalDrive)).toMatchObject({ 2: ['ok', 'ok'], 3: ['failed', 'critical'], 4: ['unconfigured', 'unknown'], 8: ['wrongDrive', 'unknown'], 10: ['overheating', 'critical'] });
    // A short list with a label no word reads is no health enumeration; nor a long one mostly unread.
    expect(healthEnumeration({ 1: 'ok', 2: 'failed', 3: 'learning' })).toBeNull();
    expect(healthEnumeration({ 1: 'ok', 2: 'failed', 3: 'a', 4: 'b', 5: 'c', 6: 'd', 7: 'e', 8: 'f' })).toBeNull();
  });

  it('reads a fan that is "deactive" as failed, and turns active and inactive around for an alarm', () => {
    expect(healthEnumeration({ 1: 'active', 2: 'deactive', 3: 'not-install', 4: 'unsupport' }, 'hh3cDevMFanStatus')).toEqual({
      1: ['active', 'ok'], 2: ['deactive', 'critical'], 3: ['not-install', 'unknown'], 4: ['unsupport', 'unknown'],
    });
    // An alarm that is active is a problem; one that is inactive, or false, is not.
    expect(healthEnumeration({ 1: 'inactive', 2: 'active' }, 'fanFailureAlarmStatus')).toEqual({ 1: ['inactive', 'ok'], 2: ['active', 'critical'] });
    expect(healthEnumeration({ 0: 'false', 1: 'true' }, 'fgHwSensorEntAlarmStatus')).toEqual({ 0: ['false', 'ok'], 1: ['true', 'critical'] });
    expect(healthEnumeration({ 0: 'false', 1: 'true' }, 'fgHwSensorEntStatus')).toBeNull();
  });

  it('gives a health enumeration its component from the object or row name', () => {
    expect(stateComponentOf('ciscoEnvMonFanState', 'ciscoEnvMonFanStatusEntry')).toBe('fan');
    expect(stateComponentOf('ciscoEnvMonSupplyState', 'ciscoEnvMonSupplyStatusEntry')).toBe('psu');
    expect(stateComponentOf('chassisPs1Status', '')).toBe('psu');
    // Abbreviations: Smart Array's physical and logical drives, a second memory table.
    expect(stateComponentOf('cpqDaPhyDrvCondition', 'cpqDaPhyDrvEntry')).toBe('disk');
    expect(stateComponentOf('cpqDaLogDrvCondition', 'cpqDaLogDrvEntry')).toBe('raid');
    expect(stateComponentOf('cpqHeResMem2ModuleCondition', 'cpqHeResMem2ModuleEntry')).toBe('memory');
    // The box's power, not a measured power (a laser's, an outlet's).
    expect(stateComponentOf('powerStatus', '')).toBe('psu');
    expect(stateComponentOf('bcsiOptMonLaneTxPowerStatus', 'bcsiOptMonLaneEntry')).toBeNull();
    expect(stateComponentOf('st4OutletActivePowerStatus', 'st4OutletEventConfigEntry')).toBeNull();
    expect(stateComponentOf('ifOperStatus', 'ifEntry')).toBeNull();
    expect(stateComponentOf('hwBulkStatDefineFileStatus', 'hwBulkStatEntry')).toBeNull();
    // A chassis sensor table mixes fans, power supplies and more: its rows' names tell them apart at run time.
    expect(stateComponentOf('hpicfSensorStatus', 'hpicfSensorEntry')).toBe('system');
    expect(stateComponentOf('sensorType', 'hpicfSensorEntry')).toBeNull();
    // A software package that is not active is no failed part.
    expect(stateComponentOf('hpnicfSysPackageStatus', 'hpnicfSysPackageEntry')).toBeNull();
  });

  it('states a product class only from plain words', () => {
    expect(classOfProduct('cat29xxStack', 'Catalyst 2960 switch stack', '')).toBe('switch');
    expect(classOfProduct('hpSmartUps', undefined, 'Uninterruptible power supply')).toBe('ups');
    expect(classOfProduct('fgt60D', undefined, '')).toBeNull();
    // Transport gear is network equipment of no narrower class; a switch still reads as one.
    expect(classOfProduct('pl1000e', undefined, 'PacketLight PL-1000E DWDM multiplexer')).toBe('network-device');
    expect(classOfProduct('mc220', 'Gigabit media converter', '')).toBe('network-device');
    expect(classOfProduct('ies24', undefined, 'Ethernet switch with SFP uplinks, DWDM optics')).toBe('switch');
  });

  it('knows a MIB module about network protocols, optics or line interfaces from one about anything else', () => {
    for (const name of ['CIENA-CES-MPLS-MIB', 'LUM-IFOTN-MIB', 'RAISECOM-PON-DEVICE-MIB', 'ADTRAN-AOS-QOS', 'FOO-VLAN-MIB', 'BAR-SpanningTree-MIB']) {
      expect(isNetworkModule(name), name).toBe(true);
    }
    for (const name of ['PowerNet-MIB', 'XUPS-MIB', 'WRI-TEMPERATURE-MIB', 'AXIS-VIDEO-MIB', 'CP-SYSTEM-MIB', 'Printer-MIB']) {
      expect(isNetworkModule(name), name).toBe(false);
    }
  });
});

describe('cleanOrganisation', () => {
  it('drops legal forms, URLs and "formerly" notes', () => {
    expect(cleanOrganisation('Sophos Plc')).toBe('Sophos');
    expect(cleanOrganisation('Allied Telesis, Inc.')).toBe('Allied Telesis');
    expect(cleanOrganisation('IBM (https://w3.ibm.com/standards )')).toBe('IBM');
    expect(cleanOrganisation('Vertiv Tech Co.,Ltd.')).toBe('Vertiv Tech');
    expect(cleanOrganisation('MikroTik')).toBe('MikroTik');
  });
});

describe('UPS battery objects', () => {
  it('finds charge, runtime and battery status by name, not their thresholds', async () => {
    const { upsFieldOf, runtimeUnit, batteryStatusEnumeration } = await import('../../../tools/knowledge/grammar');
    expect(upsFieldOf('upsAdvBatteryCapacity')).toBe('chargePercent');
    // High precision is the same reading in finer units, not a high threshold.
    expect(upsFieldOf('upsHighPrecBatteryCapacity')).toBe('chargePercent');
    expect(upsFieldOf('upsBatteryCapacityHighThreshold')).toBeNull();
    expect(upsFieldOf('xupsBatCapacity')).toBe('chargePercent');
    expect(upsFieldOf('upsEstimatedMinutesRemaining')).toBeNull();
    expect(upsFieldOf('upsBatteryRunTimeRemaining')).toBe('runtimeMinutes');
    expect(upsFieldOf('upsBaseBatteryStatus')).toBe('batteryStatus');
    expect(upsFieldOf('upsBatteryCapacityLowThreshold')).toBeNull();
    expect(runtimeUnit('TimeTicks', undefined, '')).toBe('ticks');
    expect(runtimeUnit('Integer32', 'minutes', '')).toBe('minutes');
    expect(runtimeUnit('Integer32', undefined, 'remaining time in seconds')).toBe('seconds');
    expect(runtimeUnit('Integer32', undefined, 'remaining time')).toBeNull();
    expect(batteryStatusEnumeration({ 1: 'unknown', 2: 'batteryNormal', 3: 'batteryLow', 4: 'batteryDepleted' })).toEqual({ 1: 'unknown', 2: 'normal', 3: 'low', 4: 'depleted' });
    expect(batteryStatusEnumeration({ 1: 'on', 2: 'off' })).toBeNull();
  });
});

describe('battery status labels', () => {
  it('reads PowerNet-style labels ("noBatteryPresent", "batteryInFaultCondition")', async () => {
    const { batteryStatusEnumeration } = await import('../../../tools/knowledge/grammar');
    expect(batteryStatusEnumeration({ 1: 'unknown', 2: 'batteryNormal', 3: 'batteryLow', 4: 'batteryInFaultCondition', 5: 'noBatteryPresent' })).toEqual({
      1: 'unknown', 2: 'normal', 3: 'low', 4: 'fault', 5: 'not-present',
    });
  });
});

describe('classOfRegistrant', () => {
  it('states a class only where the registrant name says one', async () => {
    const { classOfRegistrant } = await import('../../../tools/knowledge/grammar');
    expect(classOfRegistrant('Socomec Sicon Ups')).toBe('ups');
    expect(classOfRegistrant('Konica Minolta Printing Solutions')).toBe('printer');
    expect(classOfRegistrant('MikroTik')).toBeNull();
    expect(classOfRegistrant('Swichtec Power Systems')).toBe('ups');
    expect(classOfRegistrant('JAPAN STORAGE BATTERY')).toBe('ups');
    expect(classOfRegistrant('Pure Storage')).toBe('nas');
    expect(classOfRegistrant('PacketLight Networks')).toBe('network-device');
    expect(classOfRegistrant('Wuhan Research Institute of Posts and Telecommunications')).toBe('network-device');
    expect(classOfRegistrant('Emerson Network Power')).toBeNull();
    expect(classOfRegistrant('Axis Communications AB')).toBeNull();
    expect(classOfRegistrant('OpenBSD Project')).toBe('server');
    expect(classOfRegistrant('Mimosa Wireless Networks')).toBe('access-point');
  });
});
