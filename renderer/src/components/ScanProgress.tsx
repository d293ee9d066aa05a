/** The live scan's progress: phase, a real progressbar, done/total and the ETA. */
import type { LiveScan } from '../store/live-scan';
import { PHASE_LABELS, STATUS_LABELS, formatEta } from '../format';

export function ScanProgress({ scan }: { scan: LiveScan }) {
  const running = scan.status === 'running';
  const progress = scan.progress;
  const total = progress?.total ?? scan.totalAddresses ?? 0;
  const done = scan.status === 'completed' ? total : Math.min(progress?.done ?? 0, total);
  const percent = total > 0 ? Math.round((done / total) * 100) : running ? 0 : 100;
  // A stopped scan says how it ended, never "Finished" for a cancelled or failed one.
  const phaseLabel = running ? PHASE_LABELS[scan.phase] : scan.status === 'completed' ? PHASE_LABELS.done : STATUS_LABELS[scan.status];

  return (
    <section className="card progress-card" aria-labelledby="progress-heading">
      <div className="progress-head">
        <h2 id="progress-heading" className="progress-phase">
          {phaseLabel}
        </h2>
        <span className="progress-percent">{percent}%</span>
      </div>
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
      <div className="progress-meta">
        <span data-testid="progress-count">
          {done.toLocaleString()} / {total.toLocaleString()} {progress && progress.phase !== 'discovery' ? 'steps' : 'addresses'}
        </span>
        {running && <span data-testid="progress-eta">{formatEta(progress?.etaMs ?? null)}</span>}
      </div>
      {running && scan.phaseMessage && <p className="progress-message">{scan.phaseMessage}</p>}
    </section>
  );
}
