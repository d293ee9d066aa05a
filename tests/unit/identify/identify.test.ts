import { describe, expect, it } from 'vitest';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { APC_UPS, CISCO_STACK, PRINTER, SYNOLOGY, countingSource } from './fixtures';

describe('identifyDevice over SNMP (full mode)', () => {
  it('identifies a printer from Printer-MIB presence, hrDeviceDescr and prtGeneralSerialNumber', async () => {
    const id = await identifyDevice(countingSource(PRINTER), {}, { quick: false });
    expect(id).toMatchObject({ type: 'printer', model: 'Acme ColorJet 5000dn', serial: 'ACM123456' });
    expect(id.evidence).toContainEqual(
      expect.objectContaining({ field: 'type', value: 'printer', rule: 'mib:printer-mib', source: '1.3.6.1.2.1.43.5.1.1.16.1' }),
    );
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'serial', source: '1.3.6.1.2.1.43.5.1.1.17.1' }));
  });

  it('identifies an APC UPS: vendor MIB model and serial outweigh the sysDescr', async () => {
    const id = await identifyDevice(countingSource(APC_UPS), {}, { quick: false });
    expect(id).toMatchObject({ type: 'ups', vendor: 'APC', model: 'Smart-UPS X 750', serial: 'AS1234567890', firmware: 'v6.6.4' });
    const serials = id.evidence.filter((e) => e.field === 'serial').map((e) => e.rule);
    expect(serials).toEqual(expect.arrayContaining(['apc:upsAdvIdentSerialNumber', 'sysdescr:apc-nmc-serial']));
  });

  it('calls an agent with UPS-MIB\'s battery group a UPS even when it leaves the identity group out', async () => {
    const { loadSnmprec } = await import('../../../electron/engine/snmp/file-source');
    const card = ['1.3.6.1.2.1.1.1.0|4|Network card', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1', '1.3.6.1.2.1.33.1.2.1.0|2|2', '1.3.6.1.2.1.33.1.2.4.0|2|98'].join('\n');
    const id = await identifyDevice(loadSnmprec(card, 'ups'), {}, { quick: false });
    expect(id.type).toBe('ups');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'mib:ups-mib-battery' }));
  });

  it('calls a box with radio-link interfaces wireless gear, even with tunnels to its controller', async () => {
    const { loadSnmprec } = await import('../../../electron/engine/snmp/file-source');
    const radio = [
      '1.3.6.1.2.1.1.1.0|4|Link 3000',
      '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.2',
      '1.3.6.1.2.1.2.2.1.3.1|2|6',
      '1.3.6.1.2.1.2.2.1.3.2|2|188',
      '1.3.6.1.2.1.2.2.1.3.3|2|131',
    ].join('\n');
    const id = await identifyDevice(loadSnmprec(radio, 'radio'), {}, { quick: false });
    expect(id.type).toBe('access-point');
    expect(id.evidence.find((e) => e.field === 'type' && e.value === 'access-point')?.rule).toBe('iftype:radio-link');
  });

  it('calls a BGP speaker of which nothing else is known a router, and lets a maker\'s usual class (a firewall maker) outweigh it', async () => {
    const { loadSnmprec } = await import('../../../electron/engine/snmp/file-source');
    const speaker = (objectId: string) => loadSnmprec(['1.3.6.1.2.1.1.1.0|4|Acme 2026.05', `1.3.6.1.2.1.1.2.0|6|${objectId}`, '1.3.6.1.2.1.15.2.0|2|65000'].join('\n'), 'bgp');
    const router = await identifyDevice(speaker('1.3.6.1.4.1.99999.3'), {}, { quick: false });
    expect(router.type).toBe('router');
    expect(router.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'bgp:speaker', source: '1.3.6.1.2.1.15.2.0' }));
    const { deviceVendorScope } = await import('../../../electron/engine/identify/rule-owners');
    const fortinet = await identifyDevice(speaker('1.3.6.1.4.1.12356.101.1.99999'), {}, { quick: false, withoutVendor: deviceVendorScope([12356], [8072, 2021], ['Fortinet']) });
    expect(fortinet.type).toBe('firewall');
  });

  it('calls a bridge known only by its port table a switch, once, and not a host that runs processes', async () => {
    const { loadSnmprec } = await import('../../../electron/engine/snmp/file-source');
    const ports = ['1.3.6.1.2.1.17.1.4.1.2.1|2|10001', '1.3.6.1.2.1.17.1.4.1.2.2|2|10002'];
    const bridge = await identifyDevice(loadSnmprec(ports.join('\n'), 'bridge'), {}, { quick: false });
    expect(bridge.type).toBe('switch');
    expect(bridge.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'bridge:port-table-no-processes', source: '1.3.6.1.2.1.17.1.4.1.2.1' }));
    // With the port-count scalar the bridge is already counted by its own rule.
    const counted = await identifyDevice(loadSnmprec([...ports, '1.3.6.1.2.1.17.1.2.0|2|2'].join('\n'), 'counted'), {}, { quick: false });
    expect(counted.evidence.map((e) => e.rule)).not.toContain('bridge:port-table-no-processes');
    // A Linux host bridging its containers runs processes: no switch.
    const host = await identifyDevice(loadSnmprec([...ports, '1.3.6.1.2.1.25.4.2.1.2.1|4|systemd'].join('\n'), 'host'), {}, { quick: false });
    expect(host.evidence.map((e) => e.rule)).not.toContain('bridge:port-table-no-processes');
  });

  it('takes model, firmware and serial from the ENTITY-MIB chassis row with a model, not the empty stack row', async () => {
    const id = await identifyDevice(countingSource(CISCO_STACK), {}, { quick: false });
    expect(id).toMatchObject({ vendor: 'Cisco', type: 'switch', model: 'WS-C2960X-48FPD-L', serial: 'FOC1234X0AB', firmware: '15.2(7)E8' });
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'model', rule: 'entity:chassis-model', source: '1.3.6.1.2.1.47.1.1.1.1.13.1001' }));
  });

  it('recognises a Synology behind the generic net-snmp sysObjectID through its own MIB', async () => {
    const id = await identifyDevice(countingSource(SYNOLOGY), {}, { quick: false });
    expect(id).toMatchObject({ type: 'nas', vendor: 'Synology', model: 'DS920+', serial: '2080PDN123456' });
    expect(id.firmware).toContain('7.1.1-42962');
  });

  it('keeps reads bounded: few GETs, first rows in one batch, and every walk has a row bound', async () => {
    const src = countingSource(CISCO_STACK);
    await identifyDevice(src, {}, { quick: false });
    // Cisco's identity columns and classed-module probes: one batched first-row read, not a walk each.
    expect(src.firstRowReads).toHaveLength(1);
    expect(src.firstRowReads[0]!.length).toBeGreaterThan(1);
    expect(src.walks.length).toBeLessThanOrEqual(10);
    for (const w of src.walks) expect(w.options?.maxRows).toBeGreaterThan(0);
    expect(src.gets.length).toBeLessThanOrEqual(12);
    for (const g of src.gets) expect(g.length).toBeLessThanOrEqual(20);
  });
});

