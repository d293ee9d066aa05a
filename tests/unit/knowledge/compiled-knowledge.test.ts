import { beforeAll, describe, expect, it } from 'vitest';
import { enterpriseRegistry, ianaEnterpriseName, registrantNamedAtStart } from '../../../electron/engine/knowledge/enterprises';
import { knowledgeTables, loadKnowledge } from '../../../electron/engine/knowledge/load';
import { numberOrder, textOrder } from '../../../electron/engine/knowledge/sorted-lines';
import { productOf } from '../../../electron/engine/knowledge/products';
import { classOfRegisteredModules } from '../../../electron/engine/knowledge/identity-objects';
import { compiledSensorDefs } from '../../../electron/engine/knowledge/sensor-objects';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { deviceVendorScope } from '../../../electron/engine/identify/rule-owners';
import { collectHealth } from '../../../electron/engine/health/collect';
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';
import { typeText } from '../../../shared/assessment/type-certainty';

/** A MikroTik-like agent: its own MIB holds the serial, firmware and temperatures. */
const ROUTEROS = [
  '1.3.6.1.2.1.1.1.0|4|RouterOS RB5009UG+S+',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.14988.1',
  '1.3.6.1.4.1.14988.1.1.7.3.0|4|HF1234ABCD5',
  '1.3.6.1.4.1.14988.1.1.7.4.0|4|7.14.3',
  '1.3.6.1.4.1.14988.1.1.3.10.0|2|431',
].join('\n');

const MIKROTIK_SCOPE = deviceVendorScope([14988], [8072, 2021], ['MikroTik']);

describe('knowledge compiled from public sources', () => {
  beforeAll(() => loadKnowledge());

  it('names the registrant a sysDescr starts with, by whole name or brand, never a word of the trade', () => {
    expect(registrantNamedAtStart('Netopia Something')?.name).toBe('Netopia');
    expect(registrantNamedAtStart('Perle MCR-MGT')?.name).toBe('Perle Systems');
    expect(registrantNamedAtStart('Novell NetWare')?.name).toBe('Novell');
    for (const generic of ['Switch', 'Wireless Link', 'NET Agent II', 'Linux gw 5.10.0 #1 SMP', 'Hardware: x86 Family 6', '']) {
      expect(registrantNamedAtStart(generic), generic).toBeNull();
    }
  });

  it('a generic agent (net-snmp) does not hide the brand its sysDescr names; the sysObjectID\'s own registrant still wins', async () => {
    const alta = await identifyDevice(loadSnmprec(Buffer.from('1.3.6.1.2.1.1.1.0|4|Powercode BMU\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10\n'), 'a'), {}, { quick: true });
    expect(alta.vendor).toBe('Powercode');
    expect(alta.evidence.find((e) => e.field === 'vendor' && e.value === 'Powercode')?.rule).toBe('iana-named-in-sysdescr');
    const mikrotik = await identifyDevice(loadSnmprec(Buffer.from('1.3.6.1.2.1.1.1.0|4|Powercode BMU\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.14988.1\n'), 'm'), {}, { quick: true, withoutVendor: MIKROTIK_SCOPE });
    expect(mikrotik.vendor).toBe('MikroTik');
  });

  it('holds the whole IANA registry, with its date', () => {
    expect(enterpriseRegistry().count).toBeGreaterThan(60_000);
    expect(enterpriseRegistry().date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ianaEnterpriseName(14988)).toBe('MikroTik');
    expect(ianaEnterpriseName(2604)).toBe('Sophos');
    expect(ianaEnterpriseName(999_999_999)).toBeNull();
  });

  it('keeps each table in the order its lookups search it (binary search finds nothing in a table out of order)', () => {
    const { registry, products } = knowledgeTables();
    const tables = [
      { name: 'registry', text: registry.entries, order: numberOrder },
      { name: 'registrant names', text: registry.names, order: textOrder },
      { name: 'products', text: products.products, order: textOrder },
    ];
    for (const { name, text, order } of tables) {
      const keys = text.split('\n').map((line) => line.split('\t')[0]!);
      expect(keys.length, name).toBeGreaterThan(60_000);
      const outOfOrder = keys.findIndex((key, i) => i > 0 && order(keys[i - 1]!, key) >= 0);
      expect(outOfOrder, `${name}: line ${outOfOrder + 1}`).toBe(-1);
    }
    expect(registrantNamedAtStart('Juniper MX240')?.name).toBe('Juniper Networks'); // by brand, through the names table
  });

  it('names the product a sysObjectID is assigned in its vendor MIB', () => {
    expect(productOf('1.3.6.1.4.1.12356.101.1.624')?.name).toBe('fgt60D');
    expect(productOf('.1.3.6.1.4.1.9.1.1208')).toMatchObject({ type: 'switch' });
    expect(productOf('1.3.6.1.4.1.99999.77')).toBeNull();
  });

  it('turns compiled temperature objects into sensor definitions with their scale', () => {
    const def = compiledSensorDefs(14988).find((d) => d.value === '1.3.6.1.4.1.14988.1.1.3.10.0');
    expect(def).toMatchObject({ kind: 'temperature', scale: 0.1, scalar: true, compiled: true, source: 'mib:MIKROTIK-MIB' });
  });
});

