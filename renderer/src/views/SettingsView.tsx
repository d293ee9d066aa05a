/**
 * Settings: theme, scan speed, SNMP credential profiles, rule thresholds and
 * report branding. Secrets go renderer → main only; the list that comes back
 * carries names and counts.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { V3AuthProtocolSchema, V3PrivProtocolSchema, v3UserProblem, type PublicCredentialProfile, type V3User } from '../../../shared/credentials';
import { packetRateWarning, SCAN_LIMIT_BOUNDS, type ScanLimits } from '../../../shared/settings';
import { DEFAULT_TCP_PORTS, formatTcpPortList, MAX_TCP_PORTS, parseTcpPortList } from '../../../shared/tcp-ports';
import { sentence } from '../format';
import { messageOf } from '../store/app-store';
import { useApi, useApp } from '../store/context';
import { ViewHeader } from './ViewHeader';
import { BrandingCard } from './settings/BrandingCard';
import { ThresholdsCard } from './settings/ThresholdsCard';
import { UpdatesCard } from './settings/UpdatesCard';

export function SettingsView() {
  const settings = useApp((s) => s.settings);
  return (
    <div className="view">
      <ViewHeader title="Settings" />
      <StorageProblems />
      {settings ? (
        <>
          <AppearanceCard />
          <ScanLimitsCard limits={settings.scan} />
          <CredentialsCard />
          <ThresholdsCard thresholds={settings.thresholds} />
          <BrandingCard settings={settings} />
          <UpdatesCard settings={settings} />
        </>
      ) : (
        <p className="help">Loading settings…</p>
      )}
    </div>
  );
}

/** The app's own files that could not be read at start: what happened, and where the old file went. */
function StorageProblems() {
  const problems = useApp((s) => s.appInfo?.storageProblems ?? []);
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="storage-problems">
      <strong>Some saved data could not be read when Forewarn started.</strong> Nothing was deleted:
      <ul>
        {problems.map((p) => (
          <li key={p}>{sentence(p.charAt(0).toUpperCase() + p.slice(1))}</li>
        ))}
      </ul>
    </div>
  );
}

function AppearanceCard() {
  const theme = useApp((s) => s.settings?.theme ?? 'system');
  const updateSettings = useApp((s) => s.updateSettings);
  const themeId = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card form form-narrow" aria-labelledby={`${themeId}-h`}>
      <h2 id={`${themeId}-h`}>Appearance</h2>
      <div className="field narrow">
        <label htmlFor={themeId}>Theme</label>
        <select
          id={themeId}
          value={theme}
          onChange={(e) => {
            setError(null);
            updateSettings({ theme: e.target.value as typeof theme }).catch((err: unknown) => setError(messageOf(err)));
          }}
        >
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </div>
      {error && <div className="notice notice-error" role="alert">Could not change the theme: {error}</div>}
    </section>
  );
}

const LIMIT_FIELDS: ReadonlyArray<{ key: Exclude<keyof ScanLimits, 'tcpProbe' | 'tcpPorts' | 'interfaceSampleMs'>; label: string; help: string }> = [
  { key: 'concurrency', label: 'Addresses probed at once', help: 'Lower it on slow links or fragile devices.' },
  { key: 'timeoutMs', label: 'Timeout per request (ms)', help: 'Raise it for remote sites over VPN.' },
  { key: 'packetsPerSecond', label: 'Packets per second (cap)', help: 'The whole scan never sends faster than this.' },
];

