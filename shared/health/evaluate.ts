/**
 * evaluateFindings: applies the rule table (rules.ts) to one device of the
 * scan document. Pure, so the UI and reports can re-run it with the user's
 * thresholds. Each matcher reads normalised readings only, never raw OIDs.
 */
import type { Device } from '../scan-document';
import { isFactoryDefaultCommunity, type FactoryDefaultCommunity } from '../credentials';
import { formatBytes } from '../format-bytes';
import type { Finding, FindingEvidence, Forecast, Interface, Sensor, Severity } from './schema';
import { RULES_BY_ID, fillTemplate, ruleParams, type RuleId, type RuleParamsOf } from './rules';
import { judge, type ThresholdRuleId, type Verdict } from './thresholds';
import { DEFAULT_EOL_TABLE, type EolEntry } from './eol';
import { addYears, dateWhenReaches, isoDate, type HistoricalDevice } from './forecast';

export interface Match {
  rule: string;
  severity?: Severity;
  subject?: string;
  values: Record<string, string | number | null | undefined>;
  evidence: FindingEvidence[];
  predictedDate?: string;
  forecast?: Forecast;
}

export interface EvaluateOptions {
  /** Earlier snapshots of this device (matched by MAC/serial), oldest first, for trend forecasts. */
  history?: HistoricalDevice[];
  eolTable?: EolEntry[];
}

type Ctx = {
  device: Device;
  t: <R extends RuleId>(rule: R) => RuleParamsOf<R>;
  /** A threshold rule's verdict on a reading, with the user's thresholds (thresholds.ts). */
  judge: (rule: ThresholdRuleId, value: number) => Verdict | null;
  now: Date;
  options: EvaluateOptions;
};
type Matcher = (ctx: Ctx) => Match[];

const DAY = 86_400;
const fmtDuration = (s: number) => (s < 3600 ? `${Math.round(s / 60)} min` : s < 2 * DAY ? `${Math.round(s / 3600)} h` : `${Math.round(s / DAY)} days`);
const tiered = (value: number, warn: number, crit: number, above: boolean, sev: [Severity, Severity]): Severity | null =>
  above ? (value >= crit ? sev[1] : value >= warn ? sev[0] : null) : value <= crit ? sev[1] : value <= warn ? sev[0] : null;

const COMPONENT_TEXT: Record<string, string> = {
  system: 'system', fan: 'fan', psu: 'power supply', disk: 'disk', raid: 'RAID array', battery: 'battery', memory: 'memory module',
  cpu: 'processor', temperature: 'temperature', module: 'module', printer: 'printer', other: 'component',
};

// ---------------------------------------------------------------- capacity
/** Read-only or pseudo filesystems that are always 100 % full by design (firmware images, devfs, squashfs). */
const READ_ONLY_VOLUMES = /^\/(rom|swi|compress|dev|proc|sys|run|snap)\b|devfs|squashfs|\/packages\/mnt|\/lib\/firmware|cdrom|iso9660/i;

const storageFull: Matcher = ({ device, judge }) =>
  (device.storage ?? [])
    .filter((s) => s.kind === 'disk' && !READ_ONLY_VOLUMES.test(s.name))
    .flatMap((s) => {
      const verdict = judge('storage-full', s.percent);
      if (!verdict) return [];
      return [{
        rule: 'storage-full', severity: verdict.severity, subject: s.name,
        values: { percent: Math.round(s.percent), freeText: formatBytes(s.sizeBytes - s.usedBytes), sizeText: formatBytes(s.sizeBytes) },
        evidence: [{ oid: s.oids[2], name: `${s.name} used`, value: `${s.percent}%`, threshold: `${verdict.limit}%` }],
      }];
    });

/**
 * Embedded agents (printers, iLO, UPS cards, switches) report their RAM as
 * fully used by design, so memory and CPU pressure are judged only on
 * general-purpose systems.
 */
const GENERAL_PURPOSE = new Set(['server', 'workstation', 'hypervisor', 'nas', 'unknown']);
const EMBEDDED_CPU = new Set(['ups', 'pdu', 'printer', 'environment-sensor', 'camera', 'phone', 'iot']);