describe('leave-vendor-out: a device read with its vendor hand-written rules off', () => {
  it('still gets vendor, serial and firmware from the compiled knowledge', async () => {
    const source = loadSnmprec(ROUTEROS, 'routeros');
    const normal = await identifyDevice(source, {}, { quick: false });
    expect(normal).toMatchObject({ vendor: 'MikroTik', type: 'router', serial: 'HF1234ABCD5' });
    const left = await identifyDevice(source, {}, { quick: false, withoutVendor: MIKROTIK_SCOPE });
    expect(left).toMatchObject({ vendor: 'MikroTik', serial: 'HF1234ABCD5', firmware: '7.14.3' });
    // The hand-written rules are really off: only compiled or generic rules gave evidence.
    expect(left.evidence.map((e) => e.rule)).not.toContain('mikrotik:mtxrSerialNumber');
    expect(left.evidence).toContainEqual(expect.objectContaining({ field: 'serial', rule: 'mib:MIKROTIK-MIB::mtxrSerialNumber' }));
    expect(left.evidence).toContainEqual(expect.objectContaining({ field: 'vendor', rule: 'iana-enterprise' }));
  });

  it('calls a carrier-Ethernet maker\'s silent box a network device, and says it is a guess', async () => {
    // Ciena's MIBs are about MPLS, CFM, LAG and optics, but no product of its says "switch" or "router".
    const source = loadSnmprec(['1.3.6.1.2.1.1.1.0|4|8700 10-slot Packetwave Platform', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.1271.1.2.8'].join('\n'), 'ciena');
    const left = await identifyDevice(source, {}, { quick: false, withoutVendor: deviceVendorScope([1271], [8072, 2021], ['Ciena']) });
    expect(left.type).toBe('network-device');
    const typeEvidence = left.evidence.find((e) => e.field === 'type' && e.value === 'network-device')!;
    expect(typeText({ type: left.type, identification: { evidence: [typeEvidence] } } as Parameters<typeof typeText>[0])).toBe('Network device (guess)');
    // A UPS maker's box is not one, whatever it leaves unsaid.
    const ups = loadSnmprec(['1.3.6.1.2.1.1.1.0|4|SC300 Controller', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.318.1.3.99'].join('\n'), 'ups');
    expect((await identifyDevice(ups, {}, { quick: false })).type).not.toBe('network-device');
  });

  it('reads an optical multiplexer\'s sysDescr as a network device, with no vendor knowledge at all', async () => {
    const source = loadSnmprec(['1.3.6.1.2.1.1.1.0|4|Lambdatrail-S - xWDM Multiplexer (SFP - SFP)', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.35616.5'].join('\n'), 'mux');
    const left = await identifyDevice(source, {}, { quick: false, withoutVendor: deviceVendorScope([35616], [8072, 2021], ['Deltanet']) });
    expect(left).toMatchObject({ type: 'network-device' });
    expect(left.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'sysdescr:generic-transport' }));
  });

  it('calls a box whose maker\'s own tree sits behind net-snmp that maker\'s usual class, or an appliance; a server agent\'s tree leaves it a server', async () => {
    const behindNetSnmp = (enterprise: number) =>
      loadSnmprec(['1.3.6.1.2.1.1.1.0|4|Linux box 4.19.0 #1 SMP x86_64', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10', `1.3.6.1.4.1.${enterprise}.1.1.0|2|1`].join('\n'), `e${enterprise}`);
    const typeOf = async (enterprise: number, vendor: string) =>
      identifyDevice(behindNetSnmp(enterprise), {}, { quick: false, withoutVendor: deviceVendorScope([8072, enterprise], [8072, 2021], [vendor]) });
    const appliance = await typeOf(50000, 'King Tsushin Kogyo');
    expect(appliance).toMatchObject({ type: 'iot', vendor: 'King Tsushin Kogyo' });
    expect(appliance.evidence).toContainEqual(expect.objectContaining({ field: 'type', value: 'iot', rule: 'served-tree-class' }));
    expect((await typeOf(2620, 'Check Point')).type).toBe('firewall');
    // Dell OpenManage on a Linux server: the tree is the server's hardware agent, not an appliance maker's.
    expect((await typeOf(674, 'Dell')).type).toBe('server');
  });

  it('calls an agent that serves a vendor module named for a class (LIEBERT-GP-PDU-MIB) that class, with the module as evidence', async () => {
    const rows = ['1.3.6.1.2.1.1.1.0|4|Acme GXT2-3000RT120', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.476.1.42', '1.3.6.1.4.1.476.1.42.3.8.20.1.5.1|2|230'];
    const left = await identifyDevice(loadSnmprec(rows.join('\n'), 'liebert'), {}, { quick: false, withoutVendor: deviceVendorScope([476], [8072, 2021], ['Liebert']) });
    expect(left.type).toBe('pdu');
    expect(left.evidence).toContainEqual(expect.objectContaining({ field: 'type', value: 'pdu', rule: 'mib-module:LIEBERT-GP-PDU-MIB', source: '1.3.6.1.4.1.476.1.42.3.8.20.1.5.1' }));
  });

  it('calls a box whose sysObjectID heads a classed module\'s tree that class, as a guess (a DRAC under DELL-RAC-MIB)', async () => {
    expect(classOfRegisteredModules('1.3.6.1.4.1.674.10892.2')).toBe('server');
    // A vendor's bare number, or one arc below it, heads too much to say anything.
    expect(classOfRegisteredModules('1.3.6.1.4.1.674')).toBeNull();
    expect(classOfRegisteredModules('1.3.6.1.4.1.674.10892')).toBeNull();
    const rows = ['1.3.6.1.2.1.1.1.0|4|Linux drac 2.6.23.1 #1 PREEMPT armv5tejl', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.674.10892.2'];
    const left = await identifyDevice(loadSnmprec(rows.join('\n'), 'drac'), {}, { quick: false, withoutVendor: deviceVendorScope([674], [8072, 2021], ['Dell']) });
    expect(left.evidence).toContainEqual(expect.objectContaining({ field: 'type', value: 'server', rule: 'mib-module-registration' }));
    expect(typeText({ type: left.type, identification: { evidence: left.evidence } })).toBe('Server (guess)');
  });

  it('calls an agent that serves its maker\'s switching and routing modules a (layer-3) switch', async () => {
    const rows = ['1.3.6.1.2.1.1.1.0|4|M4300-52G', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4526.100.99', '1.3.6.1.4.1.4526.10.2.2.1.0|2|1', '1.3.6.1.4.1.4526.11.1.1.0|2|1'];
    const left = await identifyDevice(loadSnmprec(rows.join('\n'), 'netgear'), {}, { quick: false, withoutVendor: deviceVendorScope([4526], [8072, 2021], ['Netgear']) });
    expect(left.type).toBe('switch');
    expect(left.evidence).toContainEqual(expect.objectContaining({ field: 'type', value: 'router', rule: 'mib-module:FASTPATH-ROUTING-MIB' }));
  });

  it('does not call a server running PowerChute a UPS for the APC tree its agent serves', async () => {
    const rows = ['1.3.6.1.2.1.1.1.0|4|Linux files01 5.15.0 #1 SMP x86_64', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10', '1.3.6.1.4.1.318.1.2.2.1.8.1.0|4|Smart-UPS 1500'];
    const host = await identifyDevice(loadSnmprec(rows.join('\n'), 'powerchute'), {}, { quick: false, withoutVendor: deviceVendorScope([8072, 318], [8072, 2021], ['APC']) });
    expect(host.type).toBe('server');
    expect(host.evidence.map((e) => e.rule)).not.toContain('mib-module:APCUPS-MIB');
  });

  it('reads the temperature through the compiled table, in °C', async () => {
    const health = await collectHealth(loadSnmprec(ROUTEROS, 'routeros'), { withoutVendor: MIKROTIK_SCOPE });
    expect(health.sensors).toContainEqual(expect.objectContaining({ kind: 'temperature', value: 43.1, source: 'mib:MIKROTIK-MIB' }));
  });
});

describe('a chassis sensor table read through its compiled MIB (HP-ICF-CHASSIS, ProCurve and Aruba switches)', () => {
  it('tells fans from power supplies by each row\'s name, and reads an empty slot as unknown, not failed', async () => {
    const rows = [
      '1.3.6.1.2.1.1.1.0|4|Acme 2910al-24G switch',
      '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.11.2.3.7.11.86',
      '1.3.6.1.4.1.11.2.14.11.1.2.6.1.4.1|2|4',
      '1.3.6.1.4.1.11.2.14.11.1.2.6.1.4.2|2|2',
      '1.3.6.1.4.1.11.2.14.11.1.2.6.1.4.3|2|5',
      '1.3.6.1.4.1.11.2.14.11.1.2.6.1.7.1|4|Fan Sensor',
      '1.3.6.1.4.1.11.2.14.11.1.2.6.1.7.2|4|Power Supply 1 Sensor',
      '1.3.6.1.4.1.11.2.14.11.1.2.6.1.7.3|4|RPS Power Supply Sensor',
    ];
    const health = await collectHealth(loadSnmprec(rows.join('\n'), 'procurve'), { withoutVendor: deviceVendorScope([11], [8072, 2021], ['HP']) });
    const states = health.sensors.filter((s) => s.source === 'mib:HP-ICF-CHASSIS');
    expect(states.map((s) => [s.name, s.component, s.status])).toEqual([
      ['Fan Sensor', 'fan', 'ok'],
      ['Power Supply 1 Sensor', 'psu', 'critical'],
      ['RPS Power Supply Sensor', 'psu', 'unknown'],
    ]);
  });
});

describe('compiled temperatures whose MIB leaves the reading\'s form open', () => {
  // The vendor's hand-written tables off, as for a family Forewarn was never shown.
  const read = async (rows: string[], enterprise: number) =>
    (await collectHealth(loadSnmprec(rows.join('\n'), 'sensor'), { withoutVendor: deviceVendorScope([enterprise], [8072, 2021], []) })).sensors.filter((s) => s.kind === 'temperature');

  it('reads a temperature given as text by its number (GRANDSTREAM-GWN gwnSystemTemper "47.38")', async () => {
    const temps = await read(['1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.42397', '1.3.6.1.4.1.42397.1.4.12.1.1.0|4|47.38'], 42397);
    expect(temps).toContainEqual(expect.objectContaining({ value: 47.38, source: 'mib:GRANDSTREAM-GWN-PRODUCTS-SWITCH-MIB' }));
  });

  it('reads a Celsius object with no stated step in hundredths only when whole degrees are impossible (Room Alert 2080 → 20.8 °C)', async () => {
    const oid = '1.3.6.1.4.1.20916.1.11.1.1.1.2.0'; // ROOMALERT32S-MIB internal-tempc: "Celsius", nothing on the step
    const hundredths = await read(['1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.20916', `${oid}|2|2080`], 20916);
    expect(hundredths).toContainEqual(expect.objectContaining({ value: 20.8, source: 'mib:ROOMALERT32S-MIB' }));
    const whole = await read(['1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.20916', `${oid}|2|21`], 20916);
    expect(whole).toContainEqual(expect.objectContaining({ value: 21, source: 'mib:ROOMALERT32S-MIB' }));
  });
});

describe('leave-vendor-out: a UPS read through its compiled PowerNet objects', () => {
  const POWERNET = [
    '1.3.6.1.2.1.1.1.0|4|APC Web/SNMP Management Card',
    '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.318.1.3.27',
    '1.3.6.1.4.1.318.1.1.1.2.2.1.0|66|97',
  ].join('\n');

  it('reads the battery charge with the hand-written APC family switched off', async () => {
    const scope = deviceVendorScope([318], [8072, 2021], ['APC']);
    const health = await collectHealth(loadSnmprec(POWERNET, 'apc'), { withoutVendor: scope });
    expect(health.ups).toMatchObject({ chargePercent: 97, oids: { chargePercent: '1.3.6.1.4.1.318.1.1.1.2.2.1.0' } });
  });
});

describe('vendor tables are asked only of agents that may have them', () => {
  it('does not walk a printer for Cisco, Dell or HPE sensor tables, but still reads net-snmp and standard MIBs', async () => {
    const printer = loadSnmprec(['1.3.6.1.2.1.1.1.0|4|Acme printer', '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1'].join('\n'), 'printer');
    const walked: string[] = [];
    const counting = {
      label: printer.label,
      get: (oids: readonly string[], signal?: AbortSignal) => printer.get(oids, signal),
      walk: (root: string, options?: Parameters<typeof printer.walk>[1]) => (walked.push(root), printer.walk(root, options)),
    };
    await collectHealth(counting, {});
    expect(walked.some((oid) => oid.startsWith('1.3.6.1.4.1.9.'))).toBe(false);
    expect(walked.some((oid) => oid.startsWith('1.3.6.1.4.1.674.'))).toBe(false);
    expect(walked.some((oid) => oid.startsWith('1.3.6.1.4.1.232.'))).toBe(false);
    expect(walked).toContain('1.3.6.1.4.1.2021.13.16.2.1.3'); // LM-SENSORS: any Linux box
    expect(walked.some((oid) => oid.startsWith('1.3.6.1.2.1.99.'))).toBe(true); // ENTITY-SENSOR-MIB
  });
});

describe('per-model MIB families (compiled from vendors that give each model its own MIB)', () => {
  /** A Zyxel switch model that no MIB collection holds: its serial sits where its siblings' MIBs put theirs. */
  const UNSEEN_MODEL = [
    '1.3.6.1.2.1.1.1.0|4|XS9999-48',
    '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.890.1.5.8.250',
    '1.3.6.1.4.1.890.1.5.8.250.1.10.0|4|S230Z12345678',
  ].join('\n');
  const ZYXEL_SCOPE = deviceVendorScope([890], [8072, 2021], ['Zyxel']);

  beforeAll(() => loadKnowledge());

  it('reads an unseen model\'s serial at its family\'s place below its sysObjectID', async () => {
    const identity = await identifyDevice(loadSnmprec(UNSEEN_MODEL, 'zyxel'), {}, { quick: false, withoutVendor: ZYXEL_SCOPE });
    expect(identity.serial).toBe('S230Z12345678');
    expect(identity.evidence).toContainEqual(expect.objectContaining({ field: 'serial', rule: expect.stringMatching(/^mib-family:ZYXEL-/), source: '1.3.6.1.4.1.890.1.5.8.250.1.10.0' }));
  });

  it('asks that place only of agents inside the family', async () => {
    const outside = loadSnmprec(UNSEEN_MODEL.replaceAll('890.1.5.8.250', '890.1.15.250'), 'zyxel-usg');
    const asked: string[] = [];
    const spy = { label: outside.label, walk: outside.walk.bind(outside), get: (oids: readonly string[], signal?: AbortSignal) => (asked.push(...oids), outside.get(oids, signal)) };
    const identity = await identifyDevice(spy, {}, { quick: false, withoutVendor: ZYXEL_SCOPE });
    expect(identity.serial).toBeNull();
    // Neither below its sysObjectID nor below its parent (the vendor's named objects are another matter).
    expect(asked).not.toContain('1.3.6.1.4.1.890.1.15.250.1.10.0');
    expect(asked).not.toContain('1.3.6.1.4.1.890.1.15.1.10.0');
  });
});
