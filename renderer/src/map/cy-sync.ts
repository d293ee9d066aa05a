/**
 * Brings Cytoscape in line with the map's elements without one long task:
 * removals and updates in one batch, then new nodes and edges added in slices,
 * each slice's style and label sizes computed in its own task (Cytoscape
 * computes them lazily, so 4,500 elements added at once cost one ~2 s task at
 * the first fit or frame). Between slices the window stays responsive.
 */
import type { Collection, CollectionArgument, Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Point } from '../../../shared/topology/schema';
import { TYPE_ICONS } from './cy-style';
import type { MapGraph } from './graph-elements';

/** Time one slice may take before yielding (well under the 100 ms long-task budget). */
const SLICE_BUDGET_MS = 35;
const FIRST_SLICE = 100;

export interface SyncOptions {
  /** Move nodes already on the map to their new positions (off while a scan streams: only new nodes are placed). */
  moveExisting: boolean;
  /** True once a newer sync started or the map unmounted. */
  cancelled(): boolean;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function syncGraph(cy: Core, graph: MapGraph, positions: Record<string, Point>, options: SyncOptions): Promise<void> {
  const newNodes: ElementDefinition[] = [];
  const newEdges: ElementDefinition[] = [];
  // Moving 2,000 nodes at once (the final layout after a scan) costs one long frame: moves go in slices too.
  const moves: Array<{ id: string; position: Point }> = [];
  // Risk colours change on hundreds of nodes a second while health checks stream: restyled in slices as well.
  const restyles: MapGraph['nodes'] = [];
  const t0 = performance.now();
  cy.batch(() => {
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    cy.edges().filter((e) => !edgeIds.has(e.id())).remove();
    cy.nodes().filter((n) => !nodeIds.has(n.id())).remove();
    const placed = new Set<string>();
    for (const n of graph.nodes) {
      const el = cy.getElementById(n.id);
      const position = positions[n.id];
      if (el.empty()) {
        // Not laid out yet (found after the last layout): it lands with the next one.
        if (!position) continue;
        placed.add(n.id);
        newNodes.push({ group: 'nodes', data: { id: n.id, label: n.label, type: n.type, band: n.band, icon: TYPE_ICONS[n.type] }, position: { ...position }, classes: n.pinned ? 'pinned' : '' });
        continue;
      }
      placed.add(n.id);
      if (el.data('label') !== n.label || el.data('band') !== n.band || el.data('type') !== n.type) restyles.push(n);
      if ((options.moveExisting || n.pinned) && position && !el.grabbed()) {
        const p = el.position();
        if (p.x !== position.x || p.y !== position.y) moves.push({ id: n.id, position });
      }
      if (el.hasClass('pinned') !== n.pinned) el.toggleClass('pinned', n.pinned);
    }
    for (const e of graph.edges) {
      const el = cy.getElementById(e.id);
      if (el.nonempty()) {
        if (el.data('confidence') !== e.confidence || el.data('title') !== e.title) el.data({ confidence: e.confidence, title: e.title });
      } else if (placed.has(e.source) && placed.has(e.target)) newEdges.push({ group: 'edges', data: { ...e } });
    }
  });
  performance.measure('map:sync-update', { start: t0 });
  await inSlices(cy, restyles, options, (slice) => {
    const changed: NodeSingular[] = [];
    cy.batch(() => {
      for (const n of slice) {
        const el = cy.getElementById(n.id);
        if (el.empty()) continue;
        el.data({ label: n.label, band: n.band, type: n.type, icon: TYPE_ICONS[n.type] });
        changed.push(el);
      }
    });
    return cy.collection(changed as unknown as CollectionArgument);
  });
  await inSlices(cy, moves, options, (slice) => {
    const moved: NodeSingular[] = [];
    cy.batch(() => {
      for (const m of slice) {
        const el = cy.getElementById(m.id);
        if (el.empty() || el.grabbed()) continue;
        el.position({ ...m.position });
        moved.push(el);
      }
    });
    // Cytoscape accepts an array of its elements here (its typings only list definitions).
    const nodes = cy.collection(moved as unknown as CollectionArgument);
    return nodes.union(nodes.connectedEdges());
  });
  await inSlices(cy, newNodes, options, (slice) => cy.add(slice));
  await inSlices(cy, newEdges, options, (slice) => cy.add(slice));
}

/**
 * Applies the items a slice at a time, sizing each slice so that it fits the
 * time budget; the elements each slice touched get their style, label sizes
 * and bounds computed inside that slice's task (Cytoscape would otherwise do
 * it all lazily in the next frame).
 */
async function inSlices<T>(cy: Core, items: T[], options: SyncOptions, apply: (slice: T[]) => Collection): Promise<void> {
  let size = FIRST_SLICE;
  for (let at = 0; at < items.length; ) {
    if (options.cancelled()) return;
    const started = performance.now();
    const slice = items.slice(at, at + size);
    const touched = apply(slice);
    computeNow(cy, touched);
    performance.measure('map:slice', { start: started });
    at += slice.length;
    const perItem = (performance.now() - started) / slice.length;
    size = Math.max(20, Math.min(1000, Math.floor(SLICE_BUDGET_MS / Math.max(perItem, 0.01))));
    if (at < items.length) await nextTask();
  }
}

interface RendererQueue {
  flushRenderedStyleQueue?: () => void;
}

/**
 * Style, label sizes and rendered positions of what a slice touched, now.
 * Cytoscape's canvas renderer queues every element with a style or bounds
 * change and recomputes the whole queue (plus the nodes' connected edges) at
 * the start of the next frame: after a second of streaming that was a
 * 200-300 ms frame. Flushing the queue here keeps that work in the slice.
 * The flush is a renderer method (3.x) absent from the typings and from
 * headless instances; bounding boxes do the style part there.
 */
function computeNow(cy: Core, touched: Collection): void {
  const renderer = (cy as unknown as { renderer(): RendererQueue | null | undefined }).renderer();
  if (renderer?.flushRenderedStyleQueue) renderer.flushRenderedStyleQueue();
  else touched.boundingBox();
}
