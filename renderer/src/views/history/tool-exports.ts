/** How Saved scans names each export for another tool: its button, its tooltip, and the file in the status line. */
import type { ExportFormatName } from '../../../../shared/exports/formats';

export const TOOL_EXPORTS: ReadonlyArray<{ format: ExportFormatName; button: string; title: string; file: string }> = [
  { format: 'xlsx', button: 'Excel', title: 'Inventory, findings and interfaces as one Excel workbook.', file: 'The Excel workbook' },
  {
    format: 'netbox',
    button: 'NetBox',
    title: 'NetBox import files (site, manufacturers, roles, device types, devices, interfaces, IP addresses) in one ZIP, with the order to import them.',
    file: 'The NetBox import files (ZIP; its README says the order)',
  },
  { format: 'itglue', button: 'IT Glue', title: "Configurations as IT Glue's import template names them, one row per device.", file: 'The IT Glue configurations (CSV)' },
  {
    format: 'connectwise',
    button: 'ConnectWise',
    title: "Configurations as ConnectWise Manage's import template names them, one row per device.",
    file: 'The ConnectWise Manage configurations (CSV)',
  },
];
