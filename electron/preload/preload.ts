/**
 * The sandboxed preload (bundled as one CJS file): exposes the typed
 * `window.forewarn` and nothing else. No exports: a sandboxed preload is a
 * script, not a module.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createForewarnApi } from './forewarn-api';

contextBridge.exposeInMainWorld('forewarn', createForewarnApi(ipcRenderer));
