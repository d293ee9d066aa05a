import { describe, expect, it } from 'vitest';
import { inferTopology } from '../../../shared/topology/infer';
import type { TopologyFacts } from '../../../shared/topology/facts';
import { emptyTopologyFacts } from '../../../shared/topology/facts';
import { virtualRouterProtocol } from '../../../shared/topology/mac';
import { build, device, linkKeys, type WiringSpec } from './synthetic';

const ports = (n: number) => Array.from({ length: n }, (_, i) => `ge${i + 1}`);

/** Two switches joined by LLDP, a router on sw1, hosts on both. */
function office(): WiringSpec {
  return {
    switches: [
      { id: 'sw1', ip: '10.0.0.2', mac: '00:1b:54:00:01:01', ports: ports(24) },
      { id: 'sw2', ip: '10.0.0.3', mac: '3c:52:82:00:02:02', ports: ports(24) },
    ],
    hosts: [
      { id: 'rtr', ip: '10.0.0.1', mac: '00:1b:54:00:00:01', type: 'router', at: { sw: 'sw1', port: 'ge1' } },
      { id: 'cam', ip: '10.0.0.51', mac: '00:40:8c:00:00:51', type: 'camera', at: { sw: 'sw2', port: 'ge11' } },
      { id: 'prn', ip: '10.0.0.10', mac: '00:1e:0b:00:00:10', type: 'printer', at: { sw: 'sw2', port: 'ge3' } },
      { id: 'pc1', ip: '10.0.0.40', mac: '3c:07:54:00:00:40', at: { sw: 'sw1', port: 'ge5' } },
    ],
    links: [{ a: { sw: 'sw1', port: 'ge24' }, b: { sw: 'sw2', port: 'ge24' }, lldp: 'both' }],
    router: 'rtr',
  };
}

const PI = 'b8:27:eb:00:00:3c';
const rules = (result: ReturnType<typeof inferTopology>) => result.findings.map((f) => `${f.finding.rule} ${f.finding.subject} → ${f.deviceIds.join(',')}`);

/** A station no device stands for: switches learn it on its port (and on the uplink toward it). */
function plugIn(facts: Record<string, TopologyFacts>, mac: string, at: { sw: 'sw1' | 'sw2'; port: string }): void {
  const other = at.sw === 'sw1' ? 'sw2' : 'sw1';
  facts[at.sw]!.fdb.push({ mac, port: at.port, bridgePort: 1, ifIndex: 1, vlan: 1, status: 'learned' });
  facts[other]!.fdb.push({ mac, port: 'ge24', bridgePort: 24, ifIndex: 24, vlan: 1, status: 'learned' });
}

function setArp(facts: Record<string, TopologyFacts>, reporter: string, ip: string, mac: string): void {
  facts[reporter]!.arp = [...facts[reporter]!.arp.filter((r) => r.ip !== ip), { ip, mac, ifIndex: 1, type: 'dynamic' }];
}