function ScanLimitsCard({ limits }: { limits: ScanLimits }) {
  const updateSettings = useApp((s) => s.updateSettings);
  const baseId = useId();
  const [draft, setDraft] = useState<ScanLimits>(limits);
  // The port list as typed; parsed on every change, saved only when it reads as ports.
  const [portsText, setPortsText] = useState(limits.tcpPorts ? formatTcpPortList(limits.tcpPorts) : '');
  const portList = portsText.trim() ? parseTcpPortList(portsText) : null;
  const portsError = portList && 'error' in portList ? portList.error : null;
  const rateWarning = packetRateWarning(draft.packetsPerSecond);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (portsError) return;
    setState({ kind: 'saving' });
    const { tcpPorts: _previous, ...rest } = draft;
    // An empty list means the default one.
    const scan: ScanLimits = portList && 'ports' in portList ? { ...rest, tcpPorts: portList.ports } : rest;
    updateSettings({ scan }).then(
      () => setState({ kind: 'saved' }),
      (err: unknown) => setState({ kind: 'error', message: messageOf(err) }),
    );
  };

  return (
    <form className="card form form-narrow" onSubmit={onSubmit} aria-labelledby={`${baseId}-h`}>
      <h2 id={`${baseId}-h`}>Scan speed</h2>
      <div className="form-row three-columns">
        {LIMIT_FIELDS.map((field) => (
          <div className="field" key={field.key}>
            <label htmlFor={`${baseId}-${field.key}`}>{field.label}</label>
            <input
              id={`${baseId}-${field.key}`}
              type="number"
              min={SCAN_LIMIT_BOUNDS[field.key].min}
              max={SCAN_LIMIT_BOUNDS[field.key].max}
              required
              value={draft[field.key]}
              onChange={(e) => setDraft({ ...draft, [field.key]: e.target.valueAsNumber })}
            />
            <p className="help">{field.help}</p>
          </div>
        ))}
      </div>
      {rateWarning && (
        <div className="notice notice-warning" role="status" data-testid="packet-rate-warning">
          {rateWarning}
        </div>
      )}
      <div className="field narrow">
        <label htmlFor={`${baseId}-sample`}>Interface error sampling (seconds)</label>
        <input
          id={`${baseId}-sample`}
          type="number"
          min={SCAN_LIMIT_BOUNDS.interfaceSampleMs.min / 1000}
          max={SCAN_LIMIT_BOUNDS.interfaceSampleMs.max / 1000}
          step="any"
          value={draft.interfaceSampleMs === undefined ? '' : draft.interfaceSampleMs / 1000}
          placeholder="10 (default)"
          onChange={(e) => {
            const { interfaceSampleMs: _old, ...rest } = draft;
            setDraft(Number.isFinite(e.target.valueAsNumber) ? { ...rest, interfaceSampleMs: Math.round(e.target.valueAsNumber * 1000) } : rest);
          }}
        />
        <p className="help">Full assessment: how long to watch port counters to turn errors into rates. 0 takes one sample.</p>
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.tcpProbe} onChange={(e) => setDraft({ ...draft, tcpProbe: e.target.checked })} />
        <span>
          <span className="choice-title">Probe common TCP ports</span>
          <span className="choice-detail">Finds hosts that drop ping, e.g. Windows PCs with the firewall on.</span>
        </span>
      </label>
      <div className="field">
        <label htmlFor={`${baseId}-ports`}>TCP ports probed</label>
        <input
          id={`${baseId}-ports`}
          type="text"
          inputMode="numeric"
          spellCheck={false}
          disabled={!draft.tcpProbe}
          value={portsText}
          placeholder={`${formatTcpPortList(DEFAULT_TCP_PORTS)} (default)`}
          aria-invalid={portsError ? true : undefined}
          aria-describedby={`${baseId}-ports-help`}
          onChange={(e) => setPortsText(e.target.value)}
        />
        {portsError ? (
          <p className="error-text" id={`${baseId}-ports-help`} role="alert">
            {portsError}
          </p>
        ) : (
          <p className="help" id={`${baseId}-ports-help`}>
            Ports and ranges (8000-8010), at most {MAX_TCP_PORTS}. Each is one connection per host: a short list keeps scans fast. Empty: the default list.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={state.kind === 'saving' || portsError !== null}>
          Save scan speed
        </button>
        {state.kind === 'saved' && <span className="help" role="status">Saved.</span>}
        {state.kind === 'error' && <span className="error-text" role="alert">Not saved: {state.message}</span>}
      </div>
    </form>
  );
}

