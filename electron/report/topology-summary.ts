/**
 * The network map of a large site, summarised so that it reads on one A4 page.
 * Switches, routers and unmanaged switches stay boxes with their names; each
 * switch's end hosts become one card: how many, on which ports, of which types,
 * a strip with one square per host coloured by risk (in port order), and the
 * hosts that need attention named. Every host is still listed in the inventory.
 */
import dagre from '@dagrejs/dagre';
import type { Device, ScanDocument } from '../../shared/scan-document';
import { deviceName, typeLabel } from '../../shared/assessment/device-label';
import type { LeafBlock, TopologyLayoutResult } from '../../shared/topology/layout';

/** Sizes in PDF points, before the map is scaled to the page. */
export const CARD = { width: 236, padding: 6, titleLine: 12, line: 9.5, square: 4, gap: 1.2, namedHosts: 5 };
export const STRUCTURAL = { width: 104, height: 36 };
const RISK_AT_LEAST_MEDIUM = 15;

export interface HostSummary {
  parent: string;
  count: number;
  /** "gi2–gi23", "3–23" or null when no port is known. */
  portRange: string | null;
  withoutPort: number;
  /** "402 workstations · 30 servers". */
  types: string;
  /** One per host in port order: its risk score. */
  risks: number[];
  /** The riskiest hosts at medium risk or above, at most CARD.namedHosts. */
  attention: Array<{ name: string; risk: number; port: string | null }>;
  moreAttention: number;
}

export interface SummaryMap {
  width: number;
  height: number;
  nodes: Record<string, { x: number; y: number }>;
  cards: Array<HostSummary & { x: number; y: number; width: number; height: number }>;
  /** Every block's summary, drawn as a card on the map or not. */
  summaries: HostSummary[];
  /** Lines between structural nodes, in points. */
  links: Array<{ a: { x: number; y: number }; b: { x: number; y: number }; confidence: string }>;
  /** Parent to its card's top edge. */
  feeders: Array<{ a: { x: number; y: number }; b: { x: number; y: number } }>;
}

export function summariseBlock(block: LeafBlock, byId: ReadonlyMap<string, Device>): HostSummary {
  const hosts = block.members.map((m) => ({ device: byId.get(m.id), port: m.port })).filter((m): m is { device: Device; port: string | null } => Boolean(m.device));
  const ports = hosts.map((m) => m.port).filter((p): p is string => p !== null);
  const typeCounts = new Map<string, number>();
  for (const { device } of hosts) typeCounts.set(device.type, (typeCounts.get(device.type) ?? 0) + 1);
  const types = [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, n]) => `${n} ${typeWord(type, n)}`).join(' · ');
  const risky = hosts
    .map(({ device, port }) => ({ name: deviceName(device), risk: Math.round(device.risk?.score ?? 0), port }))
    .filter((h) => h.risk >= RISK_AT_LEAST_MEDIUM)
    .sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name, undefined, { numeric: true }));
  return {
    parent: block.parent,
    count: hosts.length,
    // Members come in port order (layoutTopology sorts them), hosts without a port last.
    portRange: ports.length === 0 ? null : ports[0] === ports[ports.length - 1] ? ports[0]! : `${ports[0]}–${ports[ports.length - 1]}`,
    withoutPort: hosts.length - ports.length,
    types,
    risks: hosts.map(({ device }) => device.risk?.score ?? 0),
    attention: risky.slice(0, CARD.namedHosts),
    moreAttention: Math.max(0, risky.length - CARD.namedHosts),
  };
}

export function cardHeight(s: HostSummary): number {
  const perRow = squaresPerRow();
  const stripRows = Math.ceil(s.count / perRow);
  const lines = 1 /* types */ + (s.attention.length ? 1 + s.attention.length : 1) + (s.moreAttention ? 1 : 0);
  return CARD.padding * 2 + CARD.titleLine + lines * CARD.line + stripRows * (CARD.square + CARD.gap) + 4;
}

export function squaresPerRow(): number {
  return Math.floor((CARD.width - CARD.padding * 2 + CARD.gap) / (CARD.square + CARD.gap));
}

