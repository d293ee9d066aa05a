import { describe, expect, it } from 'vitest';
import { inferTopology } from '../../../shared/topology/infer';
import { ScanDocumentSchema } from '../../../shared/scan-document';
import { ageOut, build, device, linkKeys, type WiringSpec } from './synthetic';

const ports = (n: number) => Array.from({ length: n }, (_, i) => `ge${i + 1}`);

function office(lldp: WiringSpec['links'][number]['lldp'] = 'both'): WiringSpec {
  return {
    switches: [
      { id: 'sw1', ip: '10.0.0.2', mac: '02:00:00:00:01:01', ports: ports(24) },
      { id: 'sw2', ip: '10.0.0.3', mac: '02:00:00:00:02:02', ports: ports(24) },
    ],
    hosts: [
      { id: 'rtr', ip: '10.0.0.1', mac: '02:00:00:00:00:01', type: 'router', at: { sw: 'sw1', port: 'ge1' } },
      { id: 'pc1', ip: '10.0.0.11', mac: '02:00:00:00:00:11', at: { sw: 'sw1', port: 'ge2' } },
      { id: 'pc2', ip: '10.0.0.12', mac: '02:00:00:00:00:12', at: { sw: 'sw2', port: 'ge3' } },
      { id: 'prn', ip: '10.0.0.13', mac: '02:00:00:00:00:13', type: 'printer', at: { sw: 'sw2', port: 'ge4' } },
      { id: 'pc3', ip: '10.0.0.14', mac: '02:00:00:00:00:14', at: { sw: 'sw2', port: 'ge8' } },
      { id: 'pc4', ip: '10.0.0.15', mac: '02:00:00:00:00:15', at: { sw: 'sw2', port: 'ge8' } },
      { id: 'pc5', ip: '10.0.0.16', mac: '02:00:00:00:00:16', at: { sw: 'sw2', port: 'ge8' } },
    ],
    links: [{ a: { sw: 'sw1', port: 'ge24' }, b: { sw: 'sw2', port: 'ge24' }, lldp }],
    router: 'rtr',
  };
}

const PLACEHOLDER = 'unmanaged:sw2:ge8';
const EXPECTED_OFFICE = [
  'sw1:ge24 — sw2:ge24 lldp/confirmed',
  'rtr:? — sw1:ge1 fdb/inferred',
  'pc1:? — sw1:ge2 fdb/inferred',
  'pc2:? — sw2:ge3 fdb/inferred',
  'prn:? — sw2:ge4 fdb/inferred',
  `sw2:ge8 — ${PLACEHOLDER}:? fdb/inferred`,
  `pc3:? — ${PLACEHOLDER}:? fdb/inferred`,
  `pc4:? — ${PLACEHOLDER}:? fdb/inferred`,
  `pc5:? — ${PLACEHOLDER}:? fdb/inferred`,
].map((k) => k.split(' — ').sort().join(' — ')).sort();

function normalise(keys: string[]): string[] {
  return keys.map((k) => {
    const [ends, rest] = [k.slice(0, k.lastIndexOf(' ')), k.slice(k.lastIndexOf(' ') + 1)];
    return `${ends.split(' — ').sort().join(' — ')} ${rest}`;
  }).sort();
}

