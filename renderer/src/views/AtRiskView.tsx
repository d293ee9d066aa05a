/**
 * At-risk hardware: every finding of the site, highest risk first, grouped by
 * device or by rule, each with the recommended action and the predicted date.
 * The screen a technician turns towards the client. The findings export as CSV.
 */
import { useId, useMemo, useState } from 'react';
import { RULES_BY_ID } from '../../../shared/health/rules';
import { byRiskDescending, scoreSiteRisk } from '../../../shared/health/risk';
import { SEVERITY_ORDER, type Severity } from '../../../shared/health/schema';
import type { Device } from '../../../shared/scan-document';
import { RiskScore, SeverityBadge } from '../components/Badges';
import { useScanCsvExport } from '../components/CsvExport';
import { DEVICE_TYPE_LABELS, SEVERITY_LABELS, deviceLabel } from '../format';
import { predictedText } from './DeviceDetailView';
import { SEVERITIES_DESCENDING, countFindings, siteFindings, type SiteFinding } from '../store/selectors';
import { useApp } from '../store/context';
import { EmptyScan } from './EmptyScan';
import { ViewHeader } from './ViewHeader';

/** One line of the list: a device's findings of one rule (five printer alerts share one action). */
interface Row {
  device: Device;
  finding: SiteFinding['finding'];
  titles: string[];
}

interface Group {
  key: string;
  title: string;
  subtitle: string;
  device: Device | null;
  items: Row[];
}

