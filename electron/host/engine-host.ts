/**
 * Owns the engine process: spawns it lazily once and reuses it, relays scan
 * events to subscribers, and survives engine crashes. When the engine dies,
 * every running scan is reported as failed (the UI must never wait forever on
 * a scan that cannot finish), the engine is restarted with bounded
 * exponential backoff, and each state change is pushed as an EngineStatus.
 */
import { randomUUID } from 'node:crypto';
import { redactSecrets, secretsOf } from '../../shared/credentials';
import type { EngineStatus, Unsubscribe } from '../../shared/ipc-contract';
import { ForewarnError, type IpcErrorEnvelope } from '../../shared/ipc-errors';
import type { EngineScanRequest } from '../../shared/scan-request';
import type { ScanDocument } from '../../shared/scan-document';
import type { ScanEvent, ScanEventOf } from '../../shared/scan-events';
import type { WorkerToHost } from '../engine/worker-protocol';
import type { EngineProcess, EngineProcessFactory } from './engine-process';

export type HostLogger = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface RestartPolicy {
  /** Automatic restarts allowed in a row before the host gives up (a user action retries). */
  maxConsecutive: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** An engine that stays up this long is healthy again: the crash streak resets. */
  stableAfterMs: number;
}

export interface EngineHostOptions {
  createProcess: EngineProcessFactory;
  restart?: Partial<RestartPolicy>;
  /** How long a fresh engine may take to say `ready`. */
  readyTimeoutMs?: number;
  /** How long `startScan` waits for the engine to accept or reject a scan. */
  startAckTimeoutMs?: number;
  detectTimeoutMs?: number;
  /** Grace period for a clean shutdown before the process is killed. */
  shutdownGraceMs?: number;
  log?: HostLogger;
}

const DEFAULT_RESTART: RestartPolicy = { maxConsecutive: 5, baseDelayMs: 500, maxDelayMs: 15_000, stableAfterMs: 30_000 };