const memoryPressure: Matcher = ({ device, judge }) => {
  const m = device.memory;
  if (!m || !GENERAL_PURPOSE.has(device.type)) return [];
  const verdict = judge('memory-pressure', m.percent);
  if (!verdict) return [];
  return [{ rule: 'memory-pressure', severity: verdict.severity, values: { percent: Math.round(m.percent), totalText: formatBytes(m.totalBytes) },
    evidence: [{ oid: m.oids[0], name: 'memory used', value: `${m.percent}%`, threshold: `${verdict.limit}%` }] }];
};

const cpuHigh: Matcher = ({ device, judge }) => {
  const c = device.cpu;
  const verdict = c && !EMBEDDED_CPU.has(device.type) ? judge('cpu-high', c.loadPercent) : null;
  if (!c || !verdict) return [];
  return [{ rule: 'cpu-high', values: { percent: Math.round(c.loadPercent), cores: c.cores },
    evidence: [{ oid: c.oids[0], name: 'processor load', value: `${c.loadPercent}%`, threshold: `${verdict.limit}%` }] }];
};

// ---------------------------------------------------------------- hardware states
/** Components whose failure is critical: data is at risk. */
const CRITICAL_COMPONENTS = new Set(['raid', 'disk']);

const hardwareStates: Matcher = ({ device }) =>
  (device.sensors ?? [])
    .filter((s) => s.kind === 'state' && (s.status === 'critical' || s.status === 'warning') && s.component !== 'printer')
    .map((s) => {
      const failed = s.status === 'critical';
      const rule = failed ? 'hardware-failed' : 'hardware-warning';
      const severity: Severity = failed ? (CRITICAL_COMPONENTS.has(s.component) ? 'critical' : 'high') : 'medium';
      return { rule, severity, subject: s.name, values: { state: s.stateText ?? String(s.value), componentText: capital(COMPONENT_TEXT[s.component] ?? 'component') },
        evidence: [{ oid: s.oids[0], name: s.name, value: s.stateText ? `${s.stateText} (${s.value})` : s.value }] };
    });

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const AMBIENT_NAME = /ambient|inlet|intake|room|environment|external|air\b|umgebung/i;

function temperatureLimits(s: Sensor, p: RuleParamsOf<'temperature-high'>): { warn: number; crit: number } {
  if (s.component === 'disk') return { warn: p.diskWarnC, crit: p.diskCritC };
  if (s.component === 'cpu') return { warn: p.cpuWarnC, crit: p.cpuCritC };
  // Air temperatures (room, inlet) matter at far lower values than chip or board sensors.
  // Batteries age fast above 40 °C, like the air around them.
  if (s.component === 'battery' || AMBIENT_NAME.test(s.name)) return { warn: p.ambientWarnC, crit: p.ambientCritC };
  return { warn: p.internalWarnC, crit: p.internalCritC };
}

const temperatureHigh: Matcher = ({ device, t }) => {
  const p = t('temperature-high');
  return (device.sensors ?? [])
    // Transceiver (DOM) temperatures run hot by design and carry their own alarms.
    .filter((s) => s.kind === 'temperature' && s.value !== null && (s.component !== 'module' || s.status !== 'unknown'))
    .flatMap((s) => {
      const v = s.value as number;
      // The device's own verdict wins when it has limits; our defaults otherwise (disks always: vendors set 60+).
      const own = s.limits && s.component !== 'disk' ? s.status : null;
      const { warn, crit } = temperatureLimits(s, p);
      const sev: Severity | null = own
        ? own === 'critical' ? 'high' : own === 'warning' ? 'medium' : null
        : tiered(v, warn, crit, true, ['medium', 'high']);
      if (!sev) return [];
      const threshold = own ? (s.limits?.highWarn ?? s.limits?.high ?? warn) : sev === 'high' ? crit : warn;
      return [{ rule: 'temperature-high', severity: sev, subject: s.name,
        values: { value: v, threshold, componentText: COMPONENT_TEXT[s.component] ?? 'temperature' },
        evidence: [{ oid: s.oids[0], name: s.name, value: `${v} °C`, threshold: `${threshold} °C` }] }];
    });
};

// ---------------------------------------------------------------- printers
const SUPPLY_KIND_TEXT: Record<string, string> = {
  toner: 'toner', ink: 'ink', drum: 'drum', fuser: 'fuser', waste: 'waste toner box', developer: 'developer', transfer: 'transfer unit', staples: 'staples', other: 'supply',
};

