/**
 * Which columns the Devices table shows. The choice is the technician's and
 * outlives the window: it is kept in the renderer's own storage (a view
 * preference, nothing the engine needs to know).
 */
import { useCallback, useState } from 'react';
import { DEFAULT_DEVICE_COLUMNS, DEVICE_COLUMNS, type ColumnId } from './DeviceTable';

const STORAGE_KEY = 'forewarn.deviceColumns';
const KNOWN = new Set<string>(DEVICE_COLUMNS.map((c) => c.id));

/** The stored choice, or the defaults when there is none or it is not a list of known columns. */
export function storedColumns(storage: Pick<Storage, 'getItem'> | null): ColumnId[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((id) => typeof id === 'string' && KNOWN.has(id))) return parsed as ColumnId[];
  } catch {
    // A damaged preference is no reason to lose the table: the defaults stand in.
  }
  return [...DEFAULT_DEVICE_COLUMNS];
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function useDeviceColumns(): [ColumnId[], (id: ColumnId, shown: boolean) => void] {
  const [columns, setColumns] = useState<ColumnId[]>(() => storedColumns(browserStorage()));
  const toggle = useCallback((id: ColumnId, shown: boolean) => {
    setColumns((current) => {
      const next = DEVICE_COLUMNS.map((c) => c.id).filter((c) => (c === id ? shown : current.includes(c)));
      browserStorage()?.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [columns, toggle];
}

export function ColumnChooser({ columns, onToggle }: { columns: readonly ColumnId[]; onToggle: (id: ColumnId, shown: boolean) => void }) {
  return (
    <details className="column-chooser">
      <summary className="button button-quiet">Columns</summary>
      <fieldset className="column-chooser-menu">
        <legend className="visually-hidden">Columns shown</legend>
        {DEVICE_COLUMNS.map((c) => (
          <label key={c.id} className="column-choice">
            {/* The address opens a device: it always stays. */}
            <input type="checkbox" checked={c.id === 'ip' || columns.includes(c.id)} disabled={c.id === 'ip'} onChange={(e) => onToggle(c.id, e.target.checked)} />
            {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
