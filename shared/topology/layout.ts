/**
 * Hierarchical map layout: gateway at the top, then switches, then each
 * switch's hosts in a block ordered by port (a grid, so 500 hosts stay
 * readable instead of one endless row). Unmanaged-switch placeholders are
 * structural nodes with their own block. User-pinned positions win.
 *
 * The layered placement is @dagrejs/dagre's (MIT, pure JS, sync). shared/
 * imports nothing but zod, so the caller passes the module in:
 *   import dagre from '@dagrejs/dagre';
 *   const layout = layoutTopology(doc, { dagre, gatewayIp });
 * which works the same in the renderer and in the report generator.
 */
import type { Device } from '../scan-document';
import type { Link, Point, TopologyLayout } from './schema';

/** The subset of @dagrejs/dagre used; the real module satisfies it. */
export interface DagreLike {
  graphlib: { Graph: new (options?: { multigraph?: boolean; compound?: boolean; directed?: boolean }) => DagreGraphLike };
  layout: (graph: never) => void;
}
export interface DagreGraphLike {
  setGraph(label: Record<string, unknown>): unknown;
  setDefaultEdgeLabel(fn: () => Record<string, unknown>): unknown;
  setNode(id: string, label: Record<string, unknown>): unknown;
  setEdge(v: string, w: string): unknown;
  node(id: string): unknown;
}

/** What the layout reads of a device (a worker can be sent just these). */
export type LayoutDevice = Pick<Device, 'id' | 'ip' | 'type'>;

export interface LayoutInput {
  devices: readonly LayoutDevice[];
  links?: readonly Link[];
  layout?: TopologyLayout;
}

export interface LayoutOptions {
  dagre: DagreLike;
  gatewayIp?: string | null;
}

/** A parent's leaf hosts, laid out as a grid; `members` in port order, for port labels. */
export interface LeafBlock {
  parent: string;
  x: number;
  y: number;
  width: number;
  height: number;
  members: Array<{ id: string; port: string | null }>;
}

export interface TopologyLayoutResult {
  /** Centre of each device's node. */
  positions: Record<string, Point>;
  blocks: LeafBlock[];
  /** Devices on no link, laid out in a row below the map. */
  unplaced: string[];
  width: number;
  height: number;
}

export const LAYOUT_SIZES = {
  node: { width: 96, height: 56 },
  cell: { width: 120, height: 72 },
  maxColumns: 8,
  rankSeparation: 90,
  nodeSeparation: 40,
} as const;

interface TreeEdge {
  parent: string;
  child: string;
  parentPort: string | null;
}

export function layoutTopology(input: LayoutInput, options: LayoutOptions): TopologyLayoutResult {
  const { tree, roots, extraEdges } = spanningTree(input, options.gatewayIp ?? null);
  const childrenOf = new Map<string, TreeEdge[]>();
  for (const e of tree) childrenOf.set(e.parent, [...(childrenOf.get(e.parent) ?? []), e]);
  const structural = new Set<string>([...roots, ...childrenOf.keys()]);

  const g = new options.dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', ranksep: LAYOUT_SIZES.rankSeparation, nodesep: LAYOUT_SIZES.nodeSeparation, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of [...structural].sort()) g.setNode(id, { ...LAYOUT_SIZES.node });

  const blocks: LeafBlock[] = [];
  const blockGrid = new Map<string, { columns: number }>();
  for (const parent of [...childrenOf.keys()].sort()) {
    const leaves = childrenOf.get(parent)!.filter((e) => !structural.has(e.child));
    for (const e of childrenOf.get(parent)!) if (structural.has(e.child)) g.setEdge(parent, e.child);
    if (leaves.length === 0) continue;
    leaves.sort((x, y) => comparePorts(x.parentPort, y.parentPort) || x.child.localeCompare(y.child));
    const columns = Math.min(LAYOUT_SIZES.maxColumns, Math.max(1, Math.ceil(Math.sqrt(leaves.length * 2))));
    const rows = Math.ceil(leaves.length / columns);
    const id = `block:${parent}`;
    const size = { width: Math.min(columns, leaves.length) * LAYOUT_SIZES.cell.width, height: rows * LAYOUT_SIZES.cell.height };
    g.setNode(id, size);
    g.setEdge(parent, id);
    blockGrid.set(id, { columns });
    blocks.push({ parent, x: 0, y: 0, ...size, members: leaves.map((e) => ({ id: e.child, port: e.parentPort })) });
  }
  // Redundant links between structural nodes shape the ranks too (dagre breaks cycles itself).
  for (const [a, b] of extraEdges) if (structural.has(a) && structural.has(b)) g.setEdge(a, b);

  options.dagre.layout(g as never);

  const positions: Record<string, Point> = {};
  let width = 0;
  let height = 0;
  const extend = (x: number, y: number, w: number, h: number) => {
    width = Math.max(width, x + w / 2);
    height = Math.max(height, y + h / 2);
  };
  for (const id of structural) {
    const n = g.node(id) as Point;
    positions[id] = { x: n.x, y: n.y };
    extend(n.x, n.y, LAYOUT_SIZES.node.width, LAYOUT_SIZES.node.height);
  }
  for (const block of blocks) {
    const n = g.node(`block:${block.parent}`) as Point;
    const { columns } = blockGrid.get(`block:${block.parent}`)!;
    block.x = n.x - block.width / 2;
    block.y = n.y - block.height / 2;
    extend(n.x, n.y, block.width, block.height);
    block.members.forEach((m, i) => {
      positions[m.id] = {
        x: block.x + ((i % columns) + 0.5) * LAYOUT_SIZES.cell.width,
        y: block.y + (Math.floor(i / columns) + 0.5) * LAYOUT_SIZES.cell.height,
      };
    });
  }

  const unplaced = input.devices.map((d) => d.id).filter((id) => !(id in positions)).sort();
  const rowY = height + LAYOUT_SIZES.rankSeparation;
  unplaced.forEach((id, i) => {
    const col = i % (LAYOUT_SIZES.maxColumns * 2);
    const row = Math.floor(i / (LAYOUT_SIZES.maxColumns * 2));
    positions[id] = { x: 20 + (col + 0.5) * LAYOUT_SIZES.cell.width, y: rowY + (row + 0.5) * LAYOUT_SIZES.cell.height };
    extend(positions[id].x, positions[id].y, LAYOUT_SIZES.cell.width, LAYOUT_SIZES.cell.height);
  });

  for (const [id, point] of Object.entries(input.layout?.pinned ?? {})) {
    if (!(id in positions)) continue;
    positions[id] = { x: point.x, y: point.y };
    extend(point.x, point.y, LAYOUT_SIZES.node.width, LAYOUT_SIZES.node.height);
  }
  return { positions, blocks, unplaced, width, height };
}

