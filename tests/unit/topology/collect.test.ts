import { describe, expect, it } from 'vitest';
import { collectTopologyFacts } from '../../../electron/engine/topology/collect';
import { parseManAddrIndex } from '../../../electron/engine/topology/lldp';
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';
import type { SnmpSource } from '../../../electron/engine/snmp/source';

const SWITCH = `
1.3.6.1.2.1.2.2.1.2.10|4|GigabitEthernet0/1
1.3.6.1.2.1.2.2.1.2.11|4|GigabitEthernet0/2
1.3.6.1.2.1.2.2.1.2.12|4|GigabitEthernet0/24
1.3.6.1.2.1.2.2.1.5.10|66|100000000
1.3.6.1.2.1.2.2.1.5.11|66|4294967295
1.3.6.1.2.1.2.2.1.5.12|66|1000000000
1.3.6.1.2.1.2.2.1.6.10|4x|0200000a0001
1.3.6.1.2.1.2.2.1.6.11|4x|0200000a0002
1.3.6.1.2.1.2.2.1.6.12|4x|0200000a0018
1.3.6.1.2.1.31.1.1.1.1.10|4|Gi0/1
1.3.6.1.2.1.31.1.1.1.1.11|4|Gi0/2
1.3.6.1.2.1.31.1.1.1.1.12|4|Gi0/24
1.3.6.1.2.1.31.1.1.1.15.11|66|10000
1.3.6.1.2.1.10.7.2.1.19.10|2|2
1.3.6.1.2.1.10.7.2.1.19.12|2|3
1.3.6.1.2.1.17.1.1.0|4x|0200000a0000
1.3.6.1.2.1.17.1.4.1.2.1|2|10
1.3.6.1.2.1.17.1.4.1.2.2|2|11
1.3.6.1.2.1.17.1.4.1.2.24|2|12
1.3.6.1.2.1.17.7.1.2.2.1.2.1.2.0.0.0.0.17|2|1
1.3.6.1.2.1.17.7.1.2.2.1.2.1.2.0.0.0.0.18|2|24
1.3.6.1.2.1.17.7.1.2.2.1.2.1.2.0.0.10.0.0|2|0
1.3.6.1.2.1.17.7.1.2.2.1.2.5.2.0.0.0.0.19|2|2
1.3.6.1.2.1.17.7.1.2.2.1.3.1.2.0.0.0.0.17|2|3
1.3.6.1.2.1.17.7.1.2.2.1.3.1.2.0.0.0.0.18|2|3
1.3.6.1.2.1.17.7.1.2.2.1.3.1.2.0.0.10.0.0|2|4
1.3.6.1.2.1.17.7.1.2.2.1.3.5.2.0.0.0.0.19|2|3
1.3.6.1.2.1.17.7.1.4.2.1.3.0.10|66|1
1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.99|2|1
1.0.8802.1.1.2.1.3.1.0|2|4
1.0.8802.1.1.2.1.3.2.0|4x|0200000a0000
1.0.8802.1.1.2.1.3.3.0|4|core-sw.office.example
1.0.8802.1.1.2.1.3.7.1.2.24|2|5
1.0.8802.1.1.2.1.3.7.1.3.24|4|Gi0/24
1.0.8802.1.1.2.1.4.1.1.4.0.24.1|2|4
1.0.8802.1.1.2.1.4.1.1.5.0.24.1|4x|0200000b0000
1.0.8802.1.1.2.1.4.1.1.6.0.24.1|2|5
1.0.8802.1.1.2.1.4.1.1.7.0.24.1|4x|6765302f31
1.0.8802.1.1.2.1.4.1.1.8.0.24.1|4|uplink to core
1.0.8802.1.1.2.1.4.1.1.9.0.24.1|4|access-sw
1.0.8802.1.1.2.1.4.2.1.3.0.24.1.1.4.10.0.0.3|2|2
1.3.6.1.4.1.9.9.23.1.2.1.1.3.11.1|2|1
1.3.6.1.4.1.9.9.23.1.2.1.1.4.11.1|4x|0a000063
1.3.6.1.4.1.9.9.23.1.2.1.1.6.11.1|4|phone-7.office.example(SEP0011)
1.3.6.1.4.1.9.9.23.1.2.1.1.7.11.1|4|Port 1
1.3.6.1.4.1.9.9.23.1.2.1.1.8.11.1|4|Cisco IP Phone 7945
1.3.6.1.2.1.4.22.1.2.10.10.0.0.17|4x|020000000011
1.3.6.1.2.1.4.22.1.2.10.10.0.0.18|4x|020000000012
1.3.6.1.2.1.4.22.1.4.10.10.0.0.17|2|3
1.3.6.1.2.1.4.22.1.4.10.10.0.0.18|2|2
1.3.6.1.2.1.4.35.1.4.10.1.4.10.0.0.17|4x|020000000011
1.3.6.1.2.1.4.35.1.4.10.1.4.10.0.0.19|4x|020000000019
1.3.6.1.2.1.4.35.1.4.10.2.16.254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1|4x|020000000020
1.3.6.1.2.1.4.35.1.6.10.1.4.10.0.0.17|2|3
1.3.6.1.2.1.4.35.1.6.10.1.4.10.0.0.19|2|4
`;

