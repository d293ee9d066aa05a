/**
 * Page 6: the health readings behind every finding, one block per device with
 * something to report; the devices with nothing to report follow as one
 * compact table, a line each, so a large healthy site does not fill pages with
 * normal readings. Every line is painted (painted-rows.ts): a large site's
 * appendix has thousands of readings.
 */
import type { ReactElement } from 'react';
import { Text } from '@react-pdf/renderer';
import type { AppendixDevice, ReportModel } from '../../shared/assessment/report-model';
import { SEVERITY_LABELS, SEVERITY_ORDER } from '../../shared/health/schema';
import { layoutRow, paintedBlock, type LaidOutRow, type PaintedCell } from './painted-rows';
import type { Paragraph, Run, RunStyle } from './painted-text';
import { bySeverity, h, heading, stack, table, type Paint } from './primitives';
import { MUTED, riskColour, SEVERITY_COLOURS, styles } from './theme';

const TEXT: RunStyle = { size: 9 };
const LABEL: RunStyle = { size: 9, colour: MUTED };
const FLAG: Record<string, RunStyle> = {
  Critical: { size: 9, bold: true, colour: SEVERITY_COLOURS.critical },
  Warning: { size: 9, bold: true, colour: SEVERITY_COLOURS.medium },
};
const BLOCK_TITLE: RunStyle = { size: 8, bold: true };
const DEVICE_NAME: RunStyle = { size: 10.5, bold: true };
const DEVICE_FACTS: RunStyle = { size: 9, colour: MUTED };
const SEVERITY_WORD = bySeverity((colour): RunStyle => ({ size: 9, bold: true, colour }));

interface Reading {
  label: string;
  value: string;
  flag?: string | null;
}

const flagOf = (status: string) => (status === 'Critical' || status === 'Warning' ? status : null);

function readingText(r: Reading): Paragraph {
  const runs: Run[] = [{ text: `${r.label}: `, style: LABEL }, { text: r.value, style: TEXT }];
  if (r.flag) runs.push({ text: `  ${r.flag}`, style: FLAG[r.flag]! });
  return runs;
}

/** A line of a device's block. */
const LINE = { rule: false, paddingVertical: 1 } as const;

/** Readings two to a line: label muted, value, a flag when out of range. */
function readingRows(readings: Reading[], paint: Paint): LaidOutRow[] {
  const rows: LaidOutRow[] = [];
  for (let i = 0; i < readings.length; i += 2) {
    const cells: PaintedCell[] = readings.slice(i, i + 2).map((r) => ({ content: [readingText(r)], width: 1 }));
    if (cells.length === 1) cells.push({ content: [], width: 1 });
    rows.push(layoutRow(cells, paint.width, paint.measure, { ...LINE, gutter: 8 }));
  }
  return rows;
}

function block(title: string, rows: LaidOutRow[], paint: Paint): LaidOutRow[] {
  if (!rows.length) return [];
  return [layoutRow([{ content: [[{ text: title, style: BLOCK_TITLE }]], width: 1 }], paint.width, paint.measure, { rule: false, paddingTop: 4, paddingBottom: 1 }), ...rows];
}

function deviceHead(d: AppendixDevice, paint: Paint): LaidOutRow {
  const cells: PaintedCell[] = [
    { content: [[{ text: d.name, style: DEVICE_NAME }]], width: 4 },
    { content: [[{ text: [d.ip, d.type, d.model].filter(Boolean).join(' · '), style: DEVICE_FACTS }]], width: 5, align: 'right' },
    { content: { pill: `Risk ${Math.round(d.risk)}`, background: riskColour(d.risk) }, width: 0.9, align: 'right' },
  ];
  return layoutRow(cells, paint.width, paint.measure, { rule: false, paddingVertical: 2, gutter: 4 });
}

/** A block is cut into pieces of about this height (between lines): each piece stays whole, so a device name is never alone at the foot of a page, and little space is left empty. */
const BLOCK_PIECE = 120;

