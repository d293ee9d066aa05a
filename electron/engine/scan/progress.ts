/**
 * Progress of one scan phase with an ETA, throttled so a /16 sweep doesn't
 * flood the UI with one event per address.
 */
import type { ScanPhase } from '../../../shared/scan-events';

export interface ProgressSnapshot {
  phase: ScanPhase;
  done: number;
  total: number;
  etaMs: number | null;
}

export class PhaseProgress {
  private done = 0;
  private lastEmitAt = 0;
  private readonly startedAt: number;

  constructor(
    readonly phase: ScanPhase,
    private total: number,
    private readonly publish: (snapshot: ProgressSnapshot) => void,
    private readonly minIntervalMs = 100,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.startedAt = clock();
    this.emit(true);
  }

  grow(by: number): void {
    this.total += by;
  }

  advance(by = 1): void {
    this.done += by;
    this.emit(this.done >= this.total);
  }

  finish(): void {
    this.done = this.total;
    this.emit(true);
  }

  snapshot(): ProgressSnapshot {
    return { phase: this.phase, done: this.done, total: this.total, etaMs: this.eta() };
  }

  private eta(): number | null {
    if (this.done === 0 || this.total === 0) return null;
    const elapsed = this.clock() - this.startedAt;
    return Math.max(0, Math.round((elapsed / this.done) * (this.total - this.done)));
  }

  private emit(force: boolean): void {
    const now = this.clock();
    if (!force && now - this.lastEmitAt < this.minIntervalMs) return;
    this.lastEmitAt = now;
    this.publish(this.snapshot());
  }
}
