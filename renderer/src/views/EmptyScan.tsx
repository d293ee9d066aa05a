/** What a scan-based view shows before any scan is on screen: what it is for, and the way to start one. */
import { useApp } from '../store/context';
import { ViewHeader } from './ViewHeader';

export function EmptyScan({ title, what }: { title: string; what: string }) {
  const navigate = useApp((s) => s.navigate);
  return (
    <div className="view">
      <ViewHeader title={title} />
      <div className="card empty-state">
        <p>No scan loaded. {what}</p>
        <button type="button" className="button button-primary" onClick={() => navigate('new-scan')}>
          New scan
        </button>
      </div>
    </div>
  );
}
