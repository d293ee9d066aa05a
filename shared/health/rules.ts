/**
 * The health rule table: every finding Forewarn can raise, as data. Each rule
 * has a stable id, a default severity, named thresholds (overridable through
 * PublicSettings.thresholds as `<rule>.<param>`), a title and a plain-language
 * explanation template (`{name}` placeholders filled from the match), and a
 * recommendation. The matching code lives in evaluate.ts, keyed by rule id.
 */
import type { Severity } from './schema';

export interface RuleParam {
  default: number;
  unit: string;
  description: string;
}

export interface RuleDef {
  id: string;
  /** Severity when the matcher does not escalate it (e.g. warn vs crit threshold). */
  severity: Severity;
  category: 'capacity' | 'hardware' | 'environment' | 'supplies' | 'power' | 'network' | 'lifecycle' | 'security';
  title: string;
  explanation: string;
  recommendation: string;
  params: Record<string, RuleParam>;
}

const p = (def: number, unit: string, description: string): RuleParam => ({ default: def, unit, description });

export const RULES = [
  {
    id: 'storage-full',
    severity: 'medium',
    category: 'capacity',
    title: 'Volume {subject} is {percent}% full',
    explanation:
      '{subject} has {freeText} free of {sizeText}. When a volume fills up, the applications and services writing to it stop working, and databases or mail stores can be damaged.',
    recommendation: 'Free space (old files, logs, shadow copies, recycle bin) or extend the volume before it fills.',
    params: { warnPercent: p(90, '%', 'used space that raises a warning'), critPercent: p(95, '%', 'used space that is urgent') },
  },
  {
    id: 'storage-fill-forecast',
    severity: 'low',
    category: 'capacity',
    title: 'Volume {subject} is forecast to fill up around {predictedDate}',
    explanation:
      'Across the scans of this site, {subject} grew from {firstPercent}% to {percent}% used. At that rate it will be full around {predictedDate}.',
    recommendation: 'Plan a clean-up or more capacity before that date.',
    params: {
      horizonDays: p(180, 'days', 'only forecasts within this many days are reported'),
      urgentDays: p(30, 'days', 'forecasts nearer than this are high severity'),
      soonDays: p(90, 'days', 'forecasts nearer than this are medium severity'),
    },
  },
  {
    id: 'memory-pressure',
    severity: 'low',
    category: 'capacity',
    title: 'Memory is {percent}% used',
    explanation: 'The device is using {percent}% of its {totalText} of memory. Under memory pressure it slows down and may start killing processes.',
    recommendation: 'Check which processes use the memory; restart leaking services or add memory.',
    params: { warnPercent: p(90, '%', 'memory use that raises a warning'), critPercent: p(95, '%', 'memory use that is urgent') },
  },
  {
    id: 'cpu-high',
    severity: 'medium',
    category: 'capacity',
    title: 'Processor load is {percent}%',
    explanation: 'The average processor load across {cores} core(s) is {percent}% (one-minute average at scan time). A device that stays this busy responds slowly and has no headroom.',
    recommendation: 'Find the process or traffic causing the load; rescan to confirm it is sustained.',
    params: { percent: p(85, '%', 'processor load considered high') },
  },
  {
    id: 'hardware-failed',
    severity: 'high',
    category: 'hardware',
    title: '{componentText} "{subject}" reports {state}',
    explanation: 'The device itself reports that its {componentText} "{subject}" is in state "{state}". Failed or degraded parts are the most common warning before an outage.',
    recommendation: 'Replace or repair the part; for a degraded RAID, replace the failed disk and let the array rebuild before anything else fails.',
    params: {},
  },
  {
    id: 'hardware-warning',
    severity: 'medium',
    category: 'hardware',
    title: '{componentText} "{subject}" reports {state}',
    explanation: 'The device reports a warning state ("{state}") for its {componentText} "{subject}".',
    recommendation: 'Check the part in the device\'s management interface and plan a replacement if it keeps warning.',
    params: {},
  },
  {
    id: 'temperature-high',
    severity: 'medium',
    category: 'environment',
    title: '{subject} is at {value} °C',
    explanation: 'The {componentText} sensor "{subject}" reads {value} °C, above {threshold} °C. Heat shortens the life of disks and electronics and can make the device shut down.',
    recommendation: 'Check airflow, fans, dust and the room temperature; move the device somewhere cooler.',
    params: {
      diskWarnC: p(50, '°C', 'disk temperature warning'),
      diskCritC: p(60, '°C', 'disk temperature critical'),
      ambientWarnC: p(40, '°C', 'room/inlet/ambient air temperature warning when the device gives no limit'),
      ambientCritC: p(50, '°C', 'room/inlet/ambient air temperature critical when the device gives no limit'),
      internalWarnC: p(80, '°C', 'board/internal temperature warning when the device gives no limit'),
      internalCritC: p(95, '°C', 'board/internal temperature critical when the device gives no limit'),
      cpuWarnC: p(85, '°C', 'processor temperature warning when the device gives no limit'),
      cpuCritC: p(95, '°C', 'processor temperature critical when the device gives no limit'),
    },
  },
  {
    id: 'supply-low',
    severity: 'medium',
    category: 'supplies',
    title: '{subject} is at {percent}%',
    explanation: 'The printer reports its {kindText} "{subject}" at {percent}% of capacity. When it runs out the printer stops or prints badly.',
    recommendation: 'Order a replacement {kindText} now so it is on site before this one runs out.',
    params: { lowPercent: p(10, '%', 'supply level that raises a warning'), emptyPercent: p(2, '%', 'supply level treated as empty') },
  },
  {
    id: 'supply-runout-forecast',
    severity: 'low',
    category: 'supplies',
    title: '{subject} is forecast to run out around {predictedDate}',
    explanation: 'Across the scans of this site, {subject} went from {firstPercent}% to {percent}%. At that rate it will be empty around {predictedDate}.',
    recommendation: 'Order a replacement before that date.',
    params: { horizonDays: p(90, 'days', 'only forecasts within this many days are reported'), soonDays: p(14, 'days', 'run-outs nearer than this are medium severity') },
  },
  {
    id: 'printer-error',
    severity: 'medium',
    category: 'hardware',
    title: 'Printer reports: {state}',
    explanation: 'The printer reports "{state}"{detail}. Users cannot print until it is cleared.',
    recommendation: 'Clear the condition at the printer (open the indicated tray or door, remove jammed paper); if it recurs, book a service visit.',
    params: {},
  },
  {
    id: 'ups-battery-replace',
    severity: 'high',
    category: 'power',
    title: 'UPS battery needs replacing',
    explanation: 'The UPS reports that its battery needs replacing. With a worn battery the UPS may not hold the load during a power cut, and the equipment behind it goes down hard.',
    recommendation: 'Order and fit a replacement battery, then run a self-test and reset the battery-replacement date.',
    params: {},
  },
  {
    id: 'ups-battery-age',
    severity: 'medium',
    category: 'power',
    title: 'UPS battery is {ageText} old',
    explanation: 'The UPS battery was last replaced on {lastReplacedDate}. Sealed lead-acid UPS batteries typically last {maxAgeYears} years; after that runtime drops sharply.',
    recommendation: 'Plan a battery replacement; if it was replaced more recently, reset the replacement date on the UPS.',
    params: { maxAgeYears: p(3, 'years', 'battery age after which replacement is recommended') },
  },
  {
    id: 'ups-runtime-low',
    severity: 'medium',
    category: 'power',
    title: 'UPS runtime is only {runtime} minutes',
    explanation: 'At the current load the UPS estimates {runtime} minutes on battery, below {threshold} minutes: not enough to ride out a short outage or shut servers down cleanly.',
    recommendation: 'Reduce the load on the UPS, replace the battery, or add battery capacity.',
    params: { warnMinutes: p(10, 'min', 'runtime that raises a warning'), critMinutes: p(5, 'min', 'runtime that is urgent') },
  },
  {
    id: 'ups-charge-low',
    severity: 'medium',
    category: 'power',
    title: 'UPS battery charge is {charge}%',
    explanation: 'The UPS battery is only {charge}% charged{onBatteryText}. A power cut now would give much less runtime than expected.',
    recommendation: 'Check why the battery is not charging (recent outage, failing charger or battery) and rescan later.',
    params: { warnPercent: p(50, '%', 'charge that raises a warning'), critPercent: p(15, '%', 'charge that is urgent') },
  },
  {
    id: 'ups-on-battery',
    severity: 'high',
    category: 'power',
    title: 'UPS is running on battery',
    explanation: 'The UPS reports that it is supplying the load from its battery: mains power is missing or out of tolerance.',
    recommendation: 'Check the mains supply and circuit breaker; prepare to shut equipment down cleanly if power does not return.',
    params: {},
  },
  {
    id: 'ups-bypass',
    severity: 'medium',
    category: 'power',
    title: 'UPS is in bypass',
    explanation: 'The UPS passes mains straight through ("{state}"): the equipment behind it is not protected.',
    recommendation: 'Find out why the UPS went to bypass (overload, fault) and return it to online mode.',
    params: {},
  },
  {
    id: 'ups-battery-status',
    severity: 'high',
    category: 'power',
    title: 'UPS battery status: {state}',
    explanation: 'The UPS reports its battery as "{state}".',
    recommendation: 'Check the battery and charger; replace the battery if the status persists.',
    params: {},
  },
  {
    id: 'ups-overload',
    severity: 'medium',
    category: 'power',
    title: 'UPS load is {load}%',
    explanation: 'The UPS is loaded to {load}% of its capacity (threshold {threshold}%). An overloaded UPS gives little runtime and may drop the load when it switches to battery.',
    recommendation: 'Move some equipment to another UPS or circuit, or fit a larger UPS.',
    params: { warnPercent: p(80, '%', 'load that raises a warning'), critPercent: p(90, '%', 'load that is urgent') },
  },
  {
    id: 'ups-selftest-failed',
    severity: 'high',
    category: 'power',
    title: 'UPS self-test failed',
    explanation: 'The last UPS self-test result is "{state}". A failed self-test usually means the battery can no longer carry the load.',
    recommendation: 'Replace the battery and run the self-test again.',
    params: {},
  },
  {
    id: 'if-errors',
    severity: 'medium',
    category: 'network',
    title: 'Port {subject} has {rate} errors per second',
    explanation: 'Port {subject} counted {rate} errors/s ({counter}) between two samples {interval} s apart. Errors mean damaged cabling, a bad patch lead, a failing port or interference, and cause slow, unreliable connections.',
    recommendation: 'Replace the patch cable, re-terminate the cable run or move the device to another port, then rescan.',
    params: { errorsPerSecond: p(1, '/s', 'in+out error rate that raises a warning'), crcPerSecond: p(0.5, '/s', 'FCS/CRC error rate that raises a warning') },
  },
  {
    id: 'if-half-duplex',
    severity: 'medium',
    category: 'network',
    title: 'Port {subject} runs half-duplex',
    explanation: 'Port {subject} is up at {speed} Mb/s in half-duplex. Modern equipment runs full-duplex; half-duplex usually means a failed auto-negotiation, which limits throughput and causes collisions.',
    recommendation: 'Set both ends to auto-negotiate (or both to the same fixed speed and duplex) and check the cable.',
    params: {},
  },
  {
    id: 'if-duplex-mismatch',
    severity: 'high',
    category: 'network',
    title: 'Port {subject}: likely duplex mismatch',
    explanation: 'Port {subject} runs {duplex}-duplex and is counting {evidenceText}. That pattern is the signature of a duplex mismatch: one end full-, the other half-duplex. Throughput collapses under load.',
    recommendation: 'Configure both ends identically (auto/auto is best) and replace the cable if errors continue.',
    params: {},
  },
  {
    id: 'if-speed-below-capability',
    severity: 'low',
    category: 'network',
    title: 'Port {subject} linked at {speed} Mb/s',
    explanation: 'Port {subject} can run at {capability} Mb/s but negotiated only {speed} Mb/s. A slow link is usually a cable with a broken pair, an old patch lead or a slow device on the other end.',
    recommendation: 'Replace the patch cable (Cat5e or better) and check the device at the other end.',
    params: {},
  },
  {
    id: 'if-flapping',
    severity: 'low',
    category: 'network',
    title: 'Infrastructure port {subject} changed state {ago} ago',
    explanation: 'Port {subject} looks like an infrastructure link and changed state {ago} ago, although the device has been up for {uptimeText}. Links that go up and down disconnect everything behind them.',
    recommendation: 'Check the port\'s log, the cable and the device at the other end; rescan to see whether it keeps changing.',
    params: { withinSeconds: p(3600, 's', 'a state change this recent counts as flapping') },
  },
  {
    id: 'reboot-recent',
    severity: 'low',
    category: 'hardware',
    title: 'Device restarted {ago} ago',
    explanation: 'The device has only been up for {ago}. If nobody restarted it, it may have lost power or crashed.',
    recommendation: 'Check whether the restart was planned; if not, look at its logs and its power supply (UPS).',
    params: { maxSeconds: p(86400, 's', 'uptime below this counts as a recent restart') },
  },
  {
    id: 'uptime-long',
    severity: 'medium',
    category: 'lifecycle',
    title: 'Up for {days} days without a restart',
    explanation: 'The device has not restarted for {days} days. Most security updates need a restart, so it has probably missed them.',
    recommendation: 'Install pending updates and restart it in a maintenance window.',
    params: { maxDays: p(365, 'days', 'uptime beyond which the device is considered unpatched') },
  },
  {
    id: 'eol-software',
    severity: 'medium',
    category: 'lifecycle',
    title: '{product} is end-of-life',
    explanation: '{product} stopped receiving security updates on {eolDate}.',
    recommendation: 'Plan an upgrade or replacement: unsupported software is an easy way in.',
    params: { warnDays: p(180, 'days', 'warn this many days before the end-of-life date') },
  },
  {
    id: 'snmp-default-community',
    severity: 'medium',
    category: 'security',
    title: 'SNMP answers the default community "{community}"',
    explanation: 'Anyone on the network can read this device\'s configuration details with the well-known community "{community}"{writeText}.',
    recommendation: 'Change the community to a long random string, restrict SNMP to the management hosts, or move to SNMPv3.',
    params: {},
  },
  {
    id: 'snmp-no-v3',
    severity: 'low',
    category: 'security',
    title: 'SNMP {version} only (no SNMPv3)',
    explanation: 'The device answered SNMP {version}, which sends the community in clear text, and did not answer SNMPv3.',
    recommendation: 'Enable SNMPv3 with authentication and privacy and turn off v1/v2c.',
    params: {},
  },
  {
    id: 'snmp-agent-broken',
    severity: 'low',
    category: 'security',
    title: 'SNMP agent returns broken data ({problem})',
    explanation:
      'The device answers SNMP, but its agent {problemText}. Its hardware health cannot be read reliably, so Forewarn did not judge it from that data.',
    recommendation: "Update the device's firmware (or its SNMP agent); until then, check its health on the device itself.",
    params: {},
  },
  {
    id: 'mgmt-telnet',
    severity: 'medium',
    category: 'security',
    title: 'Telnet management is open',
    explanation: 'TCP port 23 (telnet) answers. Telnet sends passwords in clear text.',
    recommendation: 'Disable telnet and use SSH.',
    params: {},
  },
  {
    id: 'mgmt-plain-http',
    severity: 'low',
    category: 'security',
    title: 'Management web page without HTTPS',
    explanation: 'TCP port 80 answers and port 443 does not, so the management page (and its password) travels unencrypted.',
    recommendation: 'Enable HTTPS on the management interface and turn off plain HTTP.',
    params: {},
  },
] as const satisfies readonly RuleDef[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULES_BY_ID: Record<string, RuleDef> = Object.fromEntries(RULES.map((r) => [r.id, r as RuleDef]));

/** Every threshold with its default, keyed `<rule>.<param>` (the keys of PublicSettings.thresholds). */
export const DEFAULT_THRESHOLDS: Record<string, number> = Object.fromEntries(
  RULES.flatMap((r) => Object.entries(r.params as Record<string, RuleParam>).map(([k, v]) => [`${r.id}.${k}`, v.default])),
);

type RuleOf<R extends RuleId> = Extract<(typeof RULES)[number], { id: R }>;

/** A rule's parameters by name, each a number: typed from the table, so no caller restates a default. */
export type RuleParamsOf<R extends RuleId> = { readonly [K in keyof RuleOf<R>['params']]: number };

/** The thresholds of one rule, user overrides applied over the defaults. */
export function ruleParams<R extends RuleId>(ruleId: R, overrides: Record<string, number> = {}): RuleParamsOf<R> {
  const rule = RULES_BY_ID[ruleId];
  if (!rule) return {} as RuleParamsOf<R>;
  return Object.fromEntries(
    Object.entries(rule.params).map(([k, v]) => {
      const o = overrides[`${ruleId}.${k}`];
      return [k, typeof o === 'number' && Number.isFinite(o) ? o : v.default];
    }),
  ) as RuleParamsOf<R>;
}

/** The same, for callers that hold rule ids and parameter names as data (the gauges' table). */
export function ruleParamValues(ruleId: string, overrides: Record<string, number> = {}): Readonly<Record<string, number>> {
  return ruleParams(ruleId as RuleId, overrides) as Readonly<Record<string, number>>;
}

/** Fills `{name}` placeholders; unknown names are left visible rather than silently dropped. */
export function fillTemplate(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = values[k];
    return v === undefined || v === null ? m : String(v);
  });
}
