/**
 * The device page's gauges take their tones from the threshold rules
 * themselves (thresholds.ts), with the technician's overrides: a bar turns
 * amber exactly where the rule raises its finding and red where it turns
 * urgent, never at numbers of its own.
 */
import { judge, type ThresholdRuleId } from './thresholds';

/** Which threshold rule judges the reading each gauge shows. */
export const GAUGE_RULES = {
  cpu: 'cpu-high',
  memory: 'memory-pressure',
  storage: 'storage-full',
  supply: 'supply-low',
  upsCharge: 'ups-charge-low',
  upsLoad: 'ups-overload',
} as const satisfies Record<string, ThresholdRuleId>;

export type GaugeKind = keyof typeof GAUGE_RULES;
export type GaugeTone = 'ok' | 'warn' | 'bad' | 'unknown';

/** The tone of a gauge showing `value` (a percentage), as its rule judges it. */
export function gaugeTone(kind: GaugeKind, value: number | null | undefined, thresholds: Record<string, number> = {}): GaugeTone {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unknown';
  const verdict = judge(GAUGE_RULES[kind], value, thresholds);
  return verdict === null ? 'ok' : verdict.level === 'crit' ? 'bad' : 'warn';
}
