/**
 * One device: what it is and why Forewarn thinks so, what is wrong with it
 * (findings with evidence and the recommended action), and every health
 * reading behind them. All device strings are rendered as text.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { RULES_BY_ID } from '../../../shared/health/rules';
import type { Finding, Interface, Sensor } from '../../../shared/health/schema';
import type { Device } from '../../../shared/scan-document';
import { RiskScore, SeverityBadge } from '../components/Badges';
import { Bar, RingGauge } from '../components/Gauges';
import { gaugeTone } from '../../../shared/health/gauges';
import { DEVICE_TYPE_LABELS, deviceLabel, formatBytes, formatDate, formatSpeed, formatUptime } from '../format';
import { GUESS_BELOW_WEIGHT, typeIsGuess, typeText } from '../../../shared/assessment/type-certainty';
import { useApp } from '../store/context';
import type { LiveScan } from '../store/live-scan';
import { EmptyScan } from './EmptyScan';
import { ViewHeader } from './ViewHeader';
import { DeviceActions } from '../components/DeviceActions';
import { ActionNotice, type Outcome } from '../components/ActionNotice';
import { useDeviceMenu } from '../components/DeviceMenu';

export function DeviceDetailView() {
  const scan = useApp((s) => s.scan);
  const id = useApp((s) => s.selectedDeviceId);
  const navigate = useApp((s) => s.navigate);
  const showOnMap = useApp((s) => s.showOnMap);
  const [notice, setNotice] = useState<Outcome | null>(null);
  const openMenu = useDeviceMenu();
  const device = scan && id !== null ? (scan.devices[scan.deviceIndex[id] ?? -1] ?? scan.placeholders.find((p) => p.id === id)) : undefined;

  if (!scan) return <EmptyScan title="Device" what="Open a device from the device list or the map." />;
  if (!device) {
    return (
      <div className="view">
        <ViewHeader title="Device not found" />
        <div className="card empty-state">
          <p>This device is not part of the scan on screen. Pick one from the device list.</p>
          <button type="button" className="button button-primary" onClick={() => navigate('devices')}>
            All devices
          </button>
        </div>
      </div>
    );
  }

  const subtitle = [typeText(device), device.vendor, device.model, device.ip].filter(Boolean).join(' · ');
  return (
    <div className="view view-wide device-detail">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <button type="button" className="link-button" onClick={() => navigate('devices')}>
          Devices
        </button>
        <span aria-hidden="true"> / </span>
        <span>{deviceLabel(device)}</span>
      </nav>
      <ViewHeader
        title={deviceLabel(device)}
        subtitle={subtitle}
        onContextMenu={(e) => {
          if (!openMenu) return;
          e.preventDefault();
          openMenu(e, device, { onDevicePage: true });
        }}
      >
        <DeviceActions device={device} onNotice={setNotice} />
        <button type="button" className="button" onClick={() => showOnMap(device.id)}>
          Show on map
        </button>
      </ViewHeader>
      {notice && <ActionNotice tone={notice.tone} text={notice.text} testId="device-action-status" />}

      <div className="detail-grid">
        <div className="detail-main">
          <FindingsCard device={device} />
          <HealthCards device={device} />
          <InterfacesCard interfaces={device.interfaces ?? []} />
        </div>
        <aside className="detail-side">
          <RiskCard device={device} />
          <ConnectionCard device={device} scan={scan} />
          <IdentityCard device={device} />
        </aside>
      </div>
    </div>
  );
}

function RiskCard({ device }: { device: Device }) {
  const risk = device.risk;
  return (
    <section className="card" aria-labelledby="risk-h">
      <h2 id="risk-h">Risk</h2>
      <div className="risk-big">
        <RiskScore score={risk?.score ?? null} />
        <span className="help">of 100</span>
      </div>
      {risk && risk.contributors.length > 0 ? (
        <ul className="plain-list small">
          {risk.contributors.map((c, i) => (
            <li key={`${c.rule}-${i}`} className="contributor">
              <span className="mono contributor-weight">+{c.weight}</span> {contributorTitle(device, c)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="help">{risk ? 'Nothing raises this device’s risk.' : 'Health was not assessed (quick sweep, or no SNMP access).'}</p>
      )}
    </section>
  );
}

/** A risk contributor in the words of the finding behind it. */
function contributorTitle(device: Device, c: { rule: string; subject?: string }): string {
  const finding = device.findings?.find((f) => f.rule === c.rule && (f.subject ?? undefined) === c.subject) ?? device.findings?.find((f) => f.rule === c.rule);
  return finding?.title ?? RULES_BY_ID[c.rule]?.title.replace(/\s*\{[^}]+\}\s*/g, ' ').trim() ?? c.rule;
}

