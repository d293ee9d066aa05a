import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { syncGraph } from '../../../renderer/src/map/cy-sync';
import { createDrawHold } from '../../../renderer/src/map/draw-hold';
import { buildMapElements } from '../../../renderer/src/map/graph-elements';
import type { Link } from '../../../shared/topology/schema';
import { device } from './fake-api';

const headless = (): Core => cytoscape({ headless: true, styleEnabled: true });
/** Whether Cytoscape is in a batch (skips frames); public API, missing from the typings. */
const batching = (cy: Core): boolean => (cy as unknown as { batching(): boolean }).batching();

function clock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('map draw hold', () => {
  it('holds drawing between slices, lifts it inside each slice and when released', () => {
    const cy = headless();
    const time = clock();
    const hold = createDrawHold(cy, { now: time.now });
    const release = hold.acquire();
    expect(batching(cy)).toBe(true);
    const inside = hold.run(() => batching(cy));
    expect(inside).toBe(false);
    expect(batching(cy)).toBe(true);
    release();
    expect(batching(cy)).toBe(false);
    release();
    expect(batching(cy)).toBe(false);
  });

  it('styles computed in a slice are not deferred to the end of the hold', () => {
    const cy = headless();
    cy.style().selector('node.hot').style({ 'background-color': '#ff0000' }).update();
    cy.add({ data: { id: 'a' } });
    const hold = createDrawHold(cy);
    const release = hold.acquire();
    hold.run(() => cy.getElementById('a').addClass('hot'));
    expect(cy.getElementById('a').style('background-color')).toBe('rgb(255,0,0)');
    release();
  });

  it('lets a frame through after a long stretch without one, then holds again', () => {
    const cy = headless();
    const time = clock();
    const hold = createDrawHold(cy, { now: time.now, progressFrameMs: 500 });
    const release = hold.acquire();
    time.advance(200);
    hold.run(() => undefined);
    expect(batching(cy)).toBe(true);
    time.advance(400);
    hold.run(() => undefined);
    expect(batching(cy)).toBe(false);
    cy.emit('render');
    hold.run(() => undefined);
    expect(batching(cy)).toBe(true);
    release();
  });

  it('steps aside while the technician works the map (pan, zoom, drag, hover)', () => {
    const cy = headless();
    cy.add({ data: { id: 'a' } });
    const time = clock();
    const hold = createDrawHold(cy, { now: time.now, interactionQuietMs: 300, progressFrameMs: 10_000 });
    const release = hold.acquire();
    cy.panBy({ x: 10, y: 0 });
    expect(batching(cy)).toBe(false);
    hold.run(() => undefined);
    expect(batching(cy)).toBe(false);
    time.advance(301);
    hold.run(() => undefined);
    expect(batching(cy)).toBe(true);
    cy.getElementById('a').emit('mouseover');
    expect(batching(cy)).toBe(false);
    time.advance(301);
    hold.run(() => undefined);
    expect(batching(cy)).toBe(true);
    // Fit and search animate from outside the canvas: their frames must not wait for the update.
    hold.interact();
    expect(batching(cy)).toBe(false);
    release();
    hold.dispose();
  });

  it('a sync under a hold ends with the map drawable and every element in place', async () => {
    const cy = headless();
    const hold = createDrawHold(cy);
    const devices = [device({ id: 'sw', type: 'switch', ip: '10.0.0.2' }), ...Array.from({ length: 300 }, (_, i) => device({ id: `h${i}`, ip: `10.0.1.${i}` }))];
    const links: Link[] = devices.slice(1).map((d) => ({ a: { device: 'sw', port: 'p1' }, b: { device: d.id, port: null }, via: 'fdb', confidence: 'inferred', speed: null, duplex: null }));
    const graph = buildMapElements({ devices, placeholders: [], links, pinned: {}, gatewayIp: null });
    const positions = Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 10, y: 0 }]));
    let heldBetweenSlices = 0;
    await syncGraph(cy, graph, positions, {
      moveExisting: true,
      hold,
      cancelled: () => {
        if (batching(cy)) heldBetweenSlices += 1;
        return false;
      },
    });
    expect(heldBetweenSlices).toBeGreaterThan(0);
    expect(batching(cy)).toBe(false);
    expect(cy.nodes()).toHaveLength(301);
    expect(cy.edges()).toHaveLength(300);
  });
});
