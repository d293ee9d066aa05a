/** The live scan's progress: phase, a real progressbar, done/total and the ETA. */
import type { LiveScan } from '../store/live-scan';
import { PHASE_LABELS, PHASE_UNITS, STATUS_LABELS, formatEta } from '../format';

export function ScanProgress({ scan }: { scan: LiveScan }) {
  const running = scan.status === 'running';
  const progress = scan.progress;
  const total = progress?.total ?? scan.totalAddresses ?? 0;
  const completed = scan.status === 'completed';
  const done = completed ? total : Math.min(progress?.done ?? 0, total);
  const percent = completed ? 100 : total > 0 ? Math.round((done / total) * 100) : 0;
  // A stopped scan says how it ended, never "Finished" for a cancelled or failed one.
  const phaseLabel = running ? PHASE_LABELS[scan.phase] : scan.status === 'completed' ? PHASE_LABELS.done : STATUS_LABELS[scan.status];

  return (
    <section className="card progress-card" aria-labelledby="progress-heading">
      <div className="progress-head">
        <h2 id="progress-heading" className="progress-phase">
          {phaseLabel}
        </h2>
        {(running || completed) && <span className="progress-percent">{percent}%</span>}
      </div>
      {/* A stopped scan's last count may include addresses it never probed: no bar for it. */}
      {(running || completed) && (
        <div
          className={`progress-track is-${scan.status}`}
          role="progressbar"
          aria-label="Scan progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${phaseLabel}: ${done} of ${total}`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      <div className="progress-meta">
        <span data-testid="progress-count">{countText(scan, done, total)}</span>
        {running && <span data-testid="progress-eta">{formatEta(progress?.etaMs ?? null)}</span>}
      </div>
      {running && scan.phaseMessage && <p className="progress-message">{scan.phaseMessage}</p>}
    </section>
  );
}

/** Running: the phase's own count. Ended: what was swept, never a count the engine stopped short of. */
function countText(scan: LiveScan, done: number, total: number): string {
  const addresses = scan.totalAddresses ?? null;
  if (scan.status === 'running') {
    const unit = PHASE_UNITS[scan.progress?.phase ?? scan.phase];
    return `${done.toLocaleString()} / ${total.toLocaleString()} ${unit}`;
  }
  if (scan.status === 'completed') return addresses === null ? 'All targets swept' : `${addresses.toLocaleString()} addresses swept`;
  return `Stopped before the end${addresses === null ? '' : ` of ${addresses.toLocaleString()} addresses`}`;
}
