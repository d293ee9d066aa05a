/**
 * Discovery and identification end to end in the lab: the real `forewarn`
 * command runs in the technician's namespace against the simulated office and
 * is judged against the lab's truth (tests/lab/office.ts).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ScanDocumentSchema, type Device, type ScanDocument } from '../../shared/scan-document';
import type { ScanEvent } from '../../shared/scan-events';
import { ageTechNeighbourTable, execInNamespace, execInTech, execInTechAsUser, labPaths, office, spawnInTech, truth, truthHost } from './lab.js';
import { findHost, hostNamespace } from './office.js';

const labAvailable = inject('labAvailable');
const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

/** Every credential the office uses: the default community, the UPS's own, and the NAS's v3 user. */
function credentialFlags(): string[] {
  const flags = ['--community', 'public'];
  for (const host of truth.snmpHosts) {
    const c = host.snmp!;
    if (c.version === '2c' && c.community !== 'public') flags.push('--community', c.community);
    if (c.version === '3') flags.push('--v3', [c.user, c.authProtocol.toLowerCase(), c.authKey, c.privProtocol.toLowerCase(), c.privKey].join(':'));
  }
  return flags;
}

function deviceAt(doc: ScanDocument, ip: string): Device | undefined {
  return doc.devices.find((d) => d.ip === ip);
}

