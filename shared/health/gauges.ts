/**
 * The device page's gauges take their tones from the rules' own parameters,
 * with the technician's overrides: a bar turns amber exactly where the rule
 * raises its warning and red where it turns urgent, never at numbers of its own.
 */
import { ruleParamValues } from './rules';

type Direction = 'above' | 'below';

interface GaugeRule {
  rule: string;
  /** The parameter at which the rule raises its first finding. */
  warn: string;
  /** The parameter at which it turns urgent, when the rule has a second level. */
  bad?: string;
  /** 'above': high is trouble (used space); 'below': low is trouble (toner left). */
  direction: Direction;
}

export const GAUGE_RULES = {
  cpu: { rule: 'cpu-high', warn: 'percent', direction: 'above' },
  memory: { rule: 'memory-pressure', warn: 'warnPercent', bad: 'critPercent', direction: 'above' },
  storage: { rule: 'storage-full', warn: 'warnPercent', bad: 'critPercent', direction: 'above' },
  supply: { rule: 'supply-low', warn: 'lowPercent', bad: 'emptyPercent', direction: 'below' },
  upsCharge: { rule: 'ups-charge-low', warn: 'warnPercent', bad: 'critPercent', direction: 'below' },
  upsLoad: { rule: 'ups-overload', warn: 'warnPercent', bad: 'critPercent', direction: 'above' },
} as const satisfies Record<string, GaugeRule>;

export type GaugeKind = keyof typeof GAUGE_RULES;
export type GaugeTone = 'ok' | 'warn' | 'bad' | 'unknown';

/** The tone of a gauge showing `value` (a percentage), compared as its rule compares (≥ or ≤ the limit). */
export function gaugeTone(kind: GaugeKind, value: number | null | undefined, thresholds: Record<string, number> = {}): GaugeTone {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unknown';
  const gauge: GaugeRule = GAUGE_RULES[kind];
  const params = ruleParamValues(gauge.rule, thresholds);
  const past = (limit: number | undefined) => limit !== undefined && (gauge.direction === 'above' ? value >= limit : value <= limit);
  if (gauge.bad && past(params[gauge.bad])) return 'bad';
  return past(params[gauge.warn]) ? 'warn' : 'ok';
}
