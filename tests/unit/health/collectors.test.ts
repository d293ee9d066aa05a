import { describe, expect, it } from 'vitest';
import { MapSource, text } from './map-source';
import { createContext } from '../../../electron/engine/health/table';
import { collectCpu, collectStorage, collectDeviceStatus } from '../../../electron/engine/health/host-resources';
import { collectInterfaces } from '../../../electron/engine/health/interfaces';
import { collectPrinterState, collectSupplies, decodePrinterErrorState, supplyPercent } from '../../../electron/engine/health/printer';
import { collectUps, parseUpsDate } from '../../../electron/engine/health/ups';
import { collectEntitySensors } from '../../../electron/engine/health/entity-sensor';
import { collectHealth, collectSensors } from '../../../electron/engine/health/collect';

const HR = '1.3.6.1.2.1.25.2.3.1';

describe('HOST-RESOURCES collector', () => {
  it('turns hrStorage rows into bytes and percent, skips CD-ROMs and caches', async () => {
    const src = new MapSource([
      [`${HR}.2.1`, 'oid', '1.3.6.1.2.1.25.2.1.2'], [`${HR}.3.1`, 'octets', text('Physical memory')], [`${HR}.4.1`, 'integer', 1024], [`${HR}.5.1`, 'integer', 1000], [`${HR}.6.1`, 'integer', 500],
      [`${HR}.2.2`, 'oid', '1.3.6.1.2.1.25.2.1.4'], [`${HR}.3.2`, 'octets', text('C:\\')], [`${HR}.4.2`, 'integer', 4096], [`${HR}.5.2`, 'integer', 100], [`${HR}.6.2`, 'integer', 97],
      [`${HR}.2.3`, 'oid', '1.3.6.1.2.1.25.2.1.7'], [`${HR}.3.3`, 'octets', text('D:\\ CD')], [`${HR}.4.3`, 'integer', 2048], [`${HR}.5.3`, 'integer', 10], [`${HR}.6.3`, 'integer', 10],
      // Integer32 overflow on a big volume comes back negative.
      [`${HR}.2.4`, 'oid', '1.3.6.1.2.1.25.2.1.4'], [`${HR}.3.4`, 'octets', text('/data')], [`${HR}.4.4`, 'integer', 4096], [`${HR}.5.4`, 'integer', -2], [`${HR}.6.4`, 'integer', 1],
    ]);
    const { storage, memory } = await collectStorage(createContext(src));
    expect(storage.map((s) => s.name)).toEqual(['Physical memory', 'C:\\', '/data']);
    expect(storage[1]).toMatchObject({ kind: 'disk', sizeBytes: 409600, usedBytes: 397312, percent: 97 });
    expect(storage[2]!.sizeBytes).toBe((2 ** 32 - 2) * 4096);
    expect(memory).toMatchObject({ totalBytes: 1024000, percent: 50 });
    expect(storage[1]!.oids).toContain(`${HR}.6.2`);
  });

  it('averages hrProcessorLoad over cores', async () => {
    const src = new MapSource([['1.3.6.1.2.1.25.3.3.1.2.1', 'integer', 90], ['1.3.6.1.2.1.25.3.3.1.2.2', 'integer', 70]]);
    expect(await collectCpu(createContext(src))).toMatchObject({ loadPercent: 80, cores: 2 });
  });

  it('maps hrDeviceStatus down to critical and ignores network interfaces', async () => {
    const src = new MapSource([
      ['1.3.6.1.2.1.25.3.2.1.2.1', 'oid', '1.3.6.1.2.1.25.3.1.6'], ['1.3.6.1.2.1.25.3.2.1.3.1', 'octets', text('SATA disk')], ['1.3.6.1.2.1.25.3.2.1.5.1', 'integer', 5],
      ['1.3.6.1.2.1.25.3.2.1.2.2', 'oid', '1.3.6.1.2.1.25.3.1.4'], ['1.3.6.1.2.1.25.3.2.1.3.2', 'octets', text('sit0')], ['1.3.6.1.2.1.25.3.2.1.5.2', 'integer', 5],
    ]);
    const sensors = await collectDeviceStatus(createContext(src));
    expect(sensors).toHaveLength(1);
    expect(sensors[0]).toMatchObject({ component: 'disk', status: 'critical', stateText: 'down' });
  });
});

