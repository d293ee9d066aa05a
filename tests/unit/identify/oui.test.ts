import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLocallyAdministered, lookupOui, macHex12, shortVendorName } from '../../../electron/engine/identify/oui';
import { findLine } from '../../../electron/engine/knowledge/sorted-lines';
import compiled from '../../../resources/knowledge/oui.json';

describe('OUI lookup', () => {
  it('names the vendor of a registered OUI, normalised to the short name', async () => {
    const r = await lookupOui('00:00:0c:12:34:56');
    expect(r).toMatchObject({ kind: 'vendor', vendor: 'Cisco', oui: '00000C' });
  });

  it('names the holder of a small IEEE block (MA-S, MA-M), not the registration authority that holds the MA-L around it', async () => {
    expect(await lookupOui('70:b3:d5:00:1a:bc')).toMatchObject({ kind: 'vendor', oui: '70B3D5001', registrant: 'SOREDI touch systems GmbH' });
    expect(await lookupOui('10:06:48:0a:bc:de')).toMatchObject({ kind: 'vendor', oui: '1006480', registrant: 'FLEXTRONICS TECHNOLOGIES (INDIA) PVT LTD' });
    // A part of such a block that nobody holds yet names no vendor.
    expect(await lookupOui('10:06:48:f0:00:01')).toEqual({ kind: 'unknown', oui: '100648' });
  });

  it('accepts dash, dot and unpadded notations', () => {
    expect(macHex12('00-1B-2C-3D-4E-5F')).toBe('001B2C3D4E5F');
    expect(macHex12('001b.2c3d.4e5f')).toBe('001B2C3D4E5F');
    expect(macHex12('0:1b:2c:3:4e:5f')).toBe('001B2C034E5F');
    expect(macHex12('not a mac')).toBeNull();
  });

  it('reports a locally administered (randomised) MAC instead of a vendor', async () => {
    expect(isLocallyAdministered('DAA119000000')).toBe(true);
    expect(isLocallyAdministered('00000C000000')).toBe(false);
    expect(await lookupOui('da:a1:19:00:00:01')).toEqual({ kind: 'randomised', oui: 'DAA119' });
  });

  it('says unknown for an unregistered OUI and invalid for garbage', async () => {
    expect((await lookupOui('0c:ff:ff:00:00:01')).kind).toMatch(/unknown|vendor/);
    expect(await lookupOui('zz')).toEqual({ kind: 'invalid' });
  });

  it('normalises registrant names through the table, else strips company suffixes', () => {
    expect(shortVendorName('Cisco Systems, Inc\n170 WEST TASMAN DRIVE')).toBe('Cisco');
    expect(shortVendorName('Hewlett Packard\n11445 Compaq Center Drive')).toBe('HP');
    expect(shortVendorName('Hewlett Packard Enterprise\nHouston')).toBe('HPE');
    expect(shortVendorName('Shenzhen Foo Technology Co., Ltd.\nShenzhen')).toBe('Shenzhen Foo Technology');
  });

  it('reads the registry compiled from the installed oui-data, block for block (run tools/knowledge/compile-oui.ts after updating it)', () => {
    const path = createRequire(import.meta.url).resolve('oui-data');
    const installed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    const { version } = JSON.parse(readFileSync(join(dirname(path), 'package.json'), 'utf8')) as { version: string };
    expect(compiled.version).toBe(version);
    expect(compiled.count).toBe(Object.keys(installed).length);
    const disagreeing = Object.entries(installed).filter(([prefix, entry]) => findLine(compiled.registrants, prefix)?.[0] !== entry.split(/\r?\n/)[0]!.trim());
    expect(disagreeing.slice(0, 5)).toEqual([]);
  });
});
