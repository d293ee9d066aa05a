/**
 * What a technician does next with a device: open its web interface, start
 * an SSH or remote-desktop session, copy its address or its row. Pure
 * helpers; the device page's buttons and the right-click menu (DeviceMenu)
 * both use them, so they offer the same things under the same names.
 */
import type { Device } from '../../shared/scan-document';
import { remoteSessionsOf, type RemoteSessionKind } from '../../shared/remote-sessions';
import { typeText } from '../../shared/assessment/type-certainty';
import { knownName } from './format';
import { webPageUrl } from '../../shared/web-ui';

/** The device's web UI, from the ports the scan found open; null when none answered (or no IPv4 address). */
export function webUiUrl(device: Pick<Device, 'ip' | 'reachability'>): string | null {
  return webPageUrl(device.ip, device.reachability.tcp ?? []);
}

/** One action of the right-click menu; `separated` draws a rule above it. */
export type DeviceMenuEntry = { label: string; separated?: boolean } & (
  | { id: 'open-details' }
  | { id: 'open-web'; url: string }
  | { id: 'connect'; session: RemoteSessionKind; ip: string }
  /** `text` is computed when chosen: a whole table is not built for every right-click. */
  | { id: 'copy'; what: string; text: () => string }
);

export interface DeviceMenuContext {
  /** Already on the device's page: no "Open details". */
  onDevicePage?: boolean;
  /** The table row as shown (tab-separated, with its heading line), when the menu opened on one. */
  rowText?: () => string;
  /** The whole table as shown, when the menu opened on one. */
  tableText?: () => string;
}

/** The menu for a device: only what this device offers (a web UI, SSH, RDP, a MAC), never a dead entry. */
export function deviceMenuEntries(device: Device, context: DeviceMenuContext = {}): DeviceMenuEntry[] {
  const opens: DeviceMenuEntry[] = [];
  if (!context.onDevicePage) opens.push({ id: 'open-details', label: 'Open details' });
  const url = webUiUrl(device);
  if (url) opens.push({ id: 'open-web', label: 'Open web UI', url });
  const sessions: DeviceMenuEntry[] = remoteSessionsOf(device).map((s) => ({ id: 'connect', label: `${s.label} to ${device.ip}`, session: s.kind, ip: device.ip! }));
  const { ip, mac } = device;
  const copies: DeviceMenuEntry[] = [
    ...(ip ? [{ id: 'copy' as const, label: 'Copy IP address', what: 'IP address', text: () => ip }] : []),
    ...(mac ? [{ id: 'copy' as const, label: 'Copy MAC address', what: 'MAC address', text: () => mac }] : []),
    { id: 'copy', label: 'Copy row', what: 'Row', text: context.rowText ?? (() => summaryText([device])) },
    ...(context.tableText ? [{ id: 'copy' as const, label: 'Copy table', what: 'Table', text: context.tableText }] : []),
  ];
  // A rule between groups, never above the first entry.
  return [opens, sessions, copies].filter((group) => group.length > 0).flatMap((group, g) => group.map((e, i) => (g > 0 && i === 0 ? { ...e, separated: true } : e)));
}

/** A cell as it can travel in tab-separated text (spreadsheets, tickets): no tabs or line breaks inside. */
function cell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Rows of cells as tab-separated lines: what Excel, Sheets and ticket systems paste as a table. */
export function tabSeparated(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map(cell).join('\t')).join('\n');
}

const SUMMARY_HEADINGS = ['IP', 'MAC', 'Name', 'Vendor', 'Type', 'Model', 'Firmware', 'Serial'];

/** Devices as a small table (heading line first), for copying from the map or a device's page. */
export function summaryText(devices: readonly Device[]): string {
  return tabSeparated([
    SUMMARY_HEADINGS,
    ...devices.map((d) => [d.ip ?? '', d.mac ?? '', knownName(d), d.vendor ?? '', typeText(d), d.model ?? '', d.firmware ?? '', d.serial ?? '']),
  ]);
}
