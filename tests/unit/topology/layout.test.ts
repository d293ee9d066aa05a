import dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { inferTopology } from '../../../shared/topology/infer';
import { LAYOUT_SIZES, layoutTopology } from '../../../shared/topology/layout';
import { build, device } from './synthetic';

function office(hostsPerSwitch: number) {
  const ports = Array.from({ length: 48 }, (_, i) => `ge${i + 1}`);
  return build({
    switches: [
      { id: 'core', ip: '10.0.0.2', mac: '02:00:00:00:01:00', ports },
      { id: 'edge', ip: '10.0.0.3', mac: '02:00:00:00:02:00', ports },
    ],
    hosts: [
      { id: 'gw', ip: '10.0.0.1', mac: '02:00:00:00:00:01', type: 'router', at: { sw: 'core', port: 'ge1' } },
      ...Array.from({ length: hostsPerSwitch }, (_, i) => ({ id: `h${i}`, ip: `10.0.1.${i}`, mac: `02:00:00:01:00:${i.toString(16).padStart(2, '0')}`, at: { sw: 'edge', port: `ge${(i % 40) + 2}` } })),
    ],
    links: [{ a: { sw: 'core', port: 'ge48' }, b: { sw: 'edge', port: 'ge48' }, lldp: 'both' }],
    router: 'gw',
  });
}

describe('layoutTopology', () => {
  it('puts the gateway on top, switches below, hosts in a port-ordered grid under their switch', () => {
    const { devices, facts } = office(30);
    const { links, placeholders } = inferTopology(devices, facts, { gatewayIp: '10.0.0.1' });
    const all = [...devices, ...placeholders];
    const layout = layoutTopology({ devices: all, links }, { dagre, gatewayIp: '10.0.0.1' });
    const p = layout.positions;
    expect(Object.keys(p).sort()).toEqual(all.map((d) => d.id).sort());
    expect(p.gw!.y).toBeLessThan(p.core!.y);
    expect(p.core!.y).toBeLessThan(p.edge!.y);
    const block = layout.blocks.find((b) => b.parent === 'edge')!;
    // Hosts ordered by port number (ge2, ge3 … ge10, ge11 …), not by string order.
    const ports = block.members.map((m) => Number(m.port!.slice(2)));
    expect(ports).toEqual([...ports].sort((a, b) => a - b));
    // A grid, not one row: several rows, all below the switch and inside the block.
    const ys = new Set(block.members.map((m) => p[m.id]!.y));
    expect(ys.size).toBeGreaterThan(1);
    for (const m of block.members) {
      expect(p[m.id]!.y).toBeGreaterThan(p.edge!.y);
      expect(p[m.id]!.x).toBeGreaterThanOrEqual(block.x);
      expect(p[m.id]!.x).toBeLessThanOrEqual(block.x + block.width);
    }
    expect(block.width).toBeLessThanOrEqual(LAYOUT_SIZES.maxColumns * LAYOUT_SIZES.cell.width);
    // No two devices on the same spot.
    const spots = new Set(Object.values(p).map((q) => `${Math.round(q.x)},${Math.round(q.y)}`));
    expect(spots.size).toBe(all.length);
  });

  it('lets user-pinned positions override, and lays out devices on no link below the map', () => {
    const { devices, facts } = office(4);
    const loner = device('loner', '10.0.9.9', null, 'printer');
    const { links } = inferTopology([...devices, loner], facts, { gatewayIp: '10.0.0.1' });
    const free = layoutTopology({ devices: [...devices, loner], links }, { dagre, gatewayIp: '10.0.0.1' });
    const pinned = layoutTopology({ devices: [...devices, loner], links, layout: { pinned: { h1: { x: -500, y: 42 }, ghost: { x: 1, y: 1 } } } }, { dagre, gatewayIp: '10.0.0.1' });
    expect(pinned.positions.h1).toEqual({ x: -500, y: 42 });
    expect(pinned.positions.ghost).toBeUndefined();
    expect(pinned.positions.h2).toEqual(free.positions.h2);
    expect(free.unplaced).toEqual(['loner']);
    const lowest = Math.max(...Object.entries(free.positions).filter(([id]) => id !== 'loner').map(([, q]) => q.y));
    expect(free.positions.loner!.y).toBeGreaterThan(lowest);
  });
});
