/**
 * The scan on screen as map elements: one node per device (placeholders
 * included), one edge per link, positions from the shared hierarchical layout
 * (shared/topology/layout.ts, dagre injected) with the technician's pins on top.
 * Pure: the map view diffs these against what Cytoscape already shows.
 */
import type { DeviceType } from '../../../shared/device-types';
import type { Device } from '../../../shared/scan-document';
import { layoutTopology, type DagreLike } from '../../../shared/topology/layout';
import type { Link, LinkConfidence, Point } from '../../../shared/topology/schema';
import { DEVICE_TYPE_LABELS, deviceName, riskBand, type RiskBand } from '../format';

/** Above this many links the layout uses a spanning tree of them. */
export const LARGE_MAP_LINKS = 400;

export interface MapNode {
  id: string;
  /** Two lines: name (or type) and address. Device text, drawn on canvas, never parsed as markup. */
  label: string;
  type: DeviceType;
  band: RiskBand;
  pinned: boolean;
  position: Point;
  /** Lower-cased text the map search matches. */
  search: string;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  confidence: LinkConfidence;
  sourcePort: string;
  targetPort: string;
  /** "Gi1/0/2 ↔ 24 · 1 Gb/s · LLDP": the hover text. */
  title: string;
}

export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
}

export interface MapInput {
  devices: readonly Device[];
  placeholders: readonly Device[];
  links: readonly Link[];
  pinned: Record<string, Point>;
  gatewayIp: string | null;
}

function nodeLabel(device: Device): string {
  const name = deviceName(device) || (device.type === 'unmanaged-switch' ? 'Unmanaged switch' : DEVICE_TYPE_LABELS[device.type]);
  const short = name.length > 24 ? `${name.slice(0, 23)}…` : name;
  return device.ip ? `${short}\n${device.ip}` : short;
}

export function buildMapGraph(input: MapInput, dagre: DagreLike): MapGraph {
  const all = [...input.devices, ...input.placeholders];
  const ids = new Set(all.map((d) => d.id));
  const links = input.links.filter((l) => ids.has(l.a.device) && ids.has(l.b.device));
  // Small maps are laid out exactly like the report's; big ones from their spanning tree (see spanningLinks).
  const layoutLinks = links.length > LARGE_MAP_LINKS ? spanningLinks(links) : links;
  const layout = layoutTopology({ devices: all, links: layoutLinks, layout: { pinned: input.pinned } }, { dagre, gatewayIp: input.gatewayIp });
  const nodes = all.map<MapNode>((d) => ({
    id: d.id,
    label: nodeLabel(d),
    type: d.type,
    band: riskBand(d.risk?.score),
    pinned: d.id in input.pinned,
    position: layout.positions[d.id] ?? { x: 0, y: 0 },
    search: [d.ip, deviceName(d), d.mac, d.vendor, d.model, DEVICE_TYPE_LABELS[d.type]].filter(Boolean).join(' ').toLowerCase(),
  }));
  const seen = new Set<string>();
  const edges: MapEdge[] = [];
  for (const l of links) {
    const id = `${l.a.device}|${l.a.port ?? ''}|${l.b.device}|${l.b.port ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const facts = [l.speed ? (l.speed >= 1000 ? `${l.speed / 1000} Gb/s` : `${l.speed} Mb/s`) : null, l.duplex ? `${l.duplex} duplex` : null, `${l.confidence} (${l.via.toUpperCase()})`];
    edges.push({
      id,
      source: l.a.device,
      target: l.b.device,
      confidence: l.confidence,
      sourcePort: l.a.port ?? '',
      targetPort: l.b.port ?? '',
      title: [`${l.a.port ?? '?'} ↔ ${l.b.port ?? '?'}`, ...facts.filter(Boolean)].join(' · '),
    });
  }
  return { nodes, edges };
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
