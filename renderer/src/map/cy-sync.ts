/**
 * Brings Cytoscape in line with the map's elements without one long task:
 * the diff (with removals) in one task, then restyles, moves, new nodes and
 * new edges in time-boxed slices, each slice's style and label sizes
 * computed in its own task (Cytoscape computes them lazily, so 4,500
 * elements added at once cost one ~2 s task at the first fit or frame).
 * A draw hold (draw-hold.ts) keeps Cytoscape from redrawing the whole map
 * after every slice; the window stays responsive between slices.
 */
import type { Collection, CollectionArgument, Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Point } from '../../../shared/topology/schema';
import { TYPE_ICONS } from './cy-style';
import type { DrawHold } from './draw-hold';
import type { MapGraph } from './graph-elements';
import { OVERVIEW_CLASS } from './level-of-detail';

/** Time one slice may take before yielding (a long task is 50 ms; a slice leaves room for input and a frame). */
const SLICE_BUDGET_MS = 8;
/** Work is measured in chunks of about this long, so a slice stops near its budget whatever one item costs. */
const CHUNK_MS = 1.5;

export interface SyncOptions {
  /** Move nodes already on the map to their new positions (off while a scan streams: only new nodes are placed). */
  moveExisting: boolean;
  /** True once a newer sync started or the map unmounted. */
  cancelled(): boolean;
  /** Classes for an edge added now (the level of detail, level-of-detail.ts). */
  edgeClasses?(): string;
  /** Holds drawing between slices, so the update costs one redraw, not one per slice. */
  hold?: DrawHold;
}

type SliceOptions = Pick<SyncOptions, 'cancelled' | 'hold'>;

/** Yields to the event loop without setTimeout's 4 ms clamp on chained timers. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

interface SyncPlan {
  newNodes: ElementDefinition[];
  newEdges: ElementDefinition[];
  moves: Array<{ id: string; position: Point }>;
  restyles: MapGraph['nodes'];
}

export async function syncGraph(cy: Core, graph: MapGraph, positions: Record<string, Point>, options: SyncOptions): Promise<void> {
  const release = options.hold?.acquire();
  try {
    // The caller is usually a React effect: the diff runs in a task of its own.
    await nextTask();
    if (options.cancelled()) return;
    const run = options.hold ? options.hold.run : <T>(f: () => T) => f();
    const plan = run(() => {
      const t0 = performance.now();
      const diffed = diff(cy, graph, positions, options.moveExisting);
      performance.measure('map:sync-update', { start: t0 });
      return diffed;
    });
    // Risk colours change on hundreds of nodes a second while health checks stream: restyled in slices.
    await inSlices(cy, 'restyle', plan.restyles, options, (slice) => {
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
    // Moving 2,000 nodes (the final layout after a scan) recomputes every link: in slices too.
    await inSlices(cy, 'move', plan.moves, options, (slice) => {
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
    await inSlices(cy, 'add-nodes', plan.newNodes, options, (slice) => cy.add(slice));
    // The zoom may cross the level-of-detail threshold between slices: each slice takes the classes of its moment.
    await inSlices(cy, 'add-edges', plan.newEdges, options, (slice) => {
      const classes = options.edgeClasses?.() ?? '';
      return cy.add(slice.map((e) => ({ ...e, classes })));
    });
  } finally {
    release?.();
  }
}

/** What differs between Cytoscape and the graph; removals and pin classes are applied at once (cheap, batched). */
function diff(cy: Core, graph: MapGraph, positions: Record<string, Point>, moveExisting: boolean): SyncPlan {
  const plan: SyncPlan = { newNodes: [], newEdges: [], moves: [], restyles: [] };
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
        plan.newNodes.push({ group: 'nodes', data: { id: n.id, label: n.label, type: n.type, band: n.band, icon: TYPE_ICONS[n.type] }, position: { ...position }, classes: n.pinned ? 'pinned' : '' });
        continue;
      }
      placed.add(n.id);
      if (el.data('label') !== n.label || el.data('band') !== n.band || el.data('type') !== n.type) plan.restyles.push(n);
      if ((moveExisting || n.pinned) && position && !el.grabbed()) {
        const p = el.position();
        if (p.x !== position.x || p.y !== position.y) plan.moves.push({ id: n.id, position });
      }
      if (el.hasClass('pinned') !== n.pinned) el.toggleClass('pinned', n.pinned);
    }
    for (const e of graph.edges) {
      const el = cy.getElementById(e.id);
      if (el.nonempty()) {
        if (el.data('confidence') !== e.confidence || el.data('title') !== e.title) el.data({ confidence: e.confidence, title: e.title });
      } else if (placed.has(e.source) && placed.has(e.target)) plan.newEdges.push({ group: 'edges', data: { ...e } });
    }
  });
  return plan;
}

/** Gives the edges the level of detail's class (or takes it away), a slice at a time. */
export function restyleEdges(cy: Core, edges: EdgeSingular[], overview: boolean, options: SliceOptions): Promise<void> {
  return inSlices(cy, 'level-of-detail', edges, options, (slice) => {
    const touched = cy.collection(slice as unknown as CollectionArgument);
    cy.batch(() => touched.toggleClass(OVERVIEW_CLASS, overview));
    return touched;
  });
}

/**
 * Applies the items a slice at a time: each slice takes chunks sized to
 * about CHUNK_MS (from the cost measured so far) until its budget is spent,
 * so a slice stops near SLICE_BUDGET_MS even when one kind of item costs
 * far more than another (a switch's move recomputes fifty links). The
 * elements each chunk touched get their style, label sizes and bounds
 * computed in the chunk (Cytoscape would otherwise do it all lazily in the
 * next frame).
 */
export async function inSlices<T>(cy: Core, what: string, items: T[], options: SliceOptions, apply: (chunk: T[]) => Collection): Promise<void> {
  const run = options.hold ? options.hold.run : <R>(f: () => R) => f();
  let chunkSize = 4;
  let at = 0;
  while (at < items.length) {
    if (options.cancelled()) return;
    run(() => {
      const started = performance.now();
      const sliceStart = at;
      let nextChunkMs: number;
      do {
        const chunkStart = performance.now();
        const chunk = items.slice(at, at + chunkSize);
        computeNow(cy, apply(chunk));
        at += chunk.length;
        const perItem = Math.max((performance.now() - chunkStart) / chunk.length, 0.001);
        chunkSize = Math.max(1, Math.min(500, Math.floor(CHUNK_MS / perItem)));
        nextChunkMs = chunkSize * perItem;
      } while (at < items.length && performance.now() - started + nextChunkMs <= SLICE_BUDGET_MS);
      performance.measure(`map:slice ${what} ×${at - sliceStart}`, { start: started });
    });
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
 * headless instances.
 */
function computeNow(cy: Core, touched: Collection): void {
  const renderer = (cy as unknown as { renderer(): RendererQueue | null | undefined }).renderer();
  renderer?.flushRenderedStyleQueue?.();
  // The frame asks every element for its bounding box (to skip what is off screen); one left dirty costs its
  // label layout there (~300 ms over a streamed scan's frames): computed and cached here instead.
  touched.boundingBox();
}
