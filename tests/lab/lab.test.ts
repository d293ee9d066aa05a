/**
 * Smoke tests of the simulated office against its truth: the lab is only
 * useful if every fact the scanner will be judged on really holds on the wire.
 */
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import { execInNamespace, execInTech, labStatus, labUp, netSnmpCliArgs, office, truth, truthHost, type TruthHost } from './lab.js';

const labAvailable = inject('labAvailable');
const ouiRegistry = createRequire(import.meta.url)('oui-data') as Record<string, string>;

const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const SYS_DESCR = '1.3.6.1.2.1.1.1.0';
const IF_PHYS_ADDRESS = '1.3.6.1.2.1.2.2.1.6';

/** snmpget/snmpwalk from the technician's laptop; -Ox prints every string as hex bytes. */
function snmp(tool: 'snmpget' | 'snmpwalk', host: TruthHost, oid: string, credentials = host.snmp, extra: string[] = []) {
  if (!credentials) throw new Error(`${host.name} has no SNMP credentials`);
  return execInTech(tool, [...netSnmpCliArgs(credentials), '-t', '1', '-r', '0', '-Oqv', '-Ox', ...extra, host.ip, oid], { timeoutMs: 20_000 });
}

function hexBytes(output: string): Buffer {
  return Buffer.from((output.match(/\b[0-9A-F]{2}\b/g) ?? []).join(''), 'hex');
}

function macBytes(mac: string): Buffer {
  return Buffer.from(mac.replaceAll(':', ''), 'hex');
}

/** Sends one UDP datagram from fw-tech and prints the reply (hex) or TIMEOUT. */
async function udpExchange(ip: string, port: number, payloadHex: string): Promise<string> {
  const script = `const s=require('dgram').createSocket('udp4');const t=setTimeout(()=>{console.log('TIMEOUT');process.exit(0)},1500);s.on('message',m=>{clearTimeout(t);console.log(m.toString('hex'));process.exit(0)});s.send(Buffer.from('${payloadHex}','hex'),${port},'${ip}');`;
  const result = await execInTech(process.execPath, ['-e', script], { timeoutMs: 10_000 });
  return result.stdout.trim();
}

/** A well-formed SNMPv2c GET of sysName.0, community "public", request-id 0x1234. */
const V2C_GET_SYSNAME = ['3027', '020101', '0406', Buffer.from('public').toString('hex'), 'a01a', '02021234', '020100', '020100', '300e', '300c', '06082b06010201010500', '0500'].join('');

describe('the office description (truth)', () => {
  it('has at least 25 hosts with unique names, addresses and MACs on the office LAN', () => {
    expect(office.hosts.length).toBeGreaterThanOrEqual(25);
    for (const key of ['name', 'ip', 'mac'] as const) expect(new Set(office.hosts.map((h) => h[key])).size).toBe(office.hosts.length);
    for (const h of office.hosts) expect(h.ip).toMatch(/^10\.77\.0\.\d+$/);
  });

  it('gives every host a MAC whose OUI belongs to its vendor', () => {
    const intruders = office.ipConflicts.map((c) => ({ name: c.name, mac: c.mac, expected: { ouiOrganization: c.ouiOrganization } }));
    for (const h of [...office.hosts, { name: 'technician', mac: office.technician.mac, expected: { ouiOrganization: 'Intel Corporation' } }, ...intruders]) {
      const entry = ouiRegistry[h.mac.replaceAll(':', '').slice(0, 6).toUpperCase()] ?? '';
      expect(entry.split('\n')[0], h.name).toBe(h.expected.ouiOrganization);
    }
  });

  it('plugs each duplicate-IP intruder into a free declared port and gives it a MAC of its own', () => {
    const hostPorts = new Set(office.hosts.flatMap((h) => (h.attachment ? [`${h.attachment.switch}|${h.attachment.port}`] : [])));
    for (const c of office.ipConflicts) {
      const sw = office.hosts.find((h) => h.name === c.attachment.switch);
      expect(sw?.interfaces.find((i) => i.name === c.attachment.port)?.up, c.name).toBe(true);
      expect(hostPorts.has(`${c.attachment.switch}|${c.attachment.port}`), c.name).toBe(false);
      expect(office.hosts.map((h) => h.mac)).not.toContain(c.mac);
      expect(office.hosts.map((h) => h.name)).toContain(c.claimsIpOf);
    }
  });

  it('wires every non-root host to a declared port of a managed switch', () => {
    const ports = new Map(office.hosts.map((h) => [h.name, new Set(h.interfaces.map((i) => i.name))]));
    for (const h of office.hosts) {
      if (!h.attachment) continue;
      expect(ports.get(h.attachment.switch)?.has(h.attachment.port), `${h.name} → ${h.attachment.switch} ${h.attachment.port}`).toBe(true);
    }
    const behindUnmanaged = office.hosts.filter((h) => h.attachment?.behind);
    expect(behindUnmanaged).toHaveLength(3);
    expect(truth.links.filter((l) => l.via === 'lldp')).toHaveLength(1);
  });
});