describe('duplicate IP', () => {
  it('an intruder that won the router ARP cache while the owner answers the scan: one finding on the owner, with ports', () => {
    const { devices, facts } = build(office());
    plugIn(facts, PI, { sw: 'sw2', port: 'ge13' });
    setArp(facts, 'rtr', '10.0.0.51', PI);
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    expect(rules(result)).toEqual(['topology.duplicate-ip 10.0.0.51 → cam']);
    const [found] = result.findings;
    expect(found!.macs).toEqual(['00:40:8c:00:00:51', PI]);
    expect(found!.finding.severity).toBe('high');
    const rows = found!.finding.evidence.map((e) => `${e.name}: ${String(e.value)}`);
    expect(rows).toEqual([
      'MAC recorded for the device: 10.0.0.51 → 00:40:8c:00:00:51',
      '00:40:8c:00:00:51 learned on: sw2 (10.0.0.3) port ge11',
      'ARP table of rtr (10.0.0.1): 10.0.0.51 → b8:27:eb:00:00:3c',
      'b8:27:eb:00:00:3c learned on: sw2 (10.0.0.3) port ge13',
    ]);
    expect(found!.finding.evidence.find((e) => e.name.startsWith('ARP table'))!.oid).toBe('1.3.6.1.2.1.4.22.1.2.1.10.0.0.51');
    // The intruder is no device and no link; the wiring is untouched.
    expect(result.placeholders).toEqual([]);
    expect(linkKeys(result.links)).toContain('cam:? — sw2:ge11 fdb/inferred');
    expect(result.links.some((l) => [l.a.device, l.b.device].some((d) => d.includes(PI)))).toBe(false);
  });

  it('two ARP tables that disagree (router and layer-3 switch), the scan never having met the address', () => {
    const { devices, facts } = build(office());
    setArp(facts, 'rtr', '10.0.0.77', PI);
    facts.sw1!.arp = [{ ip: '10.0.0.77', mac: '3c:07:54:00:00:77', ifIndex: 1, type: 'dynamic' }];
    const result = inferTopology(devices, facts);
    expect(rules(result)).toEqual(['topology.duplicate-ip 10.0.0.77 → ']);
    expect(result.findings[0]!.finding.evidence.filter((e) => e.name.startsWith('ARP table')).map((e) => e.value)).toEqual(['10.0.0.77 → 3c:07:54:00:00:77', '10.0.0.77 → b8:27:eb:00:00:3c']);
  });

  it('a known device that also answers for another address is named on the finding too', () => {
    const { devices, facts } = build(office());
    setArp(facts, 'rtr', '10.0.0.51', '3c:07:54:00:00:40'); // pc1's MAC
    expect(rules(inferTopology(devices, facts))).toEqual(['topology.duplicate-ip 10.0.0.51 → cam,pc1']);
  });

  it('agreeing tables raise nothing', () => {
    const { devices, facts } = build(office());
    facts.sw1!.arp = facts.rtr!.arp.map((r) => ({ ...r }));
    expect(inferTopology(devices, facts).findings).toEqual([]);
  });

  it('no false positive: one host with two IPs (one MAC): no finding and no phantom unmanaged switch', () => {
    const { devices, facts } = build(office());
    devices.push(device('pc1-second-ip', '10.0.0.41', '3c:07:54:00:00:40', 'workstation', null));
    facts.rtr!.arp.push({ ip: '10.0.0.41', mac: '3c:07:54:00:00:40', ifIndex: 1, type: 'dynamic' });
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    expect(result.findings).toEqual([]);
    expect(result.placeholders).toEqual([]);
    expect(linkKeys(result.links)).toEqual(expect.arrayContaining(['pc1:? — sw1:ge5 fdb/inferred', 'pc1-second-ip:? — sw1:ge5 fdb/inferred']));
  });

  it('no false positive: a machine answering one IP from two of its own NICs (ARP flux), known by SNMP', () => {
    const { devices, facts } = build(office());
    const nic2 = '00:1e:0b:00:00:11';
    facts.prn = { ...emptyTopologyFacts(), identityMacs: ['00:1e:0b:00:00:10', nic2] };
    facts.sw1!.arp = [{ ip: '10.0.0.10', mac: nic2, ifIndex: 1, type: 'dynamic' }];
    expect(inferTopology(devices, facts).findings).toEqual([]);
  });

  it('no false positive: a router whose interfaces share one MAC, scanned at two addresses', () => {
    const { devices, facts } = build(office());
    const routerMac = '00:1b:54:00:00:01';
    const ifs = ['Gi0/0.10', 'Gi0/0.20'].map((name, i) => ({ ifIndex: i + 1, name, descr: name, alias: null, mac: routerMac, speedMbps: 1000, duplex: 'full' as const }));
    facts.rtr = { ...facts.rtr!, identityMacs: [routerMac], interfaces: ifs };
    // The same router at its second subnet's address: off-link, so no MAC of its own, but the same agent.
    devices.push(device('rtr-vlan20', '10.0.20.1', null, 'router', 'rtr'));
    facts['rtr-vlan20'] = { ...facts.rtr!, arp: [] };
    facts.rtr!.arp.push({ ip: '10.0.20.1', mac: routerMac, ifIndex: 2, type: 'local' });
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    expect(result.findings).toEqual([]);
    expect(result.placeholders).toEqual([]);
  });

  it('no false positive: VRRP/HSRP virtual MACs beside a router physical MAC for the gateway address', () => {
    const { devices, facts } = build(office());
    // The scan reached the gateway's virtual address through its VRRP MAC; the router lists its own MAC.
    devices.push(device('vip', '10.0.0.254', '00:00:5e:00:01:01', 'router', null));
    facts.rtr!.arp.push({ ip: '10.0.0.254', mac: '00:1b:54:00:00:01', ifIndex: 1, type: 'local' });
    facts.sw1!.arp = [{ ip: '10.0.0.254', mac: '00:00:0c:07:ac:01', ifIndex: 1, type: 'dynamic' }];
    expect(inferTopology(devices, facts, { gatewayIp: '10.0.0.1' }).findings).toEqual([]);
  });
});

