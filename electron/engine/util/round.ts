/** Rounds to `digits` decimals (readings are stored and shown at a sensible precision). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
