import { describe, expect, it } from 'vitest';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { PRODUCT_TABLES, familyOf } from '../../../electron/engine/identify/rules/product-tables';
import { CISCO_STACK, countingSource } from './fixtures';

const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';

/** Identify from the system group alone, as discovery hands it over. */
function quick(sysObjectID: string, sysDescr = 'Cisco IOS Software, Version 15.0(2)SE11') {
  return identifyDevice(null, { system: { sysDescr, sysObjectID, sysName: 'dev', sysServices: null } }, { quick: true });
}

describe('sysObjectID product tables', () => {
  it('names an IOS switch from CISCO-PRODUCTS-MIB in quick mode, with the MIB object as evidence', async () => {
    const id = await quick('1.3.6.1.4.1.9.1.516');
    expect(id).toMatchObject({ vendor: 'Cisco', type: 'switch', model: 'catalyst37xxStack' });
    expect(id.evidence).toContainEqual(
      expect.objectContaining({
        field: 'model',
        value: 'catalyst37xxStack',
        rule: 'sysobjectid-product:CISCO-PRODUCTS-MIB::catalyst37xxStack',
        source: SYS_OBJECT_ID,
        observed: '1.3.6.1.4.1.9.1.516',
      }),
    );
  });

  it.each([
    ['1.3.6.1.4.1.9.1.2114', 'ciscoASA5506', 'firewall'],
    ['1.3.6.1.4.1.9.1.1069', 'cisco5500Wlc', 'wireless-controller'],
    ['1.3.6.1.4.1.9.1.2068', 'ciscoISR4331', 'router'],
    ['1.3.6.1.4.1.9.1.1659', 'ciscoAIRAP2602', 'access-point'],
    ['1.3.6.1.4.1.9.1.2436', 'ciscoCat930024P', 'switch'],
    ['1.3.6.1.4.1.9.1.2492', 'ciscoUCSC220M5', 'server'],
  ])('%s is %s, a %s', async (sysObjectID, model, type) => {
    const id = await quick(sysObjectID, 'Cisco device');
    expect(id).toMatchObject({ model, type });
  });

  it('names Junos platforms from JUNIPER-CHASSIS-DEFINES-MIB without the jnxProductName prefix', async () => {
    const ex = await quick('1.3.6.1.4.1.2636.1.1.1.2.63', 'Juniper device');
    expect(ex).toMatchObject({ vendor: 'Juniper', model: 'EX4300', type: 'switch' });
    expect(ex.evidence).toContainEqual(expect.objectContaining({ field: 'model', rule: 'sysobjectid-product:JUNIPER-CHASSIS-DEFINES-MIB::jnxProductNameEX4300' }));
    expect(await quick('1.3.6.1.4.1.2636.1.1.1.2.135', 'Juniper device')).toMatchObject({ model: 'SRX340', type: 'firewall' });
    expect(await quick('1.3.6.1.4.1.2636.1.1.1.2.144', 'Juniper device')).toMatchObject({ model: 'JNP204', type: 'router' });
  });

  it('matches whole OID arcs only: an unlisted product gets no model', async () => {
    // 9.1.516 is in the table; 9.1.5160 is not. A plain string-prefix match would wrongly name it after 9.1.516.
    expect((await quick('1.3.6.1.4.1.9.1.516')).model).not.toBeNull();
    expect((await quick('1.3.6.1.4.1.9.1.5160')).model).toBeNull();
    expect((await quick('1.3.6.1.4.1.9.1.99999')).model).toBeNull();
  });

  it('yields to the ENTITY-MIB chassis model when the agent has one', async () => {
    // CISCO_STACK answers sysObjectID 9.1.1208 (cat29xxStack) and a chassis row WS-C2960X-48FPD-L.
    const id = await identifyDevice(countingSource(CISCO_STACK), {}, { quick: false });
    expect(id.model).toBe('WS-C2960X-48FPD-L');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'model', value: 'cat29xxStack' }));
  });

  it('gives every product in every table a device class', () => {
    for (const table of PRODUCT_TABLES) {
      const unclassified = Object.values(table.products).filter((name) => familyOf(table, name) === null);
      expect(unclassified, table.mib).toEqual([]);
    }
  });
});