/**
 * One scan cannot date a run-out (no print rate yet), but the device says how
 * much is left: in pages when the supply counts impressions, plus the page
 * counter, so the forecast inputs are shown and the next scan can date it.
 */
function supplyForecast(s: NonNullable<Device['supplies']>[number], pageCount: number | null | undefined): Forecast | undefined {
  const inputs: Forecast['inputs'] = [{ name: 'level', value: s.level ?? 'unknown' }, { name: 'capacity', value: s.capacity ?? 'unknown' }];
  if (s.unit) inputs.push({ name: 'unit', value: s.unit });
  if ((s.unit === 'impressions' || s.unit === 'sheets') && s.level !== null && s.level >= 0) inputs.push({ name: 'pages remaining (device-reported)', value: s.level });
  if (typeof pageCount === 'number') inputs.push({ name: 'lifetime page count', value: pageCount });
  return { method: 'device-reported', inputs };
}

const supplyLow: Matcher = ({ device, judge }) =>
  (device.supplies ?? []).flatMap((s) => {
    const verdict = s.percent === null ? null : judge('supply-low', s.percent);
    if (s.percent === null || !verdict) return [];
    return [{ rule: 'supply-low', severity: verdict.severity, subject: s.name, values: { percent: Math.round(s.percent), kindText: SUPPLY_KIND_TEXT[s.kind] ?? 'supply' },
      forecast: supplyForecast(s, device.printer?.pageCount),
      evidence: [{ oid: s.oids[0], name: `${s.name} level`, value: s.level, threshold: `${verdict.limit}%` }, { oid: s.oids[1], name: `${s.name} capacity`, value: s.capacity }] }];
  });

/** Printer conditions: hrPrinterDetectedErrorState bit or prtAlert code → one condition with a severity. */
const PRINTER_CONDITIONS: Array<{ id: string; text: string; severity: Severity; bits: string[]; alertCodes: number[] }> = [
  { id: 'jam', text: 'paper jam', severity: 'high', bits: ['jammed'], alertCodes: [8] },
  { id: 'offline', text: 'offline', severity: 'high', bits: ['offline'], alertCodes: [] },
  { id: 'no-toner', text: 'toner empty', severity: 'high', bits: ['noToner'], alertCodes: [1101, 1102] },
  { id: 'door-open', text: 'door or cover open', severity: 'medium', bits: ['doorOpen'], alertCodes: [3, 5, 501] },
  { id: 'service', text: 'service requested', severity: 'medium', bits: ['serviceRequested'], alertCodes: [11, 1112] },
  { id: 'no-paper', text: 'out of paper', severity: 'medium', bits: ['noPaper', 'inputTrayEmpty'], alertCodes: [806, 808] },
  { id: 'supply-missing', text: 'supply missing', severity: 'high', bits: ['markerSupplyMissing'], alertCodes: [9] },
  { id: 'tray-missing', text: 'tray missing', severity: 'medium', bits: ['inputTrayMissing', 'outputTrayMissing'], alertCodes: [801, 901, 1301] },
  { id: 'output-full', text: 'output bin full', severity: 'medium', bits: ['outputFull'], alertCodes: [904, 15] },
  { id: 'maintenance', text: 'preventive maintenance overdue', severity: 'medium', bits: ['overduePreventMaint'], alertCodes: [10] },
  { id: 'fuser-temperature', text: 'fuser temperature fault', severity: 'high', bits: [], alertCodes: [1001, 1002] },
  { id: 'low-paper', text: 'paper low', severity: 'low', bits: ['lowPaper'], alertCodes: [805] },
];

const printerErrors: Matcher = ({ device }) => {
  const pr = device.printer;
  if (!pr) return [];
  const out: Match[] = [];
  for (const c of PRINTER_CONDITIONS) {
    const bits = pr.errorStates.filter((b) => c.bits.includes(b));
    const alerts = pr.alerts.filter((a) => a.code !== null && c.alertCodes.includes(a.code));
    if (bits.length === 0 && alerts.length === 0) continue;
    const detail = alerts.map((a) => a.description).filter(Boolean)[0];
    out.push({ rule: 'printer-error', severity: c.severity, subject: c.id, values: { state: c.text, detail: detail ? ` (${detail})` : '' },
      evidence: [
        ...bits.map((b) => ({ oid: pr.oids.find((o) => o.startsWith('1.3.6.1.2.1.25.3.5.1.2')), name: 'hrPrinterDetectedErrorState', value: b })),
        ...alerts.map((a) => ({ oid: a.oids[2], name: `prtAlert ${a.codeName ?? a.code}`, value: a.description || a.severity })),
      ] });
  }
  return out;
};

