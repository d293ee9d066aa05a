/**
 * The engine's real refusals reach the New scan view as codes through the
 * Electron transport: ipcMain → Electron's prefixed rejection → preload →
 * the renderer's door. (The browser bridge carries the same envelope:
 * tests/unit/bridge/server.test.ts and tests/unit/renderer/browser-bridge.test.ts.)
 */
import { ipcMain, ipcRenderer } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import { createForewarnApi } from '../../../electron/preload/forewarn-api';
import { ScanRejectedError } from '../../../electron/engine/scan/run-scan';
import { parseTargets, TargetError } from '../../../electron/engine/targets/parse-targets';
import type { ApiHandlers, ForewarnApi } from '../../../shared/ipc-contract';
import { ForewarnError, withTypedErrors, type IpcErrorEnvelope } from '../../../shared/ipc-errors';
import { confirmationsAskedFor, refusalForDisplay } from '../../../renderer/src/scan-errors';
import { resetElectronMock, type MockIpcMain, type MockIpcRenderer } from '../../mocks/electron';

/** The envelope the engine's worker posts for these targets (what run-scan makes of a TargetError). */
async function engineRefusal(specs: string[]): Promise<IpcErrorEnvelope> {
  try {
    await parseTargets(specs, { allowLarge: false, allowPublic: false, resolveHostname: async () => [] });
  } catch (error) {
    if (error instanceof TargetError) return new ScanRejectedError(error.message, error.envelope()).envelope;
  }
  throw new Error(`expected ${specs.join(',')} to be refused`);
}

const START = { targets: ['x'], credentialProfileIds: [], preset: 'quick' as const, confirmations: { allowLarge: false, allowPublic: false } };

/** Handlers whose scan:start rejects the way the engine host does. */
function refusingHandlers(envelope: IpcErrorEnvelope): ApiHandlers {
  return new Proxy({} as ApiHandlers, {
    get: (_t, channel) => (channel === 'scan:start' ? async () => Promise.reject(new ForewarnError(envelope)) : async () => undefined),
  });
}

/** The error the view receives for a scan:start. */
async function viewError(api: ForewarnApi): Promise<unknown> {
  return api.invoke('scan:start', START).then(
    () => {
      throw new Error('expected scan:start to be refused');
    },
    (error: unknown) => error,
  );
}

describe('engine refusals in the renderer, through the Electron transport', () => {
  beforeEach(() => resetElectronMock());

  const electronApi = (handlers: ApiHandlers) => {
    registerIpcHandlers(ipcMain, handlers, () => true);
    const main = ipcMain as unknown as MockIpcMain;
    const renderer = ipcRenderer as unknown as MockIpcRenderer;
    renderer.invoke.mockImplementation((channel: string, ...args: unknown[]) => main.invokeAsRenderer(channel, {}, ...args));
    return withTypedErrors(createForewarnApi(ipcRenderer));
  };

  it('asks for allowLarge when the range is larger than a /16, whatever Electron wraps around the message', async () => {
    const error = await viewError(electronApi(refusingHandlers(await engineRefusal(['10.0.0.0/8']))));
    expect(error).toBeInstanceOf(ForewarnError);
    expect(error).toMatchObject({ code: 'needs-confirmation', details: { confirmations: ['allowLarge'], spec: '10.0.0.0/8' } });
    expect(confirmationsAskedFor(error)).toEqual(['allowLarge']);
    const message = (error as Error).message;
    expect(message).not.toContain('Error invoking remote method');
    expect(refusalForDisplay(message)).not.toContain('--allow');
    expect(refusalForDisplay(message)).toContain('more than a /16');
  });

  it('asks for allowPublic for public addresses, and nothing for a malformed target', async () => {
    expect(confirmationsAskedFor(await viewError(electronApi(refusingHandlers(await engineRefusal(['8.8.8.8'])))))).toEqual(['allowPublic']);
    resetElectronMock();
    const malformed = await viewError(electronApi(refusingHandlers(await engineRefusal(['10.0.0.300']))));
    expect(malformed).toMatchObject({ code: 'invalid-targets', message: expect.stringContaining('Invalid target "10.0.0.300"') });
    expect(confirmationsAskedFor(malformed)).toEqual([]);
  });

  it('gives a plain handler failure code "failed" with its own words, and bad arguments "invalid-request"', async () => {
    const handlers = new Proxy({} as ApiHandlers, { get: () => async () => Promise.reject(new Error('The scan engine is shutting down.')) });
    const api = electronApi(handlers);
    expect(await viewError(api)).toMatchObject({ name: 'ForewarnError', code: 'failed', message: 'The scan engine is shutting down.' });
    const bad = await (api.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)('scan:cancel', 42).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/^Invalid arguments for scan:cancel/) });
  });
});
