/**
 * Walk bounds applied when the caller gives none. Shared by the live and the
 * file source so the same table yields the same (possibly truncated) rows
 * whichever way it is read.
 */
export const DEFAULT_WALK_MAX_ROWS = 50_000;
export const DEFAULT_WALK_TIMEOUT_MS = 60_000;