describe('IF-MIB collector', () => {
  const IF = '1.3.6.1.2.1.2.2.1';
  const fixture = () => new MapSource([
    ['1.3.6.1.2.1.1.3.0', 'timeticks', 1_000_000],
    [`${IF}.2.5`, 'octets', text('Gi0/5')], [`${IF}.3.5`, 'integer', 6], [`${IF}.5.5`, 'gauge32', 100_000_000],
    [`${IF}.7.5`, 'integer', 1], [`${IF}.8.5`, 'integer', 1], [`${IF}.9.5`, 'timeticks', 900_000],
    [`${IF}.14.5`, 'counter32', 100], [`${IF}.20.5`, 'counter32', 0], [`${IF}.13.5`, 'counter32', 0], [`${IF}.19.5`, 'counter32', 0],
    ['1.3.6.1.2.1.31.1.1.1.1.5', 'octets', text('Gi0/5')], ['1.3.6.1.2.1.31.1.1.1.15.5', 'gauge32', 100],
    ['1.3.6.1.2.1.10.7.2.1.3.5', 'counter32', 4294967290], ['1.3.6.1.2.1.10.7.2.1.19.5', 'integer', 2],
  ]);

  it('reads speed, duplex and last change with one sample and no rates', async () => {
    const [i] = await collectInterfaces(createContext(fixture()));
    expect(i).toMatchObject({ ifIndex: 5, name: 'Gi0/5', speedMbps: 100, duplex: 'half', operStatus: 'up', lastChangeSeconds: 1000, rates: null });
  });

  it('computes per-second rates from two samples, across a Counter32 wrap', async () => {
    const src = fixture();
    const ctx = createContext(src);
    // Bump the counters between the samples by intercepting the second counter walk.
    const walk = src.walk.bind(src);
    let counterWalks = 0;
    src.walk = async (root, o) => {
      if (root === `${IF}.14`) counterWalks++;
      if (root === `${IF}.14` && counterWalks === 2) {
        src.set(`${IF}.14.5`, 150);
        src.set('1.3.6.1.2.1.10.7.2.1.3.5', 20); // wrapped: +26
      }
      return walk(root, o);
    };
    const [i] = await collectInterfaces(ctx, { sampleIntervalMs: 200 });
    expect(i!.sampleIntervalSeconds).toBeGreaterThanOrEqual(0.19);
    expect(i!.rates!.inErrors! * i!.sampleIntervalSeconds!).toBeCloseTo(50, 0);
    expect(i!.rates!.fcsErrors! * i!.sampleIntervalSeconds!).toBeCloseTo(26, 0);
    expect(i!.counters.inErrors).toBe(150);
  });
});

