import { describe, expect, it } from 'vitest';
import { vendorVocabularyClasses } from '../../../tools/knowledge/vendor-vocabulary';
import type { MibModule, MibObject } from '../../../tools/knowledge/smidump';

const object = (enterprise: number, n: number, name: string): MibObject => ({
  kind: 'scalar',
  name,
  oid: `1.3.6.1.4.1.${enterprise}.1.${n}.0`,
  module: 'X',
  description: '',
});

const module = (name: string, enterprise: number, names: readonly string[], description = ''): MibModule => ({
  name,
  file: `${name}.mib`,
  description,
  objects: names.map((n, i) => object(enterprise, i + 1, n)),
  typedefs: [],
});

/** Filler objects no grammar reads: a real MIB's counters, names and indexes. */
const filler = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}Counter${i}`);

describe('what a vendor makes, from what its MIBs manage (tools/knowledge/vendor-vocabulary.ts)', () => {
  it('calls a vendor whose objects are about VLANs, spanning tree and optics a network-device maker', () => {
    const names = [...Array.from({ length: 30 }, (_, i) => `acmeVlanPort${i}`), ...filler('acme', 300)];
    expect(vendorVocabularyClasses([module('ACME-SYSTEM-MIB', 99001, names)])).toEqual({ 99001: 'network-device' });
  });

  it('calls a vendor with several modules named for network work one, though its objects say little', () => {
    const modules = ['LUM-IFOTN-MIB', 'LUM-WDM-MIB', 'LUM-SYSTEM-MIB'].map((n, i) => module(n, 99002, filler(`lum${i}`, 50)));
    expect(vendorVocabularyClasses(modules)).toEqual({ 99002: 'network-device' });
  });

  it('says nothing of a UPS, sensor or printer maker, nor of a vendor with a stray SFP object among hundreds', () => {
    const ups = module('ACME-UPS-MIB', 99003, [...filler('ups', 400), 'upsBatteryStatus']);
    const sensors = module('WRI-TEMPERATURE-MIB', 99004, filler('wri', 50));
    const stray = module('BIG-SERVER-MIB', 99005, [...filler('srv', 800), 'srvSfpVendor', 'srvNicSfpSerial']);
    expect(vendorVocabularyClasses([ups, sensors, stray])).toEqual({});
  });

  it('calls a vendor whose objects are about firewall policies, VPN tunnels and intrusion prevention a firewall maker, and never a generic agent', () => {
    const names = [...Array.from({ length: 40 }, (_, i) => `acmeFwPolicyHits${i}`), ...Array.from({ length: 20 }, (_, i) => `acmeVpnTunnel${i}`), ...filler('acme', 150)];
    expect(vendorVocabularyClasses([module('ACME-FW-MIB', 99007, names)])).toEqual({ 99007: 'firewall' });
    // net-snmp's UCD tree holds a Linux box's own ipfw counters: no class for any box that runs net-snmp.
    expect(vendorVocabularyClasses([module('UCD-IPFWACC-MIB', 2021, names)])).toEqual({});
  });

  it('calls a vendor a tenth of whose modules are about its radios a maker of access points and radio links', () => {
    const modules = ['ACME-DEVICE-WIRELESS-MIB', 'ACME-802DOT11-MIB', 'ACME-SYSTEM-MIB', 'ACME-ALARM-MIB', 'ACME-SNMP-MIB'].map((n, i) => module(n, 99008, filler(`acme${i}`, 40)));
    expect(vendorVocabularyClasses(modules)).toEqual({ 99008: 'access-point' });
    // A precision-time module is no radio.
    const timing = ['ACME-PTP-MIB', 'ACME-CLOCK-MIB'].map((n, i) => module(n, 99009, filler(`clk${i}`, 40)));
    expect(vendorVocabularyClasses(timing)).toEqual({});
  });

  it('leaves a maker of many things alone when its modules name other classes too often', () => {
    const modules = [
      module('MIX-VLAN-MIB', 99006, filler('a', 20)),
      module('MIX-QOS-MIB', 99006, filler('b', 20)),
      module('MIX-UPS-MIB', 99006, filler('c', 20)),
      module('MIX-CAMERA-MIB', 99006, filler('d', 20)),
    ];
    expect(vendorVocabularyClasses(modules)).toEqual({});
  });

  it('calls a vendor whose objects are about probes and humidity, toner and trays, or volumes and LUNs a maker of that', () => {
    const probes = module('ACME-SENSOR-MIB', 99010, [...Array.from({ length: 40 }, (_, i) => `sensorProbeHumidity${i}`), ...filler('acme', 100)]);
    const toner = module('ACME-PRINT-MIB', 99011, [...Array.from({ length: 20 }, (_, i) => `acmeTonerLevel${i}`), ...filler('prn', 150)]);
    const luns = module('ACME-ARRAY-MIB', 99012, [...Array.from({ length: 40 }, (_, i) => `acmeLunStatus${i}`), ...filler('arr', 100)]);
    expect(vendorVocabularyClasses([probes, toner, luns])).toEqual({ 99010: 'environment-sensor', 99011: 'printer', 99012: 'nas' });
  });

  it('leaves a vendor whose printer or sensor objects are a sliver of many alone', () => {
    const names = [...Array.from({ length: 30 }, (_, i) => `hpTonerLevel${i}`), ...Array.from({ length: 30 }, (_, i) => `hpTemperatureSensor${i}`), ...filler('hp', 1000)];
    expect(vendorVocabularyClasses([module('HP-MIXED-MIB', 99013, names)])).toEqual({});
  });
});
