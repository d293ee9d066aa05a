/**
 * Topology against the lab's declared wiring (office.ts / truth.ts).
 * The switches' and the router's recordings are built exactly as lab-up
 * builds them (buildRecording), read through FileSnmpSource with the real
 * collectors, and inferred with the real inference. Precision and recall of
 * links must both be 100%; the aged-out variant must degrade to the right
 * switch with unknown port.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectTopologyFacts } from '../../electron/engine/topology/collect';
import { loadSnmprec } from '../../electron/engine/snmp/file-source';
import type { Device, ScanDocument } from '../../shared/scan-document';
import type { TopologyFacts } from '../../shared/topology/facts';
import { inferTopology } from '../../shared/topology/infer';
import { renderTree } from '../../shared/topology/tree';
import type { Link } from '../../shared/topology/schema';
import { office } from './office';
import { truth } from './truth';
import { buildRecording } from './recordings/build';
import { execInTech } from './lab';
import { agedOut, endpoints, managedSwitches } from './recordings/fragments/topology-wiring';
import { addMacVendors } from '../../electron/engine/topology/mac-vendors';
import type { Finding } from '../../shared/health/schema';

const TOPOLOGY_FRAGMENTS: Record<string, string[]> = {
  'sw-core01': ['topology-fdb', 'topology-lldp'],
  'sw-access01': ['topology-fdb', 'topology-lldp'],
  gw01: ['topology-arp'],
};

function labDevices(): Device[] {
  const base = (id: string, ip: string, mac: string, type: Device['type'], sysName: string | null): Device => ({
    id, ip, mac, hostname: null, vendor: null, type, model: null, firmware: null, serial: null, sysName, sysDescr: null, sysObjectID: null,
    uptimeSeconds: null, reachability: {}, identification: { evidence: [] }, errors: [],
  });
  return [
    ...truth.hosts.map((h) => base(h.name, h.ip, h.mac, h.expected.type, h.expected.sysName)),
    base('technician', office.technician.ip, office.technician.mac, 'workstation', null),
  ];
}

/** The agents that hold topology tables: the managed switches and the router (others only repeat their own MAC). */
async function labFacts(): Promise<Record<string, TopologyFacts>> {
  const facts: Record<string, TopologyFacts> = {};
  const sources = new Set([...managedSwitches(office).map((s) => s.name), office.router]);
  for (const host of office.hosts) {
    if (host.snmp?.kind !== 'snmpsim' || !sources.has(host.name)) continue;
    const text = await buildRecording(host, office);
    facts[host.name] = await collectTopologyFacts(loadSnmprec(text, host.name));
  }
  return facts;
}

/** Placeholder ids become the declared unmanaged switch's name (matched by the port it hangs on). */
function renamePlaceholders(links: readonly Link[]): Link[] {
  const names = new Map<string, string>();
  for (const l of links) {
    if (!l.b.device.startsWith('unmanaged:')) continue;
    const declared = office.unmanagedSwitches.find((u) => u.attachment.switch === l.a.device && u.attachment.port === l.a.port);
    if (declared) names.set(l.b.device, declared.name);
  }
  const rename = (end: Link['a']) => ({ ...end, device: names.get(end.device) ?? end.device });
  return links.map((l) => ({ ...l, a: rename(l.a), b: rename(l.b) }));
}

type End = { device: string; port: string | null };
type Comparable = { a: End; b: End; via: string; confidence: string };

function key(l: Comparable): string {
  const ends = [`${l.a.device}:${l.a.port ?? '?'}`, `${l.b.device}:${l.b.port ?? '?'}`].sort();
  return `${ends[0]} — ${ends[1]} ${l.via}/${l.confidence}`;
}

function score(inferred: readonly string[], expected: readonly string[]) {
  const want = new Set(expected);
  const got = new Set(inferred);
  const hits = [...got].filter((k) => want.has(k)).length;
  return {
    precision: got.size === 0 ? 0 : hits / got.size,
    recall: want.size === 0 ? 1 : hits / want.size,
    missing: [...want].filter((k) => !got.has(k)).sort(),
    extra: [...got].filter((k) => !want.has(k)).sort(),
  };
}

type Conflict = (typeof truth.ipConflicts)[number];

