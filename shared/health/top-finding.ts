/** A device's most severe finding: what the device table, the CLI and filters show first. */
import { SEVERITY_ORDER, type Finding, type Severity } from './schema';

/** The most severe finding (the engine sorts them, but a device-updated event may come from anywhere). */
export function topFinding(device: { findings?: readonly Finding[] | null }): Finding | null {
  let top: Finding | null = null;
  for (const f of device.findings ?? []) if (!top || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[top.severity]) top = f;
  return top;
}

/** True when a device has a finding at `severity` or worse. */
export function hasFindingAtLeast(device: { findings?: readonly Finding[] | null }, severity: Severity): boolean {
  const top = topFinding(device);
  return top !== null && SEVERITY_ORDER[top.severity] >= SEVERITY_ORDER[severity];
}
