import { describe, expect, it } from 'vitest';
import { inferTopology } from '../../../shared/topology/infer';
import { renderTree } from '../../../shared/topology/tree';
import { build, device } from './synthetic';

const spec = {
  switches: [
    { id: 'sw1', ip: '10.0.0.2', mac: '02:00:00:00:01:01', ports: ['ge1', 'ge2', 'ge10', 'ge24'] },
    { id: 'sw2', ip: '10.0.0.3', mac: '02:00:00:00:02:02', ports: ['ge3', 'ge8', 'ge24'] },
  ],
  hosts: [
    { id: 'rtr', ip: '10.0.0.1', mac: '02:00:00:00:00:01', type: 'router' as const, at: { sw: 'sw1', port: 'ge1' } },
    { id: 'pc1', ip: '10.0.0.11', mac: '02:00:00:00:00:11', at: { sw: 'sw1', port: 'ge10' } },
    { id: 'pc0', ip: '10.0.0.10', mac: '02:00:00:00:00:10', at: { sw: 'sw1', port: 'ge2' } },
    { id: 'pc2', ip: '10.0.0.12', mac: '02:00:00:00:00:12', at: { sw: 'sw2', port: 'ge3' } },
    { id: 'pc3', ip: '10.0.0.13', mac: '02:00:00:00:00:13', at: { sw: 'sw2', port: 'ge8' } },
    { id: 'pc4', ip: '10.0.0.14', mac: '02:00:00:00:00:14', at: { sw: 'sw2', port: 'ge8' } },
  ],
  links: [{ a: { sw: 'sw1', port: 'ge24' }, b: { sw: 'sw2', port: 'ge24' }, lldp: 'both' as const }],
  router: 'rtr',
};

describe('renderTree', () => {
  it('prints gateway → switches → ports → hosts, ports in natural order, placeholders and unplaced devices', () => {
    const { devices, facts } = build(spec);
    devices.push(device('lost', '10.0.0.99', null, 'printer', 'lost-printer'));
    const result = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    const tree = renderTree({ devices: [...devices, ...result.placeholders], links: result.links }, { gatewayIp: '10.0.0.1' });
    expect(tree).toBe(
      [
        'rtr (router, 10.0.0.1)  [gateway]',
        '└── sw1 (switch, 10.0.0.2)  (its port ge1)  [fdb, inferred, 1 Gb/s full]',
        '    ├── port ge2',
        '    │   └── pc0 (workstation, 10.0.0.10)  [fdb, inferred, 1 Gb/s full]',
        '    ├── port ge10',
        '    │   └── pc1 (workstation, 10.0.0.11)  [fdb, inferred, 1 Gb/s full]',
        '    └── port ge24',
        '        └── sw2 (switch, 10.0.0.3)  (its port ge24)  [lldp, confirmed, 1 Gb/s full]',
        '            ├── port ge3',
        '            │   └── pc2 (workstation, 10.0.0.12)  [fdb, inferred, 1 Gb/s full]',
        '            └── port ge8',
        '                └── unmanaged switch (placeholder)  [fdb, inferred, 1 Gb/s full]',
        '                    ├── pc3 (workstation, 10.0.0.13)  [fdb, inferred]',
        '                    └── pc4 (workstation, 10.0.0.14)  [fdb, inferred]',
        '',
        'Not placed (1):',
        '  lost-printer (printer, 10.0.0.99)',
        '',
      ].join('\n'),
    );
  });

  it('groups hosts of unknown port last and neutralises terminal escapes in device strings', () => {
    const sw = device('sw', '10.0.0.2', '02:00:00:00:00:02', 'switch');
    const evil = device('evil', '10.0.0.66', '02:00:00:00:00:66', 'unknown', 'x\u001b[2J\u0007y\u202Ez');
    const tree = renderTree({
      devices: [sw, evil],
      links: [{ a: { device: 'sw', port: null }, b: { device: 'evil', port: 'eth\u001b0' }, via: 'arp', confidence: 'assumed', speed: null, duplex: null }],
    });
    expect(tree).toBe(['sw (switch, 10.0.0.2)', '└── port ? (unknown)', '    └── x?[2J?y?z (unknown, 10.0.0.66)  (its port eth?0)  [arp, assumed]', ''].join('\n'));
  });
});
