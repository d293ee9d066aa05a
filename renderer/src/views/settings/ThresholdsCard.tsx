/**
 * The rule thresholds, straight from the rule table (shared/health/rules.ts):
 * each parameter with its default. Only values that differ from the default
 * are stored. Saving re-checks the findings of the finished scan on screen.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_THRESHOLDS, RULES, type RuleDef } from '../../../../shared/health/rules';
import { messageOf } from '../../store/app-store';
import { useApp } from '../../store/context';
import { ruleLabel } from '../AtRiskView';

const TUNABLE_RULES = (RULES as readonly RuleDef[]).filter((r) => Object.keys(r.params).length > 0);

type Draft = Record<string, string>;

function draftFrom(thresholds: Record<string, number>): Draft {
  return Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((k) => [k, String(thresholds[k] ?? DEFAULT_THRESHOLDS[k])]));
}

export function ThresholdsCard({ thresholds }: { thresholds: Record<string, number> }) {
  const updateSettings = useApp((s) => s.updateSettings);
  const findingCount = useApp((s) => s.scan?.devices.reduce((n, d) => n + (d.findings?.length ?? 0), 0) ?? null);
  const baseId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(thresholds));
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; before: number | null } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const changedFromDefault = useMemo(() => Object.keys(draft).filter((k) => Number(draft[k]) !== DEFAULT_THRESHOLDS[k]).length, [draft]);

  const save = (values: Draft) => {
    const overrides: Record<string, number> = {};
    for (const [key, text] of Object.entries(values)) {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) {
        setState({ kind: 'error', message: `“${key}” needs a number.` });
        return;
      }
      if (value !== DEFAULT_THRESHOLDS[key]) overrides[key] = value;
    }
    const before = findingCount;
    setState({ kind: 'saving' });
    updateSettings({ thresholds: overrides }).then(
      () => setState({ kind: 'saved', before }),
      (err: unknown) => setState({ kind: 'error', message: messageOf(err) }),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(draft);
  };
  const resetAll = () => {
    const defaults = draftFrom({});
    setDraft(defaults);
    save(defaults);
  };

  return (
    <form className="card form form-narrow" onSubmit={onSubmit} aria-labelledby={`${baseId}-h`} data-testid="thresholds">
      <div className="card-head">
        <h2 id={`${baseId}-h`}>Rule thresholds</h2>
        <span className="help">{changedFromDefault === 0 ? 'All at their defaults.' : `${changedFromDefault} changed from the defaults.`}</span>
      </div>
      <p className="help">When a reading crosses one of these, Forewarn raises a finding. New values apply to the next scan and re-check the scan on screen.</p>
      <div className="threshold-grid">
        {TUNABLE_RULES.map((rule) => (
          <fieldset key={rule.id} className="threshold-rule">
            <legend>{ruleLabel(rule.id)}</legend>
            {Object.entries(rule.params).map(([param, def]) => {
              const key = `${rule.id}.${param}`;
              const id = `${baseId}-${key}`;
              const changed = Number(draft[key]) !== def.default;
              return (
                <div key={key} className={`threshold${changed ? ' is-changed' : ''}`}>
                  <label htmlFor={id}>{def.description}</label>
                  <div className="threshold-input">
                    <input id={id} type="number" step="any" inputMode="decimal" data-threshold={key} value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} required />
                    <span className="unit">{def.unit}</span>
                  </div>
                  <span className="help">default {def.default}</span>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div className="actions sticky-actions">
        <button type="submit" className="button button-primary" disabled={state.kind === 'saving'}>
          Save thresholds
        </button>
        <button type="button" className="button button-quiet" onClick={resetAll} disabled={state.kind === 'saving'}>
          Reset all to defaults
        </button>
        {state.kind === 'saving' && <span className="help" role="status">Saving and re-checking…</span>}
        {state.kind === 'saved' && (
          <span className="help" role="status" data-testid="thresholds-status">
            Saved.{state.before !== null && findingCount !== null ? ` The scan on screen was re-checked: ${findingCount} finding${findingCount === 1 ? '' : 's'} (before: ${state.before}).` : ''}
          </span>
        )}
        {state.kind === 'error' && (
          <span className="error-text" role="alert">
            Not saved: {state.message}
          </span>
        )}
      </div>
    </form>
  );
}
