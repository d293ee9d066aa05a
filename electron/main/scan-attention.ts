/**
 * What the desktop does for a running scan while the technician looks
 * elsewhere: the laptop is kept from sleeping (a suspended laptop drops the
 * scan), the taskbar or dock icon shows the progress, and a notification says
 * when a scan ends if the window is not in front. The Electron calls sit
 * behind `AttentionShell` (bound in main.ts), so this logic is tested in plain Node.
 */
import type { ScanEvent, ScanPhase } from '../../shared/scan-events';

export interface AttentionShell {
  /** Keeps the system awake; call the returned function to let it sleep again. */
  keepAwake(): () => void;
  /** 0–1 on the taskbar or dock icon; null removes it. */
  setProgress(fraction: number | null): void;
  notify(title: string, body: string): void;
  windowFocused(): boolean;
}

export interface ScanEventSource {
  onScanEvent(listener: (event: ScanEvent) => void): () => void;
}

/** Discovery is the first half of the bar, identification (or the full assessment) the second. */
const PHASE_SHARE: Partial<Record<ScanPhase, [number, number]>> = {
  discovery: [0, 0.5],
  identify: [0.5, 1],
  assess: [0.5, 1],
};

const STATUS_WORDS: Record<string, string> = {
  completed: 'finished',
  cancelled: 'was cancelled',
  failed: 'failed',
  interrupted: 'was interrupted',
};

interface Running {
  label: string;
  release: () => void;
}

export function followScansForAttention(engine: ScanEventSource, shell: AttentionShell): () => void {
  const running = new Map<string, Running>();
  return engine.onScanEvent((event) => {
    switch (event.type) {
      case 'scan-started': {
        if (running.has(event.scanId)) return;
        const label = [event.scan.client, event.scan.site].filter(Boolean).join(' · ') || event.scan.targets.join(', ');
        running.set(event.scanId, { label, release: shell.keepAwake() });
        shell.setProgress(0);
        return;
      }
      case 'progress': {
        const share = PHASE_SHARE[event.phase];
        if (!share || event.total <= 0 || !running.has(event.scanId)) return;
        shell.setProgress(share[0] + (share[1] - share[0]) * Math.min(1, event.done / event.total));
        return;
      }
      case 'scan-finished': {
        const scan = running.get(event.scanId);
        if (!scan) return;
        running.delete(event.scanId);
        scan.release();
        if (running.size === 0) shell.setProgress(null);
        if (!shell.windowFocused()) {
          const devices = `${event.deviceCount} device${event.deviceCount === 1 ? '' : 's'}`;
          shell.notify(`Scan ${STATUS_WORDS[event.status] ?? event.status}`, `${scan.label}: ${devices}.${event.error ? ` ${event.error}` : ''}`);
        }
        return;
      }
      default:
        return;
    }
  });
}