describe('Printer-MIB collector', () => {
  it('handles the special supply levels', () => {
    expect(supplyPercent(5340, 6000).percent).toBe(89);
    expect(supplyPercent(-3, 100)).toEqual({ percent: null, someRemaining: true });
    expect(supplyPercent(-2, 100).percent).toBeNull();
    expect(supplyPercent(-1, 100).percent).toBeNull();
    expect(supplyPercent(9, -2).percent).toBe(9); // unknown capacity: level is a percentage
    expect(supplyPercent(-100, 100).percent).toBe(0);
  });

  it('reads supplies with colourants and kinds', async () => {
    const S = '1.3.6.1.2.1.43.11.1.1';
    const src = new MapSource([
      [`${S}.3.1.1`, 'integer', 1], [`${S}.5.1.1`, 'integer', 3], [`${S}.6.1.1`, 'octets', text('Toner Cartridge')], [`${S}.8.1.1`, 'integer', 2000], [`${S}.9.1.1`, 'integer', 60],
      [`${S}.5.1.2`, 'integer', 9], [`${S}.6.1.2`, 'octets', text('Imaging Drum')], [`${S}.8.1.2`, 'integer', 100], [`${S}.9.1.2`, 'integer', -3],
      ['1.3.6.1.2.1.43.12.1.1.4.1.1', 'octets', text('black')],
    ]);
    const supplies = await collectSupplies(createContext(src));
    expect(supplies[0]).toMatchObject({ kind: 'toner', colour: 'black', percent: 3, level: 60, capacity: 2000 });
    expect(supplies[1]).toMatchObject({ kind: 'drum', percent: null, someRemaining: true });
  });

  it('decodes hrPrinterDetectedErrorState bits (bit 0 = MSB) and prtAlert codes', async () => {
    expect(decodePrinterErrorState(new Uint8Array([0b00000100, 0]))).toEqual(['jammed']);
    expect(decodePrinterErrorState(new Uint8Array([0b00011000, 0b10000000]))).toEqual(['noToner', 'doorOpen', 'inputTrayMissing']);
    const src = new MapSource([
      ['1.3.6.1.2.1.25.3.5.1.2.1', 'octets', new Uint8Array([0x04, 0x00])],
      ['1.3.6.1.2.1.43.10.2.1.4.1.1', 'counter32', 12345],
      ['1.3.6.1.2.1.43.18.1.1.2.1.7', 'integer', 3], ['1.3.6.1.2.1.43.18.1.1.4.1.7', 'integer', 13], ['1.3.6.1.2.1.43.18.1.1.7.1.7', 'integer', 8],
      ['1.3.6.1.2.1.43.18.1.1.8.1.7', 'octets', text('Paper jam in tray 2')],
    ]);
    const state = await collectPrinterState(createContext(src));
    expect(state).toMatchObject({ pageCount: 12345, errorStates: ['jammed'] });
    expect(state!.alerts[0]).toMatchObject({ severity: 'critical', code: 8, codeName: 'jam', description: 'Paper jam in tray 2' });
  });
});

describe('UPS collector', () => {
  it('prefers APC high-precision objects and decodes the replace indicator and dates', async () => {
    const A = '1.3.6.1.4.1.318.1.1.1';
    const src = new MapSource([
      [`${A}.2.1.1.0`, 'integer', 2], [`${A}.2.1.3.0`, 'octets', text('03/15/21')], [`${A}.2.2.1.0`, 'gauge32', 99],
      [`${A}.2.3.1.0`, 'gauge32', 987], [`${A}.2.2.3.0`, 'timeticks', 152_200], [`${A}.2.2.4.0`, 'integer', 2],
      [`${A}.4.1.1.0`, 'integer', 3], [`${A}.4.2.3.0`, 'gauge32', 35], [`${A}.7.2.3.0`, 'integer', 2],
      ['1.3.6.1.2.1.33.1.2.4.0', 'integer', 50],
    ]);
    const ups = await collectUps(createContext(src));
    expect(ups).toMatchObject({
      batteryStatus: 'normal', chargePercent: 98.7, runtimeMinutes: 25.37, replaceIndicator: true, lastReplacedDate: '2021-03-15',
      outputStatus: 'battery', onBattery: true, loadPercent: 35, selfTestResult: 'failed',
    });
    expect(ups!.oids.chargePercent).toBe(`${A}.2.3.1.0`);
  });

  it('falls back to RFC 1628 and returns null for a non-UPS', async () => {
    const src = new MapSource([['1.3.6.1.2.1.33.1.2.1.0', 'integer', 3], ['1.3.6.1.2.1.33.1.2.3.0', 'integer', 4], ['1.3.6.1.2.1.33.1.4.1.0', 'integer', 4]]);
    expect(await collectUps(createContext(src))).toMatchObject({ batteryStatus: 'low', runtimeMinutes: 4, outputStatus: 'bypass', onBattery: false });
    expect(await collectUps(createContext(new MapSource([['1.3.6.1.2.1.1.1.0', 'octets', text('switch')]])))).toBeNull();
  });

  it('parses the UPS date formats without guessing', () => {
    expect(parseUpsDate('2020-11-02')).toBe('2020-11-02');
    expect(parseUpsDate('11/02/2020')).toBe('2020-11-02');
    expect(parseUpsDate('13/40/20')).toBeNull();
    expect(parseUpsDate('unknown')).toBeNull();
  });
});