describe.skipIf(!labAvailable)('forewarn scan in the lab', () => {
  let dir = '';
  let quick: ScanDocument;
  let events: Array<ScanEvent & { elapsedMs: number }>;
  let table = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forewarn-scan-'));
    const json = join(dir, 'quick.json');
    const eventsFile = join(dir, 'events.ndjson');
    const result = await execInTech(process.execPath, [BIN, 'scan', truth.lanCidr, '--quick', ...credentialFlags(), '--json', json, '--events', eventsFile], {
      timeoutMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(0);
    table = result.stdout;
    quick = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    events = readFileSync(eventsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds every live host, including those that drop ICMP or have no SNMP, and no phantoms', () => {
    const expected = [...truth.liveLanIps, truth.technician.ip].sort();
    const found = quick.devices.map((d) => d.ip!).sort();
    expect(found).toEqual(expected);
  });

  it('reports each host with its real MAC', () => {
    for (const host of truth.hosts) expect(deviceAt(quick, host.ip)?.mac, host.name).toBe(host.mac);
  });

  it('sees ICMP-silent hosts through ARP and records that they drop ICMP', () => {
    expect(truth.icmpDroppingHosts.length).toBeGreaterThan(0);
    for (const host of truth.icmpDroppingHosts) {
      const device = deviceAt(quick, host.ip)!;
      expect(device.reachability.arp, host.name).toBe(true);
      expect(device.reachability.icmp?.alive ?? false, host.name).toBe(false);
    }
  });

  it('reads the system group with the right credential, v3 and non-default communities included', () => {
    for (const host of truth.snmpHosts.filter((h) => h.snmpReadable)) {
      const device = deviceAt(quick, host.ip)!;
      expect(device.reachability.snmp?.version, host.name).toBe(host.snmp!.version === '3' ? 'v3' : 'v2c');
      if (host.expected.sysName !== null && host.quirk !== 'hostile-strings') expect(device.sysName, host.name).toBe(host.expected.sysName);
    }
    for (const host of truth.noSnmpHosts) expect(deviceAt(quick, host.ip)?.reachability.snmp, host.name).toBeUndefined();
  });

  it('never writes a secret into the scan document', () => {
    const text = JSON.stringify(quick);
    for (const host of truth.snmpHosts) {
      const c = host.snmp!;
      if (c.version === '3') {
        expect(text).not.toContain(c.authKey);
        expect(text).not.toContain(c.privKey);
      } else if (c.community !== 'public') {
        expect(text).not.toContain(c.community);
      }
    }
  });

  it('identifies type and vendor of every SNMP device, with evidence', () => {
    for (const host of truth.snmpHosts.filter((h) => h.snmpReadable && h.quirk === null)) {
      const device = deviceAt(quick, host.ip)!;
      expect(device.type, host.name).toBe(host.expected.quickType ?? host.expected.type);
      expect(device.vendor, host.name).toBe(host.expected.vendor);
      expect(device.identification.evidence.some((e) => e.field === 'type'), host.name).toBe(true);
    }
  });

  it('names the vendor of hosts without SNMP: their MAC\'s maker, or the maker they name themselves', () => {
    for (const host of truth.noSnmpHosts) expect(deviceAt(quick, host.ip)?.vendor, host.name).toBe(host.expected.vendor);
  });

  it('names hosts without SNMP by the office DNS, else by what they say of themselves (mDNS, NetBIOS, UPnP, web page), with evidence', () => {
    const named = truth.hosts.filter((h) => h.expected.name !== undefined);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const host of named) {
      const device = deviceAt(quick, host.ip)!;
      expect(device.hostname, host.name).toBe(host.expected.name);
      // A DNS name says who a host is, not what it is; what names itself also says its class.
      if (!host.dnsName) expect(device.type, host.name).toBe(host.expected.quickType ?? host.expected.type);
      if (host.expected.model) expect(device.model, host.name).toBe(host.expected.model);
      const nameEvidence = device.identification.evidence.find((e) => e.field === 'hostname' && e.value === host.expected.name);
      expect(nameEvidence?.rule, host.name).toMatch(host.dnsName ? /^name:dns$/ : /^name:(?:mdns|netbios|ssdp)$/);
    }
    // The television's own words beat its Wi-Fi module's maker; the printer announces IPP.
    const tv = deviceAt(quick, truthHost('tv-boardroom').ip)!;
    expect(tv.identification.evidence).toContainEqual(expect.objectContaining({ field: 'vendor', rule: 'ssdp:manufacturer', value: 'Samsung Electronics' }));
    const printer = deviceAt(quick, truthHost('prn-reception').ip)!;
    expect(printer.identification.evidence.map((e) => e.rule)).toContain('mdns:printer-service');
  });

  it('reads the web page title and certificate of hosts without SNMP when a full assessment found their web port', async () => {
    const printer = truthHost('prn-reception');
    const nas = truthHost('nas-backup');
    const json = join(dir, 'named.json');
    const result = await execInTech(process.execPath, [BIN, 'scan', printer.ip, nas.ip, '--sample-interval', '0', '--json', json], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    // The NAS's self-signed certificate names its maker; its page title says what it is.
    const backup = deviceAt(doc, nas.ip)!;
    expect(backup.identification.evidence).toContainEqual(expect.objectContaining({ field: 'vendor', rule: 'tls:organization', value: 'Synology Inc.', source: 'tls' }));
    expect(backup.identification.evidence).toContainEqual(expect.objectContaining({ rule: 'web-title:nas', source: `https://${nas.ip}/` }));
    expect(backup).toMatchObject({ vendor: 'Synology Inc.', type: 'nas' });
    const device = deviceAt(doc, printer.ip)!;
    expect(device.reachability.tcp).toContain(80);
    expect(device.identification.evidence).toContainEqual(expect.objectContaining({ rule: 'web-title:printer', observed: findHost('prn-reception').hints!.title, source: `http://${printer.ip}/` }));
    expect(device).toMatchObject({ hostname: printer.expected.name, type: 'printer' });
  });

  it('marks the agent that answers garbage with an error, and goes on', () => {
    const bad = truth.hosts.find((h) => h.quirk === 'malformed-ber')!;
    const device = deviceAt(quick, bad.ip)!;
    expect(device.errors.map((e) => e.code)).toContain('snmp-malformed');
    expect(quick.scan.status).toBe('completed');
  });

  it('keeps hostile device strings as inert text', () => {
    const hostile = truth.hosts.find((h) => h.quirk === 'hostile-strings')!;
    const device = deviceAt(quick, hostile.ip)!;
    expect(device.sysName).toContain('<');
    expect(device.sysDescr?.length ?? 0).toBeGreaterThan(10_000);
    expect(table.includes(String.fromCharCode(27))).toBe(false);
  });

  it('streams the first device within 300 ms of the scan start and ends with scan-finished', () => {
    const started = events.find((e) => e.type === 'scan-started')!;
    const firstFound = events.find((e) => e.type === 'device-found')!;
    expect(firstFound.elapsedMs - started.elapsedMs).toBeLessThan(300);
    expect(events.at(-1)?.type).toBe('scan-finished');
    expect(events.filter((e) => e.type === 'device-found')).toHaveLength(quick.devices.length);
  });

  it('survives a looping walk and a 100,000-row table in a full assessment', async () => {
    const targets = truth.hosts.filter((h) => h.quirk === 'looping-walk' || h.quirk === 'big-table').map((h) => h.ip);
    const json = join(dir, 'misbehaving.json');
    const result = await execInTech(process.execPath, [BIN, 'scan', ...targets, '--community', 'public', '--sample-interval', '0', '--json', json], { timeoutMs: 110_000 });
    expect(result.code, result.stderr).toBe(0);
    const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(doc.devices.map((d) => d.ip).sort()).toEqual([...targets].sort());
    const looping = deviceAt(doc, truth.hosts.find((h) => h.quirk === 'looping-walk')!.ip)!;
    expect(looping.errors.some((e) => e.code === 'walk-loop' || e.message.includes('walk-loop')), JSON.stringify(looping.errors)).toBe(true);
  });

  it('gives the same record for a walk file as for the live agent serving it', async () => {
    const host = truthHost('gw01');
    const recording = join(labPaths.recordings, host.name, `${(host.snmp as { community: string }).community}.snmprec`);
    const offlineJson = join(dir, 'offline.json');
    const liveJson = join(dir, 'live.json');
    const [offline, live] = await Promise.all([
      execInTech(process.execPath, [BIN, 'analyze', recording, '--json', offlineJson], { timeoutMs: 60_000 }),
      execInTech(process.execPath, [BIN, 'scan', host.ip, '--community', 'public', '--sample-interval', '0', '--no-tcp', '--json', liveJson], { timeoutMs: 90_000 }),
    ]);
    expect(offline.code, offline.stderr).toBe(0);
    expect(live.code, live.stderr).toBe(0);
    const a = ScanDocumentSchema.parse(JSON.parse(readFileSync(offlineJson, 'utf8'))).devices[0]!;
    const b = ScanDocumentSchema.parse(JSON.parse(readFileSync(liveJson, 'utf8'))).devices[0]!;
    const identity = (d: Device) => ({ type: d.type, model: d.model, firmware: d.firmware, serial: d.serial, sysName: d.sysName, sysDescr: d.sysDescr, sysObjectID: d.sysObjectID });
    expect(identity(a)).toEqual(identity(b));
    // The MAC-derived evidence exists only live; every SNMP-derived verdict must agree.
    const snmpEvidence = (d: Device) => d.identification.evidence.filter((e) => e.source !== 'mac' && !e.source.startsWith('tcp')).map((e) => `${e.field}=${e.value}@${e.rule}`).sort();
    expect(snmpEvidence(a)).toEqual(snmpEvidence(b));
    expect(a.storage ?? []).toEqual(b.storage ?? []);
  });

  it('cancels on Ctrl-C within a second and still writes a valid partial document', async () => {
    const json = join(dir, 'cancelled.json');
    const child = spawnInTech(process.execPath, [BIN, 'scan', truth.lanCidr, ...credentialFlags(), '--json', json], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Wait until devices are being found, then interrupt.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/discovery|identify/.test(stderr)) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    await new Promise((r) => setTimeout(r, 700));
    const interruptedAt = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const exitLatency = performance.now() - interruptedAt;
    expect(code, stderr).toBe(130);
    expect(exitLatency).toBeLessThan(2_000);
    const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(doc.scan.status).toBe('cancelled');
    expect(doc.devices.length).toBeGreaterThan(0);
    for (const device of doc.devices) expect(truth.liveLanIps.concat(truth.technician.ip)).toContain(device.ip);
  });

  describe('on a rescan, when the neighbour table still holds the first scan\'s entries', () => {
    const departed = truthHost('ws-sales01');
    /** The kernel re-checks an old entry only after delay_first_probe_time (5 s) and a unicast probe. */
    const KERNEL_RECHECK_MS = 5_000;

    /** Age every entry the first scan left, as half a minute without traffic would, and take one host away. */
    async function ageTableAndDepart(): Promise<void> {
      await ageTechNeighbourTable();
      // The departed host's entry as the first scan left it, whatever ran since (deleting it first drops
      // packets an earlier sweep left queued for it, which would otherwise leave with the new entry).
      await execInTech('ip', ['neigh', 'del', departed.ip, 'dev', 'eth0']);
      await execInTech('ip', ['neigh', 'add', departed.ip, 'lladdr', departed.mac, 'dev', 'eth0', 'nud', 'stale']);
      expect((await execInTech('ip', ['-4', 'neigh', 'show', departed.ip])).stdout).toMatch(/STALE/);
      await execInNamespace(hostNamespace(departed), 'ip', ['link', 'set', 'eth0', 'down']);
    }

    /** Runs the quick sweep (as an ordinary user, else root) and returns its document and when each host was found. */
    async function rescan(name: string, asOrdinaryUser = false): Promise<{ doc: ScanDocument; foundAtMs: Map<string, number> }> {
      const out = join(dir, name);
      mkdirSync(out);
      if (asOrdinaryUser) {
        chmodSync(dir, 0o711); // the user may pass through, not list
        chmodSync(out, 0o777);
      }
      const command = [BIN, 'scan', truth.lanCidr, '--quick', ...credentialFlags(), '--json', join(out, 'scan.json'), '--events', join(out, 'events.ndjson')];
      const result = asOrdinaryUser
        ? await execInTechAsUser(out, process.execPath, command, { timeoutMs: 60_000 })
        : await execInTech(process.execPath, command, { timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(0);
      const lines = readFileSync(join(out, 'events.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ScanEvent & { elapsedMs: number });
      const started = lines.find((e) => e.type === 'scan-started')!.elapsedMs;
      const foundAtMs = new Map(lines.flatMap((e) => (e.type === 'device-found' && e.device.ip ? [[e.device.ip, e.elapsedMs - started] as const] : [])));
      return { doc: ScanDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'scan.json'), 'utf8'))), foundAtMs };
    }

    function expectEveryoneButTheDeparted(doc: ScanDocument): void {
      expect(deviceAt(doc, departed.ip)).toBeUndefined();
      for (const host of truth.hosts.filter((h) => h.name !== departed.name)) expect(deviceAt(doc, host.ip)?.mac, host.name).toBe(host.mac);
      for (const host of truth.icmpDroppingHosts) expect(deviceAt(doc, host.ip)?.reachability.arp, host.name).toBe(true);
    }

    it('as root, forgets the old entries and has every host answer ARP afresh: no phantom, no waiting for the kernel', async () => {
      await ageTableAndDepart();
      try {
        const { doc } = await rescan('rescan-root');
        expectEveryoneButTheDeparted(doc);
        expect(Date.parse(doc.scan.finishedAt!) - Date.parse(doc.scan.startedAt)).toBeLessThan(KERNEL_RECHECK_MS);
      } finally {
        await execInNamespace(hostNamespace(departed), 'ip', ['link', 'set', 'eth0', 'up']);
      }
    });

    it('as an ordinary user, lists each host that answers a probe at once and the silent ones once the kernel re-checks them', async () => {
      await ageTableAndDepart();
      try {
        const { doc, foundAtMs } = await rescan('rescan-user', true);
        expectEveryoneButTheDeparted(doc);
        const answering = truth.hosts.filter((h) => h.name !== departed.name && (h.answersPing || h.snmp));
        for (const host of answering) expect(foundAtMs.get(host.ip), host.name).toBeLessThan(KERNEL_RECHECK_MS);
      } finally {
        await execInNamespace(hostNamespace(departed), 'ip', ['link', 'set', 'eth0', 'up']);
      }
    });
  });

  it("finds a host whose first ARP request is lost, by its answer to the OS's second one", async () => {
    const host = truthHost('ws-sales03');
    // The host ignores the first request for its address, as a Wi-Fi client misses a broadcast.
    const firstRequestLost = `table arp forewarn_first_lost {
  chain input { type filter hook input priority 0; policy accept; arp operation request arp daddr ip ${host.ip} quota until 28 bytes counter drop; }
}`;
    await execInTech('ip', ['neigh', 'del', host.ip, 'dev', 'eth0']); // a fresh resolution (fails harmlessly if none)
    await execInNamespace(hostNamespace(host), 'nft', ['-f', '-'], { input: firstRequestLost });
    try {
      // One address: the OS's second request then goes out alone. Over a whole /24 the lab's software
      // bridge drops much of the kernel's retry burst (its backlog overflows), which a switch does not.
      const json = join(dir, 'first-arp-lost.json');
      const result = await execInTech(process.execPath, [BIN, 'scan', host.ip, '--quick', '--json', json], { timeoutMs: 30_000 });
      expect(result.code, result.stderr).toBe(0);
      const dropped = (await execInNamespace(hostNamespace(host), 'nft', ['list', 'table', 'arp', 'forewarn_first_lost'])).stdout;
      expect(dropped).toMatch(/counter packets 1 /);
      const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
      expect(deviceAt(doc, host.ip)?.mac).toBe(host.mac);
    } finally {
      await execInNamespace(hostNamespace(host), 'nft', ['delete', 'table', 'arp', 'forewarn_first_lost']);
    }
  });

  it('rejects a malformed target with an error naming it', async () => {
    const result = await execInTech(process.execPath, [BIN, 'scan', '10.77.0.0/33', '--quick'], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('10.77.0.0/33');
  });

  it('detects the local subnet as the default target, inside the lab only', async () => {
    const result = await execInTech(process.execPath, [BIN, 'scan', '--quick', '--json', join(dir, 'default.json')], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const doc = ScanDocumentSchema.parse(JSON.parse(readFileSync(join(dir, 'default.json'), 'utf8')));
    expect(doc.scan.targets).toEqual([office.lanCidr]);
  });
});