describe('identifyDevice in quick mode', () => {
  it('reads only the system group: no walks, one GET', async () => {
    const src = countingSource(APC_UPS);
    const id = await identifyDevice(src, {}, { quick: true });
    expect(src.walks).toEqual([]);
    expect(src.gets).toHaveLength(1);
    expect(src.gets[0]!.every((oid) => oid.startsWith('1.3.6.1.2.1.1.'))).toBe(true);
    // sysDescr alone still says UPS; the model is only the product object PowerNet-MIB assigns the
    // sysObjectID (the UPS's own model name needs the full mode).
    expect(id).toMatchObject({ type: 'ups', vendor: 'APC', model: 'smartUPS2' });
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'model', rule: 'mib-product', source: '1.3.6.1.2.1.1.2.0' }));
  });

  it('makes no SNMP read at all when discovery already has the system group', async () => {
    const src = countingSource(APC_UPS);
    const id = await identifyDevice(
      src,
      { system: { sysDescr: 'Cisco IOS Software, C2960X Software, Version 15.2(7)E8', sysObjectID: '1.3.6.1.4.1.9.1.1208', sysName: 'sw1', sysServices: 2 } },
      { quick: true },
    );
    expect(src.gets).toEqual([]);
    expect(id).toMatchObject({ vendor: 'Cisco', type: 'switch', firmware: '15.2(7)E8' });
  });
});