describe('sensor collectors', () => {
  it('applies ENTITY-SENSOR scale and precision and skips nonoperational sensors', async () => {
    const E = '1.3.6.1.2.1.99.1.1.1';
    const src = new MapSource([
      [`${E}.1.10`, 'integer', 8], [`${E}.2.10`, 'integer', 9], [`${E}.3.10`, 'integer', 1], [`${E}.4.10`, 'integer', 415], [`${E}.5.10`, 'integer', 1],
      [`${E}.1.11`, 'integer', 4], [`${E}.2.11`, 'integer', 8], [`${E}.3.11`, 'integer', 0], [`${E}.4.11`, 'integer', 12040], [`${E}.5.11`, 'integer', 1],
      [`${E}.1.12`, 'integer', 8], [`${E}.2.12`, 'integer', 9], [`${E}.3.12`, 'integer', 0], [`${E}.4.12`, 'integer', 99], [`${E}.5.12`, 'integer', 3],
      ['1.3.6.1.2.1.47.1.1.1.1.7.10', 'octets', text('Inlet Temp')], ['1.3.6.1.2.1.47.1.1.1.1.7.11', 'octets', text('PSU1 12V')],
    ]);
    const s = await collectEntitySensors(createContext(src));
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({ kind: 'temperature', name: 'Inlet Temp', value: 41.5, unit: '°C' });
    expect(s[1]).toMatchObject({ kind: 'voltage', value: 12.04, component: 'psu' });
  });

  it('reads Synology RAID, disk state and disk temperature from the declarative tables', async () => {
    const src = new MapSource([
      ['1.3.6.1.4.1.6574.3.1.1.2.0', 'octets', text('Volume 1')], ['1.3.6.1.4.1.6574.3.1.1.3.0', 'integer', 11],
      ['1.3.6.1.4.1.6574.2.1.1.2.0', 'octets', text('Disk 1')], ['1.3.6.1.4.1.6574.2.1.1.5.0', 'integer', 1], ['1.3.6.1.4.1.6574.2.1.1.6.0', 'integer', 58],
      ['1.3.6.1.4.1.2021.13.16.2.1.2.1', 'octets', text('Core 0')], ['1.3.6.1.4.1.2021.13.16.2.1.3.1', 'gauge32', 47500],
    ]);
    const s = await collectSensors(createContext(src));
    expect(s.find((x) => x.component === 'raid')).toMatchObject({ name: 'Volume 1', status: 'critical', stateText: 'Degrade' });
    expect(s.find((x) => x.kind === 'temperature' && x.component === 'disk')).toMatchObject({ name: 'Disk 1', value: 58 });
    expect(s.find((x) => x.source === 'lm-sensors')).toMatchObject({ value: 47.5, name: 'Core 0' });
  });

  it('collectHealth keeps going when one collector fails, and reports the error', async () => {
    const src = new MapSource([['1.3.6.1.2.1.25.3.3.1.2.1', 'integer', 10]]);
    const walk = src.walk.bind(src);
    src.walk = async (root, o) => {
      if (root.startsWith('1.3.6.1.2.1.43.11')) throw new Error('agent garbage');
      return walk(root, o);
    };
    const h = await collectHealth(src, {});
    expect(h.cpu).toMatchObject({ loadPercent: 10 });
    expect(h.supplies).toEqual([]);
    expect(h.errors.some((e) => e.code === 'snmp-walk-failed')).toBe(true);
  });

  it('bounds walks with maxRows and reports truncation', async () => {
    const rows: Array<[string, 'integer', number]> = Array.from({ length: 50 }, (_, i) => [`1.3.6.1.2.1.25.3.3.1.2.${i + 1}`, 'integer', 5]);
    const h = await collectHealth(new MapSource(rows), { maxRows: 10 });
    expect(h.cpu!.cores).toBe(10);
    expect(h.errors.some((e) => e.code === 'walk-truncated')).toBe(true);
  });
});

