/**
 * The sandboxed preload: builds `window.forewarn` from the channel allow-list.
 * It never hands the renderer ipcRenderer or an IpcRendererEvent (security
 * checklist #20), only contract channels pass, and `on` returns an
 * unsubscribe. Bundled as one CJS file with no zod: the main side validates.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel } from '../../shared/ipc-channels';
import type { ForewarnApi } from '../../shared/ipc-contract';

export const forewarnApi = {
  invoke(channel, ...args) {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, ...args);
  },
  on(channel, listener) {
    if (!isEventChannel(channel)) throw new Error(`Unknown event channel: ${String(channel)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  },
} satisfies ForewarnApi;

contextBridge.exposeInMainWorld('forewarn', forewarnApi);