/** The evidence a technician needs: who answers, seen by whom, which vendor, which switch port. */
function expectConflictEvidence(finding: Finding, c: Conflict, options: { scannerSource: string }): void {
  const rows = finding.evidence.map((e) => `${e.name} = ${String(e.value)}`);
  const port = (a: Conflict['ownerAttachment']) => new RegExp(`^${a.switch} \\(.*\\) port ${a.port}$`);
  expect(finding.severity).toBe('high');
  expect(finding.title).toBe('Duplicate IP address');
  expect(finding.recommendation).toMatch(/another address/);
  for (const cache of c.wonArpOf) expect(rows).toContain(`ARP table of ${cache} (${truth.hosts.find((h) => h.name === cache)!.ip}) = ${c.ip} → ${c.intruderMac}`);
  expect(rows).toContain(`${options.scannerSource} = ${c.ip} → ${c.ownerMac}`);
  const value = (name: string) => finding.evidence.filter((e) => e.name === name).map((e) => String(e.value));
  expect(value(`${c.intruderMac} learned on`)).toEqual([expect.stringMatching(port(c.intruderAttachment))]);
  expect(value(`${c.ownerMac} learned on`)).toEqual([expect.stringMatching(port(c.ownerAttachment))]);
  expect(value(`${c.intruderMac} vendor (OUI)`)).toEqual([expect.stringContaining(c.intruderOui)]);
  expect(value(`${c.ownerMac} vendor (OUI)`)).toEqual([expect.stringContaining(c.ownerOui)]);
}

/** The declared wiring after ageing: hosts whose own switch forgot them (the core still learns them on its uplink) hang on that switch, port unknown. */
function agedExpectation(): string[] {
  const { edge } = agedOut(office);
  const agedNames = new Set(endpoints(office).filter((e) => edge.has(e.mac)).map((e) => e.name));
  const links: Comparable[] = [];
  const survivorsBehind = new Map<string, string[]>();
  for (const e of endpoints(office)) {
    if (agedNames.has(e.name)) links.push({ a: { device: e.attachment.switch, port: null }, b: { device: e.name, port: null }, via: 'fdb', confidence: 'inferred' });
    else if (e.attachment.behind) survivorsBehind.set(e.attachment.behind, [...(survivorsBehind.get(e.attachment.behind) ?? []), e.name]);
    else links.push({ a: { device: e.attachment.switch, port: e.attachment.port }, b: { device: e.name, port: null }, via: 'fdb', confidence: 'inferred' });
  }
  for (const u of office.unmanagedSwitches) {
    const survivors = survivorsBehind.get(u.name) ?? [];
    // One survivor is indistinguishable from a host on the port itself.
    if (survivors.length === 1) links.push({ a: { device: u.attachment.switch, port: u.attachment.port }, b: { device: survivors[0]!, port: null }, via: 'fdb', confidence: 'inferred' });
    if (survivors.length >= 2) {
      links.push({ a: { device: u.attachment.switch, port: u.attachment.port }, b: { device: u.name, port: null }, via: 'fdb', confidence: 'inferred' });
      for (const s of survivors) links.push({ a: { device: u.name, port: null }, b: { device: s, port: null }, via: 'fdb', confidence: 'inferred' });
    }
  }
  for (const l of office.switchLinks) links.push({ a: { device: l.a.switch, port: l.a.port }, b: { device: l.b.switch, port: l.b.port }, via: 'lldp', confidence: 'confirmed' });
  return links.map(key);
}

