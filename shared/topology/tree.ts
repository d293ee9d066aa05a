/**
 * The topology as an indented text tree (gateway → switches → ports → hosts),
 * for `forewarn scan … --tree`. Device strings are untrusted: control
 * characters (terminal escapes) are replaced before printing.
 */
import type { Device } from '../scan-document';
import type { Link } from './schema';
import { withoutUnsafeCharacters } from '../untrusted-text';

export interface TreeInput {
  devices: readonly Device[];
  links?: readonly Link[];
}

export interface RenderTreeOptions {
  gatewayIp?: string | null;
}

interface Edge {
  other: string;
  myPort: string | null;
  otherPort: string | null;
  link: Link;
}

const GROUPING_TYPES = new Set(['switch']);

export function renderTree(doc: TreeInput, options: RenderTreeOptions = {}): string {
  const links = doc.links ?? [];
  const byId = new Map(doc.devices.map((d) => [d.id, d]));
  const adjacency = new Map<string, Edge[]>();
  const add = (from: string, e: Edge) => adjacency.set(from, [...(adjacency.get(from) ?? []), e]);
  for (const link of links) {
    if (!byId.has(link.a.device) || !byId.has(link.b.device)) continue;
    add(link.a.device, { other: link.b.device, myPort: link.a.port, otherPort: link.b.port, link });
    add(link.b.device, { other: link.a.device, myPort: link.b.port, otherPort: link.a.port, link });
  }

  const lines: string[] = [];
  const visited = new Set<string>();
  const roots = rootOrder(doc.devices, adjacency, options.gatewayIp ?? null);
  for (const root of roots) {
    if (visited.has(root.id) || !adjacency.has(root.id)) continue;
    if (lines.length > 0) lines.push('');
    visited.add(root.id);
    lines.push(`${label(root)}${root.ip && root.ip === options.gatewayIp ? '  [gateway]' : ''}`);
    renderChildren(root.id, '', lines, visited, adjacency, byId);
  }
  const unplaced = doc.devices.filter((d) => !visited.has(d.id)).sort(byName);
  if (unplaced.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`Not placed (${unplaced.length}):`);
    for (const d of unplaced) lines.push(`  ${label(d)}`);
  }
  return lines.join('\n') + '\n';
}

function renderChildren(id: string, indent: string, lines: string[], visited: Set<string>, adjacency: Map<string, Edge[]>, byId: Map<string, Device>): void {
  const self = byId.get(id)!;
  const children = (adjacency.get(id) ?? []).filter((e) => !visited.has(e.other)).sort((x, y) => comparePorts(x.myPort, y.myPort) || byName(byId.get(x.other)!, byId.get(y.other)!));
  for (const e of children) visited.add(e.other);
  if (GROUPING_TYPES.has(self.type)) {
    // A switch: children grouped under the port they hang on.
    const groups = new Map<string, Edge[]>();
    for (const e of children) groups.set(e.myPort ?? '?', [...(groups.get(e.myPort ?? '?') ?? []), e]);
    const entries = [...groups];
    entries.forEach(([port, edges], gi) => {
      const lastGroup = gi === entries.length - 1;
      lines.push(`${indent}${lastGroup ? '└── ' : '├── '}port ${clean(port === '?' ? '? (unknown)' : port)}`);
      const groupIndent = indent + (lastGroup ? '    ' : '│   ');
      edges.forEach((e, i) => renderEdge(e, groupIndent, i === edges.length - 1, lines, visited, adjacency, byId, false));
    });
  } else {
    children.forEach((e, i) => renderEdge(e, indent, i === children.length - 1, lines, visited, adjacency, byId, true));
  }
}

function renderEdge(e: Edge, indent: string, last: boolean, lines: string[], visited: Set<string>, adjacency: Map<string, Edge[]>, byId: Map<string, Device>, showMyPort: boolean): void {
  const child = byId.get(e.other)!;
  const ports = [showMyPort && e.myPort ? `from ${clean(e.myPort)}` : null, e.otherPort ? `its port ${clean(e.otherPort)}` : null].filter(Boolean).join(', ');
  const speed = e.link.speed ? `, ${formatSpeed(e.link.speed)}${e.link.duplex ? ` ${e.link.duplex}` : ''}` : '';
  lines.push(`${indent}${last ? '└── ' : '├── '}${label(child)}${ports ? `  (${ports})` : ''}  [${e.link.via}, ${e.link.confidence}${speed}]`);
  renderChildren(e.other, indent + (last ? '    ' : '│   '), lines, visited, adjacency, byId);
}

/** The gateway first, then routers, then switches by link count, then the rest. */
function rootOrder(devices: readonly Device[], adjacency: Map<string, Edge[]>, gatewayIp: string | null): Device[] {
  const rank = (d: Device) => (gatewayIp && d.ip === gatewayIp ? 0 : d.type === 'router' ? 1 : d.type === 'switch' ? 2 : 3);
  return [...devices].sort((x, y) => rank(x) - rank(y) || (adjacency.get(y.id)?.length ?? 0) - (adjacency.get(x.id)?.length ?? 0) || byName(x, y));
}

function label(d: Device): string {
  if (d.type === 'unmanaged-switch') return 'unmanaged switch (placeholder)';
  const name = d.sysName ?? d.hostname ?? d.ip ?? d.mac ?? d.id;
  const details = [d.type, d.ip && d.ip !== name ? d.ip : null].filter(Boolean).join(', ');
  return `${clean(name)} (${clean(details)})`;
}

function byName(x: Device, y: Device): number {
  return (x.sysName ?? x.hostname ?? x.ip ?? x.id).localeCompare(y.sysName ?? y.hostname ?? y.ip ?? y.id);
}

/** Natural order so port 2 comes before port 10; unknown last. */
function comparePorts(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x == null) return 1;
  if (y == null) return -1;
  return x.localeCompare(y, undefined, { numeric: true });
}

function formatSpeed(mbps: number): string {
  return mbps >= 1000 ? `${mbps / 1000} Gb/s` : `${mbps} Mb/s`;
}

function clean(text: string): string {
  return withoutUnsafeCharacters(text, '?').slice(0, 80);
}