describe('inferTopology', () => {
  it('reproduces a two-switch office with LLDP both sides, hosts on edge ports and an unmanaged switch', () => {
    const { devices, facts } = build(office());
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    expect(normalise(linkKeys(result.links))).toEqual(normalise(EXPECTED_OFFICE));
    expect(result.placeholders.map((p) => [p.id, p.type])).toEqual([[PLACEHOLDER, 'unmanaged-switch']]);
    expect(result.findings).toEqual([]);
    const uplink = result.links.find((l) => l.via === 'lldp')!;
    expect([uplink.speed, uplink.duplex]).toEqual([1000, 'full']);
    // The output fits the scan document.
    const doc = { schemaVersion: 1, generator: { name: 'forewarn', version: '0' }, scan: { id: 's', startedAt: 'x', finishedAt: null, targets: [], status: 'running', preset: 'quick' }, devices: [...devices, ...result.placeholders], links: result.links };
    expect(ScanDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('treats one-sided LLDP as one confirmed link with both ports', () => {
    for (const side of ['a', 'b'] as const) {
      const { devices, facts } = build(office(side));
      const links = inferTopology(devices, facts).links.filter((l) => l.via === 'lldp');
      expect(links).toHaveLength(1);
      expect(linkKeys(links)).toEqual(['sw1:ge24 — sw2:ge24 lldp/confirmed']);
    }
  });

  it('infers the switch-to-switch link from forwarding tables when no LLDP runs', () => {
    const { devices, facts } = build(office('none'));
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    expect(normalise(linkKeys(result.links))).toEqual(normalise(EXPECTED_OFFICE.map((k) => k.replace('lldp/confirmed', 'fdb/inferred'))));
  });

  it('links only adjacent switches in a chain without LLDP (no shortcut sw1–sw3)', () => {
    const spec: WiringSpec = {
      switches: ['sw1', 'sw2', 'sw3'].map((id, i) => ({ id, ip: `10.0.0.${i + 2}`, mac: `02:00:00:00:0${i + 1}:00`, ports: ports(8) })),
      hosts: [
        { id: 'a', ip: '10.0.0.21', mac: '02:00:00:00:00:21', at: { sw: 'sw1', port: 'ge1' } },
        { id: 'b', ip: '10.0.0.22', mac: '02:00:00:00:00:22', at: { sw: 'sw2', port: 'ge1' } },
        { id: 'c', ip: '10.0.0.23', mac: '02:00:00:00:00:23', at: { sw: 'sw3', port: 'ge5' } },
      ],
      links: [
        { a: { sw: 'sw1', port: 'ge8' }, b: { sw: 'sw2', port: 'ge7' }, lldp: 'none' },
        { a: { sw: 'sw2', port: 'ge8' }, b: { sw: 'sw3', port: 'ge7' }, lldp: 'none' },
      ],
    };
    const { devices, facts } = build(spec);
    expect(linkKeys(inferTopology(devices, facts).links)).toEqual(
      ['a:? — sw1:ge1 fdb/inferred', 'b:? — sw2:ge1 fdb/inferred', 'c:? — sw3:ge5 fdb/inferred', 'sw1:ge8 — sw2:ge7 fdb/inferred', 'sw2:ge8 — sw3:ge7 fdb/inferred'],
    );
  });

  it('degrades aged-out hosts to the right switch with unknown port, and hosts in no table to the segment', () => {
    const { devices, facts } = build(office());
    ageOut(facts, 'sw2', ['02:00:00:00:00:12']); // pc2 gone from its own switch, still on sw1's uplink
    ageOut(facts, 'sw1', ['02:00:00:00:00:11']); // pc1 gone from its own switch...
    ageOut(facts, 'sw2', ['02:00:00:00:00:11']); // ...and from everywhere
    ageOut(facts, 'sw2', ['02:00:00:00:00:14']); // one host behind the unmanaged switch
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    const keys = linkKeys(result.links);
    expect(keys).toContain('pc2:? — sw2:? fdb/inferred');
    expect(keys).toContain('pc3:? — sw2:? fdb/inferred');
    // In no forwarding table: on the segment, i.e. the gateway's switch.
    expect(keys).toContain('pc1:? — sw1:? arp/assumed');
    // Two hosts remain behind the unmanaged switch.
    expect(keys).toContain(`pc4:? — ${PLACEHOLDER}:? fdb/inferred`);
    expect(keys).toContain(`pc5:? — ${PLACEHOLDER}:? fdb/inferred`);
    expect(keys.filter((k) => k.includes('pc2') || k.includes('pc1') || k.includes('pc3'))).toHaveLength(3);
  });

  it('a host its edge switch forgot, still learned on the core\'s uplink, hangs below the edge switch even when LLDP names that uplink otherwise', () => {
    const { devices, facts } = build(office());
    // The core's LLDP calls its uplink by another name than its forwarding table does (ifDescr vs ifName, say).
    facts.sw1 = { ...facts.sw1!, neighbours: facts.sw1!.neighbours.map((n) => ({ ...n, localPort: 'GigabitEthernet0/24' })) };
    facts.sw2 = { ...facts.sw2!, neighbours: [] };
    ageOut(facts, 'sw2', ['02:00:00:00:00:12']);
    const keys = linkKeys(inferTopology(devices, facts, { gatewayIp: '10.0.0.1' }).links);
    expect(keys.filter((k) => k.includes('pc2'))).toEqual(['pc2:? — sw2:? fdb/inferred']);
  });

  it('a host learned only on an uplink that leads to several switches, none linked, is left unplaced: never on the switch whose port leads away', () => {
    const spec = office('none');
    spec.switches.push({ id: 'sw3', ip: '10.0.0.4', mac: '02:00:00:00:03:03', ports: ports(24) });
    spec.links.push({ a: { sw: 'sw2', port: 'ge23' }, b: { sw: 'sw3', port: 'ge24' }, lldp: 'none' });
    spec.hosts.push({ id: 'pc9', ip: '10.0.0.19', mac: '02:00:00:00:00:19', at: { sw: 'sw3', port: 'ge5' } });
    const { devices, facts } = build(spec);
    // pc9 is forgotten by its own switch and by the middle one; only the core still learns it, on its uplink.
    ageOut(facts, 'sw3', ['02:00:00:00:00:19']);
    ageOut(facts, 'sw2', ['02:00:00:00:00:19', '02:00:00:00:03:03']);
    ageOut(facts, 'sw3', ['02:00:00:00:02:02', '02:00:00:00:01:01']);
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    const mine = linkKeys(result.links).filter((k) => k.includes('pc9'));
    expect(mine.some((k) => k.includes('sw1'))).toBe(false);
    expect(mine.every((k) => k.includes('sw3') || k.includes('sw2'))).toBe(true);
  });

  it('needs two hosts on an edge port for a placeholder; a lone host hangs directly', () => {
    const spec = office();
    spec.hosts = spec.hosts.filter((h) => h.id !== 'pc4' && h.id !== 'pc5');
    const { devices, facts } = build(spec);
    const result = inferTopology(devices, facts);
    expect(result.placeholders).toEqual([]);
    expect(linkKeys(result.links)).toContain('pc3:? — sw2:ge8 fdb/inferred');
  });

  it('reports a duplicate IP seen in ARP tables', () => {
    const { devices, facts } = build(office());
    facts.rtr!.arp.push({ ip: '10.0.0.12', mac: '02:00:00:00:00:99', ifIndex: 1, type: 'dynamic' });
    const { findings } = inferTopology(devices, facts);
    expect(findings.map((f) => [f.finding.rule, f.finding.severity, f.finding.subject])).toEqual([['topology.duplicate-ip', 'high', '10.0.0.12']]);
    expect(findings[0]!.deviceIds).toEqual(['pc2']);
    expect(findings[0]!.macs).toEqual(['02:00:00:00:00:12', '02:00:00:00:00:99']);
    expect(findings[0]!.finding.evidence.map((e) => `${e.name}: ${String(e.value)}`)).toEqual([
      'ARP table of rtr (10.0.0.1): 10.0.0.12 → 02:00:00:00:00:12',
      'MAC recorded for the device: 10.0.0.12 → 02:00:00:00:00:12',
      '02:00:00:00:00:12 learned on: sw2 (10.0.0.3) port ge3',
      'ARP table of rtr (10.0.0.1): 10.0.0.12 → 02:00:00:00:00:99',
      '02:00:00:00:00:99 learned on: no edge port of a managed switch read',
    ]);
  });

  it('reports a MAC learned on edge ports of two switches at once', () => {
    const { devices, facts } = build(office());
    facts.sw1!.fdb.push({ mac: '02:00:00:00:00:13', port: 'ge6', bridgePort: 6, ifIndex: 6, vlan: 1, status: 'learned' });
    const { findings } = inferTopology(devices, facts);
    const dup = findings.filter((f) => f.finding.rule === 'topology.duplicate-mac');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.finding.subject).toBe('02:00:00:00:00:13');
    expect(dup[0]!.deviceIds).toEqual(['prn', 'sw1', 'sw2']);
  });

  it('reports two devices claiming one MAC', () => {
    const { devices, facts } = build(office());
    devices.push(device('clone', '10.0.0.77', '02:00:00:00:00:12', 'workstation'));
    const dup = inferTopology(devices, facts).findings.filter((f) => f.finding.rule === 'topology.duplicate-mac');
    expect(dup.map((f) => f.deviceIds)).toEqual([['clone', 'pc2']]);
  });

  it('flags a duplex mismatch across an LLDP link', () => {
    const { devices, facts } = build(office());
    facts.sw2!.interfaces = facts.sw2!.interfaces.map((i) => (i.name === 'ge24' ? { ...i, duplex: 'half' as const } : i));
    const rules = inferTopology(devices, facts).findings.map((f) => f.finding.rule);
    expect(rules).toEqual(['topology.duplex-mismatch']);
  });

  it('resolves an LLDP neighbour by management IP or sysName when the chassis id is not a MAC', () => {
    const { devices, facts } = build(office('a'));
    const n = facts.sw1!.neighbours[0]!;
    facts.sw1!.neighbours = [{ ...n, chassisMac: null, chassisId: 'local-id-7', mgmtIps: [], sysName: 'SW2.office.example' }];
    expect(linkKeys(inferTopology(devices, facts).links)).toContain('sw1:ge24 — sw2:ge24 lldp/confirmed');
    facts.sw1!.neighbours = [{ ...n, chassisMac: null, chassisId: 'x', sysName: null, mgmtIps: ['10.0.0.3'] }];
    expect(linkKeys(inferTopology(devices, facts).links)).toContain('sw1:ge24 — sw2:ge24 lldp/confirmed');
  });

  it('is deterministic whatever the device order', () => {
    const { devices, facts } = build(office());
    const one = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    const two = inferTopology([...devices].reverse(), facts, { gatewayIp: '10.0.0.1' });
    expect(linkKeys(two.links)).toEqual(linkKeys(one.links));
  });
});

describe('createTopologyTracker', () => {
  it('returns a result only when the graph changes as devices report', async () => {
    const { createTopologyTracker } = await import('../../../shared/topology/tracker');
    const { devices, facts } = build(office());
    const tracker = createTopologyTracker({ gatewayIp: '10.0.0.1' });
    // Nothing reported yet: every device sits on the gateway's segment, assumed.
    const bare = tracker.update(devices)!;
    expect(bare.links.every((l) => l.a.device === 'rtr' && l.via === 'arp' && l.confidence === 'assumed')).toBe(true);
    expect(bare.links).toHaveLength(devices.length - 1);
    expect(tracker.update(devices)).toBeNull();
    tracker.setFacts('sw1', facts.sw1!);
    const first = tracker.update(devices);
    expect(linkKeys(first!.links)).toContain('pc1:? — sw1:ge2 fdb/inferred');
    expect(tracker.update(devices)).toBeNull();
    tracker.setFacts('sw2', facts.sw2!);
    tracker.setFacts('rtr', facts.rtr!);
    const full = tracker.update(devices)!;
    expect(normalise(linkKeys(full.links))).toEqual(normalise(EXPECTED_OFFICE));
    expect(tracker.current).toBe(full);
  });
});

describe('inferTopology with switches nothing connects', () => {
  it('hangs a stranded group of switches on the gateway switch, assumed, keeping its own links', () => {
    const p = ['ge1', 'ge2', 'ge3', 'ge24'];
    const { devices, facts } = build({
      switches: [
        { id: 'sw1', ip: '10.0.0.2', mac: '02:00:00:00:01:01', ports: p },
        { id: 'sw2', ip: '10.0.0.3', mac: '02:00:00:00:02:02', ports: p },
        { id: 'sw3', ip: '10.0.0.4', mac: '02:00:00:00:03:03', ports: p },
      ],
      hosts: [
        { id: 'rtr', ip: '10.0.0.1', mac: '02:00:00:00:00:01', type: 'router', at: { sw: 'sw1', port: 'ge1' } },
        { id: 'pc2', ip: '10.0.0.12', mac: '02:00:00:00:00:12', at: { sw: 'sw2', port: 'ge1' } },
        { id: 'pc3', ip: '10.0.0.13', mac: '02:00:00:00:00:13', at: { sw: 'sw3', port: 'ge2' } },
      ],
      // sw1 is wired to nothing that any table shows (e.g. through a media converter nobody learns across).
      links: [{ a: { sw: 'sw2', port: 'ge24' }, b: { sw: 'sw3', port: 'ge24' }, lldp: 'both' }],
      router: 'rtr',
    });
    const keys = linkKeys(inferTopology(devices, facts, { gatewayIp: '10.0.0.1' }).links);
    expect(keys).toEqual([
      'pc2:? — sw2:ge1 fdb/inferred',
      'pc3:? — sw3:ge2 fdb/inferred',
      'rtr:? — sw1:ge1 fdb/inferred',
      'sw1:? — sw2:? arp/assumed',
      'sw2:ge24 — sw3:ge24 lldp/confirmed',
    ]);
  });
});
