/** Vendor-MIB value sources, ENTITY-MIB fallbacks and value parsing, on small hand-written agents. */
import { describe, expect, it } from 'vitest';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { countingSource } from './fixtures';

const E = '1.3.6.1.4.1';
const sys = (descr: string, objectId: string) => [`1.3.6.1.2.1.1.1.0|4|${descr}`, `1.3.6.1.2.1.1.2.0|6|${objectId}`];
const full = (lines: string[]) => identifyDevice(countingSource(lines.join('\n')), {}, { quick: false });

describe('vendor MIB sources', () => {
  it('reads an Accton-built switch from the switchInfoTable one arc above its sysObjectID', async () => {
    const id = await full([
      ...sys('ECS9999-52T', `${E}.259.10.1.77.101`),
      `${E}.259.10.1.77.1.1.3.1.6.1|4|1.2.3.4`,
      `${E}.259.10.1.77.1.1.3.1.10.1|4|ZZ0000000001`,
    ]);
    expect(id).toMatchObject({ firmware: '1.2.3.4', serial: 'ZZ0000000001' });
    expect(id.evidence).toContainEqual(
      expect.objectContaining({ field: 'serial', rule: 'accton:swSerialNumber', source: `${E}.259.10.1.77.1.1.3.1.10.1` }),
    );
  });

  it('does not read the parent-relative objects for other vendors', async () => {
    const src = countingSource([...sys('Acme box', `${E}.99999.1.2`)].join('\n'));
    await identifyDevice(src, {}, { quick: false });
    const asked = src.gets.flat();
    expect(asked.some((oid) => oid.startsWith(`${E}.99999.1.1.1.3.1`))).toBe(false);
  });

  it('splits an EndRun product string into model and firmware, outranking the Linux kernel version', async () => {
    const id = await full([
      ...sys('Linux ntp1 3.2.2-Acme #1 PREEMPT armv5tel', `${E}.8072.3.2.10`),
      `${E}.13827.14.1.16.0|4|MeridianII GPS 6010-0000-000 v 9.87 - Jan 01 00:00:00 2030`,
    ]);
    expect(id).toMatchObject({ model: 'MeridianII GPS 6010-0000-000', firmware: '9.87' });
  });

  it('takes the version number out of a UPS network card description', async () => {
    const id = await full([...sys('UPS card', `${E}.99998.1`), '1.3.6.1.2.1.33.1.1.4.0|4|Acme Net Card 7 v7.25 (SN 123)']);
    expect(id.firmware).toBe('7.25');
  });

  it('asks Eltex MES for the serial in its OEM tree and reads the model from the sysDescr', async () => {
    const id = await full([...sys('MES9999X AC 28-port 1G/10G Managed Switch', `${E}.35265.1.999`), `${E}.2076.81.1.120.0|4|EL0000000001`]);
    expect(id).toMatchObject({ vendor: 'Eltex', type: 'switch', model: 'MES9999X AC', serial: 'EL0000000001' });
  });
});

describe('ENTITY-MIB edge cases', () => {
  it('keeps the serial of an agent that fills only entPhysicalSerialNum', async () => {
    const id = await full([...sys('Acme Firewall OS', `${E}.99997.1`), '1.3.6.1.2.1.47.1.1.1.1.11.10|4|FX0000000001', '1.3.6.1.2.1.47.1.1.1.1.13.10|4|']);
    expect(id.serial).toBe('FX0000000001');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'serial', rule: 'entity:first-serial', source: '1.3.6.1.2.1.47.1.1.1.1.11.10' }));
  });

  it('drops the "Software Version" tail Comware appends to the chassis description', async () => {
    const id = await full([
      ...sys('HPE Comware Platform Software', `${E}.25506.11.1.999`),
      '1.3.6.1.2.1.47.1.1.1.1.2.2|4|HPE 9999X-48G Switch Software Version 7.1.070',
      '1.3.6.1.2.1.47.1.1.1.1.5.2|2|3',
    ]);
    expect(id.model).toBe('HPE 9999X-48G Switch');
  });

  it('prefers the VOSS sysDescr product name over the bare number in entPhysicalModelName', async () => {
    const id = await full([
      ...sys('VSP-9999C (9.1.2.3)', `${E}.2272.999`),
      '1.3.6.1.2.1.47.1.1.1.1.5.1|2|3',
      '1.3.6.1.2.1.47.1.1.1.1.13.1|4|9999C',
    ]);
    expect(id).toMatchObject({ model: 'VSP-9999C', firmware: '9.1.2.3', type: 'switch' });
  });

  it('keeps the ENTITY model when a VOSS-like sysDescr comes from another vendor', async () => {
    const id = await full([
      ...sys('VSP-9999C (9.1.2.3)', `${E}.99996.1`),
      '1.3.6.1.2.1.47.1.1.1.1.5.1|2|3',
      '1.3.6.1.2.1.47.1.1.1.1.13.1|4|ACME-9999C',
    ]);
    expect(id.model).toBe('ACME-9999C');
  });
});
