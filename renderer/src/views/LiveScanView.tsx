/** The scan as it happens: progress, counts by type, devices streaming in, Cancel. */
import { useMemo } from 'react';
import { DEVICE_TYPES } from '../../../shared/device-types';
import type { Device } from '../../../shared/scan-document';
import { DeviceTable } from '../components/DeviceTable';
import { SinceLastVisit } from '../components/SinceLastVisit';
import { SEVERITIES_DESCENDING, countFindings } from '../store/selectors';
import { ScanProgress } from '../components/ScanProgress';
import { DEVICE_TYPE_LABELS, SEVERITY_LABELS, STATUS_LABELS, formatDuration } from '../format';
import type { LiveScan } from '../store/live-scan';
import { useApp } from '../store/context';
import { ViewHeader } from './ViewHeader';

export function LiveScanView() {
  const scan = useApp((s) => s.scan);
  const navigate = useApp((s) => s.navigate);
  const cancelScan = useApp((s) => s.cancelScan);
  const openDevice = useApp((s) => s.openDevice);
  const rescan = useApp((s) => s.rescan);

  if (!scan) {
    return (
      <div className="view">
        <ViewHeader title="Live scan" />
        <div className="card empty-state">
          <p>No scan yet. Start one and its devices appear here as they are found.</p>
          <button type="button" className="button button-primary" onClick={() => navigate('new-scan')}>
            New scan
          </button>
        </div>
      </div>
    );
  }

  const running = scan.status === 'running';
  return (
    <div className="view">
      <ViewHeader title="Live scan" subtitle={<ScanSubtitle scan={scan} />}>
        <span className={`status-pill status-${scan.status}`} data-testid="scan-status">
          {STATUS_LABELS[scan.status]}
        </span>
        {running && (
          <button type="button" className="button button-danger" onClick={() => void cancelScan()}>
            Cancel scan
          </button>
        )}
      </ViewHeader>

      <ScanProgress scan={scan} />
      {!running && <ScanOutcome scan={scan} />}
      {scan.status === 'completed' && rescan?.scanId === scan.scanId && (
        <SinceLastVisit scanId={scan.scanId} scanName={scan.info?.site ? `${scan.info.site}, this visit` : 'This visit'} previous={rescan.previous} />
      )}
      <FindingCounts devices={scan.devices} />

      <section className="card" aria-labelledby="devices-heading">
        <div className="card-head">
          <h2 id="devices-heading">
            Devices <span className="count" data-testid="device-count">{scan.devices.length}</span>
          </h2>
          <TypeCounts devices={scan.devices} />
        </div>
        {scan.devices.length === 0 ? (
          <p className="empty-inline">{running ? 'Devices appear here as they are found.' : 'No devices were found.'}</p>
        ) : (
          <DeviceTable devices={scan.devices} caption="Devices found by this scan" onOpen={(d) => openDevice(d.id)} />
        )}
      </section>
    </div>
  );
}

function ScanSubtitle({ scan }: { scan: LiveScan }) {
  const who = [scan.info?.client, scan.info?.site].filter(Boolean).join(' · ');
  const targets = scan.info?.targets.join(', ');
  return (
    <>
      {who && <span className="subtitle-strong">{who}</span>}
      {who && targets && ' · '}
      {targets && <span className="mono">{targets}</span>}
    </>
  );
}

function ScanOutcome({ scan }: { scan: LiveScan }) {
  const elapsed =
    scan.info && scan.finishedAt ? formatDuration(Date.parse(scan.finishedAt) - Date.parse(scan.info.startedAt)) : null;
  const found = `${scan.devices.length.toLocaleString()} device${scan.devices.length === 1 ? '' : 's'}`;
  const text: Record<LiveScan['status'], string> = {
    running: '',
    completed: `Scan completed: ${found} found${elapsed ? ` in ${elapsed}` : ''}.`,
    cancelled: `Scan cancelled. The ${found} found so far are kept.`,
    failed: 'The scan failed.',
    interrupted: 'The scan was interrupted.',
  };
  const tone = scan.status === 'completed' ? 'notice-success' : scan.status === 'cancelled' ? 'notice-info' : 'notice-error';
  return (
    <div className={`notice ${tone}`} role="status" data-testid="scan-outcome">
      <strong>{text[scan.status]}</strong>
      {scan.error && <span> {scan.error}</span>}
      {scan.deviceErrorCount > 0 && <span> {scan.deviceErrorCount} device error(s) were recorded.</span>}
    </div>
  );
}

/** Findings ticking up by severity as health readings arrive; a click shows them all. */
function FindingCounts({ devices }: { devices: readonly Device[] }) {
  const navigate = useApp((s) => s.navigate);
  const counts = useMemo(() => countFindings(devices), [devices]);
  return (
    <section className="finding-counts" aria-label="Findings by severity">
      {SEVERITIES_DESCENDING.filter((s) => s !== 'info').map((s) => (
        <button key={s} type="button" className={`tile tile-${s}`} onClick={() => navigate('at-risk')} data-testid={`findings-${s}`}>
          <span className="tile-count">{counts[s]}</span>
          <span className="tile-label">{SEVERITY_LABELS[s]} findings</span>
        </button>
      ))}
    </section>
  );
}

function TypeCounts({ devices }: { devices: readonly Device[] }) {
  const counts = useMemo(() => {
    const byType = new Map<Device['type'], number>();
    for (const d of devices) byType.set(d.type, (byType.get(d.type) ?? 0) + 1);
    // Infrastructure first, in the contract's display order, so chips don't reshuffle as counts change.
    return DEVICE_TYPES.filter((type) => byType.has(type)).map((type) => [type, byType.get(type) ?? 0] as const);
  }, [devices]);
  if (counts.length === 0) return null;
  return (
    <ul className="type-counts" aria-label="Devices by type">
      {counts.map(([type, count]) => (
        <li key={type} className="chip">
          {DEVICE_TYPE_LABELS[type]} <span className="chip-count">{count}</span>
        </li>
      ))}
    </ul>
  );
}
