/**
 * The map's node positions: the shared hierarchical layout (dagre injected),
 * big maps laid out from their spanning tree. Pure; runs in the layout worker
 * (layout.worker.ts) so a 2,000-device layout never blocks the window.
 */
import { layoutTopology, type DagreLike, type LayoutDevice } from '../../../shared/topology/layout';
import type { Link, LinkConfidence, Point } from '../../../shared/topology/schema';

/** Above this many links the layout uses a spanning tree of them. */
export const LARGE_MAP_LINKS = 400;

/** What the worker is sent: only what the layout reads (structured clone of 2,000 full devices is not free). */
export interface LayoutRequest {
  id: number;
  devices: LayoutDevice[];
  links: Link[];
  pinned: Record<string, Point>;
  gatewayIp: string | null;
}

export type LayoutResponse = { id: number; positions: Record<string, Point> } | { id: number; error: string };

export function computeMapPositions(request: Omit<LayoutRequest, 'id'>, dagre: DagreLike): Record<string, Point> {
  // Small maps are laid out exactly like the report's; big ones from their spanning tree (see spanningLinks).
  const links = request.links.length > LARGE_MAP_LINKS ? spanningLinks(request.links) : request.links;
  return layoutTopology({ devices: request.devices, links, layout: { pinned: request.pinned } }, { dagre, gatewayIp: request.gatewayIp }).positions;
}

/**
 * A spanning forest of the links (union-find, confirmed links first), for
 * laying out big maps: redundant switch-to-switch links make dagre's ordering
 * step super-linear (seconds at 2,000 devices), while the tree alone places
 * every device the same way. Every link is still drawn.
 */
export function spanningLinks(links: readonly Link[]): Link[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const order: Record<LinkConfidence, number> = { confirmed: 0, inferred: 1, assumed: 2 };
  const out: Link[] = [];
  for (const l of [...links].sort((x, y) => order[x.confidence] - order[y.confidence])) {
    const a = find(l.a.device);
    const b = find(l.b.device);
    if (a === b) continue;
    parent.set(a, b);
    if (!parent.has(b)) parent.set(b, b);
    out.push(l);
  }
  return out;
}
