/**
 * A one-line progress display on stderr fed by scan events: phase, a bar,
 * done/total, devices found and ETA. On a terminal it redraws in place; when
 * stderr is a file or pipe it prints a line per phase change instead.
 */
import type { ScanEvent, ScanPhase } from '../../shared/scan-events';
import { truncate, type CliOutput } from './output';

const BAR_WIDTH = 24;

export function createProgressBar(output: CliOutput): { onEvent(event: ScanEvent): void; close(): void } {
  let phase: ScanPhase = 'targets';
  let done = 0;
  let total = 0;
  let etaMs: number | null = null;
  let devices = 0;
  let drawn = false;

  const render = () => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const eta = etaMs === null ? '' : `  ETA ${formatDuration(etaMs)}`;
    output.redraw(fitWidth(`${phase.padEnd(9)} ${bar} ${done}/${total}  ${devices} devices${eta}`, output.columns));
    drawn = true;
  };

  return {
    onEvent(event) {
      switch (event.type) {
        case 'device-found':
          devices += 1;
          break;
        case 'progress':
          ({ phase, done, total, etaMs } = event);
          break;
        case 'phase':
          phase = event.phase;
          if (!output.interactive && event.phase !== 'done') output.err(`[${event.phase}] ${event.message ?? ''}\n`);
          break;
        default:
          return;
      }
      if (output.interactive) render();
    },
    close() {
      if (drawn) output.err('\n');
    },
  };
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** A redrawn line must fit the terminal (short of its last column): a longer one wraps, and every redraw then leaves a line behind. */
export function fitWidth(line: string, columns: number | undefined): string {
  return columns ? truncate(line, columns - 1) : line;
}
