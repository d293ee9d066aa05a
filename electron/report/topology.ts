/**
 * Page 4: the network map as vector graphics. Positions come from the shared
 * layout (shared/topology/layout.ts, the same as the app's map): lines and
 * host blocks are SVG; devices are absolutely placed boxes so their names stay
 * real, selectable text. A map too large to label at a readable size is
 * summarised instead (topology-summary.ts): one card per switch's hosts.
 */
import type { ReactElement } from 'react';
import dagre from '@dagrejs/dagre';
import { Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { Device, ScanDocument } from '../../shared/scan-document';
import { deviceName, isPlaceholder, typeLabel } from '../../shared/assessment/device-label';
import { layoutTopology, LAYOUT_SIZES, type DagreLike } from '../../shared/topology/layout';
import { h, heading, paragraph } from './primitives';
import { MUTED, RULE, riskColour, styles } from './theme';
import { CARD, cardHeight, riskStripPaths, squaresPerRow, STRUCTURAL, summaryMap, type HostSummary, type SummaryMap } from './topology-summary';

/** Landscape A4 content box under the heading and a three-line lead. */
const AREA = { width: 762, height: 395 };
/** Below this scale the full map's host labels would be under ~5 pt: summarise instead. */
export const MIN_FULL_MAP_SCALE = 0.35;
/** Below this scale the summary cards' text would be under ~5 pt: print them after the switch tree instead. */
export const MIN_CARD_MAP_SCALE = 0.75;
const INFRASTRUCTURE = new Set(['router', 'switch', 'firewall', 'unmanaged-switch', 'access-point', 'wireless-controller', 'network-device']);
const EDGE_STYLES: Record<string, { stroke: string; strokeWidth: number; strokeDasharray?: string }> = {
  confirmed: { stroke: '#3b4754', strokeWidth: 1.2 },
  inferred: { stroke: '#8a96a3', strokeWidth: 0.8 },
  assumed: { stroke: '#8a96a3', strokeWidth: 0.8, strokeDasharray: '3,2' },
};

type Point = { x: number; y: number };

/** All segments of one style as a single SVG path: one node however many links. */
function edgePaths(segments: Array<{ a: Point; b: Point; confidence: string }>, keyPrefix: string): ReactElement[] {
  const byStyle = new Map<string, string[]>();
  for (const { a, b, confidence } of segments) {
    const style = EDGE_STYLES[confidence] ? confidence : 'inferred';
    byStyle.set(style, [...(byStyle.get(style) ?? []), `M${a.x.toFixed(1)} ${a.y.toFixed(1)}L${b.x.toFixed(1)} ${b.y.toFixed(1)}`]);
  }
  return [...byStyle].map(([style, parts]) => h(Path, { key: `${keyPrefix}${style}`, d: parts.join(''), fill: 'none', ...EDGE_STYLES[style] }));
}

export function topologySection(document: ScanDocument) {
  const links = document.links ?? [];
  const intro = heading('Network map', 'h1');
  if (links.length === 0) {
    return [intro, paragraph('No physical links could be read from the switches (no managed switch answered over SNMP, or their tables were empty), so no map can be drawn. The devices are listed in the inventory.')];
  }
  const gatewayIp = document.devices.find((d) => d.type === 'router')?.ip ?? null;
  const layout = layoutTopology(document, { dagre: dagre as unknown as DagreLike, gatewayIp });
  const scale = Math.min(AREA.width / Math.max(layout.width, 1), AREA.height / Math.max(layout.height, 1), 1.2);
  const lead = `${document.devices.filter((d) => !isPlaceholder(d)).length} devices and ${links.length} links, from the switches' neighbour and address tables. Solid lines are confirmed by a neighbour protocol, grey lines inferred from address tables, dashed lines assumed. Colour shows each device's risk.`;
  if (scale < MIN_FULL_MAP_SCALE) {
    const summaryLead = `${lead} Each switch's end hosts are summarised: one square per host in port order, coloured by risk, with the hosts needing attention named. The asset inventory lists every host.`;
    const unplaced = layout.unplaced.length ? paragraph(`${layout.unplaced.length} devices were on no switch's tables and are not on the map; they are in the inventory.`, { ...styles.small, marginTop: 4 }) : null;
    const withCards = summaryMap(document, layout);
    if (fitScale(withCards) >= MIN_CARD_MAP_SCALE) return [intro, h(Text, { style: styles.lead }, summaryLead), drawSummary(document, withCards), unplaced];
    // Many switches: the switch tree alone (whichever direction prints larger), then one card per switch as a list.
    const trees = (['TB', 'LR'] as const).map((rankdir) => summaryMap(document, layout, { withCards: false, rankdir }));
    const tree = fitScale(trees[0]!) >= fitScale(trees[1]!) ? trees[0]! : trees[1]!;
    return [
      intro,
      h(Text, { style: styles.lead }, summaryLead),
      drawSummary(document, tree),
      unplaced,
      heading('Hosts by switch', 'h2'),
      h(View, { style: { flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between' } }, ...bySwitchName(document, tree.summaries).map((c, i) => cardInFlow(document, c, i))),
    ];
  }
  return [intro, h(Text, { style: styles.lead }, lead), drawFull(document, layout, scale)];
}

function drawFull(document: ScanDocument, layout: ReturnType<typeof layoutTopology>, scale: number): ReactElement {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const at = (id: string) => layout.positions[id];
  const inBlock = new Set(layout.blocks.flatMap((b) => b.members.map((m) => m.id)));
  const width = layout.width * scale;
  const height = layout.height * scale;
  const scaled = (p: Point) => ({ x: p.x * scale, y: p.y * scale });

  const segments = (document.links ?? []).flatMap((l) => {
    const a = at(l.a.device);
    const b = at(l.b.device);
    // Hosts in a block hang off the block's top edge, not each from the switch.
    if (!a || !b || inBlock.has(l.b.device)) return [];
    return [{ a: scaled(a), b: scaled(b), confidence: l.confidence }];
  });
  const feeders = layout.blocks.flatMap((b) => {
    const parent = at(b.parent);
    return parent ? [{ a: scaled(parent), b: { x: (b.x + b.width / 2) * scale, y: b.y * scale }, confidence: 'inferred' }] : [];
  });
  const blockShapes = layout.blocks.map((b, i) => h(Rect, { key: `b${i}`, x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale, fill: '#f6f8fa', stroke: RULE, strokeWidth: 0.6, rx: 3 }));
  const portOf = new Map(layout.blocks.flatMap((b) => b.members.map((m) => [m.id, m.port] as const)));
  const fontSize = Math.max(4.2, Math.min(8, 14 * scale));

  const nodes = Object.entries(layout.positions).flatMap(([id, p]) => {
    const d = byId.get(id);
    if (!d) return [];
    const structural = INFRASTRUCTURE.has(d.type) && !inBlock.has(id);
    const size = structural ? { width: LAYOUT_SIZES.cell.width - 8, height: LAYOUT_SIZES.node.height } : { width: LAYOUT_SIZES.cell.width - 12, height: LAYOUT_SIZES.cell.height - 16 };
    const w = size.width * scale;
    const hgt = size.height * scale;
    const port = portOf.get(id);
    return [nodeBox(d, p.x * scale - w / 2, p.y * scale - hgt / 2, w, hgt, structural, port ? `port ${port}` : null, fontSize)];
  });

  // One block: absolutely placed boxes must never be split across two pages.
  return h(View, { style: { alignItems: 'center' }, wrap: false },
    h(View, { style: { position: 'relative', width, height } },
      h(Svg, { width, height, viewBox: `0 0 ${width} ${height}`, style: { position: 'absolute', left: 0, top: 0 } }, ...blockShapes, ...edgePaths([...segments, ...feeders], 'e')),
      ...nodes));
}

function bySwitchName(document: ScanDocument, summaries: readonly HostSummary[]): HostSummary[] {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const name = (id: string) => { const d = byId.get(id); return d ? deviceName(d) : id; };
  return [...summaries].sort((a, b) => name(a.parent).localeCompare(name(b.parent), undefined, { numeric: true }));
}

function fitScale(map: SummaryMap): number {
  return Math.min(AREA.width / Math.max(map.width, 1), AREA.height / Math.max(map.height, 1), 1);
}

function drawSummary(document: ScanDocument, map: SummaryMap): ReactElement {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const scale = fitScale(map);
  const hostCounts = new Map(map.summaries.map((c) => [c.parent, c.count]));
  const width = map.width * scale;
  const height = map.height * scale;
  const stripTop = (c: SummaryMap['cards'][number]) => c.y + CARD.padding + CARD.titleLine + CARD.line + 2;

  // The SVG keeps the map's own units (viewBox) and is scaled as a whole.
  const shapes = [
    ...edgePaths(map.links, 'l'),
    ...edgePaths(map.feeders.map((f) => ({ ...f, confidence: 'inferred' })), 'f'),
    ...map.cards.flatMap((c, i) => [
      h(Rect, { key: `c${i}`, x: c.x, y: c.y, width: c.width, height: c.height, fill: '#f6f8fa', stroke: RULE, strokeWidth: 0.6, rx: 3 }),
      ...riskStripPaths(c.risks, c.x + CARD.padding, stripTop(c), riskColour).map((p, j) => h(Path, { key: `s${i}-${j}`, d: p.d, fill: p.colour })),
    ]),
  ];
  const s = (n: number) => n * scale;
  const cards = map.cards.map((c, i) => h(View, { key: `card${i}`, style: { position: 'absolute', left: s(c.x + CARD.padding), top: s(c.y + CARD.padding), width: s(c.width - CARD.padding * 2) } }, ...cardContent(byId, c, scale)));
  const nodes = Object.entries(map.nodes).flatMap(([id, p]) => {
    const d = byId.get(id);
    if (!d) return [];
    // Without cards on the map, each switch says how many hosts hang off it.
    const hosts = map.cards.length === 0 && hostCounts.has(id) ? `${hostCounts.get(id)} hosts` : null;
    return [nodeBox(d, s(p.x - STRUCTURAL.width / 2), s(p.y - STRUCTURAL.height / 2), s(STRUCTURAL.width), s(STRUCTURAL.height), true, hosts, Math.max(s(7.5), Math.min(7.5, s(9))))];
  });
  // One block: absolutely placed boxes must never be split across two pages.
  return h(View, { style: { alignItems: 'center' }, wrap: false },
    h(View, { style: { position: 'relative', width, height } },
      h(Svg, { width, height, viewBox: `0 0 ${map.width} ${map.height}`, style: { position: 'absolute', left: 0, top: 0 } }, ...shapes),
      ...cards,
      ...nodes));
}

/** A card's lines at `scale`; the risk strip is left as a gap of the right height (drawn as SVG). */
function cardContent(byId: ReadonlyMap<string, Device>, c: HostSummary, scale: number): ReactElement[] {
  const s = (n: number) => n * scale;
  const line = (key: string, text: string, style: Record<string, unknown> = {}) => h(Text, { key, style: { height: s(CARD.line), fontSize: s(6.8), ...style } }, text);
  const parent = byId.get(c.parent);
  const ports = c.portRange ? ` · port${c.portRange.includes('–') ? 's' : ''} ${c.portRange}` : '';
  const unknownPorts = c.withoutPort && c.portRange ? ` (${c.withoutPort} port unknown)` : '';
  const step = CARD.square + CARD.gap;
  return [
    h(Text, { key: 'title', style: { height: s(CARD.titleLine), fontSize: s(8), fontWeight: 'bold' } }, `${c.count} host${c.count === 1 ? '' : 's'} on ${parent ? (isPlaceholder(parent) ? 'the unmanaged switch' : deviceName(parent)) : 'a switch'}${ports}${unknownPorts}`),
    line('types', c.types, { color: MUTED }),
    h(View, { key: 'strip', style: { height: s(Math.ceil(c.count / squaresPerRow()) * step + 4) } }),
    ...(c.attention.length
      ? [line('att', 'Needing attention:', { fontWeight: 'bold' }), ...c.attention.map((a, j) => h(Text, { key: `a${j}`, style: { height: s(CARD.line), fontSize: s(6.8) } },
          h(Text, { style: { color: riskColour(a.risk), fontWeight: 'bold' } }, `risk ${a.risk}  `), a.name, h(Text, { style: { color: MUTED } }, a.port ? `  port ${a.port}` : '')))]
      : [line('ok', 'No host here needs attention.', { color: MUTED })]),
    ...(c.moreAttention ? [line('more', `and ${c.moreAttention} more: see Hardware at risk and the inventory.`, { color: MUTED })] : []),
  ];
}

/** A card in the page flow (many switches): never split across pages, its risk strip its own small SVG. */
function cardInFlow(document: ScanDocument, c: HostSummary, i: number): ReactElement {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const height = cardHeight(c);
  const stripTop = CARD.padding + CARD.titleLine + CARD.line + 2;
  return h(View, { key: `flow${i}`, wrap: false, style: { position: 'relative', width: CARD.width, height, marginBottom: 8, borderWidth: 0.6, borderColor: RULE, borderRadius: 3, backgroundColor: '#f6f8fa' } },
    h(Svg, { width: CARD.width, height, viewBox: `0 0 ${CARD.width} ${height}`, style: { position: 'absolute', left: 0, top: 0 } },
      ...riskStripPaths(c.risks, CARD.padding, stripTop, riskColour).map((p, j) => h(Path, { key: `s${j}`, d: p.d, fill: p.colour }))),
    h(View, { style: { position: 'absolute', left: CARD.padding, top: CARD.padding, width: CARD.width - CARD.padding * 2 } }, ...cardContent(byId, c, 1)));
}

function nodeBox(d: Device, left: number, top: number, width: number, height: number, structural: boolean, note: string | null, fontSize: number) {
  const name = isPlaceholder(d) ? 'Unmanaged sw.' : deviceName(d);
  const detail = isPlaceholder(d) ? 'inferred' : [typeLabel(d.type), d.ip].filter(Boolean).join(' · ');
  return h(View, {
    key: d.id,
    style: { position: 'absolute', left, top, width, height, borderWidth: structural ? 1.2 : 0.8, borderColor: structural ? '#3b4754' : '#b8c1cb', borderLeftWidth: 3, borderLeftColor: riskColour(d.risk?.score ?? 0), borderRadius: 3, backgroundColor: '#ffffff', paddingHorizontal: 3, justifyContent: 'center', overflow: 'hidden' },
  },
    h(Text, { style: { fontSize, fontWeight: 'bold' } }, truncate(name, 22)),
    h(Text, { style: { fontSize: fontSize * 0.85, color: MUTED } }, truncate(detail, 30)),
    note ? h(Text, { style: { fontSize: fontSize * 0.85, color: MUTED } }, truncate(note, 20)) : null);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
