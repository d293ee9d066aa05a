import { beforeEach, describe, expect, it } from 'vitest';
import { createUtilityEngineProcess, ENGINE_SERVICE_NAME } from '../../../electron/main/utility-process-main';
import { MockUtilityProcess, resetElectronMock } from '../../mocks/electron';

describe('utilityProcess engine adapter', () => {
  beforeEach(() => resetElectronMock());

  it('forks the worker as a named service and relays messages both ways', () => {
    const engine = createUtilityEngineProcess('/app/dist-electron/engine-worker.js');
    const child = MockUtilityProcess.forked[0]!;
    expect(child.modulePath).toBe('/app/dist-electron/engine-worker.js');
    expect(child.options).toMatchObject({ serviceName: ENGINE_SERVICE_NAME });
    const received: unknown[] = [];
    engine.onMessage((m) => received.push(m));
    child.emit('message', { type: 'ready', pid: 7 });
    engine.postMessage({ type: 'cancel', scanId: 's' });
    expect(received).toEqual([{ type: 'ready', pid: 7 }]);
    expect(child.posted).toEqual([{ type: 'cancel', scanId: 's' }]);
  });

  it('reports the exit once (a fatal error followed by exit) and goes quiet afterwards', () => {
    const engine = createUtilityEngineProcess('/w.js');
    const child = MockUtilityProcess.forked[0]!;
    const exits: Array<[number | null, string]> = [];
    engine.onExit((code, reason) => exits.push([code, reason]));
    child.emit('error', 'FatalError', 'v8::OOM');
    child.emit('exit', 134);
    expect(exits).toEqual([[null, 'FatalError at v8::OOM']]);
    engine.postMessage({ type: 'shutdown' });
    engine.kill();
    expect(child.posted).toEqual([]);
    expect(child.killed).toBe(false);
  });
});
