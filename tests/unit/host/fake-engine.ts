/** A scriptable EngineProcess: tests play the worker's part. */
import type { HostToWorker, WorkerToHost } from '../../../electron/engine/worker-protocol';
import type { EngineExitListener, EngineProcess } from '../../../electron/host/engine-process';

export class FakeEngineProcess implements EngineProcess {
  readonly received: HostToWorker[] = [];
  killed = false;
  /** Like the real worker: exit cleanly when asked to shut down. */
  exitOnShutdown = true;
  #messageListeners: Array<(m: WorkerToHost) => void> = [];
  #exitListeners: EngineExitListener[] = [];
  #exited = false;

  postMessage(message: HostToWorker): void {
    this.received.push(structuredClone(message));
    if (message.type === 'shutdown' && this.exitOnShutdown) queueMicrotask(() => this.exit(0, 'exited with code 0'));
  }
  onMessage(listener: (m: WorkerToHost) => void): void {
    this.#messageListeners.push(listener);
  }
  onExit(listener: EngineExitListener): void {
    this.#exitListeners.push(listener);
  }
  kill(): void {
    this.killed = true;
    this.exit(null, 'killed by SIGKILL');
  }
  /** Worker → host. */
  send(message: WorkerToHost): void {
    for (const listener of this.#messageListeners) listener(message);
  }
  exit(code: number | null, reason: string): void {
    if (this.#exited) return;
    this.#exited = true;
    for (const listener of this.#exitListeners) listener(code, reason);
  }
}

/** A factory that records every process it made; `autoReady` answers `ready` at once. */
export function fakeEngineFactory(autoReady = true) {
  const processes: FakeEngineProcess[] = [];
  const create = () => {
    const process = new FakeEngineProcess();
    processes.push(process);
    if (autoReady) queueMicrotask(() => process.send({ type: 'ready', pid: 1000 + processes.length }));
    return process;
  };
  return { processes, create };
}
