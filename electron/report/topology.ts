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
import { CARD, riskStripPaths, squaresPerRow, STRUCTURAL, summaryMap, type SummaryMap } from './topology-summary';

/** Landscape A4 content box under the heading. */
const AREA = { width: 762, height: 410 };
/** Below this scale the full map's host labels would be under ~5 pt: summarise instead. */
export const MIN_FULL_MAP_SCALE = 0.35;
const INFRASTRUCTURE = new Set(['router', 'switch', 'firewall', 'unmanaged-switch', 'access-point', 'wireless-controller']);
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
    const map = summaryMap(document, layout);
    return [
      intro,
      h(Text, { style: styles.lead }, `${lead} Each switch's end hosts are summarised: one square per host in port order, coloured by risk, with the hosts needing attention named. The asset inventory lists every host.`),
      drawSummary(document, map),
      layout.unplaced.length ? paragraph(`${layout.unplaced.length} devices were on no switch's tables and are not on the map; they are in the inventory.`, { ...styles.small, marginTop: 4 }) : null,
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
    return [nodeBox(d, p.x * scale - w / 2, p.y * scale - hgt / 2, w, hgt, structural, portOf.get(id) ?? null, fontSize)];
  });

  return h(View, { style: { alignItems: 'center' } },
    h(View, { style: { position: 'relative', width, height } },
      h(Svg, { width, height, viewBox: `0 0 ${width} ${height}`, style: { position: 'absolute', left: 0, top: 0 } }, ...blockShapes, ...edgePaths([...segments, ...feeders], 'e')),
      ...nodes));
}

function drawSummary(document: ScanDocument, map: SummaryMap): ReactElement {
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const scale = Math.min(AREA.width / Math.max(map.width, 1), AREA.height / Math.max(map.height, 1), 1);
  const width = map.width * scale;
  const height = map.height * scale;
  const stripRows = (count: number) => Math.ceil(count / squaresPerRow());
  const step = CARD.square + CARD.gap;
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
  const line = (key: string, text: string, style: Record<string, unknown> = {}) => h(Text, { key, style: { height: s(CARD.line), fontSize: s(6.8), ...style } }, text);

  const cards = map.cards.map((c, i) => {
    const parent = byId.get(c.parent);
    const ports = c.portRange ? ` · port${c.portRange.includes('–') ? 's' : ''} ${c.portRange}` : '';
    const unknownPorts = c.withoutPort && c.portRange ? ` (${c.withoutPort} port unknown)` : '';
    return h(View, { key: `card${i}`, style: { position: 'absolute', left: s(c.x + CARD.padding), top: s(c.y + CARD.padding), width: s(c.width - CARD.padding * 2) } },
      h(Text, { style: { height: s(CARD.titleLine), fontSize: s(8), fontWeight: 'bold' } }, `${c.count} host${c.count === 1 ? '' : 's'} on ${parent ? (isPlaceholder(parent) ? 'the unmanaged switch' : deviceName(parent)) : 'a switch'}${ports}${unknownPorts}`),
      line('types', c.types, { color: MUTED }),
      h(View, { style: { height: s(stripRows(c.count) * step + 4) } }),
      ...(c.attention.length
        ? [line('att', 'Needing attention:', { fontWeight: 'bold' }), ...c.attention.map((a, j) => h(Text, { key: `a${j}`, style: { height: s(CARD.line), fontSize: s(6.8) } },
            h(Text, { style: { color: riskColour(a.risk), fontWeight: 'bold' } }, `risk ${a.risk}  `), a.name, h(Text, { style: { color: MUTED } }, a.port ? `  port ${a.port}` : '')))]
        : [line('ok', 'No host here needs attention.', { color: MUTED })]),
      c.moreAttention ? line('more', `and ${c.moreAttention} more: see Hardware at risk and the inventory.`, { color: MUTED }) : null);
  });
  const nodes = Object.entries(map.nodes).flatMap(([id, p]) => {
    const d = byId.get(id);
    if (!d) return [];
    return [nodeBox(d, s(p.x - STRUCTURAL.width / 2), s(p.y - STRUCTURAL.height / 2), s(STRUCTURAL.width), s(STRUCTURAL.height), true, null, s(7.5))];
  });
  return h(View, { style: { alignItems: 'center' } },
    h(View, { style: { position: 'relative', width, height } },
      h(Svg, { width, height, viewBox: `0 0 ${map.width} ${map.height}`, style: { position: 'absolute', left: 0, top: 0 } }, ...shapes),
      ...cards,
      ...nodes));
}

function nodeBox(d: Device, left: number, top: number, width: number, height: number, structural: boolean, port: string | null, fontSize: number) {
  const name = isPlaceholder(d) ? 'Unmanaged sw.' : deviceName(d);
  const detail = isPlaceholder(d) ? 'inferred' : [typeLabel(d.type), d.ip].filter(Boolean).join(' · ');
  return h(View, {
    key: d.id,
    style: { position: 'absolute', left, top, width, height, borderWidth: structural ? 1.2 : 0.8, borderColor: structural ? '#3b4754' : '#b8c1cb', borderLeftWidth: 3, borderLeftColor: riskColour(d.risk?.score ?? 0), borderRadius: 3, backgroundColor: '#ffffff', paddingHorizontal: 3, justifyContent: 'center', overflow: 'hidden' },
  },
    h(Text, { style: { fontSize, fontWeight: 'bold' } }, truncate(name, 22)),
    h(Text, { style: { fontSize: fontSize * 0.85, color: MUTED } }, truncate(detail, 30)),
    port ? h(Text, { style: { fontSize: fontSize * 0.85, color: MUTED } }, `port ${truncate(port, 14)}`) : null);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
