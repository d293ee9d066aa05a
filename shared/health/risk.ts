/**
 * Risk scores, 0–100, explained: each finding contributes a weight by
 * severity; weights combine like independent probabilities (noisy-OR), so many
 * small issues add up but never exceed 100 and one critical issue dominates.
 */
import type { Finding, Risk, Severity } from './schema';

export const SEVERITY_WEIGHTS: Record<Severity, number> = { info: 0, low: 4, medium: 12, high: 30, critical: 55 };

function combine(weights: number[]): number {
  const remaining = weights.reduce((acc, w) => acc * (1 - Math.min(100, Math.max(0, w)) / 100), 1);
  return Math.round((1 - remaining) * 1000) / 10;
}

export function scoreRisk(findings: readonly Finding[], weights: Record<Severity, number> = SEVERITY_WEIGHTS): Risk {
  const contributors = findings
    .map((f) => ({ rule: f.rule, weight: weights[f.severity], ...(f.subject ? { subject: f.subject } : {}) }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  return { score: combine(contributors.map((c) => c.weight)), contributors };
}

/**
 * Site risk: the riskiest devices dominate. Device scores are combined with
 * halving weights (1, ½, ¼ …) in descending order, so ten mildly risky
 * devices do not outweigh one that is about to fail.
 */
export function scoreSiteRisk(devices: ReadonlyArray<{ id: string; risk?: Risk }>): { score: number; contributors: Array<{ deviceId: string; score: number; weight: number }> } {
  const ranked = devices.filter((d) => d.risk && d.risk.score > 0).map((d) => ({ deviceId: d.id, score: d.risk!.score })).sort((a, b) => b.score - a.score);
  const contributors = ranked.map((d, i) => ({ ...d, weight: Math.round(d.score * 0.5 ** i * 10) / 10 }));
  return { score: combine(contributors.map((c) => c.weight)), contributors };
}

/** Highest risk first, everywhere. */
export function byRiskDescending<T extends { risk?: Risk }>(a: T, b: T): number {
  return (b.risk?.score ?? 0) - (a.risk?.score ?? 0);
}

/** Risk score bands: one scale for the screens, the map and the PDF report. */
export type RiskBand = 'none' | 'low' | 'medium' | 'high' | 'critical';
export const RISK_BAND_FLOORS = { critical: 70, high: 40, medium: 15 } as const;

export function riskBand(score: number | null | undefined): RiskBand {
  if (score == null || score <= 0) return 'none';
  if (score >= RISK_BAND_FLOORS.critical) return 'critical';
  if (score >= RISK_BAND_FLOORS.high) return 'high';
  if (score >= RISK_BAND_FLOORS.medium) return 'medium';
  return 'low';
}
