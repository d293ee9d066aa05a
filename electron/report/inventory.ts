/** Page 5: every device found, riskiest first. */
import { Text } from '@react-pdf/renderer';
import type { InventoryRow, ReportModel } from '../../shared/assessment/report-model';
import { h, heading, stack, table, type Column } from './primitives';
import { riskColour, styles } from './theme';

export function inventorySection(model: ReportModel) {
  const columns: Column<InventoryRow>[] = [
    { title: 'Name', width: 2.2, render: (r) => r.name },
    { title: 'Address', width: 2.4, render: (r) => stack(r.ip ?? '—', r.mac) },
    { title: 'Type', width: 1.5, render: (r) => r.type },
    { title: 'Vendor and model', width: 3, render: (r) => stack(r.vendor ?? '—', r.model) },
    { title: 'Firmware / OS', width: 2.3, render: (r) => r.firmware ?? '—' },
    { title: 'Serial number', width: 1.8, render: (r) => r.serial ?? '—' },
    { title: 'Risk', width: 0.7, align: 'right', render: (r) => h(Text, { style: { color: riskColour(r.risk), fontWeight: 'bold' } }, String(Math.round(r.risk))) },
  ];
  return [
    heading('Asset inventory', 'h1'),
    h(Text, { style: styles.lead }, `${model.inventory.length} devices answered on the network. Fields a device did not reveal are shown as —.`),
    table(columns, model.inventory, { fontSize: 7.5 }),
  ];
}
