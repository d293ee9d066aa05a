/**
 * Holds Cytoscape's drawing between the slices of a map update.
 *
 * A redraw of a 2,000-device map costs 50-150 ms of main thread whatever
 * changed (Cytoscape redraws every element), and it follows every task that
 * touched the graph: an update applied in 20 slices drew 20 whole maps, the
 * longest tasks of a streaming scan. Between slices the hold keeps Cytoscape
 * in a batch (`cy.startBatch()`, which skips frames and queues the renderer's
 * notifications); each slice runs with the batch lifted, so styles and
 * label sizes are computed in the slice as before. One frame then shows the
 * whole update, with a progress frame every `progressFrameMs` for a long
 * one. Whenever the technician touches the map (pan, zoom, drag, hover), the
 * hold steps aside for a moment, so the map always answers.
 */
import type { Core } from 'cytoscape';

export interface DrawHold {
  /** Holds drawing until the returned release is called (holders nest). */
  acquire(): () => void;
  /** Runs one slice with the batch lifted (style and bounds compute as usual), then holds again. */
  run<T>(slice: () => T): T;
  /** The technician acted on the map from outside the canvas (Fit, search): frames go through for a moment. */
  interact(): void;
  dispose(): void;
}

export interface DrawHoldOptions {
  /** A held update still shows its progress this often. */
  progressFrameMs?: number;
  /** After the last touch of the map, the hold waits this long before holding again. */
  interactionQuietMs?: number;
  now?: () => number;
}

const INTERACTIONS = 'viewport grab drag free tapstart tapend mouseover mouseout';

export function createDrawHold(cy: Core, options: DrawHoldOptions = {}): DrawHold {
  const progressFrameMs = options.progressFrameMs ?? 500;
  const interactionQuietMs = options.interactionQuietMs ?? 300;
  const now = options.now ?? (() => performance.now());
  let holders = 0;
  let batching = false;
  /** When the current stretch without frames began (null: a frame was drawn since). */
  let heldSince: number | null = null;
  let quietFrom = 0;
  let disposed = false;

  const lift = () => {
    if (!batching) return;
    batching = false;
    cy.endBatch();
  };
  const hold = () => {
    if (disposed || batching || holders === 0 || cy.destroyed()) return;
    const t = now();
    // While the technician works the map, frames go through.
    if (t < quietFrom) return;
    // A long update lets a frame through now and then, so the map visibly grows.
    if (heldSince === null) heldSince = t;
    else if (t - heldSince >= progressFrameMs) return;
    batching = true;
    cy.startBatch();
  };
  const onFrame = () => {
    heldSince = null;
  };
  const onInteraction = () => {
    quietFrom = now() + interactionQuietMs;
    lift();
  };
  cy.on('render', onFrame);
  cy.on(INTERACTIONS, onInteraction);

  return {
    acquire() {
      holders += 1;
      hold();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0) lift();
      };
    },
    interact: onInteraction,
    run(slice) {
      lift();
      try {
        return slice();
      } finally {
        hold();
      }
    },
    dispose() {
      disposed = true;
      lift();
      if (!cy.destroyed()) {
        cy.off('render', onFrame);
        cy.off(INTERACTIONS, onInteraction);
      }
    },
  };
}
