/**
 * Brings Cytoscape in line with the map's elements without one long task:
 * removals and updates in one batch, then new nodes and edges added in slices,
 * each slice's style and label sizes computed in its own task (Cytoscape
 * computes them lazily, so 4,500 elements added at once cost one ~2 s task at
 * the first fit or frame). Between slices the window stays responsive.
 */
import type { Collection, Core, ElementDefinition } from 'cytoscape';
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
      if (el.data('label') !== n.label || el.data('band') !== n.band || el.data('type') !== n.type) el.data({ label: n.label, band: n.band, type: n.type, icon: TYPE_ICONS[n.type] });
      if ((options.moveExisting || n.pinned) && position && !el.grabbed()) {
        const p = el.position();
        if (p.x !== position.x || p.y !== position.y) el.position({ ...position });
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
  await addInSlices(cy, newNodes, options);
  await addInSlices(cy, newEdges, options);
}

/** Adds the elements a slice at a time, sizing each slice so that it fits the time budget. */
async function addInSlices(cy: Core, elements: ElementDefinition[], options: SyncOptions): Promise<void> {
  let size = FIRST_SLICE;
  for (let at = 0; at < elements.length; ) {
    if (options.cancelled()) return;
    const started = performance.now();
    const slice = elements.slice(at, at + size);
    const added: Collection = cy.add(slice);
    // Forces the lazy style and label measurement now, inside this slice's task.
    added.boundingBox();
    performance.measure('map:add-slice', { start: started });
    at += slice.length;
    const perElement = (performance.now() - started) / slice.length;
    size = Math.max(20, Math.min(1000, Math.floor(SLICE_BUDGET_MS / Math.max(perElement, 0.01))));
    if (at < elements.length) await nextTask();
  }
}
