/**
 * The threshold rules as one declarative kind: which parameter raises the
 * finding, which makes it urgent, which way is trouble, and the severity of
 * each level. One interpreter (`judge`) applies them, for the findings
 * (evaluate.ts) and for the device page's gauges (gauges.ts) alike.
 */
import type { Severity } from './schema';
import { ruleParams, type RuleId, type RuleParamsOf } from './rules';

interface ThresholdRuleDef<R extends RuleId> {
  /** The parameter at which the finding is raised. */
  warn: keyof RuleParamsOf<R> & string;
  /** The parameter at which it turns urgent, when the rule has a second level. */
  crit?: keyof RuleParamsOf<R> & string;
  /** 'above': high is trouble (used space); 'below': low is trouble (toner left). */
  direction: 'above' | 'below';
  /** Severity at warn and at crit; absent: the rule's own severity. */
  severities?: readonly [Severity, Severity];
}

type ThresholdTable = { [R in RuleId]?: ThresholdRuleDef<R> };

export const THRESHOLD_RULES = {
  'storage-full': { warn: 'warnPercent', crit: 'critPercent', direction: 'above', severities: ['medium', 'high'] },
  'memory-pressure': { warn: 'warnPercent', crit: 'critPercent', direction: 'above', severities: ['low', 'medium'] },
  'cpu-high': { warn: 'percent', direction: 'above' },
  'supply-low': { warn: 'lowPercent', crit: 'emptyPercent', direction: 'below', severities: ['medium', 'high'] },
  'ups-runtime-low': { warn: 'warnMinutes', crit: 'critMinutes', direction: 'below', severities: ['medium', 'high'] },
  'ups-charge-low': { warn: 'warnPercent', crit: 'critPercent', direction: 'below', severities: ['medium', 'high'] },
  'ups-overload': { warn: 'warnPercent', crit: 'critPercent', direction: 'above', severities: ['medium', 'high'] },
} as const satisfies ThresholdTable;

export type ThresholdRuleId = keyof typeof THRESHOLD_RULES;

export interface Verdict {
  level: 'warn' | 'crit';
  /** Undefined: the rule's own severity. */
  severity: Severity | undefined;
  /** The threshold the value crossed (the evidence shows it). */
  limit: number;
}

/** Whether `value` crosses the rule's thresholds (with the user's overrides), and how far; null when it does not. */
export function judge(rule: ThresholdRuleId, value: number, overrides: Record<string, number> = {}): Verdict | null {
  const def: ThresholdRuleDef<RuleId> = THRESHOLD_RULES[rule] as ThresholdRuleDef<RuleId>;
  const params = ruleParams(rule, overrides) as Readonly<Record<string, number>>;
  const past = (limit: number | undefined) => limit !== undefined && (def.direction === 'above' ? value >= limit : value <= limit);
  const crit = def.crit ? params[def.crit] : undefined;
  if (past(crit)) return { level: 'crit', severity: def.severities?.[1], limit: crit! };
  const warn = params[def.warn]!;
  return past(warn) ? { level: 'warn', severity: def.severities?.[0], limit: warn } : null;
}
