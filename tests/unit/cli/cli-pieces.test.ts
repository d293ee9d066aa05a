import { describe, expect, it } from 'vitest';
import { boundedInteger, credentialsFromFlags, parseV3User } from '../../../electron/cli/credentials-args';
import { SCAN_LIMIT_BOUNDS } from '../../../shared/settings';
import { renderDeviceTable, terminalSafe } from '../../../electron/cli/device-table';
import { createProgressBar, formatDuration } from '../../../electron/cli/progress-bar';
import { emptyDevice } from '../../../electron/engine/scan/device-registry';

describe('--v3 and --community flags', () => {
  it('parses a full authPriv user', () => {
    expect(parseV3User('ops:SHA:authpass1:AES:privpass1')).toEqual({
      user: 'ops',
      authProtocol: 'sha',
      authKey: 'authpass1',
      privProtocol: 'aes',
      privKey: 'privpass1',
    });
  });

  it('accepts authNoPriv and noAuthNoPriv forms', () => {
    expect(parseV3User('mon:sha256:longenough')).toMatchObject({ authProtocol: 'sha256', privProtocol: 'none' });
    expect(parseV3User('guest')).toMatchObject({ authProtocol: 'none', privProtocol: 'none' });
  });

  it('rejects bad specs with a message that names the problem but not the key', () => {
    expect(() => parseV3User('ops:rot13:authpass1:aes:privpass1')).toThrow(/unknown auth protocol "rot13"/);
    expect(() => parseV3User('ops:sha:short')).toThrow(/at least 8/);
    expect(() => parseV3User('ops:sha')).toThrow(/wrong number of fields/);
    try {
      parseV3User('ops:sha:authpass1:xyz:privpass1');
    } catch (error) {
      expect(String(error)).not.toContain('authpass1');
      expect(String(error)).not.toContain('privpass1');
    }
  });

  it('defaults to public only when no credential is given', () => {
    expect(credentialsFromFlags([], [])).toEqual({ communities: ['public'], v3Users: [] });
    expect(credentialsFromFlags(['a', 'a', 'b'], [])).toEqual({ communities: ['a', 'b'], v3Users: [] });
    expect(credentialsFromFlags([], ['guest']).communities).toEqual([]);
  });

  it('validates numeric flags against the bounds the settings schema states', () => {
    expect(boundedInteger('--timeout', undefined, 1000, SCAN_LIMIT_BOUNDS.timeoutMs)).toBe(1000);
    expect(boundedInteger('--timeout', '250', 1000, SCAN_LIMIT_BOUNDS.timeoutMs)).toBe(250);
    expect(() => boundedInteger('--timeout', 'fast', 1000, SCAN_LIMIT_BOUNDS.timeoutMs)).toThrow(/--timeout must be a whole number/);
    // The schema's own minimum (100 ms), which the flag used to let through as "any positive number".
    expect(() => boundedInteger('--timeout', '50', 1000, SCAN_LIMIT_BOUNDS.timeoutMs)).toThrow(/from 100 to 30,000/);
    expect(() => boundedInteger('--concurrency', '0', 1, SCAN_LIMIT_BOUNDS.concurrency)).toThrow(/from 1 to 1,024/);
    expect(SCAN_LIMIT_BOUNDS.interfaceSampleMs).toEqual({ min: 0, max: 600_000 });
  });
});

describe('device table', () => {
  it('neutralises control characters and escape sequences from device strings', () => {
    expect(terminalSafe('evil\x1b[2Jname\r\n\x07')).toBe('evil·[2Jname···');
    const device = { ...emptyDevice('10.0.0.2'), sysName: '\x1b]0;pwned\x07<script>' };
    const table = renderDeviceTable([device]);
    expect(table).not.toContain('\x1b');
    expect(table).toContain('<script>');
  });

  it('sorts nothing itself but lines columns up under their titles', () => {
    const a = { ...emptyDevice('10.0.0.10'), vendor: 'Cisco', type: 'router' as const, reachability: { icmp: { alive: true, rttMs: 1, lossPercent: 0 }, arp: true } };
    const [header, row] = renderDeviceTable([a]).trimEnd().split('\n');
    expect(header!.indexOf('VENDOR')).toBe(row!.indexOf('Cisco'));
    expect(row).toContain('icmp,arp');
  });
});

describe('progress bar', () => {
  it('formats durations', () => {
    expect(formatDuration(900)).toBe('1s');
    expect(formatDuration(125_000)).toBe('2m05s');
  });

  it('prints one line per phase when stderr is not a terminal', () => {
    const lines: string[] = [];
    const bar = createProgressBar({ out: () => undefined, err: (t) => lines.push(t), redraw: (t) => lines.push(`\r\x1b[2K${t}`), interactive: false });
    bar.onEvent({ type: 'phase', scanId: 's', phase: 'discovery', message: 'Sweeping 254 addresses' });
    bar.onEvent({ type: 'progress', scanId: 's', phase: 'discovery', done: 10, total: 254, etaMs: 1000 });
    bar.close();
    expect(lines).toEqual(['[discovery] Sweeping 254 addresses\n']);
  });

  it('redraws in place on a terminal', () => {
    const lines: string[] = [];
    const bar = createProgressBar({ out: () => undefined, err: (t) => lines.push(t), redraw: (t) => lines.push(`\r\x1b[2K${t}`), interactive: true });
    bar.onEvent({ type: 'progress', scanId: 's', phase: 'discovery', done: 127, total: 254, etaMs: 2000 });
    expect(lines.at(-1)).toBe(`\r\u001b[2Kdiscovery ${'█'.repeat(12)}${'░'.repeat(12)} 127/254  0 devices  ETA 2s`);
  });
});

describe('packet rate warning', () => {
  it('warns above 10,000 packets per second, and only then', async () => {
    const { packetRateWarning, HIGH_PACKET_RATE } = await import('../../../shared/settings');
    expect(packetRateWarning(HIGH_PACKET_RATE)).toBeNull();
    expect(packetRateWarning(2000)).toBeNull();
    expect(packetRateWarning(10_001)).toMatch(/^10,001 packets per second is above 10,000: /);
  });
});

describe('forewarn export --format xlsx|netbox', () => {
  it('writes the workbook and the NetBox ZIP of a saved scan, and refuses an unknown format with usage', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('../../../electron/cli/main');
    const readXlsxFile = (await import('read-excel-file/node')).default;
    const { unzipSync } = await import('fflate');
    const dir = await mkdtemp(join(tmpdir(), 'forewarn-cli-export-'));
    try {
      const scan = 'resources/samples/lab/lakeside-visit-2.json';
      expect(await main(['export', scan, '--format', 'xlsx', '--out', join(dir, 'site.xlsx')])).toBe(0);
      const sheets = await readXlsxFile(await readFile(join(dir, 'site.xlsx')));
      expect(sheets.map((s) => s.sheet)).toEqual(['Inventory', 'Findings', 'Interfaces']);
      expect(sheets[2]!.data.length).toBeGreaterThan(10);
      expect(await main(['export', scan, '--format', 'NetBox', '--out', join(dir, 'site.zip')])).toBe(0);
      expect(Object.keys(unzipSync(new Uint8Array(await readFile(join(dir, 'site.zip')))))).toContain('5-devices.csv');
      expect(await main(['export', scan, '--format', 'pdf'])).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