describe('duplicate MAC', () => {
  it('one MAC on edge ports of two switches in one VLAN is a duplicate, filed on the owner and both switches', () => {
    const { devices, facts } = build(office());
    facts.sw1!.fdb.push({ mac: '00:1e:0b:00:00:10', port: 'ge7', bridgePort: 7, ifIndex: 7, vlan: 1, status: 'learned' });
    const result = inferTopology(devices, facts);
    expect(rules(result)).toEqual(['topology.duplicate-mac 00:1e:0b:00:00:10 → prn,sw1,sw2']);
    expect(result.findings[0]!.finding.evidence.map((e) => e.value)).toEqual(['00:1e:0b:00:00:10 on edge port ge7 (VLAN 1)', '00:1e:0b:00:00:10 on edge port ge3 (VLAN 1)']);
  });

  it('no false positive: the same MAC in different VLANs (per-VLAN learning)', () => {
    const { devices, facts } = build(office());
    facts.sw1!.fdb.push({ mac: '00:1e:0b:00:00:10', port: 'ge7', bridgePort: 7, ifIndex: 7, vlan: 20, status: 'learned' });
    expect(inferTopology(devices, facts).findings).toEqual([]);
  });

  it('no false positive: a router plugged into both switches whose interfaces share one MAC', () => {
    const { devices, facts } = build(office());
    const routerMac = '00:1b:54:00:00:01';
    facts.rtr = { ...facts.rtr!, interfaces: ['Gi0/0', 'Gi0/1'].map((name, i) => ({ ifIndex: i + 1, name, descr: name, alias: null, mac: routerMac, speedMbps: 1000, duplex: 'full' as const })) };
    facts.sw2!.fdb = facts.sw2!.fdb.filter((e) => e.mac !== routerMac);
    facts.sw2!.fdb.push({ mac: routerMac, port: 'ge20', bridgePort: 20, ifIndex: 20, vlan: 1, status: 'learned' });
    expect(inferTopology(devices, facts, { gatewayIp: '10.0.0.1' }).findings).toEqual([]);
  });

  it('no false positive: a VRRP virtual MAC learned where each router of the pair hangs', () => {
    const { devices, facts } = build(office());
    const vrrp = '00:00:5e:00:01:01';
    devices.push(device('vip', '10.0.0.254', vrrp, 'router', null));
    facts.sw1!.fdb.push({ mac: vrrp, port: 'ge1', bridgePort: 1, ifIndex: 1, vlan: 1, status: 'learned' });
    facts.sw2!.fdb.push({ mac: vrrp, port: 'ge9', bridgePort: 9, ifIndex: 9, vlan: 1, status: 'learned' });
    expect(inferTopology(devices, facts, { gatewayIp: '10.0.0.1' }).findings).toEqual([]);
  });

  it('two device records with one MAC are one machine, unless serials or names differ (cloned VMs)', () => {
    const { devices, facts } = build(office());
    const same = [...devices, { ...device('pc1-alias', '10.0.0.42', '3c:07:54:00:00:40', 'workstation', null) }];
    expect(inferTopology(same, facts).findings).toEqual([]);
    const vmA = { ...device('vm-a', '10.0.0.60', '00:50:56:00:00:01', 'server', 'vm-a'), serial: 'VMware-42 1a' };
    const vmB = { ...device('vm-b', '10.0.0.61', '00:50:56:00:00:01', 'server', 'vm-b'), serial: 'VMware-42 1b' };
    const result = inferTopology([...devices, vmA, vmB], facts);
    expect(rules(result)).toEqual(['topology.duplicate-mac 00:50:56:00:00:01 → vm-a,vm-b']);
    expect(result.findings[0]!.finding.evidence.map((e) => e.value)).toEqual(['00:50:56:00:00:01, serial VMware-42 1a', '00:50:56:00:00:01, serial VMware-42 1b']);
  });
});

describe('virtualRouterProtocol', () => {
  it('knows the first-hop redundancy MAC ranges and nothing else', () => {
    expect(virtualRouterProtocol('00:00:5e:00:01:0a')).toBe('VRRP (IPv4) / CARP');
    expect(virtualRouterProtocol('00:00:0c:07:ac:1f')).toBe('HSRP v1');
    expect(virtualRouterProtocol('00:00:0c:9f:f0:01')).toBe('HSRP v2');
    expect(virtualRouterProtocol('00:07:b4:00:01:02')).toBe('GLBP');
    expect(virtualRouterProtocol('00:00:5e:00:53:01')).toBeNull();
    expect(virtualRouterProtocol('b8:27:eb:00:00:3c')).toBeNull();
  });
});
