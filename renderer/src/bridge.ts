/**
 * The renderer's only door to the app: `window.forewarn`, provided by the
 * Electron preload or, in a plain browser, by ./browser-bridge.ts. Every
 * rejection leaves here as a ForewarnError with a code (shared/ipc-errors.ts),
 * whichever transport carried it.
 */
import type { ForewarnApi } from '../../shared/ipc-contract';
import { withTypedErrors } from '../../shared/ipc-errors';

declare global {
  interface Window {
    forewarn?: ForewarnApi;
  }
}

export function getForewarn(): ForewarnApi {
  const api = window.forewarn;
  if (!api) throw new Error('window.forewarn is missing: the preload or the browser bridge did not load.');
  return withTypedErrors(api);
}