// ---------------------------------------------------------------- UPS
const upsRules: Matcher = ({ device, t, judge, now }) => {
  const u = device.ups;
  if (!u) return [];
  const out: Match[] = [];
  const ev = (field: string, name: string, value: FindingEvidence['value'], threshold?: string | number): FindingEvidence => ({ oid: u.oids[field], name, value, ...(threshold !== undefined ? { threshold } : {}) });
  if (u.replaceIndicator) {
    out.push({ rule: 'ups-battery-replace', values: {}, evidence: [ev('replaceIndicator', 'battery replace indicator', 'batteryNeedsReplacing')],
      predictedDate: isoDate(now), forecast: { method: 'device-reported', inputs: [{ name: 'replace indicator', value: 'batteryNeedsReplacing', at: now.toISOString() }] } });
  }
  const { maxAgeYears } = t('ups-battery-age');
  if (u.lastReplacedDate) {
    const due = addYears(u.lastReplacedDate, maxAgeYears);
    const ageYears = (now.getTime() - Date.parse(`${u.lastReplacedDate}T00:00:00Z`)) / (365.25 * DAY * 1000);
    const forecast: Forecast = { method: 'device-reported', inputs: [{ name: 'last battery replacement', value: u.lastReplacedDate }, { name: 'expected battery life (years)', value: maxAgeYears }] };
    if (ageYears >= maxAgeYears) {
      out.push({ rule: 'ups-battery-age', values: { ageText: `${ageYears.toFixed(1)} years`, lastReplacedDate: u.lastReplacedDate, maxAgeYears },
        evidence: [ev('lastReplacedDate', 'last battery replacement', u.lastReplacedDate, `${maxAgeYears} years`)], predictedDate: isoDate(due), forecast });
    } else if (ageYears >= maxAgeYears - 0.25) {
      out.push({ rule: 'ups-battery-age', severity: 'low', values: { ageText: `${ageYears.toFixed(1)} years`, lastReplacedDate: u.lastReplacedDate, maxAgeYears },
        evidence: [ev('lastReplacedDate', 'last battery replacement', u.lastReplacedDate, `${maxAgeYears} years`)], predictedDate: isoDate(due), forecast });
    }
  }
  const runtime = u.runtimeMinutes !== null && !u.onBattery ? judge('ups-runtime-low', u.runtimeMinutes) : null;
  if (runtime && u.runtimeMinutes !== null) {
    out.push({ rule: 'ups-runtime-low', severity: runtime.severity, values: { runtime: Math.round(u.runtimeMinutes), threshold: runtime.limit },
      evidence: [ev('runtimeMinutes', 'estimated runtime', `${u.runtimeMinutes} min`, `${runtime.limit} min`)] });
  }
  const charge = u.chargePercent !== null ? judge('ups-charge-low', u.chargePercent) : null;
  if (charge && u.chargePercent !== null) {
    out.push({ rule: 'ups-charge-low', severity: charge.severity, values: { charge: Math.round(u.chargePercent), onBatteryText: u.onBattery ? ' while running on battery' : '' },
      evidence: [ev('chargePercent', 'battery charge', `${u.chargePercent}%`, `${charge.limit}%`)] });
  }
  if (u.onBattery) out.push({ rule: 'ups-on-battery', values: {}, evidence: [ev('outputStatus', 'output status', u.outputStatus)] });
  if (u.outputStatus === 'bypass') out.push({ rule: 'ups-bypass', values: { state: u.outputStatus }, evidence: [ev('outputStatus', 'output status', u.outputStatus)] });
  const batterySeverity: Record<string, Severity> = { low: 'high', depleted: 'critical', fault: 'critical', 'not-present': 'high' };
  if (u.batteryStatus && batterySeverity[u.batteryStatus]) {
    out.push({ rule: 'ups-battery-status', severity: batterySeverity[u.batteryStatus], values: { state: u.batteryStatus }, evidence: [ev('batteryStatus', 'battery status', u.batteryStatus)] });
  }
  const load = u.loadPercent !== null ? judge('ups-overload', u.loadPercent) : null;
  if (load && u.loadPercent !== null) {
    out.push({ rule: 'ups-overload', severity: load.severity, values: { load: Math.round(u.loadPercent), threshold: load.limit },
      evidence: [ev('loadPercent', 'output load', `${u.loadPercent}%`, `${load.limit}%`)] });
  }
  if (u.selfTestResult === 'failed') out.push({ rule: 'ups-selftest-failed', values: { state: u.selfTestResult }, evidence: [ev('selfTestResult', 'self-test result', u.selfTestResult)] });
  return out;
};