/** BFS from the gateway (else routers, else the best-connected switch): the tree the map is drawn from. */
function spanningTree(input: LayoutInput, gatewayIp: string | null): { tree: TreeEdge[]; roots: string[]; extraEdges: Array<[string, string]> } {
  const ids = new Set(input.devices.map((d) => d.id));
  const adjacency = new Map<string, Array<{ other: string; myPort: string | null }>>();
  for (const l of input.links ?? []) {
    if (!ids.has(l.a.device) || !ids.has(l.b.device) || l.a.device === l.b.device) continue;
    adjacency.set(l.a.device, [...(adjacency.get(l.a.device) ?? []), { other: l.b.device, myPort: l.a.port }]);
    adjacency.set(l.b.device, [...(adjacency.get(l.b.device) ?? []), { other: l.a.device, myPort: l.b.port }]);
  }
  const rank = (d: LayoutDevice) => (gatewayIp && d.ip === gatewayIp ? 0 : d.type === 'router' ? 1 : d.type === 'switch' ? 2 : 3);
  const candidates = [...input.devices]
    .filter((d) => adjacency.has(d.id))
    .sort((x, y) => rank(x) - rank(y) || (adjacency.get(y.id)?.length ?? 0) - (adjacency.get(x.id)?.length ?? 0) || x.id.localeCompare(y.id));
  const visited = new Set<string>();
  const tree: TreeEdge[] = [];
  const roots: string[] = [];
  const treePairs = new Set<string>();
  for (const root of candidates) {
    if (visited.has(root.id)) continue;
    roots.push(root.id);
    visited.add(root.id);
    const queue = [root.id];
    while (queue.length > 0) {
      const id = queue.shift()!;
      const next = [...(adjacency.get(id) ?? [])].sort((x, y) => comparePorts(x.myPort, y.myPort) || x.other.localeCompare(y.other));
      for (const n of next) {
        if (visited.has(n.other)) continue;
        visited.add(n.other);
        tree.push({ parent: id, child: n.other, parentPort: n.myPort });
        treePairs.add(`${id}|${n.other}`);
        queue.push(n.other);
      }
    }
  }
  const extraEdges: Array<[string, string]> = [];
  for (const [id, list] of adjacency) {
    for (const n of list) if (id < n.other && !treePairs.has(`${id}|${n.other}`) && !treePairs.has(`${n.other}|${id}`)) extraEdges.push([id, n.other]);
  }
  return { tree, roots, extraEdges };
}

function comparePorts(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x == null) return 1;
  if (y == null) return -1;
  return x.localeCompare(y, undefined, { numeric: true });
}
