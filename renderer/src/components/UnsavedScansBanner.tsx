/**
 * A scan the library could not save (disk full, file locked) is still held by
 * the app and retried: the technician is told, with the reason, and can retry
 * now or save the scan as a .forewarn file elsewhere (a USB stick, another disk).
 */
import { useState } from 'react';
import type { UnsavedScan } from '../../../shared/ipc-contract';
import { sentence } from '../format';
import { messageOf } from '../store/app-store';
import { useApi, useApp } from '../store/context';
import { deliverProducedFile, deliveryMessage } from '../views/history/files';

export function UnsavedScansBanner() {
  const unsaved = useApp((s) => s.unsavedScans);
  if (unsaved.length === 0) return null;
  return (
    <>
      {unsaved.map((scan) => (
        <UnsavedScanNotice key={scan.scanId} scan={scan} />
      ))}
    </>
  );
}

type Action = { kind: 'idle' } | { kind: 'busy'; what: 'retry' | 'elsewhere' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** "in 8 s", "in 2 min": when the app tries by itself next. */
export function retryWhen(nextRetryAt: string, now = Date.now()): string {
  const seconds = Math.max(1, Math.round((Date.parse(nextRetryAt) - now) / 1000));
  return seconds < 90 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
}

function UnsavedScanNotice({ scan }: { scan: UnsavedScan }) {
  const api = useApi();
  const retrySave = useApp((s) => s.retrySave);
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const busy = action.kind === 'busy';

  const retry = () => {
    setAction({ kind: 'busy', what: 'retry' });
    retrySave(scan.scanId).then(
      () => setAction({ kind: 'idle' }),
      (error: unknown) => setAction({ kind: 'failed', text: `Still not saved: ${sentence(messageOf(error))}` }),
    );
  };
  const saveElsewhere = () => {
    setAction({ kind: 'busy', what: 'elsewhere' });
    api.invoke('library:save-elsewhere', scan.scanId).then(
      (file) => {
        const delivery = deliverProducedFile(file);
        setAction(delivery.kind === 'cancelled' ? { kind: 'idle' } : { kind: 'done', text: `${deliveryMessage('A copy of the scan', delivery)} Forewarn keeps trying to save it in Saved scans.` });
      },
      (error: unknown) => setAction({ kind: 'failed', text: `Could not save a copy: ${sentence(messageOf(error))}` }),
    );
  };

  return (
    <div className="banner banner-error" role="alert" data-testid="unsaved-scan" data-scan-id={scan.scanId}>
      <div>
        <strong>Scan not saved: {scan.label}.</strong> {sentence(scan.message)} The scan is kept while Forewarn is open, and
        saving is tried again {retryWhen(scan.nextRetryAt)} ({scan.attempts} {scan.attempts === 1 ? 'attempt' : 'attempts'} so far).
        {(action.kind === 'done' || action.kind === 'failed') && <div className="banner-detail" data-testid="unsaved-scan-action">{action.text}</div>}
      </div>
      <div className="banner-actions">
        <button type="button" className="button" onClick={retry} disabled={busy}>
          {busy && action.what === 'retry' ? 'Retrying…' : 'Retry now'}
        </button>
        <button type="button" className="button" onClick={saveElsewhere} disabled={busy}>
          {busy && action.what === 'elsewhere' ? 'Saving…' : 'Save elsewhere…'}
        </button>
      </div>
    </div>
  );
}
