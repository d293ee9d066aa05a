/**
 * CSV export of the device inventory and the findings (report:csv). The file
 * takes the PDF report's path: the desktop app asks where to save it, the
 * browser bridge hands the bytes back as a download (deliverProducedFile).
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import type { ForewarnApi } from '../../../shared/ipc-contract';
import type { ScanStatus } from '../../../shared/scan-document';
import { messageOf } from '../store/app-store';
import { useApi, useApp } from '../store/context';
import { ActionNotice, type Outcome } from './ActionNotice';
import { deliverProducedFile } from '../views/history/files';
import { CSV_TEXT, csvBlockedReason, csvFailureText, csvProgressText, csvSuccessText, type CsvKind, type SavedCheck } from './csv-export';
import './csv-export.css';

export interface CsvExportButtonProps {
  kind: CsvKind;
  label: string;
  /** Why the export cannot run now (tooltip, and read out with the button), or null. */
  blockedReason: string | null;
  /** This export is running. */
  running: boolean;
  /** Another action of the screen runs: disabled like its neighbours. */
  disabled?: boolean;
  small?: boolean;
  onExport(): void;
  /** A press while blocked: the view may say why in words (a tooltip is easy to miss). */
  onBlocked?(reason: string): void;
}

export function CsvExportButton({ kind, label, blockedReason, running, disabled = false, small = false, onExport, onBlocked }: CsvExportButtonProps) {
  const reasonId = useId();
  const blocked = blockedReason !== null;
  return (
    <>
      <button
        type="button"
        className={`button csv-export-button${small ? ' button-small' : ''}`}
        data-shortcut={small ? undefined : 'export'}
        // aria-disabled rather than disabled: keyboard users still reach the button and hear why it waits.
        aria-disabled={blocked || undefined}
        aria-describedby={blocked ? reasonId : undefined}
        aria-busy={running || undefined}
        title={blockedReason ?? CSV_TEXT[kind].description}
        disabled={disabled}
        data-csv-kind={kind}
        onClick={() => {
          if (blocked) onBlocked?.(blockedReason);
          else if (!running) onExport();
        }}
      >
        {running ? 'Exporting…' : label}
      </button>
      {blocked && (
        <span id={reasonId} className="visually-hidden">
          {blockedReason}
        </span>
      )}
    </>
  );
}

/** Asks the library whether the scan on screen is saved; again when its status changes (running → completed). */
function useSavedCheck(api: ForewarnApi, scanId: string | null, status: ScanStatus | null): SavedCheck {
  const key = scanId && status && status !== 'running' ? `${scanId}\u0000${status}` : null;
  const [answer, setAnswer] = useState<{ key: string; check: SavedCheck } | null>(null);
  useEffect(() => {
    if (!key || !scanId) return;
    let current = true;
    api.invoke('library:list').then(
      (listing) => current && setAnswer({ key, check: listing.scans.some((e) => e.id === scanId) ? { state: 'saved' } : { state: 'not-saved' } }),
      (error: unknown) => current && setAnswer({ key, check: { state: 'unavailable', message: messageOf(error) } }),
    );
    return () => {
      current = false;
    };
  }, [api, key, scanId]);
  return answer?.key === key ? answer.check : { state: 'checking' };
}


/**
 * The export button of a scan view's header, for the scan on screen, and the
 * line that reports progress and the result (placed by the view under its header).
 */
export function useScanCsvExport(kind: CsvKind, label = 'Export CSV'): { button: ReactElement; notice: ReactElement | null } {
  const api = useApi();
  const scanId = useApp((s) => s.scan?.scanId ?? null);
  const status = useApp((s) => s.scan?.status ?? null);
  const saved = useSavedCheck(api, scanId, status);
  const [outcome, setOutcome] = useState<(Outcome & { scanId: string | null }) | null>(null);
  // A result belongs to the scan it was made from; another scan on screen starts clean.
  const shown = outcome && outcome.scanId === scanId ? outcome : null;

  const run = async (id: string) => {
    setOutcome({ scanId: id, tone: 'busy', text: csvProgressText(kind) });
    try {
      const delivery = deliverProducedFile(await api.invoke('report:csv', id, kind));
      setOutcome({ scanId: id, tone: 'success', text: csvSuccessText(kind, delivery) });
    } catch (error) {
      setOutcome({ scanId: id, tone: 'error', text: csvFailureText(kind, messageOf(error)) });
    }
  };

  const button = (
    <CsvExportButton
      kind={kind}
      label={label}
      blockedReason={scanId && status ? csvBlockedReason(status, saved) : 'No scan on screen.'}
      running={shown?.tone === 'busy'}
      onExport={() => scanId && void run(scanId)}
      onBlocked={(reason) => setOutcome({ scanId, tone: 'info', text: reason })}
    />
  );
  const notice = shown && <ActionNotice tone={shown.tone} text={shown.text} testId={`csv-status-${kind}`} />;
  return { button, notice };
}