export function AtRiskView() {
  const devices = useApp((s) => s.scan?.devices);
  const grouping = useApp((s) => s.atRiskGrouping);
  const setGrouping = useApp((s) => s.setAtRiskGrouping);
  const openDevice = useApp((s) => s.openDevice);
  const [minSeverity, setMinSeverity] = useState<Severity>('medium');
  const ids = { min: useId(), group: useId() };
  const csv = useScanCsvExport('findings');

  const all = useMemo(() => siteFindings(devices ?? [], 'low'), [devices]);
  // \`all\` is already sorted: filtering keeps its order, so a severity change does not sort the site again.
  const shown = useMemo(() => all.filter((f) => SEVERITY_ORDER[f.finding.severity] >= SEVERITY_ORDER[minSeverity]), [all, minSeverity]);
  const counts = useMemo(() => countFindings(devices ?? []), [devices]);
  const site = useMemo(() => scoreSiteRisk(devices ?? []), [devices]);
  const groups = useMemo(() => (grouping === 'device' ? groupByDevice(shown) : groupByRule(shown)), [shown, grouping]);

  if (!devices) return <EmptyScan title="At risk" what="Every finding of the site is listed here, most urgent first." />;
  const urgentDevices = new Set(all.filter((f) => f.finding.severity === 'high' || f.finding.severity === 'critical').map((f) => f.device.id)).size;
  const withFindings = new Set(all.map((f) => f.device.id)).size;

  return (
    <div className="view">
      <ViewHeader title="At-risk hardware" subtitle={`${urgentDevices} device${urgentDevices === 1 ? '' : 's'} with high or critical findings · ${withFindings} of ${devices.length} with any finding`}>
        <div className="segmented" role="radiogroup" aria-label="Group findings by">
          {(['device', 'rule'] as const).map((g) => (
            <button key={g} type="button" role="radio" aria-checked={grouping === g} className={grouping === g ? 'is-on' : ''} onClick={() => setGrouping(g)}>
              By {g === 'device' ? 'device' : 'problem'}
            </button>
          ))}
        </div>
        <label htmlFor={ids.min} className="visually-hidden">
          Lowest severity shown
        </label>
        <select id={ids.min} className="filter" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as Severity)}>
          {SEVERITIES_DESCENDING.filter((s) => s !== 'info').map((s) => (
            <option key={s} value={s}>
              {s === 'critical' ? 'Critical only' : s === 'low' ? 'All findings' : `${SEVERITY_LABELS[s]} and above`}
            </option>
          ))}
        </select>
        {csv.button}
      </ViewHeader>
      {csv.notice}

      <section className="card site-summary" aria-label="Site summary">
        <div className="site-score">
          <span className="site-score-label">Site risk</span>
          <RiskScore score={site.score} />
        </div>
        <ul className="severity-tiles" aria-label="Findings by severity">
          {SEVERITIES_DESCENDING.filter((s) => s !== 'info').map((s) => (
            <li key={s} className={`tile tile-${s}`}>
              <span className="tile-count">{counts[s]}</span>
              <span className="tile-label">{SEVERITY_LABELS[s]}</span>
            </li>
          ))}
        </ul>
      </section>

      {groups.length === 0 ? (
        <div className="card empty-state">
          <p>{all.length === 0 ? 'No findings: nothing at risk was found on this site.' : 'No findings at this severity. Choose “All findings” to see the rest.'}</p>
        </div>
      ) : (
        <div className="risk-groups" data-testid="at-risk-list">
          {groups.map((g) => (
            <section key={g.key} className="card risk-group" aria-label={g.title}>
              <header className="risk-group-head">
                {g.device && <RiskScore score={g.device.risk?.score} />}
                <div className="risk-group-title">
                  {g.device ? (
                    <button type="button" className="link-button group-title" onClick={() => openDevice(g.device!.id)}>
                      {g.title}
                    </button>
                  ) : (
                    <h2 className="group-title">{g.title}</h2>
                  )}
                  <span className="help">{g.subtitle}</span>
                </div>
              </header>
              <ul className="risk-rows">
                {g.items.map(({ device, finding, titles }, i) => (
                  <li key={`${device.id}-${finding.rule}-${i}`} className="risk-row" data-rule={finding.rule} data-device-id={device.id}>
                    <SeverityBadge severity={finding.severity} />
                    <div className="risk-row-body">
                      <div className="risk-row-title">
                        {grouping === 'rule' ? (
                          <button type="button" className="link-button" onClick={() => openDevice(device.id)}>
                            {deviceLabel(device)}
                          </button>
                        ) : (
                          titles.join(' · ')
                        )}
                        {grouping === 'rule' && <span className="muted"> · {titles.join(' · ')}</span>}
                      </div>
                      <div className="risk-row-action">
                        <strong>Do:</strong> {finding.recommendation}
                      </div>
                    </div>
                    <div className="risk-row-date">{finding.predictedDate ? predictedText(finding.predictedDate) : ''}</div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

/** Merges a device's findings of one rule into one row; the first (most severe) leads. */
function toRows(items: SiteFinding[]): Row[] {
  const rows = new Map<string, Row>();
  for (const { device, finding } of items) {
    const key = `${device.id}\u0000${finding.rule}`;
    const row = rows.get(key);
    if (row) {
      row.titles.push(finding.title);
      if (finding.predictedDate && (!row.finding.predictedDate || finding.predictedDate < row.finding.predictedDate)) row.finding = { ...row.finding, predictedDate: finding.predictedDate };
    } else rows.set(key, { device, finding, titles: [finding.title] });
  }
  return [...rows.values()];
}

function groupByDevice(items: SiteFinding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of toRows(items)) {
    const d = item.device;
    let g = groups.get(d.id);
    if (!g) {
      g = { key: d.id, title: deviceLabel(d), subtitle: [DEVICE_TYPE_LABELS[d.type], d.vendor, d.model, d.ip].filter(Boolean).join(' · '), device: d, items: [] };
      groups.set(d.id, g);
    }
    g.items.push(item);
  }
  return [...groups.values()].sort((a, b) => byRiskDescending(a.device ?? {}, b.device ?? {}));
}

function groupByRule(items: SiteFinding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of toRows(items)) {
    const rule = item.finding.rule;
    let g = groups.get(rule);
    if (!g) {
      const def = RULES_BY_ID[rule];
      g = { key: rule, title: ruleLabel(rule), subtitle: def?.recommendation ?? '', device: null, items: [] };
      groups.set(rule, g);
    }
    g.items.push(item);
  }
  // Items are already most-severe first, so a group's first item ranks the group.
  for (const g of groups.values()) g.subtitle = `${g.items.length} device${g.items.length === 1 ? '' : 's'} · ${g.subtitle}`;
  return [...groups.values()];
}

/** Words of rule ids as a technician says them. */
const RULE_WORDS: Record<string, string> = { ups: 'UPS', snmp: 'SNMP', eol: 'end-of-life', cpu: 'CPU', mgmt: 'management', if: 'interface', v3: 'v3', http: 'HTTP', crc: 'CRC' };

/** "ups-battery-replace" → "UPS battery replace". */
export function ruleLabel(rule: string): string {
  const text = rule.split('-').map((w) => RULE_WORDS[w] ?? w).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
