/**
 * Devices as a table. Every device string is untrusted (it comes from SNMP,
 * DNS or the wire): it is rendered as React text children only, which React
 * escapes. Never dangerouslySetInnerHTML here.
 * Rows are windowed (fixed row height, spacer rows above and below) so a
 * 5,000-device site renders only the rows on screen.
 */
import { useEffect, useMemo, useState, type UIEvent } from 'react';
import type { Device } from '../../../shared/scan-document';
import { DEVICE_TYPE_LABELS, deviceName, ipSortKey } from '../format';

type ColumnId = 'ip' | 'name' | 'vendor' | 'type' | 'model' | 'firmware';

interface Column {
  id: ColumnId;
  label: string;
  /** Fixed layout: widths must not jump as windowed rows change while scrolling. */
  width: string;
  value: (device: Device) => string;
  sortKey?: (device: Device) => string;
}

const COLUMNS: readonly Column[] = [
  { id: 'ip', label: 'IP address', width: '14%', value: (d) => d.ip ?? '', sortKey: (d) => ipSortKey(d.ip) },
  { id: 'name', label: 'Name', width: '20%', value: deviceName },
  { id: 'vendor', label: 'Vendor', width: '18%', value: (d) => d.vendor ?? '' },
  { id: 'type', label: 'Type', width: '13%', value: (d) => DEVICE_TYPE_LABELS[d.type] },
  { id: 'model', label: 'Model', width: '19%', value: (d) => d.model ?? '' },
  { id: 'firmware', label: 'Firmware', width: '16%', value: (d) => d.firmware ?? '' },
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

export function DeviceTable({ devices, caption }: { devices: readonly Device[]; caption: string }) {
  const [sort, setSort] = useState<SortState>({ column: 'ip', descending: false });

  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[0]!;
    const key = column.sortKey ?? column.value;
    const rows = devices.map((device) => ({ device, key: key(device).toLowerCase() }));
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (sort.descending ? -1 : 1));
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

  const toggleSort = (column: ColumnId) =>
    setSort((s) => (s.column === column ? { column, descending: !s.descending } : { column, descending: false }));

  return (
    <div className="table-wrap" onScroll={onScroll}>
      <table className="device-table" aria-rowcount={sorted.length + 1}>
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
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => toggleSort(column.id)}>
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
            >
              {COLUMNS.map((column) => {
                const text = column.value(device);
                return (
                  <td key={column.id} className={`col-${column.id}`} title={text || undefined}>
                    {text === '' ? <span className="muted">—</span> : text}
                  </td>
                );
              })}
            </tr>
          ))}
          {last < sorted.length && (
            <tr className="spacer" aria-hidden="true" style={{ height: (sorted.length - last) * ROW_HEIGHT_PX }} />
          )}
        </tbody>
      </table>
    </div>
  );
}
