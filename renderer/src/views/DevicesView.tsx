/** Every device of the scan on screen, searchable. The full filterable, virtualised table comes with issue 6. */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { DeviceTable } from '../components/DeviceTable';
import { DEVICE_TYPE_LABELS, deviceName } from '../format';
import { useApp } from '../store/context';
import { ViewHeader } from './ViewHeader';

export function DevicesView() {
  const devices = useApp((s) => s.scan?.devices);
  const navigate = useApp((s) => s.navigate);
  const searchId = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const shown = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    if (!devices || needle === '') return devices ?? [];
    return devices.filter((d) =>
      [d.ip, deviceName(d), d.vendor, DEVICE_TYPE_LABELS[d.type], d.model, d.firmware, d.mac]
        .some((field) => field?.toLowerCase().includes(needle)),
    );
  }, [devices, deferredQuery]);

  if (!devices) {
    return (
      <div className="view">
        <ViewHeader title="Devices" />
        <div className="card empty-state">
          <p>No scan loaded. Devices of the current scan are listed here.</p>
          <button type="button" className="button button-primary" onClick={() => navigate('new-scan')}>
            New scan
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="view">
      <ViewHeader title="Devices" subtitle={`${shown.length} of ${devices.length} devices`}>
        <label htmlFor={searchId} className="visually-hidden">
          Search devices
        </label>
        <input
          id={searchId}
          type="search"
          className="search"
          placeholder="Search ip, name, vendor, model…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </ViewHeader>
      <section className="card table-tall">
        {shown.length === 0 ? (
          <p className="empty-inline">No device matches “{deferredQuery}”.</p>
        ) : (
          <DeviceTable devices={shown} caption="Devices" />
        )}
      </section>
    </div>
  );
}