function CredentialsCard() {
  const api = useApi();
  const storage = useApp((s) => s.appInfo?.credentialStorage);
  const baseId = useId();
  const [profiles, setProfiles] = useState<PublicCredentialProfile[] | null>(null);
  const [name, setName] = useState('');
  const [communities, setCommunities] = useState('');
  const [v3, setV3] = useState<V3User>(EMPTY_V3);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.invoke('credentials:list').then(
      (list) => live && setProfiles(list),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const list = communities.split(/[\s,]+/).filter((c) => c.length > 0);
    const v3Users = v3.user.trim() ? [{ ...v3, user: v3.user.trim() }] : [];
    if (list.length === 0 && v3Users.length === 0) {
      setError('Enter at least one community or an SNMPv3 user.');
      return;
    }
    const invalid = v3Users.length > 0 ? v3UserProblem(v3Users[0]) : null;
    if (invalid) {
      setError(`SNMPv3: ${invalid}.`);
      return;
    }
    api
      .invoke('credentials:save', {
        id: `profile-${Date.now().toString(36)}`,
        name: name.trim(),
        credentials: { communities: list, v3Users },
      })
      .then(
        (saved) => {
          setProfiles(saved);
          setName('');
          setCommunities('');
          setV3(EMPTY_V3);
        },
        (err: unknown) => setError(messageOf(err)),
      );
  };

  const remove = (id: string) =>
    api.invoke('credentials:delete', id).then(setProfiles, (err: unknown) => setError(messageOf(err)));

  return (
    <section className="card form form-narrow" aria-labelledby={`${baseId}-h`}>
      <h2 id={`${baseId}-h`}>SNMP credential profiles</h2>
      <p className="help">
        {storage === 'session-only'
          ? 'This system offers no secure storage, so profiles are kept in memory until Forewarn closes.'
          : 'Stored encrypted on this computer.'}{' '}
        Forewarn only reads from devices; it never changes them.
      </p>
      {profiles === null && !error && <p className="help">Loading…</p>}
      {profiles && profiles.length > 0 && (
        <ul className="profile-list">
          {profiles.map((p) => (
            <li key={p.id} data-locked={p.locked || undefined}>
              <span className="choice-title">{p.name}</span>
              {p.locked ? (
                <span className="choice-detail">
                  Locked: stored, but the system keyring could not decrypt it in this session (locked, reset, or another
                  user&apos;s). It is kept unchanged; unlock the keyring and restart Forewarn, or delete it and add it again.
                </span>
              ) : (
                <span className="choice-detail">
                  {p.communityCount} communit{p.communityCount === 1 ? 'y' : 'ies'}
                  {p.v3UserNames.length > 0 && ` · SNMPv3: ${p.v3UserNames.join(', ')}`}
                </span>
              )}
              <button type="button" className="button button-quiet" onClick={() => void remove(p.id)} aria-label={`Delete profile ${p.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="form add-profile-form" aria-label="Add a credential profile">
        <div className="form-row two-columns">
        <div className="field">
          <label htmlFor={`${baseId}-name`}>Profile name</label>
          <input id={`${baseId}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-communities`}>Communities (v1/v2c)</label>
          <input
            id={`${baseId}-communities`}
            type="password"
            value={communities}
            onChange={(e) => setCommunities(e.target.value)}
            autoComplete="off"
            placeholder="separate several with commas"
          />
        </div>
        </div>
        <fieldset className="field v3-fields">
          <legend>SNMPv3 user (optional)</legend>
          <div className="form-row v3-columns">
            <div className="field">
              <label htmlFor={`${baseId}-v3user`}>User name</label>
              <input id={`${baseId}-v3user`} value={v3.user} onChange={(e) => setV3({ ...v3, user: e.target.value })} maxLength={64} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor={`${baseId}-v3auth`}>Authentication</label>
              <select id={`${baseId}-v3auth`} value={v3.authProtocol} onChange={(e) => setV3({ ...v3, authProtocol: e.target.value as V3User['authProtocol'] })}>
                {V3AuthProtocolSchema.options.map((p) => (
                  <option key={p} value={p}>
                    {p === 'none' ? 'none' : p.toUpperCase()}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${baseId}-v3authkey`}>Auth passphrase</label>
              <input id={`${baseId}-v3authkey`} type="password" value={v3.authKey} onChange={(e) => setV3({ ...v3, authKey: e.target.value })} disabled={v3.authProtocol === 'none'} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor={`${baseId}-v3priv`}>Privacy</label>
              <select id={`${baseId}-v3priv`} value={v3.privProtocol} onChange={(e) => setV3({ ...v3, privProtocol: e.target.value as V3User['privProtocol'] })}>
                {V3PrivProtocolSchema.options.map((p) => (
                  <option key={p} value={p}>
                    {p === 'none' ? 'none' : p.toUpperCase()}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${baseId}-v3privkey`}>Privacy passphrase</label>
              <input id={`${baseId}-v3privkey`} type="password" value={v3.privKey} onChange={(e) => setV3({ ...v3, privKey: e.target.value })} disabled={v3.privProtocol === 'none'} autoComplete="off" />
            </div>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            Add profile
          </button>
        </div>
      </form>
      {error && <div className="notice notice-error" role="alert">{error}</div>}
    </section>
  );
}

const EMPTY_V3: V3User = { user: '', authProtocol: 'sha', authKey: '', privProtocol: 'aes', privKey: '' };