// ---------------------------------------------------------------- interfaces
const ETHERNET_TYPES = new Set([6, 62, 69, 117]);
const isLiveEthernet = (i: Interface) => i.operStatus === 'up' && i.adminStatus !== 'down' && (i.type === null || ETHERNET_TYPES.has(i.type));

const ifErrors: Matcher = ({ device, t }) => {
  const { errorsPerSecond, crcPerSecond } = t('if-errors');
  return (device.interfaces ?? []).filter((i) => i.rates && i.operStatus === 'up').flatMap((i) => {
    const r = i.rates!;
    const errors = (r.inErrors ?? 0) + (r.outErrors ?? 0);
    const crc = r.fcsErrors ?? 0;
    if (errors < errorsPerSecond && crc < crcPerSecond) return [];
    const useCrc = crc >= crcPerSecond && crc / crcPerSecond >= errors / errorsPerSecond;
    const rate = useCrc ? crc : errors;
    return [{ rule: 'if-errors', subject: i.name, values: { rate: Number(rate.toFixed(2)), counter: useCrc ? 'FCS/CRC errors' : 'in+out errors', interval: i.sampleIntervalSeconds },
      evidence: [
        { oid: i.oids.find((o) => o.startsWith('1.3.6.1.2.1.2.2.1.14.')), name: `${i.name} ifInErrors`, value: i.counters.inErrors, threshold: `${errorsPerSecond}/s` },
        { oid: i.oids.find((o) => o.startsWith('1.3.6.1.2.1.10.7.2.1.3.')), name: `${i.name} dot3StatsFCSErrors`, value: i.counters.fcsErrors, threshold: `${crcPerSecond}/s` },
        { name: `${i.name} error rate`, value: `${rate.toFixed(2)}/s` },
      ] }];
  });
};

const ifDuplex: Matcher = ({ device }) =>
  (device.interfaces ?? []).filter(isLiveEthernet).flatMap((i): Match[] => {
    const lateRising = (i.rates?.lateCollisions ?? 0) > 0;
    const crcRising = (i.rates?.fcsErrors ?? 0) > 0;
    const duplexOid = i.oids.find((o) => o.startsWith('1.3.6.1.2.1.10.7.2.1.19.'));
    const duplexEv: FindingEvidence = { oid: duplexOid, name: `${i.name} dot3StatsDuplexStatus`, value: i.duplex };
    // Mismatch signature: late collisions on any link, or CRC errors rising on a half-duplex one.
    if (lateRising || (i.duplex === 'half' && crcRising)) {
      const parts = [lateRising ? 'late collisions' : null, crcRising ? 'CRC errors' : null].filter(Boolean).join(' and ');
      return [{ rule: 'if-duplex-mismatch', subject: i.name, values: { duplex: i.duplex ?? 'unknown', evidenceText: `rising ${parts}` },
        evidence: [duplexEv, { name: `${i.name} late collisions/s`, value: i.rates?.lateCollisions ?? null }, { name: `${i.name} CRC errors/s`, value: i.rates?.fcsErrors ?? null }] }];
    }
    if (i.duplex === 'half') return [{ rule: 'if-half-duplex', subject: i.name, values: { speed: i.speedMbps }, evidence: [duplexEv] }];
    return [];
  });

