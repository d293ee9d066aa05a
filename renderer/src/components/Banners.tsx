/** App-level notices: the engine restart banner and app errors. Calm, actionable, dismissable. */
import type { EngineStatus } from '../../../shared/ipc-contract';
import { useApp } from '../store/context';

export function EngineBanner() {
  const engine = useApp((s) => s.engine);
  const acknowledged = useApp((s) => s.acknowledgedRestarts);
  const acknowledge = useApp((s) => s.acknowledgeEngineRestart);
  return <EngineNotice engine={engine} acknowledged={acknowledged} onAcknowledge={acknowledge} />;
}

interface EngineNoticeProps {
  engine: EngineStatus | null;
  /** Restarts already dismissed by the technician. */
  acknowledged: number;
  onAcknowledge: () => void;
}

/** The host's lastError repeats our headline; keep only the part that explains ("killed by SIGTERM"). */
export function engineReason(lastError: string): string {
  const detail = /^The scan engine [^(]*\(([^)]+)\)\.?\s*(.*)$/.exec(lastError);
  if (!detail) return lastError;
  const [, cause, rest] = detail;
  return `Reason: ${cause}.${rest ? ` ${rest}` : ''}`;
}

export function EngineNotice({ engine, acknowledged, onAcknowledge: acknowledge }: EngineNoticeProps) {
  if (!engine) return null;

  if (engine.state === 'crashed' || (engine.state === 'starting' && engine.restarts > acknowledged)) {
    return (
      <div className="banner banner-warning" role="alert">
        <div>
          <strong>The scan engine stopped unexpectedly.</strong> A scan that was running has stopped; the devices it
          found are kept.
          {engine.lastError && <div className="banner-detail">{engineReason(engine.lastError)}</div>}
        </div>
      </div>
    );
  }
  // 'stopped' is also the state before the engine's first (lazy) start, so it is no news.
  if (engine.restarts > acknowledged) {
    return (
      <div className="banner banner-warning" role="alert">
        <div>
          <strong>The scan engine stopped unexpectedly and was restarted.</strong> A scan that was running was
          interrupted; the devices it found are kept. Start the scan again to finish it.
          {engine.lastError && <div className="banner-detail">{engineReason(engine.lastError)}</div>}
        </div>
        <button type="button" className="button button-quiet" onClick={acknowledge}>
          Dismiss
        </button>
      </div>
    );
  }
  return null;
}

export function AppErrorBanner() {
  const appError = useApp((s) => s.appError);
  const dismiss = useApp((s) => s.dismissAppError);
  if (!appError) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div>{appError}</div>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
