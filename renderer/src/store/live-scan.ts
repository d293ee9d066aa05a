/**
 * Pure state of the scan on screen and how a batch of engine events changes it.
 * No React, no timers: the store calls `applyScanEvents` once per batch, so a
 * burst of thousands of events costs one state change and one render.
 */
import type { Device, ScanDocument, ScanInfo, ScanStatus } from '../../../shared/scan-document';
import type { ScanEvent, ScanPhase } from '../../../shared/scan-events';
import type { Link, Point } from '../../../shared/topology/schema';

export interface ScanProgress {
  phase: ScanPhase;
  done: number;
  total: number;
  etaMs: number | null;
}

export interface LiveScan {
  scanId: string;
  info: ScanInfo | null;
  totalAddresses: number | null;
  phase: ScanPhase;
  phaseMessage: string | null;
  progress: ScanProgress | null;
  status: ScanStatus;
  /** In discovery order; `deviceIndex` maps a device id to its position. */
  devices: Device[];
  deviceIndex: Record<string, number>;
  deviceErrorCount: number;
  finishedAt: string | null;
  error: string | null;
  /** The latest topology: links, and the unmanaged-switch placeholders they reference. */
  links: Link[];
  placeholders: Device[];
  /** Map positions the technician pinned, by device id (saved with the scan by the library). */
  pinned: Record<string, Point>;
}

export function emptyLiveScan(scanId: string): LiveScan {
  return {
    scanId,
    info: null,
    totalAddresses: null,
    phase: 'targets',
    phaseMessage: null,
    progress: null,
    status: 'running',
    devices: [],
    deviceIndex: {},
    deviceErrorCount: 0,
    finishedAt: null,
    error: null,
    links: [],
    placeholders: [],
    pinned: {},
  };
}

/** A finished scan document (from the library, or a file) as the scan on screen. */
export function liveScanFromDocument(document: ScanDocument): LiveScan {
  const real = document.devices.filter((d) => d.type !== 'unmanaged-switch');
  return {
    ...emptyLiveScan(document.scan.id),
    info: document.scan,
    phase: 'done',
    status: document.scan.status,
    devices: real,
    deviceIndex: Object.fromEntries(real.map((d, i) => [d.id, i])),
    finishedAt: document.scan.finishedAt,
    links: document.links ?? [],
    placeholders: document.devices.filter((d) => d.type === 'unmanaged-switch'),
    pinned: document.layout?.pinned ?? {},
  };
}

/**
 * Applies a batch in order. Copies the device list at most once per batch
 * (not once per event), which is what keeps 5,000-device bursts cheap.
 */
export function applyScanEvents(current: LiveScan | null, events: readonly ScanEvent[]): LiveScan | null {
  let scan = current;
  let devicesCopied = false;

  const writableScan = (scanId: string): LiveScan => {
    if (!scan || scan.scanId !== scanId) {
      scan = emptyLiveScan(scanId);
      devicesCopied = true;
    } else if (!devicesCopied) {
      scan = { ...scan, devices: [...scan.devices], deviceIndex: { ...scan.deviceIndex } };
      devicesCopied = true;
    }
    return scan;
  };

  for (const event of events) {
    // Events of an older scan are stale once another one is on screen.
    if (scan && event.scanId !== scan.scanId && event.type !== 'scan-started') continue;
    const target = writableScan(event.scanId);
    switch (event.type) {
      case 'scan-started':
        target.info = event.scan;
        target.totalAddresses = event.totalAddresses;
        target.status = event.scan.status;
        break;
      case 'phase':
        target.phase = event.phase;
        target.phaseMessage = event.message ?? null;
        break;
      case 'progress':
        target.phase = event.phase;
        target.progress = { phase: event.phase, done: event.done, total: event.total, etaMs: event.etaMs };
        break;
      case 'device-found':
      case 'device-updated':
        upsertDevice(target, event.device);
        break;
      case 'topology-updated':
        target.links = event.links;
        target.placeholders = event.placeholders;
        break;
      case 'device-error':
        target.deviceErrorCount += 1;
        break;
      case 'scan-finished':
        target.status = event.status;
        target.finishedAt = event.finishedAt;
        target.error = event.error ?? null;
        target.phase = 'done';
        break;
    }
  }
  return scan;
}

function upsertDevice(scan: LiveScan, device: Device): void {
  const at = scan.deviceIndex[device.id];
  if (at === undefined) {
    scan.deviceIndex[device.id] = scan.devices.length;
    scan.devices.push(device);
  } else {
    scan.devices[at] = device;
  }
}

/** Marks a running scan as interrupted, e.g. when the engine under it crashed. */
export function interruptScan(scan: LiveScan | null, reason: string): LiveScan | null {
  if (!scan || scan.status !== 'running') return scan;
  return { ...scan, status: 'interrupted', error: reason, phase: 'done' };
}
