/**
 * A rescan's "since the last visit": once it completes, what changed against
 * the saved scan it repeated (library:compare), on the Live scan screen. The
 * library saves a finished scan moments after its last event, so the
 * comparison is asked again for a few seconds before it is given up.
 */
import { useEffect, useState } from 'react';
import type { Comparison } from '../../../shared/assessment/compare';
import { messageOf, type RescanSource } from '../store/app-store';
import { useApi } from '../store/context';
import { ComparisonPanel } from '../views/history/ComparisonPanel';
import { formatDateTime } from '../views/history/compare-text';

const RETRY_MS = 500;
const GIVE_UP_MS = 15_000;

type State = { kind: 'loading' } | { kind: 'shown'; comparison: Comparison } | { kind: 'closed' } | { kind: 'failed'; message: string };

export function SinceLastVisit({ scanId, scanName, previous }: { scanId: string; scanName: string; previous: RescanSource }) {
  const api = useApi();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    const attempt = () => {
      api.invoke('library:compare', previous.id, scanId).then(
        (comparison) => live && setState({ kind: 'shown', comparison }),
        (error: unknown) => {
          if (!live) return;
          if (Date.now() - started < GIVE_UP_MS) timer = setTimeout(attempt, RETRY_MS);
          else setState({ kind: 'failed', message: messageOf(error) });
        },
      );
    };
    attempt();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, previous.id, scanId]);

  if (state.kind === 'closed') return null;
  if (state.kind === 'loading') {
    return (
      <p className="notice" role="status" data-testid="since-last-visit-status">
        Comparing with the visit of {formatDateTime(previous.startedAt)}…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="notice notice-error" role="alert" data-testid="since-last-visit-status">
        Could not compare with “{previous.name}”: {state.message} Compare the two in Saved scans.
      </p>
    );
  }
  return <ComparisonPanel comparison={state.comparison} olderName={previous.name} newerName={scanName} onClose={() => setState({ kind: 'closed' })} />;
}
