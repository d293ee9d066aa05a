/** Every device of the scan on screen: search, filter by type and severity, sort, open one, export the inventory as CSV. */
import { useDeferredValue, useId, useMemo } from 'react';
import { DEVICE_TYPES } from '../../../shared/device-types';
import type { Severity } from '../../../shared/health/schema';
import { useScanCsvExport } from '../components/CsvExport';
import { DeviceTable } from '../components/DeviceTable';
import { ColumnChooser, useDeviceColumns } from '../components/ColumnChooser';
import { DEVICE_TYPE_LABELS, SEVERITY_LABELS } from '../format';
import { EMPTY_DEVICE_FILTER, SEVERITIES_DESCENDING, filterDevices, type DeviceFilter } from '../store/selectors';
import { useApp } from '../store/context';
import { EmptyScan } from './EmptyScan';
import { ViewHeader } from './ViewHeader';

export function DevicesView() {
  const devices = useApp((s) => s.scan?.devices);
  const filter = useApp((s) => s.deviceFilter);
  const setFilter = useApp((s) => s.setDeviceFilter);
  const openDevice = useApp((s) => s.openDevice);
  const ids = { search: useId(), type: useId(), severity: useId() };
  const deferredFilter = useDeferredValue(filter);
  const csv = useScanCsvExport('inventory');
  const [columns, toggleColumn] = useDeviceColumns();

  const shown = useMemo(() => filterDevices(devices ?? [], deferredFilter), [devices, deferredFilter]);
  const presentTypes = useMemo(() => DEVICE_TYPES.filter((t) => devices?.some((d) => d.type === t)), [devices]);

  if (!devices) return <EmptyScan title="Devices" what="Devices of the current scan are listed here." />;
  const filtered = filter.query !== '' || filter.type !== 'all' || filter.severity !== 'all';

  return (
    <div className="view view-wide">
      <ViewHeader title="Devices" subtitle={`${shown.length.toLocaleString()} of ${devices.length.toLocaleString()} devices`}>
        <label htmlFor={ids.search} className="visually-hidden">
          Search devices
        </label>
        <input
          id={ids.search}
          type="search"
          className="search"
          placeholder="Search ip, name, vendor, model, finding…"
          data-shortcut="search"
          title="Search devices (Ctrl+F)"
          value={filter.query}
          onChange={(e) => setFilter({ query: e.target.value })}
        />
        <label htmlFor={ids.type} className="visually-hidden">
          Device type
        </label>
        <select id={ids.type} className="filter" value={filter.type} onChange={(e) => setFilter({ type: e.target.value as DeviceFilter['type'] })}>
          <option value="all">All types</option>
          {presentTypes.map((t) => (
            <option key={t} value={t}>
              {DEVICE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.severity} className="visually-hidden">
          Finding severity
        </label>
        <select id={ids.severity} className="filter" value={filter.severity} onChange={(e) => setFilter({ severity: e.target.value as Severity | 'all' })}>
          <option value="all">Any findings</option>
          {SEVERITIES_DESCENDING.filter((s) => s !== 'info').map((s) => (
            <option key={s} value={s}>
              {s === 'critical' ? 'Critical only' : `${SEVERITY_LABELS[s]} or worse`}
            </option>
          ))}
        </select>
        {filtered && (
          <button type="button" className="button button-quiet" onClick={() => setFilter(EMPTY_DEVICE_FILTER)}>
            Clear filters
          </button>
        )}
        <ColumnChooser columns={columns} onToggle={toggleColumn} />
        {csv.button}
      </ViewHeader>
      {csv.notice}
      <section className="card table-tall">
        {shown.length === 0 ? (
          <p className="empty-inline">No device matches these filters.</p>
        ) : (
          <DeviceTable devices={shown} caption="Devices" onOpen={(d) => openDevice(d.id)} columns={columns} />
        )}
      </section>
    </div>
  );
}
