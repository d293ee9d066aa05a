/**
 * Forecasts: a least-squares line through (time, value) points from two or
 * more scans, and the date it crosses a target. Pure and deterministic.
 */
import type { Device } from '../scan-document';

export interface TrendPoint {
  /** Epoch milliseconds. */
  t: number;
  v: number;
}

const DAY_MS = 86_400_000;

export function linearTrend(points: readonly TrendPoint[]): { slopePerDay: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mv = points.reduce((a, p) => a + p.v, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.v - mv);
    den += (p.t - mt) ** 2;
  }
  if (den === 0) return null;
  const slopePerMs = num / den;
  return { slopePerDay: slopePerMs * DAY_MS, intercept: mv - slopePerMs * mt };
}

/**
 * When the trend reaches `target`, moving in the direction given; null when
 * the trend does not move that way (a shrinking disk never fills).
 */
export function dateWhenReaches(points: readonly TrendPoint[], target: number, direction: 'up' | 'down'): Date | null {
  const line = linearTrend(points);
  if (!line) return null;
  const slopePerMs = line.slopePerDay / DAY_MS;
  if ((direction === 'up' && slopePerMs <= 0) || (direction === 'down' && slopePerMs >= 0)) return null;
  const t = (target - line.intercept) / slopePerMs;
  if (!Number.isFinite(t)) return null;
  // Already past: the condition is now.
  const last = points[points.length - 1]!.t;
  return new Date(Math.max(t, last));
}

export interface HistoricalDevice {
  /** ISO time of the scan the snapshot came from. */
  at: string;
  device: Device;
}

/** Same physical device across scans: MAC first, then serial (IPs move, names change). */
export function sameDevice(a: Device, b: Device): boolean {
  if (a.mac && b.mac) return a.mac.toLowerCase() === b.mac.toLowerCase();
  if (a.serial && b.serial) return a.serial.trim() === b.serial.trim();
  return false;
}

/** Picks this device's earlier snapshots out of earlier scans, oldest first. */
export function matchHistory(device: Device, scans: ReadonlyArray<{ at: string; devices: readonly Device[] }>): HistoricalDevice[] {
  const out: HistoricalDevice[] = [];
  for (const scan of scans) {
    const match = scan.devices.find((d) => sameDevice(d, device));
    if (match) out.push({ at: scan.at, device: match });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addYears(isoDay: string, years: number): Date {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}
