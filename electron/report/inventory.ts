/** Page 5: every device found, riskiest first. */
import { Text } from '@react-pdf/renderer';
import type { InventoryRow, ReportModel } from '../../shared/assessment/report-model';
import { colouredCell, h, heading, stack, table, type Column, type Paint } from './primitives';
import { riskColour, styles } from './theme';

/** Five cells a row, the second line of each cell small and muted. */
export function inventorySection(model: ReportModel, paint: Paint) {
  const columns: Column<InventoryRow>[] = [
    { title: 'Name and type', width: 2.6, render: (r) => stack(7.5, r.name, r.type) },
    { title: 'Address', width: 2.3, render: (r) => stack(7.5, r.ip ?? '—', r.mac) },
    { title: 'Vendor and model', width: 3, render: (r) => stack(7.5, vendorAndModel(r.vendor, r.model), r.firmware) },
    { title: 'Serial number', width: 1.8, render: (r) => r.serial ?? '—' },
    { title: 'Risk', width: 0.6, align: 'right', render: (r) => colouredCell(String(Math.round(r.risk)), riskColour(r.risk), 7.5) },
  ];
  return [
    heading('Asset inventory', 'h1'),
    h(Text, { style: styles.lead }, `${model.inventory.length} devices answered on the network, riskiest first; under each name its type (marked “guess” where only weak evidence names it), under each address its MAC, under each model its firmware or operating system. Fields a device did not reveal are shown as —.`),
    table(paint, columns, model.inventory, { fontSize: 7.5 }),
  ];
}

/** "HP LaserJet Pro M404dn", not "HP HP LaserJet Pro M404dn": many models already start with their maker. */
export function vendorAndModel(vendor: string | null, model: string | null): string {
  if (vendor && model && model.toLowerCase().startsWith(`${vendor.toLowerCase()} `)) return model;
  return [vendor, model].filter(Boolean).join(' ') || '—';
}
