/** `forewarn diff OLD NEW [--json]`: what changed between two scans of a site. */
import { parseArgs } from 'node:util';
import { compareInOrder, type Comparison } from '../../../shared/assessment/compare';
import { clean } from '../../../shared/assessment/device-label';
import { EXIT, processOutput, UsageError } from '../output';
import { jsonToStdout, withJsonDefault, writeJson } from '../json-flag';
import { loadPair } from '../scan-files';

export const DIFF_USAGE = `Usage: forewarn diff OLD NEW [--json [FILE|-]]

Compares two scans of a site ("since last visit"): new and missing devices, changed firmware,
model or address, hosts moved to another switch port, new/resolved findings, supply and storage trends.
Devices are matched by MAC address, then serial number, then IP address.

Options:
  --json [FILE|-]   the comparison as JSON: to FILE, or on stdout ("-" or no FILE) instead of the text
`;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function renderComparison(c: Comparison): string {
  const name = (d: { name: string }) => clean(d.name) ?? '?';
  const lines = [
    `Since ${c.older.at.slice(0, 10)} (${Math.round(c.days)} days): ${c.older.deviceCount} → ${c.newer.deviceCount} devices, site risk ${c.older.siteRisk ?? '—'} → ${c.newer.siteRisk ?? '—'}${c.siteRiskChange !== null ? ` (${signed(c.siteRiskChange)})` : ''}`,
    `Matched ${c.matched.length} devices; ${c.newDevices.length} new, ${c.missingDevices.length} missing; findings ${c.findings.new.length} new, ${c.findings.resolved.length} resolved, ${c.findings.persisting.length} persisting.`,
  ];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  section('New devices', c.newDevices.map((d) => `${name(d)}  ${d.ip ?? ''}  ${d.mac ?? ''}`.trimEnd()));
  section('Missing devices', c.missingDevices.map((d) => `${name(d)}  ${d.ip ?? ''}  ${d.mac ?? ''}`.trimEnd()));
  section('Changed', c.changes.map((x) => `${name(x.device)}: ${clean(x.field)} ${clean(x.before)} → ${clean(x.after)}`));
  section('Moved', c.moves.map((m) => `${name(m.device)}: ${clean(m.before.switchName)} ${clean(m.before.port)} → ${clean(m.after.switchName)} ${clean(m.after.port)}`));
  section('New findings', c.findings.new.map((f) => `[${f.severity}] ${name(f.device)}: ${clean(f.title, 200)}`));
  section('Resolved findings', c.findings.resolved.map((f) => `[${f.severity}] ${name(f.device)}: ${clean(f.title, 200)}`));
  section('Supply trends', c.supplyTrends.map((t) => `${name(t.device)} ${clean(t.name)}: ${t.before}% → ${t.after}%${t.replaced ? ' (replaced)' : t.perMonth !== null ? ` (${signed(t.perMonth)} pts/month)` : ''}`));
  section('Storage trends', c.storageTrends.filter((t) => t.change !== 0).map((t) => `${name(t.device)} ${clean(t.name)}: ${t.before}% → ${t.after}%${t.perMonth !== null ? ` (${signed(t.perMonth)} pts/month)` : ''}`));
  return `${lines.join('\n')}\n`;
}

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: withJsonDefault(argv),
    allowPositionals: true,
    options: { json: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    processOutput().out(DIFF_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new UsageError('give two scan files: OLD NEW.');
  const { document, previous } = await loadPair(positionals[1]!, positionals[0]!);
  const comparison = compareInOrder(previous!, document);
  const output = processOutput();
  if (!jsonToStdout(values.json)) output.out(renderComparison(comparison));
  if (values.json) await writeJson(values.json, comparison, output, 'Comparison');
  return EXIT.ok;
}