/** Port names that state the port's capability (Mb/s). */
const NAME_CAPABILITY: Array<[RegExp, number]> = [
  [/^(hu|hundredgig)/i, 100_000],
  [/^(fo|fortygig)/i, 40_000],
  [/^(twe|twentyfivegig)/i, 25_000],
  [/^(te|tengig|xe-|xgigabit)/i, 10_000],
  [/^(gi|gigabit|ge-|gig)/i, 1_000],
];

const ifSpeed: Matcher = ({ device }) =>
  (device.interfaces ?? []).filter(isLiveEthernet).flatMap((i): Match[] => {
    if (!i.speedMbps) return [];
    const capability = NAME_CAPABILITY.find(([re]) => re.test(i.name))?.[1];
    // 10G+ ports with 1G optics are normal; what matters is copper that fell back below gigabit.
    if (!capability || i.speedMbps >= Math.min(capability, 1000)) return [];
    return [{ rule: 'if-speed-below-capability', subject: i.name, values: { speed: i.speedMbps, capability },
      evidence: [{ oid: i.oids.find((o) => o.startsWith('1.3.6.1.2.1.31.1.1.1.15.')), name: `${i.name} speed`, value: `${i.speedMbps} Mb/s`, threshold: `${capability} Mb/s` }] }];
  });

const INFRA_TYPES = new Set(['router', 'firewall', 'nas', 'server', 'hypervisor', 'wireless-controller']);
const INFRA_NAME = /uplink|trunk|core|wan|isp|firewall|\bfw\b|server|\bnas\b|esx|san|stack|lag|port-channel|po\d|ae\d/i;

const ifFlapping: Matcher = ({ device, t }) => {
  const { withinSeconds } = t('if-flapping');
  const uptime = device.uptimeSeconds;
  if (uptime === null || uptime < withinSeconds * 2) return [];
  return (device.interfaces ?? []).filter((i) => i.lastChangeSeconds !== null && i.lastChangeSeconds < withinSeconds && i.adminStatus !== 'down').flatMap((i) => {
    const infra = INFRA_TYPES.has(device.type) || INFRA_NAME.test(`${i.name} ${i.alias ?? ''}`) || i.type === 161 || (i.speedMbps ?? 0) >= 10_000;
    if (!infra) return [];
    return [{ rule: 'if-flapping', subject: i.name, values: { ago: fmtDuration(i.lastChangeSeconds!), uptimeText: fmtDuration(uptime) },
      evidence: [{ oid: i.oids.find((o) => o.startsWith('1.3.6.1.2.1.2.2.1.9.')), name: `${i.name} last change`, value: `${i.lastChangeSeconds} s ago`, threshold: `${withinSeconds} s` }] }];
  });
};

// ---------------------------------------------------------------- lifecycle
const uptimeRules: Matcher = ({ device, t, now }) => {
  const up = device.uptimeSeconds;
  if (up === null || up < 0) return [];
  const { maxSeconds } = t('reboot-recent');
  const { maxDays } = t('uptime-long');
  const bootDate = new Date(now.getTime() - up * 1000).toISOString();
  const forecast: Forecast = { method: 'device-reported', inputs: [{ name: 'uptime (s)', value: up }, { name: 'booted', value: bootDate }] };
  if (up < maxSeconds) return [{ rule: 'reboot-recent', values: { ago: fmtDuration(up) }, evidence: [{ oid: '1.3.6.1.2.1.1.3.0', name: 'sysUpTime', value: `${up} s`, threshold: `${maxSeconds} s` }], forecast }];
  if (up > maxDays * DAY) return [{ rule: 'uptime-long', values: { days: Math.floor(up / DAY) }, evidence: [{ oid: '1.3.6.1.2.1.1.3.0', name: 'sysUpTime', value: `${Math.floor(up / DAY)} days`, threshold: `${maxDays} days` }], forecast }];
  return [];
};

