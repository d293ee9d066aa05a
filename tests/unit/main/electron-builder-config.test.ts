import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

// Compiling the 6000-line schema is the slow part: do it once.
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

type TargetEntry = string | { target: string };
const targetsOf = (platform: string) =>
  ((config[platform] as { target: TargetEntry[] }).target ?? []).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a broken config', () => {
    expect(validate({ ...config, win: { target: 'nsis', notAnOption: true } })).toBe(false);
    expect(validate({ ...config, asarUnpack: 42 })).toBe(false);
  });

  it('builds the required installers: NSIS + portable, dmg, AppImage + deb', () => {
    expect(targetsOf('win')).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(targetsOf('mac')).toEqual(expect.arrayContaining(['dmg']));
    expect(targetsOf('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('has the icon electron-builder derives every platform\'s from: a 1024 px PNG in buildResources', () => {
    const png = readFileSync(new URL(`../../../${(config.directories as { buildResources: string }).buildResources}/icon.png`, import.meta.url));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('registers .forewarn files with the OS, so a double-click opens them in Forewarn', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'forewarn', name: 'Forewarn assessment', role: 'Editor' })]);
  });

  it('ships the built app under the name Forewarn and publishes nowhere itself', () => {
    expect(config.productName).toBe('Forewarn');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'dist-electron/**/*', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['resources/fonts/**']));
    // Screenshots and samples are the repository's, not the app's.
    expect(config.files).not.toEqual(expect.arrayContaining(['resources/**/*']));
    // A generic feed: update files are written for the MSP's own server, never uploaded anywhere.
    expect(config.publish).toMatchObject({ provider: 'generic' });
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.js');
  });
});
