/**
 * Devices as a table. Every device string is untrusted (it comes from SNMP,
 * DNS or the wire): it is rendered as React text children only, which React
 * escapes. Never dangerouslySetInnerHTML here.
 * Rows are windowed (fixed row height, spacer rows above and below) so a
 * 5,000-device site renders only the rows on screen.
 */
import { useEffect, useMemo, useState, type ReactNode, type UIEvent } from 'react';
import { SEVERITY_ORDER } from '../../../shared/health/schema';
import type { Device } from '../../../shared/scan-document';
import { DEVICE_TYPE_LABELS, knownName, formatUptime, ipSortKey } from '../format';
import { typeIsGuess, typeText } from '../../../shared/assessment/type-certainty';
import { topFinding } from '../store/selectors';
import { RiskScore } from './Badges';

type ColumnId = 'ip' | 'name' | 'vendor' | 'type' | 'model' | 'firmware' | 'uptime' | 'risk' | 'finding';

interface Column {
  id: ColumnId;
  label: string;
  /** Fixed layout: widths must not jump as windowed rows change while scrolling. */
  width: string;
  value: (device: Device) => string;
  sortKey?: (device: Device) => string | number;
  /** Numbers sort high-first on the first click (risk, uptime). */
  descendingFirst?: boolean;
  render?: (device: Device) => ReactNode;
}

const COLUMNS: readonly Column[] = [
  { id: 'ip', label: 'IP', width: '10.5%', value: (d) => d.ip ?? '', sortKey: (d) => ipSortKey(d.ip) },
  { id: 'name', label: 'Name', width: '12%', value: knownName },
  { id: 'vendor', label: 'Vendor', width: '8.5%', value: (d) => d.vendor ?? '' },
  {
    id: 'type',
    label: 'Type',
    width: '9.5%',
    // The full words in the tooltip; the narrow column shows "Server?" so the mark is never cut off.
    value: typeText,
    render: (d) => (typeIsGuess(d) ? <span className="type-guess">{DEVICE_TYPE_LABELS[d.type]}?</span> : DEVICE_TYPE_LABELS[d.type]),
  },
  { id: 'model', label: 'Model', width: '12%', value: (d) => d.model ?? '' },
  { id: 'firmware', label: 'Firmware', width: '10%', value: (d) => d.firmware ?? '' },
  { id: 'uptime', label: 'Uptime', width: '7.5%', value: (d) => formatUptime(d.uptimeSeconds), sortKey: (d) => d.uptimeSeconds ?? -1, descendingFirst: true },
  {
    id: 'risk',
    label: 'Risk',
    width: '5.5%',
    value: (d) => (d.risk ? String(Math.round(d.risk.score)) : ''),
    sortKey: (d) => d.risk?.score ?? -1,
    descendingFirst: true,
    render: (d) => <RiskScore score={d.risk?.score} />,
  },
  {
    id: 'finding',
    label: 'Top finding',
    width: '24.5%',
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
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function DeviceTable({ devices, caption, onOpen, initialSort }: DeviceTableProps) {
  const [sort, setSort] = useState<SortState>(initialSort ?? { column: 'ip', descending: false });

  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[0]!;
    const key = column.sortKey ?? ((d: Device) => column.value(d).toLowerCase());
    const rows = devices.map((device) => ({ device, key: key(device), ip: ipSortKey(device.ip) }));
    // Ties keep a stable, readable order: by address.
    rows.sort((a, b) => compareKeys(a.key, b.key) * (sort.descending ? -1 : 1) || compareKeys(a.ip, b.ip));
    return rows.map((r) => r.device);
  }, [devices, sort]);

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
          {COLUMNS.map((column) => (
            <col key={column.id} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
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
            >
              {COLUMNS.map((column) => {
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
