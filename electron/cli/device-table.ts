/**
 * The plain-text device table printed at the end of a scan. Device strings
 * are untrusted: control characters are replaced so a hostile sysName can't
 * rewrite the technician's terminal.
 */
import type { Device } from '../../shared/scan-document';
import { terminalLine } from '../../shared/untrusted-text';
import { truncate } from './output';
import { typeIsGuess } from '../../shared/assessment/type-certainty';
import { topFinding } from '../../shared/health/top-finding';

interface Column {
  title: string;
  value(device: Device): string;
  max: number;
}

const COLUMNS: Column[] = [
  { title: 'IP', value: (d) => d.ip ?? '', max: 15 },
  { title: 'MAC', value: (d) => d.mac ?? '', max: 17 },
  { title: 'NAME', value: (d) => d.sysName ?? d.hostname ?? '', max: 24 },
  { title: 'VENDOR', value: (d) => d.vendor ?? '', max: 16 },
  // A type from weak evidence only is marked, not stated: "switch?".
  { title: 'TYPE', value: (d) => (typeIsGuess(d) ? `${d.type}?` : d.type), max: 19 },
  { title: 'MODEL', value: (d) => d.model ?? '', max: 24 },
  { title: 'FIRMWARE', value: (d) => d.firmware ?? '', max: 18 },
  { title: 'RISK', value: (d) => (d.risk ? String(Math.round(d.risk.score)) : ''), max: 4 },
  { title: 'TOP FINDING', value: topFindingCell, max: 40 },
  { title: 'SEEN BY', value: reachedBy, max: 18 },
  { title: 'NOTES', value: (d) => d.errors.map((e) => e.code).join(','), max: 24 },
];

/** "high: Volume D:\ is 97% full": the most severe finding, its severity first so the eye can scan down. */
function topFindingCell(device: Device): string {
  const top = topFinding(device);
  return top ? `${top.severity}: ${top.title}` : '';
}

export function renderDeviceTable(devices: readonly Device[]): string {
  const rows = devices.map((device) => COLUMNS.map((c) => truncate(terminalSafe(c.value(device)), c.max)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(COLUMNS.map((c) => c.title)), ...rows.map(line)].join('\n') + '\n';
}

function reachedBy(device: Device): string {
  const r = device.reachability;
  return [
    r.icmp?.alive ? 'icmp' : null,
    r.arp ? 'arp' : null,
    r.snmp ? `snmp-${r.snmp.version}` : null,
    r.tcp && r.tcp.length > 0 ? 'tcp' : null,
  ]
    .filter(Boolean)
    .join(',');
}

/** A cell of the table: controls, line breaks and bidi overrides shown as '·' (the CLI's one cleaner, shared/untrusted-text.ts). */
export function terminalSafe(text: string): string {
  return terminalLine(text);
}

