/** Severity and risk badges: colour plus a word, never colour alone. */
import type { Severity } from '../../../shared/health/schema';
import { SEVERITY_LABELS, riskBand } from '../format';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`sev sev-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

export function RiskScore({ score }: { score: number | null | undefined }) {
  if (score == null) return <span className="muted">—</span>;
  const band = riskBand(score);
  return (
    <span className={`risk risk-${band}`} title={`Risk ${Math.round(score)} of 100`}>
      {Math.round(score)}
    </span>
  );
}
