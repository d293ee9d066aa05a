import { describe, expect, it } from 'vitest';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { deviceVendorScope } from '../../../electron/engine/identify/rule-owners';
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';

/** Identify from the system group alone, as discovery hands it over. */
function fromSystem(sysObjectID: string, sysDescr: string) {
  return identifyDevice(null, { system: { sysDescr, sysObjectID, sysName: 'dev', sysServices: null } }, { quick: true });
}

describe('models and firmware named in sysDescr', () => {
  it.each([
    ['1.3.6.1.4.1.11.2.3.7.11.63', 'ProCurve J9021A Switch 2810-24G, revision N.11.75, ROM N.10.01 (/sw/code/build/bass)', 'J9021A Switch 2810-24G', 'N.11.75'],
    ['1.3.6.1.4.1.11.2.3.7.11.181', 'HP J9773A 2530-24G-PoEP Switch, revision YA.16.02.0012, ROM YA.15.20 (/ws/swbuildm/rel_yakima_qaoff/code/build/tam(swbuildm_rel_yakima_qaoff_rel_yakima))', 'J9773A 2530-24G-PoEP', 'YA.16.02.0012'],
    ['1.3.6.1.4.1.47196.4.1.1.1.1', 'Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.10.0009, ROM WC.16.01.0008 (/ws/swbuildm/rel_venice_qaoff/code/build/anm(swbuildm_rel_venice_qaoff_rel_venice))', 'JL258A 2930F-8G-PoE+-2SFP+', 'WC.16.10.0009'],
  ])('HP/Aruba switch: %s', async (oid, descr, model, firmware) => {
    const id = await fromSystem(oid, descr);
    expect(id).toMatchObject({ type: 'switch', model, firmware });
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'model', rule: 'sysdescr:hp-procurve' }));
  });

  it.each([
    ['UAP-AC-Pro 6.5.55.14777', 'UAP-AC-Pro', '6.5.55.14777'],
    ['U6-Lite 6.6.55.15189', 'U6-Lite', '6.6.55.15189'],
  ])('UniFi access point: %s', async (descr, model, firmware) => {
    const id = await fromSystem('1.3.6.1.4.1.41112.1.6', descr);
    expect(id).toMatchObject({ vendor: 'Ubiquiti', type: 'access-point', model, firmware });
  });

  it('takes no model from a UniFi description that is not "<model> <firmware>"', async () => {
    const id = await fromSystem('1.3.6.1.4.1.41112.1.6', 'UAP-AC-Pro firmware 6.5.55 build 14777');
    expect(id.model).toBeNull();
  });
});

describe('a bare version in a sysDescr of no known shape', () => {
  const UNKNOWN_VENDOR = '1.3.6.1.4.1.99999.1';
  it.each([
    ['Juniper Networks, Inc WLC880R 7.7.4.4 REL', '7.7.4.4'],
    ['CANOPY 16.0.0.1 AP', '16.0.0.1'],
    ['Acme gateway 192.168.1.1', null],
    ['Acme box 2.1', null],
  ])('%s → %s', async (descr, firmware) => {
    expect((await fromSystem(UNKNOWN_VENDOR, descr)).firmware).toBe(firmware);
  });
});

describe('class words in sysDescr, wherever a product glues them', () => {
  // An unregistered enterprise: no vendor rule, no compiled product, only the words.
  const UNKNOWN_VENDOR = '1.3.6.1.4.1.99999.1';

  it.each([
    ['Lenovo ThinkSystem NE1072T RackSwitch', 'switch'],
    ['EthernetProbe2 SP2403 071009', 'environment-sensor'],
    ['securityProbe 5ESV SEC-MX25V405n', 'environment-sensor'],
    ['ENVIROMUX-MICRO', 'environment-sensor'],
    ['Integrated Lights-Out 5 1.20 Feb 02 2018', 'server'],
    ['CANOPY 16.0.0.1 AP', 'access-point'],
    ['Alta AP6 2.2w', 'access-point'],
    ['RouterOS RB2011iL', 'router'],
    ['; AXIS P5676-LE; PTZ Camera; 11.10.61;', 'camera'],
    ['Broadworks Application Server', 'server'],
    ['FlexStor II Tape Library 2U', 'nas'],
  ])('%s → %s', async (descr, type) => {
    const id = await fromSystem(UNKNOWN_VENDOR, descr);
    expect(id.type).toBe(type);
    expect(id.evidence.find((e) => e.field === 'type')?.rule).toMatch(/^sysdescr:/);
  });

  it('takes the radio word, not a field name that holds "switch"', async () => {
    expect((await fromSystem(UNKNOWN_VENDOR, 'Prod: Integra-X;Vers: 3.19.6;radio: RAVRAV;eth_switch_fw: 6.5.18.1')).type).toBe('access-point');
  });

  it.each([
    // A syllable is not a class word ("Snap", "Mapper").
    'SnapGear Mapper 4.2',
    // A router or firewall named for the Wi-Fi built into it is no access point.
    'Acme TZ 205 wireless-N (AcmeOS 5.9.1)',
  ])('%s: no class from its words, only the agent prior', async (descr) => {
    const id = await fromSystem(UNKNOWN_VENDOR, descr);
    expect(id.evidence.filter((e) => e.field === 'type').map((e) => e.rule)).toEqual(['prior:vendor-agent']);
  });

  it('takes a radio\'s word for what it is over the bridge table every radio link keeps', async () => {
    const rows = ['1.3.6.1.2.1.1.1.0|4|Acme 16.0.0.1 AP', `1.3.6.1.2.1.1.2.0|6|${UNKNOWN_VENDOR}`, '1.3.6.1.2.1.17.1.4.1.2.1|2|1', '1.3.6.1.2.1.17.1.4.1.2.2|2|2'];
    const id = await identifyDevice(loadSnmprec(rows.join('\n'), 'radio'), {}, { quick: false });
    expect(id.type).toBe('access-point');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'type', value: 'switch', rule: 'bridge:port-table-no-processes' }));
  });
});