/**
 * Lays out the structural nodes of the full layout, and one card per host block
 * unless `withCards` is false, with dagre, in points. The full layout says which
 * devices are structural and which hosts hang off which switch; only its sizes
 * are too big for a page. Without cards (many switches), the switches carry
 * their host counts and the cards are printed as a list after the map.
 */
export interface SummaryMapOptions {
  withCards: boolean;
  /** Top-to-bottom, or left-to-right for a wide, shallow tree of many switches. */
  rankdir: 'TB' | 'LR';
}

export function summaryMap(document: ScanDocument, full: TopologyLayoutResult, options: SummaryMapOptions = { withCards: true, rankdir: 'TB' }): SummaryMap {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const inBlock = new Set(full.blocks.flatMap((b) => b.members.map((m) => m.id)));
  const unplaced = new Set(full.unplaced);
  const structural = Object.keys(full.positions).filter((id) => !inBlock.has(id) && !unplaced.has(id)).sort();
  const summaries = full.blocks.map((b) => summariseBlock(b, byId));

  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: options.rankdir, ranksep: options.rankdir === 'LR' ? 40 : 34, nodesep: options.rankdir === 'LR' ? 10 : 22, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of structural) g.setNode(id, { ...STRUCTURAL });
  const carded = options.withCards ? summaries : [];
  carded.forEach((s, i) => g.setNode(`card:${i}`, { width: CARD.width, height: cardHeight(s) }));
  const isStructural = new Set(structural);
  const structuralLinks = (document.links ?? []).filter((l) => isStructural.has(l.a.device) && isStructural.has(l.b.device) && l.a.device !== l.b.device);
  // Links between switches carry no direction (a/b are by id): orient them as the full layout ranked them, gateway on top.
  for (const l of structuralLinks) {
    const [upper, lower] = full.positions[l.a.device]!.y <= full.positions[l.b.device]!.y ? [l.a.device, l.b.device] : [l.b.device, l.a.device];
    g.setEdge(upper, lower);
  }
  carded.forEach((s, i) => g.setEdge(s.parent, `card:${i}`));
  dagre.layout(g);

  const nodes: SummaryMap['nodes'] = {};
  for (const id of structural) {
    const n = g.node(id);
    nodes[id] = { x: n.x, y: n.y };
  }
  const cards = carded.map((s, i) => {
    const n = g.node(`card:${i}`);
    return { ...s, x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
  });
  const graph = g.graph();
  return {
    width: graph.width ?? 0,
    height: graph.height ?? 0,
    nodes,
    cards,
    summaries,
    links: structuralLinks.map((l) => ({ a: nodes[l.a.device]!, b: nodes[l.b.device]!, confidence: l.confidence })),
    feeders: cards.filter((c) => nodes[c.parent]).map((c) => ({ a: nodes[c.parent]!, b: { x: c.x + c.width / 2, y: c.y } })),
  };
}

/** One path of small squares (a host each) per colour: a few SVG nodes for hundreds of hosts. */
export function riskStripPaths(risks: readonly number[], left: number, top: number, colourOf: (risk: number) => string): Array<{ colour: string; d: string }> {
  const perRow = squaresPerRow();
  const step = CARD.square + CARD.gap;
  const byColour = new Map<string, string[]>();
  risks.forEach((risk, i) => {
    const x = left + (i % perRow) * step;
    const y = top + Math.floor(i / perRow) * step;
    const colour = colourOf(risk);
    const parts = byColour.get(colour) ?? [];
    parts.push(`M${x.toFixed(1)} ${y.toFixed(1)}h${CARD.square}v${CARD.square}h-${CARD.square}Z`);
    byColour.set(colour, parts);
  });
  return [...byColour].map(([colour, parts]) => ({ colour, d: parts.join('') }));
}

/** "1 workstation", "438 workstations", "2 switches", "1 NAS", "2 NAS units". */
export function typeWord(type: string, count: number): string {
  const label = typeLabel(type);
  if (/^[A-Z]{2,}$/.test(label)) return count === 1 || !label.endsWith('S') ? `${label}${count === 1 ? '' : 's'}` : `${label} units`;
  const word = label.toLowerCase();
  if (count === 1) return word;
  return /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}
