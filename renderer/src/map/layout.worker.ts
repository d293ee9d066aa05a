/**
 * The map layout off the main thread: dagre on 2,000 devices is a few hundred
 * milliseconds the window would otherwise freeze for. Same-origin module
 * worker (built by Vite), allowed by the CSP's script-src 'self'.
 */
import dagre from '@dagrejs/dagre';
import type { DagreLike } from '../../../shared/topology/layout';
import { computeMapPositions, type LayoutRequest, type LayoutResponse } from './map-layout';

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: LayoutResponse): void };

scope.onmessage = (e) => {
  const { id, ...request } = e.data;
  try {
    scope.postMessage({ id, positions: computeMapPositions(request, dagre as unknown as DagreLike) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
