/**
 * Saved scans (the library of issue 7): clients, sites and their scans, newest
 * first. Opening one puts it on screen, re-analysed with the current thresholds.
 * Where the window has no library (the browser bridge), it says so.
 */
import { useEffect, useState } from 'react';
import type { LibraryListing, ScanIndexEntry } from '../../../shared/assessment/library-types';
import { RiskScore } from '../components/Badges';
import { STATUS_LABELS, formatDate } from '../format';
import { messageOf } from '../store/app-store';
import { useApi, useApp } from '../store/context';
import { ViewHeader } from './ViewHeader';

type Load = { state: 'loading' } | { state: 'done'; listing: LibraryListing } | { state: 'failed'; message: string };

export function HistoryView() {
  const api = useApi();
  const loadScanDocument = useApp((s) => s.loadScanDocument);
  const navigate = useApp((s) => s.navigate);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.invoke('library:list').then(
      (listing) => live && setLoad({ state: 'done', listing }),
      (e: unknown) => live && setLoad({ state: 'failed', message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const open = (entry: ScanIndexEntry) => {
    setBusy(entry.id);
    setError(null);
    api.invoke('library:open', entry.id).then(
      (opened) => {
        loadScanDocument(opened.document);
        navigate('at-risk');
      },
      (e: unknown) => {
        setBusy(null);
        setError(`Could not open “${entry.name}”: ${messageOf(e)} The file may be damaged; export a copy from another computer or rescan the site.`);
      },
    );
  };

  return (
    <div className="view">
      <ViewHeader title="Saved scans" subtitle="Every assessment is saved on this computer as it runs." />
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {load.state === 'loading' && <p className="help">Loading the saved scans…</p>}
      {load.state === 'failed' && (
        <div className="card empty-state">
          <p>
            Saved scans are not available here: {load.message} The scan on screen is still complete; use the desktop app to keep a history of visits.
          </p>
        </div>
      )}
      {load.state === 'done' && load.listing.scans.length === 0 && (
        <div className="card empty-state">
          <p>No saved scans yet. Each scan you run is saved here, by client and site.</p>
          <button type="button" className="button button-primary" onClick={() => navigate('new-scan')}>
            New scan
          </button>
        </div>
      )}
      {load.state === 'done' &&
        load.listing.clients.map((client) => (
          <section key={client.name} className="card" aria-label={client.name}>
            <h2>{client.name}</h2>
            {client.sites.map((site) => (
              <div key={site.name} className="history-site">
                <h3 className="subhead">{site.name}</h3>
                <ul className="history-list">
                  {site.scans.map((entry) => (
                    <li key={entry.id}>
                      <RiskScore score={entry.siteRisk} />
                      <span className="history-name">{entry.name}</span>
                      <span className="help">
                        {formatDate(entry.startedAt)} · {entry.deviceCount} devices · {STATUS_LABELS[entry.status]}
                      </span>
                      <button type="button" className="button button-small" onClick={() => open(entry)} disabled={busy !== null}>
                        {busy === entry.id ? 'Opening…' : 'Open'}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
    </div>
  );
}