describe('topology from the lab recordings', () => {
  afterEach(() => {
    delete process.env.FOREWARN_LAB_FDB;
  });

  it('lists the topology fragments on the switches and the router', () => {
    for (const [name, fragments] of Object.entries(TOPOLOGY_FRAGMENTS)) {
      const host = office.hosts.find((h) => h.name === name);
      expect(host?.snmp?.kind === 'snmpsim' ? host.snmp.fragments : []).toEqual(expect.arrayContaining(fragments));
    }
  });

  it('reproduces the declared wiring exactly: precision and recall of links 100%', async () => {
    const devices = labDevices();
    const result = inferTopology(devices, await labFacts(), { gatewayIp: office.technician.gateway });
    const s = score(renamePlaceholders(result.links).map(key), truth.links.map(key));
    console.info(`topology (full tables): ${result.links.length} links, precision ${(s.precision * 100).toFixed(1)}%, recall ${(s.recall * 100).toFixed(1)}%`);
    expect({ missing: s.missing, extra: s.extra }).toEqual({ missing: [], extra: [] });
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
    expect(result.placeholders.map((p) => p.type)).toEqual(['unmanaged-switch']);
    // The office's duplicate IP is the only finding, filed on the address owner's device.
    expect(result.findings.map((f) => [f.finding.rule, f.finding.subject, f.deviceIds])).toEqual(truth.ipConflicts.map((c) => ['topology.duplicate-ip', c.ip, [c.owner]]));
    const tree = renderTree({ devices: [...devices, ...result.placeholders], links: result.links }, { gatewayIp: office.technician.gateway });
    expect(tree.split('\n')[0]).toBe('gw01 (router, 10.77.0.1)  [gateway]');
    expect(tree).not.toContain('Not placed');
  });

  it('reports the duplicate IP with both MACs, their vendors and the ports they are learned on', async () => {
    expect(truth.ipConflicts.length).toBeGreaterThan(0);
    const result = inferTopology(labDevices(), await labFacts(), { gatewayIp: office.technician.gateway });
    const findings = await addMacVendors(result.findings);
    for (const c of truth.ipConflicts) {
      const found = findings.find((f) => f.finding.rule === 'topology.duplicate-ip' && f.finding.subject === c.ip);
      expect(found, c.ip).toBeDefined();
      expectConflictEvidence(found!.finding, c, { scannerSource: 'MAC recorded for the device' });
    }
    // The intruder owns no address: it is in no device, no link and no placeholder.
    const ids = new Set([...result.links.flatMap((l) => [l.a.device, l.b.device]), ...result.placeholders.map((p) => p.id)]);
    for (const c of truth.ipConflicts) expect([...ids].filter((id) => id.includes(c.intruder) || id.includes(c.intruderMac))).toEqual([]);
  });

  it('degrades aged-out hosts to the right switch with unknown port: below the access switch, never on the core that still learns them on its uplink', async () => {
    const learned = (facts: Record<string, TopologyFacts>) => Object.values(facts).reduce((n, f) => n + f.fdb.filter((e) => e.status === 'learned').length, 0);
    const full = learned(await labFacts());
    process.env.FOREWARN_LAB_FDB = 'aged';
    const agedFacts = await labFacts();
    // A third of the learned entries is gone (Q-BRIDGE rows are the ones read).
    expect(1 - learned(agedFacts) / full).toBeCloseTo(1 / 3, 1);
    const devices = labDevices();
    const result = inferTopology(devices, agedFacts, { gatewayIp: office.technician.gateway });
    const links = renamePlaceholders(result.links);
    const s = score(links.map(key), agedExpectation());
    const aged = endpoints(office).filter((e) => agedOut(office).edge.has(e.mac));
    console.info(`topology (aged-out tables, ${aged.length} hosts lost their edge entry): precision ${(s.precision * 100).toFixed(1)}%, recall ${(s.recall * 100).toFixed(1)}%`);
    expect({ missing: s.missing, extra: s.extra }).toEqual({ missing: [], extra: [] });
    // The case that matters: hosts the access switch forgot that the core still learns on its uplink to it.
    const chain = office.switchLinks[0]!;
    const stillOnCoreUplink = aged.filter((e) => e.attachment.switch === chain.b.switch && agedFacts[chain.a.switch]!.fdb.some((f) => f.mac === e.mac && f.port === chain.a.port));
    expect(stillOnCoreUplink.length).toBeGreaterThanOrEqual(3);
    // Every aged host: on its declared switch, port unknown, and nowhere else.
    expect(aged.length).toBeGreaterThanOrEqual(5);
    for (const e of aged) {
      const mine = links.filter((l) => l.b.device === e.name || l.a.device === e.name);
      expect(mine.map((l) => [l.a.device, l.a.port, l.confidence])).toEqual([[e.attachment.switch, null, 'inferred']]);
    }
  });
});

const labAvailable = inject('labAvailable');
const ENGINE_TOPOLOGY = fileURLToPath(new URL('../../electron/engine/topology/collect.ts', import.meta.url));
const LIVE_SOURCE = fileURLToPath(new URL('../../electron/engine/snmp/live-source.ts', import.meta.url));

