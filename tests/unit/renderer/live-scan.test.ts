import { describe, expect, it } from 'vitest';
import { applyScanEvents, emptyLiveScan } from '../../../renderer/src/store/live-scan';
import { device } from './fake-api';

describe('applyScanEvents', () => {
  it('ignores stale events of another scan once a scan is on screen', () => {
    const scan = applyScanEvents(emptyLiveScan('new'), [
      { type: 'device-found', scanId: 'old', device: device({ id: 'x' }) },
      { type: 'scan-finished', scanId: 'old', status: 'completed', finishedAt: '2026-01-01T00:00:00Z', deviceCount: 1 },
    ]);
    expect(scan?.devices).toHaveLength(0);
    expect(scan?.status).toBe('running');
  });

  it('records the outcome of a finished scan', () => {
    const scan = applyScanEvents(emptyLiveScan('s'), [
      { type: 'device-error', scanId: 's', deviceId: 'd', ip: '10.0.0.1', error: { code: 'snmp-timeout', message: 'timeout' } },
      { type: 'scan-finished', scanId: 's', status: 'cancelled', finishedAt: '2026-01-01T00:00:05Z', deviceCount: 0, error: 'cancelled by the user' },
    ]);
    expect(scan).toMatchObject({ status: 'cancelled', phase: 'done', deviceErrorCount: 1, error: 'cancelled by the user' });
  });

  it('a new scan-started replaces the previous scan', () => {
    const first = applyScanEvents(null, [{ type: 'device-found', scanId: 'a', device: device({ id: 'x' }) }]);
    const second = applyScanEvents(first, [
      {
        type: 'scan-started',
        scanId: 'b',
        totalAddresses: 1,
        scan: { id: 'b', startedAt: '2026-01-01T00:00:00Z', finishedAt: null, targets: ['127.0.0.1/32'], status: 'running', preset: 'quick' },
      },
    ]);
    expect(second?.scanId).toBe('b');
    expect(second?.devices).toHaveLength(0);
    expect(first?.devices).toHaveLength(1);
  });
});
