/**
 * New scan: who and where (client, site), what to sweep (targets prefilled
 * with the detected local subnets), which credentials, which preset, and the
 * engine's confirmations for large or public ranges.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PublicCredentialProfile } from '../../../shared/credentials';
import type { ScanPreset, ScanStartRequest } from '../../../shared/scan-request';
import { messageOf } from '../store/app-store';
import { useApi, useApp } from '../store/context';
import { confirmationsAskedFor, refusalForDisplay } from '../scan-errors';
import { ViewHeader } from './ViewHeader';
import { formatDateTime } from './history/compare-text';

type Detection = { state: 'loading' } | { state: 'done'; targets: string[] } | { state: 'failed'; message: string };

interface Refusal {
  message: string;
  asks: Array<keyof ScanStartRequest['confirmations']>;
  /** What was already confirmed, so a second refusal never drops the first confirmation. */
  confirmed: ScanStartRequest['confirmations'];
}

const PRESETS: ReadonlyArray<{ id: ScanPreset; title: string; detail: string }> = [
  { id: 'quick', title: 'Quick sweep', detail: 'Find and identify every device.' },
  { id: 'full', title: 'Full assessment', detail: 'Also reads hardware health and maps the topology. Takes longer.' },
];

/**
 * The targets as typed, one entry per line: the engine's parser splits and
 * joins the rest ("10.0.0.10 - 10.0.0.50" is one range, "a, b" two targets),
 * so the view never disagrees with the CLI about what a line means.
 */
