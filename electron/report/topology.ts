/**
 * Page 4: the network map as vector graphics. Positions come from the shared
 * layout (shared/topology/layout.ts, the same as the app's map): lines and
 * host blocks are SVG; devices are absolutely placed boxes so their names stay
 * real, selectable text. A map too large to label stays a map: hosts become dots.
 */
import type { ReactElement } from 'react';
import dagre from '@dagrejs/dagre';
import { Line, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { Device, ScanDocument } from '../../shared/scan-document';
import { deviceName, isPlaceholder, typeLabel } from '../../shared/assessment/device-label';
import { layoutTopology, LAYOUT_SIZES, type DagreLike } from '../../shared/topology/layout';
import { h, heading, paragraph } from './primitives';
import { MUTED, RULE, riskColour, styles } from './theme';

/** Landscape A4 content box under the heading. */
const AREA = { width: 762, height: 410 };
const INFRASTRUCTURE = new Set(['router', 'switch', 'firewall', 'unmanaged-switch', 'access-point', 'wireless-controller']);

export function topologySection(document: ScanDocument) {
  const links = document.links ?? [];
  const intro = heading('Network map', 'h1');
  if (links.length === 0) {
    return [intro, paragraph('No physical links could be read from the switches (no managed switch answered over SNMP, or their tables were empty), so no map can be drawn. The devices are listed in the inventory.')];
  }
  const gatewayIp = document.devices.find((d) => d.type === 'router')?.ip ?? null;
  const layout = layoutTopology(document, { dagre: dagre as unknown as DagreLike, gatewayIp });
  const scale = Math.min(AREA.width / Math.max(layout.width, 1), AREA.height / Math.max(layout.height, 1), 1.2);
  const labelled = scale >= 0.25;
  const byId = new Map(document.devices.map((d) => [d.id, d]));
  const at = (id: string) => layout.positions[id];
  const inBlock = new Set(layout.blocks.flatMap((b) => b.members.map((m) => m.id)));
  const width = layout.width * scale;
  const height = layout.height * scale;

  const lines = links.flatMap((l, i) => {
    const a = at(l.a.device);
    const b = at(l.b.device);
    if (!a || !b) return [];
    // Hosts in a block hang off the block's top edge, not each from the switch.
    if (inBlock.has(l.b.device)) return [];
    return [h(Line, { key: `l${i}`, x1: a.x * scale, y1: a.y * scale, x2: b.x * scale, y2: b.y * scale, stroke: l.confidence === 'confirmed' ? '#3b4754' : '#8a96a3', strokeWidth: l.confidence === 'confirmed' ? 1.2 : 0.8, ...(l.confidence === 'assumed' ? { strokeDasharray: '3,2' } : {}) })];
  });
  const blockShapes = layout.blocks.flatMap((b, i) => {
    const parent = at(b.parent);
    const shapes: ReactElement[] = [h(Rect, { key: `b${i}`, x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale, fill: '#f6f8fa', stroke: RULE, strokeWidth: 0.6, rx: 3 })];
    if (parent) shapes.push(h(Line, { key: `bl${i}`, x1: parent.x * scale, y1: parent.y * scale, x2: (b.x + b.width / 2) * scale, y2: b.y * scale, stroke: '#8a96a3', strokeWidth: 0.8 }));
    return shapes;
  });
  const portOf = new Map(layout.blocks.flatMap((b) => b.members.map((m) => [m.id, m.port] as const)));

  const nodes = Object.entries(layout.positions).flatMap(([id, p]) => {
    const d = byId.get(id);
    if (!d) return [];
    const structural = INFRASTRUCTURE.has(d.type) && !inBlock.has(id);
    const size = structural ? { width: LAYOUT_SIZES.cell.width - 8, height: LAYOUT_SIZES.node.height } : { width: LAYOUT_SIZES.cell.width - 12, height: LAYOUT_SIZES.cell.height - 16 };
    const w = size.width * scale;
    const hgt = size.height * scale;
    const colour = riskColour(d.risk?.score ?? 0);
    if (!labelled && !structural) {
      const r = Math.max(2, 6 * scale);
      return [h(View, { key: id, style: { position: 'absolute', left: p.x * scale - r, top: p.y * scale - r, width: 2 * r, height: 2 * r, borderRadius: r, backgroundColor: colour } })];
    }
    if (!labelled) {
      // Switches and routers keep a readable name beside their marker, however small the map.
      const r = 5;
      return [
        h(View, { key: id, style: { position: 'absolute', left: p.x * scale - r, top: p.y * scale - r, width: 2 * r, height: 2 * r, borderRadius: 2, borderWidth: 1.2, borderColor: '#3b4754', backgroundColor: colour } }),
        h(Text, { key: `${id}-label`, style: { position: 'absolute', left: p.x * scale + r + 3, top: p.y * scale - 4, width: 140, fontSize: 6.5, fontWeight: 'bold' } }, isPlaceholder(d) ? 'Unmanaged switch' : truncate(deviceName(d), 28)),
      ];
    }
    return [nodeBox(d, p.x * scale - w / 2, p.y * scale - hgt / 2, w, hgt, colour, structural, portOf.get(id) ?? null, Math.max(4.2, Math.min(8, 14 * scale)))];
  });

  return [
    intro,
    h(Text, { style: styles.lead }, `${document.devices.filter((d) => !isPlaceholder(d)).length} devices and ${links.length} links, from the switches' neighbour and address tables. Solid lines are confirmed by a neighbour protocol, grey lines inferred from address tables, dashed lines assumed. Colour shows each device's risk.`),
    h(View, { style: { alignItems: 'center' } },
      h(View, { style: { position: 'relative', width, height } },
        h(Svg, { width, height, viewBox: `0 0 ${width} ${height}`, style: { position: 'absolute', left: 0, top: 0 } }, ...blockShapes, ...lines),
        ...nodes)),
    labelled ? null : paragraph('The network is too large to label every host at this size; hosts are shown as dots coloured by risk. The asset inventory lists them all.', { ...styles.small, marginTop: 6 }),
  ];
}

function nodeBox(d: Device, left: number, top: number, width: number, height: number, colour: string, structural: boolean, port: string | null, fontSize: number) {
  const name = isPlaceholder(d) ? 'Unmanaged sw.' : deviceName(d);
  const detail = isPlaceholder(d) ? 'inferred' : [typeLabel(d.type), d.ip].filter(Boolean).join(' · ');
  return h(View, {
    key: d.id,
    style: { position: 'absolute', left, top, width, height, borderWidth: structural ? 1.2 : 0.8, borderColor: structural ? '#3b4754' : '#b8c1cb', borderLeftWidth: 3, borderLeftColor: colour, borderRadius: 3, backgroundColor: '#ffffff', paddingHorizontal: 3, justifyContent: 'center', overflow: 'hidden' },
  },
    h(Text, { style: { fontSize, fontWeight: 'bold' } }, truncate(name, 22)),
    h(Text, { style: { fontSize: fontSize * 0.85, color: MUTED } }, truncate(detail, 30)),
    port ? h(Text, { style: { fontSize: fontSize * 0.85, color: MUTED } }, `port ${truncate(port, 14)}`) : null);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
