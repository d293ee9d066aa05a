/**
 * The engine runs in its own process so a crash, a hang or a CPU-heavy sweep
 * never takes the UI down. `EngineProcess` is the transport-neutral handle the
 * host talks to: Electron main adapts `utilityProcess`, plain Node (the browser
 * bridge, the CLI, tests) uses the child_process implementation below.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import type { HostToWorker, WorkerToHost } from '../engine/worker-protocol';

export type EngineExitListener = (code: number | null, reason: string) => void;

export interface EngineProcess {
  postMessage(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  onExit(listener: EngineExitListener): void;
  kill(): void;
}

export type EngineProcessFactory = () => EngineProcess;

export interface NodeEngineProcessOptions {
  /** Module to run: a built .js file, or a .ts file together with `execArgv: ['--import', 'tsx']`. */
  entry: string;
  /** Node flags placed before the entry. */
  execArgv?: string[];
  /**
   * Command that wraps node, e.g. `['ip', 'netns', 'exec', 'fw-tech']` so the
   * engine's traffic stays inside the lab. The IPC fd is inherited through it.
   */
  commandPrefix?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where the engine's stdout/stderr go. */
  stdio?: 'inherit' | 'ignore';
}

/** Forks (or spawns behind a prefix) a Node process with an IPC channel. */
export function createNodeEngineProcess(options: NodeEngineProcessOptions): EngineProcess {
  const execArgv = options.execArgv ?? [];
  const out = options.stdio ?? 'inherit';
  const prefix = options.commandPrefix ?? [];
  const common = { env: options.env ?? process.env, cwd: options.cwd, serialization: 'json' as const };

  const child: ChildProcess =
    prefix.length > 0
      ? spawn(prefix[0]!, [...prefix.slice(1), process.execPath, ...execArgv, options.entry], {
          ...common,
          stdio: ['ignore', out, out, 'ipc'],
        })
      : fork(options.entry, [], { ...common, execArgv, stdio: ['ignore', out, out, 'ipc'] });

  return adaptChildProcess(child);
}

function adaptChildProcess(child: ChildProcess): EngineProcess {
  const exitListeners: EngineExitListener[] = [];
  let exited = false;
  const reportExit = (code: number | null, reason: string) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, reason);
  };
  child.on('exit', (code, signal) => reportExit(code, signal ? `killed by ${signal}` : `exited with code ${code}`));
  // A failed spawn (missing binary, bad prefix) emits 'error' and maybe no 'exit'.
  child.on('error', (error) => reportExit(null, `could not start: ${error.message}`));

  return {
    postMessage(message) {
      if (!exited && child.connected) child.send(message);
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message as WorkerToHost));
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