/** A device's block: a few canvases at most (one for most devices), not a node a line. */
function deviceBlock(d: AppendixDevice, paint: Paint): ReactElement[] {
  const findings = d.findings.map((f) => layoutRow([{ content: [[{ text: `${SEVERITY_LABELS[f.severity]}  `, style: SEVERITY_WORD[f.severity] }, { text: f.title, style: TEXT }]], width: 1 }], paint.width, paint.measure, LINE));
  const rows = [
    deviceHead(d, paint),
    ...block('Findings', findings, paint),
    ...block('Sensors', readingRows(d.sensors.map((s) => ({ label: s.name, value: s.value, flag: flagOf(s.status) })), paint), paint),
    ...block('Supplies', readingRows(d.supplies.map((s) => ({ label: s.name, value: s.percent })), paint), paint),
    ...block('Storage', readingRows(d.storage.map((s) => ({ label: s.name, value: `${s.percent} % used (${s.used} of ${s.size})` })), paint), paint),
    ...block('UPS', readingRows(d.ups, paint), paint),
    ...block('Interface problems', readingRows(d.interfaceProblems.map((p) => ({ label: `Port ${p.name}`, value: p.problem })), paint), paint),
    // The rule under the device, with some air on both sides.
    layoutRow([], paint.width, paint.measure, { ruleWidth: 0.6, paddingTop: 4, paddingBottom: 0 }),
    layoutRow([], paint.width, paint.measure, { rule: false, paddingTop: 8, paddingBottom: 0 }),
  ];
  return paintedBlock(rows, paint.width, paint.measure, BLOCK_PIECE, d.id);
}

/**
 * Nothing to report: no finding at medium or above (the threshold of the
 * at-risk table), no reading out of range, no port problem. Its low findings
 * still appear, on its line of the compact table.
 */
export function nothingToReport(d: AppendixDevice): boolean {
  return !d.findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.medium) && !d.interfaceProblems.length && !d.sensors.some((s) => flagOf(s.status));
}

function count(n: number, one: string, many: string): string | null {
  return n ? `${n} ${n === 1 ? one : many}` : null;
}

/** "12 sensors, 3 volumes, UPS": what was read, in one phrase. */
export function readingsSummary(d: AppendixDevice): string {
  return [count(d.sensors.length, 'sensor', 'sensors'), count(d.supplies.length, 'supply', 'supplies'), count(d.storage.length, 'volume', 'volumes'), d.ups.length ? 'UPS' : null]
    .filter(Boolean).join(', ') || 'system readings only';
}

function quietTable(devices: AppendixDevice[], paint: Paint): ReactElement[] {
  if (!devices.length) return [];
  return [
    heading(`Devices with nothing to report (${devices.length})`, 'h2'),
    h(Text, { style: styles.lead }, 'These devices answered with health readings, every reading within its normal range; minor findings are noted on their line.'),
    table(paint, [
      { title: 'Device', width: 2.6, render: (d: AppendixDevice) => stack(7.5, d.name, d.ip) },
      { title: 'Type and model', width: 2.6, render: (d) => stack(7.5, d.type, d.model) },
      { title: 'Readings, all normal', width: 2.6, render: (d) => readingsSummary(d) },
      { title: 'Minor findings', width: 3.2, render: (d) => (d.findings.length ? d.findings.map((f) => [{ text: `${SEVERITY_LABELS[f.severity]}: ${f.title}`, style: { size: 7.5 } }]) : '—') },
    ], devices, { fontSize: 7.5 }),
  ];
}

export function appendixSection(model: ReportModel, paint: Paint) {
  const toReport = model.appendix.filter((d) => !nothingToReport(d));
  const quiet = model.appendix.filter(nothingToReport);
  return [
    heading('Health appendix', 'h1'),
    h(Text, { style: styles.lead }, 'The readings behind each finding, per device, riskiest first; devices with nothing to report are listed after them, a line each. Devices that gave no health data (no SNMP access) are listed in the inventory only.'),
    ...(model.appendix.length ? [...toReport.flatMap((d) => deviceBlock(d, paint)), ...quietTable(quiet, paint)] : [h(Text, null, 'No device reported health readings.')]),
  ];
}
