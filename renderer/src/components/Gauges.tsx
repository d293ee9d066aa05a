/**
 * Bars and ring gauges for percentages (storage, memory, supplies). The tone
 * comes from the rule that judges the same reading (shared/health/gauges.ts).
 */
import type { GaugeTone } from '../../../shared/health/gauges';

export function Bar({ label, percent, tone, detail }: { label: string; percent: number | null; tone: GaugeTone; detail?: string }) {
  const value = percent == null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <div className="bar-row">
      <div className="bar-label">
        <span className="bar-name" title={label}>
          {label}
        </span>
        <span className="bar-value">{percent == null ? 'unknown' : `${Math.round(percent)}%`}</span>
      </div>
      <div className="bar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)}>
        <div className={`bar-fill tone-${tone}`} style={{ width: `${value}%` }} />
      </div>
      {detail && <div className="bar-detail">{detail}</div>}
    </div>
  );
}

const RING_RADIUS = 26;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

export function RingGauge({ label, percent, tone, caption, colour }: { label: string; percent: number | null; tone: GaugeTone; caption?: string; colour?: string | null }) {
  const value = percent == null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <figure className="ring" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)}>
      <svg viewBox="0 0 64 64" width="72" height="72" aria-hidden="true">
        <circle cx="32" cy="32" r={RING_RADIUS} className="ring-track" />
        <circle
          cx="32"
          cy="32"
          r={RING_RADIUS}
          className={`ring-fill tone-${tone}`}
          strokeDasharray={`${(value / 100) * RING_LENGTH} ${RING_LENGTH}`}
          transform="rotate(-90 32 32)"
        />
        <text x="32" y="36" textAnchor="middle" className="ring-text">
          {percent == null ? '?' : `${Math.round(percent)}%`}
        </text>
      </svg>
      <figcaption>
        <span className="ring-name" title={label}>
          {colour && <span className="swatch" data-colour={colour.toLowerCase()} aria-hidden="true" />}
          {label}
        </span>
        {caption && <span className="ring-caption">{caption}</span>}
      </figcaption>
    </figure>
  );
}
