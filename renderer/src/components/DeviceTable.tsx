/**
 * Devices as a table. Every device string is untrusted (it comes from SNMP,
 * DNS or the wire): it is rendered as React text children only, which React
 * escapes. Never dangerouslySetInnerHTML here.
 */
import { useMemo, useState } from 'react';
import type { Device } from '../../../shared/scan-document';
import { DEVICE_TYPE_LABELS, deviceName, ipSortKey } from '../format';

type ColumnId = 'ip' | 'name' | 'vendor' | 'type' | 'model' | 'firmware';

interface Column {
  id: ColumnId;
  label: string;
  value: (device: Device) => string;
  sortKey?: (device: Device) => string;
}

const COLUMNS: readonly Column[] = [
  { id: 'ip', label: 'IP address', value: (d) => d.ip ?? '', sortKey: (d) => ipSortKey(d.ip) },
  { id: 'name', label: 'Name', value: deviceName },
  { id: 'vendor', label: 'Vendor', value: (d) => d.vendor ?? '' },
  { id: 'type', label: 'Type', value: (d) => DEVICE_TYPE_LABELS[d.type] },
  { id: 'model', label: 'Model', value: (d) => d.model ?? '' },
  { id: 'firmware', label: 'Firmware', value: (d) => d.firmware ?? '' },
];

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

  const toggleSort = (column: ColumnId) =>
    setSort((s) => (s.column === column ? { column, descending: !s.descending } : { column, descending: false }));

  return (
    <div className="table-wrap">
      <table className="device-table">
        <caption className="visually-hidden">{caption}</caption>
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
          {sorted.map((device) => (
            <tr key={device.id} data-device-id={device.id}>
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
        </tbody>
      </table>
    </div>
  );
}
