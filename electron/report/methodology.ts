/** Page 8: what was scanned, when and how, and what could not be reached. */
import { Text, View } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import { formatDateTime, h, heading, paragraph, table, type Paint } from './primitives';
import { MUTED, styles } from './theme';

const PRESETS: Record<string, string> = {
  quick: 'Quick scan: discovery and identification from the system information of each device.',
  full: 'Full scan: discovery, identification, hardware health, and the physical network map.',
  offline: 'Offline analysis of SNMP recordings supplied by the client; no network traffic.',
};

export function methodologySection(model: ReportModel, fontsEmbedded: boolean, paint: Paint) {
  const m = model.methodology;
  const facts: Array<[string, string]> = [
    ['Address ranges', m.targets.join(', ') || '—'],
    ['Started', formatDateTime(m.startedAt)],
    ['Finished', m.finishedAt ? `${formatDateTime(m.finishedAt)}${m.durationText ? ` (${m.durationText})` : ''}` : '—'],
    ['Outcome', m.status === 'completed' ? 'Completed' : m.status === 'interrupted' ? 'Interrupted: the results cover the part scanned before it stopped' : m.status === 'cancelled' ? 'Cancelled by the technician: partial results' : m.status],
    ['Scan type', PRESETS[m.preset] ?? m.preset],
    ['Devices', `${m.counts.devices} found: ${m.counts.icmp} answered ping, ${m.counts.snmp} gave management (SNMP) access, ${m.counts.tcpOnly} were found only through open TCP ports`],
    ['Software', m.generator],
  ];
  return [
    heading('Methodology and scope', 'h1'),
    h(Text, { style: styles.lead }, 'How this assessment was made, so that its results can be reproduced and its limits understood.'),
    h(View, { style: { marginBottom: 8 } }, ...facts.map(([k, v]) => h(View, { key: k, style: { flexDirection: 'row', marginBottom: 3 }, wrap: false }, h(Text, { style: { width: 95, color: MUTED } }, k), h(Text, { style: { flex: 1 } }, v)))),
    heading('How'),
    paragraph('From a laptop on the office network, Forewarn swept the address ranges above with ping, ARP and a few TCP ports, then asked every device that answered for its identity and health over SNMP, read-only. It never changes a setting on a device, and no credentials appear in this report.'),
    paragraph('Health findings come from the readings of each device (disks, fans, power supplies, temperatures, RAID, printer supplies, UPS batteries, network ports) checked against thresholds; forecasts use the device\'s own reports and the trend between visits. The network map comes from the switches\' neighbour (LLDP/CDP) and address tables.'),
    heading('Limits'),
    paragraph(`${m.withoutSnmp} of ${m.counts.devices} devices gave no management access: they are in the inventory, but their hardware health could not be read. Devices that were switched off, on other networks, or that block all probes are not in this report.${m.counts.placeholders ? ` ${m.counts.placeholders} unmanaged switch(es) were inferred from the address tables and are shown on the map only.` : ''}`),
    ...(m.unreachable.length
      ? [heading(`Devices that could not be read completely (${m.unreachable.length})`, 'h3'), table(paint, [
          { title: 'Device', width: 2, render: (r: ReportModel['methodology']['unreachable'][number]) => r.device },
          { title: 'Address', width: 1.4, render: (r) => r.ip ?? '—' },
          { title: 'What happened', width: 6, render: (r) => r.problem },
        ], m.unreachable, { fontSize: 7.5 })]
      : []),
    fontsEmbedded ? null : paragraph('Note: the embedded report font was not available; this report uses the standard PDF font Helvetica.', styles.small),
  ];
}
