/**
 * EngineProcess over Electron's utilityProcess: the engine runs as a Node
 * child that Electron manages (shows up as `forewarn-engine` in app metrics
 * and crash reports), with no Node-in-main and no Electron binary needed to
 * run the same engine elsewhere.
 */
import { utilityProcess } from 'electron';
import type { HostToWorker, WorkerToHost } from '../engine/worker-protocol';
import type { EngineExitListener, EngineProcess } from '../host/engine-process';

export const ENGINE_SERVICE_NAME = 'forewarn-engine';

export function createUtilityEngineProcess(workerPath: string): EngineProcess {
  const child = utilityProcess.fork(workerPath, [], { serviceName: ENGINE_SERVICE_NAME, stdio: 'inherit' });
  const exitListeners: EngineExitListener[] = [];
  let exited = false;
  const reportExit = (code: number | null, reason: string) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, reason);
  };
  child.on('exit', (code: number) => reportExit(code, `exited with code ${code}`));
  child.on('error', (type: string, location: string) => reportExit(null, `${type} at ${location}`));

  return {
    postMessage(message: HostToWorker) {
      if (!exited) child.postMessage(message);
    },
    onMessage(listener: (message: WorkerToHost) => void) {
      child.on('message', (message: WorkerToHost) => listener(message));
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill();
    },
  };
}
