/**
 * `--fail-on SEVERITY`: for RMM scripts that run a scan on a schedule and
 * raise a ticket when something needs a technician. The scan still writes its
 * table and files; only the exit code says "findings at or above SEVERITY".
 */
import type { Device } from '../../shared/scan-document';
import { SEVERITY_ORDER, type Severity } from '../../shared/health/schema';
import { hasFindingAtLeast } from '../../shared/health/top-finding';
import { EXIT, UsageError, type CliOutput } from './output';

const SEVERITIES = Object.keys(SEVERITY_ORDER) as Severity[];

export const FAIL_ON_HELP = `  --fail-on SEVERITY      exit with code 3 when any device has a finding this severe or worse
                          (${[...SEVERITIES].reverse().join(', ')}): for RMM scripts`;

/** The severity a --fail-on value names; a usage error names the choices. */
export function parseFailOn(value: string | undefined): Severity | null {
  if (value === undefined) return null;
  const severity = value.trim().toLowerCase();
  if ((SEVERITIES as string[]).includes(severity)) return severity as Severity;
  throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${value}").`);
}

/** EXIT.findings (3) when --fail-on is given and a device has a finding that severe; stderr says how many. */
export function exitForFindings(devices: readonly Device[], failOn: Severity | null, output: CliOutput): number {
  if (!failOn) return EXIT.ok;
  const tripped = devices.filter((d) => hasFindingAtLeast(d, failOn)).length;
  if (tripped === 0) return EXIT.ok;
  output.err(`${tripped} device${tripped === 1 ? '' : 's'} with ${failOn} findings or worse (--fail-on ${failOn}): exit code ${EXIT.findings}\n`);
  return EXIT.findings;
}