describe('collectTopologyFacts', () => {
  it('reads interfaces, Q-BRIDGE FDB per VLAN, LLDP, CDP and both ARP tables', async () => {
    const facts = await collectTopologyFacts(loadSnmprec(SWITCH, 'core'));
    expect(facts.interfaces).toEqual([
      { ifIndex: 10, name: 'Gi0/1', descr: 'GigabitEthernet0/1', alias: null, mac: '02:00:00:0a:00:01', speedMbps: 100, duplex: 'half' },
      { ifIndex: 11, name: 'Gi0/2', descr: 'GigabitEthernet0/2', alias: null, mac: '02:00:00:0a:00:02', speedMbps: 10000, duplex: null },
      { ifIndex: 12, name: 'Gi0/24', descr: 'GigabitEthernet0/24', alias: null, mac: '02:00:00:0a:00:18', speedMbps: 1000, duplex: 'full' },
    ]);
    expect(facts.isBridge).toBe(true);
    expect(facts.bridgeAddress).toBe('02:00:00:0a:00:00');
    // Q-BRIDGE wins over BRIDGE-MIB (whose lone row is ignored); FdbId 1 → VLAN 10, FdbId 5 has no mapping → 5.
    expect(facts.fdb).toEqual([
      { mac: '02:00:00:00:00:11', bridgePort: 1, ifIndex: 10, port: 'Gi0/1', vlan: 10, status: 'learned' },
      { mac: '02:00:00:00:00:12', bridgePort: 24, ifIndex: 12, port: 'Gi0/24', vlan: 10, status: 'learned' },
      { mac: '02:00:00:0a:00:00', bridgePort: 0, ifIndex: null, port: null, vlan: 10, status: 'self' },
      { mac: '02:00:00:00:00:13', bridgePort: 2, ifIndex: 11, port: 'Gi0/2', vlan: 5, status: 'learned' },
    ]);
    expect(facts.identityMacs).toEqual(['02:00:00:0a:00:00', '02:00:00:0a:00:01', '02:00:00:0a:00:02', '02:00:00:0a:00:18']);
    expect(facts.lldpLocalSysName).toBe('core-sw.office.example');
    expect(facts.neighbours).toEqual([
      { via: 'lldp', localPort: 'Gi0/24', chassisMac: '02:00:00:0b:00:00', chassisId: '02:00:00:0b:00:00', sysName: 'access-sw', portId: 'ge0/1', portMac: null, portDesc: 'uplink to core', mgmtIps: ['10.0.0.3'], platform: null },
      { via: 'cdp', localPort: 'Gi0/2', chassisMac: null, chassisId: 'phone-7.office.example(SEP0011)', sysName: 'phone-7.office.example', portId: 'Port 1', portMac: null, portDesc: null, mgmtIps: ['10.0.0.99'], platform: 'Cisco IP Phone 7945' },
    ]);
    // ipNetToPhysical (IPv4 rows only) merged with ipNetToMedia; the invalid row is dropped.
    expect(facts.arp).toEqual([
      { ip: '10.0.0.17', mac: '02:00:00:00:00:11', ifIndex: 10, type: 'dynamic' },
      { ip: '10.0.0.19', mac: '02:00:00:00:00:19', ifIndex: 10, type: 'static' },
    ]);
    expect(facts.incomplete).toEqual([]);
  });

  it('falls back to BRIDGE-MIB and takes bridge ports as ifIndexes when dot1dBasePortIfIndex is absent', async () => {
    const text = `
1.3.6.1.2.1.2.2.1.2.1|4|port1
1.3.6.1.2.1.2.2.1.2.2|4|port2
1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.17|2|1
1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.18|2|2
1.3.6.1.2.1.17.4.3.1.3.2.0.0.0.0.18|2|2
`;
    const facts = await collectTopologyFacts(loadSnmprec(text, 'dumb'));
    expect(facts.isBridge).toBe(true);
    expect(facts.fdb).toEqual([
      { mac: '02:00:00:00:00:11', bridgePort: 1, ifIndex: 1, port: 'port1', vlan: null, status: 'learned' },
      { mac: '02:00:00:00:00:12', bridgePort: 2, ifIndex: 2, port: 'port2', vlan: null, status: 'invalid' },
    ]);
  });

  it('reads Cisco per-VLAN forwarding tables through the VLAN views when given a factory', async () => {
    const base = loadSnmprec(
      [
        '1.3.6.1.2.1.2.2.1.2.10|4|Gi0/1',
        '1.3.6.1.2.1.2.2.1.2.11|4|Gi0/2',
        '1.3.6.1.2.1.17.1.4.1.2.1|2|10',
        '1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.1|2|1',
        '1.3.6.1.4.1.9.9.46.1.3.1.1.2.1.1|2|1',
        '1.3.6.1.4.1.9.9.46.1.3.1.1.2.1.20|2|1',
        '1.3.6.1.4.1.9.9.46.1.3.1.1.2.1.30|2|2',
        '1.3.6.1.4.1.9.9.46.1.3.1.1.2.1.1002|2|1',
      ].join('\n'),
      'ios',
    );
    const views: Record<number, string> = {
      1: '1.3.6.1.2.1.17.1.4.1.2.1|2|10\n1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.1|2|1\n',
      // Each VLAN numbers its bridge ports its own way.
      20: '1.3.6.1.2.1.17.1.4.1.2.5|2|11\n1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.2|2|5\n1.3.6.1.2.1.17.4.3.1.3.2.0.0.0.0.2|2|3\n',
    };
    const asked: number[] = [];
    const facts = await collectTopologyFacts(base, {
      vlanSource: (vid) => {
        asked.push(vid);
        return views[vid] ? loadSnmprec(views[vid]!, `ios@${vid}`) : null;
      },
    });
    expect(asked).toEqual([1, 20]);
    expect(facts.fdb.map((e) => [e.mac, e.port, e.vlan])).toEqual([
      ['02:00:00:00:00:01', 'Gi0/1', 1],
      ['02:00:00:00:00:02', 'Gi0/2', 20],
    ]);
  });

  it('reports a host without bridge tables as no bridge, and records failing or truncated walks as incomplete', async () => {
    const base = loadSnmprec('1.3.6.1.2.1.2.2.1.2.1|4|eth0\n1.3.6.1.2.1.2.2.1.6.1|4x|020000000031\n', 'host');
    const flaky: SnmpSource = {
      label: 'flaky',
      get: (oids, signal) => base.get(oids, signal),
      walk: async (root, options) => {
        if (root === '1.3.6.1.2.1.4.22.1.2') throw new Error('timeout');
        if (root === '1.3.6.1.2.1.2.2.1.2') return { ...(await base.walk(root, options)), truncated: true };
        return base.walk(root, options);
      },
    };
    const facts = await collectTopologyFacts(flaky);
    expect(facts.isBridge).toBe(false);
    expect(facts.identityMacs).toEqual(['02:00:00:00:00:31']);
    expect(facts.incomplete).toEqual([
      { table: 'ifDescr', reason: 'truncated after 1 rows' },
      { table: 'ipNetToMediaPhysAddress', reason: 'walk failed: timeout' },
    ]);
  });

  it('stops when the scan is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(collectTopologyFacts(loadSnmprec(SWITCH, 'core'), { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('parses LLDP management addresses from the index, with or without the length octet', () => {
    expect(parseManAddrIndex('0.24.1.1.4.10.0.0.3')).toEqual({ row: '24.1', ip: '10.0.0.3' });
    expect(parseManAddrIndex('0.24.1.1.10.0.0.3')).toEqual({ row: '24.1', ip: '10.0.0.3' });
    expect(parseManAddrIndex('0.24.1.2.16.254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1')).toBeNull();
  });
});