describe('model and firmware in shapes any vendor uses', () => {
  const UNKNOWN_VENDOR = '1.3.6.1.4.1.99999.1';
  it.each([
    ['PowerConnect 6248, 3.3.7.3, VxWorks 6.5', 'PowerConnect 6248', '3.3.7.3'],
    ['Dell Networking N2048P, 6.1.0.6, Linux 3.6.5-320b2282', 'Dell Networking N2048P', '6.1.0.6'],
    ['Prod: Integra-X;Vers: 3.19.6;Timestamp: 2021-01-22 12:37:36;kernel: 4.14.0', 'Integra-X', '3.19.6'],
    ['Hardware Model:UFI_S9500-30XS, Software version: OcNOS,6.4.1.32', 'UFI_S9500-30XS', '6.4.1.32'],
    ['CSS106-1G-4P-1S SwOS v2.18', 'CSS106-1G-4P-1S', '2.18'],
    ['ACME MP C2503 1.35 / ACME Network Printer C model / ACME Network Scanner C model', 'MP C2503', '1.35'],
    ['Metamako MOS release 0.16.5 (build mos-0.16+287) running on a MetaMux 48 with C-Series', 'MetaMux 48 with C-Series', '0.16.5'],
    ['Acme 360 Platform, C600HC, Release 6.3.900', 'C600HC', '6.3.900'],
    ['ACME AX2430 AX-2430-24TE-B [AX2430S-24T] Switching software Ver. 11.1.C [OS-L2]', 'AX2430S-24T', '11.1.C'],
    ['QSW-3500-24-AC Device, Compiled Feb 22 10:28:35 2011\n SoftWare Version QSW-3500-24-AC_6.0.220.41', 'QSW-3500-24-AC', '6.0.220.41'],
  ])('%s', async (descr, model, firmware) => {
    expect(await fromSystem(UNKNOWN_VENDOR, descr)).toMatchObject({ model, firmware });
  });

  it('prefers the model the sysDescr states in words over the product\'s MIB code name', async () => {
    // 674.10895.3011 is "dell6248Switch" in Dell's MIB; 368.1.1 is Axis's "nps", a branch, not a model.
    expect((await fromSystem('1.3.6.1.4.1.674.10895.3011', 'PowerConnect 6248, 3.3.7.3, VxWorks 6.5')).model).toBe('PowerConnect 6248');
    // With Axis's own rules off, as for a maker Forewarn has no rules for:
    const unseenAxis = (sysDescr: string) =>
      identifyDevice(null, { system: { sysDescr, sysObjectID: '1.3.6.1.4.1.368.1.1', sysName: 'cam', sysServices: null } }, { quick: true, withoutVendor: deviceVendorScope([368], [], ['Axis']) });
    expect((await unseenAxis('; AXIS P1435-LE; Network Camera; 9.80.69; May 13 2024 09:11; 70D; 1;')).model).toBe('AXIS P1435-LE');
    expect((await unseenAxis('Axis device')).model).toBeNull();
  });

  it('reads a port-count switch description\'s model only when it is a model code', async () => {
    expect((await fromSystem(UNKNOWN_VENDOR, 'MES2424B AC 28-port 1G/10G Managed Switch')).model).toBe('MES2424B AC');
    expect((await fromSystem(UNKNOWN_VENDOR, 'JetStream 24-Port Gigabit Smart Switch with 4 SFP Slots')).model).toBeNull();
  });

  it('takes no model from a comma list that does not start with one', async () => {
    expect((await fromSystem(UNKNOWN_VENDOR, 'Linux, 5.10.0, SMP')).model).toBeNull();
  });
});