const eolSoftware: Matcher = ({ device, t, now, options }) => {
  const text = `${device.sysDescr ?? ''} ${device.firmware ?? ''}`.trim();
  if (!text) return [];
  const { warnDays } = t('eol-software');
  for (const e of options.eolTable ?? DEFAULT_EOL_TABLE) {
    let re: RegExp;
    try { re = new RegExp(e.pattern, e.flags ?? 'i'); } catch { continue; }
    if (!re.test(text)) continue;
    const daysLeft = (Date.parse(`${e.eolDate}T00:00:00Z`) - now.getTime()) / (DAY * 1000);
    if (daysLeft > warnDays) return [];
    return [{ rule: 'eol-software', severity: daysLeft <= 0 ? 'medium' : 'low', values: { product: e.product, eolDate: e.eolDate },
      evidence: [{ oid: '1.3.6.1.2.1.1.1.0', name: 'sysDescr', value: text.slice(0, 120), threshold: `end of life ${e.eolDate}` }], predictedDate: e.eolDate }];
  }
  return [];
};

// ---------------------------------------------------------------- management security
/** How bad each factory-default community is (the list itself is shared/credentials.ts's). */
const DEFAULT_COMMUNITY_SEVERITY: Record<FactoryDefaultCommunity, Severity> = { public: 'medium', private: 'high' };

/**
 * The factory default that answered: the probe's flag; in a document saved
 * before the flag existed, the label, which for a factory default is the community.
 */
function defaultCommunityOf(snmp: NonNullable<Device['reachability']['snmp']>): FactoryDefaultCommunity | null {
  if (snmp.defaultCommunity) return snmp.defaultCommunity;
  const label = snmp.credential.trim().toLowerCase();
  return isFactoryDefaultCommunity(label) ? label : null;
}

const managementSecurity: Matcher = ({ device }) => {
  const out: Match[] = [];
  const snmp = device.reachability.snmp;
  if (snmp) {
    const community = defaultCommunityOf(snmp);
    if (snmp.version !== 'v3' && community) {
      out.push({ rule: 'snmp-default-community', severity: DEFAULT_COMMUNITY_SEVERITY[community], values: { community, writeText: community === 'private' ? ', which is often also the write community' : '' },
        evidence: [{ name: 'SNMP community that answered', value: community }] });
    }
    if (snmp.version !== 'v3') out.push({ rule: 'snmp-no-v3', values: { version: snmp.version }, evidence: [{ name: 'SNMP version that answered', value: snmp.version }] });
  }
  const tcp = new Set(device.reachability.tcp ?? []);
  if (tcp.has(23)) out.push({ rule: 'mgmt-telnet', values: {}, evidence: [{ name: 'open TCP port', value: 23 }] });
  if (tcp.has(80) && !tcp.has(443)) out.push({ rule: 'mgmt-plain-http', values: {}, evidence: [{ name: 'open TCP port', value: 80 }, { name: 'TCP 443', value: 'closed' }] });
  return out;
};

// ---------------------------------------------------------------- a broken agent (from the scan's own errors)
const BROKEN_AGENT: Record<string, string> = {
  'walk-loop': 'loops when its tables are read (it returns an object it already returned)',
  'snmp-malformed': 'sends replies that are not valid SNMP',
};

const brokenAgent: Matcher = ({ device }) => {
  const error = device.errors.find((e) => BROKEN_AGENT[e.code]);
  if (!error) return [];
  return [{ rule: 'snmp-agent-broken', values: { problem: error.code, problemText: BROKEN_AGENT[error.code] }, evidence: [{ name: error.code, value: error.message.slice(0, 160) }] }];
};

