/**
 * Health end to end in the lab: the real `forewarn scan` (full assessment,
 * two interface samples) runs from the technician's namespace against the
 * devices whose recordings carry planted faults (fragments health-*.ts) and
 * against healthy ones. Each fault must come out as the right rule and
 * severity; healthy devices must raise no hardware/health finding above low
 * (management-security findings are true observations, judged separately).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Device, ScanDocument } from '../../shared/scan-document';
import { RULES_BY_ID } from '../../shared/health/rules';
import { SEVERITY_ORDER } from '../../shared/health/schema';
import { execInTech, office, truthHost } from './lab.js';

const labAvailable = inject('labAvailable');
const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

const FAULTY = ['prn-hp01', 'ups01', 'nas01', 'srv-files01', 'sw-access01'];
const HEALTHY = ['gw01', 'ap-lobby', 'ap-office', 'prn-brother01', 'backup01'];

function v3Flag(): string {
  const c = office.hosts.find((h) => h.name === 'nas01')!.snmp!;
  if (c.kind !== 'snmpsim' || c.credentials.version !== '3') throw new Error('nas01 is expected to use SNMPv3');
  const v = c.credentials;
  return [v.user, v.authProtocol.toLowerCase(), v.authKey, v.privProtocol.toLowerCase(), v.privKey].join(':');
}

describe.skipIf(!labAvailable)('hardware health in the lab', () => {
  let dir = '';
  let doc: ScanDocument;
  const byName = (name: string): Device => {
    const ip = truthHost(name).ip;
    const d = doc.devices.find((x) => x.ip === ip);
    if (!d) throw new Error(`${name} (${ip}) missing from the scan`);
    return d;
  };
  const finding = (name: string, rule: string, subject?: (s: string) => boolean) =>
    (byName(name).findings ?? []).find((f) => f.rule === rule && (!subject || subject(f.subject ?? '')));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forewarn-lab-health-'));
    const out = join(dir, 'scan.json');
    const targets = [...FAULTY, ...HEALTHY].map((n) => truthHost(n).ip);
    const result = await execInTech(process.execPath, [BIN, 'scan', ...targets, '--community', 'public', '--community', 'Ups-M0nitor', '--v3', v3Flag(), '--json', out], { timeoutMs: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    doc = JSON.parse(readFileSync(out, 'utf8')) as ScanDocument;
    // The findings seen, for the CI log: one line per device.
    for (const name of [...FAULTY, ...HEALTHY]) {
      const d = doc.devices.find((x) => x.ip === truthHost(name).ip);
      console.log(`[health] ${name} risk=${d?.risk?.score ?? '-'}: ${(d?.findings ?? []).map((f) => `${f.rule}/${f.severity}${f.subject ? ` (${f.subject})` : ''}`).join(', ') || 'none'}`);
    }
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The same full assessment reads identity deeper than the quick sweep (ENTITY-MIB, Printer-MIB, vendor MIBs,
  // the programs a box behind net-snmp runs).
  it('types every device as the lab truth has it, deeper reads included', () => {
    for (const name of [...FAULTY, ...HEALTHY]) expect(byName(name).type, name).toBe(truthHost(name).expected.type);
    expect(byName('backup01').identification.evidence).toContainEqual(expect.objectContaining({ field: 'type', value: 'nas', rule: 'software:file-sharing' }));
  });

  it('names the model, firmware and serial of every device as the lab truth has them', () => {
    for (const name of [...FAULTY, ...HEALTHY]) {
      const { expected } = truthHost(name);
      const device = byName(name);
      for (const field of ['model', 'firmware', 'serial'] as const) {
        if (expected[field] !== null) expect(device[field], `${name} ${field}`).toBe(expected[field]);
      }
    }
  });

  it('printer: nearly empty toner and a paper jam', () => {
    expect(finding('prn-hp01', 'supply-low', (s) => /black/i.test(s))?.severity).toBe('high');
    const jam = finding('prn-hp01', 'printer-error', (s) => s === 'jam');
    expect(jam?.severity).toBe('high');
    expect(jam?.evidence.map((e) => e.name)).toEqual(expect.arrayContaining(['hrPrinterDetectedErrorState']));
  });

  it('UPS: battery needs replacing', () => {
    expect(finding('ups01', 'ups-battery-replace')?.severity).toBe('high');
    expect(byName('ups01').ups?.replaceIndicator).toBe(true);
  });

  it('switch: half-duplex port with rising CRC errors (two samples)', () => {
    const sw = byName('sw-access01');
    const port = sw.interfaces?.find((i) => i.duplex === 'half');
    expect(port, 'a half-duplex port').toBeDefined();
    expect(port!.rates?.fcsErrors ?? 0).toBeGreaterThan(0);
    expect(finding('sw-access01', 'if-duplex-mismatch', (s) => s === port!.name)?.severity).toBe('high');
    expect(finding('sw-access01', 'if-errors', (s) => s === port!.name)?.severity).toBe('medium');
  });

  it('NAS: degraded RAID and a hot disk', () => {
    expect(finding('nas01', 'hardware-failed', (s) => s === 'Volume 1')?.severity).toBe('critical');
    expect(finding('nas01', 'temperature-high', (s) => s === 'Disk 2')?.severity).toBe('high');
  });

  it('server: 97 % full volume', () => {
    expect(finding('srv-files01', 'storage-full', (s) => s.startsWith('D:'))?.severity).toBe('high');
  });

  it('healthy devices raise no hardware or health finding above low, and the faulty ones rank riskiest', () => {
    for (const name of HEALTHY) {
      const loud = (byName(name).findings ?? []).filter((f) => RULES_BY_ID[f.rule]?.category !== 'security' && SEVERITY_ORDER[f.severity] > SEVERITY_ORDER.low);
      expect(loud.map((f) => `${f.rule}:${f.severity}:${f.subject ?? ''}`), name).toEqual([]);
    }
    const riskiestHealthy = Math.max(...HEALTHY.map((n) => byName(n).risk?.score ?? 0));
    for (const name of FAULTY) expect(byName(name).risk?.score ?? 0, name).toBeGreaterThan(riskiestHealthy);
  });
});
