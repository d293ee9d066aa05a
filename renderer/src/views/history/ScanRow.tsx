/**
 * One saved scan in the list: what it is (date, devices, risk, tags, status)
 * and what can be done with it. Rename, tags and delete open inline, so the
 * technician sees which scan they act on; delete asks for a confirmation.
 */
import { useState, type FormEvent } from 'react';
import { LIBRARY_LIMITS, type ScanIndexEntry } from '../../../../shared/assessment/library-types';
import { RiskScore } from '../../components/Badges';
import { CsvExportButton } from '../../components/CsvExport';
import { CSV_KINDS, CSV_TEXT, csvBlockedReason, type CsvKind } from '../../components/csv-export';
import { STATUS_LABELS } from '../../format';
import type { ExportFormatName } from '../../../../shared/exports/formats';
import { TOOL_EXPORTS } from './tool-exports';
import { formatDateTime } from './compare-text';
import { parseTags } from './files';

export interface ScanRowActions {
  open(entry: ScanIndexEntry): void;
  /** New scan, filled in as this one ran. */
  rescan(entry: ScanIndexEntry): void;
  rename(entry: ScanIndexEntry, name: string): Promise<boolean>;
  tag(entry: ScanIndexEntry, tags: string[]): Promise<boolean>;
  exportFile(entry: ScanIndexEntry): void;
  pdf(entry: ScanIndexEntry): void;
  csv(entry: ScanIndexEntry, kind: CsvKind): void;
  json(entry: ScanIndexEntry): void;
  /** The scan as another tool's files (tool-exports.ts): Excel, NetBox, IT Glue, ConnectWise. */
  toolExport(entry: ScanIndexEntry, format: ExportFormatName): void;
  remove(entry: ScanIndexEntry): Promise<boolean>;
  toggleCompare(entry: ScanIndexEntry): void;
  /** Says on the status line why an action cannot run now. */
  explain(text: string): void;
}

type Editing = 'rename' | 'tags' | 'delete' | null;

/** Why a saved scan cannot be repeated from here, or null when it can. */
export function rescanBlockedReason(entry: Pick<ScanIndexEntry, 'preset' | 'targets'>, scanRunning: boolean): string | null {
  if (scanRunning) return 'A scan is running: rescan when it has finished.';
  if (entry.preset === 'offline') return 'This assessment was made from walk files, not a scan of the network: there is nothing to rescan.';
  if (!entry.targets?.length) return 'This scan was saved before Forewarn kept its targets: start a new scan of the site instead.';
  return null;
}