/** Reads the topology facts of the switches and the router over SNMP from the technician's laptop (fw-tech). */
async function liveFacts(): Promise<Record<string, TopologyFacts>> {
  const targets = office.hosts
    .filter((h) => h.snmp?.kind === 'snmpsim' && h.snmp.credentials.version === '2c' && new Set([...managedSwitches(office).map((s) => s.name), office.router]).has(h.name))
    .map((h) => ({ name: h.name, ip: h.ip, community: h.snmp!.credentials.version === '2c' ? h.snmp!.credentials.community : '' }));
  const script = `
    import { collectTopologyFacts } from ${JSON.stringify(ENGINE_TOPOLOGY)};
    import { LiveSnmpSource } from ${JSON.stringify(LIVE_SOURCE)};
    const out = {};
    for (const t of ${JSON.stringify(targets)}) {
      const source = new LiveSnmpSource({ host: t.ip, version: 'v2c', community: t.community, timeoutMs: 2000, retries: 1, transport: 'own-socket' });
      try { out[t.name] = await collectTopologyFacts(source); } finally { source.close?.(); }
    }
    process.stdout.write(JSON.stringify(out));
    process.exit(0);
  `;
  const result = await execInTech(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeoutMs: 90_000 });
  if (result.code !== 0) throw new Error(`live topology probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, TopologyFacts>;
}

describe.skipIf(!labAvailable)('topology from the live lab agents (inside fw-tech)', () => {
  it('reads the same tables over SNMP and reproduces the wiring: precision and recall 100%', async () => {
    const facts = await liveFacts();
    const result = inferTopology(labDevices(), facts, { gatewayIp: office.technician.gateway });
    const s = score(renamePlaceholders(result.links).map(key), truth.links.map(key));
    console.info(`topology (live agents): ${result.links.length} links, precision ${(s.precision * 100).toFixed(1)}%, recall ${(s.recall * 100).toFixed(1)}%`);
    expect({ missing: s.missing, extra: s.extra }).toEqual({ missing: [], extra: [] });
    expect(Object.values(facts).every((f) => f.incomplete.length === 0)).toBe(true);
  });
});

const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

describe.skipIf(!labAvailable)('topology of a full forewarn scan of the lab (CLI inside fw-tech)', () => {
  let dir = '';
  let doc: ScanDocument;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forewarn-lab-topology-'));
    const out = join(dir, 'scan.json');
    const result = await execInTech(process.execPath, [BIN, 'scan', office.lanCidr, '--community', 'public', '--json', out], { timeoutMs: 280_000 });
    expect(result.code, result.stderr).toBe(0);
    doc = JSON.parse(readFileSync(out, 'utf8')) as ScanDocument;
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('carries the declared wiring in the scan document: precision and recall 100%', () => {
    // Device ids are the engine's; name them as the office does (by IP), placeholders by their port.
    const nameById = new Map(doc.devices.map((d) => [d.id, truth.hosts.find((h) => h.ip === d.ip)?.name ?? (d.ip === office.technician.ip ? 'technician' : d.id)]));
    const links = renamePlaceholders((doc.links ?? []).map((l) => ({ ...l, a: { ...l.a, device: nameById.get(l.a.device) ?? l.a.device }, b: { ...l.b, device: nameById.get(l.b.device) ?? l.b.device } })));
    // The scanner does not list itself: the technician's own link cannot be in the document.
    const found = new Set([...nameById.values(), ...office.unmanagedSwitches.map((u) => u.name)]);
    const expected = truth.links.filter((l) => found.has(l.a.device) && found.has(l.b.device));
    const s = score(links.map(key), expected.map(key));
    console.info(`topology (forewarn scan ${office.lanCidr}): ${doc.devices.length} devices, ${links.length} links, precision ${(s.precision * 100).toFixed(1)}%, recall ${(s.recall * 100).toFixed(1)}% of ${expected.length} declared links between found devices (${truth.links.length - expected.length} not comparable)`);
    expect({ missing: s.missing, extra: s.extra }).toEqual({ missing: [], extra: [] });
    expect(truth.links.length - expected.length).toBeLessThanOrEqual(1);
  });

  it("files the office's duplicate IP on the owner's device, with both MACs, vendors and ports, and no phantom device", () => {
    expect(truth.ipConflicts.length).toBeGreaterThan(0);
    for (const c of truth.ipConflicts) {
      const owner = doc.devices.filter((d) => d.ip === c.ip);
      // One device at the address: the machine that answered the scan (the owner), never the intruder.
      expect(owner.map((d) => d.mac)).toEqual([c.ownerMac]);
      const dup = (owner[0]!.findings ?? []).filter((f) => f.rule === 'topology.duplicate-ip');
      expect(dup.map((f) => f.subject)).toEqual([c.ip]);
      console.info(`[duplicate-ip] ${c.ip}: ${dup[0]!.evidence.map((e) => `${e.name}: ${String(e.value)}`).join(' | ')}`);
      expectConflictEvidence(dup[0]!, c, { scannerSource: 'ARP lookup by the scanning computer' });
      expect(owner[0]!.risk?.contributors.map((r) => r.rule)).toContain('topology.duplicate-ip');
      expect(doc.devices.filter((d) => d.mac === c.intruderMac)).toEqual([]);
    }
    // Only the declared conflicts: no other device carries a duplicate finding.
    const flagged = doc.devices.filter((d) => (d.findings ?? []).some((f) => f.rule.startsWith('topology.duplicate'))).map((d) => d.ip);
    expect(flagged).toEqual(truth.ipConflicts.map((c) => c.ip));
  });
});
