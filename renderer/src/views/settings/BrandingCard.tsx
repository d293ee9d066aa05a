/** The MSP's branding for reports: company name, accent colour, logo, and who signs the report. */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { PublicSettings } from '../../../../shared/settings';
import { messageOf } from '../../store/app-store';
import { useApp } from '../../store/context';

const MAX_LOGO_BYTES = 2_500_000;

export function BrandingCard({ settings }: { settings: PublicSettings }) {
  const updateSettings = useApp((s) => s.updateSettings);
  const baseId = useId();
  const [companyName, setCompanyName] = useState(settings.branding.companyName);
  const [accentColor, setAccentColor] = useState(settings.branding.accentColor);
  const [logo, setLogo] = useState<string | undefined>(settings.branding.logoDataUrl);
  const [technician, setTechnician] = useState(settings.report?.technician ?? '');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const onLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type)) {
      setState({ kind: 'error', message: 'The logo must be a PNG or JPEG image.' });
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setState({ kind: 'error', message: `The logo is ${(file.size / 1e6).toFixed(1)} MB; use one under 2.5 MB.` });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setLogo(String(reader.result));
    reader.onerror = () => setState({ kind: 'error', message: 'Could not read that file. Try saving it again as PNG.' });
    reader.readAsDataURL(file);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'saving' });
    const branding: PublicSettings['branding'] = { companyName: companyName.trim(), accentColor, ...(logo ? { logoDataUrl: logo } : {}) };
    const report = { technician: technician.trim(), currency: settings.report?.currency ?? '', priceList: settings.report?.priceList ?? {} };
    updateSettings({ branding, report }).then(
      () => setState({ kind: 'saved' }),
      (err: unknown) => setState({ kind: 'error', message: messageOf(err) }),
    );
  };

  return (
    <form className="card form form-narrow" onSubmit={onSubmit} aria-labelledby={`${baseId}-h`}>
      <h2 id={`${baseId}-h`}>Report branding</h2>
      <p className="help">Your company’s name, colour and logo on the cover of client reports.</p>
      <div className="form-row two-columns">
        <div className="field">
          <label htmlFor={`${baseId}-company`}>Company name</label>
          <input id={`${baseId}-company`} value={companyName} onChange={(e) => setCompanyName(e.target.value)} maxLength={200} placeholder="e.g. Northwind IT Services" />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-tech`}>Technician (signs the report)</label>
          <input id={`${baseId}-tech`} value={technician} onChange={(e) => setTechnician(e.target.value)} maxLength={200} placeholder="e.g. Alex Morgan" />
        </div>
      </div>
      <div className="form-row two-columns">
        <div className="field">
          <label htmlFor={`${baseId}-accent`}>Accent colour</label>
          <div className="colour-row">
            <input id={`${baseId}-accent`} type="color" value={accentColor} onChange={(e) => setAccentColor(e.target.value)} className="colour-input" />
            <span className="mono">{accentColor}</span>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-logo`}>Logo (PNG or JPEG)</label>
          <div className="logo-row">
            {logo && <img src={logo} alt="Current logo" className="logo-preview" />}
            <input id={`${baseId}-logo`} type="file" accept="image/png,image/jpeg" onChange={onLogo} />
            {logo && (
              <button type="button" className="button button-quiet" onClick={() => setLogo(undefined)}>
                Remove
              </button>
            )}
          </div>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={state.kind === 'saving'}>
          Save branding
        </button>
        {state.kind === 'saved' && <span className="help" role="status">Saved.</span>}
        {state.kind === 'error' && (
          <span className="error-text" role="alert">
            Not saved: {state.message}
          </span>
        )}
      </div>
    </form>
  );
}