export function ScanRow({ entry, busy, selected, justImported, scanRunning, actions }: { entry: ScanIndexEntry; busy: string | null; selected: boolean; justImported: boolean; scanRunning: boolean; actions: ScanRowActions }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [text, setText] = useState('');
  const disabled = busy !== null;
  const mine = busy?.endsWith(`:${entry.id}`) ? busy.slice(0, busy.indexOf(':')) : null;
  const rescanBlocked = rescanBlockedReason(entry, scanRunning);

  const start = (mode: Editing, initial = '') => {
    setText(initial);
    setEditing(mode);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = editing === 'rename' ? actions.rename(entry, text) : actions.tag(entry, parseTags(text));
    void done.then((ok) => ok && setEditing(null));
  };

  return (
    <li className={`scan-row${selected ? ' is-selected' : ''}`} data-scan-id={entry.id} aria-label={entry.name}>
      <span title="Site risk, 0 (none) to 100">
        <RiskScore score={entry.siteRisk} />
      </span>
      <div className="scan-row-main">
        <div className="scan-row-title">
          <span className="history-name">{entry.name}</span>
          <span className={`status-pill status-${entry.status}`}>{STATUS_LABELS[entry.status]}</span>
          {justImported && <span className="status-pill status-imported">Just imported</span>}
          {entry.tags.map((tag) => (
            <span key={tag} className="chip scan-tag">
              {tag}
            </span>
          ))}
        </div>
        <span className="help">
          {formatDateTime(entry.startedAt)} · {entry.deviceCount} device{entry.deviceCount === 1 ? '' : 's'}
          {entry.status === 'interrupted' && ' · stopped before the end: what was found until then is kept'}
        </span>
        {(editing === 'rename' || editing === 'tags') && (
          <form className="scan-row-form" onSubmit={submit} aria-label={editing === 'rename' ? 'Rename scan' : 'Edit tags'}>
            <label>
              {editing === 'rename' ? 'New name' : 'Tags, separated by commas'}
              <input value={text} onChange={(e) => setText(e.target.value)} maxLength={editing === 'rename' ? LIBRARY_LIMITS.nameLength : LIBRARY_LIMITS.tags * (LIBRARY_LIMITS.tagLength + 2)} autoFocus required={editing === 'rename'} />
            </label>
            <button type="submit" className="button button-small button-primary" disabled={disabled}>
              {mine === 'rename' || mine === 'tag' ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </form>
        )}
        {editing === 'delete' && (
          <div className="scan-row-form notice notice-warning" role="alertdialog" aria-label="Confirm delete">
            <span>Delete “{entry.name}” from this computer? This cannot be undone; export it first to keep a copy.</span>
            <button type="button" className="button button-small button-danger" disabled={disabled} onClick={() => void actions.remove(entry).then((ok) => ok && setEditing(null))}>
              {mine === 'delete' ? 'Deleting…' : 'Delete for good'}
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => setEditing(null)}>
              Keep it
            </button>
          </div>
        )}
      </div>
      {/* Three lines: open and share the scan, export its data for other tools, then housekeeping. */}
      <div className="scan-row-actions">
        <div className="scan-row-action-line" role="group" aria-label="Open and share">
          <button type="button" className="button button-small button-primary" onClick={() => actions.open(entry)} disabled={disabled}>
            {mine === 'open' ? 'Opening…' : 'Open'}
          </button>
          {rescanBlocked === null ? (
            <button
              type="button"
              className="button button-small"
              title="A new scan of this site with the same targets, preset and credentials, compared with this one when it completes."
              onClick={() => actions.rescan(entry)}
              disabled={disabled}
            >
              Rescan
            </button>
          ) : (
            <button type="button" className="button button-small" aria-disabled="true" title={rescanBlocked} onClick={() => actions.explain(rescanBlocked)}>
              Rescan
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            title="The whole assessment as one .forewarn file, to archive it or open it on another computer."
            onClick={() => actions.exportFile(entry)}
            disabled={disabled}
          >
            {mine === 'export' ? 'Exporting…' : 'Export'}
          </button>
          <button type="button" className="button button-small" onClick={() => actions.pdf(entry)} disabled={disabled}>
            {mine === 'pdf' ? 'Making PDF…' : 'PDF report'}
          </button>
        </div>
        <div className="scan-row-action-line" role="group" aria-label="Export data">
          {CSV_KINDS.map((kind) => (
            <CsvExportButton
              key={kind}
              kind={kind}
              label={CSV_TEXT[kind].rowLabel}
              blockedReason={csvBlockedReason(entry.status)}
              running={mine === `csv-${kind}`}
              disabled={disabled}
              small
              onExport={() => actions.csv(entry, kind)}
              onBlocked={actions.explain}
            />
          ))}
          <button
            type="button"
            className="button button-small"
            title="The scan document as JSON (the same as forewarn scan --json), for scripts and other tools."
            onClick={() => actions.json(entry)}
            disabled={disabled}
          >
            {mine === 'json' ? 'Exporting…' : 'JSON'}
          </button>
          {TOOL_EXPORTS.map(({ format, button, title }) => (
            <button key={format} type="button" className="button button-small" title={title} onClick={() => actions.toolExport(entry, format)} disabled={disabled}>
              {mine === format ? 'Exporting…' : button}
            </button>
          ))}
        </div>
        <div className="scan-row-action-line" role="group" aria-label="Manage">
          <button type="button" className="button button-small" onClick={() => start('rename', entry.name)} disabled={disabled}>
            Rename
          </button>
          <button type="button" className="button button-small" onClick={() => start('tags', entry.tags.join(', '))} disabled={disabled}>
            Tags
          </button>
          <button type="button" className="button button-small scan-row-delete" onClick={() => start('delete')} disabled={disabled}>
            Delete
          </button>
          <label className="choice compare-choice">
            <input type="checkbox" checked={selected} onChange={() => actions.toggleCompare(entry)} disabled={disabled} />
            Compare
          </label>
        </div>
      </div>
    </li>
  );
}
