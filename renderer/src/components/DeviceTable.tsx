/**
 * Devices as a table. Every device string is untrusted (it comes from SNMP,
 * DNS or the wire): it is rendered as React text children only, which React
 * escapes. Never dangerouslySetInnerHTML here.
 * Rows are windowed (fixed row height, spacer rows above and below) so a
 * 5,000-device site renders only the rows on screen.
 */
import { useEffect, useMemo, useState, type MouseEvent, type ReactNode, type UIEvent } from 'react';
import { SEVERITY_ORDER } from '../../../shared/health/schema';
import type { Device } from '../../../shared/scan-document';
import { DEVICE_TYPE_LABELS, knownName, formatUptime, ipSortKey } from '../format';
import { typeIsGuess, typeText } from '../../../shared/assessment/type-certainty';
import { topFinding } from '../store/selectors';
import { RiskScore } from './Badges';
import { useDeviceMenu } from './DeviceMenu';
import { tabSeparated } from '../device-actions';

export type ColumnId = 'ip' | 'mac' | 'name' | 'vendor' | 'type' | 'model' | 'firmware' | 'uptime' | 'risk' | 'finding';

interface Column {
  id: ColumnId;
  label: string;
  /** Share of the table's width (fixed layout: widths must not jump as windowed rows change while scrolling). */
  weight: number;
  value: (device: Device) => string;
  sortKey?: (device: Device) => string | number;
  /** Numbers sort high-first on the first click (risk, uptime). */
  descendingFirst?: boolean;
  render?: (device: Device) => ReactNode;
}

const COLUMNS: readonly Column[] = [
  { id: 'ip', label: 'IP', weight: 10.5, value: (d) => d.ip ?? '', sortKey: (d) => ipSortKey(d.ip) },
  { id: 'mac', label: 'MAC', weight: 15, value: (d) => d.mac ?? '' },
  { id: 'name', label: 'Name', weight: 12, value: knownName },
  { id: 'vendor', label: 'Vendor', weight: 8.5, value: (d) => d.vendor ?? '' },
  {
    id: 'type',
    label: 'Type',
    weight: 9.5,
    // The full words in the tooltip; the narrow column shows "Server?" so the mark is never cut off.
    value: typeText,
    render: (d) => (typeIsGuess(d) ? <span className="type-guess">{DEVICE_TYPE_LABELS[d.type]}?</span> : DEVICE_TYPE_LABELS[d.type]),
  },
  { id: 'model', label: 'Model', weight: 12, value: (d) => d.model ?? '' },
  { id: 'firmware', label: 'Firmware', weight: 10, value: (d) => d.firmware ?? '' },
  { id: 'uptime', label: 'Uptime', weight: 7.5, value: (d) => formatUptime(d.uptimeSeconds), sortKey: (d) => d.uptimeSeconds ?? -1, descendingFirst: true },
  {
    id: 'risk',
    label: 'Risk',
    weight: 5.5,
    value: (d) => (d.risk ? String(Math.round(d.risk.score)) : ''),
    sortKey: (d) => d.risk?.score ?? -1,
    descendingFirst: true,
    render: (d) => <RiskScore score={d.risk?.score} />,
  },
  {
    id: 'finding',
    label: 'Top finding',
    weight: 24.5,
    value: (d) => topFinding(d)?.title ?? '',
    sortKey: (d) => {
      const f = topFinding(d);
      return f ? SEVERITY_ORDER[f.severity] * 1000 + (d.risk?.score ?? 0) : -1;
    },
    descendingFirst: true,
    render: (d) => {
      const f = topFinding(d);
      if (!f) return <span className="muted">—</span>;
      return (
        <>
          <span className={`sev-dot sev-${f.severity}`} aria-label={f.severity} />
          {f.title}
        </>
      );
    },
  },
];

/** Every column a technician can show, in table order, with its heading. */
export const DEVICE_COLUMNS: ReadonlyArray<{ id: ColumnId; label: string }> = COLUMNS.map(({ id, label }) => ({ id, label }));
/** The columns shown until the technician chooses: the MAC waits in the chooser. */
export const DEFAULT_DEVICE_COLUMNS: readonly ColumnId[] = COLUMNS.map((c) => c.id).filter((id) => id !== 'mac');

/** The finding's text is the column that can give room: it never shrinks below this share. */
const MIN_FINDING_WEIGHT = 14;

/**
 * The shown columns in table order (the address always, so a row can be opened), each with its width in
 * percent. An added column takes its room from the top finding first, so addresses and MACs keep theirs.
 */
export function columnLayout(shown: readonly ColumnId[]): Array<{ id: ColumnId; width: string }> {
  const columns = COLUMNS.filter((c) => c.id === 'ip' || shown.includes(c.id));
  const others = columns.filter((c) => c.id !== 'finding').reduce((sum, c) => sum + c.weight, 0);
  const weightOf = (c: Column) => (c.id === 'finding' ? Math.max(MIN_FINDING_WEIGHT, 100 - others) : c.weight);
  const total = columns.reduce((sum, c) => sum + weightOf(c), 0);
  return columns.map((c) => ({ id: c.id, width: `${((100 * weightOf(c)) / total).toFixed(2)}%` }));
}

