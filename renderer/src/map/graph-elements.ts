/**
 * The scan on screen as map elements: one node per device (placeholders
 * included), one edge per link. Positions are not here: they come from the
 * layout worker (map-layout.ts), so building these stays cheap on the main
 * thread. Pure: the map view diffs these against what Cytoscape already shows.
 */
import type { DeviceType } from '../../../shared/device-types';
import type { Device } from '../../../shared/scan-document';
import type { LayoutDevice } from '../../../shared/topology/layout';
import type { Link, LinkConfidence, Point } from '../../../shared/topology/schema';
import { DEVICE_TYPE_LABELS, knownName, formatSpeed, riskBand, type RiskBand } from '../format';

export interface MapNode {
  id: string;
  /** Two lines: name (or type) and address. Device text, drawn on canvas, never parsed as markup. */
  label: string;
  type: DeviceType;
  band: RiskBand;
  pinned: boolean;
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
  /** What the layout worker is sent: the devices' id, ip and type, and the links between them. */
  layoutDevices: LayoutDevice[];
  links: Link[];
}

export interface MapInput {
  devices: readonly Device[];
  placeholders: readonly Device[];
  links: readonly Link[];
  pinned: Record<string, Point>;
  gatewayIp: string | null;
}

function nodeLabel(device: Device): string {
  const name = knownName(device) || DEVICE_TYPE_LABELS[device.type];
  const short = name.length > 24 ? `${name.slice(0, 23)}…` : name;
  return device.ip ? `${short}\n${device.ip}` : short;
}

export function buildMapElements(input: MapInput): MapGraph {
  const all = [...input.devices, ...input.placeholders];
  const ids = new Set(all.map((d) => d.id));
  const links = input.links.filter((l) => ids.has(l.a.device) && ids.has(l.b.device));
  const nodes = all.map<MapNode>((d) => ({
    id: d.id,
    label: nodeLabel(d),
    type: d.type,
    band: riskBand(d.risk?.score),
    pinned: d.id in input.pinned,
    search: [d.ip, knownName(d), d.mac, d.vendor, d.model, DEVICE_TYPE_LABELS[d.type]].filter(Boolean).join(' ').toLowerCase(),
  }));
  const seen = new Set<string>();
  const edges: MapEdge[] = [];
  for (const l of links) {
    const id = `${l.a.device}|${l.a.port ?? ''}|${l.b.device}|${l.b.port ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const facts = [formatSpeed(l.speed) || null, l.duplex ? `${l.duplex} duplex` : null, `${l.confidence} (${l.via.toUpperCase()})`];
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
  return { nodes, edges, layoutDevices: all.map((d) => ({ id: d.id, ip: d.ip, type: d.type })), links };
}
