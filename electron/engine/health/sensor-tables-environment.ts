/**
 * Temperature sources beyond the standard MIBs, as data: UPS and power
 * plants, environment probes, switch and appliance vendors. Each entry is one
 * MIB column (or scalar) with its scale; names come from the MIB's own name
 * column where it has one.
 */
import type { SensorDef } from './sensor-table-engine';

type TempDef = Omit<SensorDef, 'kind' | 'unit' | 'component'> & { component?: SensorDef['component'] };

const temp = (d: TempDef): SensorDef => ({ kind: 'temperature', unit: '°C', component: 'temperature', range: [-60, 200], skip: [-1, 65535, 2147483647], ...d });
const scalar = (source: string, oid: string, name: string, extra: Partial<TempDef> = {}): SensorDef =>
  temp({ source, value: oid, scalar: true, nameTemplate: name, ...extra });

const APC = '1.3.6.1.4.1.318.1.1';

export const ENVIRONMENT_TEMPERATURE_DEFS: SensorDef[] = [
  // UPS batteries and internal temperatures
  scalar('apc', `${APC}.1.2.3.2.0`, 'UPS internal temperature', { scale: 0.1, component: 'battery' }),
  scalar('apc', `${APC}.1.2.2.2.0`, 'UPS internal temperature', { component: 'battery', onlyIfAbsent: `${APC}.1.2.3.2.0` }),
  scalar('ups-mib', '1.3.6.1.2.1.33.1.2.7.0', 'UPS battery temperature', { component: 'battery' }),
  scalar('eaton-xups', '1.3.6.1.4.1.534.1.6.1.0', 'Ambient temperature'),
  scalar('ppc', '1.3.6.1.4.1.935.1.1.1.2.2.3.0', 'UPS battery temperature', { scale: 0.1, component: 'battery' }),
  scalar('cyberpower', '1.3.6.1.4.1.3808.1.1.1.2.2.3.0', 'UPS battery temperature', { component: 'battery' }),
  scalar('tripplite', '1.3.6.1.4.1.850.101.1.1.1.0', 'Ambient temperature'),
  scalar('webpower', '1.3.6.1.4.1.2468.1.2.1.1.2.7.0', 'UPS battery temperature', { scale: 0.1, component: 'battery' }),
  scalar('eltek', '1.3.6.1.4.1.12148.10.10.7.5.0', 'Battery temperature', { component: 'battery' }),
  scalar('eaton-sc', '1.3.6.1.4.1.1918.2.14.10.100.30.0', 'Battery temperature', { component: 'battery' }),
  scalar('eaton-sc', '1.3.6.1.4.1.1918.2.14.10.60.29.0', 'Highest rectifier heatsink temperature'),
  scalar('bke', '1.3.6.1.4.1.27533.5.3.3.0', 'Temperature', { scale: 0.1 }),

  // APC environment: integrated environmental monitor probes, universal I/O sensors, cooling units
  temp({ source: 'apc', value: `${APC}.10.2.3.2.1.4`, name: `${APC}.10.2.3.2.1.2` }),
  temp({ source: 'apc', value: `${APC}.25.1.2.1.6`, name: `${APC}.25.1.2.1.3` }),
  // Cooling-unit sensor table: tenths of a degree ("209" is a 20.9 °C room).
  temp({ source: 'apc', value: `${APC}.27.1.4.1.2.1.3`, name: `${APC}.27.1.4.1.2.1.2`, scale: 0.1, nameFilter: /temp/i, filter: { column: `${APC}.27.1.4.1.2.1.4`, matches: /^C$/ } }),
  scalar('apc', `${APC}.13.3.2.2.2.7.0`, 'Inlet air', { scale: 0.1 }),
  scalar('apc', `${APC}.13.3.2.2.2.9.0`, 'Supply air', { scale: 0.1 }),
  scalar('apc', `${APC}.13.3.2.2.2.11.0`, 'Return air', { scale: 0.1 }),
  scalar('apc', `${APC}.13.3.2.2.2.24.0`, 'Entering fluid', { scale: 0.1 }),
  scalar('apc', `${APC}.13.3.2.2.2.26.0`, 'Leaving fluid', { scale: 0.1 }),

  // Environment monitors
  scalar('avtech', '1.3.6.1.4.1.20916.1.11.1.1.1.2.0', 'Internal temperature', { scale: 0.01 }),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => scalar('avtech', `1.3.6.1.4.1.20916.1.11.1.2.${n}.1.0`, `External sensor ${n}`, { scale: 0.01 })),
  temp({ source: 'cyberpower', value: '1.3.6.1.4.1.3808.1.1.8.2.3.1.3', nameTemplate: 'Environment sensor {index}', scale: 0.01, fahrenheit: true }),
  temp({ source: 'panduit', value: '1.3.6.1.4.1.3711.24.1.1.1.2.2.1.7', name: '1.3.6.1.4.1.3711.24.1.1.1.2.2.1.3', scale: 0.1 }),
  temp({ source: 'patton', value: '1.3.6.1.4.1.1768.100.70.30.2.1.2', name: '1.3.6.1.4.1.1768.100.70.30.2.1.1' }),
  temp({ source: 'nti', value: '1.3.6.1.4.1.3699.1.1.12.1.2.1.1.4', name: '1.3.6.1.4.1.3699.1.1.12.1.2.1.1.3', scale: 0.1 }),
  temp({ source: 'opengear', value: '1.3.6.1.4.1.25049.17.9.1.5', name: '1.3.6.1.4.1.25049.17.9.1.3' }),
  temp({ source: 'planet', value: '1.3.6.1.4.1.10456.3.3.5.1.3', nameTemplate: 'Device temperature', scale: 0.1 }),

  // Servers and BMCs
  temp({ source: 'hpe', value: '1.3.6.1.4.1.232.3.2.5.1.1.70', nameTemplate: 'Drive {index}', component: 'disk', skip: [-1, 0] }),
  temp({ source: 'huawei-ibmc', value: '1.3.6.1.4.1.2011.2.235.1.1.26.50.1.3', name: '1.3.6.1.4.1.2011.2.235.1.1.26.50.1.2', scale: 0.1 }),
  temp({ source: 'supermicro', value: '1.3.6.1.4.1.21317.1.3.1.2', name: '1.3.6.1.4.1.21317.1.3.1.13', nameFilter: /temp/i }),

  // Switches, routers, firewalls
  temp({ source: 'hpe-comware', value: '1.3.6.1.4.1.25506.2.6.1.1.1.1.12', nameFromEntity: true, skip: [0, 65535] }),
  temp({ source: 'foundry', value: '1.3.6.1.4.1.1991.1.1.2.13.1.1.4', name: '1.3.6.1.4.1.1991.1.1.2.13.1.1.3', scale: 0.5 }),
  temp({ source: 'juniper', value: '1.3.6.1.4.1.2636.3.1.13.1.7', name: '1.3.6.1.4.1.2636.3.1.13.1.5', skip: [0] }),
  temp({ source: 'brocade', value: '1.3.6.1.4.1.1588.2.1.1.1.1.22.1.4', name: '1.3.6.1.4.1.1588.2.1.1.1.1.22.1.5', filter: { column: '1.3.6.1.4.1.1588.2.1.1.1.1.22.1.2', equals: [1] } }),
  temp({ source: 'checkpoint', value: '1.3.6.1.4.1.2620.1.6.7.8.1.1.3', name: '1.3.6.1.4.1.2620.1.6.7.8.1.1.2' }),
  temp({ source: 'ciscosb', value: '1.3.6.1.4.1.9.6.1.101.90.1.2.1.3', nameTemplate: 'Transceiver {index}', indexPattern: /\.5$/, component: 'module' }),
  temp({ source: 'edgecore', value: '1.3.6.1.4.1.259.10.1.45.1.1.11.1.3', nameTemplate: 'Switch temperature {index}' }),
  temp({ source: 'fs', value: '1.3.6.1.4.1.52642.2.1.45.1.1.11.1.3', nameTemplate: 'Switch temperature {index}' }),
  temp({ source: 'alaxala', value: '1.3.6.1.4.1.21839.2.2.6.2.1.3.1.3', name: '1.3.6.1.4.1.21839.2.2.6.2.1.3.1.2' }),
  temp({ source: 'ciena', value: '1.3.6.1.4.1.1271.2.1.2.1.2.3.1.3', name: '1.3.6.1.4.1.1271.2.1.2.1.2.3.1.2' }),
  temp({ source: 'ciena', value: '1.3.6.1.4.1.1271.2.1.5.1.2.1.3.2.1.4', name: '1.3.6.1.4.1.1271.2.1.5.1.2.1.3.2.1.11' }),
  temp({ source: 'advantech', value: '1.3.6.1.4.1.10297.202.7000.2.5.2.1.2', name: '1.3.6.1.4.1.10297.202.7000.2.5.2.1.1', nameTemplate: '{name} transceiver', component: 'module' }),
  temp({ source: 'advantech', value: '1.3.6.1.4.1.10297.202.7000.7.3.3.1.5', nameTemplate: 'Port {index} PoE' }),
  temp({ source: 'netonix', value: '1.3.6.1.4.1.46242.3.1.3', name: '1.3.6.1.4.1.46242.3.1.2' }),
  temp({ source: 'axis', value: '1.3.6.1.4.1.368.4.1.3.1.4', nameTemplate: 'Temperature sensor {index}' }),
  temp({ source: 'ericsson-tn', value: '1.3.6.1.4.1.193.81.3.4.3.1.1.1.8', nameTemplate: 'Radio unit {index}' }),
  temp({ source: 'ubiquiti', value: '1.3.6.1.4.1.41112.1.5.4.2.1.3', nameTemplate: 'Temperature {index}' }),
  scalar('eltex', '1.3.6.1.4.1.2076.81.1.66.0', 'System temperature'),
  scalar('mikrotik', '1.3.6.1.4.1.14988.1.1.3.10.0', 'System temperature', { scale: 0.1 }),
  scalar('mikrotik', '1.3.6.1.4.1.14988.1.1.3.11.0', 'Processor temperature', { scale: 0.1, component: 'cpu' }),
  scalar('bdcom', '1.3.6.1.4.1.3320.3.6.10.1.13.0', 'Temperature'),
  scalar('raisecom', '1.3.6.1.4.1.8886.1.1.4.2.1.0', 'System temperature'),
  scalar('packetlight', '1.3.6.1.4.1.4515.1.3.1.43.0', 'Temperature'),
  scalar('grandstream', '1.3.6.1.4.1.42397.1.4.12.1.1.0', 'Switch temperature'),
  scalar('extreme-voss', '1.3.6.1.4.1.2272.1.212.1.0', 'CPU temperature', { component: 'cpu' }),
  scalar('extreme-voss', '1.3.6.1.4.1.2272.1.212.2.0', 'MAC temperature'),
  scalar('extreme-voss', '1.3.6.1.4.1.2272.1.212.3.0', 'PHY1 temperature'),
  scalar('extreme-voss', '1.3.6.1.4.1.2272.1.212.4.0', 'PHY2 temperature'),
  scalar('cambium', '1.3.6.1.4.1.161.19.3.3.1.35.0', 'Temperature'),
  scalar('mimosa', '1.3.6.1.4.1.43356.2.1.2.1.8.0', 'Internal temperature', { scale: 0.1 }),
  scalar('mlos', '1.3.6.1.4.1.8962.4.1.1.8.0', 'System temperature'),
  temp({ source: 'moxa', value: '1.3.6.1.4.1.8691.7.108.1.10.11.1.5', name: '1.3.6.1.4.1.8691.7.108.1.10.11.1.1', nameTemplate: 'Port {name} transceiver', component: 'module' }),
  temp({ source: 'moxa', value: '1.3.6.1.4.1.8691.7.117.1.10.11.1.5', name: '1.3.6.1.4.1.8691.7.117.1.10.11.1.1', nameTemplate: 'Port {name} transceiver', component: 'module' }),
  temp({ source: 'moxa', value: '1.3.6.1.4.1.8691.603.5.3.2.1.1.1.5', nameTemplate: 'Port {index} transceiver', component: 'module' }),
  temp({ source: 'openbsd', value: '1.3.6.1.4.1.30155.2.1.2.1.5', name: '1.3.6.1.4.1.30155.2.1.2.1.2', filter: { column: '1.3.6.1.4.1.30155.2.1.2.1.3', equals: [0] } }),
  temp({ source: 'omnitron', value: '1.3.6.1.4.1.7342.2.1.11.1.9', nameTemplate: 'Module {index}' }),
  temp({ source: 'pandacom', value: '1.3.6.1.4.1.3652.3.4.1.1.1.7', nameTemplate: 'Slot {index}' }),
  temp({ source: 'liebert', value: '1.3.6.1.4.1.476.1.42.3.8.60.15.1.70', nameTemplate: 'Sensor {index}', scale: 0.1 }),
  temp({ source: 'mni', value: '1.3.6.1.4.1.3323.13.1.4.1.1.20', nameTemplate: 'Radio unit {index}' }),
  temp({ source: 'iqnos', value: '1.3.6.1.4.1.21296.2.2.2.1.13.1.1.9', nameTemplate: 'Chassis {index}' }),
  temp({ source: 'infinera', value: '1.3.6.1.4.1.42229.1.2.3.1.1.1.3', nameTemplate: 'Chassis {index} inlet' }),
  temp({ source: 'infinera', value: '1.3.6.1.4.1.42229.1.2.3.1.1.1.4', nameTemplate: 'Chassis {index} outlet' }),
  temp({ source: 'infinera', value: '1.3.6.1.4.1.8708.2.11.2.2.1.1.11', nameTemplate: 'Subrack {index}', scale: 0.1 }),
  temp({ source: 'ge-pulsar', value: '1.3.6.1.4.1.10520.2.1.3.7.1.12', name: '1.3.6.1.4.1.10520.2.1.3.7.1.3' }),
  // SCTE HMS (HFC optical amplifiers): internal temperature.
  temp({ source: 'scte-hms', value: '1.3.6.1.4.1.17409.1.3.3.2.2.1.12', nameTemplate: 'Internal temperature {index}' }),
  scalar('serverscheck', '1.3.6.1.4.1.17095.3.2.0', 'Temperature'),
  scalar('saf', '1.3.6.1.4.1.7571.100.1.1.7.10.4.2.0', 'CPU temperature', { scale: 0.1, component: 'cpu' }),
  scalar('saf', '1.3.6.1.4.1.7571.100.1.1.7.10.4.8.0', 'System board temperature', { scale: 0.1 }),
  scalar('mpb', '1.3.6.1.4.1.4464.2.2.8.2.5.0', 'Case temperature', { scale: 0.1 }),
  scalar('montclair', '1.3.6.1.4.1.1385.77.7.2.16.0', 'Amplifier radiator temperature'),
  scalar('lambdatrail', '1.3.6.1.4.1.35616.2.1.1.1.0', 'Chassis temperature'),
  scalar('lambdatrail', '1.3.6.1.4.1.35616.5.2.1.0', 'Chassis temperature'),
  scalar('ecresofm', '1.3.6.1.4.1.6404.3.1.2.11.1.3.1.1.0', 'Ambient temperature'),
  scalar('ecresofm', '1.3.6.1.4.1.6404.3.1.2.11.1.3.1.10.0', 'Internal temperature'),
];