/** Devices as the table shows them (its columns, its order), heading line first: for the clipboard. */
export function deviceTableText(devices: readonly Device[], shown: readonly ColumnId[]): string {
  const columns = columnLayout(shown).map(({ id }) => COLUMNS.find((c) => c.id === id)!);
  return tabSeparated([columns.map((c) => c.label), ...devices.map((d) => columns.map((c) => c.value(d)))]);
}

/** Must match `.device-table tbody tr` height in styles.css. */
export const ROW_HEIGHT_PX = 36;
const OVERSCAN_ROWS = 10;
/** In server rendering (tests) assume a laptop-sized window. */
const INITIAL_VIEWPORT_PX = 640;

interface SortState {
  column: ColumnId;
  descending: boolean;
}

export interface DeviceTableProps {
  devices: readonly Device[];
  caption: string;
  /** Opens a device's detail: rows become clickable and the address a keyboard-reachable button. */
  onOpen?: (device: Device) => void;
  initialSort?: SortState;
  /** The columns to show (DEFAULT_DEVICE_COLUMNS when absent). */
  columns?: readonly ColumnId[];
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function DeviceTable({ devices, caption, onOpen, initialSort, columns: shownIds = DEFAULT_DEVICE_COLUMNS }: DeviceTableProps) {
  const [sort, setSort] = useState<SortState>(initialSort ?? { column: 'ip', descending: false });
  const layout = useMemo(() => columnLayout(shownIds), [shownIds]);
  const shown = useMemo(() => layout.map(({ id }) => COLUMNS.find((c) => c.id === id)!), [layout]);

  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[0]!;
    const key = column.sortKey ?? ((d: Device) => column.value(d).toLowerCase());
    const rows = devices.map((device) => ({ device, key: key(device), ip: ipSortKey(device.ip) }));
    // Ties keep a stable, readable order: by address.
    rows.sort((a, b) => compareKeys(a.key, b.key) * (sort.descending ? -1 : 1) || compareKeys(a.ip, b.ip));
    return rows.map((r) => r.device);
  }, [devices, sort]);

  const openMenu = useDeviceMenu();
  const onRowMenu = (event: MouseEvent<HTMLTableRowElement>, device: Device) => {
    if (!openMenu) return;
    event.preventDefault();
    openMenu(event, device, { rowText: () => deviceTableText([device], shownIds), tableText: () => deviceTableText(sorted, shownIds) });
  };

  const [scrollTop, setScrollTop] = useState(0);
  // The window's height bounds what can be visible. (The table's own height depends on the rows
  // it renders, so measuring it would lag a frame behind after a filter grows the list.)
  const [viewportHeight, setViewportHeight] = useState(() =>
    typeof window === 'undefined' ? INITIAL_VIEWPORT_PX : window.innerHeight,
  );
  useEffect(() => {
    const onResize = () => setViewportHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(sorted.length, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT_PX) + OVERSCAN_ROWS);
  const visible = sorted.slice(first, last);

  const toggleSort = (column: Column) =>
    setSort((s) => (s.column === column.id ? { column: column.id, descending: !s.descending } : { column: column.id, descending: column.descendingFirst === true }));

  return (
    <div className="table-wrap" onScroll={onScroll} data-testid="device-table">
      <table className={`device-table${onOpen ? ' is-clickable' : ''}`} aria-rowcount={sorted.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {layout.map((column) => (
            <col key={column.id} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {shown.map((column) => {
              const active = sort.column === column.id;
              return (
                <th key={column.id} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => toggleSort(column)}>
                    {column.label}
                    <span className="sort-indicator" aria-hidden="true">
                      {active ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT_PX }} />}
          {visible.map((device, offset) => (
            <tr
              key={device.id}
              data-device-id={device.id}
              aria-rowindex={first + offset + 2}
              className={(first + offset) % 2 === 1 ? 'odd' : undefined}
              onClick={onOpen ? () => onOpen(device) : undefined}
              onContextMenu={(e) => onRowMenu(e, device)}
            >
              {shown.map((column) => {
                const text = column.value(device);
                let content: ReactNode = column.render ? column.render(device) : text === '' ? <span className="muted">—</span> : text;
                if (column.id === 'ip' && onOpen) {
                  content = (
                    <button type="button" className="row-link" aria-label={`Open ${text || knownName(device) || device.id}`} onClick={(e) => { e.stopPropagation(); onOpen(device); }}>
                      {text || '—'}
                    </button>
                  );
                }
                return (
                  <td key={column.id} className={`col-${column.id}`} title={text || undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
          {last < sorted.length && <tr className="spacer" aria-hidden="true" style={{ height: (sorted.length - last) * ROW_HEIGHT_PX }} />}
        </tbody>
      </table>
    </div>
  );
}
