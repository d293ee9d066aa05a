/**
 * `window.forewarn` built from an ipcRenderer: only contract channels pass, the
 * renderer never receives ipcRenderer or an IpcRendererEvent (security
 * checklist #20), and `on` returns an unsubscribe. No zod here: the sandboxed
 * preload stays small and the main side validates every call.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel } from '../../shared/ipc-channels';
import type { ForewarnApi } from '../../shared/ipc-contract';
import { asForewarnError, encodeErrorEnvelope, type IpcErrorEnvelope } from '../../shared/ipc-errors';

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The context bridge hands the page only an Error's message, so the preload
 * rejects with the envelope encoded there, Electron's "Error invoking remote
 * method" prefix gone; renderer/src/bridge.ts rebuilds the ForewarnError.
 */
function transportError(envelope: IpcErrorEnvelope): Error {
  return new Error(encodeErrorEnvelope(envelope));
}

export function createForewarnApi(ipc: IpcRendererLike): ForewarnApi {
  return {
    invoke(channel, ...args) {
      if (!isInvokeChannel(channel)) return Promise.reject(transportError({ code: 'invalid-request', message: `Unknown channel: ${String(channel)}` }));
      return ipc.invoke(channel, ...args).catch((error: unknown) => Promise.reject(transportError(asForewarnError(error).envelope())));
    },
    on(channel, listener) {
      if (!isEventChannel(channel)) throw new Error(`Unknown event channel: ${String(channel)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
      ipc.on(channel, relay);
      return () => {
        ipc.removeListener(channel, relay);
      };
    },
  };
}