// ---------------------------------------------------------------- trends (two or more scans)
const trends: Matcher = ({ device, t, now, options }) => {
  const history = options.history ?? [];
  if (history.length === 0) return [];
  const out: Match[] = [];
  const nowMs = now.getTime();
  const { horizonDays: storageHorizon, urgentDays, soonDays: storageSoonDays } = t('storage-fill-forecast');
  for (const s of (device.storage ?? []).filter((x) => x.kind === 'disk')) {
    const points = history.flatMap((h) => (h.device.storage ?? []).filter((x) => x.name === s.name).map((x) => ({ t: Date.parse(h.at), v: x.percent, at: h.at })));
    const all = [...points, { t: nowMs, v: s.percent, at: now.toISOString() }];
    const when = dateWhenReaches(all, 100, 'up');
    if (!when || s.percent >= 100) continue;
    const days = (when.getTime() - nowMs) / (DAY * 1000);
    if (days > storageHorizon) continue;
    out.push({ rule: 'storage-fill-forecast', severity: days <= urgentDays ? 'high' : days <= storageSoonDays ? 'medium' : 'low', subject: s.name,
      values: { firstPercent: Math.round(all[0]!.v), percent: Math.round(s.percent), predictedDate: isoDate(when) },
      evidence: all.map((p) => ({ name: `${s.name} used at ${p.at.slice(0, 10)}`, value: `${p.v}%` })),
      predictedDate: isoDate(when), forecast: { method: 'linear-trend', inputs: all.map((p) => ({ name: `${s.name} used %`, value: p.v, at: p.at })) } });
  }
  const { horizonDays: supplyHorizon, soonDays: supplySoonDays } = t('supply-runout-forecast');
  for (const s of device.supplies ?? []) {
    if (s.percent === null) continue;
    const points = history.flatMap((h) => (h.device.supplies ?? []).filter((x) => x.name === s.name && x.colour === s.colour && x.percent !== null).map((x) => ({ t: Date.parse(h.at), v: x.percent as number, at: h.at })));
    // A level that went up means a new cartridge: only the points since the last swap count.
    const all = [...points, { t: nowMs, v: s.percent, at: now.toISOString() }];
    let start = 0;
    for (let i = 1; i < all.length; i++) if (all[i]!.v > all[i - 1]!.v + 1) start = i;
    const run = all.slice(start);
    const when = dateWhenReaches(run, 0, 'down');
    if (!when || run.length < 2) continue;
    const days = (when.getTime() - nowMs) / (DAY * 1000);
    if (days > supplyHorizon) continue;
    const pageInputs = history.map((h) => h.device.printer?.pageCount).filter((x): x is number => typeof x === 'number');
    out.push({ rule: 'supply-runout-forecast', severity: days <= supplySoonDays ? 'medium' : 'low', subject: s.name,
      values: { firstPercent: Math.round(run[0]!.v), percent: Math.round(s.percent), predictedDate: isoDate(when) },
      evidence: run.map((p) => ({ name: `${s.name} at ${p.at.slice(0, 10)}`, value: `${p.v}%` })),
      predictedDate: isoDate(when), forecast: { method: 'linear-trend', inputs: [
        ...run.map((p) => ({ name: `${s.name} %`, value: p.v, at: p.at })),
        ...(pageInputs.length && device.printer?.pageCount != null ? [{ name: 'pages printed since first scan', value: device.printer.pageCount - pageInputs[0]! }] : []),
      ] } });
  }
  return out;
};

/** Order matters only for display ties; severity sorts first. */
export const MATCHERS: Matcher[] = [
  storageFull, memoryPressure, cpuHigh, hardwareStates, temperatureHigh, supplyLow, printerErrors, upsRules,
  ifErrors, ifDuplex, ifSpeed, ifFlapping, uptimeRules, eolSoftware, managementSecurity, brokenAgent, trends,
];

export function buildFinding(m: Match): Finding {
  const rule = RULES_BY_ID[m.rule];
  if (!rule) throw new Error(`unknown rule ${m.rule}`);
  const values = { subject: m.subject, predictedDate: m.predictedDate, ...m.values };
  const f: Finding = {
    rule: rule.id,
    severity: m.severity ?? rule.severity,
    title: fillTemplate(rule.title, values),
    explanation: fillTemplate(rule.explanation, values),
    evidence: m.evidence.map((e) => (e.oid === undefined ? { name: e.name, value: e.value, ...(e.threshold !== undefined ? { threshold: e.threshold } : {}) } : e)),
    recommendation: fillTemplate(rule.recommendation, values),
  };
  if (m.subject) f.subject = m.subject;
  if (m.predictedDate) f.predictedDate = m.predictedDate;
  if (m.forecast) f.forecast = m.forecast;
  return f;
}

const SEV_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** All findings for one device, most severe first. `thresholds` are user overrides (`<rule>.<param>`). */
export function evaluateFindings(device: Device, thresholds: Record<string, number> = {}, now: Date = new Date(), options: EvaluateOptions = {}): Finding[] {
  const ctx: Ctx = { device, t: (rule) => ruleParams(rule, thresholds), judge: (rule, value) => judge(rule, value, thresholds), now, options };
  const findings = MATCHERS.flatMap((m) => m(ctx)).map(buildFinding);
  return findings.sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity] || a.rule.localeCompare(b.rule));
}
