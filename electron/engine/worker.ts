/**
 * The engine process entry. Runs in plain Node: as an Electron utilityProcess
 * (messages on `process.parentPort`) or as a child_process fork (messages on
 * `process.on('message')`). It owns the scans; the host only sends requests
 * and relays events.
 */
import { ScanRejectedError, runScan } from './scan/run-scan';
import { createNetworkProbes } from './network-probes';
import { ENGINE_VERSION } from './version';
import type { HostToWorker, WorkerToHost } from './worker-protocol';

interface ParentChannel {
  post(message: WorkerToHost): void;
  onMessage(listener: (message: HostToWorker) => void): void;
}

/** Electron's utilityProcess exposes `process.parentPort`; a Node fork has `process.send`. */
function connectToParent(): ParentChannel {
  const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as HostToWorker)),
    };
  }
  if (!process.send) throw new Error('The engine worker must be started by the Forewarn host (no IPC channel).');
  return {
    post: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as HostToWorker)),
  };
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function serveHost(parent: ParentChannel): void {
  const probes = createNetworkProbes();
  const running = new Map<string, AbortController>();

  const startScan = async (message: Extract<HostToWorker, { type: 'start' }>) => {
    const { request } = message;
    const controller = new AbortController();
    running.set(request.scanId, controller);
    let started = false;
    try {
      const document = await runScan(request, {
        probes,
        signal: controller.signal,
        generatorVersion: ENGINE_VERSION,
        emit: (event) => {
          started ||= event.type === 'scan-started';
          parent.post({ type: 'event', event });
        },
      });
      parent.post({ type: 'document', scanId: request.scanId, document });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      // Before scan-started the host is still waiting for an answer to scan:start: always give it one.
      if (error instanceof ScanRejectedError) parent.post({ type: 'start-rejected', scanId: request.scanId, error: error.envelope });
      else if (!started) parent.post({ type: 'start-rejected', scanId: request.scanId, error: { code: 'failed', message: text } });
      else parent.post({ type: 'log', level: 'error', message: `scan ${request.scanId} failed: ${text}` });
    } finally {
      running.delete(request.scanId);
    }
  };

  parent.onMessage((message) => {
    switch (message.type) {
      case 'start':
        void startScan(message);
        break;
      case 'cancel':
        running.get(message.scanId)?.abort();
        break;
      case 'detect-targets':
        parent.post({ type: 'detected-targets', requestId: message.requestId, targets: probes.detectLocalSubnets() });
        break;
      case 'shutdown':
        for (const controller of running.values()) controller.abort();
        setTimeout(() => process.exit(0), 500).unref();
        break;
    }
  });
  parent.post({ type: 'ready', pid: process.pid });
}

serveHost(connectToParent());