export function targetLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export function NewScanView() {
  const api = useApi();
  const startScan = useApp((s) => s.startScan);
  const scanRunning = useApp((s) => s.scan?.status === 'running');
  const ids = { client: useId(), site: useId(), targets: useId(), targetsHelp: useId() };

  const draft = useApp((s) => s.newScanDraft);
  const updateDraft = useApp((s) => s.updateNewScanDraft);
  const resetDraft = useApp((s) => s.resetNewScanDraft);
  const { client, site, typedTargets, preset } = draft;
  const [detection, setDetection] = useState<Detection>({ state: 'loading' });
  const [profiles, setProfiles] = useState<PublicCredentialProfile[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.invoke('scan:detect-targets').then(
      (targets) => live && setDetection({ state: 'done', targets }),
      (e: unknown) => live && setDetection({ state: 'failed', message: messageOf(e) }),
    );
    api.invoke('credentials:list').then(
      (list) => live && setProfiles(list),
      (e: unknown) => live && setError(`Could not load the credential profiles: ${messageOf(e)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const targetsText = typedTargets ?? (detection.state === 'done' ? detection.targets.join('\n') : '');
  // A locked profile (the keyring could not open it) cannot be used: never chosen by default, not choosable.
  const allProfileIds = profiles?.filter((p) => !p.locked).map((p) => p.id) ?? [];
  // Profiles deleted since the draft was made drop out on their own.
  const selectedProfiles = draft.profileIds?.filter((id) => allProfileIds.includes(id)) ?? allProfileIds;

  const submit = async (confirmations: ScanStartRequest['confirmations']) => {
    setSubmitting(true);
    setError(null);
    try {
      await startScan({
        targets: targetLines(targetsText),
        credentialProfileIds: selectedProfiles,
        preset,
        confirmations,
        ...(client.trim() ? { client: client.trim() } : {}),
        ...(site.trim() ? { site: site.trim() } : {}),
      });
      setRefusal(null);
    } catch (e) {
      const message = messageOf(e);
      const asks = confirmationsAskedFor(e).filter((flag) => !confirmations[flag]);
      if (asks.length > 0) setRefusal({ message, asks, confirmed: confirmations });
      else setError(message);
    } finally {
      setSubmitting(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    void submit({ allowLarge: false, allowPublic: false });
  };

  const confirmAndScan = () => {
    if (!refusal) return;
    const { asks, confirmed } = refusal;
    void submit({
      allowLarge: confirmed.allowLarge || asks.includes('allowLarge'),
      allowPublic: confirmed.allowPublic || asks.includes('allowPublic'),
    });
  };

  const toggleProfile = (id: string) =>
    updateDraft({ profileIds: selectedProfiles.includes(id) ? selectedProfiles.filter((p) => p !== id) : [...selectedProfiles, id] });

  return (
    <div className="view">
      <ViewHeader title="New scan" subtitle="Sweep the client's network, identify every device and check its health." />
      {draft.rescanOf && (
        <div className="notice view-notice rescan-notice" role="status" data-testid="rescan-notice">
          <span>
            Rescan of “{draft.rescanOf.name}” ({formatDateTime(draft.rescanOf.startedAt)}): the same targets, preset and credentials. When it completes,
            it is compared with that visit.
          </span>
          <button type="button" className="button button-small button-quiet" onClick={resetDraft}>
            Start a new scan instead
          </button>
        </div>
      )}
      <form className="card form form-narrow" onSubmit={onSubmit} aria-describedby={error ? 'new-scan-error' : undefined}>
        <div className="form-row two-columns">
          <div className="field">
            <label htmlFor={ids.client}>Client</label>
            <input id={ids.client} value={client} onChange={(e) => updateDraft({ client: e.target.value })} placeholder="e.g. Smith & Co Dental" maxLength={200} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={ids.site}>Site</label>
            <input id={ids.site} value={site} onChange={(e) => updateDraft({ site: e.target.value })} placeholder="e.g. Main office" maxLength={200} autoComplete="off" />
          </div>
        </div>

        <div className="field">
          <label htmlFor={ids.targets}>Targets</label>
          <textarea
            id={ids.targets}
            rows={3}
            value={targetsText}
            onChange={(e) => updateDraft({ typedTargets: e.target.value })}
            aria-describedby={ids.targetsHelp}
            spellCheck={false}
            className="mono"
          />
          <p id={ids.targetsHelp} className="help">
            Subnets (192.168.1.0/24), ranges (10.0.0.1-10.0.0.50) or addresses, one per line.{' '}
            {detection.state === 'loading' && 'Detecting the local subnets…'}
            {detection.state === 'done' &&
              (detection.targets.length > 0 ? `Detected: ${detection.targets.join(', ')}.` : 'No local subnet was detected; enter the targets.')}
            {detection.state === 'failed' && `Could not detect the local subnets (${detection.message}); enter the targets.`}
          </p>
        </div>

        <fieldset className="field">
          <legend>SNMP credentials</legend>
          {profiles === null && <p className="help">Loading credential profiles…</p>}
          {profiles?.length === 0 && (
            <p className="help">No credential profiles yet. Add one in Settings; without SNMP, devices are found but not identified in depth.</p>
          )}
          <div className="choice-list">
            {profiles?.map((profile) => (
              <label key={profile.id} className="choice">
                <input type="checkbox" checked={selectedProfiles.includes(profile.id)} onChange={() => toggleProfile(profile.id)} disabled={profile.locked} />
                <span>
                  <span className="choice-title">{profile.name}</span>
                  <span className="choice-detail">{profile.locked ? 'Locked: the system keyring could not decrypt it in this session (see Settings).' : describeProfile(profile)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="field">
          <legend>Preset</legend>
          <div className="choice-list horizontal">
            {PRESETS.map((p) => (
              <label key={p.id} className={`choice choice-card${preset === p.id ? ' is-selected' : ''}`}>
                <input type="radio" name="preset" value={p.id} checked={preset === p.id} onChange={() => updateDraft({ preset: p.id })} />
                <span>
                  <span className="choice-title">{p.title}</span>
                  <span className="choice-detail">{p.detail}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {refusal && (
          <div className="notice notice-warning" role="alert">
            <p>
              <strong>Please confirm these targets.</strong> {refusalForDisplay(refusal.message)}
            </p>
            <div className="actions">
              <button type="button" className="button button-warning" onClick={confirmAndScan} disabled={submitting}>
                {confirmLabel(refusal.asks)}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setRefusal(null)}>
                Change targets
              </button>
            </div>
          </div>
        )}
        {error && (
          <div id="new-scan-error" className="notice notice-error" role="alert">
            <strong>Could not start the scan.</strong> {error}
          </div>
        )}

        <div className="actions">
          <button type="submit" className="button button-primary" disabled={submitting || scanRunning}>
            {submitting ? 'Starting…' : 'Start scan'}
          </button>
          {scanRunning && <span className="help">A scan is running. Cancel it or wait for it to finish.</span>}
        </div>
      </form>
    </div>
  );
}

function confirmLabel(asks: Refusal['asks']): string {
  if (asks.includes('allowPublic') && asks.includes('allowLarge')) return 'Allow public addresses and more than a /16';
  return asks.includes('allowPublic') ? 'Allow public addresses' : 'Allow scans larger than a /16';
}

function describeProfile(profile: PublicCredentialProfile): string {
  const parts: string[] = [];
  if (profile.communityCount > 0) parts.push(`${profile.communityCount} communit${profile.communityCount === 1 ? 'y' : 'ies'}`);
  if (profile.v3UserNames.length > 0) parts.push(`SNMPv3: ${profile.v3UserNames.join(', ')}`);
  return parts.join(' · ') || 'empty';
}
