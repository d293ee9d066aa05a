/**
 * Updates: the address the MSP publishes Forewarn builds at (electron-builder's generic feed), and a check
 * now. An installed build checks by itself a little after it starts; a newer one installs when it quits.
 */
import { useId, useState, type FormEvent } from 'react';
import type { PublicSettings } from '../../../../shared/settings';
import { UpdateFeedUrlSchema, updateStatusText } from '../../../../shared/updates';
import { messageOf } from '../../store/app-store';
import { useApi, useApp } from '../../store/context';

type State = { kind: 'idle' | 'busy' } | { kind: 'done'; tone: 'ok' | 'error'; text: string };

export function UpdatesCard({ settings }: { settings: PublicSettings }) {
  const api = useApi();
  const updateSettings = useApp((s) => s.updateSettings);
  const baseId = useId();
  const [feedUrl, setFeedUrl] = useState(settings.updates?.feedUrl ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const typed = feedUrl.trim();
  const invalid = typed ? UpdateFeedUrlSchema.safeParse(typed).error?.issues[0]?.message ?? null : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    setState({ kind: 'busy' });
    updateSettings({ updates: typed ? { feedUrl: typed } : {} }).then(
      () => setState({ kind: 'done', tone: 'ok', text: typed ? 'Saved.' : 'Saved: no update checks.' }),
      (error: unknown) => setState({ kind: 'done', tone: 'error', text: `Not saved: ${messageOf(error)}` }),
    );
  };

  const checkNow = () => {
    setState({ kind: 'busy' });
    api.invoke('app:check-updates').then(
      (result) => setState({ kind: 'done', tone: result.status === 'failed' ? 'error' : 'ok', text: updateStatusText(result) }),
      (error: unknown) => setState({ kind: 'done', tone: 'error', text: `Could not check for updates: ${messageOf(error)}` }),
    );
  };

  return (
    <form className="card form form-narrow" onSubmit={onSubmit} aria-labelledby={`${baseId}-h`}>
      <h2 id={`${baseId}-h`}>Updates</h2>
      <div className="field">
        <label htmlFor={`${baseId}-feed`}>Update feed</label>
        <input
          id={`${baseId}-feed`}
          type="url"
          spellCheck={false}
          value={feedUrl}
          placeholder="https://updates.example-msp.com/forewarn/"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${baseId}-feed-help`}
          onChange={(e) => setFeedUrl(e.target.value)}
        />
        {invalid ? (
          <p className="error-text" id={`${baseId}-feed-help`} role="alert">
            {invalid}
          </p>
        ) : (
          <p className="help" id={`${baseId}-feed-help`}>
            The folder your team publishes Forewarn builds in (latest.yml and the installers). Empty: no update checks.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={state.kind === 'busy' || invalid !== null}>
          Save update feed
        </button>
        <button type="button" className="button" onClick={checkNow} disabled={state.kind === 'busy'}>
          Check now
        </button>
        {state.kind === 'done' && (
          <span className={state.tone === 'error' ? 'error-text' : 'help'} role={state.tone === 'error' ? 'alert' : 'status'} data-testid="updates-status">
            {state.text}
          </span>
        )}
      </div>
    </form>
  );
}