/** "Expected by 12 Mar 2027", or "Overdue since …" once the date has passed. */
export function predictedText(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return `Expected by ${iso}`;
  return at < now - 86_400_000 ? `Overdue since ${formatDate(iso)}` : `Expected by ${formatDate(iso)}`;
}

function FindingsCard({ device }: { device: Device }) {
  const findings = device.findings ?? [];
  return (
    <section className="card" aria-labelledby="findings-h" data-testid="device-findings">
      <h2 id="findings-h">
        Findings <span className="count">{findings.length}</span>
      </h2>
      {findings.length === 0 ? (
        <p className="help">{device.findings ? 'No problems found on this device.' : 'Not checked: run a full assessment with SNMP credentials to read its health.'}</p>
      ) : (
        <ol className="finding-list">
          {findings.map((f, i) => (
            <FindingItem key={`${f.rule}-${f.subject ?? ''}-${i}`} finding={f} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function FindingItem({ finding, deviceLine }: { finding: Finding; deviceLine?: ReactNode }) {
  return (
    <li className={`finding finding-${finding.severity}`} data-rule={finding.rule}>
      <div className="finding-head">
        <SeverityBadge severity={finding.severity} />
        <h3 className="finding-title">{finding.title}</h3>
        {finding.predictedDate && <span className="predicted">{predictedText(finding.predictedDate)}</span>}
      </div>
      {deviceLine && <div className="finding-device">{deviceLine}</div>}
      <p className="finding-explanation">{finding.explanation}</p>
      <p className="finding-recommendation">
        <strong>Recommended:</strong> {finding.recommendation}
      </p>
      <details className="evidence">
        <summary>Evidence{finding.forecast ? ' and forecast inputs' : ''}</summary>
        <table className="kv-table">
          <thead>
            <tr>
              <th scope="col">Reading</th>
              <th scope="col">Value</th>
              <th scope="col">Threshold</th>
              <th scope="col">OID</th>
            </tr>
          </thead>
          <tbody>
            {finding.evidence.map((e, i) => (
              <tr key={i}>
                <td>{e.name}</td>
                <td>{e.value === null ? '—' : String(e.value)}</td>
                <td>{e.threshold ?? '—'}</td>
                <td className="mono small">{e.oid ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {finding.forecast && (
          <p className="help">
            Forecast ({finding.forecast.method.replace('-', ' ')}): {finding.forecast.inputs.map((i) => `${i.name} = ${i.value}${i.at ? ` (${formatDate(i.at)})` : ''}`).join('; ')}
          </p>
        )}
      </details>
    </li>
  );
}

const NO_OVERRIDES: Record<string, number> = {};

/** The technician's thresholds: the gauges turn where the findings do. */
function useThresholds(): Record<string, number> {
  return useApp((s) => s.settings?.thresholds) ?? NO_OVERRIDES;
}

function HealthCards({ device }: { device: Device }) {
  const thresholds = useThresholds();
  const storage = (device.storage ?? []).filter((s) => s.kind !== 'virtual' || s.percent >= 90);
  const hasSystem = device.cpu || device.memory || storage.length > 0;
  return (
    <>
      {device.ups && <UpsCard device={device} />}
      {((device.supplies?.length ?? 0) > 0 || device.printer) && <PrinterCard device={device} />}
      {hasSystem && (
        <section className="card" aria-labelledby="capacity-h">
          <h2 id="capacity-h">Capacity</h2>
          <div className="bars">
            {device.cpu && <Bar label={`Processor (${device.cpu.cores} core${device.cpu.cores === 1 ? '' : 's'})`} percent={device.cpu.loadPercent} tone={gaugeTone('cpu', device.cpu.loadPercent, thresholds)} />}
            {device.memory && (
              <Bar label="Memory" percent={device.memory.percent} tone={gaugeTone('memory', device.memory.percent, thresholds)} detail={`${formatBytes(device.memory.usedBytes)} of ${formatBytes(device.memory.totalBytes)}`} />
            )}
            {storage.map((s, i) => (
              <Bar key={`${s.name}-${i}`} label={s.name} percent={s.percent} tone={gaugeTone('storage', s.percent, thresholds)} detail={`${formatBytes(s.usedBytes)} used of ${formatBytes(s.sizeBytes)} · ${formatBytes(s.sizeBytes - s.usedBytes)} free`} />
            ))}
          </div>
        </section>
      )}
      {(device.sensors?.length ?? 0) > 0 && <SensorsCard sensors={device.sensors ?? []} />}
    </>
  );
}

function PrinterCard({ device }: { device: Device }) {
  const thresholds = useThresholds();
  const printer = device.printer;
  return (
    <section className="card" aria-labelledby="printer-h">
      <h2 id="printer-h">Printer</h2>
      {(device.supplies?.length ?? 0) > 0 && (
        <div className="rings">
          {(device.supplies ?? []).map((s, i) => (
            <RingGauge key={`${s.name}-${i}`} label={s.name} percent={s.percent} tone={gaugeTone('supply', s.percent, thresholds)} caption={s.someRemaining ? 'some remaining' : s.kind} colour={s.colour} />
          ))}
        </div>
      )}
      {printer && (
        <dl className="kv-grid">
          {printer.pageCount != null && <KV label="Pages printed">{printer.pageCount.toLocaleString()}</KV>}
          <KV label="State">{printer.errorStates.length > 0 ? printer.errorStates.join(', ') : 'No error reported'}</KV>
          {printer.alerts.map((a, i) => (
            <KV key={i} label={`Alert (${a.severity})`}>
              {a.description}
            </KV>
          ))}
        </dl>
      )}
    </section>
  );
}

const UPS_BATTERY: Record<string, string> = { normal: 'Normal', low: 'Low', depleted: 'Depleted', fault: 'Fault', 'not-present': 'Not present', unknown: 'Unknown' };

function UpsCard({ device }: { device: Device }) {
  const thresholds = useThresholds();
  const ups = device.ups!;
  return (
    <section className="card" aria-labelledby="ups-h">
      <h2 id="ups-h">UPS</h2>
      <div className="rings">
        <RingGauge label="Battery charge" percent={ups.chargePercent} tone={gaugeTone('upsCharge', ups.chargePercent, thresholds)} />
        <RingGauge label="Load" percent={ups.loadPercent} tone={gaugeTone('upsLoad', ups.loadPercent, thresholds)} />
      </div>
      <dl className="kv-grid">
        <KV label="Battery">{ups.batteryStatus ? UPS_BATTERY[ups.batteryStatus] : '—'}</KV>
        <KV label="Runtime">{ups.runtimeMinutes != null ? `${ups.runtimeMinutes} min` : '—'}</KV>
        <KV label="Output">{ups.onBattery ? 'On battery' : (ups.outputStatus ?? '—')}</KV>
        <KV label="Battery temperature">{ups.batteryTemperatureC != null ? `${ups.batteryTemperatureC} °C` : '—'}</KV>
        <KV label="Replace battery">{ups.replaceIndicator == null ? '—' : ups.replaceIndicator ? 'Yes, the UPS asks for it' : 'No'}</KV>
        <KV label="Battery replaced">{formatDate(ups.lastReplacedDate) || '—'}</KV>
        <KV label="Self-test">{ups.selfTestResult ?? '—'}{ups.lastSelfTestDate ? ` (${formatDate(ups.lastSelfTestDate)})` : ''}</KV>
      </dl>
    </section>
  );
}

function SensorsCard({ sensors }: { sensors: readonly Sensor[] }) {
  return (
    <section className="card" aria-labelledby="sensors-h">
      <h2 id="sensors-h">
        Sensors <span className="count">{sensors.length}</span>
      </h2>
      <div className="scroll-box">
        <table className="kv-table">
          <thead>
            <tr>
              <th scope="col">Sensor</th>
              <th scope="col">Reading</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sensors.map((s, i) => (
              <tr key={`${s.name}-${i}`}>
                <td>{s.name}</td>
                <td>{s.kind === 'state' ? (s.stateText ?? String(s.value)) : s.value == null ? '—' : `${s.value} ${s.unit}`}</td>
                <td>
                  <span className={`status-text status-${s.status}`}>{s.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const ERROR_COUNTERS = ['inErrors', 'outErrors', 'fcsErrors'] as const;

function errorsOf(i: Interface): number {
  const source = i.rates ?? i.counters;
  return ERROR_COUNTERS.reduce((sum, k) => sum + (source[k] ?? 0), 0);
}

function InterfacesCard({ interfaces }: { interfaces: readonly Interface[] }) {
  // Problems first, then the ports that are up, in port order.
  const rows = useMemo(
    () =>
      [...interfaces].sort(
        (a, b) =>
          Number(errorsOf(b) > 0 || b.duplex === 'half') - Number(errorsOf(a) > 0 || a.duplex === 'half') ||
          Number(b.operStatus === 'up') - Number(a.operStatus === 'up') ||
          a.ifIndex - b.ifIndex,
      ),
    [interfaces],
  );
  if (interfaces.length === 0) return null;
  const withRates = interfaces.some((i) => i.rates);
  return (
    <section className="card" aria-labelledby="interfaces-h">
      <h2 id="interfaces-h">
        Interfaces <span className="count">{interfaces.length}</span>
      </h2>
      <p className="help">{withRates ? 'Errors are per second, measured between two samples during the scan.' : 'Errors are totals since the device started (one sample).'}</p>
      <div className="scroll-box">
        <table className="kv-table interfaces">
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">Status</th>
              <th scope="col">Speed</th>
              <th scope="col">Duplex</th>
              <th scope="col">Errors in</th>
              <th scope="col">Errors out</th>
              <th scope="col">CRC</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const c = i.rates ?? i.counters;
              const bad = errorsOf(i) > 0 || i.duplex === 'half';
              return (
                <tr key={i.ifIndex} className={bad ? 'row-bad' : undefined}>
                  <td>
                    {i.name}
                    {i.alias && <span className="muted"> · {i.alias}</span>}
                  </td>
                  <td>{i.operStatus ?? '—'}</td>
                  <td>{formatSpeed(i.speedMbps) || '—'}</td>
                  <td className={i.duplex === 'half' ? 'text-bad' : undefined}>{i.duplex ?? '—'}</td>
                  <td className="num">{formatCount(c.inErrors, i.rates !== null)}</td>
                  <td className="num">{formatCount(c.outErrors, i.rates !== null)}</td>
                  <td className="num">{formatCount(c.fcsErrors, i.rates !== null)}</td>
                  <td>{i.lastChangeSeconds == null ? '—' : `${formatUptime(i.lastChangeSeconds)} ago`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function formatCount(value: number | null, perSecond: boolean): string {
  if (value == null) return '—';
  if (!perSecond) return value.toLocaleString();
  return value === 0 ? '0' : `${value < 10 ? value.toFixed(1) : Math.round(value)}/s`;
}

function ConnectionCard({ device, scan }: { device: Device; scan: LiveScan }) {
  const openDevice = useApp((s) => s.openDevice);
  const neighbours = useMemo(() => {
    const byId = new Map([...scan.devices, ...scan.placeholders].map((d) => [d.id, d]));
    return scan.links
      .filter((l) => l.a.device === device.id || l.b.device === device.id)
      .map((l) => {
        const mine = l.a.device === device.id ? l.a : l.b;
        const other = l.a.device === device.id ? l.b : l.a;
        return { link: l, mine, other, otherDevice: byId.get(other.device) };
      });
  }, [scan.links, scan.devices, scan.placeholders, device.id]);
  return (
    <section className="card" aria-labelledby="conn-h">
      <h2 id="conn-h">Connected to</h2>
      {neighbours.length === 0 ? (
        <p className="help">No link known: the switches did not report this device.</p>
      ) : (
        <ul className="plain-list">
          {neighbours.map(({ link, mine, other, otherDevice }, i) => (
            <li key={i}>
              {otherDevice ? (
                <button type="button" className="link-button" onClick={() => openDevice(otherDevice.id)}>
                  {deviceLabel(otherDevice)}
                </button>
              ) : (
                other.device
              )}
              <div className="help">
                {[other.port ? `their port ${other.port}` : null, mine.port ? `our port ${mine.port}` : null].filter(Boolean).join(' · ') || 'port unknown'}
              </div>
              <div className="help">
                {link.confidence} via {link.via.toUpperCase()}
                {link.speed ? ` · ${formatSpeed(link.speed)}` : ''}
                {link.duplex ? ` · ${link.duplex} duplex` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function IdentityCard({ device }: { device: Device }) {
  const snmp = device.reachability.snmp;
  const rows: Array<[string, string | null | undefined]> = [
    ['IP address', device.ip],
    ['MAC address', device.mac],
    ['Hostname', device.hostname],
    ['Vendor', device.vendor],
    ['Model', device.model],
    ['Firmware', device.firmware],
    ['Serial', device.serial],
    ['Uptime', formatUptime(device.uptimeSeconds)],
    ['SNMP', snmp ? `${snmp.version} (${snmp.credential})` : 'no answer'],
    ['Open ports', device.reachability.tcp?.join(', ')],
    ['Location', device.sysLocation],
    ['Contact', device.sysContact],
    ['Description', device.sysDescr],
  ];
  const typeEvidence = device.identification.evidence.filter((e) => e.field === 'type').sort((a, b) => b.weight - a.weight);
  return (
    <section className="card" aria-labelledby="identity-h">
      <h2 id="identity-h">Identity</h2>
      <dl className="kv-list">
        {rows
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <KV key={label} label={label}>
              {value}
            </KV>
          ))}
      </dl>
      <h3 className="subhead">Why “{DEVICE_TYPE_LABELS[device.type]}”</h3>
      {typeIsGuess(device) && (
        <p className="help" data-testid="type-guess">
          A guess: only weak evidence points to this type (each below weight {GUESS_BELOW_WEIGHT}). Check the device before relying on it.
        </p>
      )}
      {typeEvidence.length === 0 ? (
        <p className="help">No evidence for a type: nothing this device answered matches a known class.</p>
      ) : (
        <ul className="plain-list small" data-testid="type-evidence">
          {typeEvidence.map((e, i) => (
            <li key={i}>
              <span className="mono">{e.rule}</span>: {e.source}
              {e.observed && (
                <>
                  {' = '}
                  <span className="mono">{e.observed}</span>
                </>
              )}{' '}
              <span className="muted">
                → {e.value} (weight {e.weight})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function KV({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
