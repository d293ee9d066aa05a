/**
 * "Since last visit": what changed between two scans of a site (library:compare).
 * Every device string is rendered as text by React, never as markup.
 */
import type { ReactNode } from 'react';
import type { Comparison, FindingRef } from '../../../../shared/assessment/compare';
import { RiskScore, SeverityBadge } from '../../components/Badges';
import { attachmentLabel, comparedDeviceLabel, comparisonHeadline, elapsedLabel, formatDateTime, signed, trendLabel } from './compare-text';

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <section className="compare-section" data-testid={testId}>
      <h3 className="subhead">
        {title} <span className="chip-count">{count}</span>
      </h3>
      {count === 0 ? <p className="help">None.</p> : <ul className="plain-list compare-list">{children}</ul>}
    </section>
  );
}

function FindingItems({ findings }: { findings: FindingRef[] }) {
  return findings.map((f, i) => (
    <li key={`${f.device.id}:${f.rule}:${f.subject ?? ''}:${i}`}>
      <SeverityBadge severity={f.severity} /> {f.title}
      {f.subject ? ` (${f.subject})` : ''} <span className="muted">on {comparedDeviceLabel(f.device)}</span>
    </li>
  ));
}

export function ComparisonPanel({ comparison: c, olderName, newerName, onClose }: { comparison: Comparison; olderName: string; newerName: string; onClose: () => void }) {
  return (
    <section className="card compare-panel" aria-label="Since last visit" data-testid="comparison">
      <div className="card-head">
        <h2>Since last visit</h2>
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <p className="compare-scans">
        <strong>{olderName}</strong> ({formatDateTime(c.older.at)}, {c.older.deviceCount} devices, risk <RiskScore score={c.older.siteRisk} />) →{' '}
        <strong>{newerName}</strong> ({formatDateTime(c.newer.at)}, {c.newer.deviceCount} devices, risk <RiskScore score={c.newer.siteRisk} />) ·{' '}
        {elapsedLabel(c.days)}
      </p>
      <p className="compare-headline" data-testid="comparison-headline">
        {comparisonHeadline(c)}
      </p>
      <div className="compare-grid">
        <Section title="New devices" count={c.newDevices.length} testId="compare-new">
          {c.newDevices.map((d) => (
            <li key={d.id}>{comparedDeviceLabel(d)}</li>
          ))}
        </Section>
        <Section title="Missing devices" count={c.missingDevices.length} testId="compare-missing">
          {c.missingDevices.map((d) => (
            <li key={d.id}>{comparedDeviceLabel(d)}</li>
          ))}
        </Section>
        <Section title="Changed firmware, model or address" count={c.changes.length} testId="compare-changes">
          {c.changes.map((ch, i) => (
            <li key={`${ch.device.id}:${ch.field}:${i}`}>
              {comparedDeviceLabel(ch.device)}: {ch.field} {ch.before ?? 'unknown'} → {ch.after ?? 'unknown'}
            </li>
          ))}
        </Section>
        <Section title="Moved to another switch port" count={c.moves.length} testId="compare-moves">
          {c.moves.map((m) => (
            <li key={m.device.id}>
              {comparedDeviceLabel(m.device)}: {attachmentLabel(m.before)} → {attachmentLabel(m.after)}
            </li>
          ))}
        </Section>
        <Section title="New findings" count={c.findings.new.length} testId="compare-findings-new">
          <FindingItems findings={c.findings.new} />
        </Section>
        <Section title="Resolved findings" count={c.findings.resolved.length} testId="compare-findings-resolved">
          <FindingItems findings={c.findings.resolved} />
        </Section>
        <Section title="Persisting findings" count={c.findings.persisting.length} testId="compare-findings-persisting">
          <FindingItems findings={c.findings.persisting} />
        </Section>
        <Section title="Supply and storage trends" count={c.supplyTrends.length + c.storageTrends.length} testId="compare-trends">
          {[...c.supplyTrends, ...c.storageTrends].map((t, i) => (
            <li key={`${t.device.id}:${t.name}:${i}`}>
              {comparedDeviceLabel(t.device)}, {t.name}: {trendLabel(t)}
            </li>
          ))}
        </Section>
      </div>
      {c.siteRiskChange !== null && c.siteRiskChange !== 0 && <p className="help">Site risk moved {signed(c.siteRiskChange)} points between the two visits.</p>}
    </section>
  );
}