interface RunningScan {
  secrets: string[];
  deviceIds: Set<string>;
  acknowledged: boolean;
  ack?: { resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
}

interface PendingDetect {
  resolve: (targets: string[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class EngineHost {
  readonly #options: Required<Omit<EngineHostOptions, 'restart' | 'log'>> & { log: HostLogger };
  readonly #restart: RestartPolicy;
  #status: EngineStatus = { state: 'stopped', restarts: 0 };
  #process: EngineProcess | null = null;
  #ready: Promise<EngineProcess> | null = null;
  #consecutiveCrashes = 0;
  #restartTimer: NodeJS.Timeout | null = null;
  #stableTimer: NodeJS.Timeout | null = null;
  #stopping = false;
  readonly #scans = new Map<string, RunningScan>();
  readonly #detects = new Map<string, PendingDetect>();
  readonly #eventListeners = new Set<(event: ScanEvent) => void>();
  readonly #statusListeners = new Set<(status: EngineStatus) => void>();
  readonly #documentListeners = new Set<(scanId: string, document: ScanDocument) => void>();

  constructor(options: EngineHostOptions) {
    this.#options = {
      createProcess: options.createProcess,
      readyTimeoutMs: options.readyTimeoutMs ?? 20_000,
      startAckTimeoutMs: options.startAckTimeoutMs ?? 10_000,
      detectTimeoutMs: options.detectTimeoutMs ?? 15_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 2_000,
      log: options.log ?? (() => {}),
    };
    this.#restart = { ...DEFAULT_RESTART, ...options.restart };
  }

  status(): EngineStatus {
    return { ...this.#status };
  }

  onStatus(listener: (status: EngineStatus) => void): Unsubscribe {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  onScanEvent(listener: (event: ScanEvent) => void): Unsubscribe {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** The complete scan document, sent by the engine once per scan after `scan-finished`. */
  onScanDocument(listener: (scanId: string, document: ScanDocument) => void): Unsubscribe {
    this.#documentListeners.add(listener);
    return () => this.#documentListeners.delete(listener);
  }

  /** Starts the engine ahead of the first request (optional: every request starts it lazily). */
  async start(): Promise<void> {
    await this.#ensureEngine();
  }

  /**
   * Resolves once the engine has accepted the scan (its first event arrived, or
   * the engine stayed silent for the ack timeout), rejects if it refused it.
   */
  async startScan(request: EngineScanRequest): Promise<void> {
    const engine = await this.#ensureEngine();
    if (this.#scans.has(request.scanId)) throw new Error(`Scan ${request.scanId} is already running.`);
    const scan: RunningScan = { secrets: secretsOf(request.credentials), deviceIds: new Set(), acknowledged: false };
    const accepted = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.#acknowledge(request.scanId), this.#options.startAckTimeoutMs);
      scan.ack = { resolve, reject, timer };
    });
    this.#scans.set(request.scanId, scan);
    engine.postMessage({ type: 'start', request });
    return accepted;
  }

  async cancelScan(scanId: string): Promise<void> {
    if (!this.#scans.has(scanId) || !this.#process) return;
    this.#process.postMessage({ type: 'cancel', scanId });
  }

  async detectTargets(): Promise<string[]> {
    const engine = await this.#ensureEngine();
    const requestId = randomUUID();
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#detects.delete(requestId);
        reject(new Error('The scan engine did not answer the subnet detection in time.'));
      }, this.#options.detectTimeoutMs);
      this.#detects.set(requestId, { resolve, reject, timer });
      engine.postMessage({ type: 'detect-targets', requestId });
    });
  }

  /** Stops the engine for good (app quit): asks it to shut down, then kills it. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#clearTimers();
    const engine = this.#process;
    this.#failEverything('interrupted', 'The app was closed while this scan was running.');
    if (engine) {
      const exited = new Promise<void>((resolve) => engine.onExit(() => resolve()));
      engine.postMessage({ type: 'shutdown' });
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.#options.shutdownGraceMs).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') engine.kill();
    }
    this.#process = null;
    this.#ready = null;
    this.#setStatus({ state: 'stopped' });
  }

  #ensureEngine(): Promise<EngineProcess> {
    if (this.#stopping) return Promise.reject(new Error('The scan engine is shutting down.'));
    if (this.#restartTimer) {
      // A user action while a restart waits out its backoff: start now.
      clearTimeout(this.#restartTimer);
      this.#restartTimer = null;
    }
    if (!this.#ready) {
      // After a crash, starting again is a restart whoever triggers it.
      if (this.#status.state === 'crashed') this.#status = { ...this.#status, restarts: this.#status.restarts + 1 };
      this.#ready = this.#spawn();
    }
    return this.#ready;
  }

  #spawn(): Promise<EngineProcess> {
    this.#setStatus({ state: 'starting' });
    let engine: EngineProcess;
    try {
      engine = this.#options.createProcess();
    } catch (error) {
      this.#ready = null;
      const message = `The scan engine could not be started: ${errorMessage(error)}`;
      this.#setStatus({ state: 'crashed', lastError: message });
      return Promise.reject(new Error(message));
    }
    this.#process = engine;

    return new Promise<EngineProcess>((resolve, reject) => {
      let ready = false;
      const readyTimer = setTimeout(() => {
        this.#options.log('error', 'scan engine did not become ready in time; killing it');
        engine.kill();
      }, this.#options.readyTimeoutMs);

      engine.onMessage((message) => {
        if (this.#process !== engine) return;
        if (message.type === 'ready' && !ready) {
          ready = true;
          clearTimeout(readyTimer);
          this.#setStatus({ state: 'ready' });
          this.#stableTimer = setTimeout(() => (this.#consecutiveCrashes = 0), this.#restart.stableAfterMs);
          this.#stableTimer.unref();
          resolve(engine);
          return;
        }
        this.#handleMessage(message);
      });

      engine.onExit((_code, reason) => {
        clearTimeout(readyTimer);
        if (this.#process !== engine) return;
        const what = ready ? 'stopped unexpectedly' : 'failed to start';
        const error = new Error(`The scan engine ${what} (${reason}).`);
        if (!ready) reject(error);
        if (!this.#stopping) this.#handleCrash(error.message);
      });
    });
  }

  #handleMessage(message: WorkerToHost): void {
    switch (message.type) {
      case 'event':
        this.#handleScanEvent(message.event);
        return;
      case 'detected-targets': {
        const pending = this.#detects.get(message.requestId);
        if (!pending) return;
        clearTimeout(pending.timer);
        this.#detects.delete(message.requestId);
        pending.resolve(message.targets);
        return;
      }
      case 'start-rejected':
        this.#rejectStart(message.scanId, message.error);
        return;
      case 'log':
        this.#options.log(message.level, this.#redact(message.message));
        return;
      case 'document':
        for (const listener of [...this.#documentListeners]) listener(message.scanId, message.document);
        return;
      case 'ready':
        return;
    }
  }

  #handleScanEvent(event: ScanEvent): void {
    const scan = this.#scans.get(event.scanId);
    if (scan) {
      this.#acknowledge(event.scanId);
      if (event.type === 'device-found') scan.deviceIds.add(event.device.id);
      if (event.type === 'scan-finished') this.#scans.delete(event.scanId);
    }
    this.#emit(event);
  }

  #acknowledge(scanId: string): void {
    const scan = this.#scans.get(scanId);
    if (!scan || scan.acknowledged) return;
    scan.acknowledged = true;
    if (scan.ack) {
      clearTimeout(scan.ack.timer);
      scan.ack.resolve();
      delete scan.ack;
    }
  }

  #rejectStart(scanId: string, reason: IpcErrorEnvelope): void {
    const scan = this.#scans.get(scanId);
    if (!scan) return;
    const message = this.#redact(reason.message);
    if (scan.ack) {
      clearTimeout(scan.ack.timer);
      this.#scans.delete(scanId);
      scan.ack.reject(new ForewarnError({ ...reason, message }));
      return;
    }
    this.#finishScan(scanId, 'failed', message);
  }

  #handleCrash(message: string): void {
    this.#process = null;
    this.#ready = null;
    this.#clearTimers();
    this.#options.log('error', message);
    this.#failEverything('failed', `${message} This scan was stopped; start it again once the engine is back.`);
    this.#consecutiveCrashes += 1;

    if (this.#consecutiveCrashes > this.#restart.maxConsecutive) {
      this.#setStatus({
        state: 'crashed',
        lastError: `${message} It crashed ${this.#consecutiveCrashes} times in a row; automatic restarts stopped. Starting a scan tries again.`,
      });
      return;
    }
    this.#setStatus({ state: 'crashed', lastError: message });
    const delay = Math.min(this.#restart.baseDelayMs * 2 ** (this.#consecutiveCrashes - 1), this.#restart.maxDelayMs);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      // Failures are handled by the exit path (another crash, another backoff).
      this.#ensureEngine().catch(() => {});
    }, delay);
  }

  /** Reports every running scan and pending request as ended, so nobody waits forever. */
  #failEverything(status: 'failed' | 'interrupted', reason: string): void {
    for (const [scanId, scan] of [...this.#scans]) {
      if (scan.ack) {
        clearTimeout(scan.ack.timer);
        this.#scans.delete(scanId);
        scan.ack.reject(new Error(reason));
      } else {
        this.#finishScan(scanId, status, reason);
      }
    }
    for (const [requestId, pending] of [...this.#detects]) {
      clearTimeout(pending.timer);
      this.#detects.delete(requestId);
      pending.reject(new Error(reason));
    }
  }

  #finishScan(scanId: string, status: 'failed' | 'interrupted', error: string): void {
    const scan = this.#scans.get(scanId);
    this.#scans.delete(scanId);
    const event: ScanEventOf<'scan-finished'> = {
      type: 'scan-finished',
      scanId,
      status,
      finishedAt: new Date().toISOString(),
      deviceCount: scan?.deviceIds.size ?? 0,
      error,
    };
    this.#emit(event);
  }

  #emit(event: ScanEvent): void {
    for (const listener of [...this.#eventListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.#options.log('warn', `scan event listener failed: ${errorMessage(error)}`);
      }
    }
  }

  #setStatus(change: Partial<EngineStatus>): void {
    const next: EngineStatus = { ...this.#status, ...change };
    if (change.state === 'ready' || change.state === 'starting') {
      // Keep lastError visible while starting so the UI can say why it restarted.
      if (change.state === 'ready') delete next.lastError;
    }
    this.#status = next;
    for (const listener of [...this.#statusListeners]) {
      try {
        listener({ ...next });
      } catch (error) {
        this.#options.log('warn', `engine status listener failed: ${errorMessage(error)}`);
      }
    }
  }

  #redact(text: string): string {
    const secrets = [...this.#scans.values()].flatMap((scan) => scan.secrets);
    return secrets.length > 0 ? redactSecrets(text, secrets) : text;
  }

  #clearTimers(): void {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    if (this.#stableTimer) clearTimeout(this.#stableTimer);
    this.#restartTimer = null;
    this.#stableTimer = null;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