describe.skipIf(!labAvailable)('the lab office on the wire', () => {
  it('is up with every agent process alive', async () => {
    const status = await labStatus();
    expect(status.missingNamespaces).toEqual([]);
    expect(status.processes.filter((p) => !p.alive)).toEqual([]);
    expect(status.up).toBe(true);
  });

  it.each(truth.hosts.filter((h) => h.snmpReadable))('$name answers snmpget sysName with the truth ($snmp.version)', async (host) => {
    const result = await snmp('snmpget', host, SYS_NAME);
    expect(result.code, result.stderr).toBe(0);
    expect(hexBytes(result.stdout).equals(Buffer.from(host.expected.sysName ?? '', 'utf8'))).toBe(true);
  });

  it.each(truth.hosts.filter((h) => h.snmpReadable && h.quirk === null))('$name reports its own MAC in ifPhysAddress', async (host) => {
    const result = await snmp('snmpwalk', host, IF_PHYS_ADDRESS);
    expect(result.code, result.stderr).toBe(0);
    const macs = result.stdout.split('\n').map((line) => hexBytes(line).toString('hex'));
    expect(macs).toContain(macBytes(host.mac).toString('hex'));
  });

  it('serves the identity the truth expects from real and authored recordings', async () => {
    const serials = await snmp('snmpwalk', truthHost('sw-core01'), '1.3.6.1.2.1.47.1.1.1.1.11');
    expect(serials.stdout).toContain(Buffer.from(truthHost('sw-core01').expected.serial ?? '-').toString('hex').toUpperCase().match(/../g)?.join(' '));
    const nas = truthHost('nas01');
    const model = await snmp('snmpget', nas, '1.3.6.1.4.1.6574.1.5.1.0');
    expect(hexBytes(model.stdout).toString()).toBe(nas.expected.model);
  });

  it('shows every host in the technician’s neighbour table with its true MAC after a UDP poke', async () => {
    const pokes = truth.hosts.map((h) => `echo poke > /dev/udp/${h.ip}/9`).join('; ');
    await execInTech('bash', ['-c', `${pokes}; sleep 0.5`]);
    const neigh = await execInTech('ip', ['-4', 'neigh', 'show', 'dev', 'eth0']);
    const seen = new Map(
      neigh.stdout
        .split('\n')
        .map((line) => line.match(/^(\S+) lladdr (\S+)/))
        .filter((m): m is RegExpMatchArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    for (const h of truth.hosts) expect(seen.get(h.ip), h.name).toBe(h.mac);
  });

  it('drops ICMP echo exactly on the hosts the truth says', async () => {
    const results = await Promise.all(truth.hosts.map((h) => execInTech('ping', ['-c', '1', '-W', '1', h.ip])));
    const answered = truth.hosts.filter((_, i) => results[i]?.code === 0).map((h) => h.name);
    expect(answered).toEqual(truth.hosts.filter((h) => h.answersPing).map((h) => h.name));
    expect(truth.icmpDroppingHosts.length).toBeGreaterThanOrEqual(3);
  });

  it('has hosts without SNMP that stay silent on UDP/161', async () => {
    expect(truth.noSnmpHosts.length).toBeGreaterThanOrEqual(5);
    const results = await Promise.all(truth.noSnmpHosts.map((h) => snmp('snmpget', h, SYS_NAME, { version: '2c', community: 'public' })));
    for (const [i, r] of results.entries()) expect(r.code, truth.noSnmpHosts[i]?.name).not.toBe(0);
  });

  it('has an SNMPv3-only host that ignores v2c and wrong keys', async () => {
    const [nas] = truth.v3OnlyHosts;
    expect(nas?.snmp?.version).toBe('3');
    if (nas?.snmp?.version !== '3') return;
    expect((await snmp('snmpget', nas, SYS_NAME, { version: '2c', community: 'public' })).code).not.toBe(0);
    expect((await snmp('snmpget', nas, SYS_NAME, { ...nas.snmp, authKey: 'not-the-key-123' })).code).not.toBe(0);
    expect((await snmp('snmpget', nas, SYS_NAME)).code).toBe(0);
  });

  it('has a host that answers only its non-default community', async () => {
    const [ups] = truth.nonDefaultCommunityHosts;
    expect(ups).toBeDefined();
    if (!ups) return;
    expect((await snmp('snmpget', ups, SYS_NAME, { version: '2c', community: 'public' })).code).not.toBe(0);
    expect((await snmp('snmpget', ups, SYS_NAME)).code).toBe(0);
  });

  it('opens the declared TCP ports', async () => {
    const checks = truth.hosts.flatMap((h) => h.tcpPorts.map((port) => ({ h, port })));
    const script = checks.map(({ h, port }) => `(timeout 2 bash -c '</dev/tcp/${h.ip}/${port}' && echo ${h.ip}:${port})`).join('; ');
    const result = await execInTech('bash', ['-c', script], { timeoutMs: 60_000 });
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual(checks.map(({ h, port }) => `${h.ip}:${port}`).sort());
  });

  describe('misbehaving agents', () => {
    it('bad-ber answers UDP/161 with bytes no SNMP parser accepts', async () => {
      const host = truthHost('bad-ber');
      const reply = await udpExchange(host.ip, 161, V2C_GET_SYSNAME);
      expect(reply).not.toBe('TIMEOUT');
      expect(reply).toMatch(/^[0-9a-f]+$/);
      expect((await snmp('snmpget', host, SYS_NAME)).code).not.toBe(0);
    });

    it('bad-loop answers GETs but its walks go backwards', async () => {
      const host = truthHost('bad-loop');
      const name = await snmp('snmpget', host, SYS_NAME);
      expect(hexBytes(name.stdout).toString()).toBe('bad-loop');
      for (const root of ['1.3.6.1.2.1.1', '1.3.6.1.2.1.2.2.1', '1.3.6.1.2.1.25.2.3.1']) {
        const walk = await snmp('snmpwalk', host, root);
        expect(walk.code, root).not.toBe(0);
        expect(walk.stderr, root).toMatch(/not increasing/i);
      }
    });

    it('big-table serves a 100,000-row ifTable', async () => {
      const host = truthHost('big-table');
      const count = await snmp('snmpget', host, '1.3.6.1.2.1.2.1.0');
      expect(count.stdout.trim()).toBe('100000');
      const last = await snmp('snmpget', host, '1.3.6.1.2.1.2.2.1.1.100000');
      expect(last.stdout.trim()).toBe('100000');
    });

    it('hostile serves markup and a ~60 KB sysDescr within one datagram', async () => {
      const host = truthHost('hostile');
      const descr = await snmp('snmpget', host, SYS_DESCR);
      expect(descr.code, descr.stderr).toBe(0);
      const bytes = hexBytes(descr.stdout);
      expect(bytes.length).toBe(60_000);
      expect(bytes.toString('latin1')).toContain('<script>');
      for (const hostile of ['<script>', '\u001b[', '\u0000']) expect(host.expected.sysName).toContain(hostile);
    });
  });

  describe('isolation', () => {
    it('gives the technician only the LAN route and the router as gateway', async () => {
      const routes = await execInTech('ip', ['-4', 'route', 'show']);
      expect(routes.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 3).join(' ')).sort()).toEqual(
        ['10.77.0.0/24 dev eth0', `default via ${office.technician.gateway}`].sort(),
      );
    });

    it('routes nothing beyond 10.77.0.0/24 and 10.78.0.0/16 (plus its void link) at the router', async () => {
      const router = await execInNamespace(truth.router.namespace, 'ip', ['-4', 'route', 'show']);
      const destinations = router.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/)[0]).sort();
      expect(destinations).toEqual(['10.77.0.0/24', '10.78.0.0/16', '10.79.0.0/30']);
      expect((await execInTech('ping', ['-c', '1', '-W', '1', '192.0.2.1'])).code).not.toBe(0);
    });

    it('reaches the few live addresses of the void /16 and nothing else there', async () => {
      for (const ip of truth.voidNetwork.liveAddresses) expect((await execInTech('ping', ['-c', '1', '-W', '1', ip])).code, ip).toBe(0);
      expect((await execInTech('ping', ['-c', '1', '-W', '1', '10.78.42.42'])).code).not.toBe(0);
    });

    it('leaves the root namespace without any lab interface', async () => {
      const { mustRun } = await import('./run.js');
      const links = await mustRun('ip', ['-o', 'link', 'show']);
      const names = links.split('\n').map((l) => l.split(':')[1]?.trim().split('@')[0]).filter(Boolean);
      expect(names.filter((n) => n === office.bridge || n === 'tech' || /^h\d+$/.test(n ?? ''))).toEqual([]);
    });
  });

  describe('lifecycle', () => {
    it('survives a second labUp', async () => {
      const second = await labUp();
      expect(second.reused).toBe(true);
      expect((await snmp('snmpget', truth.router, SYS_NAME)).code).toBe(0);
    });
    // That labDown leaves no namespace, veth or process behind is checked by the
    // global teardown (tests/lab/global-setup.ts), which throws on leftovers: the
    // lab is shared with the e2e project running concurrently, so no test may
    // take it down mid-run.
  });
});
