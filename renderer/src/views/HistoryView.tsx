/**
 * Saved scans (the library of issue 7): clients → sites → scans, newest first.
 * Open one offline (re-analysed with the current thresholds), rename, tag,
 * delete, export and import `.forewarn` files, make the PDF report and the CSV
 * exports (inventory, findings), and compare two scans of a site ("since last visit"). Every action reports progress in
 * one status line, and every failure says what to do next.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Comparison } from '../../../shared/assessment/compare';
import { LIBRARY_LIMITS, type LibraryListing, type ScanIndexEntry } from '../../../shared/assessment/library-types';
import { csvFailureText, csvProgressText, csvSuccessText } from '../components/csv-export';
import { TOOL_EXPORTS } from './history/tool-exports';
import { sentence } from '../format';
import { messageOf } from '../store/app-store';
import { useApi, useApp } from '../store/context';
import { ViewHeader } from './ViewHeader';
import { ComparisonPanel } from './history/ComparisonPanel';
import { ScanRow, type ScanRowActions } from './history/ScanRow';
import { MAX_IMPORT_BYTES, deliverProducedFile, deliveryMessage, readFileAsBase64 } from './history/files';
import { useFileDrop } from './history/file-drop';
import { NO_SELECTION, pruneSelection, siteKey, toggleCompare, type CompareSelection } from './history/selection';
import './history/history.css';

type Load = { state: 'loading' } | { state: 'done'; listing: LibraryListing } | { state: 'failed'; message: string };
type Status = { tone: 'busy' | 'success' | 'error' | 'info'; text: string } | null;
interface ShownComparison {
  comparison: Comparison;
  olderName: string;
  newerName: string;
}

export function HistoryView() {
  const api = useApi();
  const loadScanDocument = useApp((s) => s.loadScanDocument);
  const navigate = useApp((s) => s.navigate);
  const prepareRescan = useApp((s) => s.prepareRescan);
  const scanRunning = useApp((s) => s.scan?.status === 'running');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  /** `action:scanId` of the running action; one at a time, so results never cross. */
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [selection, setSelection] = useState<CompareSelection>(NO_SELECTION);
  const [shown, setShown] = useState<ShownComparison | null>(null);
  const [importedId, setImportedId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const statusLine = useRef<HTMLDivElement>(null);

  // The status line sits at the top: bring it into view, or a result below the fold goes unseen.
  useEffect(() => {
    if (status && status.tone !== 'busy') statusLine.current?.scrollIntoView({ block: 'nearest' });
  }, [status]);

  const refresh = useCallback(async () => {
    try {
      const listing = await api.invoke('library:list');
      setLoad({ state: 'done', listing });
      setSelection((s) => pruneSelection(s, new Set(listing.scans.map((e) => e.id))));
    } catch (e) {
      setLoad({ state: 'failed', message: messageOf(e) });
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs one action with its progress line; resolves to whether it worked. */
  const run = async (key: string, progress: string, task: () => Promise<string>, failure: (message: string) => string): Promise<boolean> => {
    setBusy(key);
    setStatus({ tone: 'busy', text: progress });
    try {
      setStatus({ tone: 'success', text: await task() });
      return true;
    } catch (e) {
      setStatus({ tone: 'error', text: failure(sentence(messageOf(e))) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const actions: ScanRowActions = {
    rescan: (entry) => prepareRescan(entry),
    open: (entry) => {
      void run(
        `open:${entry.id}`,
        `Opening “${entry.name}” and re-checking it with the current thresholds…`,
        async () => {
          const opened = await api.invoke('library:open', entry.id);
          loadScanDocument(opened.document);
          navigate('at-risk');
          return `Opened “${entry.name}”.`;
        },
        (m) => `Could not open “${entry.name}”: ${m} The file may be damaged; import an exported copy or rescan the site.`,
      );
    },
    rename: (entry, name) =>
      run(
        `rename:${entry.id}`,
        `Renaming “${entry.name}”…`,
        async () => {
          const renamed = await api.invoke('library:rename', entry.id, name);
          await refresh();
          return `Renamed to “${renamed.name}”.`;
        },
        (m) => `Could not rename “${entry.name}”: ${m} Use 1 to ${LIBRARY_LIMITS.nameLength} characters and try again.`,
      ),
    tag: (entry, tags) =>
      run(
        `tag:${entry.id}`,
        `Saving the tags of “${entry.name}”…`,
        async () => {
          const tagged = await api.invoke('library:tag', entry.id, tags);
          await refresh();
          return tagged.tags.length ? `Tags of “${tagged.name}”: ${tagged.tags.join(', ')}.` : `“${tagged.name}” has no tags now.`;
        },
        (m) => `Could not save the tags: ${m} Use at most ${LIBRARY_LIMITS.tags} tags of up to ${LIBRARY_LIMITS.tagLength} characters, separated by commas.`,
      ),
    remove: (entry) =>
      run(
        `delete:${entry.id}`,
        `Deleting “${entry.name}”…`,
        async () => {
          await api.invoke('library:delete', entry.id);
          if (shown && selection.ids.includes(entry.id)) setShown(null);
          await refresh();
          return `Deleted “${entry.name}”.`;
        },
        (m) => `Could not delete “${entry.name}”: ${m} Check that the data folder is writable, then try again.`,
      ),
    exportFile: (entry) => {
      void run(
        `export:${entry.id}`,
        `Exporting “${entry.name}”…`,
        async () => deliveryMessage(`“${entry.name}”`, deliverProducedFile(await api.invoke('library:export', entry.id))),
        (m) => `Could not export “${entry.name}”: ${m} Check the destination has free space, then try again.`,
      );
    },
    pdf: (entry) => {
      void run(
        `pdf:${entry.id}`,
        `Making the PDF report of “${entry.name}” (a few seconds for a large site)…`,
        async () => deliveryMessage('The PDF report', deliverProducedFile(await api.invoke('report:pdf', entry.id, {}))),
        (m) => `Could not make the PDF report: ${m} Open the scan to check it is complete, then try again.`,
      );
    },
    csv: (entry, kind) => {
      void run(
        `csv-${kind}:${entry.id}`,
        csvProgressText(kind, entry.name),
        async () => csvSuccessText(kind, deliverProducedFile(await api.invoke('report:csv', entry.id, kind))),
        // csvFailureText adds its own advice after the host's reason.
        (m) => csvFailureText(kind, m),
      );
    },
    json: (entry) => {
      void run(
        `json:${entry.id}`,
        `Exporting “${entry.name}” as JSON…`,
        async () => deliveryMessage('The scan document (JSON)', deliverProducedFile(await api.invoke('report:json', entry.id))),
        (m) => `Could not export the scan as JSON: ${m} Open the scan to check it is readable.`,
      );
    },
    toolExport: (entry, format) => {
      const { file } = TOOL_EXPORTS.find((t) => t.format === format)!;
      void run(
        `${format}:${entry.id}`,
        `Writing ${file.charAt(0).toLowerCase()}${file.slice(1)} of “${entry.name}”…`,
        async () => deliveryMessage(file, deliverProducedFile(await api.invoke('report:export', entry.id, format))),
        (m) => `Could not write ${file.charAt(0).toLowerCase()}${file.slice(1)}: ${m} Open the scan to check it is readable.`,
      );
    },
    toggleCompare: (entry) => setSelection((s) => toggleCompare(s, entry)),
    explain: (text) => setStatus({ tone: 'info', text }),
  };

  const compare = (entries: ScanIndexEntry[]) => {
    const picked = entries.filter((e) => selection.ids.includes(e.id)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    const [older, newer] = picked;
    if (!older || !newer) return;
    void run(
      `compare:${newer.id}`,
      `Comparing “${older.name}” with “${newer.name}”…`,
      async () => {
        const comparison = await api.invoke('library:compare', older.id, newer.id);
        setShown({ comparison, olderName: older.name, newerName: newer.name });
        return `Compared “${older.name}” with “${newer.name}”.`;
      },
      (m) => `Could not compare the two scans: ${m} Open each one to check it is readable.`,
    );
  };

  /** Imports each file in turn; stops at the first that is refused, saying which were imported before it. */
  const importFiles = (files: File[]) => {
    const several = files.length > 1;
    const done: string[] = [];
    let current = files[0]!;
    void run(
      'import:',
      several ? `Importing ${files.length} files…` : `Importing ${current.name}…`,
      async () => {
        const lines: string[] = [];
        for (const file of files) {
          current = file;
          if (file.size > MAX_IMPORT_BYTES) throw new Error(`The file is ${Math.round(file.size / 1048576)} MB; Forewarn imports files up to 256 MB.`);
          const entry = await api.invoke('library:import', { fileName: file.name.slice(0, 255), dataBase64: await readFileAsBase64(file) });
          setImportedId(entry.id);
          done.push(file.name);
          lines.push(`Imported “${entry.name}” into ${entry.client} › ${entry.site}.`);
        }
        await refresh();
        return lines.join(' ');
      },
      // The host's message often says what to do already ("Ask for it again", "Update Forewarn"); advise only when it does not.
      (m) => {
        const advice = /\b(ask|update)\b/i.test(m) ? '' : ' Choose a .forewarn file exported by Forewarn.';
        if (!done.length) return `Could not import ${current.name}: ${m} Nothing in your saved scans was changed.${advice}`;
        void refresh();
        const untried = files.length - done.length - 1;
        return `Imported ${done.join(', ')}; could not import ${current.name}: ${m} It was not saved${untried === 1 ? ', and the file after it was not tried' : untried > 1 ? `, and the ${untried} files after it were not tried` : ''}.${advice}`;
      },
    );
  };

  const importChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (files.length) importFiles(files);
  };

  const drop = useFileDrop((files) => {
    if (busy !== null || load.state !== 'done') setStatus({ tone: 'info', text: 'Wait for the current action to finish, then drop the file again.' });
    else importFiles(files);
  });

  return (
    <div className={`view view-wide file-drop-area${drop.dragging ? ' is-dragging' : ''}`} {...drop.handlers} data-testid="library-drop-area">
      {drop.dragging && (
        <div className="file-drop-hint" aria-hidden="true">
          Drop .forewarn files to import them
        </div>
      )}
      <ViewHeader title="Saved scans" subtitle="Every assessment is saved on this computer as it runs. Open, compare and share them here; drop .forewarn files here to import them.">
        <button type="button" className="button" data-shortcut="import" onClick={() => fileInput.current?.click()} disabled={busy !== null || load.state !== 'done'}>
          {busy === 'import:' ? 'Importing…' : 'Import .forewarn file'}
        </button>
        <input ref={fileInput} type="file" accept=".forewarn,.json" multiple className="visually-hidden" aria-label="Import a .forewarn file" tabIndex={-1} onChange={importChosen} />
      </ViewHeader>
      {status && (
        <div
          className={`notice ${status.tone === 'error' ? 'notice-error' : status.tone === 'success' ? 'notice-success' : ''}`}
          role={status.tone === 'error' ? 'alert' : 'status'}
          ref={statusLine}
          data-testid="library-status"
          data-tone={status.tone}
        >
          {status.text}
        </div>
      )}
      {shown && <ComparisonPanel {...shown} onClose={() => setShown(null)} />}
      {load.state === 'loading' && <p className="help">Loading the saved scans…</p>}
      {load.state === 'failed' && (
        <div className="card empty-state">
          <p>
            Saved scans are not available here: {sentence(load.message)} The scan on screen is still complete; use the desktop app to keep a history of visits.
          </p>
        </div>
      )}
      {load.state === 'done' && load.listing.scans.length === 0 && (
        <div className="card empty-state">
          <p>No saved scans yet. Each scan you run is saved here, by client and site; you can also import a .forewarn file.</p>
          <button type="button" className="button button-primary" onClick={() => navigate('new-scan')}>
            New scan
          </button>
        </div>
      )}
      {load.state === 'done' &&
        load.listing.clients.map((client) => (
          <section key={client.name} className="card" aria-label={client.name}>
            <h2>{client.name}</h2>
            {client.sites.map((site) => {
              const picked = site.scans.length > 0 && selection.site === siteKey(site.scans[0]!) ? selection.ids.length : 0;
              return (
                <div key={site.name} className="history-site" aria-label={`${client.name} › ${site.name}`} role="group">
                  <div className="history-site-head">
                    <h3 className="subhead">
                      {site.name} <span className="muted">· {site.scans.length} scan{site.scans.length === 1 ? '' : 's'}</span>
                    </h3>
                    {site.scans.length > 1 && (
                      <span className="compare-hint">
                        <span className="help">{picked === 2 ? 'Two scans picked.' : `Tick “Compare” on two scans of this site (${picked} of 2).`}</span>
                        <button type="button" className="button button-small" disabled={picked !== 2 || busy !== null} onClick={() => compare(site.scans)}>
                          {busy?.startsWith('compare:') ? 'Comparing…' : 'Compare the two'}
                        </button>
                      </span>
                    )}
                  </div>
                  <ul className="history-list">
                    {site.scans.map((entry) => (
                      <ScanRow key={entry.id} entry={entry} busy={busy} selected={selection.ids.includes(entry.id)} justImported={entry.id === importedId} scanRunning={scanRunning} actions={actions} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        ))}
    </div>
  );
}