describe('declarative sensor definitions', () => {
  it('filters rows by a unit column, converts °F and scales', async () => {
    const { readSensorDef } = await import('../../../electron/engine/health/sensor-table-engine');
    const T = '1.3.6.1.4.1.99999.1';
    const src = new MapSource([
      [`${T}.2.1`, 'octets', text('Room Temperature')], [`${T}.3.1`, 'integer', 209], [`${T}.4.1`, 'octets', text('C')],
      [`${T}.2.2`, 'octets', text('Room Temperature')], [`${T}.3.2`, 'integer', 696], [`${T}.4.2`, 'octets', text('F')],
      [`${T}.2.3`, 'octets', text('CPU Temperature')], [`${T}.3.3`, 'integer', 612], [`${T}.4.3`, 'octets', text('C')],
    ]);
    const ctx = createContext(src);
    const celsius = await readSensorDef(ctx, { source: 't', kind: 'temperature', component: 'temperature', unit: '°C', value: `${T}.3`, name: `${T}.2`, scale: 0.1, filter: { column: `${T}.4`, matches: /^C$/ } });
    expect(celsius.map((s) => [s.name, s.value, s.component])).toEqual([['Room Temperature', 20.9, 'temperature'], ['CPU Temperature', 61.2, 'cpu']]);
    const fahrenheit = await readSensorDef(ctx, { source: 't', kind: 'temperature', component: 'temperature', unit: '°C', value: `${T}.3`, scale: 0.1, fahrenheit: true, filter: { column: `${T}.4`, matches: /^F$/ } });
    expect(fahrenheit[0]!.value).toBeCloseTo(20.89, 1);
  });
});

describe('a compiled temperature whose MIB never says its unit', () => {
  const T = '1.3.6.1.4.1.99999.7';
  const def = { source: 'mib:X', kind: 'temperature', component: 'temperature', unit: '°C', value: `${T}.3`, range: [-30, 130], unstatedScale: true, compiled: true } as const;

  it('is read as tenths when only tenths make sense of its readings', async () => {
    const { readSensorDef } = await import('../../../electron/engine/health/sensor-table-engine');
    const src = new MapSource([[`${T}.3.1`, 'integer', 444], [`${T}.3.2`, 'integer', 251]]);
    expect((await readSensorDef(createContext(src), { ...def, range: [-30, 130] })).map((s) => s.value)).toEqual([44.4, 25.1]);
  });

  it('stays in whole degrees when they make sense, and a stated scale is never second-guessed', async () => {
    const { readSensorDef } = await import('../../../electron/engine/health/sensor-table-engine');
    const plausible = new MapSource([[`${T}.3.1`, 'integer', 44], [`${T}.3.2`, 'integer', 25]]);
    expect((await readSensorDef(createContext(plausible), { ...def, range: [-30, 130] })).map((s) => s.value)).toEqual([44, 25]);
    // A "no sensor" code below the range is not a reason to read the real sensor as tenths.
    const withCode = new MapSource([[`${T}.3.1`, 'integer', 21], [`${T}.3.2`, 'integer', -100]]);
    expect((await readSensorDef(createContext(withCode), { ...def, range: [-30, 130] })).map((s) => s.value)).toEqual([21]);
    const stated = new MapSource([[`${T}.3.1`, 'integer', 444]]);
    expect(await readSensorDef(createContext(stated), { ...def, range: [-30, 130], unstatedScale: false })).toEqual([]);
  });
});

describe('a dead agent', () => {
  it('is given up on after three failed requests in a row, not asked for every table', async () => {
    let calls = 0;
    const dead = {
      label: 'dead',
      get: async () => { calls++; throw new Error('timeout'); },
      walk: async () => { calls++; throw new Error('timeout'); },
    };
    const h = await collectHealth(dead, {});
    expect(calls).toBe(3);
    expect(h.errors.filter((e) => e.code === 'health-gave-up')).toHaveLength(1);
    expect(h.sensors).toEqual([]);
  });
});

describe('a silent agent (walk timeouts reported, not thrown)', () => {
  it('is given up on too, while an agent that answers keeps being read', async () => {
    let requests = 0;
    const silent = {
      label: 'silent',
      // Like the live source: a GET that times out throws, a walk reports it.
      get: async () => { requests++; throw new Error('timeout'); },
      walk: async () => { requests++; return { rows: [], truncated: false, error: { code: 'snmp-timeout', message: 'no answer' } }; },
    };
    const h = await collectHealth(silent, {});
    expect(requests).toBe(3);
    expect(h.errors.some((e) => e.code === 'health-gave-up')).toBe(true);
    const empty = new MapSource([['1.3.6.1.2.1.1.1.0', 'octets', text('quiet but alive')]]);
    await collectHealth(empty, {});
    expect(empty.walks).toBeGreaterThan(50);
  });
});
