/**
 * The device page's gauges and the findings agree: for every threshold a
 * technician can set, the gauge turns amber exactly where the rule raises its
 * finding and red where the finding turns urgent, with defaults and overrides.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFindings } from '../../../shared/health/evaluate';
import { GAUGE_RULES, gaugeTone, type GaugeKind } from '../../../shared/health/gauges';
import { THRESHOLD_RULES } from '../../../shared/health/thresholds';
import { ruleParamValues } from '../../../shared/health/rules';
import type { Device } from '../../../shared/scan-document';
import { blankDevice } from '../../../shared/scan-document';

/** A device whose only reading is the one the gauge shows, at `value`. */
function deviceWith(kind: GaugeKind, value: number): Device {
  const base = { ...blankDevice('10.0.0.9'), ip: '10.0.0.9' };
  switch (kind) {
    case 'cpu':
      return { ...base, type: 'server', cpu: { loadPercent: value, cores: 4, oids: ['1.3.6.1.2.1.25.3.3.1.2'] } };
    case 'memory':
      return { ...base, type: 'server', memory: { totalBytes: 1000, usedBytes: value * 10, percent: value, oids: ['1.3.6.1.2.1.25.2.3.1.6.2'] } };
    case 'storage':
      return { ...base, type: 'server', storage: [{ name: '/data', kind: 'disk', sizeBytes: 1000, usedBytes: value * 10, percent: value, oids: ['a', 'b', 'c'] }] };
    case 'supply':
      return { ...base, type: 'printer', supplies: [{ kind: 'toner', colour: 'black', name: 'Black', percent: value, level: value * 20, capacity: 2000, oids: ['a', 'b'] }] };
    case 'upsCharge':
    case 'upsLoad':
      return {
        ...base,
        type: 'ups',
        ups: {
          batteryStatus: 'normal', chargePercent: kind === 'upsCharge' ? value : 100, runtimeMinutes: 60, loadPercent: kind === 'upsLoad' ? value : 20,
          batteryTemperatureC: 25, onBattery: false, outputStatus: 'online', replaceIndicator: false, lastReplacedDate: null, recommendedReplaceDate: null,
          selfTestResult: null, lastSelfTestDate: null, oids: {},
        },
      } as Device;
  }
}

const SEVERITY_ORDER = ['info', 'low', 'medium', 'high', 'critical'];

/** The rule's finding on that device: null, or its severity. */
function ruleVerdict(kind: GaugeKind, value: number, thresholds: Record<string, number>): string | null {
  const finding = evaluateFindings(deviceWith(kind, value), thresholds, new Date('2026-06-01T00:00:00Z')).find((f) => f.rule === GAUGE_RULES[kind]);
  return finding?.severity ?? null;
}

/** The user's overrides for a rule: every parameter moved, the order kept. */
/** A gauge's rule with its threshold definition, read the same way whatever the rule. */
function ruleOf(kind: GaugeKind): { rule: string; warn: string; crit?: string; direction: 'above' | 'below' } {
  const rule = GAUGE_RULES[kind];
  return { rule, ...(THRESHOLD_RULES[rule] as { warn: string; crit?: string; direction: 'above' | 'below' }) };
}

function moved(kind: GaugeKind): Record<string, number> {
  const g = ruleOf(kind);
  const p = ruleParamValues(g.rule);
  const shift = g.direction === 'above' ? -7 : 7;
  const out: Record<string, number> = { [`${g.rule}.${g.warn}`]: p[g.warn]! + shift };
  if (g.crit) out[`${g.rule}.${g.crit}`] = p[g.crit]! + shift;
  return out;
}

describe('gauges and rules warn at the same values', () => {
  for (const kind of Object.keys(GAUGE_RULES) as GaugeKind[]) {
    for (const [label, thresholds] of [['defaults', {}], ['the technician\'s thresholds', moved(kind)]] as const) {
      it(`${kind} (${label})`, () => {
        const g = ruleOf(kind);
        const params = ruleParamValues(g.rule, thresholds);
        const warn = params[g.warn]!;
        const safer = g.direction === 'above' ? warn - 0.5 : warn + 0.5;
        expect(ruleVerdict(kind, safer, thresholds), `rule just before ${warn}`).toBeNull();
        expect(gaugeTone(kind, safer, thresholds), `gauge just before ${warn}`).toBe('ok');
        expect(ruleVerdict(kind, warn, thresholds), `rule at ${warn}`).not.toBeNull();
        expect(gaugeTone(kind, warn, thresholds), `gauge at ${warn}`).toBe('warn');
        if (g.crit) {
          const bad = params[g.crit]!;
          const warned = ruleVerdict(kind, warn, thresholds)!;
          const urgent = ruleVerdict(kind, bad, thresholds)!;
          expect(SEVERITY_ORDER.indexOf(urgent), `rule at ${bad} is more urgent than at ${warn}`).toBeGreaterThan(SEVERITY_ORDER.indexOf(warned));
          expect(gaugeTone(kind, bad, thresholds), `gauge at ${bad}`).toBe('bad');
        }
      });
    }
  }

  it('a gauge with no reading says so', () => {
    expect(gaugeTone('memory', null)).toBe('unknown');
    expect(gaugeTone('supply', Number.NaN)).toBe('unknown');
  });
});
