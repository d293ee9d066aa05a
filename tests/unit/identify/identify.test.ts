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

  it('keeps reads bounded: few GETs, and every walk has a row bound', async () => {
    const src = countingSource(CISCO_STACK);
    await identifyDevice(src, {}, { quick: false });
    expect(src.walks.length).toBeLessThanOrEqual(20);
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
    // sysDescr alone still says UPS; the PowerNet model needs the full mode.
    expect(id).toMatchObject({ type: 'ups', vendor: 'APC', model: null });
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
    expect(id).toEqual({ vendor: null, type: 'unknown', model: null, firmware: null, serial: null, evidence: [] });
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