describe('identifyDevice without SNMP', () => {
  it('calls a host with 9100 open a printer, with the port as evidence, and names the OUI vendor', async () => {
    const id = await identifyDevice(null, { mac: '00:00:0c:01:02:03', openTcpPorts: [9100, 80] }, { quick: true });
    expect(id.type).toBe('printer');
    expect(id.vendor).toBe('Cisco');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'type', source: 'tcp:9100', rule: 'ports:jetdirect' }));
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'vendor', source: 'mac', rule: 'oui' }));
  });

  it('calls RDP + SMB a workstation, and a randomised MAC no vendor', async () => {
    const id = await identifyDevice(null, { mac: '5a:11:22:33:44:55', openTcpPorts: [3389, 445] }, { quick: false });
    expect(id.type).toBe('workstation');
    expect(id.vendor).toBe('randomised MAC');
  });

  it('stays unknown when nothing is known, with no evidence', async () => {
    const id = await identifyDevice(null, {}, { quick: false });
    expect(id).toEqual({ vendor: null, type: 'unknown', model: null, firmware: null, serial: null, hostname: null, evidence: [] });
  });

  it('names a host without SNMP by what it says of itself: mDNS before NetBIOS, UPnP maker and model, services and titles', async () => {
    const hints = {
      mdns: { name: 'Boardroom-TV', services: ['_airplay._tcp', '_raop._tcp'] },
      netbios: { name: 'BOARDROOMTV', workgroup: 'WORKGROUP' },
      ssdp: { friendlyName: '[TV] Boardroom', manufacturer: 'Samsung Electronics', modelName: 'QE55Q80T', modelNumber: null, serialNumber: null, deviceType: 'MediaRenderer' },
      web: null,
    };
    const tv = await identifyDevice(null, { mac: '00:00:5e:00:53:01', hints }, { quick: true });
    expect(tv).toMatchObject({ hostname: 'Boardroom-TV', vendor: 'Samsung Electronics', model: 'QE55Q80T', type: 'iot' });
    expect(tv.evidence).toContainEqual(expect.objectContaining({ field: 'hostname', rule: 'name:mdns', source: 'mdns' }));
    // DNS, when it has the host, names it first; a printer's IPP service and page title make it a printer.
    const printer = await identifyDevice(null, {
      hostname: 'prn-2.office.lan',
      hints: { mdns: { name: 'BRN3C2AF4', services: ['_ipp._tcp'] }, netbios: null, ssdp: null, web: { title: 'Brother MFC-L2750DW series', server: 'debut/1.30', certificateName: null, certificateOrganization: 'Brother Industries, Ltd.', url: 'https://10.0.0.9/' } },
    }, { quick: true });
    expect(printer).toMatchObject({ hostname: 'prn-2.office.lan', type: 'printer', vendor: 'Brother Industries, Ltd.' });
    // SNMP evidence outweighs a host's own words.
    const nas = await identifyDevice(countingSource(SYNOLOGY), { hints: { mdns: null, netbios: null, ssdp: null, web: { title: 'Router login', server: null, certificateName: null, certificateOrganization: null, url: 'http://x/' } } }, { quick: false });
    expect(nas.type).toBe('nas');
  });

  it('lets weak port evidence lose to SNMP evidence', async () => {
    const id = await identifyDevice(countingSource(SYNOLOGY), { openTcpPorts: [9100] }, { quick: false });
    expect(id.type).toBe('nas');
  });
});

describe('hostile device strings', () => {
  it('strips control characters and bounds length in identity fields and evidence', async () => {
    const evil = `1.3.6.1.2.1.1.1.0|4|Acme\u0001 <script>x</script> ${'A'.repeat(70000)}\n1.3.6.1.2.1.47.1.1.1.1.5.1|2|3\n1.3.6.1.2.1.47.1.1.1.1.13.1|4|SW-1\u001b[31m ${'B'.repeat(500)}`;
    const id = await identifyDevice(countingSource(evil), {}, { quick: false });
    expect(id.model).not.toBeNull();
    expect(id.model!.length).toBeLessThanOrEqual(128);
    for (const e of id.evidence) {
      expect([...e.value].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
      expect((e.observed ?? '').length).toBeLessThanOrEqual(200);
    }
  });
});

describe('common office sysDescr formats (quick mode)', () => {
  const cases: Array<[string, string, Record<string, string | null>]> = [
    ['HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012,CIDATE 05/28/2020', '1.3.6.1.4.1.11.2.3.9.1', { type: 'printer', vendor: 'HP' }],
    ['Brother NC-8300h, Firmware Ver.1.07  (14.07.03),MID 8C5-E41,FID 2', '1.3.6.1.4.1.2435.2.3.9.1', { type: 'printer', vendor: 'Brother', firmware: '1.07' }],
    ['Linux DiskStation 4.4.180+ #42962 SMP Sat Apr 8 00:10:11 CST 2023 x86_64', '1.3.6.1.4.1.8072.3.2.10', { type: 'nas', vendor: 'Synology' }],
    ['pfSense fw.example.lan 2.6.0-RELEASE FreeBSD 12.3-STABLE amd64', '1.3.6.1.4.1.12325.1.1.2.1.1', { type: 'firewall', firmware: '2.6.0-RELEASE' }],
    ['SonicWALL TZ 370 (SonicOS 7.0.1-5035)', '1.3.6.1.4.1.8741.1', { type: 'firewall', vendor: 'SonicWall', model: 'TZ 370', firmware: '7.0.1-5035' }],
    ['USW-24-PoE, 6.5.59.14777, Linux 3.6.5', '1.3.6.1.4.1.4413', { type: 'switch', vendor: 'Ubiquiti', model: 'USW-24-PoE', firmware: '6.5.59.14777' }],
    ['VMware ESXi 7.0.3 build-20328353 VMware, Inc. x86_64', '1.3.6.1.4.1.6876.4.1', { type: 'hypervisor', vendor: 'VMware', firmware: '7.0.3' }],
    ['Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)', '1.3.6.1.4.1.311.1.1.3.1.2', { type: 'server', vendor: 'Microsoft' }],
    ['RouterOS CCR1009-7G-1C-1S+', '1.3.6.1.4.1.14988.1', { type: 'router', vendor: 'MikroTik', model: 'CCR1009-7G-1C-1S+' }],
    ['Meraki MR33 Cloud Managed AP', '1.3.6.1.4.1.29671.2.109', { type: 'access-point', model: 'MR33' }],
  ];
  it.each(cases)('%s', async (sysDescr, sysObjectID, expected) => {
    const id = await identifyDevice(null, { system: { sysDescr, sysObjectID, sysName: null, sysServices: null } }, { quick: true });
    expect(id).toMatchObject(expected);
  });
});
