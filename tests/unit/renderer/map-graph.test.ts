import dagre from '@dagrejs/dagre';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { syncGraph } from '../../../renderer/src/map/cy-sync';
import { buildMapElements } from '../../../renderer/src/map/graph-elements';
import { computeMapPositions, spanningLinks } from '../../../renderer/src/map/map-layout';
import type { DagreLike } from '../../../shared/topology/layout';
import type { Link } from '../../../shared/topology/schema';
import { device } from './fake-api';

const link = (a: string, b: string, confidence: Link['confidence'] = 'inferred'): Link => ({ a: { device: a, port: 'p1' }, b: { device: b, port: null }, via: 'fdb', confidence, speed: null, duplex: null });
const layout = (graph: ReturnType<typeof buildMapElements>, pinned = {}) => computeMapPositions({ devices: graph.layoutDevices, links: graph.links, pinned, gatewayIp: null }, dagre as unknown as DagreLike);

/** A switch with n hosts. */
function star(n: number) {
  const devices = [device({ id: 'sw', type: 'switch', hostname: 'sw1', ip: '10.0.0.2' }), ...Array.from({ length: n }, (_, i) => device({ id: `h${i}`, ip: `10.0.1.${i}` }))];
  return { devices, placeholders: [], links: devices.slice(1).map((d) => link('sw', d.id)), pinned: {}, gatewayIp: null };
}

describe('map graph', () => {
  it('keeps one link per pair of devices in a spanning forest, confirmed links first', () => {
    const links = [link('a', 'b'), link('b', 'c'), link('a', 'c', 'confirmed'), link('d', 'e')];
    const tree = spanningLinks(links);
    expect(tree).toHaveLength(3);
    expect(tree[0]!.confidence).toBe('confirmed');
  });

  it('labels nodes as text and sends the layout only id, ip and type', () => {
    const devices = [device({ id: 'sw', type: 'switch', hostname: 'sw1', ip: '10.0.0.2' }), device({ id: 'h', hostname: '<b>x</b>', ip: '10.0.0.9' })];
    const graph = buildMapElements({ devices, placeholders: [], links: [link('sw', 'h'), link('sw', 'gone')], pinned: { h: { x: 500, y: 600 } }, gatewayIp: null });
    const h = graph.nodes.find((n) => n.id === 'h')!;
    expect(h.pinned).toBe(true);
    expect(h.label).toBe('<b>x</b>\n10.0.0.9');
    expect(graph.edges).toHaveLength(1);
    expect(graph.links).toHaveLength(1);
    expect(graph.layoutDevices).toEqual([
      { id: 'sw', ip: '10.0.0.2', type: 'switch' },
      { id: 'h', ip: '10.0.0.9', type: 'unknown' },
    ]);
  });

  it('places pinned devices where they were dropped', () => {
    const devices = [device({ id: 'sw', type: 'switch', ip: '10.0.0.2' }), device({ id: 'h', ip: '10.0.0.9' })];
    const graph = buildMapElements({ devices, placeholders: [], links: [link('sw', 'h')], pinned: {}, gatewayIp: null });
    const positions = layout(graph, { h: { x: 500, y: 600 } });
    expect(positions.h).toEqual({ x: 500, y: 600 });
    expect(positions.sw!.y).toBeLessThan(600);
  });
});

describe('syncing Cytoscape', () => {
  const headless = () => cytoscape({ headless: true, styleEnabled: true });
  const never = () => false;

  it('adds every laid-out node and its links, in slices, and leaves not-yet-laid-out ones for the next layout', async () => {
    const cy = headless();
    const graph = buildMapElements(star(600));
    const positions = layout(graph);
    delete positions.h599;
    let yields = 0;
    const counting = () => {
      yields += 1;
      return false;
    };
    await syncGraph(cy, graph, positions, { moveExisting: true, cancelled: counting });
    expect(cy.nodes()).toHaveLength(600);
    expect(cy.edges()).toHaveLength(599);
    expect(cy.getElementById('h599').empty()).toBe(true);
    expect(cy.getElementById('h3').position()).toEqual(positions.h3);
    expect(cy.getElementById('sw').data('icon')).toMatch(/^data:image\/svg\+xml/);
    expect(yields).toBeGreaterThan(2);
  });

  it('while streaming keeps nodes where they are and only places new ones; afterwards moves them to the final layout', async () => {
    const cy = headless();
    const first = buildMapElements(star(3));
    await syncGraph(cy, first, layout(first), { moveExisting: false, cancelled: never });
    const before = { ...cy.getElementById('sw').position() };
    const grown = buildMapElements(star(40));
    const next = layout(grown);
    expect(next.sw).not.toEqual(before);
    await syncGraph(cy, grown, next, { moveExisting: false, cancelled: never });
    expect(cy.nodes()).toHaveLength(41);
    expect(cy.getElementById('sw').position()).toEqual(before);
    expect(cy.getElementById('h30').position()).toEqual(next.h30);
    await syncGraph(cy, grown, next, { moveExisting: true, cancelled: never });
    expect(cy.getElementById('sw').position()).toEqual(next.sw);
  });

  it('removes devices and links that left the scan, and stops when cancelled', async () => {
    const cy = headless();
    const big = buildMapElements(star(10));
    await syncGraph(cy, big, layout(big), { moveExisting: true, cancelled: never });
    const small = buildMapElements(star(4));
    await syncGraph(cy, small, layout(small), { moveExisting: true, cancelled: never });
    expect(cy.nodes()).toHaveLength(5);
    expect(cy.edges()).toHaveLength(4);
    const cy2 = headless();
    await syncGraph(cy2, big, layout(big), { moveExisting: true, cancelled: () => true });
    expect(cy2.nodes()).toHaveLength(0);
  });

  it('while streaming still moves a pinned device to its pin, and gives new links the classes of the moment', async () => {
    const cy = headless();
    const first = buildMapElements(star(3));
    await syncGraph(cy, first, layout(first), { moveExisting: false, cancelled: never });
    const pinned = { h1: { x: 900, y: 900 } };
    const grown = buildMapElements({ ...star(6), pinned });
    let classes = 'overview';
    await syncGraph(cy, grown, layout(grown, pinned), { moveExisting: false, cancelled: never, edgeClasses: () => classes });
    expect(cy.getElementById('h1').position()).toEqual({ x: 900, y: 900 });
    expect(cy.getElementById('h1').hasClass('pinned')).toBe(true);
    expect(cy.edges('.overview').map((e) => e.target().id()).sort()).toEqual(['h3', 'h4', 'h5']);
    classes = '';
    const more = buildMapElements({ ...star(8), pinned });
    await syncGraph(cy, more, layout(more, pinned), { moveExisting: false, cancelled: never, edgeClasses: () => classes });
    expect(cy.edges()).toHaveLength(8);
    expect(cy.edges('.overview')).toHaveLength(3);
  });
});
