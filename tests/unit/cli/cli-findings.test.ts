import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDeviceTable } from '../../../electron/cli/device-table';
import { exitForFindings, parseFailOn } from '../../../electron/cli/fail-on';
import { main } from '../../../electron/cli/main';
import { ANALYZE_USAGE } from '../../../electron/cli/commands/analyze';
import { EXIT, UsageError, type CliOutput } from '../../../electron/cli/output';
import { emptyDevice } from '../../../electron/engine/scan/device-registry';
import type { Finding } from '../../../shared/health/schema';

const finding = (severity: Finding['severity'], title: string): Finding => ({ rule: 'r', severity, title, explanation: '', evidence: [], recommendation: '' });
const deviceWith = (ip: string, ...findings: Finding[]) => ({ ...emptyDevice(ip), findings, risk: { score: 41.6, contributors: [] } });

function captured(): CliOutput & { errors: string[] } {
  const errors: string[] = [];
  return { errors, out: () => undefined, err: (t: string) => void errors.push(t), redraw: () => undefined, interactive: false } as unknown as CliOutput & { errors: string[] };
}

describe('forewarn scan/analyze: risk and findings in the table', () => {
  it('shows each device\'s risk and its most severe finding, severity first', () => {
    const device = deviceWith('10.0.0.21', finding('medium', 'Firmware is old'), finding('high', 'Volume D:\\ is 97% full'));
    const [header, row] = renderDeviceTable([device]).trimEnd().split('\n');
    expect(header).toContain('RISK');
    expect(header).toContain('TOP FINDING');
    expect(row!.slice(header!.indexOf('RISK')).trimStart().startsWith('42')).toBe(true);
    expect(row).toContain('high: Volume D:\\ is 97% full');
  });
});

describe('--fail-on SEVERITY', () => {
  it('names the severities it accepts, in any case', () => {
    expect(parseFailOn(undefined)).toBeNull();
    expect(parseFailOn('HIGH')).toBe('high');
    expect(() => parseFailOn('urgent')).toThrow(UsageError);
    expect(() => parseFailOn('urgent')).toThrow(/critical.*high.*medium.*low.*info|info.*low.*medium.*high.*critical/);
  });

  it('exits 3 when a device has a finding that severe or worse, and says how many', () => {
    const devices = [deviceWith('10.0.0.1', finding('medium', 'a')), deviceWith('10.0.0.2', finding('critical', 'b')), deviceWith('10.0.0.3')];
    const output = captured();
    expect(exitForFindings(devices, 'high', output)).toBe(EXIT.findings);
    expect(EXIT.findings).toBe(3);
    expect(output.errors.join('')).toMatch(/^1 device with high findings or worse \(--fail-on high\)/);
    expect(exitForFindings(devices, 'medium', captured())).toBe(EXIT.findings);
  });

  it('exits 0 when nothing reaches it, or when it is not given', () => {
    const devices = [deviceWith('10.0.0.1', finding('medium', 'a'))];
    expect(exitForFindings(devices, 'high', captured())).toBe(EXIT.ok);
    expect(exitForFindings(devices, null, captured())).toBe(EXIT.ok);
  });
});

describe('a usage error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the command\'s usage on stderr, leaving stdout empty for scripts', async () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((t) => Boolean(out.push(String(t))));
    vi.spyOn(process.stderr, 'write').mockImplementation((t) => Boolean(err.push(String(t))));
    expect(await main(['analyze', 'walk.snmprec', '--fail-on', 'urgent'])).toBe(EXIT.usage);
    expect(out).toEqual([]);
    expect(err.join('')).toContain('forewarn analyze: --fail-on must be one of');
    expect(err.join('')).toContain(ANALYZE_USAGE.split('\n')[0]);
  });
});

describe('--json [FILE|-], the same in every command', () => {
  it('reads a bare --json as stdout, wherever it stands', async () => {
    const { withJsonDefault } = await import('../../../electron/cli/json-flag');
    expect(withJsonDefault(['a.snmprec', '--json'])).toEqual(['a.snmprec', '--json', '-']);
    expect(withJsonDefault(['--json', '--quick', 'a.snmprec'])).toEqual(['--json', '-', '--quick', 'a.snmprec']);
    expect(withJsonDefault(['--json', 'out.json'])).toEqual(['--json', 'out.json']);
  });
});

describe('forewarn analyze --json -', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints only the document on stdout, so a script can parse it', async () => {
    const { join } = await import('node:path');
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((t) => Boolean(out.push(String(t))));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const walk = join(import.meta.dirname, '../../fixtures/snmp/lab-switch.snmprec');
    expect(await main(['analyze', walk, '--json'])).toBe(EXIT.ok);
    const document = JSON.parse(out.join('')) as { devices: unknown[] };
    expect(document.devices).toHaveLength(1);
  });
});

describe('progress line', () => {
  it('fits the terminal, so a redraw never wraps and piles up', async () => {
    const { fitWidth } = await import('../../../electron/cli/progress-bar');
    expect(fitWidth('discovery ████░░ 10/254  3 devices', 20)).toBe('discovery ████░░ 1…');
    expect(fitWidth('discovery ████░░ 10/254  3 devices', 20).length).toBeLessThan(20);
    expect(fitWidth('short', 20)).toBe('short');
    expect(fitWidth('no terminal width known', undefined)).toBe('no terminal width known');
  });
});
